"""Retrieval quality on the real catalog with the real embedding model and a real FAISS index."""

from __future__ import annotations

import numpy as np

from index import rank_models


def _models(hits):
    return [m for m, _ in rank_models(hits)]


def test_sparse_attention_ranks_big_bird_first(search_index):
    assert _models(search_index.search("sparse attention for long sequences", 10))[0] == "big-bird"
    assert _models(search_index.search("sparse attention for long sequences", 10, mode="dense"))[0] == "big-bird"


def test_protein_structure_finds_alphafold(search_index):
    for mode in ("dense", "lexical", "hybrid"):
        assert _models(search_index.search("protein structure", 10, mode=mode))[0] == "alphafold", mode


def test_exact_name_lexical_prefers_gpt_j_over_gpt_neo(search_index):
    models = _models(search_index.search("GPT-J", 10, mode="lexical"))
    assert models[0] == "gpt-j"
    assert models.index("gpt-j") < (models.index("gpt-neo") if "gpt-neo" in models else 99)
    assert _models(search_index.search("T0", 5, mode="lexical"))[0] == "t0"


def test_restricting_to_a_model_set(search_index):
    only = {"bert", "roberta"}
    for mode in ("dense", "lexical", "hybrid"):
        hits = search_index.search("masked language model pretraining on books", 10, only=only, mode=mode)
        assert hits and {h.model_id for h in hits} <= only, mode


def test_restricting_to_document_kinds(search_index):
    hits = search_index.search("replaced token detection", 5, kinds={"concept"})
    assert hits and all(h.kind == "concept" for h in hits)
    assert hits[0].doc_id == "concept/replaced-token-detection"


def test_faiss_top_k_equals_brute_force_cosine(search_index, embedder):
    vectors = search_index.store.vectors()
    docs = [d.doc_id for d in search_index.documents]
    for query in ("instruction tuned chat model", "image generation with diffusion", "who built BLOOM"):
        q = embedder.encode([query])[0]
        brute = np.argsort(-(vectors @ q), kind="stable")[:10]
        hits = search_index.dense(query, 10)
        assert [h.doc_id for h in hits] == [docs[i] for i in brute]
        assert np.isclose(hits[0].dense, float(vectors[brute[0]] @ q), atol=1e-5)


def test_query_embeddings_are_cached(embedder):
    a = embedder.encode_query("a question asked twice")
    b = embedder.encode_query("a question asked twice")
    assert a is b
