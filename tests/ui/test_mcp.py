"""MCP tools through the official ``mcp`` client (streamable HTTP) against the real server."""

from __future__ import annotations

import asyncio
import json

import pytest

pytest.importorskip("mcp", reason='the "mcp" extra is not installed (pip install -e ".[mcp]")')

from mcp import ClientSession  # noqa: E402
from mcp.client.streamable_http import streamablehttp_client  # noqa: E402

PREFIX_LM = "which models use prefix-LM objectives?"


def mcp_call(url: str, tool: str | None, args: dict | None = None):
    """One MCP session: initialize, then list tools (tool=None) or call one tool."""

    async def go():
        async with streamablehttp_client(url.rstrip("/") + "/mcp") as (read, write, _):
            async with ClientSession(read, write) as session:
                await session.initialize()
                if tool is None:
                    return await session.list_tools()
                return await session.call_tool(tool, args or {})

    return asyncio.run(go())


@pytest.fixture(scope="module")
def url(served):
    server, url = served
    assert server.mcp is not None
    return url


def test_four_tools_with_output_schemas(url):
    tools = {t.name: t for t in mcp_call(url, None).tools}
    assert set(tools) == {"ask", "list_models", "get_model", "cite"}
    assert "question" in tools["ask"].inputSchema["properties"]
    assert {"architecture", "lab", "objective", "year_from", "size_min_b"} <= set(tools["list_models"].inputSchema["properties"])
    for name in ("ask", "list_models", "cite"):
        assert tools[name].outputSchema, name


def test_ask_returns_the_answer_object_as_json(url):
    result = mcp_call(url, "ask", {"question": "which of those are from Google?", "history": [PREFIX_LM]})
    assert not result.isError
    data = result.structuredContent
    assert data["models"] == ["ul2"] and data["citations"][0]["arxiv_id"] == "2205.05131"
    assert json.loads(result.content[0].text)["models"] == ["ul2"]  # the text part is JSON too, not a repr


def test_list_models_with_typed_filters(url, assistant):
    result = mcp_call(url, "list_models", {"lab": ["Google"], "objective": ["prefix-lm"]})
    assert not result.isError
    expected = assistant.ask("which models from Google use prefix-LM objectives?").models
    assert [m["id"] for m in result.structuredContent["models"]] == expected == ["ul2"]


def test_get_model_and_cite(url, assistant):
    record = mcp_call(url, "get_model", {"model": "Chinchilla"})
    assert not record.isError and record.structuredContent["id"] == "chinchilla"
    cited = mcp_call(url, "cite", {"model": "electra", "format": "bibtex"}).structuredContent
    assert cited["model"] == "electra" and cited["citation"].startswith("@")
    assert assistant.catalog.models["electra"].paper.bibtex_key in cited["citation"]
    as_json = mcp_call(url, "cite", {"model": "electra", "format": "json"}).structuredContent
    assert as_json["citation"]["arxiv_id"] == "2003.10555"


def test_errors_are_tool_errors_with_a_reason(url):
    missing = mcp_call(url, "get_model", {"model": "gpt-4"})
    assert missing.isError and "no model named" in missing.content[0].text
    too_long = mcp_call(url, "ask", {"question": "x" * 5000})
    assert too_long.isError and "longer than" in too_long.content[0].text
    bad = mcp_call(url, "list_models", {"year_from": 2023, "year_to": 2020})
    assert bad.isError and "year_from" in bad.content[0].text


def test_list_models_filters_by_in_paper(served_full, views):
    url, whole = served_full[1], views.catalog(False)
    tools = {t.name: t for t in mcp_call(url, None).tools}
    assert tools["list_models"].inputSchema["properties"]["in_paper"]
    added = mcp_call(url, "list_models", {"in_paper": False, "limit": 500})
    assert not added.isError
    models = added.structuredContent["models"]
    assert {m["id"] for m in models} == whole.beyond_ids and {m["in_paper"] for m in models} == {False}
    meta = mcp_call(url, "list_models", {"in_paper": True, "lab": ["Meta"]}).structuredContent["models"]
    assert meta and all(m["in_paper"] and "Meta" in m["organizations"] for m in meta)
    assert "llama" in {m["id"] for m in meta} and "llama-2" not in {m["id"] for m in meta}
    assert mcp_call(url, "get_model", {"model": "llama-2"}).structuredContent["in_paper"] is False


def test_paper_only_server_hides_the_additions_from_every_tool(url):
    """The session's server runs as ``serve --paper-only``."""
    listed = mcp_call(url, "list_models", {"limit": 500}).structuredContent
    assert listed["total"] == 77 and {m["in_paper"] for m in listed["models"]} == {True}
    assert mcp_call(url, "list_models", {"in_paper": False}).structuredContent["total"] == 0
    for tool, args in (("get_model", {"model": "llama-2"}), ("cite", {"model": "Mixtral 8x7B", "format": "text"})):
        result = mcp_call(url, tool, args)
        assert result.isError and "--paper-only" in result.content[0].text, tool
        assert "added since the paper" in result.content[0].text
    unknown = mcp_call(url, "get_model", {"model": "no-such-model-xyz"})
    assert unknown.isError and "--paper-only" not in unknown.content[0].text
