"""Parameter counts and dates in the forms users type: "175B", "1.5e11", "> 10 billion",
"under 1 billion", "in 2021", "before 2020", "between 2019 and 2021", "after March 2022",
"2023 or later". Date words come from the lexicon's ``dates`` table, so what is inclusive is data.

Each parser returns ``Bound`` records (facet, op, value and the character span it was read
from), so the parser can tell which words it used and whether a negation governs them.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple


class Bound(NamedTuple):
    facet: str  # "size" (millions) | "date" (year*100+month)
    op: str  # "gt" | "ge" | "lt" | "le" | "eq"
    value: float
    start: int
    end: int
    either: int = 0  # sizes named as alternatives ("a 7B or 8B version"): the same number on each, any one may hold

_UNITS = {
    "k": 1e-3, "thousand": 1e-3,
    "m": 1.0, "mn": 1.0, "mil": 1.0, "million": 1.0, "millions": 1.0,
    "b": 1e3, "bn": 1e3, "bil": 1e3, "billion": 1e3, "billions": 1e3,
    "t": 1e6, "tn": 1e6, "trillion": 1e6, "trillions": 1e6,
}
_NUM = r"(\d+(?:[.,]\d+)?(?:e\d+)?)"
_UNIT = r"(?:\s*|-)(k|thousand|mn|mil|millions?|m|bn|bil|billions?|b|tn|trillions?|t)\b"  # "20-billion-parameter"
# a unit word (not a one-letter unit: "GPT 3 b" is rare, "Llama 3 M..." is a name) or a parameter noun after a number
_UNIT_AFTER = re.compile(r"\s*(?:" + "|".join(u for u in _UNITS if len(u) > 1) + r"|param(?:eter)?s?)\b", re.I)


def unit_follows(text: str, pos: int) -> bool:
    """Whether a unit word follows ``pos`` ("175 billion", "280 parameters"): the number before it is a size."""
    return bool(_UNIT_AFTER.match(text, pos))


_MONTHS = {m: i for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}
MONTHS = _MONTHS  # a month's first three letters -> its number
MONTH_NAMES = "January February March April May June July August September October November December".split()


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


_ONES = dict(zip("one two three four five six seven eight nine".split(), range(1, 10)))
_TEENS = dict(zip("ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split(), range(10, 20)))
_TENS = dict(zip("twenty thirty forty fifty sixty seventy eighty ninety".split(), range(20, 100, 10)))
_TWO_DIGITS = (rf"(?:(?:{'|'.join(_TENS)})(?:[\s-]+(?:{'|'.join(_ONES)}))?|{'|'.join(_TEENS)}|(?:oh|o)[\s-]+(?:{'|'.join(_ONES)}))")
_BELOW_100 = rf"(?:(?:{'|'.join(_TENS)})(?:[\s-]+(?:{'|'.join(_ONES)}))?|{'|'.join(_TEENS)}|{'|'.join(_ONES)})"
# a cardinal said in words before a unit: "fifteen", "seventy-five", "two hundred (and) forty", "a hundred", "one point five"
_CARDINAL = (rf"(?:(?:(?:a|{'|'.join(_ONES)})[\s-]+)?hundred(?:[\s-]+(?:and[\s-]+)?{_BELOW_100})?|{_BELOW_100})"
             rf"(?:[\s-]+point(?:[\s-]+(?:{'|'.join(_ONES)}|zero|oh))+)?|half[\s-]+a|a(?:[\s-]+thousand)?|one[\s-]+thousand")
# (the second end of a range written as one hyphenated word: "six-to-seven-billion-parameter")
@functools.lru_cache(maxsize=1)
def _word_num() -> re.Pattern:
    """A cardinal said in words before a unit, standing alone or as the second end of a range written as one
    hyphenated word ("six-to-seven-billion": the en lexicon's hyphenated ``sizes.span_join`` words)."""
    from assistant.lexicon import lexicon

    joins = [w.strip("-") for w in lexicon("en").data["sizes"].get("span_join", []) if w.startswith("-") and w.endswith("-") and w != "-"]
    after = "".join(f"|(?<=\\b{re.escape(w)}-)" for w in joins)
    return re.compile(rf"(?:(?<![\w.-]){after})({_CARDINAL})[\s-]+(thousand|million|billion|trillion)s?\b", re.I)


def _cardinal(words: str) -> str:
    """The digits of a cardinal said in words ("two hundred and forty" -> "240", "one point five" -> "1.5")."""
    parts = [w for w in re.split(r"[\s-]+", words.lower()) if w != "and"]
    if parts[:2] == ["half", "a"]:
        return "0.5"
    if parts in (["a", "thousand"], ["one", "thousand"]):
        return "1000"
    whole, fraction, number = 0, "", True
    for w in parts:
        if w == "point":
            number = False
        elif not number:
            fraction += str(_ONES.get(w, 0))
        elif w == "hundred":
            whole = (whole or 1) * 100
        else:
            whole += 1 if w == "a" else _ONES.get(w, 0) + _TEENS.get(w, 0) + _TENS.get(w, 0)
    return f"{whole}.{fraction}" if fraction else str(whole)


# the first end of a range whose unit comes after the second ("between two and twelve billion", "five to 10B")
_RANGE_START_NUM = re.compile(rf"(?<![\w.-])((?!a\b|half\b){_CARDINAL})(?=[\s-]+(?:and|to|through|-|–)[\s-]+(?:{_CARDINAL}|\d[\d.,]*)"
                              rf"[\s-]*(?:thousand|million|billion|trillion|[kmbt]\b))", re.I)


def spelled_sizes(text: str) -> str:
    """Sizes whose number is said in words as digits, right-aligned in the words' room so every offset stays
    ("two hundred billion" -> "        200 billion", "fifteen billion", "seventy-five million", "a trillion")."""
    text = _word_num().sub(lambda m: _cardinal(m.group(1)).rjust(len(m.group(1))) + m.group()[len(m.group(1)):], text)
    return _RANGE_START_NUM.sub(lambda m: _cardinal(m.group(1)).rjust(len(m.group(1))), text)


# a year said in words: "twenty twenty-four", "nineteen ninety-nine", "two thousand and nineteen", "twenty oh nine"
_YEAR_WORDS = re.compile(rf"\b(?:(nineteen|twenty)[\s-]+({_TWO_DIGITS})|two[\s-]+thousand(?:[\s-]+and)?[\s-]+({_TWO_DIGITS}|{'|'.join(_ONES)}))\b")


def _two_digits(words: str) -> int:
    parts = [w for w in re.split(r"[\s-]+", words) if w not in ("oh", "o")]
    return sum(_TENS.get(w, 0) + _TEENS.get(w, 0) + _ONES.get(w, 0) for w in parts)


def years_to_digits(text: str) -> str:
    """Years said in words as digits, padded to the same length (offsets kept): "twenty twenty-four" -> "2024"."""
    def year(m: re.Match) -> str:
        value = (1900 if m.group(1) == "nineteen" else 2000) + _two_digits(m.group(2)) if m.group(1) else 2000 + _two_digits(m.group(3))
        return str(value).ljust(len(m.group()))
    return _YEAR_WORDS.sub(year, text)


def _over_year_words(text: str, bounds: list) -> list:
    """Bounds read from a year said in words reach over all its words ("twenty twenty-four", not "2024" + spaces)."""
    spans = [m.span() for m in _YEAR_WORDS.finditer(text.lower())]
    if not spans:
        return bounds
    out = []
    for b in bounds:
        end = max([e for s, e in spans if s < b.end <= e] or [b.end])
        out.append(b._replace(end=end))
    return out


# "sub-billion models": under one billion; "multi-billion": one billion or more (the lexicon's size words "sub", "multi")
_SUB_UNIT = re.compile(r"\b(sub|multi)[\s-]+(billion|trillion|million)\b")


def words_to_digits(text: str) -> str:
    """'a hundred billion' -> '100 billion', 'sub-billion' -> 'sub 1b' (offsets kept, everything else as it was)."""
    text = _SUB_UNIT.sub(lambda m: f"{m.group(1)} 1{m.group(2)[0]}".ljust(len(m.group())), text)
    return spelled_sizes(text)


class SizeWords:
    """The size vocabulary of a lexicon (its ``sizes`` section), compiled once.

    Words before a number: ``more`` / ``less`` are strict ("over 10B"), ``at_least`` / ``at_most``
    include the number ("at or below 13B"). Words after it: ``or_more`` / ``or_less`` ("10B or
    more"). ``range_start`` / ``range_join`` make a range ("between 1B and 20B", "from 10B up to
    100B"), and ``span_join`` joins two ends with no range word ("7B-13B"); a bare number is
    a size only when ``exact_context`` is in the question, and ``second_exact`` ("both ... and ...")
    lets a second bare number stand beside the first."""

    def __init__(self, table: dict):
        self.kind = {_key(p): kind for kind in _SIZE_KINDS for p in table.get(kind, [])}
        before = [(p, k) for k in ("more", "at_least", "less", "at_most", "exact") for p in table.get(k, [])]
        # a word is a bound only as a whole word: "top 100B" is over 100B, "laptop 7B" and "across 7B and 13B" are not
        worded = [p for p, _ in before if str(p)[:1].isalpha()]
        self.before = rf"(?<![a-z])(?:{alternation(worded)})|{alternation(p for p, _ in before if p not in worded)}"
        after = alternation([*table.get("or_more", []), *table.get("or_less", [])])
        tail = rf"(?:\s*(?:param\w*|weights))?(?:[\s-]*({after})(?!\s*(?:\d|than\b)))?"  # "a 10B-or-larger size", not "2019 or larger than 10B"  # "over 1B and under 10B": "and under" starts the next bound
        self.bound = re.compile(rf"({self.before})?\s*-?\s*{_NUM}(?:{_UNIT})?{tail}")
        self.range = re.compile(rf"(?:{alternation(table.get('range_start', []))})\s+{_NUM}(?:{_UNIT})?\s*"
                                rf"(?:{alternation(table.get('range_join', []))})\s*{_NUM}{_UNIT}")
        # "7B-13B", "1 to 10 billion", "100M–1B": two ends joined with no range word before them
        self.span = re.compile(rf"(?<![\w.-]){_NUM}(?:{_UNIT})?\s*(?:{alternation(table.get('span_join', []))})\s*{_NUM}{_UNIT}")
        # an inclusion word after a bound or a range ("(inclusive)", ", 10B excluded", "excluding 10B")
        amount = r"\d+(?:[.,]\d+)?(?:\s*(?:k|thousand|mn|mil|millions?|m|bn|bil|billions?|b|tn|trillions?|t)\b)?"
        self.mark = re.compile(rf"\s*(?:param\w*|weights)?\s*[,;(\[]?\s*(?:(?P<pre>{amount})\s+)?"
                               rf"(?:(?P<inc>{alternation(table.get('inclusive', []))})|(?P<exc>{alternation(table.get('exclusive', []))}))"
                               rf"(?!\w)(?:\s+(?:of\s+)?(?P<post>{amount}))?\s*[)\]]?"
                               # with no number of its own, the word must end the clause: in "over 100B, excluding
                               # the GPT family" it leaves out models, not the bound's own number
                               r"(?(pre)|(?(post)|(?=\s*(?:$|[^\w\s]|(?:and|or|but)\b))))")
        # "[1B, 10B)", "(10B, 100B]": a bracketed interval, each bracket saying whether its end counts
        self.interval = re.compile(rf"(?P<open>[\[(])\s*{_NUM}(?:{_UNIT})?\s*[,;]\s*{_NUM}{_UNIT}\s*(?P<close>[\])])")
        # "trillion-parameter", "billion-scale", "hundred-billion-class": an order of magnitude
        self.magnitude = re.compile(rf"(?<![\w.])(?<!\d[\s-])(?:(?P<mult>1|10|100|ten|hundred|one hundred|a hundred)[\s-]+)?(?P<unit>million|billion|trillion)"
                                    rf"[\s-]+(?:{alternation(table.get('magnitude_nouns', []))})(?![\w])")
        self.exact_context = re.compile(alternation(table.get("exact_context", [])))
        self.second_exact = re.compile(rf"(?<!\w)(?:{alternation(table.get('second_exact', []))})(?!\w)")
        # the words between two sizes named as alternatives ("7B or 8B", "7B/13B", "a 7B, 13B or 70B version")
        self.either = re.compile(rf"\s*(?:{alternation(table.get('either_join', []))})\s*(?:(?:an?|one)\s+)?")
        self.together = re.compile(rf"\s*,?\s*(?:{alternation(table.get('together_join', []))})\s*(?:(?:an?|one)\s+)?")
        # "7B and 70B models": sizes listed before a noun for models are kinds of model (either), unless a word of
        # having before them makes them one model's sizes ("models with 7B and 70B versions")
        self.kinds_after = re.compile(rf"\s*(?:{alternation(table.get('size_kinds_after', []))})(?!\w)")
        self.either_after = re.compile(alternation(table.get("sizes_either_after", [])))
        self.having = re.compile(rf"(?<!\w)(?:{alternation(table.get('sizes_had_before', []))})\s+$")
        self.variant_before = re.compile(rf"(?<!\w)(?:{alternation(table.get('variant_reference', []))})\s+$")
        self.variant_after = re.compile(rf"\s+(?:{alternation(table.get('variant_nouns', []))})(?!\w)")
        nouns = table.get("not_params", [])
        self.not_params = re.compile(rf"\s*(?:of\s+)?(?:{alternation(nouns)})(?!\w)") if nouns else None

    def kind_of(self, phrase: str | None) -> str | None:
        return self.kind.get(_key(phrase)) if phrase else None


_SIZE_KINDS = ("more", "at_least", "less", "at_most", "or_more", "or_less", "exact")
KIND_OPS = {"more": "gt", "at_least": "ge", "less": "lt", "at_most": "le"}  # a bound word's kind -> its comparison
_PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*(?:%|percent|per\s*cent)")
_ONE_IN = re.compile(r"1/(\d+)")


def fraction(said: str, words: dict) -> float | None:
    """A fraction said as a percentage ("10%", "30 percent"), as 1/n, or in words ("a third", "half": the last word, a
    key of ``words``, the lexicon's ``fractions`` table); None when it is none of these."""
    if (n := _PERCENT.match(said)):
        return float(n.group(1)) / 100
    if (n := _ONE_IN.match(said)):
        return 1 / float(n.group(1))
    value = words.get(said.split()[-1]) if said.split() else None
    return float(value) if value else None
_YEAR_TOKEN = re.compile(r"(19|20)\d\d")


def is_year(token: str) -> bool:
    """A four-digit year ("2022"): never a size, a count or a version."""
    return bool(_YEAR_TOKEN.fullmatch(token))


def _key(phrase: str) -> str:
    return re.sub(r"[\s-]+", " ", str(phrase).lower()).strip() or str(phrase)


def parse_params(text: str, masked=(), table: dict | None = None, names=()) -> list[Bound]:
    """Size bounds (in millions) with the spans they were read from; the words come from the
    lexicon's ``sizes`` table (the English one when none is given). A bare size right beside a model's
    name (``names``: "LLaMA-175B", "the 175B LLaMA") is a size said of that model."""
    w = compiled(SizeWords, _english("sizes") if table is None else table)
    low = words_to_digits(text.lower())
    if len(low) != len(text):
        masked = ()
    m = w.interval.search(low)
    if m and _free(m.span(), masked):
        lo, hi = _to_millions(m.group(2), m.group(3) or m.group(5)), _to_millions(m.group(4), m.group(5))
        if lo is not None and hi is not None and lo < hi:
            return [Bound("size", "ge" if m.group("open") == "[" else "gt", lo, *m.span()),
                    Bound("size", "le" if m.group("close") == "]" else "lt", hi, *m.span())]
    for between in (w.range.search(low), w.span.search(low)):
        if between and _free(between.span(), masked):
            lo = _to_millions(between.group(1), between.group(2) or between.group(4))
            hi = _to_millions(between.group(3), between.group(4))
            if lo is not None and hi is not None and lo < hi:
                start = _word_start(text, low, between.start())
                return _marked(w, low, [Bound("size", "ge", lo, start, between.end()), Bound("size", "le", hi, start, between.end())])
    m = w.magnitude.search(low)
    if m and _free(m.span(), masked):
        factor = {"10": 10, "ten": 10, "100": 100, "hundred": 100, "one hundred": 100, "a hundred": 100}.get(m.group("mult") or "", 1)
        start = _UNITS[m.group("unit")] * factor
        return [Bound("size", "ge", start, *m.span()), Bound("size", "lt", start * (10 if factor > 1 else 1000), *m.span())]
    out: dict[str, Bound] = {}
    eqs: list[Bound] = []  # the bare sizes, in order
    marks: list[tuple[int, int]] = []
    for m in w.bound.finditer(low):
        if not _free(m.span(), masked) or not _free(m.span(), marks):
            continue
        word, num, unit, post = m.group(1), m.group(2), m.group(3), m.group(4)
        if unit is None and not re.search(r"e\d+$", num) and float(num.replace(",", "") or 0) < 1e5:
            continue  # a bare small number is a year, a count or an ordinal, not a size
        if unit is None and is_year(num):
            continue
        if w.not_params is not None and w.not_params.match(low, m.end()):
            continue  # "more than 1T tokens": an amount of data, not a parameter count
        start = _word_start(text, low, m.start() + len(m.group()) - len(m.group().lstrip()))
        if word is None and w.variant_before.search(low[:start]) and w.variant_after.match(low[m.end():]):
            continue  # "the 70B version": a variant of the model spoken of, not a filter
        value = _to_millions(num, unit)
        if value is None:
            continue
        kind = w.kind_of(word) or {"or_more": "at_least", "or_less": "at_most"}.get(w.kind_of(post))
        if kind == "exact":  # "exactly 7B": that size and no other near it
            out["eq"] = Bound("size", "exact", value, start, m.end())
        elif kind in KIND_OPS:
            bound = _marked(w, low, [Bound("size", KIND_OPS[kind], value, start, m.end())])[0]
            if bound.end > m.end():
                marks.append((m.end(), bound.end))  # the mark's own number ("excluding 10B") is no other bound
            key = "min" if kind in ("more", "at_least") else "max"
            if key in out and (out[key].op, out[key].value) != (bound.op, bound.value):
                key += str(bound.start)  # "one checkpoint over 100B while every checkpoint is over 10B": two lower bounds
            out[key] = bound
        elif w.exact_context.search(low) or _beside(text, names, start, m.end()):
            eqs.append(Bound("size", "eq", value, start, m.end()))
            out["eq2" if "eq" in out and w.second_exact.search(low) else "eq"] = eqs[-1]
    if together := _together(w, low, eqs):  # "7B and 70B versions": each size is one the model has
        return together + [b for k, b in out.items() if not k.startswith("eq")]
    return _either(w, low, eqs) or list(out.values())


def _beside(text: str, names, start: int, end: int) -> bool:
    """Whether a number touches a name: glued to it or one space or hyphen away ("LLaMA-175B", "the 175B LLaMA")."""
    return any((0 <= start - e <= 1 and text[e:start] in ("", " ", "-")) or (0 <= s - end <= 1 and text[end:s] in ("", " ", "-"))
               for s, e in names)


def _word_start(text: str, low: str, start: int) -> int:
    """Where a number said in words starts in the question ("twenty-billion-parameter", "ten to twenty billion"): the
    digits that replaced the words sit at their end, padded with spaces; the span covers the words, not the padding."""
    while start > 0 and low[start - 1] == " " and not text[start - 1].isspace():
        start -= 1
    return start


def _either(w: SizeWords, low: str, eqs: list[Bound]) -> list[Bound]:
    """Sizes named as alternatives ("a 7B or 8B version", "7B/13B/70B models"): each joined to the next by an
    ``either_join`` word, all marked as one group (any of them may hold); none when no two are joined so, or when the
    run ends with a ``together_join`` word ("1B, 7B and 70B versions")."""
    group: list[Bound] = []
    for a, b in zip(eqs, eqs[1:]):
        if w.either.fullmatch(low, a.end, b.start):
            group += [x for x in (a, b) if x not in group]
        elif group:
            if w.together.fullmatch(low, a.end, b.start):
                return []  # "1B, 7B and 70B versions": a list of sizes together, its commas no alternatives
            break
    if not group:
        return []
    return [x._replace(either=group[0].start + 1) for x in group]


_STRICT = {"ge": "gt", "le": "lt"}
_INCLUDING = {"gt": "ge", "lt": "le"}


def _together(w: SizeWords, low: str, eqs: list[Bound]) -> list[Bound]:
    """Sizes listed together ("7B and 70B versions", "1B, 7B and 70B"): a run of sizes joined by ``either_join``
    commas whose last join is a ``together_join`` word; every size in it holds (each read on its own), unless the
    sizes name kinds of model ("7B and 70B models", no word of having before them) or words after them say any one
    will do ("7B and 13B, either one"): then any one of them. None when
    no run ends so."""
    run: list[Bound] = []
    for a, b in zip(eqs, eqs[1:]):
        if w.together.fullmatch(low, a.end, b.start):
            listed = [*run, *([a] if a not in run else []), b]
            kinds = (bool(w.kinds_after.match(low, b.end)) and not w.having.search(low[:listed[0].start])
                     or bool(w.either_after.match(low[b.end:b.end + 40])))  # "7B and 13B, either one" 
            return [x._replace(either=listed[0].start + 1 if kinds else 0) for x in listed]
        run = [*run, a] if w.either.fullmatch(low, a.end, b.start) and low[a.end:b.start].strip() == "," else []
    return []


def _marked(w: SizeWords, low: str, bounds: list[Bound]) -> list[Bound]:
    """``bounds`` (one bound, or a range's two ends) with an inclusion word right after them applied
    ("under 10B (inclusive)": at most 10B; "1B to 10B, excluding 10B": the upper end strict), each
    bound's span stretched over the word. A number with the word names the one end it is about."""
    m = w.mark.match(low, bounds[-1].end)
    if not m:
        return bounds
    amount = m.group("pre") or m.group("post")
    named = None
    if amount:
        n = re.match(rf"{_NUM}(?:{_UNIT})?", amount)
        named = _to_millions(n.group(1), n.group(2)) if n else None
        if named is None:
            return bounds
    flip = _STRICT if m.group("exc") else _INCLUDING
    return [b._replace(op=flip.get(b.op, b.op) if named is None or b.value == named else b.op, end=m.end())
            for b in bounds]


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


_MONTH_WORD = r"(jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*)"
_MONTH = rf"(?:{_MONTH_WORD}(?:\.\s*|,?\s+)(?:of\s+)?)?"  # "March 2022", "mar. 2022", "March of 2022"
_MONTH_NAME = rf"{_MONTH_WORD}\.?"  # a month alone, as one end of a range
# a month's name whole or in its short form, and nothing longer ("mar", "march", never "marked")
_MONTH_FULL = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?!\w)"
_NUM_MONTH = r"(?:(0?[1-9]|1[0-2])/)?"  # "03/2022"
_ISO_MONTH = r"(?:[-/](0[1-9]|1[0-2])(?![\d/-]))?"  # "2022-03"
_YEAR = r"((?:19|20)\d\d)"
_BOUND_KINDS = ("after", "since", "before", "until", "within")


