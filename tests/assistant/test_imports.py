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


def test_hit_kind_is_an_enum_across_the_boundary(catalog):
    from index import DocKind, Hit
    from index.documents import documents_from_catalog

    kinds = {d.kind for d in documents_from_catalog(catalog)}
    assert kinds == set(DocKind) and all(isinstance(k, DocKind) for k in kinds)
    assert Hit.__dataclass_fields__["kind"].type in (DocKind, "DocKind")


def test_the_no_title_text_and_the_et_al_marker_have_one_home():
    """'(no formal title)' and the "et al." marker are written in catalog/citation.py only; the
    assistant, the UI, the index and the eval import them from there."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    home = root / "catalog" / "citation.py"
    for folder in ("assistant", "ui", "eval", "index", "catalog"):
        for path in (root / folder).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            if path != home:
                assert "(no formal title)" not in text, path
                assert '= "et al."' not in text and "!= \"et al.\"" not in text and "== \"et al.\"" not in text, path
