"""The JSON HTTP API on the real server (loopback): the contract, the catalog routes, limits and errors."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.ui.test_api import check_contract
from tests.ui.webclient import call, post_json

PREFIX_LM = "which models use prefix-LM objectives?"


@pytest.fixture(scope="module")
def url(served):
    return served[1]


def test_ask_returns_the_contract_object(url, assistant):
    r = post_json(url, "/api/ask", {"question": PREFIX_LM})
    assert r.status == 200 and r.headers["content-type"] == "application/json"
    result = r.json()
    check_contract(result)
    cli = __import__("assistant.service", fromlist=["ask_one"]).ask_one(assistant, PREFIX_LM)
    assert {k: v for k, v in result.items() if k != "latency_ms"} == {k: v for k, v in cli.items() if k != "latency_ms"}


def test_ask_with_history_answers_the_follow_up(url):
    result = post_json(url, "/api/ask", {"question": "which of those are from Google?", "history": [PREFIX_LM]}).json()
    assert result["models"] == ["ul2"]
    assert [c["arxiv_id"] for c in result["citations"]] == ["2205.05131"]


@pytest.mark.parametrize("body, needle", [
    ({"question": 5}, "question"),
    ({"history": []}, "question"),
    ({"question": "who built BERT?", "history": "not a list"}, "history"),
    ({"question": "who built BERT?", "history": ["x"] * 21}, "history"),
    ({"question": "who built BERT?", "extra": 1}, "extra"),
    ({"question": "x" * 2001}, "2000"),
])
def test_bad_input_is_a_400_with_a_reason_that_does_not_echo_it(url, body, needle):
    r = post_json(url, "/api/ask", body)
    assert r.status == 400, r.body
    error = r.json()
    assert set(error) == {"id", "error"} and needle in error["error"]
    assert "x" * 100 not in error["error"] and "not a list" not in error["error"]


def test_invalid_json_is_a_400(url):
    r = call(url, "POST", "/api/ask", b"{not json", {"Content-Type": "application/json"})
    assert r.status == 400 and "error" in r.json()


def test_models_filters_select_what_the_assistant_selects(url, assistant):
    """The typed filters are the assistant's own: the listing equals the answer to the same question."""
    for query, question in (
            ("lab=Google&architecture=encoder-decoder", "which encoder-decoder models are from Google?"),
            ("objective=prefix-lm", PREFIX_LM),
            ("year_from=2019&year_to=2020&architecture=encoder", "encoder models from 2019 to 2020"),
            ("derived_from=LLaMA", "models derived from LLaMA"),
            ("input=image&input=text", "models that take both images and text as input"),
            ("output=image", "which models' outputs include images?")):
        r = call(url, "GET", f"/api/models?{query}&limit=500")
        assert r.status == 200
        data = r.json()
        expected = assistant.ask(question).models
        assert sorted(m["id"] for m in data["models"]) == sorted(expected) and data["total"] == len(expected) > 0, query
    prefix = call(url, "GET", "/api/models?objective=prefix-lm").json()
    assert all("prefix-lm" in m["objectives"] for m in prefix["models"])


def test_models_size_range_and_paging(url, assistant):
    big = call(url, "GET", "/api/models?size_min_b=100&limit=500").json()
    assert big["total"] > 0
    assert all(m["params_millions"] >= 100_000 for m in big["models"])
    page = call(url, "GET", "/api/models?limit=2&offset=1").json()
    assert page["total"] == len(assistant.catalog) and len(page["models"]) == 2
    assert page["models"][0]["id"] == list(assistant.catalog.models)[1]


@pytest.mark.parametrize("query", ["architecture=spaceship", "year_from=2023&year_to=2020", "limit=0",
                                   "size_min_b=10&size_max_b=1", "derived_from=NoSuchModelXYZ"])
def test_bad_filters_are_a_400_with_a_reason(url, query):
    r = call(url, "GET", "/api/models?" + query)
    assert r.status == 400 and r.json()["error"]


def test_one_model_by_id_or_name(url, assistant):
    r = call(url, "GET", "/api/models/chinchilla")
    assert r.status == 200
    record = r.json()
    assert record["id"] == "chinchilla" and record["paper"]["arxiv_id"] == assistant.catalog.models["chinchilla"].paper.arxiv_id
    assert call(url, "GET", "/api/models/Chinchilla").json()["id"] == "chinchilla"
    missing = call(url, "GET", "/api/models/gpt-4")
    assert missing.status == 404 and "no such model" in missing.json()["error"]


def test_cite_in_each_format(url, assistant):
    key = assistant.catalog.models["electra"].paper.bibtex_key
    bib = call(url, "GET", "/api/cite/electra?format=bibtex")
    assert bib.status == 200 and bib.body.decode().startswith("@") and key in bib.body.decode()
    text = call(url, "GET", "/api/cite/electra?format=text").body.decode()
    assert "ELECTRA" in text and "2003.10555" in text
    data = call(url, "GET", "/api/cite/electra?format=json").json()
    assert data["model"] == "electra" and data["arxiv_id"] == "2003.10555" and key in data["bibtex"]
    assert call(url, "GET", "/api/cite/electra?format=yaml").status == 400
    assert call(url, "GET", "/api/cite/nothing-like-this").status == 404


