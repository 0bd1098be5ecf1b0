"""Feedback storage (real SQLite, concurrent writers), its export as gold candidates, the CLI."""

from __future__ import annotations

import json
import sqlite3
import threading

from eval.run import parse_gold_lines
from ui.feedback import FeedbackStore, Rated, export, register

ANSWER = {"answer": "1 catalog model matches [1]", "intent": "list", "models": ["ul2"], "abstained": False,
          "query": {"intent": "list", "constraints": [{"field": "lab", "op": "=", "value": "Google"}]}}


def test_schema_on_first_use_wal_and_rows_round_trip(tmp_path):
    store = FeedbackStore(tmp_path / "db" / "feedback.sqlite3")
    assert store.rows() == [] and not store.path.exists()
    row = store.record(Rated("which of those are from Google?", ("which models use prefix-LM objectives?",), ANSWER),
                       "up", "s1")
    assert store.add_note(row, "s1", "exactly right") and not store.add_note(row, "someone-else", "spoofed")
    [got] = store.rows()
    assert got["rating"] == "up" and got["note"] == "exactly right" and got["models"] == ["ul2"]
    assert got["history"] == ["which models use prefix-LM objectives?"] and got["query"] == ANSWER["query"]
    assert got["app_version"] and got["created"].endswith("+00:00")
    with sqlite3.connect(store.path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_concurrent_writers_lose_nothing(tmp_path):
    store = FeedbackStore(tmp_path / "feedback.sqlite3")

    def rate(worker: int) -> None:
        for i in range(15):
            store.record(Rated(f"q{worker}-{i}", (), ANSWER), "up" if i % 2 else "down", f"s{worker}")

    threads = [threading.Thread(target=rate, args=(w,)) for w in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    rows = store.rows()
    assert len(rows) == 90 and len({r["question"] for r in rows}) == 90


def test_export_is_read_by_the_eval_runner(tmp_path):
    store = FeedbackStore(tmp_path / "feedback.sqlite3")
    store.record(Rated("which prefix-LM models are from Google?", (), ANSWER), "up", "s")
    store.record(Rated("who built FooBERT?", (), {"answer": "not in the catalog", "intent": "abstain", "models": [],
                                                   "abstained": True}), "up", "s")
    store.record(Rated("how big is GPT-3?", (), ANSWER), "down", "s", note="wrong model")
    out = tmp_path / "gold.jsonl"
    with out.open("w") as fh:
        assert export(store, fh) == 3
    items, skipped = parse_gold_lines(out.read_text().splitlines(), str(out))
    assert skipped == [] and [i.id for i in items] == ["feedback-1", "feedback-2", "feedback-3"]
    assert items[0].expected_models == ["ul2"] and items[1].abstain is True
    assert items[2].expected_models == [] and "down" in items[2].source and "wrong model" in items[2].source


def test_feedback_export_command_is_registered_and_writes_a_file(tmp_path, capsys):
    import argparse
    import tomllib
    from pathlib import Path

    pyproject = tomllib.loads((Path(__file__).resolve().parents[2] / "pyproject.toml").read_text())
    assert pyproject["project"]["entry-points"]["catalog_assistant.commands"]["feedback"] == "ui.feedback:register"
    FeedbackStore(tmp_path / "feedback.sqlite3").record(Rated("q", (), ANSWER), "down", "s")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--cache-dir")
    parser = argparse.ArgumentParser()
    register(parser.add_subparsers(dest="command"), common)
    out = tmp_path / "out.jsonl"
    args = parser.parse_args(["feedback", "export", "--cache-dir", str(tmp_path), "--out", str(out)])
    assert args.func(args) == 0
    assert json.loads(out.read_text())["id"] == "feedback-1"
    assert "1 rating exported" in capsys.readouterr().err
    raw = parser.parse_args(["feedback", "export", "--cache-dir", str(tmp_path), "--raw"])
    raw.func(raw)
    assert json.loads(capsys.readouterr().out)["query"] == ANSWER["query"]
