"""The eval metrics on hand-made gold items and answers (no model, no index)."""

from __future__ import annotations

import json
import math

import pytest

from eval.metrics import (
    GoldItem,
    Kind,
    abstention_pr,
    aggregate,
    contains_form,
    item_kind,
    keyword_recall,
    percentile,
    retrieval_scores,
    score_item,
    set_prf,
)
from eval.report import Regression, find_regressions
from eval.run import parse_gold_lines, score_system


def gold(**fields) -> GoldItem:
    base = {"id": "g1", "question": "q?", "intent": "fact", "category": "fact"}
    return GoldItem.model_validate(base | fields)


def answer(text="", models=(), cited=(), abstained=False, retrieved=(), latency=1.0) -> dict:
    """A contract answer object; ``cited`` holds (model, arxiv_id) pairs."""
    return {"id": "g1", "question": "q?", "answer": text, "intent": "x", "models": list(models),
            "citations": [{"model": m, "title": "t", "arxiv_id": a, "url": "u"} for m, a in cited],
            "abstained": abstained, "retrieved": [{"doc_id": f"{m}#facts", "model": m, "score": 1.0} for m in retrieved],
            "latency_ms": latency}


# -- text matching ----------------------------------------------------------------------------
@pytest.mark.parametrize("text, form, found", [
    ("BERT has 340M parameters", "340m", True),
    ("BERT has 340\u00a0million parameters", "340 million", True),
    ("Built by EleutherAI.", "Eleuther", True),
    ("**7** models in the catalog match", "7", True),
    ("released in 2017", "7", False),
    ("LLaMA 7B and 13B", "7", False),
    ("about 1.7 of them", "7", False),
    ("GPT-NeoX has 16B", "6B", False),
    ("a 1.6B model", "6B", False),
    ("GPT-J (6B)", "6B", True),
    ("InstructGPT is tuned", "GPT", False),
    ("derived from GPT-2", "gpt", True),
    ("GPT\\-J is a model", "GPT-J", True),
    ("nothing here", "DeepMind", False),
])
def test_contains_form(text, form, found):
    assert contains_form(text, form) is found


def test_keyword_recall_is_a_plain_lowercase_fraction():
    assert keyword_recall("Predict the NEXT token", ["predict", "next", "token", "mask"]) == 0.75
    assert keyword_recall("anything", []) == 1.0


# -- sets and rankings ------------------------------------------------------------------------
def test_set_prf_ignores_optional_models():
    assert set_prf(["a", "b", "c"], ["a", "b"]) == pytest.approx((2 / 3, 1.0, 0.8))
    assert set_prf(["a", "b", "c"], ["a", "b"], optional=["c"]) == (1.0, 1.0, 1.0)
    assert set_prf(["a"], ["a", "c"], optional=["c"]) == (1.0, 1.0, 1.0)
    assert set_prf([], ["a"]) == (0.0, 0.0, 0.0)
    assert set_prf(["x"], ["a"]) == (0.0, 0.0, 0.0)


def test_retrieval_scores_by_hand():
    r = retrieval_scores(["a", "x", "a", "b"], ["a", "b"])  # duplicates collapse: a, x, b
    assert r.recall_at_5 == r.recall_at_10 == 1.0
    assert r.mrr == 1.0
    assert r.ndcg_at_10 == pytest.approx((1 + 1 / 2) / (1 + 1 / math.log2(3)))
    r = retrieval_scores(["x", "y", "a", "z", "w", "b"], ["a", "b", "c", "d"])
    assert (r.recall_at_5, r.recall_at_10, r.mrr) == (0.25, 0.5, pytest.approx(1 / 3))
    assert retrieval_scores(["o", "a"], ["a"], ignore=["o"]).mrr == 1.0
    assert retrieval_scores([], ["a"]).ndcg_at_10 == 0.0


def test_percentile_interpolates():
    assert percentile([4, 1, 3, 2], 50) == 2.5
    assert percentile([1, 2, 3, 4], 95) == pytest.approx(3.85)
    assert percentile([], 50) is None