def alternation(phrases) -> str:
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
        self.prefix = alternation(prefixes)
        self.bound_word = re.compile(rf"(?<!\w)(?:{alternation([p for k in _BOUND_KINDS[:4] for p in table.get(k, [])])})(?!\w)")
        self.later = re.compile(rf"(?:{alternation(table.get('or_later', []))})(?!\w)")
        self.suffix = alternation([*table.get("or_later", []), *table.get("or_earlier", [])])
        self.periods = {" ".join(str(k).lower().split()): tuple(v) for k, v in table.get("periods", {}).items()}
        self.periods.update(_month_runs(table.get("month_runs", {})))
        self.bracket_excludes = re.compile(rf"(?<!\w)(?:{alternation(table.get('bracket_excludes', []))})(?!\w)")
        # "mid-2019", "from mid-2022 on", "after the first half of 2021": a part of a year, maybe one end only
        self.period = re.compile(rf"(?<!\w)(?:({self.prefix})[\s-]+)?({alternation(self.periods)})[\s-]*(?:of\s+)?{_YEAR}\b"
                                 rf"(?:\s*({self.suffix}))?")
        # the year first, as an owner ("2022's final quarter", "2021's first half"): the same part, groups in the same order
        owned = {re.sub(r"\s+of$", "", k): v for k, v in self.periods.items()}
        self.period_owned = re.compile(rf"(?<!\w)(?:({self.prefix})[\s-]+)?(?:the\s+)?{_YEAR}['’]s\s+(?P<part>{alternation(owned)})\b"
                                       rf"(?:\s*({self.suffix}))?")
        self.owned_periods = owned
        # ... or the year first with no owner mark, a quarter or a half in its short form ("2021 Q1 models", "2022 H2")
        self.period_year_first = re.compile(rf"(?<!\w)(?:({self.prefix})[\s-]+)?{_YEAR}\s+(?P<part>q[1-4]|h[12])\b"
                                            rf"(?:\s*({self.suffix}))?")
        start, join = table.get("range_start", []), table.get("range_join", [])
        # ... each end a month maybe written in numbers ("between 2020-07 and 2020-12", "from 03/2021 to 08/2021")
        # (an "in" before an end is a Chinese month's gloss: "between 2020年7月 and 2020年12月" -> "between in Jul 2020 and in ...")
        self.range = re.compile(rf"(?:{alternation(start)})\s+(?:in\s+)?{_MONTH}{_NUM_MONTH}{_YEAR}{_ISO_MONTH}\s+(?:{alternation(join)})\s+"
                                rf"(?:in\s+)?{_MONTH}{_NUM_MONTH}{_YEAR}{_ISO_MONTH}")
        # "from March to June 2022", "jul-dec 2020": two months, one year
        self.month_range = re.compile(rf"(?:(?:{alternation(start)})\s+)?{_MONTH_NAME}\s*(?:{alternation([*join, *table.get('span_join', [])])})"
                                      rf"\s*{_MONTH_NAME}[\s,]+(?:of\s+)?{_YEAR}\b")
        # "May or June 2022", "march, april and may 2023": months listed, one year (read when they run on, one range)
        self.month_list = re.compile(rf"{_MONTH_NAME}((?:\s*(?:{alternation(table.get('list_join', []))})\s*{_MONTH_NAME})+)[\s,]+(?:of\s+)?{_YEAR}\b")
        # the months a part of a year stands for, restated in brackets after it ("spring 2023 (March–April)")
        # or after a comma, a colon or a dash ("late 2022, October through December"), never a range of another year
        opener = alternation(table.get("restate_open", ["("]))
        self.months_said = re.compile(rf"\s*(?:{opener})\s*{_MONTH_NAME}\s*(?:{alternation([*join, *table.get('span_join', [])])})\s*"
                                      rf"{_MONTH_NAME}(?:\s*\)|(?![\s,]*(?:of\s+)?(?:19|20)\d\d))")
        # ... or one month in brackets ("mid-2023 (June) onwards"): that month is the part, a bound word after it applies
        self.month_said = re.compile(rf"\s*(?:{opener})\s*{_MONTH_NAME}\.?\s*\)(?:\s*({self.suffix}))?")
        # "between mid 2020 and the end of 2021": parts of years as the two ends
        self.ends = {**self.periods, **{" ".join(str(k).lower().split()): tuple(v) for k, v in table.get("range_ends", {}).items()}}
        # ... or a part of a year at one end and a month or a year at the other ("between July 2019 and the end of 2019",
        # "from mid-2019 to December"), a part maybe restated by its month in brackets ("mid-2019 (July)")
        def end(i: int) -> str:
            return (rf"(?:(?P<part{i}>{alternation(self.ends)})[\s-]*(?:of\s+)?|(?P<month{i}>{_MONTH_WORD})(?:\.\s*|,?\s+)(?:of\s+)?)?"
                    rf"(?P<year{i}>(?:19|20)\d\d)(?:\s*\(\s*(?P<said{i}>{_MONTH_WORD})\.?\s*\))?")
        self.period_range = re.compile(rf"(?:{alternation(start)})\s+{end(1)}\s+(?:{alternation(join)})\s+{end(2)}(?!\w)")
        # a range word that is not also a plain "in" word ("between", not "from") keeps "2019 and 2021" a range
        self.range_word = re.compile(rf"(?<!\w)(?:{alternation([p for p in start if p not in table.get('within', [])])})(?!\w)")
        self.span = re.compile(rf"\b{_YEAR}\s*(?:{alternation(table.get('span_join', []))})\s*{_YEAR}\b")
        # years listed ("2020 or 2021", "in 2018 or in 2023", "during 2019 or during 2022"): a word of "within" may
        # repeat before each
        within = alternation([p for p, k in self.kind.items() if k == "within"])
        self.year_run = re.compile(rf"\b(?:19|20)\d\d(?:\s*(?:,|/|&|or|and|,\s*and|,\s*or)\s*(?:(?:{within})\s+)?(?:19|20)\d\d)+\b")
        # the words between two spans of time either of which holds ("mid 2022 or any time in 2023")
        self.union = re.compile(rf"^\s*,?\s*(?:{alternation(table.get('union_join', []))})\s*$")
        # the words between two whole spans of time set side by side ("March 2024 vs December 2024", "in 2019 and how
        # many in 2021"): each a span of its own, either one holding (a count may then take them apart)
        self.contrast = re.compile(rf"^\s*,?\s*(?:{alternation(table.get('period_join', []))})\s*$")
        # two parts of one year or two months set side by side, the year said once after both ("Q1 vs Q2 2023", "January
        # versus February 2023", "the first half vs the second half of 2022"): each its own span of that year
        def side(i: int) -> str:
            return rf"(?:(?P<part{i}>{alternation(owned)})|(?P<month{i}>{_MONTH_FULL}))"
        self.shared_year = re.compile(rf"(?<!\w){side(1)}\s*,?\s*(?:{alternation(table.get('period_join', []))})\s*(?:the\s+)?"
                                      rf"{side(2)}(?!\w)[\s-]*(?:of\s+|,\s*)?(?P<year>(?:19|20)\d\d)\b")
        # the edge of the date a bound is about, before it ("since the start of 2022") or after it ("after 2022 began")
        self.edge = {" ".join(str(p).lower().split()): side for key in ("edge_before", "edge_after")
                     for side, words in table.get(key, {}).items() for p in words}
        self.edge_months = {side: tuple(v) for side, v in table.get("edge_months", {}).items()}
        edge_before = alternation(p for words in table.get("edge_before", {}).values() for p in words)
        edge_after = alternation(p for words in table.get("edge_after", {}).values() for p in words)
        self.single = re.compile(rf"(?<!\w)(?:({self.prefix})[\s-]+)?(?:({edge_before})[\s-]+)?{_MONTH}{_NUM_MONTH}{_YEAR}{_ISO_MONTH}"
                                 rf"\b(?!\.\d|\d)(?:\s+(?:had\s+|has\s+)?({edge_after})(?!\w))?(?:\s*({self.suffix}))?", re.I)

    def kind_of(self, prefix: str | None) -> str | None:
        return self.kind.get(re.sub(r"[\s-]+", " ", prefix.lower())) if prefix else None


