"""The exact re-rank behind the 8-bit stores (a full code scan, or HNSW over the codes): a few
thousand near-duplicate vectors (the shape that made 8-bit codes lose recall at 300k documents)
with each path forced by a lowered threshold, and the re-rank file through the real build on the
real catalog: named with its sha256 in the manifest, verified on load, and reported and rebuilt
when damaged or missing, never used."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from catalog.errors import StaleIndexError
from index import HashingEmbedder, IndexSettings, open_index
from index.rerank import RERANK_DEPTH, needs_rerank, read_rerank, write_rerank
from index.store import MANIFEST, VectorStore, make_faiss_index, read_manifest, read_store
from tests.index.edits import edited_catalog


def _near_duplicates(sources: int = 150, copies: int = 20, dim: int = 48, seed: int = 7) -> np.ndarray:
    """``sources`` random directions, each with ``copies`` slightly noisy copies: near-ties galore."""
    rng = np.random.default_rng(seed)
    base = rng.standard_normal((sources, dim)).astype(np.float32)
    rows = np.repeat(base, copies, axis=0) + rng.standard_normal((sources * copies, dim)).astype(np.float32) * 0.05
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


# lowered thresholds forcing each approximate path on a few thousand vectors
PATHS = {"IndexScalarQuantizer": {"compact_threshold": 100}, "IndexHNSWSQ": {"compact_threshold": 50, "hnsw_threshold": 100}}


@pytest.fixture(scope="module", params=list(PATHS))
def hnsw_store(request):
    vectors = _near_duplicates()
    index = make_faiss_index(vectors, **PATHS[request.param])
    assert needs_rerank(index) and type(index).__name__ == request.param, "the lowered thresholds must force this path"
    n = len(vectors)
    store = VectorStore(index, [str(i) for i in range(n)], [None] * n, rerank=vectors.astype(np.float16))
    queries = vectors[::97] + np.random.default_rng(1).standard_normal((len(vectors[::97]), vectors.shape[1])).astype(np.float32) * 0.05
    return store, vectors, queries / np.linalg.norm(queries, axis=1, keepdims=True)


def _exact_top(vectors: np.ndarray, query: np.ndarray, rows: np.ndarray, k: int) -> list[int]:
    rows = np.sort(rows[rows >= 0])
    scores = vectors[rows].astype(np.float32) @ query
    return rows[np.lexsort((rows, -scores))][:k].tolist()


def test_rerank_returns_the_exact_order_of_the_candidates(hnsw_store):
    store, vectors, queries = hnsw_store
    f16 = np.asarray(store.rerank)
    reordered = 0
    for q in queries:
        _, cand = store.index.search(q.reshape(1, -1), RERANK_DEPTH)
        got = [r for r, _ in store.search(q, 10)]
        assert got == _exact_top(f16, q, cand[0], 10)
        scores = [s for _, s in store.search(q, 10)]
        assert scores == sorted(scores, reverse=True)
        np.testing.assert_allclose(scores, f16[got].astype(np.float32) @ q, rtol=1e-6)
        _, plain = store.index.search(q.reshape(1, -1), 10)
        reordered += plain[0].tolist() != got
    assert reordered > 0, "8-bit codes never reordered a near-tie here: the test would not see a missing re-rank"


def test_rerank_recovers_recall_the_8bit_codes_lose(hnsw_store):
    store, vectors, queries = hnsw_store
    exact = [set(_exact_top(vectors, q, np.arange(len(vectors)), 10)) for q in queries]
    approx = [set(store.index.search(q.reshape(1, -1), 10)[1][0].tolist()) for q in queries]
    reranked = [{r for r, _ in store.search(q, 10)} for q in queries]
    recall = lambda got: np.mean([len(e & g) / 10 for e, g in zip(exact, got)])  # noqa: E731
    assert recall(reranked) >= 0.99 and recall(reranked) > recall(approx)


def test_rerank_respects_allowed_rows(hnsw_store):
    store, vectors, queries = hnsw_store
    allowed = np.arange(0, len(vectors), 3, dtype=np.int64)
    got = [r for r, _ in store.search(queries[0], 10, allowed)]
    assert got and set(got) <= set(allowed.tolist())
    assert got == _exact_top(np.asarray(store.rerank), queries[0], allowed, 10)


def test_write_rerank_streams_blocks_and_read_verifies(tmp_path):
    vectors = _near_duplicates(sources=10, copies=30)
    name, sha = write_rerank(tmp_path, (vectors[i:i + 64] for i in range(0, len(vectors), 64)), *vectors.shape)
    assert name == f"rerank-{sha[:12]}.npy" and not list(tmp_path.glob(".rerank-*"))
    loaded = read_rerank(tmp_path / name, sha, *vectors.shape)
    assert isinstance(loaded, np.memmap) and loaded.dtype == np.float16
    np.testing.assert_array_equal(loaded, vectors.astype(np.float16))
    with pytest.raises(StaleIndexError, match="expected"):
        read_rerank(tmp_path / name, sha, len(vectors) + 1, vectors.shape[1])
    with pytest.raises(ValueError, match="rows"):
        write_rerank(tmp_path, [vectors[:5]], len(vectors), vectors.shape[1])
    assert not list(tmp_path.glob(".rerank-*"))


# -- through the real build, HNSW forced on the real catalog -----------------------------------
def _open(catalog, settings, **kw):
    messages: list[str] = []
    index, report = open_index(catalog, settings, HashingEmbedder(), report=messages.append, **kw)
    return index, report, messages


@pytest.fixture(params=list(PATHS))
def hnsw_settings(tmp_path, request) -> IndexSettings:
    kind = {"IndexScalarQuantizer": {"compact_threshold": 50}, "IndexHNSWSQ": {"compact_threshold": 20, "hnsw_threshold": 50}}
    return IndexSettings(cache_dir=tmp_path / "cache", **kind[request.param])


def _rerank_path(settings: IndexSettings) -> Path:
    return settings.index_dir / read_manifest(settings.index_dir).rerank_file


def test_manifest_names_and_verifies_the_rerank_file(catalog, hnsw_settings):
    built, report, _ = _open(catalog, hnsw_settings)
    manifest = read_manifest(hnsw_settings.index_dir)
    assert manifest.index_type in PATHS and report.reason == "built"
    path = _rerank_path(hnsw_settings)
    assert path.is_file() and manifest.rerank_sha256.startswith(path.stem.split("-", 1)[1])
    import hashlib
    assert hashlib.sha256(path.read_bytes()).hexdigest() == manifest.rerank_sha256
    index, report, messages = _open(catalog, hnsw_settings)
    assert report.reason == "fresh" and not messages
    assert isinstance(index.store.rerank, np.memmap)
    f16 = np.asarray(index.store.rerank)
    q = index.query_vector("masked language model pretraining")
    got = [h.doc_id for h in index.dense("masked language model pretraining", 10)]
    _, cand = index.store.index.search(q.reshape(1, -1), RERANK_DEPTH)
    assert got == [index.store.doc_ids[r] for r in _exact_top(f16, q, cand[0], 10)]
    assert got == [h.doc_id for h in built.dense("masked language model pretraining", 10)]


@pytest.mark.parametrize("fault", ["flip a byte", "truncate", "delete"])
def test_damaged_or_missing_rerank_file_is_reported_and_rebuilt(catalog, hnsw_settings, fault):
    _open(catalog, hnsw_settings)
    path = _rerank_path(hnsw_settings)
    manifest = read_manifest(hnsw_settings.index_dir)
    if fault == "delete":
        path.unlink()
    elif fault == "truncate":
        path.write_bytes(path.read_bytes()[:-100])
    else:
        data = bytearray(path.read_bytes())
        data[len(data) // 2] ^= 0x40
        path.write_bytes(bytes(data))
    with pytest.raises(StaleIndexError, match="re-rank file"):
        read_store(hnsw_settings.index_dir, manifest)
    index, report, messages = _open(catalog, hnsw_settings)
    assert report.reason.startswith("rebuilt") and report.embedded == report.documents
    assert len(messages) == 1 and "re-rank file" in messages[0] and "rebuilding" in messages[0]
    fresh = read_store(hnsw_settings.index_dir, read_manifest(hnsw_settings.index_dir))
    np.testing.assert_array_equal(np.asarray(fresh.rerank), np.asarray(index.store.rerank))


def test_8bit_manifest_without_a_rerank_file_is_rebuilt(catalog, hnsw_settings):
    _open(catalog, hnsw_settings)
    path = hnsw_settings.index_dir / MANIFEST
    data = json.loads(path.read_text())
    data.pop("rerank_file"), data.pop("rerank_sha256")  # a manifest written before re-ranking
    path.write_text(json.dumps(data))
    _, report, messages = _open(catalog, hnsw_settings)
    assert report.reason.startswith("rebuilt") and any("without a re-rank file" in m for m in messages)
    assert read_manifest(hnsw_settings.index_dir).rerank_file


def test_incremental_update_reuses_the_float16_vectors(catalog, hnsw_settings, tmp_path):
    first, _, _ = _open(catalog, hnsw_settings)
    before = np.asarray(first.store.rerank).copy()
    edited = edited_catalog(tmp_path, "Edited for the re-rank update test.")
    index, report, _ = _open(edited, hnsw_settings)
    assert report.reason == "updated" and report.embedded == 1
    changed = index.store.doc_ids.index("bert#summary")
    after = np.asarray(index.store.rerank)
    keep = np.arange(len(after)) != changed
    np.testing.assert_array_equal(after[keep], before[keep])  # not 8-bit codes decoded and re-encoded
    assert len(list(hnsw_settings.index_dir.glob("rerank-*.npy"))) == 1


def test_the_exact_store_has_no_rerank_file(catalog, tmp_path):
    settings = IndexSettings(cache_dir=tmp_path / "cache")
    index, _, _ = _open(catalog, settings)
    manifest = read_manifest(settings.index_dir)
    assert manifest.index_type == "IndexFlatIP" and manifest.rerank_file is None and manifest.rerank_sha256 is None
    assert index.store.rerank is None and not list(settings.index_dir.glob("rerank-*"))
    path = settings.index_dir / MANIFEST
    data = json.loads(path.read_text())
    data.update(rerank_file="rerank-000000000000.npy", rerank_sha256="0" * 64)
    path.write_text(json.dumps(data))
    with pytest.raises(StaleIndexError, match="names a re-rank file for an exact"):
        read_store(settings.index_dir, read_manifest(settings.index_dir))