def test_abstention_precision_and_recall():
    assert abstention_pr([True, True, False, False], [True, False, True, False]) == (0.5, 0.5)
    assert abstention_pr([True, False], [False, False]) == (None, 0.0)


# -- one item ---------------------------------------------------------------------------------
def test_item_kinds():
    assert item_kind(gold(intent="list", category="list", expected_models=["a"])) is Kind.LIST
    assert item_kind(gold(intent="lineage", category="lineage", expected_models=["a"])) is Kind.LIST
    assert item_kind(gold(intent="lineage", category="lineage", expected_models=["a"],
                          expected_values=[["A"]])) is Kind.FACT
    assert item_kind(gold(intent="count", category="count", expected_models=["a"], expected_values=[["1"]])) is Kind.FACT
    assert item_kind(gold(intent="citation", expected_models=["a"], expected_arxiv=["1"])) is Kind.CITATION
    assert item_kind(gold(intent="compare", expected_models=["a", "b"])) is Kind.COMPARE
    assert item_kind(gold(intent="concept", expected_keywords=["k"])) is Kind.CONCEPT
    assert item_kind(gold(intent="out_of_scope", abstain=True)) is Kind.ABSTAIN


def test_list_item_scores_f1_and_names_misses():
    item = gold(intent="list", category="list", expected_models=["a", "b"], optional_models=["c"])
    s = score_item(item, answer(models=["a", "c", "x"], retrieved=["a", "c", "x"]))
    assert s.score == s.f1 == pytest.approx(2 * 0.5 * 0.5 / 1.0)
    assert s.notes == ("missing: b", "extra: x")
    assert s.retrieval.recall_at_5 == 0.5


def test_fact_needs_every_value_group_and_the_model():
    item = gold(expected_models=["bert"], expected_values=[["340M", "340 million"], ["Google"]])
    assert score_item(item, answer("BERT (Google) has 340 million parameters", ["bert"])).score == 1.0
    assert score_item(item, answer("BERT (Google) has 340 million parameters", ["roberta"])).score == 0.0
    miss = score_item(item, answer("BERT has 340M parameters", ["bert"]))
    assert miss.score == 0.0 and miss.fact is False and miss.notes == ("value not found: Google",)


def test_citation_by_arxiv_or_by_cited_model():
    item = gold(intent="citation", expected_models=["bert"], expected_arxiv=["1810.04805"])
    assert score_item(item, answer("[1]", ["bert"], [("bert", "1810.04805")])).score == 1.0
    assert score_item(item, answer("[1]", ["bert"], [("bert", "1907.11692")])).score == 0.0
    no_arxiv = gold(intent="citation", expected_models=["chatgpt"])
    assert score_item(no_arxiv, answer("[1]", ["chatgpt"], [("chatgpt", None)])).score == 1.0
    assert score_item(no_arxiv, answer("ChatGPT", ["chatgpt"])).score == 0.0


def test_compare_needs_the_exact_model_set_and_values():
    item = gold(intent="compare", category="compare", expected_models=["bert", "roberta"],
                expected_values=[["340M"], ["356M"]])
    assert score_item(item, answer("340M vs 356M", ["roberta", "bert"])).score == 1.0
    assert score_item(item, answer("340M vs 356M", ["roberta", "bert", "t5"])).score == 0.0
    assert score_item(item, answer("340M vs ?", ["roberta", "bert"])).score == 0.0


def test_concept_scores_keyword_recall():
    item = gold(intent="concept", category="concept", expected_keywords=["mask", "token", "predict"])
    s = score_item(item, answer("Some tokens are masked."))
    assert s.score == s.keyword_recall == pytest.approx(2 / 3)
    assert s.notes == ("keyword not found: predict",)