def _month_runs(words: dict) -> dict[str, tuple[int, int]]:
    """The first or last months of a year counted ("the last three months of", "first 2 months of"): the ``first`` /
    ``last`` words of the ``month_runs`` table before a count (digits or the lexicon's count words) of months."""
    if not words:
        return {}
    counts = {**{str(n): n for n in range(1, 12)}, **{str(k): int(v) for k, v in _english("count_words").items() if 1 <= int(v) <= 11}}
    out: dict[str, tuple[int, int]] = {}
    for side, edges in words.items():
        for edge in edges:
            for said, n in counts.items():
                for the in ("", "the "):
                    out[f"{the}{edge} {said} months of"] = (1, n) if side == "first" else (13 - n, 12)
    return out


_COMPILED: dict[tuple[type, int], object] = {}


def compiled(kind: type, table: dict):
    """``kind(table)`` (a vocabulary compiled to regexes: DateWords, SizeWords...) built once per table."""
    key = (kind, id(table))
    if key not in _COMPILED:
        _COMPILED[key] = kind(table)
    return _COMPILED[key]


def _english(section: str) -> dict:
    from assistant.lexicon import lexicon

    return lexicon("en").data[section]


_DECADE = re.compile(r"\b((?:19|20)\d0)['’]?s\b")


