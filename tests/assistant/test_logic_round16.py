"""Kinds of logic questions read in general (round 16), each pinned by wordings no failing question used:

- years with a gap between them joined by "or" / "and" ("in 2019 or 2022") are each a year of their own, either one
  holding, not the stretch from the first to the last; the two ends of each year share its negation;
- a year's first or last months counted ("the last three months of 2022", "2023年前三个月"), and 年初 / 年底 as the
  year's first / last quarter (as "the start of" / "the end of" a year);
- a verb of going beyond a number ("tops", "crosses") is a strict lower bound; "all the sizes" quantifies every size;
- in Chinese, 过 after a verb of making or releasing marks the past ("做过 175B 的模型": one of that size, no "more
  than"); a size pointed back at before a version noun ("7B 这个尺寸的版本") is still one version; "只发布了一个尺寸"
  is one size;
- a model left out with an exclusion verb in a conditional or temporal clause ("if you drop X", "after removing X")
  is left out, with its descendants when the tail says so;
- a size restated after a compared model's name ("bigger than GPT-3's 175B") is that model's own size, no bound;
- a number of versions right before a size bound ("at least two sizes above 10B") counts the versions that hold it;
- a plain size range's second reading (one released size inside it) keeps its strict ends: "over 10B and under
  100B" holds for no 10B size.
"""

from __future__ import annotations

import pytest

from tests.assistant.spec import where_read

READINGS = [
    # years apart, joined by or / and: either year
    ("models that came out in 2019 or 2022",
     "(date ≥ 2019-01 AND date ≤ 2019-12 OR date ≥ 2022-01 AND date ≤ 2022-12)"),
    ("list models released during 2020 or during 2023",
     "(date ≥ 2020-01 AND date ≤ 2020-12 OR date ≥ 2023-01 AND date ≤ 2023-12)"),
    ("2019 年或者 2022 年推出的模型", "(date ≥ 2019-01 AND date ≤ 2019-12 OR date ≥ 2022-01 AND date ≤ 2022-12)"),
    ("models not released in 2019 or 2021",
     "NOT ((date ≥ 2019-01 AND date ≤ 2019-12 OR date ≥ 2021-01 AND date ≤ 2021-12))"),
    # a year's first / last months counted; 年初 / 年底 / 年末 as a quarter
    ("models from the first two months of 2023", "date ≥ 2023-01 AND date ≤ 2023-02"),
    ("what was released in the final four months of 2021?", "date ≥ 2021-09 AND date ≤ 2021-12"),
    ("anything from 2021's last 2 months?", "date ≥ 2021-11 AND date ≤ 2021-12"),
    ("2021年最后两个月发布的模型", "date ≥ 2021-11 AND date ≤ 2021-12"),
    ("2023年前三个月有哪些模型", "date ≥ 2023-01 AND date ≤ 2023-03"),
    ("2021年初的模型", "date ≥ 2021-01 AND date ≤ 2021-03"),
    # size verbs and quantifiers
    ("additions with some version that tops 50B", "some variant with size > 50B AND catalog = since the paper"),
    ("models where one checkpoint crosses 100 billion parameters", "some variant with size > 100B"),
    ("open models in which all the versions are under 1B", "every variant with size < 1B AND license = open"),
    # a number of versions a size bound right after holds for
    ("models with at least two sizes above 10B", "at least 2 variants with size > 10B"),
    ("decoders that have two or more checkpoints bigger than 7B", "at least 2 variants with size > 7B AND architecture = decoder"),
    ("两个以上的版本都小于 1B 的模型", "at least 2 variants with size < 1B"),
    # Chinese: 过 after a verb is no bound; a size pointed back at before the version noun; one size released
    ("谁发布过 7B 的模型", "size = 7B"),
    ("提供 7B 这个尺寸版本的模型", "some variant with size = 7B"),
    ("只推出过一种规格的解码器模型", "size variants = 1 AND architecture = decoder"),
    # an exclusion verb in a conditional / temporal clause, with the descendants' tail
    ("what's left of Meta's models if we drop LLaMA and all its descendants",
     "NOT ((model = LLaMA OR descends from LLaMA)) AND lab = Meta"),
    ("which EleutherAI models remain after removing GPT-Neo and whatever descends from it",
     "NOT ((model = GPT-Neo OR descends from GPT-Neo)) AND lab = EleutherAI"),
    # a compared model's own size restated after its name
    ("有没有比 LLaMA 的 65B 更大的开源模型", "size > 65B (as LLaMA) AND license = open"),
]


@pytest.mark.parametrize("question, reading", READINGS, ids=[q for q, _ in READINGS])
def test_the_reading_of_a_kind(full, question, reading):
    assert where_read(full, question) == reading


STRICT = [
    ("open-source models bigger than 10B but smaller than 100B", "(10B, 100B)"),
    ("参数大于 10B 且小于 100B 的开源模型", "(10B, 100B)"),
]


@pytest.mark.parametrize("question, ends", STRICT, ids=[q for q, _ in STRICT])
def test_a_strict_range_stays_strict_for_any_released_size(full, question, ends):
    from assistant.reading import describe
    from assistant.retrieve import any_size

    second = any_size(full._understand(question))
    assert f"some variant with size in {ends}" in describe(second.where, full.catalog)
