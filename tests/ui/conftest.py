"""Shared, read-only fixtures for the UI tests: one real assistant, one real app on loopback."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def assistant(search_index, shared_cache, embedder):
    """The real assistant as ``serve --paper-only`` builds it (real catalog, real embedding model), over
    the session's index cache: ``search_index`` has built it there, so it opens fresh, not re-embedded."""
    from assistant.service import make_assistant
    from assistant.settings import Settings

    return make_assistant(Settings.from_env(cache_dir=shared_cache, paper_only=True), embedder=embedder)


@pytest.fixture(scope="session")
def views(assistant, shared_cache, embedder):
    """What ``serve --paper-only`` serves: the paper's catalog by default (``assistant``), and the whole
    catalog (with the additions since the paper) for a tab that turns its "paper only" toggle off.
    The whole catalog's index is built when the server warms up, after the default one."""
    from assistant.service import make_assistant
    from assistant.settings import Settings
    from ui.views import Views

    full = make_assistant(Settings.from_env(cache_dir=shared_cache, paper_only=False), embedder=embedder)
    return Views(full=full, paper=assistant, paper_only=True)


@pytest.fixture(scope="session")
def feedback_store(tmp_path_factory):
    """Where the session's app stores ratings (a real SQLite file)."""
    from ui.feedback import FeedbackStore

    return FeedbackStore(tmp_path_factory.mktemp("feedback") / "feedback.sqlite3")


@pytest.fixture(scope="session")
def served(views, feedback_store, tmp_path_factory):
    """The real server as ``serve`` runs it (JSON API, MCP, Gradio app, front gate) on a free loopback
    port for the whole session: (Server, url)."""
    from ui.faults import open_error_log
    from ui.mcp_tools import mcp_available
    from ui.server import ServerOptions, ServerThread, create_server

    open_error_log(tmp_path_factory.mktemp("server-log"))
    options = ServerOptions(port=free_port(), mcp=mcp_available())
    server = create_server(views, options, feedback=feedback_store)
    thread = ServerThread(server, options)
    url = thread.start()
    server.warmup.wait()
    try:
        yield server, url
    finally:
        server.warmup.join(600)  # the whole catalog's index may still be building in the background
        thread.stop()


@pytest.fixture(scope="session")
def served_full(served, views):
    """A second real server whose programs' doors (JSON API, MCP) serve the whole catalog, as ``serve``
    without ``--paper-only`` does; it shares the session's assistants (their indexes built by ``served``)."""
    from ui.mcp_tools import mcp_available
    from ui.server import ServerOptions, ServerThread, create_server
    from ui.views import Views

    served[0].warmup.join(600)  # both indexes open before a second warm-up touches them
    options = ServerOptions(port=free_port(), mcp=mcp_available())
    server = create_server(Views(full=views.full, paper=views.paper, paper_only=False), options)
    thread = ServerThread(server, options)
    url = thread.start()
    server.warmup.join(600)
    try:
        yield server, url
    finally:
        thread.stop()


@pytest.fixture(scope="session")
def app_url(served):
    """The URL of the real server (the Gradio app is mounted at its root)."""
    return served[1]


@pytest.fixture(scope="module")
def browser():
    """One headless Debian Chromium per test module."""
    from playwright.sync_api import sync_playwright

    from tests.ui.pages import ARGS, CHROMIUM

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} not found: run 'make browser' (installs Debian's chromium and fonts-noto-cjk)")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def port() -> int:
    """A free loopback port."""
    return free_port()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
