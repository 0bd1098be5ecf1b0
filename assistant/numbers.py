"""Parameter counts and dates in the forms users type: "175B", "1.5e11", "> 10 billion",
"under 1 billion", "in 2021", "before 2020", "between 2019 and 2021", "after March 2022",
"2023 or later". Date words come from the lexicon's ``dates`` table, so what is inclusive is data.

Each parser returns ``Bound`` records (facet, op, value and the character span it was read
from), so the parser can tell which words it used and whether a negation governs them.
"""

from __future__ import annotations

import re
from typing import NamedTuple


class Bound(NamedTuple):
    facet: str  # "size" (millions) | "date" (year*100+month)
    op: str  # "gt" | "ge" | "lt" | "le" | "eq"
    value: float
    start: int
    end: int

_UNITS = {
    "k": 1e-3, "thousand": 1e-3,
    "m": 1.0, "mn": 1.0, "mil": 1.0, "million": 1.0, "millions": 1.0,
    "b": 1e3, "bn": 1e3, "bil": 1e3, "billion": 1e3, "billions": 1e3,
    "t": 1e6, "tn": 1e6, "trillion": 1e6, "trillions": 1e6,
}
_NUM = r"(\d+(?:[.,]\d+)?(?:e\d+)?)"
_UNIT = r"\s*(k|thousand|mn|mil|millions?|m|bn|bil|billions?|b|tn|trillions?|t)\b"
_GT = r"(at or above|at or over|more than|over|above|greater than|larger than|bigger than|exceeding|exceeds|at least|>=|>|≥|no less than|not less than|minimum of|upwards of|beyond)"
_LT = r"(at or below|at or under|sub-|sub |less than|under|below|fewer than|smaller than|at most|<=|<|≤|up to|no more than|not more than|maximum of|within)"
_MONTHS = {m: i for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}


def _to_millions(num: str, unit: str | None) -> float | None:
    try:
        value = float(num.replace(",", "")) if "," in num and len(num.split(",")[-1]) == 3 else float(num.replace(",", "."))
    except ValueError:
        return None
    if unit:
        return value * _UNITS[unit.lower()]
    if value >= 1e5:  # a raw count such as 1.5e11 or 175000000000
        return value / 1e6
    return None


def _free(span: tuple[int, int], masked) -> bool:
    return not any(span[0] < e and s < span[1] for s, e in masked)


_WORDS = {"a": "1", "one": "1", "two": "2", "three": "3", "five": "5", "ten": "10", "twenty": "20", "fifty": "50",
          "a hundred": "100", "one hundred": "100", "hundred": "100", "a thousand": "1000", "half a": "0.5"}
_WORD_NUM = re.compile(r"\b(a hundred|one hundred|hundred|a thousand|half a|a|one|two|three|five|ten|twenty|fifty)\s+(thousand|million|billion|trillion)\b")


def words_to_digits(text: str) -> str:
    """'a hundred billion' -> '100 billion' (keeps everything else)."""
    return _WORD_NUM.sub(lambda m: f"{_WORDS[m.group(1)]} {m.group(2)}", text)


