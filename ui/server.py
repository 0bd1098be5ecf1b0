"""One process, one port: the JSON API, MCP (optional) and the Gradio app, behind one gate.

``create_server`` builds a FastAPI app with ``/api/*``, ``/health``, OpenAPI at ``/docs``, MCP
at ``/mcp`` (with ``mcp=True``) and the Gradio app mounted at ``/`` (chat, browse, timeline and
Gradio's ``/ask`` endpoint for ``gradio_client``), wrapped in ``ui.guard.Guard``. ``ServerThread``
runs it with uvicorn on loopback (``serve`` runs it in the main thread, tests in a thread).
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from dataclasses import dataclass

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")  # before gradio is imported

import gradio as gr  # noqa: E402
import uvicorn  # noqa: E402
from fastapi import FastAPI  # noqa: E402

from ui import sessions  # noqa: E402
from ui.app import TITLE, build_app, theme  # noqa: E402
from ui.faults import FaultIsolated  # noqa: E402
from ui.guard import Guard, is_loopback  # noqa: E402
from ui.http_api import Admission, api_router, install_error_handlers  # noqa: E402
from ui.records import Hidden  # noqa: E402
from ui.style import CSS, JS  # noqa: E402
from ui.views import Views  # noqa: E402
from ui.warmup import Warmup  # noqa: E402


@dataclass(frozen=True)
class ServerOptions:
    host: str = "127.0.0.1"
    port: int = 7860
    max_chars: int = 2000
    concurrency: int = 4  # answers computed at once, per door (chat queue; JSON API and MCP)
    queue_size: int = 64  # chat events allowed to wait in Gradio's queue; beyond: a busy message
    api_queue: int = 512  # JSON API / MCP requests allowed to wait (a waiting request costs little); beyond: 503
    max_body: int = 256 * 1024  # bytes, every route
    mcp: bool = False


@dataclass
class Server:
    """The ASGI app to serve plus the parts tests and benchmarks look at."""

    asgi: Guard
    api: FastAPI
    blocks: gr.Blocks
    warmup: Warmup
    admission: Admission
    state_holder: sessions.StatelessAwareStateHolder
    mcp: object | None = None


def create_server(assistant, options: ServerOptions = ServerOptions(), *, feedback=None) -> Server:
    """Every door over fault-isolated assistants; starts warming the search indexes.

    ``assistant``: one assistant, or ``ui.views.Views`` (the whole catalog and the paper's alone:
    the web app lets each session choose; the other doors answer with the default).
    ``feedback``: where the chat stores ratings (``ui.feedback.FeedbackStore``; default: in the cache directory)."""
    views = (assistant if isinstance(assistant, Views) else Views.single(assistant)).map(FaultIsolated)
    assistant = views.default
    warmup = Warmup(*views.assistants()).start()
    blocks = build_app(views, max_chars=options.max_chars, concurrency=options.concurrency,
                       queue_size=options.queue_size, warmup=warmup, feedback=feedback)
    sessions.quiet_queue(blocks)
    admission = Admission(options.concurrency, options.api_queue)
    mcp = None
    lifespans: list = [lambda: sessions.sweep_queue(blocks)]

    @contextlib.asynccontextmanager
    async def lifespan(_app):
        async with contextlib.AsyncExitStack() as stack:
            for ctx in lifespans:
                await stack.enter_async_context(ctx())
            yield

    api = FastAPI(title=TITLE, version="1", lifespan=lifespan, docs_url="/docs", redoc_url=None,
                  description="Grounded, cited answers about the Transformer model catalog. "
                              "`POST /api/ask` returns the command line's `ask --json` object.")
    install_error_handlers(api)
    hidden = Hidden.of(views)  # --paper-only: the programs' doors say why an addition is not found
    api.include_router(api_router(assistant, warmup, max_chars=options.max_chars, admission=admission, hidden=hidden))
    if options.mcp:
        from ui.mcp_tools import build_mcp, mount_mcp

        mcp = build_mcp(assistant, max_chars=options.max_chars, admission=admission, host=options.host, hidden=hidden)
        session_lifespan = mount_mcp(api, mcp)
        lifespans.append(lambda: session_lifespan)
    gr.mount_gradio_app(api, blocks, path="/", server_name=options.host, server_port=options.port,
                        show_error=False, max_file_size="1kb", ssr_mode=False, enable_monitoring=False,
                        mcp_server=False, run_history=False, theme=theme(), css=CSS, js=JS)
    gradio_app = api.routes[-1].app
    install_error_handlers(gradio_app)
    holder = sessions.install(gradio_app, blocks)
    guarded = Guard(api, max_body=options.max_body, loopback_only=is_loopback(options.host))
    return Server(guarded, api, blocks, warmup, admission, holder, mcp)


def uvicorn_config(server: Server, options: ServerOptions) -> uvicorn.Config:
    return uvicorn.Config(server.asgi, host=options.host, port=options.port, log_level="warning",
                          loop="auto", http="auto", lifespan="on", timeout_keep_alive=15, backlog=2048,
                          limit_concurrency=1024, server_header=False, access_log=False,
                          timeout_graceful_shutdown=5)


class ServerThread:
    """Serve in a background thread (tests, benchmarks): ``with ServerThread(server, options) as url: ...``."""

    def __init__(self, server: Server, options: ServerOptions):
        self.server = server
        self.uvicorn = uvicorn.Server(uvicorn_config(server, options))
        self.url = f"http://{options.host}:{options.port}/"
        self._thread = threading.Thread(target=self.uvicorn.run, name="catalog-server", daemon=True)

    def start(self, timeout: float = 60.0) -> str:
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not self.uvicorn.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError(f"the server did not start on {self.url}")
            time.sleep(0.05)
        return self.url

    def stop(self) -> None:
        self.uvicorn.should_exit = True
        self._thread.join(30)

    def __enter__(self) -> str:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
