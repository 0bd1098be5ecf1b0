"""The /ask endpoint through gradio_client, against the real app: the contract's JSON, end to end."""

from __future__ import annotations

import json

import pytest

PREFIX_LM = "which models use prefix-LM objectives?"
FIELDS = {
    "id": (str, type(None)), "question": str, "answer": str, "intent": str, "models": list, "citations": list,
    "abstained": bool, "retrieved": list, "latency_ms": (int, float), "clarification": bool, "bibtex": list,
}
CITATION_FIELDS = {"model": (str, type(None)), "concept": (str, type(None)), "title": str, "authors": list,
                   "year": int, "venue": str, "arxiv_id": (str, type(None)), "url": str, "verified": bool}


@pytest.fixture(scope="module")
def client(app_url):
    from gradio_client import Client

    return Client(app_url, verbose=False)


def ask(client, question, history=()):
    result = client.predict(question, list(history), api_name="/ask")
    assert isinstance(result, dict)
    return result


def check_contract(result: dict) -> None:
    for name, kind in FIELDS.items():
        assert name in result, f"missing field {name!r}"
        assert isinstance(result[name], kind), f"{name} is {type(result[name]).__name__}"
    for c in result["citations"]:
        for name, kind in CITATION_FIELDS.items():
            assert isinstance(c[name], kind), f"citation field {name}"
        assert c["url"].startswith("https://")
    for r in result["retrieved"]:
        assert isinstance(r["doc_id"], str) and isinstance(r["score"], (int, float))
    assert all(isinstance(m, str) for m in result["models"])
    assert all(isinstance(b, str) and b.startswith("@") for b in result["bibtex"])
    assert result["latency_ms"] >= 0


def test_prefix_lm_list_follows_the_contract(client, assistant):
    result = ask(client, PREFIX_LM)
    check_contract(result)
    assert result["question"] == PREFIX_LM
    assert sorted(result["models"]) == ["alexatm-20b", "ul2"]
    assert {c["arxiv_id"] for c in result["citations"]} == {"2205.05131", "2208.01448"}
    assert {c["model"] for c in result["citations"]} == {"alexatm-20b", "ul2"}
    assert result["abstained"] is False
    for model in result["models"]:
        assert assistant.catalog.models[model].name in result["answer"]
    assert "[1]" in result["answer"] and "[2]" in result["answer"]


def test_unknown_model_abstains_and_cites_nothing(client):
    result = ask(client, "who built GPT-4?")
    check_contract(result)
    assert result["abstained"] is True
    assert result["citations"] == [] and result["models"] == [] and result["bibtex"] == []


def test_history_is_answered_first(client):
    result = ask(client, "which of those are from Google?", [PREFIX_LM])
    check_contract(result)
    assert result["models"] == ["ul2"]
    assert [c["arxiv_id"] for c in result["citations"]] == ["2205.05131"]


def test_history_as_a_json_string(client):
    result = client.predict("which of those are from Google?", json.dumps([PREFIX_LM]), api_name="/ask")
    assert result["models"] == ["ul2"]


def test_each_call_starts_a_fresh_conversation(client):
    ask(client, PREFIX_LM)
    result = ask(client, "which of those are from Google?")
    check_contract(result)
    assert result["models"] != ["ul2"]  # not read as a follow-up of the earlier call


def test_bibtex_request_returns_the_catalog_entry(client, assistant):
    result = ask(client, "BibTeX for ELECTRA")
    check_contract(result)
    assert result["models"] == ["electra"]
    key = assistant.catalog.models["electra"].paper.bibtex_key
    assert any(key in b for b in result["bibtex"])


def test_overlong_and_malformed_input_get_an_error_not_an_answer(client):
    too_long = client.predict("x" * 2001, [], api_name="/ask")
    assert set(too_long) == {"id", "error"} and "2000" in too_long["error"]
    bad_history = client.predict("which of those are from Google?", "{not json", api_name="/ask")
    assert set(bad_history) == {"id", "error"} and "history" in bad_history["error"]


def test_only_ask_is_exposed_as_an_api_endpoint(client):
    endpoints = client.view_api(print_info=False, return_format="dict")
    assert list(endpoints["named_endpoints"]) == ["/ask"]
    assert endpoints["unnamed_endpoints"] == {}
