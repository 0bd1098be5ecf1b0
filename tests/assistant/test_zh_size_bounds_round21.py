"""Chinese size bounds said in more ways: a range after 介于 with no closing 之间 ("参数介于10亿和100亿的解码器"); a model's
own size as the bound ("参数少于 GPT-2", "大于 T5 的", "不少于 GPT-3", "不超过 T5"). A bound before a round number said
with a noun of models stays a bound ("超过一千亿参数的模型": more than 100B, not the band of 100B models)."""

from __future__ import annotations

import pytest

B = 1000.0  # millions in a billion


def _sized(catalog, keep):
    return {m.id for m in catalog.models.values() if m.params.max_millions and keep(m.params.max_millions)}


def test_a_range_after_jieyu_needs_no_closing_word(plain, catalog):
    answer = plain.ask("参数介于10亿和100亿的解码器有哪些")
    expected = {m.id for m in catalog.models.values() if m.architecture.value == "decoder"
                and m.params.max_millions and 1 * B <= m.params.max_millions <= 10 * B}
    assert expected <= set(answer.models), answer.text
    bounds = {(c["op"], c["values"][0]) for c in answer.query["where"]["items"] if c.get("facet") == "size"}
    assert bounds == {("ge", 1 * B), ("le", 10 * B)}, answer.query


@pytest.mark.parametrize("question, model, keep", [
    ("参数少于 GPT-2 的模型有哪些", "gpt-2", lambda size, own: size < own),
    ("参数量小于 T5 的模型", "t5", lambda size, own: size < own),
    ("参数大于 Gopher 的模型", "gopher", lambda size, own: size > own),
    ("参数不少于 GPT-3 的模型", "gpt-3", lambda size, own: size >= own),
    ("參數不超過 T5 的模型", "t5", lambda size, own: size <= own),
])
def test_a_models_size_as_the_bound(plain, catalog, question, model, keep):
    own = catalog.models[model].params.max_millions
    answer = plain.ask(question)
    assert set(answer.models) == _sized(catalog, lambda size: keep(size, own)), answer.text



@pytest.mark.parametrize("question, op, value", [
    ("至少有一个版本超过一千亿参数的模型有哪些", "gt", 100 * B),
    ("所有版本都超过千亿参数的模型", "gt", 100 * B),
])
def test_a_bound_before_a_round_number_stays_a_bound(plain, question, op, value):
    answer = plain.ask(question)
    bounds = {(c["op"], c["values"][0]) for c in answer.query["where"]["items"] if c.get("facet") == "size"} \
        if answer.query["where"].get("items") else {(answer.query["where"]["op"], answer.query["where"]["values"][0])}
    assert bounds == {(op, value)}, answer.query
