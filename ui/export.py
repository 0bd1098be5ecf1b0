"""Share links and exports of a conversation: a ``?q=…&h=…`` URL, Markdown with sources, one .bib.

Pure functions over the conversation's turns (question, ``Answer`` or ``None``, the text shown);
nothing here imports gradio.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import NamedTuple
from urllib.parse import parse_qsl, urlencode

from assistant.answer import Answer
from catalog import Catalog
from ui.render import authors_line, bibtex_for

MAX_SHARED_HISTORY = 20


class Shared(NamedTuple):
    """What a share link asks: earlier questions (answered first), then ``question``."""

    history: list[str]
    question: str


def share_query(questions: list[str]) -> str:
    """The query string (``?h=…&h=…&q=…``) that replays ``questions``, the last one asked last."""
    *history, question = questions
    pairs = [("h", h) for h in history[-MAX_SHARED_HISTORY:]] + [("q", question)]
    return "?" + urlencode(pairs)


def parse_share(search: str | None, max_chars: int) -> Shared | None:
    """The questions of a page's query string, or None when it asks nothing (overlong ones dropped)."""
    pairs = parse_qsl((search or "").lstrip("?"), keep_blank_values=False)
    asked = [v.strip() for k, v in pairs if k == "q" and v.strip()]
    if not asked or len(asked[-1]) > max_chars:
        return None
    history = [v.strip() for k, v in pairs if k == "h" and v.strip() and len(v) <= max_chars]
    return Shared(history[-MAX_SHARED_HISTORY:], asked[-1])


def _source_line(n: int, answer: Answer) -> str:
    c = answer.citations[n - 1]
    where = f"arXiv:{c.arxiv_id} {c.url}" if c.arxiv_id else c.url
    return f"- [{n}] {authors_line(c.authors)}. *{c.title}*. {c.venue}, {c.year}. {where}"


def conversation_markdown(turns, version: str, now: datetime | None = None) -> str:
    """The conversation as a Markdown document: each question, its answer and the answer's sources."""
    now = now or datetime.now(timezone.utc)
    parts = [f"# Conversation with the Transformer Catalog Assistant\n\n"
             f"Exported {now:%Y-%m-%d %H:%M} UTC · app version {version} · every [n] cites the source "
             "listed under its answer.\n"]
    for i, (question, answer, text) in enumerate(turns, start=1):
        quoted = "\n".join("> " + line for line in question.splitlines() or [""])
        parts.append(f"## Question {i}\n\n{quoted}\n\n{text.strip()}\n")
        if answer is not None and answer.citations:
            sources = "\n".join(_source_line(n, answer) for n in range(1, len(answer.citations) + 1))
            parts.append(f"**Sources**\n\n{sources}\n")
    return "\n".join(parts)


def conversation_bibtex(turns, catalog: Catalog) -> str:
    """Every citation of the conversation as one BibTeX file, each entry once."""
    entries: list[str] = []
    for _, answer, _ in turns:
        text = bibtex_for(answer, catalog)
        entries += [e.strip() + "\n" for e in text.split("\n\n") if e.strip()]
    return "\n".join(dict.fromkeys(entries))
