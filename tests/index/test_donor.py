"""A second catalog variant's index takes the vectors of documents it shares with an open one."""

from __future__ import annotations

import numpy as np
import pytest

from tests.index.edits import edited_catalog
from index import HashingEmbedder, IndexSettings, documents_from_catalog, open_index


def _settings(tmp_path, name: str) -> IndexSettings:
    return IndexSettings(cache_dir=tmp_path / "cache", name=name)


@pytest.fixture()
def donor(full_catalog, tmp_path):
    index, report = open_index(full_catalog, _settings(tmp_path, "index"), HashingEmbedder())
    assert report.embedded == len(index)
    return index


def test_every_shared_document_is_taken_and_equal_to_its_own_encoding(catalog, donor, tmp_path):
    emb = HashingEmbedder()
    given, report = open_index(catalog, _settings(tmp_path, "index-paper"), emb, donor=donor)
    assert report.reason == "built" and report.embedded == 0 and emb.encoded == 0
    alone, _ = open_index(catalog, IndexSettings(cache_dir=tmp_path / "alone", name="index-paper"), HashingEmbedder())
    assert given.store.doc_ids == alone.store.doc_ids == [d.doc_id for d in documents_from_catalog(catalog)]
    assert np.array_equal(given.store.vectors(), alone.store.vectors())
    reopened, again = open_index(catalog, _settings(tmp_path, "index-paper"), HashingEmbedder())
    assert again.reason == "fresh" and np.array_equal(reopened.store.vectors(), alone.store.vectors())


def test_a_document_whose_text_differs_is_embedded_again(donor, tmp_path):
    edited = edited_catalog(tmp_path, "Edited locally, so its summary differs from the donor's.")
    emb = HashingEmbedder()
    index, report = open_index(edited, _settings(tmp_path, "index-paper"), emb, donor=donor)
    assert report.embedded == emb.encoded == 1
    row = index.store.doc_ids.index("bert#summary")
    assert np.allclose(index.store.vectors()[row], emb.encode([index.document("bert#summary").text])[0])


def test_another_embedding_model_donates_nothing(catalog, donor, tmp_path):
    emb = HashingEmbedder(name="other")
    _, report = open_index(catalog, _settings(tmp_path, "index-paper"), emb, donor=donor)
    assert report.embedded == report.documents == emb.encoded
