"""A part of a year bounded by the word after it is that end of the year (Chinese): 2019年年底之前 is "by the end of
2019" (up to December), not "before late 2019" (up to August); 2021年初以后 is "since the start of 2021"."""

from __future__ import annotations

import pytest

from tests.assistant.spec import where_read


@pytest.mark.parametrize("question, where", [
    ("2019年年底之前发布的解码器有哪些", "date ≤ 2019-12 AND architecture = decoder"),
    ("2022年末以前发布的编码器", "date ≤ 2022-12 AND architecture = encoder"),
    ("2021年初以后谷歌发布了哪些模型", "date ≥ 2021-01 AND lab = Google"),
    ("2020年年初之后发布的模型", "date ≥ 2020-01"),
])
def test_a_year_end_bounded_is_that_end(full, question, where):
    assert where_read(full, question) == where
