"""Fixtures of the assistant tests."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def plain(catalog):
    """An assistant with no search index: structured answers only (no embedding model loaded)."""
    from assistant import Assistant

    return Assistant(catalog)


@pytest.fixture(scope="module")
def full(full_catalog):
    """The paper's models and the additions, structured answers only (no search index): one per test module."""
    from assistant import Assistant

    return Assistant(full_catalog)


@pytest.fixture(scope="session")
def full_assistant(full_catalog, embedder, tmp_path_factory):
    """The whole catalog (the paper's models and the additions) with its own search index, so plain-words
    readings (the paraphraser) work as in ``serve``."""
    from assistant import Assistant
    from index import IndexSettings, open_index

    index, _ = open_index(full_catalog, IndexSettings(cache_dir=tmp_path_factory.mktemp("full-index")), embedder)
    return Assistant(full_catalog, search=index)
