"""``catalog-assistant serve``: the web UI, registered through the ``catalog_assistant.commands`` entry point.

Importing this module is cheap: gradio, torch and the index are imported only when the
command runs.
"""

from __future__ import annotations

import importlib.util
import socket
import sys


def register(subparsers, common_parser) -> None:
    """Add the ``serve`` subcommand to the main parser."""
    p = subparsers.add_parser("serve", parents=[common_parser], help="start the web UI (chat, browse, timeline, API)")
    p.add_argument("--host", default="127.0.0.1", help="interface to listen on (default: 127.0.0.1, this machine only)")
    p.add_argument("--port", type=int, default=7860, help="port (default: 7860)")
    p.add_argument("--mcp", action="store_true",
                   help='also serve MCP tools (ask, list_models, get_model, cite) at /mcp (needs the "mcp" extra)')
    p.add_argument("--concurrency", type=int, default=4, help="requests answered at once (default: 4)")
    p.add_argument("--queue-size", type=int, default=64,
                   help="requests allowed to wait; beyond it visitors get a 'busy' message (default: 64)")
    p.add_argument("--api-queue", type=int, default=512,
                   help="JSON API and MCP requests allowed to wait; beyond it they get 503 + Retry-After (default: 512)")
    p.add_argument("--max-body", type=int, default=256 * 1024,
                   help="largest request body accepted, in bytes (default: 262144); larger gets 413")
    p.set_defaults(func=cmd_serve)


def port_in_use(host: str, port: int) -> bool:
    """True when something already listens on ``host:port`` (checked before any slow startup)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server does: TIME_WAIT is not "in use"
        try:
            s.bind((host, port))
        except OSError:
            return True
    return False


def cmd_serve(args) -> int:
    from assistant.service import settings_from_args
    from catalog import collector_paused
    from ui.views import make_views

    if port_in_use(args.host, args.port):
        print(f"error: port {args.port} on {args.host} is already in use; "
              f"choose another with --port (e.g. --port {args.port + 1 if args.port < 65535 else 8080})",
              file=sys.stderr, flush=True)
        return 2

    settings = settings_from_args(args)
    with collector_paused(keep=True):  # both catalogs live as long as the server: the collector stops scanning them
        views = make_views(settings, progress=True)  # the default catalog and the other variant (each tab chooses)
    print("Opening the search index (built on first run)…", file=sys.stderr, flush=True)
    views.default.search  # build or load it now, with a progress bar, before any visitor waits for it
    # the other variant's index (for tabs that flip the "paper only" toggle) opens in the background
    from ui import memory

    memory.limit_arenas()  # for the answering threads to come (ui/memory.py); the build above keeps glibc's default

    if args.mcp and importlib.util.find_spec("mcp") is None:
        print('MCP not started: the "mcp" extra is not installed (pip install -e ".[mcp]"). '
              "Serving the web UI and the JSON API without it.", file=sys.stderr, flush=True)
        args.mcp = False
    import uvicorn

    from ui.faults import open_error_log
    from ui.server import ServerOptions, create_server, uvicorn_config

    log = open_error_log(settings.index.cache_dir)
    options = ServerOptions(host=args.host, port=args.port, concurrency=max(1, args.concurrency),
                            queue_size=max(1, args.queue_size), api_queue=max(0, args.api_queue),
                            max_body=max(1024, args.max_body), mcp=args.mcp)
    server = create_server(views, options)
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        print(f"warning: listening on {args.host}: anyone who can reach this address can use the app",
              file=sys.stderr, flush=True)
    url = f"http://{'[::1]' if args.host == '::1' else args.host}:{args.port}/"

    class Announcing(uvicorn.Server):
        async def startup(self, sockets=None):
            await super().startup(sockets)
            if self.started:
                print(f"Transformer Catalog Assistant running at {url}  (Ctrl+C to stop)", flush=True)
                print(f"JSON API at {url}api/ask (OpenAPI: {url}docs); errors are logged to {log}", flush=True)
                if options.mcp:
                    print(f"MCP server (streamable HTTP) at {url}mcp", flush=True)

    Announcing(uvicorn_config(server, options)).run()
    return 0
