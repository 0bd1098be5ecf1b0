"""Feedback on answers: thumbs up/down with an optional note, kept in SQLite on this machine.

``FeedbackStore`` opens a short-lived connection per call (WAL mode, a busy timeout), so any
number of web sessions and threads can write at once. The schema is created on first use.
``catalog-assistant feedback export`` writes the rows as JSON Lines in the eval runner's gold
format (``catalog-assistant eval --gold FILE`` reads them), or every stored field with ``--raw``.
Nothing here imports gradio or the index; nothing is sent anywhere.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import sys
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime, timezone
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

FILENAME = "feedback.sqlite3"
RATINGS = ("up", "down")
MAX_NOTE = 2000
SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    created     TEXT NOT NULL,
    session     TEXT NOT NULL,
    rating      TEXT NOT NULL CHECK (rating IN ('up', 'down')),
    note        TEXT NOT NULL DEFAULT '',
    question    TEXT NOT NULL,
    history     TEXT NOT NULL,
    answer      TEXT NOT NULL,
    intent      TEXT NOT NULL,
    models      TEXT NOT NULL,
    abstained   INTEGER NOT NULL,
    query       TEXT,
    app_version TEXT NOT NULL
)
"""


def app_version() -> str:
    try:
        return version("transformer-catalog-assistant")
    except PackageNotFoundError:
        return "unknown"


@dataclass(frozen=True)
class Rated:
    """What a rating is about: one answer (its contract JSON) and the questions before it."""

    question: str
    history: tuple[str, ...]
    answer: dict

    @property
    def query(self):
        """The answer's typed reading when the assistant provides one (the contract's ``query`` field)."""
        return self.answer.get("query")


class FeedbackStore:
    """Ratings in one SQLite file; safe under concurrent writers."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._ready = False  # WAL mode and the table are set up (both persist in the file)
        self._setup = threading.Lock()

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        conn.execute("PRAGMA busy_timeout = 30000")
        if not self._ready:  # switching to WAL needs the file alone: once, one thread at a time, not on every write
            with self._setup:
                if not self._ready:
                    conn.execute("PRAGMA journal_mode = WAL")
                    conn.execute(SCHEMA)
                    self._ready = True
        return conn

    def record(self, rated: Rated, rating: str, session: str, note: str = "") -> int:
        """Store one rating; returns its row id."""
        if rating not in RATINGS:
            raise ValueError(f"rating must be one of {RATINGS}, got {rating!r}")
        a = rated.answer
        row = (datetime.now(timezone.utc).isoformat(timespec="seconds"), session, rating, note[:MAX_NOTE],
               rated.question, json.dumps(list(rated.history), ensure_ascii=False), a.get("answer", ""),
               a.get("intent", ""), json.dumps(a.get("models", [])), int(bool(a.get("abstained"))),
               None if rated.query is None else json.dumps(rated.query, ensure_ascii=False), app_version())
        with closing(self._connect()) as conn:
            cur = conn.execute(
                "INSERT INTO feedback (created, session, rating, note, question, history, answer, intent, models,"
                " abstained, query, app_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row)
            return int(cur.lastrowid)

    def add_note(self, row_id: int, session: str, note: str) -> bool:
        """Attach a note to a rating of the same session; False if there is no such row."""
        with closing(self._connect()) as conn:
            cur = conn.execute("UPDATE feedback SET note = ? WHERE id = ? AND session = ?",
                               (note[:MAX_NOTE], row_id, session))
            return cur.rowcount == 1

    def rows(self) -> list[dict]:
        """Every rating, oldest first, with JSON fields decoded."""
        if not self.path.exists():
            return []
        with closing(self._connect()) as conn:
            conn.row_factory = sqlite3.Row
            found = conn.execute("SELECT * FROM feedback ORDER BY id").fetchall()
        out = []
        for r in found:
            row = dict(r)
            row["history"], row["models"] = json.loads(row["history"]), json.loads(row["models"])
            row["query"] = None if row["query"] is None else json.loads(row["query"])
            row["abstained"] = bool(row["abstained"])
            out.append(row)
        return out


def gold_candidate(row: dict) -> dict:
    """A feedback row as a line the eval runner reads (its ``GoldItem`` fields only).

    A thumbs-up proposes the answer's models (or its abstention) as the expected result; a
    thumbs-down expects nothing yet: a maintainer fills in what the right answer is.
    """
    up = row["rating"] == "up"
    note = f": {row['note']}" if row["note"] else ""
    return {
        "id": f"feedback-{row['id']}", "question": row["question"], "history": row["history"],
        "intent": row["intent"] or "unknown", "category": "feedback",
        "expected_models": sorted(row["models"]) if up and not row["abstained"] else [],
        "optional_models": [], "expected_values": [], "expected_arxiv": [], "expected_keywords": [],
        "abstain": bool(up and row["abstained"]),
        "source": f"feedback {row['rating']} {row['created']} app {row['app_version']}{note}",
    }


def export(store: FeedbackStore, out, raw: bool = False) -> int:
    """Write every rating as JSON Lines to ``out``; returns how many."""
    rows = store.rows()
    for row in rows:
        out.write(json.dumps(row if raw else gold_candidate(row), ensure_ascii=False) + "\n")
    return len(rows)


# -- catalog-assistant feedback export ---------------------------------------------------------
def register(subparsers, common_parser) -> None:
    """Add ``feedback export`` (registered through the ``catalog_assistant.commands`` entry point)."""
    p = subparsers.add_parser("feedback", parents=[common_parser], help="ratings given in the web UI")
    sub = p.add_subparsers(dest="feedback_command", required=True)
    e = sub.add_parser("export", parents=[common_parser],
                       help="write the ratings as JSON Lines (gold candidates for `eval --gold FILE`)")
    e.add_argument("--out", metavar="FILE", type=Path, help="output file (default: standard output)")
    e.add_argument("--raw", action="store_true", help="every stored field instead of the gold format")
    e.set_defaults(func=cmd_export)


def store_path(cache_dir: Path) -> Path:
    return Path(cache_dir) / FILENAME


def cmd_export(args) -> int:
    from index.build import cache_dir_from_env

    store = FeedbackStore(store_path(cache_dir_from_env(args.cache_dir)))
    if args.out is None:
        n = export(store, sys.stdout, raw=args.raw)
    else:
        tmp = args.out.with_name(args.out.name + ".tmp")
        with tmp.open("w", encoding="utf-8") as fh:
            n = export(store, fh, raw=args.raw)
        tmp.replace(args.out)
    print(f"{n} rating{'s' if n != 1 else ''} exported from {store.path}", file=sys.stderr)
    return 0
