"""Typo tolerance for vocabulary words: "wich modles use sparce atention" reads "sparse attention".

A word is corrected only when it is no word the parser knows and no ordinary English word, is at
least ``MIN_LENGTH`` letters long, is written in lower case (capitalised words are names), and
lies within one edit (five to seven letters) or two edits (eight or more) of exactly one word of
the lexicon's own vocabulary: the terms of the vocabulary facets and the lexicon's stopwords
(which hold the cue nouns such as "models" and "released"). Model names are never corrected: a
word inside a linked model name is left alone. Each correction is reported, so the reading shows it.
"""

from __future__ import annotations

import re

from rapidfuzz import process
from rapidfuzz.distance import OSA

MIN_LENGTH = 5
_WORD = re.compile(r"(?<![\w'.])[A-Za-z][a-z]+(?![\w']|\.\w)")


FACETS = ("objective", "architecture", "domain", "trait", "license")


def facet_terms(lex) -> list[str]:
    """The literal terms (not "re:" patterns) of the vocabulary facets' values, lower-cased."""
    return [str(p).lower() for f in FACETS for spec in lex.values.get(f, {}).values()
            if isinstance(spec, dict) for p in spec.get("terms", []) if not str(p).startswith("re:")]


def _split(terms) -> list[list[str]]:
    return [re.split(r"[\s/-]+", term) for term in terms]


def _phrases(lex) -> list[list[str]]:
    return _split(facet_terms(lex))


def vocabulary(lex) -> frozenset[str]:
    """The words a misspelling may be corrected to: words of the facets' literal terms, of the facts
    the catalog does not record ("optimizer"), and stopwords."""
    unrecorded = [str(p).lower() for phrases in lex.data.get("unrecorded", {}).values() for p in phrases if not str(p).startswith("re:")]
    words = {w for phrase in [*_phrases(lex), *_split(unrecorded)] for w in phrase} | set(lex.stopwords)
    return frozenset(w for w in words if w.isalpha() and len(w) >= MIN_LENGTH - 1)


def pairs(lex) -> frozenset[tuple[str, str]]:
    """Adjacent word pairs of the terms ("sparse", "attention"): they settle a tie between corrections."""
    return frozenset(pair for phrase in _phrases(lex) for pair in zip(phrase, phrase[1:]))


class Speller:
    def __init__(self, words: frozenset[str], english: frozenset[str], pairs: frozenset[tuple[str, str]] = frozenset()):
        self.words = sorted(words)
        self.known = frozenset(words) | english
        self.pairs = pairs

    def is_known(self, word: str) -> bool:
        """A word the parser knows, an English word, or a regular form of one ("encode" of "encoded", "compresses"
        of "compressed", "squeezes" of "squeeze"): the vocabulary list holds some forms of a verb only."""
        forms = {word + x for x in ("d", "ed", "s", "ing")} | ({word[:-1] + "ing"} if word.endswith("e") else set())
        if word.endswith("es"):  # "squeezes" of "squeeze" and "fakes" of "fake", but "matches" of "match"
            forms |= {word[:-2], word[:-2] + "ed"}
        if word.endswith("s"):
            forms |= {word[:-1], word[:-1] + "d"}
        return word in self.known or any(f in self.known for f in forms)

    def candidates(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, correction) for each word that looks like a misspelt vocabulary word."""
        words = list(_WORD.finditer(text))
        options: list[tuple[int, int, list[str]]] = []
        for m in words:
            word = m.group().lower()
            if len(word) < MIN_LENGTH or self.is_known(word) or (m.group()[0].isupper() and m.start() > 0):
                options.append((m.start(), m.end(), [word]))  # a capitalised word inside the question is a name
                continue
            limit = 1 if len(word) < 8 else 2
            close = process.extract(word, self.words, scorer=OSA.distance, score_cutoff=limit, limit=5)
            close = [c for c in close if c[1] < 2 or c[0][0] == word[0]]  # two edits that also change the first letter: another word
            best = [w for w, d, _ in close if d == min(d for _, d, _ in close)] if close else [word]
            options.append((m.start(), m.end(), best))
        out = []
        for i, (start, end, best) in enumerate(options):
            if len(best) > 1:  # a tie: keep the reading that forms a term with a neighbour ("sparse attention")
                near = [w for j in (i - 1, i + 1) if 0 <= j < len(options) for w in options[j][2]]
                best = [w for w in best if any((w, n) in self.pairs or (n, w) in self.pairs for n in near)]
            if len(best) == 1 and best[0] != text[start:end].lower():
                out.append((start, end, best[0]))
        return out

    def correct(self, text: str, protected: list[tuple[int, int]], fixes: list[tuple[int, int, str]]) -> tuple[str, list[str]]:
        """The text with the corrections applied outside ``protected`` spans, and "old → new" notes."""
        notes: list[str] = []
        for start, end, word in sorted(fixes, reverse=True):
            if any(s < end and start < e for s, e in protected):
                continue
            word = word.capitalize() if text[start].isupper() else word
            notes.insert(0, f"{text[start:end]} → {word}")
            text = text[:start] + word + text[end:]
        return text, notes
