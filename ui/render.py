"""Text for the chat tab: user text made inert, [n] markers linked, the sources panel, BibTeX.

Pure functions over ``Answer`` and ``Catalog`` values; nothing here imports gradio, so the
rendering rules are tested without a browser.
"""

from __future__ import annotations

import html
import re

from assistant.answer import Answer, Citation
from catalog import Catalog, to_bibtex
from catalog.citation import authors_short, no_title

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~$:=^\"'])")
_FENCE = re.compile(r"(```.*?```)", re.S)
_MARKER = re.compile(r"(?<![\\\[])\[(\d+)\](?!\()")
_SAFE_URL = re.compile(r"^https?://[^\s<>\"'()]+$")

EMPTY_SOURCES = '<div class="sources-empty">Sources for the latest answer appear here.</div>'


def escape_user(text: str) -> str:
    """A user's message as plain text: no Markdown, HTML, link or LaTeX syntax survives."""
    escaped = _MD_SPECIAL.sub(r"\\\1", text)
    return escaped.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def safe_url(url: str | None) -> str | None:
    """The URL if it is a plain http(s) address, else None (no javascript:, no quotes)."""
    return url if url and _SAFE_URL.match(url) else None


def link_markers(text: str, citations: list[Citation]) -> str:
    """Turn each ``[n]`` marker outside code blocks into a link to source n's paper."""
    urls = {i: safe_url(c.url) for i, c in enumerate(citations, start=1)}

    def link(match: re.Match) -> str:
        url = urls.get(int(match.group(1)))
        return f"[\\[{match.group(1)}\\]]({url})" if url else match.group(0)

    parts = _FENCE.split(text)
    return "".join(part if part.startswith("```") else _MARKER.sub(link, part) for part in parts)


def authors_line(authors: list[str], limit: int = 6) -> str:
    return authors_short(authors, limit)


def _citation_html(n: int, c: Citation) -> str:
    e = html.escape
    url = safe_url(c.url)
    label = f"arXiv:{c.arxiv_id}" if c.arxiv_id else (c.url if url else "no link")
    link = (f'<a class="source-link" href="{e(url)}" target="_blank" rel="noopener noreferrer">{e(label)}</a>'
            if url else e(label))
    note = "" if c.verified else '<span class="source-note">unverified source</span>'
    return (f'<li class="source" id="source-{n}"><span class="source-n">[{n}]</span> '
            f'<span class="source-title">{e(c.title)}</span>'
            f'<div class="source-meta">{e(authors_line(c.authors))} · {e(c.venue)} · {c.year}</div>'
            f'<div class="source-url">{link} {note}</div></li>')


def sources_html(answer: Answer | None) -> str:
    """The sources panel for one answer: title, authors, venue, year and a link per citation."""
    if answer is None:
        return EMPTY_SOURCES
    if not answer.citations:
        why = "the assistant abstained" if answer.abstained else "this answer cites no paper"
        return f'<div class="sources-empty">No sources: {why}.</div>'
    items = "".join(_citation_html(n, c) for n, c in enumerate(answer.citations, start=1))
    return f'<ol class="sources">{items}</ol>'


def bibtex_for(answer: Answer | None, catalog: Catalog) -> str:
    """BibTeX for every citation of an answer: the answer's own entries, else built from the catalog."""
    if answer is None:
        return ""
    if answer.bibtex:
        return "\n\n".join(answer.bibtex)
    entries: list[str] = []
    for c in answer.citations:
        if c.model and c.model in catalog.models:
            e = catalog.models[c.model]
            entries.append(to_bibtex(e.paper, no_title(e.name)))
        elif c.concept and c.concept in catalog.concepts and catalog.concepts[c.concept].paper:
            k = catalog.concepts[c.concept]
            entries.append(to_bibtex(k.paper, k.title))
    return "\n\n".join(dict.fromkeys(entries))


def answer_markdown(answer: Answer) -> str:
    """The assistant's Markdown with its citation markers linked to the papers."""
    return link_markers(answer.text, answer.citations)