def parse_dates(text: str, masked=(), table: dict | None = None) -> list[Bound]:
    """Date bounds (inclusive, year*100+month) with the spans they were read from; the words come
    from the lexicon's ``dates`` table (the English one when none is given)."""
    return _over_year_words(text, _parse_dates(text, masked, table))


def _parse_dates(text: str, masked=(), table: dict | None = None) -> list[Bound]:
    w = compiled(DateWords, _english("dates") if table is None else table)
    low = re.sub(r"(?<![\w'])['’](\d\d)\b", r"20\1", years_to_digits(text.lower()))  # '22 -> 2022, "twenty twenty" -> 2020
    if len(low) != len(text):
        masked = ()
    restated = _restated(low, masked, table)
    if restated:
        return restated

    def both(lo: int, hi: int, span) -> list[Bound]:
        return [Bound("date", "ge", lo, *span), Bound("date", "le", hi, *span)]

    m = w.month_list.search(low)
    if m and _free(m.span(), masked) and (months := _run_of_months(m.group(1), m.group(2))):
        year = int(m.group(m.re.groups)) * 100
        return both(year + months[0], year + months[-1], m.span())
    m = w.month_range.search(low)
    if m and _free(m.span(), masked) and _MONTHS[m.group(1)[:3]] <= _MONTHS[m.group(2)[:3]]:
        return both(_ym(m.group(3), m.group(1), False), _ym(m.group(3), m.group(2), True), m.span())
    m = w.shared_year.search(low)
    if m and _free(m.span(), masked):  # "Q1 vs Q2 2023": each part of the one year its own span, either one holding
        year, sides = int(m.group("year")) * 100, []
        for i in (1, 2):
            part, month = m.group(f"part{i}"), m.group(f"month{i}")
            first, last = w.owned_periods[" ".join(part.split())] if part else (_MONTHS[month[:3]],) * 2
            sides.append((year + first, year + last, (m.start(f"part{i}") if part else m.start(f"month{i}"),
                                                     m.end(f"part{i}") if part else m.end(f"month{i}"))))
        sides[1] = (*sides[1][:2], (sides[1][2][0], m.end()))
        return [b._replace(either=m.start() + 1) for lo, hi, span in sides for b in both(lo, hi, span)]
    m = w.period_range.search(low)
    if m and (m.group("part1") or m.group("part2")) and _free(m.span(), masked):
        lo, hi = (_range_end(w, m, i) for i in (1, 2))
        if lo <= hi:
            return both(lo, hi, m.span())
    out: dict[str, Bound] = {}
    whole: list[tuple[int, int, tuple[int, int]]] = []  # spans of time said whole, in order (first, last, span)
    q = w.period.search(low)
    owned = None if q else (w.period_owned.search(low) or w.period_year_first.search(low))
    if owned and _free(owned.span(), masked):  # "2022's final quarter": the part of the year named after its year
        first, last = w.owned_periods[" ".join(owned.group("part").split())]
        year, span = int(owned.group(2)), owned.span()
        out = _one_end(w, owned.group(1), owned.group(4), year * 100 + first, year * 100 + last, span)
        masked = [*masked, span]
    elif q and _free(q.span(), masked):  # quarters, halves, early/mid/late
        first, last = w.periods[" ".join(q.group(2).split())]
        year, span = int(q.group(3)), q.span()
        said = w.months_said.match(low, q.end())  # "late 2022 (Oct-Dec)": the months in brackets say which part
        one = None if said or q.group(4) else w.month_said.match(low, q.end())  # "mid-2023 (June) onwards": June 2023 on
        suffix = one.group(2) if one else q.group(4)
        if said and _MONTHS[said.group(1)[:3]] <= _MONTHS[said.group(2)[:3]]:
            first, last, span = _MONTHS[said.group(1)[:3]], _MONTHS[said.group(2)[:3]], (q.start(), said.end())
        elif one and first <= _MONTHS[one.group(1)[:3]] <= last:
            first = last = _MONTHS[one.group(1)[:3]]
            span = (q.start(), one.end())
        out = _one_end(w, q.group(1), suffix, year * 100 + first, year * 100 + last, span)
        q2 = w.period.search(low, q.end())  # "Q4 2022 or Q1 2023": a second part of a year, either one holding
        if q2 and len(out) == 2 and not q2.group(1) and w.union.match(low[q.end():q2.start()]) and _free(q2.span(), masked):
            f2, l2 = w.periods[" ".join(q2.group(2).split())]
            joined = _union(out, int(q2.group(3)) * 100 + f2, int(q2.group(3)) * 100 + l2, (q.start(), q2.end()))
            if joined:
                out, span = joined, (q.start(), q2.end())
        elif q2 and len(out) == 2 and not q2.group(1) and not q2.group(4) and w.contrast.match(low[q.end():q2.start()]) \
                and _free(q2.span(), masked):  # "Q1 2023 versus Q2 2023": each part its own span, either one holding
            f2, l2 = w.periods[" ".join(q2.group(2).split())]
            y2 = int(q2.group(3)) * 100
            return [b._replace(either=q.start() + 1) for b in (*both(out["from"].value, out["to"].value, span),
                                                                 *both(y2 + f2, y2 + l2, q2.span()))]
        masked = [*masked, span]  # a month named beside it ("(June 2022 or later)") refines the same end
    m = w.range.search(low)
    if m and _free(m.span(), masked):  # groups: (named, numbered, year, iso) for each end
        g = m.groups()
        return both(_ym(g[2], g[0] or g[1] or g[3], False), _ym(g[6], g[4] or g[5] or g[7], True), m.span())
    decade = _DECADE.search(low)
    if decade and _free(decade.span(), masked):  # "the 2010s", "the 2020s"
        start = int(decade.group(1))
        return both(start * 100 + 1, (start + 9) * 100 + 12, decade.span())
    run = w.year_run.search(low)
    if run and _free(run.span(), masked) and not w.bound_word.search(low) and not w.range_word.search(low):
        years = [(int(y.group()), (run.start() + y.start(), run.start() + y.end()))
                 for y in re.finditer(r"(?:19|20)\d\d", run.group())]
        listed = sorted(y for y, _ in years)  # "2020 or 2021", "in 2020 and in 2021": years that run on, one range
        if all(b - a <= 1 for a, b in zip(listed, listed[1:])):
            return both(listed[0] * 100 + 1, listed[-1] * 100 + 12, run.span())
        # "in 2018 or in 2023", "2019 and 2021": years with a gap between them are each a year of its own, any one
        # holding (a model has one date), not the stretch from the first to the last
        return [b._replace(either=run.start() + 1) for y, span in years for b in both(y * 100 + 1, y * 100 + 12, span)]
    m = w.span.search(low)
    if m and _free(m.span(), masked):
        return both(_ym(m.group(1), None, False), _ym(m.group(2), None, True), m.span())
    for m in w.single.finditer(low):
        prefix, edge_before, named, numbered, year, iso, edge_after, suffix = m.groups()
        span = m.span()
        if not _free(span, masked):
            # "in 2022 closed-source models": the word after the year is another reading's ("closed"), not its edge
            core = (m.start(), m.end(6) if iso else m.end(5))
            if not edge_after or suffix or not _free(core, masked):
                continue
            edge_after, span = None, core
        month = named or numbered or iso  # _MONTH only captures month names
        first, last = _ym(year, month, False), _ym(year, month, True)
        edge = w.edge.get(" ".join((edge_before or edge_after or "").lower().split()))
        if edge and not month and w.kind_of(prefix) in (None, "within"):  # "at the start of 2022": its first months
            lo, hi = w.edge_months.get(edge, (first % 100, last % 100))
            first, last = int(year) * 100 + lo, int(year) * 100 + hi
        ends = _one_end(w, prefix, suffix, first, last, span, edge)
        if len(ends) == 2 and "from" in out and "to" in out and w.union.match(low[out["to"].end:span[0]]):
            # "the second half of 2022 or any time in 2023": two spans of time that meet, either one: from the first to the last
            joined = _union(out, ends["from"].value, ends["to"].value, (out["from"].start, span[1]))
            if joined:  # the two meet: one span, from the first to the last
                ends, whole = joined, whole[:-1]
            else:
                whole.append((first, last, span))
        elif len(ends) == 2 and not edge:
            whole.append((first, last, span))
        out.update(ends)
    if len(whole) >= 2 and all(w.contrast.match(low[a[2][1]:b[2][0]]) for a, b in zip(whole, whole[1:])):
        # "March 2024 vs December 2024": each span its own, not the last one alone
        return [b._replace(either=whole[0][2][0] + 1) for lo, hi, span in whole for b in both(lo, hi, span)]
    return list(out.values())


