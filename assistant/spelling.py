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


def lexicon_phrases(lex) -> tuple[list[str], list[str]]:
    """Every literal phrase anywhere in the lexicon, lower-cased: the keys and list items of every table
    (cue words such as "descend" and "successor", unrecorded facts such as "learning rate", size and date
    words, facet terms), never a "re:" pattern nor a sentence the lexicon says (``templates`` and other
    prose, which are longer than any cue); and, apart, the "re:" patterns' sources."""
    out: list[str] = []
    patterns: list[str] = []

    def walk(node) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                walk(key)
                walk(value)
        elif isinstance(node, (list, tuple)):
            for item in node:
                walk(item)
        elif isinstance(node, str) and node.startswith("re:"):
            patterns.append(node[3:])
        elif isinstance(node, str) and len(node.split()) <= MAX_PHRASE_WORDS:
            out.append(node.lower())

    walk({k: v for k, v in lex.data.items() if k not in PROSE_TABLES})
    return out, patterns


def pattern_words(patterns, english: frozenset[str]) -> set[str]:
    """The English words written out in "re:" patterns ("successors?" gives successor and successors,
    "descend\\w*" gives descend): a cue written as a pattern is still a word a misspelling may mean.
    Fragments ("ancest") are no English word and are left out."""
    words: set[str] = set()
    for pattern in patterns:
        plain = re.sub(r"\\[A-Za-z]", " ", pattern)  # \b, \w, \s are no letters of a word
        for m in re.finditer(r"([a-z]{4,})(\?)?", plain):
            word = m.group(1)  # "successors?": the last letter is optional
            words |= {word, word[:-1]} & english if m.group(2) else {word} & english
    return words


MAX_PHRASE_WORDS = 5  # a cue phrase; a longer string is a sentence
PROSE_TABLES = ("templates", "recorded_fields", "language")


def vocabulary(lex) -> frozenset[str]:
    """The words a misspelling may be corrected to freely: words of the facets' literal terms, of the
    facts the catalog does not record ("optimizer"), and stopwords."""
    unrecorded = [str(p).lower() for phrases in lex.data.get("unrecorded", {}).values() for p in phrases if not str(p).startswith("re:")]
    words = {w for phrase in [*_phrases(lex), *_split(unrecorded)] for w in phrase} | set(lex.stopwords)
    return frozenset(w for w in words if w.isalpha() and len(w) >= MIN_LENGTH - 1)


def cue_words(lex, english: frozenset[str]) -> frozenset[str]:
    """The other words of the lexicon: of its other tables' literal phrases and the English words its cue
    patterns spell out ("descend", "successor", "predecessor"). A misspelling reaches them cautiously
    (one edit, and not from an inflected known word: see ``Speller``)."""
    phrases, patterns = lexicon_phrases(lex)
    words = {w for phrase in _split(phrases) for w in phrase} | pattern_words(patterns, english)
    return frozenset(w for w in words if w.isalpha() and len(w) >= MIN_LENGTH) - vocabulary(lex)


def pairs(lex) -> frozenset[tuple[str, str]]:
    """Adjacent word pairs of the lexicon's phrases ("sparse", "attention"; "learning", "rate"): they
    settle a tie between corrections."""
    return frozenset(pair for phrase in _split(lexicon_phrases(lex)[0]) for pair in zip(phrase, phrase[1:]))


class Speller:
    def __init__(self, words: frozenset[str], english: frozenset[str], pairs: frozenset[tuple[str, str]] = frozenset(),
                 one_edit: frozenset[str] = frozenset()):
        """``one_edit``: words a misspelling reaches by one edit only (the English words of cue patterns:
        "successor" from "sucessor", but not "presented" from "prepended")."""
        self.words = sorted(words | one_edit)
        self.one_edit = one_edit - words
        self.known = frozenset(words) | one_edit | english
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

    @staticmethod
    def _stems(word: str) -> set[str]:
        """The stems an inflected or British form may come from, for a word list that holds the base form
        only: "replying" of "reply", "phrased" of "phrase", "router" of "route", "stopped" of "stop",
        "applied" of "apply", "generalise" of "generalize"."""
        stems: set[str] = set()
        for suffix in ("ing", "ed", "er", "ers", "ly"):
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                stem = word[: -len(suffix)]
                stems |= {stem, stem + "e"}
                if stem[-1] == stem[-2]:
                    stems.add(stem[:-1])  # "stopped", "planning"
                if stem.endswith("i"):
                    stems.add(stem[:-1] + "y")  # "applied", "copier"
        stems |= {w.replace("is", "iz") for w in (word, *stems) if "is" in w}  # generalise, optimised
        return stems

    def candidates(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, correction) for each word that looks like a misspelt vocabulary word. A cue word
        (``one_edit``) is no correction of a word that is an inflection of a known word ("router" is no
        "roster", "replying" no "relying")."""
        words = list(_WORD.finditer(text))
        options: list[tuple[int, int, list[str]]] = []
        for m in words:
            word = m.group().lower()
            if len(word) < MIN_LENGTH or self.is_known(word) or (m.group()[0].isupper() and m.start() > 0):
                options.append((m.start(), m.end(), [word]))  # a capitalised word inside the question is a name
                continue
            if m.group()[0].isupper() and (nxt := text[m.end():].lstrip()[:1]) and nxt.isupper():
                options.append((m.start(), m.end(), [word]))  # "Armen Aghajanyan": two capitalised words are a name
                continue
            limit = 1 if len(word) < 8 else 2
            close = process.extract(word, self.words, scorer=OSA.distance, score_cutoff=limit, limit=5)
            close = [c for c in close if c[1] < 2 or c[0][0] == word[0]]  # two edits that also change the first letter: another word
            if self._stems(word) & self.known:  # an inflected known word: "replying" is no misspelt "relying"
                close = [c for c in close if c[0] not in self.one_edit]
            close = [c for c in close if c[1] < 2 or c[0] not in self.one_edit]  # a cue word is one edit away
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
