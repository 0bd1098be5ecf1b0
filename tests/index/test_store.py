"""Freshness and safety of the persisted index, fault by fault (deterministic fake embedder:
exact counts; the real-model behaviour is covered in test_search.py)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import pytest

from tests.index.edits import edited_catalog
from index import HashingEmbedder, IndexSettings, documents_from_catalog, open_index
from index.store import MANIFEST, read_manifest


@pytest.fixture()
def settings(tmp_path) -> IndexSettings:
    return IndexSettings(cache_dir=tmp_path / "cache")


def _vectors_file(settings: IndexSettings) -> Path:
    return settings.index_dir / read_manifest(settings.index_dir).vectors_file


def _build(catalog, settings, embedder=None, **kw):
    messages: list[str] = []
    index, report = open_index(catalog, settings, embedder or HashingEmbedder(), report=messages.append, **kw)
    return index, report, messages


def test_first_build_then_fresh_reuse(catalog, settings):
    emb = HashingEmbedder()
    _, first, _ = _build(catalog, settings, emb)
    assert first.reason == "built" and first.embedded == first.documents == len(documents_from_catalog(catalog))
    calls = emb.calls
    _, second, messages = _build(catalog, settings, emb)
    assert second.reason == "fresh" and second.embedded == 0 and emb.calls == calls and not messages
    manifest = json.loads((settings.index_dir / MANIFEST).read_text())
    assert manifest["dimension"] == 64 and manifest["normalized"] is True
    assert manifest["catalog_hash"] == catalog.content_hash
    assert {"faiss", "numpy", "python"} <= set(manifest["versions"])


def test_one_edited_entry_re_embeds_only_its_documents(catalog, settings, tmp_path):
    _build(catalog, settings)
    edited = edited_catalog(tmp_path, "Edited locally for a freshness test.")
    emb = HashingEmbedder()
    index, report, _ = _build(edited, settings, emb)
    assert report.reason == "updated"
    assert report.embedded == 1 and emb.encoded == 1  # only bert#summary changed
    assert index.search("Edited locally freshness", 1, mode="lexical")[0].doc_id == "bert#summary"


def test_missing_vectors_file_is_reported_and_rebuilt(catalog, settings):
    _build(catalog, settings)
    _vectors_file(settings).unlink()
    _, report, messages = _build(catalog, settings)
    assert report.reason.startswith("rebuilt") and report.embedded == report.documents
    assert len(messages) == 1 and "is missing" in messages[0]


def test_truncated_vectors_file_is_reported_and_rebuilt(catalog, settings):
    _build(catalog, settings)
    path = _vectors_file(settings)
    path.write_bytes(path.read_bytes()[:1000])
    index, report, messages = _build(catalog, settings)
    assert report.reason == "rebuilt: damaged index file"
    assert "does not match its manifest" in messages[0]
    assert len(index) == report.documents


def test_lfs_pointer_in_place_of_the_index_is_reported(catalog, settings):
    _build(catalog, settings)
    path = _vectors_file(settings)
    path.write_text("version https://git-lfs.github.com/spec/v1\noid sha256:abc\nsize 123\n")
    _, report, messages = _build(catalog, settings)
    assert "Git LFS pointer" in messages[0] and report.reason.startswith("rebuilt")


def test_manifest_from_another_model_forces_a_rebuild(catalog, settings):
    _build(catalog, settings, HashingEmbedder(dimension=64))
    emb = HashingEmbedder(dimension=32)
    index, report, messages = _build(catalog, settings, emb)
    assert report.reason == "rebuilt: different embedding model" and "dimension 64" in messages[0]
    assert index.store.dimension == 32 and emb.encoded == report.documents


def test_manifest_that_lies_about_the_vectors(catalog, settings):
    _build(catalog, settings)
    path = settings.index_dir / MANIFEST
    data = json.loads(path.read_text())
    data["vectors_sha256"] = "0" * 64
    path.write_text(json.dumps(data))
    _, report, messages = _build(catalog, settings)
    assert report.reason.startswith("rebuilt") and "does not match its manifest" in messages[0]


def test_garbage_manifest_is_reported(catalog, settings):
    _build(catalog, settings)
    (settings.index_dir / MANIFEST).write_text("{not json")
    _, report, messages = _build(catalog, settings)
    assert report.reason == "rebuilt: damaged manifest" and "is damaged" in messages[0]


def test_crash_between_temp_write_and_rename_keeps_previous_index(catalog, settings, monkeypatch):
    index, _, _ = _build(catalog, settings)
    before = {p.name: p.read_bytes() for p in settings.index_dir.iterdir()}
    import index.store as store

    def crash(*args, **kwargs):
        raise KeyboardInterrupt("power cut")

    monkeypatch.setattr(store.os, "replace", crash)
    with pytest.raises(KeyboardInterrupt):
        _build(catalog, settings, force=True)
    monkeypatch.undo()
    after = {p.name: p.read_bytes() for p in settings.index_dir.iterdir()}
    assert after == before  # no temp file left behind, nothing replaced
    _, report, messages = _build(catalog, settings)
    assert report.reason == "fresh" and not messages


def test_read_only_cache_directory_serves_from_memory(catalog, settings):
    if os.geteuid() == 0:
        pytest.skip("root ignores directory permissions")
    settings.index_dir.mkdir(parents=True)
    settings.index_dir.chmod(0o500)
    try:
        index, report, messages = _build(catalog, settings)
    finally:
        settings.index_dir.chmod(0o700)
    assert not report.persisted and "cannot write the index" in messages[0]
    assert len(index) == report.documents


def test_unwritable_cache_path_serves_from_memory(catalog, tmp_path):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the cache directory should be")
    settings = IndexSettings(cache_dir=blocker)
    index, report, messages = _build(catalog, settings)
    assert not report.persisted and "cannot write the index" in messages[0] and "--cache-dir" in messages[0]
    assert blocker.read_text().startswith("a file")  # nothing lost
    assert index.search("BERT", 1, mode="lexical")


def test_hnsw_above_threshold_and_flat_below(catalog, tmp_path):
    small = IndexSettings(cache_dir=tmp_path / "a", hnsw_threshold=10)
    index, _, _ = _build(catalog, small)
    assert type(index.store.index).__name__ == "IndexHNSWSQ"
    flat, _, _ = _build(catalog, IndexSettings(cache_dir=tmp_path / "b"))
    assert type(flat.store.index).__name__ == "IndexFlatIP"
    q = "masked language model pretraining"
    assert index.search(q, 3, mode="dense")[0].doc_id == flat.search(q, 3, mode="dense")[0].doc_id
    only = {"bert", "gpt-3"}
    assert {h.model_id for h in index.search(q, 5, only=only, mode="dense")} <= only
    reopened, report, _ = _build(catalog, small)  # an HNSW index persists and reloads
    assert report.reason == "fresh" and len(reopened) == len(index)


def test_vectors_are_normalized(catalog, settings):
    index, _, _ = _build(catalog, settings)
    norms = np.linalg.norm(index.store.vectors(), axis=1)
    assert np.allclose(norms, 1.0, atol=1e-5)
