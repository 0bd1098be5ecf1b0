"""Reverse citation lookup: an arXiv id, a paper title (fuzzy) or an author name -> catalog models.

An arXiv id (``2203.15556``) is found first and masked, so it is never read as a year. A title
is matched with rapidfuzz's partial alignment against every catalog paper title; an author by
full name anywhere, or by surname right after an authorship cue ("papers by Raffel").
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from assistant.lexicon import Lexicon
from assistant.query import Lookup
from catalog import ET_AL, Catalog

ARXIV = re.compile(r"(?<![\w.])(?:arxiv[:\s]*)?(\d{4}\.\d{4,5})(?:v\d+)?(?![\w.]*\d)", re.I)
TITLE_CUTOFF = 90


class CitationIndex:
    def __init__(self, catalog: Catalog, lex: Lexicon):
        self.catalog, self.lex = catalog, lex
        self.by_arxiv: dict[str, list[str]] = {}
        self.titles: dict[str, list[str]] = {}
        self.authors: dict[str, list[str]] = {}
        for e in catalog.models.values():
            p = e.paper
            if p.arxiv_id:
                self.by_arxiv.setdefault(p.arxiv_id, []).append(e.id)
            if p.title:
                self.titles.setdefault(p.title, []).append(e.id)
            for a in p.authors:
                if a != ET_AL:
                    self.authors.setdefault(a, []).append(e.id)
        self.surnames: dict[str, list[str]] = {}
        for name in self.authors:
            self.surnames.setdefault(name.split()[-1].lower(), []).append(name)

    def paper(self, text: str) -> tuple[Lookup | None, list[str], tuple[int, int] | None]:
        """(lookup, model ids, span used) for an arXiv id or a paper title in the question."""
        m = ARXIV.search(text)
        if m:
            return Lookup(kind="arxiv", value=m.group(1)), self.by_arxiv.get(m.group(1), []), m.span()
        return self._title(text) or (None, [], None)

    def _title(self, text: str):
        if len(text) < 20 or not (self.lex.has("title_cue", text) or len(text) >= 48):
            return None
        low = text.lower()
        best, best_score, best_span = None, 0.0, None
        for title in self.titles:
            if len(title) < 12:
                continue
            al = fuzz.partial_ratio_alignment(title.lower(), low, score_cutoff=TITLE_CUTOFF)
            if al and al.score > best_score and (al.dest_end - al.dest_start) >= 0.6 * len(title):
                best, best_score, best_span = title, al.score, (al.dest_start, al.dest_end)
        if best is None:
            return None
        return Lookup(kind="title", value=best), list(self.titles[best]), best_span

    def author(self, text: str, masked) -> tuple[Lookup | None, list[str], tuple[int, int] | None]:
        low = text.lower()
        words = set(re.findall(r"[a-z]+", low))
        for name, models in self.authors.items():
            if name.split()[-1].lower() not in words:
                continue
            i = low.find(name.lower())
            if i >= 0 and re.match(r"\W|$", low[i + len(name):i + len(name) + 1] or " ") and not any(
                    s < i + len(name) and i < e for s, e in masked):
                return Lookup(kind="author", value=name), list(models), (i, i + len(name))
        for m in re.finditer(r"[A-Z][a-z]{3,}", text):
            names = self.surnames.get(m.group().lower())
            cued = self.lex.first("author_cue", low[:m.start()]) or self.lex.first("author_after", low[m.end():])
            if names and cued and not any(s <= m.start() < e for s, e in masked):
                models = [x for n in names for x in self.authors[n]]
                return Lookup(kind="author", value=names[0] if len(names) == 1 else m.group()), list(dict.fromkeys(models)), m.span()
        return None, [], None