def _union(out: dict, lo: int, hi: int, span: tuple[int, int]) -> dict | None:
    """A span of months (``out``'s "from" and "to") and another one, ``lo``..``hi``, joined by "or": one range from the
    first month to the last when they meet or overlap (no month between them), else None."""
    if not (lo <= _next(out["to"].value) and out["from"].value <= _next(hi)):
        return None
    return {"from": Bound("date", "ge", min(out["from"].value, lo), *span), "to": Bound("date", "le", max(out["to"].value, hi), *span)}


def _range_end(w: DateWords, m: re.Match, i: int) -> int:
    """One end of a range whose ends may be parts of years ("mid-2019 (July)", "the end of 2019", "December 2019"):
    the first month of the first end, the last of the second; a month said in brackets after a part is that end."""
    month = m.group(f"said{i}") or m.group(f"month{i}")
    if month:
        return int(m.group(f"year{i}")) * 100 + _MONTHS[month[:3]]
    if m.group(f"part{i}"):
        return int(m.group(f"year{i}")) * 100 + w.ends[" ".join(m.group(f"part{i}").split())][i - 1]
    return _ym(m.group(f"year{i}"), None, i == 2)


def _run_of_months(first: str, rest: str) -> list[int]:
    """The months of a list ("may", " or june"), in order, when each follows the one before ([] when they skip one:
    "March or June" is no range)."""
    months = [_MONTHS[first[:3]], *(_MONTHS[w[:3]] for w in re.findall(_MONTH_WORD, rest))]
    return months if all(b == a + 1 for a, b in zip(months, months[1:])) else []


