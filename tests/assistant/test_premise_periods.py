"""A wrong year or month asserted of a model is corrected once, as said ("not 2021", "not March 2019", 而不是 2023年),
not as the bound it broke ("not 2021-12"); a Chinese size with a space before its unit ("700 亿参数") is that size,
not an order of magnitude read from the unit alone (it was corrected as "not 1B")."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("question, said", [
    ("Falcon was released in 2021 by TII, what license does it use?", "not 2021 [1]"),
    ("BERT was released in March 2019, right?", "not March 2019 [1]"),
    ("Whisper 是谷歌在 2023 年发布的吧？", "而不是 2023年 [1]"),
    ("BERT 是 2019 年 3 月发布的吗", "而不是 2019年3月 [1]"),
])
def test_a_wrong_period_is_corrected_as_said(full, question, said):
    text = full.ask(question).text
    assert said in text and "-12" not in text.split("\n\n")[0] and text.count(said) == 1, text[:200]


def test_a_chinese_size_with_a_space_before_its_unit(full):
    answer = full.ask("Llama 3 是 Meta 在 2022 年发布的 700 亿参数模型吗")
    assert any(c["values"] == [70000.0] for c in answer.query["where"]["items"]) or \
        any(p["constraint"]["values"] == [70000.0] for p in answer.query["premises"])
    assert "而不是 1B" not in answer.text
