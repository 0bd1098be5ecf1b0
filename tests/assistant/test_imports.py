"""The CLI stays light: structured answers never import gradio or sentence-transformers."""

from __future__ import annotations

import subprocess
import sys

CODE = """
import sys
from assistant.cli import main
main(["ask", "--json", "who built Chinchilla and how big is it?"])
heavy = [m for m in ("gradio", "sentence_transformers", "torch", "faiss") if m in sys.modules]
print("HEAVY", heavy, file=sys.stderr)
"""


def test_structured_question_imports_nothing_heavy():
    run = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "HEAVY []" in run.stderr
    assert '"chinchilla"' in run.stdout


def test_public_surface_is_pinned():
    import assistant
    import catalog
    import index

    assert set(catalog.__all__) >= {"load_catalog", "Catalog", "ModelEntry", "CatalogError", "StaleIndexError"}
    assert set(index.__all__) >= {"open_index", "SearchIndex", "Hit", "Embedder"}
    assert set(assistant.__all__) >= {"Assistant", "Answer", "Session"}
