"""A model's neighbour in an order, and a place in a ranking said in words: "the next biggest model after PaLM" is the
largest of those smaller than PaLM; "the next bigger one than T5" the smallest of those larger (judged, as the bound
is, by each model's largest size); "right after BERT in release order" is one neighbour, not the whole order;
"ranks fourth in size" is the fourth place among the largest; "the penultimate model" the second most recent.
Expected answers are computed from the catalog here, not written down."""

from __future__ import annotations

import pytest

from assistant.query import Query


def _ranked(models, key, largest, place=1):
    """The models at a place of a ranking (models tied share the places they span: a place counts the models before it)."""
    values = sorted((key(m) for m in models), reverse=largest)
    return {m.id for m in models if key(m) == values[place - 1]}


def _size(m):
    return m.params.max_millions


@pytest.mark.parametrize("question, anchor, below", [
    ("what's the next biggest model after PaLM?", "palm", True),
    ("which is the next largest one below GPT-3?", "gpt-3", True),
    ("next smallest model after GPT-2?", "gpt-2", False),
    ("what is the next bigger model than T5?", "t5", False),
])
def test_the_next_model_in_size(plain, catalog, question, anchor, below):
    edge = _size(catalog.models[anchor])
    sized = [m for m in catalog.models.values() if _size(m) and (_size(m) < edge if below else _size(m) > edge)]
    answer = plain.ask(question)
    assert set(answer.models) == _ranked(sized, _size, largest=below), answer.text
    sup = Query.model_validate(answer.query).superlative
    assert sup is not None and sup.largest == below and not sup.whole, answer.query


@pytest.mark.parametrize("question, anchor, after", [
    ("which model comes right after BERT in release order?", "bert", True),
    ("what came out immediately before GPT-3, in release order?", "gpt-3", False),
])
def test_one_neighbour_in_release_order(plain, catalog, question, anchor, after):
    key = catalog.models[anchor].date.key
    side = [m for m in catalog.models.values() if (m.date.key > key if after else m.date.key < key)]
    answer = plain.ask(question)
    assert set(answer.models) == _ranked(side, lambda m: m.date.key, largest=not after), answer.text


@pytest.mark.parametrize("question, place", [
    ("which model ranks fourth in size?", 4),
    ("which model comes second by parameter count?", 2),
])
def test_a_place_said_with_the_measure_after_it(plain, catalog, question, place):
    sized = [m for m in catalog.models.values() if _size(m)]
    answer = plain.ask(question)
    assert set(answer.models) == _ranked(sized, _size, largest=True, place=place), answer.text


def test_the_penultimate_release(plain, catalog):
    answer = plain.ask("which was the penultimate model released?")
    assert set(answer.models) == _ranked(list(catalog.models.values()), lambda m: m.date.key, largest=True, place=2), answer.text


def test_a_whole_order_is_still_listed(plain, catalog):
    answer = plain.ask("list the Google models in release order")
    google = [m for m in catalog.models.values() if "Google" in m.labs]
    assert len(answer.models) >= min(len(google), 10), answer.text


@pytest.mark.parametrize("question, anchor", [
    ("仅次于PaLM的最大模型是哪个？", "palm"),
    ("参数量仅次于 Gopher 的是哪个模型", "gopher"),
])
def test_second_only_to_a_model_in_chinese(plain, catalog, question, anchor):
    edge = _size(catalog.models[anchor])
    sized = [m for m in catalog.models.values() if _size(m) and _size(m) < edge]
    answer = plain.ask(question)
    assert set(answer.models) == _ranked(sized, _size, largest=True), answer.text


def test_a_place_by_a_measure_in_chinese_without_its_preposition(plain, catalog):
    sized = [m for m in catalog.models.values() if _size(m)]
    answer = plain.ask("参数量排第四的模型是哪个")
    assert set(answer.models) == _ranked(sized, _size, largest=True, place=4), answer.text