def parse_params(text: str, masked=()) -> list[Bound]:
    """Size bounds (in millions) with the spans they were read from."""
    low = words_to_digits(text.lower())
    if len(low) != len(text):
        masked = ()
    between = re.search(rf"between\s+{_NUM}(?:{_UNIT})?\s+and\s+{_NUM}{_UNIT}", low)
    if between and _free(between.span(), masked):
        lo = _to_millions(between.group(1), between.group(2) or between.group(4))
        hi = _to_millions(between.group(3), between.group(4))
        if lo is not None and hi is not None:
            return [Bound("size", "ge", lo, *between.span()), Bound("size", "le", hi, *between.span())]
    out: dict[str, Bound] = {}
    tail = r"(?:\s*(?:param\w*|weights))?(?:\s*(or more|or above|or greater|or larger|or bigger|and up|and above|\+|or less|or fewer|or smaller|and below|and under))?"
    for m in re.finditer(rf"(?:{_GT}|{_LT})?\s*-?\s*{_NUM}(?:{_UNIT})?{tail}", low):
        if not _free(m.span(), masked):
            continue
        gt, lt, num, unit, post = m.group(1), m.group(2), m.group(3), m.group(4), m.group(5)
        if post and not (gt or lt):
            gt, lt = (">=", None) if post in ("or more", "or above", "or greater", "or larger", "or bigger", "and up", "and above", "+") else (None, "<=")
        if unit is None and not re.search(r"e\d+$", num) and float(num.replace(",", "") or 0) < 1e5:
            continue  # a bare small number is a year, a count or an ordinal, not a size
        if unit is None and re.fullmatch(r"(19|20)\d\d", num):
            continue
        value = _to_millions(num, unit)
        if value is None:
            continue
        start = m.start() + len(m.group()) - len(m.group().lstrip())
        if gt:
            strict = gt.strip() not in ("at or above", "at or over", "at least", ">=", "≥", "no less than", "not less than", "minimum of")
            out["min"] = Bound("size", "gt" if strict else "ge", value, start, m.end())
        elif lt:
            strict = lt.strip() not in ("at or below", "at or under", "at most", "<=", "≤", "up to", "no more than", "not more than", "maximum of", "within")
            out["max"] = Bound("size", "lt" if strict else "le", value, start, m.end())
        elif re.search(r"\b(param|weights|model|size|with|have|has|variant|version)", low):
            out["eq2" if "eq" in out and re.search(r"\bboth\b", low) else "eq"] = Bound("size", "eq", value, start, m.end())
    return list(out.values())


def _ym(year: str, month: str | None, end: bool) -> int:
    if month and month.isdigit():  # "2022-03", "03/2022"
        return int(year) * 100 + int(month)
    if month:
        return int(year) * 100 + _MONTHS[month[:3]]
    return int(year) * 100 + (12 if end else 1)


