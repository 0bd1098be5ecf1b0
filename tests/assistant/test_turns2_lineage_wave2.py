"""Lineage and follow-up kinds of wave 2, each in wordings other than the ones first seen failing.

- every generation asked by naming the generations after the children ("counting second-generation models too",
  "including later-generation ones"): the descendants, not only the children;
- the parents asked as "from which models" without a verb of lineage ("Alpaca from which models?",
  Chinese 来自哪些模型 / 来源模型);
- a Chinese request to filter the previous list further (再筛选一下 / 进一步筛选 / 再过滤一下) narrows that list.
Expected models come from the catalog's derived_from links and the catalog's fields.
"""

from __future__ import annotations

import pytest

from assistant.session import Session


def _last(full, *turns):
    session = Session()
    answers = [full.ask(q, session) for q in turns]
    return answers[-1]


@pytest.mark.parametrize("question, root", [
    ("list everything built on LLaMA, counting second generation models too", "llama"),
    ("what stems from GPT-3 including the second-generation descendants", "gpt-3"),
    ("models derived from T5, including later-generation ones", "t5"),
    ("BART's children (third-generation ones too)", "bart"),
])
def test_naming_later_generations_asks_for_every_descendant(full, question, root):
    a = full.ask(question)
    assert a.intent == "lineage"
    assert {c["facet"] for c in a.query["where"]["items"]} == {"descends"}
    assert root not in a.models and a.models


@pytest.mark.parametrize("question, expected", [
    ("Alpaca from which models?", {"llama"}),
    ("directly from which models was Megatron made?", {"gpt-2", "bert"}),
    ("Vicuna 来自哪个模型", {"llama"}),
    ("BART 的直接来源模型有哪些", {"bert", "gpt"}),
])
def test_from_which_models_asks_for_the_parents(full, full_catalog, question, expected):
    a = full.ask(question)
    assert a.intent == "lineage" and set(a.models) == expected


@pytest.mark.parametrize("turns", [
    ("2023年发布了哪些 decoder 模型", "再过滤一下，参数小于 100亿 的"),
    ("谷歌的模型有哪些", "进一步筛选，只要开源的"),
    ("谷歌的模型有哪些", "再筛选一下：只留编码器"),
    ("列出 Meta 的模型", "再筛一下，只要 2023 年以后的"),
])
def test_filtering_the_previous_list_further_keeps_its_condition(full, turns):
    session = Session()
    before = full.ask(turns[0], session)
    a = full.ask(turns[1], session)
    assert a.intent == "list" and a.models
    assert set(a.models) < set(before.models)


@pytest.mark.parametrize("turns, model", [
    (("tell me about GPT-3", "which models grew out of that one?"), "gpt-3"),
    (("who made LLaMA?", "anything spun off from it?"), "llama"),
    (("when was T5 released?", "which catalog entries stem from it?"), "t5"),
    (("what is ALBERT derived from?", "ok and what was built on top of it?"), "albert"),
])
def test_what_came_out_of_the_model_discussed_is_its_children(full, full_catalog, turns, model):
    a = _last(full, *turns)
    children = {e.id for e in full_catalog.models.values() if model in e.derived_from}
    assert a.intent == "lineage" and set(a.models) == children


@pytest.mark.parametrize("question, model", [
    ("which models were derived from BERT (2018)?", "bert"),
    ("list the descendants of T5 (2019)", "t5"),
    ("what's built on LLaMA (2023 release)?", "llama"),
    ("children of GPT-3 (2020)", "gpt-3"),
])
def test_a_bracketed_year_of_the_model_itself_names_it(full, full_catalog, question, model):
    a = full.ask(question)
    assert "date" not in {c["facet"] for c in a.query["where"]["items"]}
    children = {e.id for e in full_catalog.models.values() if model in e.derived_from}
    assert a.intent == "lineage" and set(a.models) >= children


def test_a_bracketed_year_of_another_year_still_filters(full):
    a = full.ask("models derived from GPT (2019)?")
    assert "date" in {c["facet"] for c in a.query["where"]["items"]}


@pytest.mark.parametrize("turns, yes", [
    (("who made Gopher?", "was Chinchilla built on it?"), True),
    (("tell me about Alpaca", "Vicuna was fine-tuned from it, right?"), False),
    (("介绍一下 Gemma", "Gemma 2 是基于它的吗"), True),
    (("LLaMA 有多大", "Orca 是从它微调来的吗？"), True),
])
def test_a_premised_parent_named_by_a_pronoun_is_the_model_discussed(full, turns, yes):
    a = _last(full, *turns)
    assert a.intent == "lineage" and [c["facet"] for c in a.query["where"]["items"]] == ["derived"]
    assert a.text.startswith(("Yes", "是")) if yes else a.text.startswith(("No", "不"))
