"""``serve``'s second catalog variant reuses the first's vectors and still answers as ``--paper-only`` does."""

from __future__ import annotations

import json
from pathlib import Path

from assistant import Assistant
from assistant.service import ask_one
from assistant.settings import index_name
from index import IndexSettings, open_index

GOLD = Path(__file__).resolve().parents[2] / "eval" / "gold" / "test.jsonl"


def test_a_paper_index_made_from_the_whole_catalogs_vectors_answers_like_paper_only(views, assistant, catalog, tmp_path):
    """``assistant`` runs over the paper's own index (every document embedded in the paper's batches);
    the index here embeds nothing: every vector comes from the whole catalog's index, as ``serve``
    builds its second one. Batches differ, so vectors may differ in the last bits; answers may not."""
    settings = IndexSettings(cache_dir=tmp_path / "cache", name=index_name(True))
    donated, report = open_index(catalog, settings, views.full.search.embedder, donor=views.full.search)
    assert report.embedded == 0 and report.documents == len(assistant.search)
    served = Assistant(catalog, search=donated)
    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]
    concept_or_open = [g for g in gold if g["intent"] in ("concept", "citation", "out_of_scope", "fact")]
    assert len(concept_or_open) > 100
    searched = 0
    for g in concept_or_open:
        got = ask_one(served, g["question"], g["history"], qid=g["id"])
        want = ask_one(assistant, g["question"], g["history"], qid=g["id"])
        got.pop("latency_ms"), want.pop("latency_ms")
        assert got == want, g["id"]
        searched += bool(got["retrieved"])
    assert searched > 50, "most of these answers rank documents (scores included in the comparison)"
    assert served.search is donated and assistant.search is not donated