def _next(key: int) -> int:
    return key + 1 if key % 100 < 12 else (key // 100 + 1) * 100 + 1


def _previous(key: int) -> int:
    return key - 1 if key % 100 > 1 else (key // 100 - 1) * 100 + 12


_MONTH = r"(?:(jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*)(?:\.\s*|,?\s+)(?:of\s+)?)?"
_NUM_MONTH = r"(?:(0?[1-9]|1[0-2])/)?"  # "03/2022"
_ISO_MONTH = r"(?:[-/](0[1-9]|1[0-2])(?![\d/-]))?"  # "2022-03"
_YEAR = r"((?:19|20)\d\d)"
_BOUND_KINDS = ("after", "since", "before", "until", "within")


def _alternation(phrases) -> str:
    """Lexicon phrases (or "re:" patterns) as one regex alternation, longest first."""
    parts = []
    for p in sorted((str(x) for x in phrases), key=len, reverse=True):
        parts.append(p[3:] if p.startswith("re:") else r"[\s-]+".join(re.escape(w) for w in p.split()))
    return "|".join(parts) or r"(?!x)x"


class DateWords:
    """The date vocabulary of a lexicon (its ``dates`` section), compiled once.

    Words before a year: ``after`` / ``before`` exclude the named year or month ("after 2023"
    starts in January 2024); ``since`` / ``until`` include it; ``within`` means the year itself.
    Words after a year: ``or_later`` / ``or_earlier`` ("2023 or later", "2019 and earlier").
    ``periods``: parts of a year ("first half of", "Q3") as (first month, last month)."""

    def __init__(self, table: dict):
        self.kind: dict[str, str] = {}
        prefixes = []
        for kind in _BOUND_KINDS:
            for phrase in table.get(kind, []):
                self.kind[" ".join(str(phrase).lower().split())] = kind
                prefixes.append(phrase)
        self.prefix = _alternation(prefixes)
        self.bound_word = re.compile(rf"(?<!\w)(?:{_alternation([p for k in _BOUND_KINDS[:4] for p in table.get(k, [])])})(?!\w)")
        self.later = re.compile(rf"(?:{_alternation(table.get('or_later', []))})(?!\w)")
        self.earlier = re.compile(rf"(?:{_alternation(table.get('or_earlier', []))})(?!\w)")
        self.suffix = _alternation([*table.get("or_later", []), *table.get("or_earlier", [])])
        self.periods = {" ".join(str(k).lower().split()): tuple(v) for k, v in table.get("periods", {}).items()}
        self.period = _alternation(self.periods)
        self.single = re.compile(rf"(?<!\w)(?:({self.prefix})[\s-]+)?{_MONTH}{_NUM_MONTH}{_YEAR}{_ISO_MONTH}\b(?![.\d])"
                                 rf"(?:\s*({self.suffix}))?", re.I)

    def kind_of(self, prefix: str | None) -> str | None:
        return self.kind.get(re.sub(r"[\s-]+", " ", prefix.lower())) if prefix else None


_COMPILED: dict[int, DateWords] = {}


def date_words(table: dict) -> DateWords:
    if id(table) not in _COMPILED:
        _COMPILED[id(table)] = DateWords(table)
    return _COMPILED[id(table)]


def parse_dates(text: str, masked=(), table: dict | None = None) -> list[Bound]:
    """Date bounds (inclusive, year*100+month) with the spans they were read from; the words come
    from the lexicon's ``dates`` table (the English one when none is given)."""
    if table is None:
        from assistant.lexicon import lexicon

        table = lexicon("en").data["dates"]
    w = date_words(table)
    low = re.sub(r"(?<![\w'])['’](\d\d)\b", r"20\1", text.lower())  # '22 -> 2022
    if low != text.lower():
        masked = ()

    def both(lo: int, hi: int, span) -> list[Bound]:
        return [Bound("date", "ge", lo, *span), Bound("date", "le", hi, *span)]

    q = re.search(rf"(?<!\w)({w.period})\s*(?:of\s+)?{_YEAR}\b", low)
    if q and _free(q.span(), masked):  # quarters, halves, early/mid/late
        first, last = w.periods[" ".join(q.group(1).split())]
        year = int(q.group(2))
        return both(year * 100 + first, year * 100 + last, q.span())
    m = re.search(rf"(?:between|from)\s+{_MONTH}{_YEAR}\s+(?:and|to|-|through|until|till)\s+{_MONTH}{_YEAR}", low)
    if m and _free(m.span(), masked):
        return both(_ym(m.group(2), m.group(1), False), _ym(m.group(4), m.group(3), True), m.span())
    run = re.search(r"\b(?:19|20)\d\d(?:\s*(?:,|/|&|or|and|,\s*and|,\s*or)\s*(?:19|20)\d\d)+\b", low)
    if run and _free(run.span(), masked) and not w.bound_word.search(low) and not re.search(r"\bbetween\b", low):
        listed = sorted(int(y) for y in re.findall(r"(?:19|20)\d\d", run.group()))  # "2020 or 2021"
        return both(listed[0] * 100 + 1, listed[-1] * 100 + 12, run.span())
    m = re.search(rf"\b{_YEAR}\s*(?:-|–|to)\s*{_YEAR}\b", low)
    if m and _free(m.span(), masked):
        return both(_ym(m.group(1), None, False), _ym(m.group(2), None, True), m.span())
    out: dict[str, Bound] = {}
    for m in w.single.finditer(low):
        if not _free(m.span(), masked):
            continue
        prefix, named, numbered, year, iso, suffix = m.groups()
        month = named or numbered or iso
        if month and not month.isdigit() and not re.match(r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", month):
            continue
        first, last = _ym(year, month, False), _ym(year, month, True)
        kind = w.kind_of(prefix)
        if suffix and kind not in ("after", "before"):
            kind = "since" if w.later.fullmatch(suffix) else "until"
        span = (m.start(), m.end())
        if kind == "before":
            out["to"] = Bound("date", "le", _previous(first), *span)
        elif kind == "until":
            out["to"] = Bound("date", "le", last, *span)
        elif kind == "after":
            out["from"] = Bound("date", "ge", _next(last), *span)
        elif kind == "since":
            out["from"] = Bound("date", "ge", first, *span)
        else:
            out["from"] = Bound("date", "ge", first, *span)
            out["to"] = Bound("date", "le", last, *span)
    return list(out.values())
