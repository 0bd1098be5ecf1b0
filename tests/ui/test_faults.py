"""Fault isolation at every web door: a question whose answering raises is that question's error.

The failure is real: the catalog holds a concept entry damaged after validation (replaced token
detection without a body), so explaining that concept raises inside the assistant. Every door shows a
readable error naming a log reference, the traceback goes to the log file only, and the same
server keeps answering other questions."""

from __future__ import annotations

import asyncio
import re

import pytest

from eval.chatload import ask_in_session, chat_event
from tests.ui.conftest import free_port
from tests.ui.webclient import post_json

FAILING = "what is replaced token detection?"


@pytest.fixture(scope="module")
def broken(search_index, tmp_path_factory):
    """A real server over the real catalog with one damaged entry: (url, log file)."""
    from assistant import Assistant
    from catalog import Catalog, load_catalog
    from ui.faults import LOG, open_error_log
    from ui.mcp_tools import mcp_available
    from ui.server import ServerOptions, ServerThread, create_server

    catalog = load_catalog()
    damaged = catalog.concepts["replaced-token-detection"].model_copy(update={"body": None})
    catalog = Catalog(models=catalog.models, concepts={**catalog.concepts, "replaced-token-detection": damaged})
    log = open_error_log(tmp_path_factory.mktemp("faults"))
    options = ServerOptions(port=free_port(), mcp=mcp_available())
    server = create_server(Assistant(catalog, search=search_index), options)
    with ServerThread(server, options) as url:
        yield url, log
    for h in list(LOG.handlers):
        h.flush()


def _reference(text: str) -> str:
    m = re.search(r"reference ([0-9a-f]{8})", text)
    assert m, text
    return m.group(1)


def _logged(log, ref: str) -> str:
    text = log.read_text()
    assert f"ref {ref}" in text and "Traceback" in text and "AttributeError" in text
    return text


def test_json_api_gives_500_with_a_reason_and_keeps_serving(broken):
    url, log = broken
    r = post_json(url, "/api/ask", {"question": FAILING})
    assert r.status == 500
    error = r.json()
    assert set(error) == {"id", "error"} and "internal error" in error["error"]
    assert "Traceback" not in error["error"] and "AttributeError" not in error["error"]
    _logged(log, _reference(error["error"]))
    assert post_json(url, "/api/ask", {"question": "who built GPT-J?"}).json()["models"] == ["gpt-j"]


def test_gradio_ask_endpoint_returns_an_error_object(broken):
    from gradio_client import Client

    url, log = broken
    client = Client(url, verbose=False)
    result = client.predict(FAILING, [], api_name="/ask")
    assert set(result) == {"id", "error"} and "internal error" in result["error"]
    _logged(log, _reference(result["error"]))
    assert client.predict("who built GPT-J?", [], api_name="/ask")["models"] == ["gpt-j"]


def test_chat_shows_a_readable_bubble_and_the_conversation_goes_on(broken):
    import httpx

    url, log = broken

    async def conversation():
        async with httpx.AsyncClient(base_url=url, timeout=60) as client:
            fn, trigger = chat_event((await client.get("config")).json())
            first = await ask_in_session(client, fn, trigger, "faulty-tab", FAILING, 60)
            second = await ask_in_session(client, fn, trigger, "faulty-tab", "who built GPT-J?", 60)
            return first, second

    first, second = asyncio.run(conversation())
    assert "internal error" in first and "Traceback" not in first and "AttributeError" not in first
    _logged(log, _reference(first))
    assert "GPT-J" in second and "EleutherAI" in second


def test_mcp_ask_is_a_tool_error(broken):
    pytest.importorskip("mcp")
    from tests.ui.test_mcp import mcp_call

    url, log = broken
    result = mcp_call(url, "ask", {"question": FAILING})
    assert result.isError and "internal error" in result.content[0].text
    _logged(log, _reference(result.content[0].text))
    assert mcp_call(url, "ask", {"question": "who built GPT-J?"}).structuredContent["models"] == ["gpt-j"]
