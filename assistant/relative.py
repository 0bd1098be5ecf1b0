"""Times said from today ("last year", "two years ago", "in the past 18 months", 去年, 近两年), rewritten as the dates
they name on the day the question is asked, before anything else reads the question: every date reader then sees an
ordinary year or "since <month> <year>", and the reading line shows the dates executed, so the asker sees how "last
year" was taken. The words are the lexicon's ``relative_dates`` table:

- ``years``: a phrase naming one calendar year by its offset from this one ("last year": -1, 前年: -2);
- ``ago``: a count of years back ("three years ago"), the year it lands on;
- ``span``: a stretch up to today ("the past two years", 近两年): since the month that many years or months back;
- ``year_form`` / ``since_form``: how the rewritten dates are written in that language.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re

from catalog.schema import YearMonth




def today() -> _dt.date:
    """The day a question is asked (a function, so a caller may read it once per question)."""
    return _dt.date.today()


@functools.lru_cache(maxsize=4)
def _patterns(language: str) -> tuple | None:
    """The language's ``relative_dates`` table, its year phrases (normalized) and count words, and its three patterns."""
    from assistant.lexicon import lexicon

    if language == "zh":  # the zh file's own tables (its lexicon object reads as English)
        from assistant.chinese import load_zh_lexicon

        table = load_zh_lexicon().get("relative_dates")
    else:
        table = lexicon(language).data.get("relative_dates")
    if not table:
        return None
    years = {" ".join(str(k).lower().split()): int(v) for k, v in table.get("years", {}).items()}
    counts = {**lexicon("en").data.get("count_words", {}), **table.get("counts", {})}  # "two", and "a couple of", "eighteen"
    said = "|".join(re.escape(p) for p in sorted(years, key=len, reverse=True)) or "(?!)"
    return (table, years, counts, re.compile(rf"(?<![A-Za-z0-9])(?:{said})(?![A-Za-z0-9])", re.I),
            re.compile(str(table.get("ago", "(?!)")).removeprefix("re:"), re.I),
            re.compile(str(table.get("span", "(?!)")).removeprefix("re:"), re.I))


def _count(word: str | None, counts: dict) -> int | None:
    """A count said in digits, in the lexicon's count words, or in Chinese numerals; 1 when none is said ("the past year")."""
    if not word:
        return 1
    word = " ".join(word.lower().split())
    if word.isdigit():
        return int(word)
    if word in counts:
        return int(counts[word])
    from assistant.zh_numbers import cn_int

    return cn_int(word)


def absolute(text: str, language: str, on: _dt.date | None = None) -> str:
    """``text`` with its relative times replaced by the dates they name on the day ``on`` (today by default), in
    ``language``'s words."""
    found = _patterns(language) if text else None
    if found is None:
        return text
    table, years, counts, years_at, ago, span = found
    day = on or today()

    def since(m: re.Match) -> str:
        said = m.groupdict()
        n = _count(said.get("n") or said.get("n2"), counts)
        if n is None:
            return m.group()
        months = n * (12 if m.group("unit").lower() in table.get("year_units", []) else 1)
        key = day.year * 12 + (day.month - 1) - months
        month = YearMonth(year=key // 12, month=key % 12 + 1)
        return table["since_form"].format(year=month.year, month=month.month, month_name=month.human().split()[0])

    def back(m: re.Match) -> str:
        n = _count(m.group("n"), counts)
        return m.group() if n is None else table["year_form"].format(year=day.year - n)

    text = ago.sub(back, span.sub(since, text))
    return years_at.sub(lambda m: table["year_form"].format(year=day.year + years[" ".join(m.group().lower().split())]), text)
