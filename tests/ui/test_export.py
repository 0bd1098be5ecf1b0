"""Share links and conversation exports (Markdown with sources, one .bib), on real answers."""

from __future__ import annotations

from datetime import datetime, timezone

import bibtexparser
import pytest

from assistant.core import Assistant
from assistant.session import Session
from ui.export import conversation_bibtex, conversation_markdown, parse_share, share_query, shared_paper_only
from ui.files import ExportFiles


@pytest.fixture(scope="module")
def turns(catalog):
    assistant, session = Assistant(catalog), Session()
    out = []
    for q in ("which models use prefix-LM objectives?", "which of those are from Google?", "BibTeX for ELECTRA"):
        answer = assistant.ask(q, session)
        out.append((q, answer, answer.text))
    return out


def test_share_query_round_trips_questions_with_any_characters_and_chip_removals():
    steps = ["which models use prefix-LM objectives?", "a & b = c? #1 (x) [y] 中文", {"drop": 1},
             "which of those are from Google?"]
    query = share_query(steps)
    assert query.startswith("?h=") and "&x=1&" in query and "&q=which+of+those" in query
    assert parse_share(query, max_chars=2000) == steps
    assert "(" not in query and ")" not in query, "safe inside a Markdown link"
    assert parse_share(share_query(steps[:3]), 2000) == steps[:3], "a link may end with a chip removal"
    assert parse_share("", 2000) is None and parse_share("?__theme=dark", 2000) is None
    assert parse_share("?q=" + "x" * 30, max_chars=20) is None
    assert parse_share("?x=0&q=BERT", 2000) == ["BERT"], "a chip removal needs a question before it"


def test_share_query_carries_the_paper_only_setting_when_there_is_a_choice():
    steps = ["how big is Llama 2?", "which of those are from Meta?"]
    for setting, value in ((True, "1"), (False, "0")):
        query = share_query(steps, setting)
        assert query.startswith("?h=") and query.endswith(f"&p={value}"), "the page's click handler reads ?h= / ?q="
        assert parse_share(query, 2000) == steps and shared_paper_only(query) is setting
    assert "p=" not in share_query(steps) and shared_paper_only(share_query(steps)) is None
    assert shared_paper_only("?p=1") is True and shared_paper_only("?q=BERT&p=0") is False
    assert shared_paper_only("?p=yes") is None and shared_paper_only("?p=1&p=0") is False
    assert parse_share("?p=1", 2000) is None, "a setting alone asks nothing"


def test_markdown_export_has_every_question_answer_and_its_sources(turns):
    md = conversation_markdown(turns, "0.1.0", now=datetime(2026, 1, 2, 3, 4, tzinfo=timezone.utc))
    assert md.startswith("# Conversation with the Transformer Catalog Assistant")
    assert "2026-01-02 03:04 UTC" in md and "app version 0.1.0" in md
    for i, (q, answer, _) in enumerate(turns, start=1):
        assert f"## Question {i}\n\n> {q}" in md
        for c in answer.citations:
            assert c.title in md and c.url in md


def test_bib_export_has_each_cited_paper_once(turns, catalog):
    bib = conversation_bibtex(turns, catalog)
    keys = [e.key for e in bibtexparser.parse_string(bib).entries]
    want = {catalog.models[m].paper.bibtex_key for m in ("ul2", "alexatm-20b", "electra")}
    assert set(keys) == want and len(keys) == len(want)


def test_export_files_are_written_once_and_pruned(tmp_path):
    files = ExportFiles(tmp_path, max_age=3600)
    a = files.write("conversation.md", "hello")
    assert a == files.write("conversation.md", "hello") and a.endswith("/conversation.md")
    files.max_age = -1
    files.write("conversation.md", "other")
    assert list(tmp_path.iterdir()) == [], "folders older than max_age are removed"


def test_identical_exports_written_at_once_from_many_threads_all_succeed(tmp_path):
    """The chat answers on several threads; two tabs with the same conversation export the same file
    at the same moment (the serve bench's 50 sessions did, and one event failed)."""
    import threading

    files = ExportFiles(tmp_path)
    for round_ in range(20):
        text = f"the same conversation, round {round_}"
        start, paths, errors = threading.Barrier(16), [], []

        def write():
            start.wait()
            try:
                paths.append(files.write("conversation.md", text))
            except Exception as exc:  # noqa: BLE001 - collected and asserted below
                errors.append(repr(exc))

        threads = [threading.Thread(target=write) for _ in range(16)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == [] and len(set(paths)) == 1, errors[:3]
        assert open(paths[0], encoding="utf-8").read() == text
    assert not [p for p in tmp_path.rglob("*.tmp")], "no temporary file is left behind"
