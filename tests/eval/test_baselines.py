"""The top-k baselines: contract-shaped answers from one plain search (real FAISS and BM25,
a deterministic hashing embedder instead of the model)."""

from __future__ import annotations

import pytest

from catalog import load_catalog
from eval.baselines import TOP_K, run_baseline, top_k_answer
from eval.metrics import GoldItem
from index import HashingEmbedder, IndexSettings, open_index


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


@pytest.fixture(scope="module")
def index(catalog, tmp_path_factory):
    settings = IndexSettings(cache_dir=tmp_path_factory.mktemp("baseline-index"))
    return open_index(catalog, settings, HashingEmbedder())[0]


@pytest.mark.parametrize("mode", ["dense", "bm25"])
def test_top_k_answer_has_the_contract_shape(index, catalog, mode):
    a = top_k_answer(index, catalog, "which models use replaced token detection", mode, qid="q1")
    assert a["id"] == "q1" and a["abstained"] is False and a["intent"] == f"baseline-{mode}"
    assert len(a["models"]) == TOP_K == len(set(a["models"]))
    assert [c["model"] for c in a["citations"]] == a["models"]
    assert all(c["arxiv_id"] == catalog.models[c["model"]].paper.arxiv_id for c in a["citations"])
    ranked = list(dict.fromkeys(r["model"] for r in a["retrieved"] if r["model"]))
    assert ranked[:TOP_K] == a["models"] and len(ranked) == 10
    first = index.document(a["retrieved"][0]["doc_id"]).text
    assert a["answer"].startswith(first)


def test_bm25_finds_a_named_model_and_its_facts(index, catalog):
    item = GoldItem(id="f", question="ELECTRA replaced token detection discriminator", intent="fact",
                    category="fact", expected_models=["electra"], expected_values=[["replaced token"]])
    run = run_baseline(index, catalog, [item], "bm25", progress=False)
    assert "electra" in run.results[0]["models"]
    assert run.scores[0].score == 1.0 and run.aggregate.metrics["abstain_recall"] is None


def test_a_followup_is_asked_its_final_question_only(index, catalog):
    item = GoldItem(id="u", question="and its paper?", history=["who built Chinchilla?"], intent="citation",
                    category="followup", expected_models=["chinchilla"], expected_arxiv=["2203.15556"])
    run = run_baseline(index, catalog, [item], "dense", progress=False)
    assert run.results[0]["question"] == "and its paper?"
