"""Paper titles and first authors found by their words, for reverse citation lookup.

A title fragment or paraphrase ("the paper about robustly optimized BERT pretraining", "One
Embedder Any Task") is matched on content words: the question's words (without stop words and
the lexicon's ``title_filler``) against each catalog paper title's, whole and its main part before
a colon. A title wins when it explains at least two words that are not part of a model name or of a
size bound (so "papers about BERT pretraining" stays a question about BERT, and "models in the
paper with at least 100 billion parameters" no GPT-J citation), covers enough of the title (the
thresholds below, tuned on ``tests/assistant/title_dev.jsonl``) and explains most of the question.
Without a title cue ("paper", "titled", quotes...) the bar is higher.

"Lewis et al. 2019" names a first author's surname and, optionally, a year; other words of the
question ("denoising") break ties between that author's papers.
"""

from __future__ import annotations

import re

from assistant.lexicon import Lexicon
from assistant.numbers import parse_params

TITLE_COVER_CUED = 0.4  # share of a title's content words the question must contain, with a title cue (top of the dev plateau 0.2-0.4: the strictest that reads every dev row)
TITLE_COVER_BARE = 0.9  # ... without one
QUESTION_COVER_CUED = 0.5  # share of the question's content words the title must explain
QUESTION_COVER_BARE = 0.75
QUOTED_COVER = 0.75  # share of the content words quoted in a question that a title must hold ("RL" may stand for two words)
_WORD = re.compile(r"[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*")
_QUOTED = re.compile(r"""(?<![A-Za-z])(["“”'‘’])([^"“”‘’]{8,200}?)["“”'‘’](?![A-Za-z])""")  # an apostrophe inside a word opens no quote


PLAIN_WORD = re.compile(r"[a-z0-9]+")


def plain_words(text: str) -> list[str]:
    """Lower case words and digits only: how a quoted fragment and a title are compared."""
    return PLAIN_WORD.findall(text.lower())


def _plain(text: str) -> str:
    return " ".join(plain_words(text))


def _norm(word: str) -> str:
    w = word.lower().replace("-", "").replace("'", "").replace("’", "").replace("elling", "eling")  # modelling = modeling
    return w[:-1] if len(w) > 4 and w.endswith("s") and not w.endswith("ss") else w


class TitleWords:
    def __init__(self, titles: dict[str, list[str]], first_authors: dict[str, list[tuple[str, int]]], lex: Lexicon):
        self.lex = lex
        self.skip = frozenset(str(w).lower() for w in lex.data.get("title_filler", []))
        self.titles = titles  # title -> model ids
        self.first_authors = first_authors  # surname -> [(model id, year)]
        self.forms = {t: [f for f in {self._content(t), self._content(t.split(":")[0])} if f] for t in titles}
        self.title_of = {k: t for t, keys in titles.items() for k in keys}

    def _content(self, text: str) -> frozenset[str]:
        return frozenset(w for w in (_norm(m.group()) for m in _WORD.finditer(text)) if w not in self.skip and len(w) > 1)

    def words(self, text: str) -> list[tuple[str, int, int]]:
        return [(w, m.start(), m.end()) for m in _WORD.finditer(text) if (w := _norm(m.group())) not in self.skip and len(w) > 1]

    def match(self, text: str, names: list[tuple[int, int]]) -> tuple[str, tuple[int, int]] | None:
        """The best title the question's words name, and the span of those words; None below the thresholds."""
        text = self.unquote_terms(text)
        if quoted := self._quoted(text):
            return quoted
        # words quoted as a title must nearly all be in it: "what is 'permutation language modeling'?" names no title
        said = [q for m in _QUOTED.finditer(text) if len(q := self._content(m.group(2))) >= 2]
        words = self.words(text)
        asked = {w for w, _, _ in words}
        if len(asked) < 2:
            return None
        bounds = [(b.start, b.end) for b in parse_params(text) if b.op != "eq"]  # "at least 100 billion": a filter's words
        plain = {w for w, s, e in words if not any(a <= s and e <= b for a, b in [*names, *bounds])}
        cued = self.lex.has("title_cue", text.lower())
        cover_t, cover_q = (TITLE_COVER_CUED, QUESTION_COVER_CUED) if cued else (TITLE_COVER_BARE, QUESTION_COVER_BARE)
        best, best_key = None, (0.0, 0)
        for title, forms in self.forms.items():
            for form in forms:
                shared = asked & form
                if any(len(q & form) < QUOTED_COVER * len(q) for q in said) or len(shared & plain) < 2 or len(shared) / len(form) < cover_t or len(shared) / len(asked) < cover_q:
                    continue
                key = (len(shared) / len(form), len(shared))
                if key > best_key:
                    best, best_key = (title, shared), key
        if best is None:
            return None
        spans = [(s, e) for w, s, e in words if w in best[1]]
        return best[0], (min(s for s, _ in spans), max(e for _, e in spans))

    def _quoted(self, text: str) -> tuple[str, tuple[int, int]] | None:
        """A quoted run of at least three words that occurs, word for word, in exactly one title
        ("the 'may the source be with you' paper"): that title, however few content words it has."""
        for m in _QUOTED.finditer(text):
            if len(plain_words(m.group(2))) < 3:
                continue
            hits = self.containing(m.group(2))
            if len(hits) == 1:
                return hits[0], m.span()
        return None

    def unquote_terms(self, text: str) -> str:
        """The text with the quotes taken off a vocabulary term quoted alone ('a "mixture of experts" model', 很多“专家”):
        scare quotes around a value's name, no title quoted (offsets kept: each quote becomes a space)."""
        for m in _QUOTED.finditer(text):
            if self._term(m.group(2)):
                a, b = m.span(2)
                text = text[:m.start()] + " " * (a - m.start()) + text[a:b] + " " * (m.end() - b) + text[m.end():]
        return text

    def _term(self, said: str) -> bool:
        """The quoted words are, whole, one term of a describing field's value."""
        said = said.strip(" ,.;:!?")
        return any(hit.start() == 0 and hit.end() == len(said)
                   for facet in ("objective", "architecture", "domain", "trait") for hit, _ in self.lex.termset(facet).find(said))

    def containing(self, said: str) -> list[str]:
        """The titles that hold the words of ``said``, whole and in that order."""
        said = _plain(said)
        return [t for t in self.titles if f" {said} " in f" {_plain(t)} "] if said else []

    def first_author(self, text: str) -> tuple[str, list[str], tuple[int, int]] | None:
        """'Lewis et al. 2019' -> (the words, the first-authored papers' model ids, their span)."""
        for m in self.lex.find("first_author", text):
            year = m.group(2)
            papers = [(k, y) for k, y in self.first_authors.get(m.group(1).lower(), []) if not year or str(y) == year]
            if not papers:
                continue
            rest = {w for w, s, e in self.words(text) if not (m.start() <= s < m.end())}
            scored = {k: len(rest & self._content(self.title_of.get(k, ""))) for k, _ in papers}
            top = max(scored.values())
            return m.group().strip(), [k for k in scored if scored[k] == top], m.span()
        return None