def test_health_and_openapi(url):
    health = call(url, "GET", "/health").json()
    assert health["status"] == "ok" and health["index"] == "ready" and health["models"] > 0
    spec = call(url, "GET", "/openapi.json").json()
    assert {"/api/ask", "/api/models", "/api/models/{model_id}", "/api/cite/{model_id}", "/health"} <= set(spec["paths"])
    schema = spec["components"]["schemas"]["AnswerObject"]["properties"]
    assert {"answer", "models", "citations", "abstained", "retrieved", "latency_ms"} <= set(schema)
    docs = call(url, "GET", "/docs")
    assert docs.status == 200 and b"swagger" in docs.body.lower()


def test_gradio_ask_endpoint_still_serves_gradio_client(url):
    from gradio_client import Client

    result = Client(url, verbose=False).predict("who built BERT?", [], api_name="/ask")
    assert result["models"] == ["bert"]


def test_saturation_is_a_clean_503_with_retry_after_never_a_hang(assistant, port):
    """One answering slot and no waiting room: of 16 simultaneous questions some are refused at once."""
    from ui.server import ServerOptions, ServerThread, create_server

    options = ServerOptions(port=port, concurrency=1, api_queue=0)
    server = create_server(assistant, options)
    history = [PREFIX_LM, "which of those are from Google?", "compare BERT and RoBERTa"] * 6
    with ServerThread(server, options) as url:
        server.warmup.wait()
        with ThreadPoolExecutor(16) as pool:
            replies = list(pool.map(lambda i: post_json(url, "/api/ask", {"question": f"who built BERT? {i}",
                                                                        "history": history}, timeout=30), range(16)))
        statuses = [r.status for r in replies]
        assert set(statuses) <= {200, 503} and 503 in statuses and 200 in statuses, statuses
        for r in replies:
            if r.status == 503:
                assert int(r.headers["retry-after"]) >= 1 and "busy" in r.json()["error"]
        assert post_json(url, "/api/ask", {"question": "who built BERT?"}).json()["models"] == ["bert"]


def test_api_answers_are_independent_between_requests(url):
    """No server-side conversation: a follow-up without history has nothing to refer to."""
    post_json(url, "/api/ask", {"question": PREFIX_LM})
    result = post_json(url, "/api/ask", {"question": "which of those are from Google?"}).json()
    with_history = post_json(url, "/api/ask", {"question": "which of those are from Google?", "history": [PREFIX_LM]})
    assert with_history.json()["models"] == ["ul2"] and result["models"] != ["ul2"]
    assert json.loads(json.dumps(result)) == result


def test_in_paper_filter_selects_the_paper_or_the_additions_as_browse_does(served_full, views):
    """``in_paper`` is the ``catalog`` facet: the same rows as Browse's "In the paper or since" filter."""
    from ui.browse import Filters, filter_entries

    url, whole = served_full[1], views.catalog(False)
    added = call(url, "GET", "/api/models?in_paper=false&limit=500").json()
    assert {m["id"] for m in added["models"]} == whole.beyond_ids and added["total"] == len(whole.beyond_ids) == 42
    assert {m["in_paper"] for m in added["models"]} == {False}
    paper = call(url, "GET", "/api/models?in_paper=true&limit=500").json()
    assert {m["id"] for m in paper["models"]} == whole.paper_ids and {m["in_paper"] for m in paper["models"]} == {True}
    assert call(url, "GET", "/api/models?limit=500").json()["total"] == len(whole) == 119
    meta = call(url, "GET", "/api/models?in_paper=false&lab=Meta&limit=500").json()
    browse = [e.id for e in filter_entries(whole, Filters(in_paper=False, lab="Meta"))]
    assert [m["id"] for m in meta["models"]] == browse and "llama-2" in browse and "llama" not in browse
    bad = call(url, "GET", "/api/models?in_paper=perhaps")
    assert bad.status == 400 and "in_paper" in bad.json()["error"] and "perhaps" not in bad.json()["error"]
    assert call(url, "GET", "/api/models/llama-2").json()["in_paper"] is False
    assert "@" in call(url, "GET", "/api/cite/llama-2?format=bibtex").body.decode()


def test_paper_only_server_reveals_no_addition(url, views):
    """The session's server runs as ``serve --paper-only``: no addition is listed, and an addition's id
    is a 404 that says why (an unknown id keeps the plain reason)."""
    whole = views.catalog(False)
    listed = call(url, "GET", "/api/models?limit=500").json()
    assert listed["total"] == 77 and not {m["id"] for m in listed["models"]} & whole.beyond_ids
    assert {m["in_paper"] for m in listed["models"]} == {True}
    assert call(url, "GET", "/api/models?in_paper=false").json()["total"] == 0
    assert call(url, "GET", "/api/models?in_paper=true").json()["total"] == 77
    for path in ("/api/models/llama-2", "/api/models/Llama%202", "/api/cite/llama-2?format=bibtex",
                 "/api/cite/mixtral-8x7b?format=json"):
        r = call(url, "GET", path)
        error = r.json()["error"]
        assert r.status == 404 and "--paper-only" in error and "added since the paper" in error, path
        assert "Llama" not in error and "Mixtral" not in error and "@" not in error
    unknown = call(url, "GET", "/api/models/no-such-model-xyz")
    assert unknown.status == 404 and unknown.json()["error"] == "no such model in the catalog"
    assert call(url, "GET", "/api/models/bert").json()["in_paper"] is True