_BRACKET = re.compile(r"\(\s*([^()]{6,40}?)\s*\)")


def _restated(low: str, masked, table: dict | None) -> list[Bound]:
    """A date range restated in brackets after another ("between mid-2020 and mid-2021 (June 2020 to June 2021)"):
    the bracket's months, the more exact ones, over the whole stretch; [] when there is none."""
    said = _BRACKET.search(low)
    excludes = compiled(DateWords, _english("dates") if table is None else table).bracket_excludes
    if not said or not _free(said.span(), masked) or len(_YEAR_TOKEN.findall(said.group(1))) < 2 or excludes.search(said.group(1)):
        return []  # a range restated has its two ends' years, and leaves nothing out ("(not 2020)")
    outer = parse_dates(low[:said.start()] + " " * (said.end() - said.start()) + low[said.end():], masked, table)
    inner = parse_dates(f"between {said.group(1)}", (), table)
    if {b.op for b in outer} != {"ge", "le"} or {b.op for b in inner} != {"ge", "le"} or len(outer) != 2 or len(inner) != 2:
        return []
    start, end = min(b.start for b in outer), max(b.end for b in outer)
    right_after = 0 <= said.start() - end <= 3  # the bracket follows the range it restates
    return [Bound("date", b.op, b.value, start, said.end()) for b in inner] if right_after else []