def test_abstention_scoring():
    oos = gold(intent="out_of_scope", category="off_topic", abstain=True)
    assert score_item(oos, answer("not in the catalog", abstained=True)).score == 1.0
    assert score_item(oos, answer("Paris will be sunny", ["bert"])).score == 0.0
    fact = gold(expected_models=["bert"], expected_values=[["Google"]])
    s = score_item(fact, answer("BERT (Google)", abstained=True))
    assert s.score == 0.0 and s.notes[0] == "abstained"


def test_an_error_scores_zero_and_has_no_latency():
    s = score_item(gold(intent="out_of_scope", abstain=True), {"id": "g1", "error": "boom"})
    assert (s.score, s.error, s.latency_ms, s.abstained) == (0.0, "boom", None, False)


# -- a run ------------------------------------------------------------------------------------
def test_aggregate_by_hand():
    items = [gold(id="l", intent="list", category="list", expected_models=["a", "b"]),
             gold(id="f", expected_models=["a"], expected_values=[["X"]]),
             gold(id="o", intent="out_of_scope", category="off_topic", abstain=True)]
    results = [answer(models=["a"], retrieved=["a"], latency=1.0),
               answer("X", ["a"], retrieved=["b", "a"], latency=3.0),
               answer("no", abstained=True, latency=2.0)]
    run = score_system("assistant", items, results, 0.0)
    m = run.aggregate.metrics
    assert run.aggregate.by_intent == {"fact": (1, 1.0), "list": (1, pytest.approx(2 / 3)),
                                       "out_of_scope": (1, 1.0)}
    assert m["overall"] == pytest.approx((2 / 3 + 1 + 1) / 3)
    assert (m["list_f1"], m["fact_acc"], m["abstain_precision"], m["abstain_recall"]) == (
        pytest.approx(2 / 3), 1.0, 1.0, 1.0)
    assert m["citation_acc"] is None and run.aggregate.support["citation_acc"] == 0
    assert m["recall_at_5"] == pytest.approx((0.5 + 1) / 2) and m["mrr"] == pytest.approx((1 + 0.5) / 2)
    assert (m["latency_p50_ms"], run.aggregate.support["recall_at_5"]) == (2.0, 2)
    assert aggregate(items, run.scores) == run.aggregate


def test_bad_gold_lines_are_reported_and_skipped():
    good = {"id": "a", "question": "q", "intent": "fact", "category": "fact"}
    lines = [json.dumps(good), "{not json", json.dumps(good | {"expected_model": ["x"]}),
             json.dumps(good), json.dumps(good | {"id": "b", "abstain": True, "expected_models": ["x"]}), ""]
    items, skipped = parse_gold_lines(lines, "gold.jsonl")
    assert [i.id for i in items] == ["a"]
    assert [s.split(":")[1] for s in skipped] == ["2", "3", "4", "5"]
    assert "not valid JSON" in skipped[0] and "expected_model" in skipped[1] and "duplicate id" in skipped[2]


def test_regressions_are_drops_of_more_than_one_hundredth():
    items = [gold(id="f", expected_models=["a"], expected_values=[["X"]])]
    run = score_system("assistant", items, [answer("X", ["a"], retrieved=["a"])], 0.0)
    old = {"systems": {"assistant": {"aggregate": run.aggregate.to_json()}}}
    assert find_regressions(old, run) == []
    old["systems"]["assistant"]["aggregate"]["metrics"]["overall"] = 1.0
    worse = score_system("assistant", items, [answer("Y", ["a"], retrieved=["a"])], 0.0)
    found = {r.metric: r for r in find_regressions(old, worse)}
    assert found["overall"] == Regression("overall", 1.0, 0.0)
    assert {"fact_acc", "intent/fact", "category/fact"} <= set(found)
    assert "latency_p50_ms" not in found


def test_gold_models_unknown_to_the_catalog_are_named():
    from catalog import load_catalog
    from eval.run import unknown_models

    items = [gold(id="a", expected_models=["bert", "gpt-9"]), gold(id="b", optional_models=["t5"])]
    assert unknown_models(items, load_catalog()) == ["a expects 'gpt-9', which is not a catalog id"]
