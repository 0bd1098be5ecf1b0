"""Shared, read-only fixtures for the eval tests: one index cache folder per test session."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


@pytest.fixture(scope="session")
def eval_cache_dir(tmp_path_factory):
    """Index cache for the real-model eval tests (built by whichever test needs it first)."""
    return tmp_path_factory.mktemp("eval-cache")
