"""Chinese sizes, dates, counts and ordinals read to the same typed values as their English phrasing."""

from __future__ import annotations

import pytest

from assistant.zh_numbers import cn_int, rewrite, size_phrase


@pytest.mark.parametrize("text, value", [("十", 10), ("十九", 19), ("三十六", 36), ("七十七", 77), ("一百", 100),
                                         ("一千七百五十", 1750), ("两万", 20000), ("一亿", 10**8), ("三", 3)])
def test_cn_int(text, value):
    assert cn_int(text) == value


def test_size_phrase_keeps_exact_values():
    assert size_phrase(1.75e11) == "175 billion"
    assert size_phrase(6.6e7) == "66 million"
    assert size_phrase(1.75e12) == "1.75 trillion"


@pytest.mark.parametrize("zh, en", [
    ("1750亿", "175 billion"),
    ("5400亿参数", "540 billion parameters"),
    ("70亿", "7 billion"),
    ("6600万", "66 million"),
    ("1.75万亿", "1.75 trillion"),
    ("一千七百五十亿", "175 billion"),
    ("参数超过1000亿", "参数 more than 100 billion"),
    ("百亿以上", "more than 10 billion"),  # a bare 以上 / 以下 is strict (round 24)
    ("百亿及以上", "at least 10 billion"),
    ("10亿以下", "less than 1 billion"),
    ("10亿及以下", "at most 1 billion"),
    ("小于10亿", "less than 1 billion"),
    ("参数上万亿", "参数 at least 1 trillion"),
    ("100亿到1000亿之间", "between 10 billion and 100 billion"),
    ("2021年", "in 2021"),
    ("2021年5月", "in May 2021"),
    ("2022年以后", "since 2022"),  # 以后 keeps its year (as 及以上 keeps its number)
    ("2022年之后", "since 2022"),
    ("2020年之前（不含2020）", "before 2020"),
    ("2020年以前(含2020年)", "until 2020"),
    ("2021年以后（不含2021年）", "after 2021"),
    ("2022年第四季", "q4 2022"),
    ("2022年及以后", "since 2022"),
    ("2020年之前", "before 2020"),
    ("2020年以前", "before 2020"),
    ("2019年到2021年", "between 2019 and 2021"),
    ("2019至2021年之间", "between 2019 and 2021"),
    ("2022年上半年", "first half of 2022"),
    ("三个", "3 个"),
    ("第二个", "the second one"),
    ("前三个", "top 3"),
])
def test_rewrite(zh, en):
    assert rewrite(zh) == en


def test_a_bare_unit_or_one_is_left_alone():
    assert rewrite("哪一个") == "哪一个"
    assert rewrite("一共有几个") == "一共有几个"


def test_ranges_and_latin_units_after_chinese_comparators():
    assert rewrite("在2019年和2021年之间") == "between 2019 and 2021"
    assert rewrite("参数量大于100B") == "参数量 more than 100 billion"
    assert rewrite("超过100B参数") == "more than 100 billion parameters"
    assert rewrite("不到1.5B") == "less than 1.5 billion"


@pytest.mark.parametrize("zh, en", [
    ("参数小于或等于70亿", "参数 at most 7 billion"),  # a strict word and an equal sign: the number counts
    ("高于或等于 20B", "at least 20 billion"),
    ("5B以上（不含5B）", "more than 5 billion"),  # a bracket that leaves the number out
    ("30亿（含）以下", "at most 3 billion"),  # ... or keeps it in, between the number and its postposition
    ("十亿级", "at least 1 billion and less than 10 billion parameters"),  # an order of magnitude
    ("参数过千亿", "参数 more than 100 billion"),  # one-character verbs of exceeding
    ("破万亿", "more than 1 trillion"),
])
def test_chinese_bounds_with_equal_signs_brackets_and_magnitudes(zh, en):
    assert rewrite(zh) == en


@pytest.mark.parametrize("zh, en", [
    ("有没有低于3亿参数的规格", "a less than 300 million parameters"),
    ("哪些模型有超过 50B 的型号", "a more than 50 billion"),
])
def test_a_size_with_a_version_noun_after_it_is_one_version(zh, en):
    assert en in rewrite(zh)
    assert "a" not in rewrite("所有版本都小于1B").split()  # every version: no "a"


@pytest.mark.parametrize("zh, en", [
    ("激活参数低于总参数的五分之一", "激活参数 less than 20% of the total parameters"),  # a share of the parameters
    ("每个 token 用到的参数不足全部参数的 15%", "每个 token 用到的参数 less than 15% of the total parameters"),
])
def test_a_bound_on_a_share_of_the_parameters(zh, en):
    assert rewrite(zh) == en


@pytest.mark.parametrize("zh, en", [
    ("2B（不含）到 20B（含）", "more than 2 billion and at most 20 billion"),  # each end's own bracket
    ("30亿与300亿之间（不含两端）", "more than 3 billion and less than 30 billion"),  # one bracket for both ends
    ("30亿与300亿之间", "between 3 billion and 30 billion"),  # none: the plain range
])
def test_a_size_range_whose_ends_say_whether_they_count(zh, en):
    assert rewrite(zh) == en
