"""Reverse citation lookup: an arXiv id, a paper title (fuzzy) or an author name -> catalog models.

An arXiv id (``2203.15556``) is found first and masked, so it is never read as a year. A title
is matched with rapidfuzz's partial alignment against every catalog paper title; an author by
full name anywhere, or by surname right after an authorship cue ("papers by Raffel").
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from assistant.lexicon import Lexicon
from assistant.query import Lookup
from assistant.titles import PLAIN_WORD, TitleWords, plain_words
from catalog import ET_AL, Catalog

CONCEPT = "concept:"
ARXIV = re.compile(r"(?<![\w.])(?:arxiv[:\s]*)?(\d{4}\.\d{4,5})(?:v\d+)?(?![\w.]*\d)", re.I)
TITLE_CUTOFF = 90
BARE_TITLE_WORDS = 0.75  # share of a title's longer words a question without a title cue must hold


class CitationIndex:
    def __init__(self, catalog: Catalog, lex: Lexicon, english: frozenset = frozenset()):
        self.catalog, self.lex, self.english = catalog, lex, english
        self.by_arxiv: dict[str, list[str]] = {}
        self.titles: dict[str, list[str]] = {}
        self.authors: dict[str, list[str]] = {}
        papers = [(e.paper, e.id) for e in catalog.models.values()]
        papers += [(c.paper, f"{CONCEPT}{c.id}") for c in catalog.concepts.values() if c.paper]
        for p, key in papers:  # a concept's paper (the catalog paper itself) is found as "concept:<id>"
            if p.arxiv_id:
                self.by_arxiv.setdefault(p.arxiv_id, []).append(key)
            if p.title:
                self.titles.setdefault(p.title, []).append(key)
            for a in p.authors:
                if a != ET_AL:
                    self.authors.setdefault(a, []).append(key)
        first: dict[str, list[tuple[str, int]]] = {}
        for p, key in papers:
            if p.authors and p.authors[0] != ET_AL:
                first.setdefault(p.authors[0].split()[-1].lower(), []).append((key, p.year))
        self.words = TitleWords(self.titles, first, lex)
        self.title_words = {t: {w for w in plain_words(t) if len(w) >= 4} for t in self.titles}
        self.surnames: dict[str, list[str]] = {}
        self.spellings: dict[str, str] = {}  # "quoc le" and "quoc v. le" -> "Quoc V. Le"
        for name in self.authors:
            self.surnames.setdefault(name.split()[-1].lower(), []).append(name)
            self.spellings[name.lower()] = name
            self.spellings.setdefault(" ".join(w for w in name.lower().split() if not re.fullmatch(r"\w\.?", w)), name)
        # each spelling under its last word, so a question tries only the spellings whose surname it holds (in order)
        self._by_last: dict[str, list[int]] = {}
        self._spelling_list = list(self.spellings.items())
        for i, (spelling, _) in enumerate(self._spelling_list):
            self._by_last.setdefault(spelling.split()[-1], []).append(i)

    def paper(self, text: str) -> tuple[Lookup | None, list[str], tuple[int, int] | None]:
        """(lookup, model ids, span used) for an arXiv id or a paper title in the question."""
        ids = list(ARXIV.finditer(text))
        if ids:  # several ids ("1810.04805 and 1910.10683", "分别"): each one's models, in the order written
            value = ", ".join(dict.fromkeys(m.group(1) for m in ids))
            models = list(dict.fromkeys(k for m in ids for k in self.by_arxiv.get(m.group(1), [])))
            return Lookup(kind="arxiv", value=value), models, (ids[0].start(), ids[-1].end())
        return self._title(text) or (None, [], None)

    def _title(self, text: str):
        if len(text) < 20:
            return None
        text = self.words.unquote_terms(text)  # a value's name in scare quotes is no title cue
        low = text.lower()
        words = set(plain_words(low))
        best, best_score, best_span = None, 0.0, None
        cued = self.lex.has("title_cue", text)
        for title in self.titles:
            distinct = self.title_words[title]
            main = title.split(":")[0].strip()
            # a title's main part written whole, unquoted ("An Image is Worth 16x16 Words — which entry is that?"): its
            # own words, three or more, all there
            whole_main = main != title and len(own := {w for w in plain_words(main) if len(w) >= 4}) >= 3 and own <= words
            if len(title) < 12 or (len(distinct & words) < max(2, len(distinct) // 2) and not whole_main):
                continue  # most of a title's longer words must be there before the fuzzy alignment runs
            if not cued and len(distinct & words) < BARE_TITLE_WORDS * len(distinct) and not whole_main:
                continue  # "what is instruction tuning" names a concept, not "Visual Instruction Tuning"
            for form in dict.fromkeys([title, main]):  # the whole title first, then its main part
                if len(form) < 12 or (form != title and not cued and self._generic(form)):
                    continue  # "Transformer models" is the generic noun unless the question names a paper
                # the part before a colon is often the model's own name ("Swin Transformer"): only exact there,
                # so "vision transformer" is not read as a misspelt "Swin Transformer"
                al = fuzz.partial_ratio_alignment(form.lower(), low, score_cutoff=TITLE_CUTOFF if form == title else 97)
                if not al or (al.dest_end - al.dest_start) < 0.6 * len(form) or self._foreign(form, low, al.dest_start, al.dest_end):
                    continue
                if al.score > best_score:
                    best, best_score, best_span = title, al.score, (al.dest_start, al.dest_end)
                break  # the whole title found: its main part adds nothing
        if best is None:
            return None
        return Lookup(kind="title", value=best), list(self.titles[best]), best_span

    @staticmethod
    def _foreign(form: str, low: str, start: int, end: int) -> bool:
        """The aligned words hold one the title lacks that is no misspelling of a title word ("Finetuned Language Models
        Are Zero-Shot Learners" is not "Language Models are Few-Shot Learners"): another paper's title. A word the
        alignment cut at either end is not judged."""
        own = plain_words(form.lower())
        said = list(PLAIN_WORD.finditer(low[start:end]))
        if said and start > 0 and low[start - 1].isalnum():
            said = said[1:]
        if said and end < len(low) and low[end].isalnum():
            said = said[:-1]
        return any(w not in own and not any(OSA.distance(w, o) <= 1 + (len(w) > 7) for o in own)
                   for w in (m.group() for m in said) if len(w) >= 3)

    def _generic(self, form: str) -> bool:
        """A short title made only of the lexicon's generic words ("Transformer models")."""
        return all(w in self.lex.stopwords for w in plain_words(form))

    def author(self, text: str, masked, fuzzy: bool = False) -> tuple[Lookup | None, list[str], tuple[int, int] | None]:
        """An author by full name, or by surname after an authorship cue; with ``fuzzy`` (nothing
        else in the question was read) also a surname misspelt by one or two edits ("Colin Rafel")."""
        found = self._author_exact(text, masked)
        return found if found[0] is not None or not fuzzy else self._author_fuzzy(text, masked)

    def _author_fuzzy(self, text: str, masked):
        from rapidfuzz.distance import OSA

        low = text.lower()
        for m in re.finditer(r"[A-Za-z][a-z]{3,}", text):
            word = m.group().lower()
            if any(s <= m.start() < e for s, e in masked) or word in self.english:
                continue  # an ordinary word ("then") is never a misspelt surname ("Chen")
            cued = self.lex.first("author_cue", low[:m.start()]) or self.lex.first("author_after", low[m.end():])
            before = re.findall(r"[a-z]+", low[:m.start()])[-1:]  # "Colin Rafel": the first name right before
            limit = 2 if len(word) >= 7 else 1
            names = [n for sur, ns in self.surnames.items() if OSA.distance(word, sur) <= limit for n in ns
                     if (cued and word != sur and m.group()[0].isupper())  # "trained by masking" is no misspelt Manning
                     or (before and len(before[0]) >= 4 and OSA.distance(n.lower().split()[0], before[0]) <= 1)]
            if names and (cued or len(names) == 1):
                models = [x for n in names for x in self.authors[n]]
                return Lookup(kind="author", value=names[0]), list(dict.fromkeys(models)), m.span()
        return None, [], None

    def quoted(self, text: str, mentions) -> tuple[Lookup | None, list[str], tuple[int, int] | None]:
        """A title quoted after a paper word ("the paper 'Finetuned Language Models Are Zero-Shot Learners'",
        论文《…》) that matched no catalog title: looked up all the same, so the answer says no catalog model cites it
        instead of guessing from its words. Never a quoted model name (the ``quoted_title`` cue wants three words)."""
        m = self.lex.first("quoted_title", text)
        if not m or any(m.start("title") <= a < m.end("title") for a, _ in mentions):
            return None, [], None
        return Lookup(kind="title", value=m.group("title").strip()), [], m.span("title")

    def named(self, text: str):
        """Before model names are linked: "Lewis et al. 2019", or an author's full name ("Albert Q.
        Jiang" outranks the model ALBERT named by one of its words)."""
        found = self.words.first_author(text)
        if found:
            words, models, span = found
            return Lookup(kind="author", value=words), models, span
        lookup, models, span = self._author_exact(text, [], full_only=True)
        if lookup:
            return lookup, models, span
        person = self.lex.first("person_name", text)  # "Albert Q. Jiang" with no such catalog author: a person, not ALBERT
        return (Lookup(kind="author", value=person.group()), [], person.span()) if person else (None, [], None)

    def by_words(self, text: str, names: list[tuple[int, int]]):
        """A title fragment or paraphrase, matched on content words (assistant/titles.py); or words quoted as
        being in a title ("the paper with 'Longtermism' in the title"), when one catalog title holds them."""
        quoted = self.lex.first("title_quoted", text)
        if quoted:
            hits = self.words.containing(quoted.group("words"))
            if len(hits) == 1:
                return Lookup(kind="title", value=hits[0]), list(self.titles[hits[0]]), quoted.span()
        found = self.words.match(text, names)
        if not found:
            return None, [], None
        title, span = found
        return Lookup(kind="title", value=title), list(self.titles[title]), span

    def _author_exact(self, text: str, masked, full_only: bool = False) -> tuple[Lookup | None, list[str], tuple[int, int] | None]:
        low = text.lower()
        words = set(re.findall(r"[^\W\d_]+", low))  # "köpf", "rozière": a surname's letters, accents too
        for i in sorted(i for w in words for i in self._by_last.get(w, ())):
            spelling, name = self._spelling_list[i]
            if full_only and " " not in spelling:
                continue
            m = re.search(rf"(?<!\w){re.escape(spelling)}(?!\w)", low)
            if m and not any(s < m.end() and m.start() < e for s, e in masked):
                return Lookup(kind="author", value=name), list(self.authors[name]), m.span()
        if full_only:
            return None, [], None
        for m in re.finditer(r"[A-Z][a-z]{3,}", text):
            names = self.surnames.get(m.group().lower())
            if re.search(r"\b[A-Z][a-z]*\.?\s+$", text[:m.start()]):
                continue  # "Albert Q. Jiang": a full name no catalog author has, not any author called Jiang
            cued = self.lex.first("author_cue", low[:m.start()]) or self.lex.first("author_after", low[m.end():])
            if names and cued and not any(s <= m.start() < e for s, e in masked):
                models = [x for n in names for x in self.authors[n]]
                return Lookup(kind="author", value=names[0] if len(names) == 1 else m.group()), list(dict.fromkeys(models)), m.span()
        return None, [], None
