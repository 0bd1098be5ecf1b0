"""Fixtures of the assistant tests."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def plain(catalog):
    """An assistant with no search index: structured answers only (no embedding model loaded)."""
    from assistant import Assistant

    return Assistant(catalog)
