"""A time said from today ("last year", "two years ago", "in the past 18 months", 去年, 近两年) is the dates it names
on the day the question is asked (lexicon ``relative_dates``), and the reading line shows those dates."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.relative import absolute

DAY = dt.date(2026, 11, 28)


@pytest.mark.parametrize("language, said, rewritten", [
    ("en", "models released last year", "models released 2025"),
    ("en", "what did Google ship the year before last?", "what did Google ship 2024?"),
    ("en", "encoders from three years ago", "encoders from 2023"),
    ("en", "anything new over the past 18 months", "anything new since May 2025"),
    ("en", "which decoders appeared in the last two years", "which decoders appeared since November 2024"),
    ("en", "what came out in the past year?", "what came out since November 2025?"),
    ("zh", "去年发布的模型", "2025年发布的模型"),
    ("zh", "前年下半年的解码器", "2024年下半年的解码器"),
    ("zh", "过去三年谷歌发布了哪些模型", "2023年11月以来谷歌发布了哪些模型"),
    ("zh", "两年前的编码器", "2024年的编码器"),
])
def test_a_relative_time_is_the_dates_it_names_that_day(language, said, rewritten):
    assert absolute(said, language, DAY) == rewritten


@pytest.mark.parametrize("language, said", [
    ("en", "the last two models in the list"),  # no unit of time: a position, not a time
    ("zh", "2020年前的模型"),  # a year with 前 (before 2020) is no count of years back
    ("zh", "20年代的模型"),
])
def test_other_uses_of_the_words_are_left(language, said):
    assert absolute(said, language, DAY) == said


def _dates(q) -> tuple:
    from assistant.query import leaves

    found = {c.op.name: int(c.values[0]) for c, negated in leaves(q.where) if c.facet == "date" and not negated}
    return found.get("GE"), found.get("LE")


@pytest.mark.parametrize("question", ["which models were released last year?", "去年发布了哪些模型", "去年發佈的模型"])
def test_last_year_is_read_as_the_year_before_today(full, question):
    year = dt.date.today().year - 1
    q = full._understand(question)
    assert _dates(q) == (year * 100 + 1, year * 100 + 12)
    answer = full.ask(question)
    assert str(year) in answer.text and {full.catalog.models[m].date.year for m in answer.models} <= {year}
