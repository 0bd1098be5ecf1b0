"""Share links and exports of a conversation: a ``?h=…&q=…&p=…`` URL, Markdown with sources, one .bib.

Pure functions over the conversation's turns (question, ``Answer`` or ``None``, the text shown);
nothing here imports gradio.
"""

from __future__ import annotations

from datetime import datetime, timezone
from urllib.parse import parse_qsl, urlencode

from assistant.answer import Answer
from catalog import Catalog
from ui.render import authors_line, bibtex_for

MAX_SHARED_HISTORY = 20


def share_query(steps: list, paper_only: bool | None = None) -> str:
    """The query string that replays a conversation's steps in order: ``h=`` an earlier question,
    ``x=`` "the previous reading without its chip n", ``q=`` the last question; then ``p=1`` (the
    paper's catalog only) or ``p=0`` (with the additions since the paper) when the app offers the
    choice (``paper_only`` is not None)."""
    steps = list(steps[-MAX_SHARED_HISTORY:])
    while steps and not isinstance(steps[0], str):  # a chip removal needs the question before it
        steps.pop(0)
    pairs = [("x", str(s["drop"])) if isinstance(s, dict) else ("h", s) for s in steps]
    if pairs and pairs[-1][0] == "h":
        pairs[-1] = ("q", pairs[-1][1])
    if paper_only is not None:
        pairs.append(("p", "1" if paper_only else "0"))
    return "?" + urlencode(pairs)


def shared_paper_only(search: str | None) -> bool | None:
    """The "paper only" setting a page's query string names (``p=1`` / ``p=0``; the last one
    wins), or None when it names none or something else."""
    values = [v.strip() for k, v in parse_qsl((search or "").lstrip("?")) if k == "p"]
    return {"1": True, "0": False}.get(values[-1]) if values else None


def parse_share(search: str | None, max_chars: int) -> list | None:
    """The steps a page's query string asks for, or None when it asks nothing; overlong questions
    and chip removals with nothing before them are dropped."""
    steps: list = []
    for key, value in parse_qsl((search or "").lstrip("?"), keep_blank_values=False):
        value = value.strip()
        if key in ("h", "q") and value and len(value) <= max_chars:
            steps.append(value)
        elif key == "x" and value.isdigit() and steps:
            steps.append({"drop": int(value)})
    return steps[-MAX_SHARED_HISTORY:] or None


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
        if answer is not None and answer.citations and not all(c.url in text for c in answer.citations):
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
