"""A set put in order, not ranked for its top: "Google models sorted by size", "in chronological order", "from largest
to smallest", "newest first", 按参数量从大到小, 按时间顺序. Every model of the set is listed in that order, the ones the
order cannot place (no recorded size) after it, and the reading says the order. "The three largest" stays a top three.

Every expected order here is computed from the catalog, never written in."""

from __future__ import annotations

import re

import pytest

from assistant.query import Constraint, Intent
from assistant.retrieve import select


def _listed(text: str, catalog) -> list[str]:
    """The models of a numbered list, in the order the answer gives them."""
    names = {e.name: e.id for e in catalog.models.values()}
    return [names[m] for m in re.findall(r"^\d+\. \*\*(.+?)\*\*", text, flags=re.M) if m in names]


def _key(field: str):
    return (lambda e: e.params.max_millions) if field == "params" else (lambda e: e.date.key)


@pytest.mark.parametrize("question, field, high_first", [
    ("show me the OpenAI models, oldest first", "date", False),
    ("rank the Google models from the biggest to the smallest", "params", True),
    ("could you list the encoder-only models chronologically?", "date", False),
    ("decoders of 2022 ordered by parameter count, smallest first", "params", False),
    ("Meta models in reverse chronological order", "date", True),
    ("把 OpenAI 的模型按发布时间从新到旧排一下", "date", True),
    ("按參數量由小到大排列谷歌的模型", "params", False),
    ("give me a timeline of the EleutherAI models", "date", False),  # a timeline, a history, an evolution: by date
    ("how did DeepMind's models evolve over time?", "date", False),
    ("Meta 模型的发展历程", "date", False),
    ("OpenAI 先后发布了哪些模型", "date", False),
    ("谷歌的编码器模型按发布先后排序", "date", False),
])
def test_a_set_is_listed_whole_in_the_order_asked(full, question, field, high_first):
    q = full._understand(question)
    s = q.superlative
    assert s is not None and s.whole and s.field == field and s.largest is high_first
    answer = full.ask(question)
    matched = select(full.catalog, q)
    order = _listed(answer.text, full.catalog)
    key = _key(field)
    placed = [e for e in matched if key(e) is not None]
    assert sorted(order) == sorted(e.id for e in placed)  # every model the order can place, none other
    values = [key(full.catalog.models[m]) for m in order]
    assert values == sorted(values, reverse=high_first)
    for e in matched:  # the ones it cannot place are still named
        assert e.name in answer.text


def test_the_reading_states_the_order(full):
    answer = full.ask("list the EleutherAI models from newest to oldest")
    assert "ordered by date, newest first" in answer.text


def test_a_top_few_stays_a_top_few(full):
    q = full._understand("the three largest Google models")
    assert q.superlative.top == 3 and not q.superlative.whole


def test_an_order_asked_of_the_whole_catalog_lists_it_all(full):
    answer = full.ask("list all the models in chronological order")
    assert len(_listed(answer.text, full.catalog)) == len(full.catalog.models)


def test_sorting_the_previous_list_keeps_every_model(full):
    from assistant.session import Session

    session = Session()
    first = full.ask("which models use RLHF?", session)
    then = full.ask("now sort those from smallest to largest", session)
    q = full._understand("which models use RLHF?")
    placed = [e.id for e in select(full.catalog, q) if e.params.max_millions is not None]
    assert sorted(_listed(then.text, full.catalog)) == sorted(placed)
    assert first.models and then.intent in (Intent.LIST, Intent.COUNT)


def test_an_order_is_no_objective(full):
    """"In chronological order" once read as permutation language modelling (by meaning, from "order")."""
    q = full._understand("list the DeepMind models in chronological order")
    assert not any(isinstance(c, Constraint) and c.facet == "objective" for c in q.where.items)


def test_the_order_of_release_is_no_objective(full):
    """发布的先后顺序 is when they came out, not the sentence-order objective its words resemble."""
    q = full._understand("BERT 和 GPT 发布的先后顺序")
    assert "objective" not in q.facets() and not q.premises
    text = full.ask("BERT 和 GPT 发布的先后顺序").text
    assert "2018年10月" in text and "2018年6月" in text


@pytest.mark.parametrize("question, top, largest", [
    ("which three models have the most parameters?", 3, True),
    ("name the 5 Google models with the fewest parameters", 5, False),
])
def test_a_number_of_models_with_the_most_parameters_is_a_top_few(full, question, top, largest):
    """"which three models have the most parameters?": the top three by size, not the single largest."""
    q = full._understand(question)
    assert q.superlative.top == top and q.superlative.largest is largest and q.superlative.field == "params"
    assert len(full.ask(question).models) >= top
