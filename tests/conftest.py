"""Shared fixtures: the real catalog, a real FAISS index built once per session with the real
embedding model, and an assistant over both. No test touches the user's real cache directory."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

REPO = Path(__file__).resolve().parent.parent
REFERENCE_DIR = REPO / "tests" / "data" / "reference"  # copies of the reference facts, kept in the repo
REFERENCE = REFERENCE_DIR / "catalog-facts.json"
EXTENSION = REFERENCE_DIR / "extension-facts.json"


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path, monkeypatch):
    """Every test gets its own cache directory; nothing is written under the real home."""
    monkeypatch.setenv("CATALOG_ASSISTANT_CACHE", str(tmp_path / "cache"))
    monkeypatch.delenv("CATALOG_ASSISTANT_CATALOG_DIR", raising=False)
    monkeypatch.delenv("CATALOG_ASSISTANT_PHRASING_URL", raising=False)


@pytest.fixture(scope="session")
def catalog():
    """The paper's catalog (the 77 models, no addition): what most tests pin down."""
    from catalog import CatalogSettings, load_catalog

    return load_catalog(CatalogSettings(paper_only=True))


@pytest.fixture(scope="session")
def full_catalog():
    """The paper's 77 models plus the additions beyond the paper."""
    from catalog import CatalogSettings, load_catalog

    return load_catalog(CatalogSettings(paper_only=False))


@pytest.fixture(scope="session")
def embedder():
    from index import SentenceTransformerEmbedder

    return SentenceTransformerEmbedder()


@pytest.fixture(scope="session")
def shared_cache(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("shared-cache")


@pytest.fixture(scope="session")
def search_index(catalog, embedder, shared_cache):
    from assistant.settings import index_name
    from index import IndexSettings, open_index

    # the paper's index, in the folder `--paper-only` uses, so paper-only servers in tests reuse it
    index, _ = open_index(catalog, IndexSettings(cache_dir=shared_cache, name=index_name(True)), embedder)
    return index


@pytest.fixture(scope="session")
def assistant(catalog, search_index):
    from assistant import Assistant

    return Assistant(catalog, search=search_index)


@pytest.fixture()
def ask(assistant):
    """ask(q1, q2, ...) -> the answer to the last question, earlier ones as conversation history."""
    from assistant import Session

    def _ask(*questions: str):
        session = Session()
        answer = None
        for q in questions:
            answer = assistant.ask(q, session)
        return answer

    return _ask
