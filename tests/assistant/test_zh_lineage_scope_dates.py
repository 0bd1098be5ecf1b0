"""Chinese lineage questions by their direction and depth, the additions named as 论文之外, and date
bounds whose own year counts or not.

A model's children (直接衍生出的, 被哪些模型拿去用/用作基座), its descendants at any depth (后面/后来衍生出,
衍生的衍生, 包括间接的), its ancestors at any depth (上游, 血统, 再往上追); a lineage question never
becomes the model's card or a family filter. 论文之外/论文以外(新加的) scopes a question to the
additions ("except the paper" read nothing). 2022年以后 keeps 2022 and 2020年以前 leaves 2020 out;
a parenthesis after the date says otherwise (（不含2020）, （含2020年）) and never negates the date;
第四季 is October to December."""

from __future__ import annotations

import pytest


def _read(q) -> list[tuple[str, str]]:
    return [(c["facet"], v) for c in q.where.model_dump()["items"] for v in c.get("values", [])]


CHILDREN = [
    ("BART 直接衍生出的模型", "bart"),
    ("GPT-2 直接衍生出哪些模型", "gpt-2"),
    ("T5 直接派生出的模型有哪些", "t5"),
    ("CLIP被哪些模型拿去用了（直接衍生）", "clip"),
    ("LLaMA 被哪些模型拿來微調了", "llama"),
    ("T5被哪些模型用作基座？", "t5"),
    ("Mistral 7B 被哪些模型當作底座", "mistral-7b"),
    ("BERT衍生出来的模型有哪些", "bert"),
]


@pytest.mark.parametrize("zh, parent", CHILDREN)
def test_a_models_children_only(full, zh, parent):
    q = full._understand(zh)
    assert q.intent.value == "lineage" and _read(q) == [("derived", parent)] and not q.models


DESCENDANTS = [
    ("Gemini 1.0 后面衍生出了什么", "gemini-1.0"),
    ("Qwen（第一代）后面衍生出了哪些版本", "qwen"),
    ("LLaMA後來衍生出了哪些模型", "llama"),
    ("Gopher的衍生模型都有哪些？包括衍生的衍生", "gopher"),
    ("GPT-3 衍生了哪些模型，间接的也算", "gpt-3"),
    ("T5 之后衍生出了哪些模型", "t5"),
]


@pytest.mark.parametrize("zh, root", DESCENDANTS)
def test_later_derivations_are_every_descendant(full, zh, root):
    q = full._understand(zh)
    assert q.intent.value == "lineage" and _read(q) == [("descends", root)]


def test_descendants_include_grandchildren(full):
    """Gemma 2 and Gemma 3 come from Gemma, which comes from Gemini 1.0."""
    assert {"gemma-2", "gemma-3", "gemini-1.5"} <= set(full.ask("Gemini 1.0 后面衍生出了什么").models)
    assert {"flamingo", "sparrow"} <= set(full.ask("Gopher的衍生模型都有哪些？包括衍生的衍生").models)


ANCESTORS = [
    ("Pythia的上游是什么模型，再往上呢", "pythia", {"gpt", "gpt-2", "gpt-3", "gpt-neox-20b"}),
    ("Pythia 的血统是什么", "pythia", {"gpt", "gpt-2", "gpt-3", "gpt-neox-20b"}),
    ("LLaVA是在哪些模型基础上构建的？再往上追呢", "llava", {"clip", "llama", "vicuna"}),
    ("Zephyr的血统？它的上游模型有哪些", "zephyr", {"mistral-7b"}),
    ("Alpaca 的上游模型有哪些", "alpaca", {"llama"}),
    ("Vicuna 的上遊模型，一直往上", "vicuna", {"llama"}),
]


@pytest.mark.parametrize("zh, model, ancestors", ANCESTORS)
def test_upstream_is_every_ancestor_not_the_card(full, zh, model, ancestors):
    q = full._understand(zh)
    assert q.intent.value == "lineage" and q.models == [model] and q.transitive
    assert set(full.ask(zh).models) == ancestors


ADDITIONS = [
    ("小于1B的模型有哪些（论文之外新加的那部分）", {("size", "lt")}),
    ("論文之外新增的模型裡有哪些編碼器", {("architecture", "encoder")}),
    ("论文以外的解码器模型有哪些", {("architecture", "decoder")}),
    ("论文之外补充的模型里，谁最大", set()),
    ("论文之外新加的模型里有多少个编码器", {("architecture", "encoder")}),
]


@pytest.mark.parametrize("zh, other", ADDITIONS)
def test_beyond_the_paper_scopes_to_the_additions(full, zh, other):
    q = full._understand(zh)
    items = q.where.model_dump()["items"]
    assert {"facet": "catalog", "values": ["beyond"]}.items() <= next(c for c in items if c["facet"] == "catalog").items()
    assert not any(c.get("negated") for c in items)
    for facet, value in other:
        assert any(c["facet"] == facet and (value in c.get("values", []) or c.get("op") == value) for c in items)


DATES = [
    ("2020年之前（不含2020）Google的模型", "Google models released before 2020"),
    ("2020年以前(含2020年)的OpenAI模型", "OpenAI models released in 2020 or earlier"),
    ("2021年以後（不含2021年）的解碼器模型", "decoder models released after 2021"),
    ("2021年以后的解码器模型", "decoder models released in 2021 or later"),
    ("2022年第四季（10到12月）出了哪些模型？", "which models were released in Q4 2022?"),
    ("2022年第四季度发布的模型", "models released in Q4 2022"),
    ("2023年Q2发布了哪些模型", "models released in Q2 2023"),
]


@pytest.mark.parametrize("zh, en", DATES)
def test_date_bounds_keep_or_leave_their_year(full, zh, en):
    got = full._understand(zh)
    want = full.understander.understand(en)
    assert got.where == want.where


def test_a_narrowing_follow_up_keeps_its_year(full):
    from assistant.session import Session

    session = Session()
    full.ask("EleutherAI 出了哪些模型", session)
    assert set(full.ask("其中哪些是2022年以后的", session).models) == {"gpt-neox-20b", "pythia"}
