"""Chinese size and count kinds (round 11), each in wordings other than the readable sets' own: a trait word
before "模型" with a total-size bound after it keeps the trait (the MoE words before "total parameters" are no
note on how a size is counted unless a bracket, "for", a comma or "counted by" makes them one); sizes joined by
和/与/跟/、 with 都有/都发布/都提供 after them are each some version's size (both), a version noun or not; a bound
word before a verb of releasing and a count ("最多发布了两个版本") bounds the count."""

from __future__ import annotations

import pytest

from tests.assistant.spec import where_read as _read


TRAIT_AND_TOTAL = [
    ("哪些专家混合模型的参数总量大于5000亿", "size > 500B AND trait = mixture-of-experts"),
    ("有哪些稀疏模型参数量超过 1000亿", "size > 100B AND trait = mixture-of-experts"),
    ("找一下混合专家模型里总参数量在3000亿以上的", "size > 300B AND trait = mixture-of-experts"),
    ("which MoE models total parameters more than 300 billion", "size > 300B AND trait = mixture-of-experts"),
    ("mixture-of-experts models with total parameters above 1T", "size > 1T AND trait = mixture-of-experts"),
]

BOTH_SIZES = [
    ("哪些模型7B与13B的版本都发布了", "some variant with size = 7B AND some variant with size = 13B"),
    ("8B跟70B都有的模型", "some variant with size = 8B AND some variant with size = 70B"),
    ("70亿和130亿参数的版本都提供了的模型有哪些", "some variant with size = 7B AND some variant with size = 13B"),
    ("有没有 1.5B 及 7B 两种规格都开源了的模型", "some variant with size = 1.5B AND some variant with size = 7B AND license = open"),
]

COUNT_AFTER_VERB = [
    ("最多发布了两个版本的模型", "size variants ≤ 2"),
    ("哪些模型至少推出过三种尺寸", "size variants ≥ 3"),
    ("不少于由三家机构合作完成的模型", "labs credited ≥ 3"),
    ("最少发布过四个不同尺寸的模型有哪些", "size variants ≥ 4"),
]


@pytest.mark.parametrize("question, where", TRAIT_AND_TOTAL + BOTH_SIZES + COUNT_AFTER_VERB)
def test_zh_size_and_count_kinds(full, question, where):
    assert _read(full, question) == where, (question, full.chinese.read(question).gloss)


@pytest.mark.parametrize("question, where", [
    ("models over 200B (MoE counted by total)", "size > 200B"),  # a note on how a size is counted: no MoE filter
    ("哪些模型7B和13B有其一就行", None),  # no 都: no "both" is read (either reading, the words say nothing of both)
])
def test_size_notes_and_no_both_without_all(full, question, where):
    got = _read(full, question)
    if where is not None:
        assert got == where
    else:
        assert "AND some variant" not in got, got


# the paper's catalog named as a place (论文那77个 / 综述里 / "paper 77"): the catalog facet, not the concept
@pytest.mark.parametrize("question, where", [
    ("论文那77个模型里有哪些是谷歌的", "lab = Google AND catalog = in the paper"),
    ("综述里的解码器模型有哪些", "architecture = decoder AND catalog = in the paper"),
    ("综述中哪个模型参数最多", "catalog = in the paper"),
    ("which paper 77 models are from Meta", "lab = Meta AND catalog = in the paper"),
])
def test_the_papers_catalog_as_a_place(full, question, where):
    assert _read(full, question) == where, (question, full.chinese.read(question).gloss)