_EDGE_KINDS = {("after", "start"): "since", ("since", "start"): "since", ("after", "end"): "after", ("since", "end"): "after",
               ("before", "start"): "before", ("until", "start"): "before", ("before", "end"): "until", ("until", "end"): "until"}


def _one_end(w: DateWords, prefix: str | None, suffix: str | None, first: int, last: int, span,
             edge: str | None = None) -> dict[str, Bound]:
    """The bounds a year, a month or a part of a year (``first``..``last``) puts on the date, by the
    words around it: "after" / "since" / "or later" keep the start only, "before" / "until" the end.
    An edge of the date ("after 2022 began", "before the end of 2019") moves the bound to that edge."""
    kind = w.kind_of(prefix)
    kind = _EDGE_KINDS.get((kind, edge), kind)
    if suffix and kind not in ("after", "before"):
        kind = "since" if w.later.fullmatch(suffix) else "until"
    if kind == "before":
        return {"to": Bound("date", "le", _previous(first), *span)}
    if kind == "until":
        return {"to": Bound("date", "le", last, *span)}
    if kind == "after":
        return {"from": Bound("date", "ge", _next(last), *span)}
    if kind == "since":
        return {"from": Bound("date", "ge", first, *span)}
    return {"from": Bound("date", "ge", first, *span), "to": Bound("date", "le", last, *span)}
