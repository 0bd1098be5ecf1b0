"""BM25 as arrays: the same scores as the bm25s reference, built in batches, saved without pickle,
memory-mapped back, and persisted with the index (a damaged file is rebuilt, never used)."""

from __future__ import annotations

import numpy as np
import pytest

from index import HashingEmbedder, IndexSettings, documents_from_catalog, open_index
from index.lexical import LexicalIndex, tokenize
from index.store import read_manifest

QUERIES = ["GPT-J", "masked language model", "sparse attention long sequences", "protein structure",
           "BLOOM BigScience", "who built Chinchilla", "no-such-token-anywhere"]


@pytest.fixture(scope="module")
def texts(catalog):
    return [d.text for d in documents_from_catalog(catalog)]


def test_scores_match_the_bm25s_reference(texts):
    import bm25s

    ref = bm25s.BM25()
    ref.index([tokenize(t) or ["_empty_"] for t in texts], show_progress=False)
    mine = LexicalIndex(texts, batch=37)  # many small batches: the two-pass build must not depend on them
    for q in QUERIES:
        tokens = [t for t in tokenize(q) if t in ref.vocab_dict]
        expected = np.asarray(ref.get_scores(tokens), np.float32) if tokens else np.zeros(len(texts), np.float32)
        np.testing.assert_allclose(mine.scores(q), expected, rtol=1e-5, atol=1e-5)


def test_batch_size_does_not_change_anything(texts):
    a, b = LexicalIndex(texts, batch=1), LexicalIndex(texts, batch=10_000)
    for q in QUERIES:
        assert a.search(q, 10) == b.search(q, 10)


def test_saved_arrays_load_memory_mapped_without_pickle(texts, tmp_path):
    built = LexicalIndex(texts)
    paths = built.save(tmp_path)
    assert sorted(p.name for p in paths) == ["lexical.docs.npy", "lexical.indptr.npy", "lexical.scores.npy",
                                             "lexical.vocab.json"]
    loaded = LexicalIndex.load(tmp_path)
    assert isinstance(loaded.docs, np.memmap) and isinstance(loaded.scores_data, np.memmap)
    for p in paths[:3]:
        np.load(p, allow_pickle=False)  # plain arrays: loading refuses pickled objects
    for q in QUERIES:
        assert loaded.search(q, 10, allowed_rows=np.arange(0, len(texts), 2)) == built.search(
            q, 10, allowed_rows=np.arange(0, len(texts), 2))


def test_the_index_persists_bm25_and_reopens_it_memory_mapped(catalog, tmp_path):
    settings = IndexSettings(cache_dir=tmp_path / "cache")
    _, first = open_index(catalog, settings, HashingEmbedder())
    manifest = read_manifest(settings.index_dir)
    assert first.persisted and manifest.lexical and all((settings.index_dir / n).is_file() for n in manifest.lexical)
    index, again = open_index(catalog, settings, HashingEmbedder())
    assert again.reason == "fresh" and isinstance(index.lexical_index.docs, np.memmap)
    assert index.search("GPT-J", 1, mode="lexical")[0].model_id == "gpt-j"


def test_a_damaged_bm25_file_is_rebuilt_not_used(catalog, tmp_path):
    settings = IndexSettings(cache_dir=tmp_path / "cache")
    open_index(catalog, settings, HashingEmbedder())
    manifest = read_manifest(settings.index_dir)
    scores = settings.index_dir / next(n for n in manifest.lexical if n.endswith(".scores.npy"))
    raw = bytearray(scores.read_bytes())
    raw[-8:] = b"\xff" * 8  # flipped bytes: still a loadable array, wrong scores
    scores.write_bytes(bytes(raw))
    emb = HashingEmbedder()
    index, report = open_index(catalog, settings, emb)
    assert report.reason == "updated" and report.embedded == 0 and report.persisted
    assert scores.read_bytes() != bytes(raw)  # rewritten (same content, same content-addressed name)
    assert index.search("GPT-J", 1, mode="lexical")[0].model_id == "gpt-j"
