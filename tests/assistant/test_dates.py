"""Date ranges in the forms people type, in English and Chinese: which month each bound starts or
ends on (inclusive and exclusive words), and the reading line that states the range."""

from __future__ import annotations

import pytest

from assistant.numbers import parse_dates

# (phrase, first month allowed or None, last month allowed or None)
BOUNDS = [
    ("released in 2023 or later", 202301, None),
    ("out 2023 and after", 202301, None),
    ("from 2021 onwards", 202101, None),
    ("from 2021 on", 202101, None),
    ("since 2023", 202301, None),
    ("starting in 2022", 202201, None),
    ("after 2023", 202401, None),
    ("after March 2022", 202204, None),
    ("since March 2022", 202203, None),
    ("later than 2021", 202201, None),
    ("newer than 2020", 202101, None),
    ("post-2021", 202201, None),
    ("before 2020", None, 201912),
    ("before June 2020", None, 202005),
    ("earlier than 2020", None, 201912),
    ("pre-2020", None, 201912),
    ("up to 2019", None, 201912),
    ("through 2020", None, 202012),
    ("in or before 2019", None, 201912),
    ("2019 or earlier", None, 201912),
    ("between 2019 and 2021", 201901, 202112),
    ("from 2019 to 2021", 201901, 202112),
    ("in the first half of 2022", 202201, 202206),
    ("in the last quarter of 2022", 202210, 202212),
    ("in Q3 2021", 202107, 202109),
    ("in 2020", 202001, 202012),
    # the edge of a year between the bound word and the year, or after it
    ("released since the start of 2022", 202201, None),
    ("that came out after 2022 began", 202201, None),
    ("published once 2021 had started", 202101, None),
    ("from after the beginning of 2023", 202301, None),
    ("released before the end of 2019", None, 201912),
    ("put out before 2021 started", None, 202012),
    ("released after the end of 2020", 202101, None),
    ("announced after 2020 was over", 202101, None),
    ("out until the start of 2022", None, 202112),
    ("released at the start of 2022", 202201, 202203),
    ("from the end of 2021", 202110, 202112),
    ("released in 2021.", 202101, 202112),
    # a part of a year with its months restated in brackets
    ("released in late 2022 (Oct-Dec)", 202210, 202212),
    ("out in spring 2023 (March–April)", 202303, 202304),
    ("from early 2021 (January to February)", 202101, 202102),
    ("in the second half of 2020 (Aug-Dec)", 202008, 202012),
]


def _range(bounds):
    lo = next((int(b.value) for b in bounds if b.op == "ge"), None)
    hi = next((int(b.value) for b in bounds if b.op == "le"), None)
    return lo, hi


@pytest.mark.parametrize("phrase, lo, hi", BOUNDS)
def test_date_words_bound_the_right_months(phrase, lo, hi):
    assert _range(parse_dates(f"models {phrase}")) == (lo, hi)


def test_on_after_a_year_is_a_bound_only_at_the_end_of_the_phrase():
    assert _range(parse_dates("models from 2022 on the Pile")) == (202201, 202212)


@pytest.mark.parametrize("question, note", [
    ("models released after 2023", "(dates from 2024 on, 2024 included)"),
    ("models released 2019 or earlier", "(dates up to 2019, 2019 included)"),
    ("models released before March 2022", "(dates up to February 2022, February 2022 included)"),
    ("models from the first half of 2022", "(dates from January 2022 through June 2022, both included)"),
    ("count the Google models from 2020", "(dates within 2020)"),
])
def test_the_reading_states_the_range_with_its_ends(plain, question, note):
    answer = plain.ask(question)
    assert note in answer.text.splitlines()[[i for i, t in enumerate(answer.text.splitlines()) if "Read as" in t][0]]


def test_a_bound_taken_from_a_model_is_not_restated_as_dates(plain):
    assert "(dates" not in plain.ask("models released after BERT").text


ZH_PAIRS = [
    ("2023年以来发布的模型", "models released since 2023"),
    ("2022年或以后的模型", "models from 2022 onwards"),
    ("2020年以后发布的解码器模型", "decoder models released in 2020 or later"),
    ("2020年之后（不含2020年）的解码器模型", "decoder models released after 2020"),
    ("2020年之前（不含2020）的模型", "models released before 2020"),
    ("2022年第四季（10到12月）发布的模型", "models released in Q4 2022"),
    ("截至2020年发布的模型", "models released up to 2020"),
    ("早于2020年发布的模型", "models released before 2020"),
    ("不早于2021年的模型", "models from 2021 or later"),
    ("2019年及以前的模型", "models from 2019 or earlier"),
    ("2022年上半年发布的模型", "models released in the first half of 2022"),
    ("2022年3月之后的模型", "models from March 2022 on"),
    ("2019到2021年之间的模型", "models between 2019 and 2021"),
    ("2021年至今的模型", "models since 2021"),
]


@pytest.mark.parametrize("zh, en", ZH_PAIRS)
def test_chinese_date_words_read_as_the_english_ones(plain, zh, en):
    got = plain.understander.understand(plain.chinese.read(zh).gloss)
    want = plain.understander.understand(en)
    assert got.where == want.where


def test_the_chinese_reading_states_the_range_in_chinese(plain):
    text = plain.ask("2023年以后发布的模型").text
    assert "（日期：2023年起，含2023年）" in text
