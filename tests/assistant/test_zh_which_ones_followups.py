"""A Chinese follow-up that asks "which ones" with no noun ("比它大的有哪些": which are bigger than it) is a list
relative to the model discussed, as "which models are bigger than it?" is, not another card on that model: 的 with
no noun after it, before 有哪些, names the models asked for."""

from __future__ import annotations

import pytest

from assistant.session import Session


@pytest.mark.parametrize("history, question, model, bigger", [
    (["PaLM 多大"], "比它大的有哪些", "palm", True),
    (["GPT-3 有多少参数？"], "比它还大的有哪些？", "gpt-3", True),
    (["Gopher 多大"], "比它參數多的有哪些", "gopher", True),
])
def test_which_ones_bigger_than_it(full, full_catalog, history, question, model, bigger):
    session = Session()
    for turn in history:
        full.ask(turn, session)
    answer = full.ask(question, session)
    size = full_catalog.models[model].params.max_millions
    expected = {m.id for m in full_catalog.models.values() if m.params.max_millions and m.params.max_millions > size}
    assert expected and set(answer.models) == expected, answer.text


def test_which_ones_after_a_date_of_it(full, full_catalog):
    session = Session()
    full.ask("Gemma 3 是什么时候发布的", session)
    answer = full.ask("比它晚的有哪些", session)
    date = full_catalog.models["gemma-3"].date.key
    expected = {m.id for m in full_catalog.models.values() if m.date.key > date}
    assert expected and set(answer.models) == expected, answer.text


def test_de_with_no_noun_names_the_models(full):
    gloss = full.chinese.read("比 PaLM 大的有哪些").gloss
    assert gloss.endswith(", models which"), gloss
