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
from assistant.titles import plain_words

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
        # a value group ("contrastive|image-text-contrastive": words that fit either) glosses as its values' terms joined by "or"
        self.terms = {key: " or ".join(english_term(english, key[0], v) for v in key[1].split("|")) for key in self.cues}

    def score(self, text: str) -> list[Match]:
        """Every value with at least one cue in ``text``, best first."""
        out = []
        chars = frozenset(text)
        for (facet, value), cues in self.cues.items():
            found: dict[tuple[int, int], float] = {}  # span -> what its cue counts for
            for loose in (False, True):  # verbatim cues first, longest first
                for c in cues:
                    if not chars.issuperset(c):  # a character of the cue is missing: no match either way
                        continue
                    for start, end in (self._loose(c, text) if loose else self._exact(c, text)):
                        weight = len(c) * self.weight[c] * (LOOSE if loose else 1.0)
                        inside = [sp for sp in found if start < sp[1] and sp[0] < end]
                        # a longer cue with a word inserted ("多个“专家”": quotes) takes in the shorter verbatim cues
                        # wholly inside it when it counts for more than they do together
                        if inside and loose and all(start <= a and b <= end for a, b in inside) \
                                and weight > sum(found[sp] for sp in inside):
                            for sp in inside:
                                del found[sp]
                            inside = []
                        if not inside:
                            found[(start, end)] = weight
            if found:
                out.append(((facet, value), found))
        # a cue wholly inside a longer cue of another value is a word of that one ("不训练奖励模型" says no reward model:
        # its 奖励模型 is no cue of RLHF)
        spans = [(sp, key) for key, found in out for sp in found]
        kept = []
        for (facet, value), found in out:
            found = {sp: w for sp, w in found.items() if not any(
                k != (facet, value) and o[0] <= sp[0] and sp[1] <= o[1] and o[1] - o[0] > sp[1] - sp[0] for o, k in spans)}
            if found:
                total = sum(found.values())
                kept.append((total, Match(facet, value, round(min(1.0, total / FULL), 4), tuple(sorted(found)))))
        out = kept
        # two certain matches: the one more of the words describe first ("老师是学生的滑动平均": self-distillation)
        return [m for _, m in sorted(out, key=lambda t: (-t[1].score, -t[0], t[1].facet, t[1].value))]

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


class Stretch(NamedTuple):
    start: int  # the first unit of the described stretch
    end: int  # one past its last unit
    phrase: str  # its words in plain English, for the English matcher


_STOP = re.compile(r"[?!;。？！；]")


class PlainWords:
    """A Chinese description read by meaning, as the English plain-words path reads it.

    The cue phrases above only catch descriptions worded like their cues. This reads the rest:
    the describing words of a stretch the reader could not gloss are rendered word by word into
    rough English from the lexicon's ``plain`` table ("把句子里一些词遮住，再让模型猜回来" ->
    "sentence some words hide then model guess back"), and that phrase goes to the English
    paraphraser, which compares it with the vocabulary's English descriptions. A value is read
    only above the English matcher's own threshold, so Chinese and English descriptions of a value
    read alike. ``meaning`` is that matcher (``Paraphraser``, or None: then nothing is read so).
    """

    MIN_UNREAD = 2  # describing words the reader left unread: fewer is no description
    MIN_WORDS = 3  # describing words in all: two ("每个词") are a fragment, not a description

    def __init__(self, plain: dict[str, str], meaning=None):
        self.plain = {str(k).lower(): str(v) for k, v in plain.items()}
        self.longest = max(map(len, self.plain), default=1)
        self.meaning = meaning

    def render(self, text: str) -> list[str]:
        """The plain-table words in ``text``, longest first, left to right (other characters dropped)."""
        out, i, low = [], 0, text.lower()
        while i < len(low):
            for n in range(min(self.longest, len(low) - i), 0, -1):
                if low[i:i + n] in self.plain:
                    out.append(self.plain[low[i:i + n]])
                    i += n
                    break
            else:
                i += 1
        return [w for w in out if w]

    def inside(self, unit) -> bool:
        """Whether a unit may sit inside a description: an unread word, Latin text, a word the plain
        table renders, a gloss that says nothing."""
        if unit.kind in ("unread", "raw"):
            return not (unit.kind == "raw" and _STOP.search(unit.text))
        return unit.kind == "gloss" and (not unit.value or self.covers(unit.text))

    def covers(self, text: str) -> bool:
        """Whether the plain table renders every character of ``text`` ("做强化学习": 做 + 强化学习)."""
        i, low = 0, text.lower()
        while i < len(low):
            n = next((n for n in range(min(self.longest, len(low) - i), 0, -1) if low[i:i + n] in self.plain), 0)
            if not n:
                return False
            i += n
        return bool(low)

    def stretches(self, units) -> list[Stretch]:
        """Runs of units that may describe one value, from their first describing word to their last."""
        out, k = [], 0
        while k < len(units):
            j = k
            while j < len(units) and self.inside(units[j]):
                j += 1
            hits = [i for i in range(k, j) if self._words(units[i:i + 1])]
            unread = sum(len(self._words([units[i]])) for i in hits if units[i].kind == "unread")
            if hits and unread >= self.MIN_UNREAD:
                words = self._words(units[hits[0]:hits[-1] + 1])
                if len(words) >= self.MIN_WORDS:
                    out.append(Stretch(hits[0], hits[-1] + 1, " ".join(words)))
            k = j + 1
        return out

    def _words(self, units) -> list[str]:
        """The plain words of a run of units: Chinese rendered across unit boundaries ("藏" + "起来"),
        Latin words whole ("token"), never a letter or two out of a name; a gloss that says nothing, nothing."""
        out, chinese = [], ""
        for u in units:
            if u.kind == "raw":
                out += self.render(chinese) + [self.plain[w] for w in plain_words(u.text) if self.plain.get(w)]
                chinese = ""
            elif u.kind == "unread" or u.value:
                chinese += u.text
        return out + self.render(chinese)

    def renders(self, text: str) -> bool:
        """Latin text made only of words the plain table renders ("token"): a description's word, not a name."""
        words = plain_words(text)
        return bool(words) and all(w in self.plain for w in words)

    def read(self, units, threshold: float):
        """(stretch, facet, value) of the best described value above ``threshold``; None when none is."""
        if self.meaning is None:
            return None
        best = None
        for s in self.stretches(units):
            found = self.meaning.match(s.phrase, k=1)
            if found and found[0].value and found[0].score >= threshold and (best is None or found[0].score > best[0]):
                best = (found[0].score, s, found[0].facet, found[0].value)
        return best[1:] if best else None
