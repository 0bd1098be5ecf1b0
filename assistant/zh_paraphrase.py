"""Plain-words paraphrase in Chinese: match a description nobody read literally to a vocabulary value.

MiniLM reads English only, so Chinese descriptions are matched by their words instead: each
vocabulary value carries short Chinese cue words and phrases in ``assistant/lexicon/zh.yaml``
(``describe``: "小模型模仿大模型", "学生模型" for knowledge distillation). A question scores each
value by the cue phrases it contains (longest first, no two overlapping), each weighted by its
length and shared between the values that list it (a cue of two values counts half for each).
The score is that weighted length over ``FULL`` characters, capped at 1; the threshold was chosen
on ``tests/assistant/paraphrase_dev_zh.jsonl`` with ``assistant.paraphrase.tune``.

The reader (``assistant.chinese``) asks only about the words it could not gloss: a value counts
when one of its cue phrases covers an unread word, and the stretch its cues cover is then read as
that value's English term, so negation and the rest of the question keep working.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from assistant.lexicon import Lexicon
from assistant.paraphrase import Reading

__all__ = ["ChineseParaphraser", "Match", "THRESHOLD", "NEAR"]

FULL = 8.0  # weighted cue characters that make a certain match (two four-character cues)
THRESHOLD = 0.32  # tune() on tests/assistant/paraphrase_dev_zh.jsonl: the middle of the best plateau (0.26-0.37)
GAP = 2  # characters a loose match may insert into a cue, in all
LOOSE = 0.75  # what a loose match counts for, against a verbatim one
NEAR = 0.25  # a cue or two, not enough to read: the question is about something the catalog records, but unclear


class Match(NamedTuple):
    facet: str
    value: str
    score: float
    spans: tuple[tuple[int, int], ...]  # where its cue phrases are, in the text matched


class ChineseParaphraser:
    def __init__(self, described: dict, english: Lexicon, threshold: float = THRESHOLD, near: float = NEAR):
        """``described``: facet -> value -> Chinese cue phrases (zh.yaml ``describe``);
        ``english``: the lexicon whose terms name the values in a gloss."""
        self.threshold, self.near = threshold, near
        self.cues: dict[tuple[str, str], list[str]] = {}
        share: dict[str, int] = {}
        for facet, table in described.items():
            for value, phrases in table.items():
                cues = sorted({str(p) for p in phrases}, key=lambda c: (-len(c), c))
                self.cues[(facet, str(value))] = cues
                for c in cues:
                    share[c] = share.get(c, 0) + 1
        self.weight = {c: 1.0 / n for c, n in share.items()}
        # a cue of four or more characters also matches with a couple of words inserted ("先编码输入再解码")
        self.loose = {c: re.compile(f".{{0,{GAP}}}".join(map(re.escape, c))) for c in share if len(c) >= 4}
        self.terms = {key: english_term(english, *key) for key in self.cues}

    def score(self, text: str) -> list[Match]:
        """Every value with at least one cue in ``text``, best first."""
        out = []
        chars = frozenset(text)
        for (facet, value), cues in self.cues.items():
            spans, total = [], 0.0
            for loose in (False, True):  # verbatim cues first, longest first
                for c in cues:
                    if not chars.issuperset(c):  # a character of the cue is missing: no match either way
                        continue
                    for start, end in (self._loose(c, text) if loose else self._exact(c, text)):
                        if not any(start < e and s < end for s, e in spans):
                            spans.append((start, end))
                            total += len(c) * self.weight[c] * (LOOSE if loose else 1.0)
            if spans:
                out.append(Match(facet, value, round(min(1.0, total / FULL), 4), tuple(sorted(spans))))
        return sorted(out, key=lambda m: (-m.score, m.facet, m.value))

    @staticmethod
    def _exact(cue: str, text: str):
        start = text.find(cue)
        while start >= 0:
            yield start, start + len(cue)
            start = text.find(cue, start + 1)

    def _loose(self, cue: str, text: str):
        """A long cue in order with at most ``GAP`` characters inserted in all ("先编码输入再解码")."""
        pattern = self.loose.get(cue)
        if pattern is not None and cue not in text:
            for m in pattern.finditer(text):
                if len(m.group()) <= len(cue) + GAP:
                    yield m.start(), m.end()

    def match(self, phrase: str, k: int = 3) -> list[Reading]:
        """The k best values (the English matcher's signature, so ``tune`` runs on both); a phrase
        with no cue at all scores 0 against nothing."""
        found = self.score(phrase)[:k]
        return [Reading(m.facet, m.value, m.score) for m in found] or [Reading("", "", 0.0)]


def english_term(lex: Lexicon, facet: str, value: str) -> str:
    """The words a gloss uses for a value: the English lexicon's first multi-word term among its
    first three (else its first term), never a weak term (one the English matcher may override)."""
    spec = lex.values.get(facet, {}).get(value, {})
    weak = {str(w).lower() for w in lex.data.get("weak_terms", [])}
    terms = [str(t) for t in (spec.get("terms", []) if isinstance(spec, dict) else spec) if str(t).lower() not in weak]
    return next((t for t in terms[:3] if " " in t), terms[0] if terms else value.replace("-", " "))
