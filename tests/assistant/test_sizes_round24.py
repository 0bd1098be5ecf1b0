"""Round 24, sizes: size bounds and sizes of a version in wordings other people would type.

- a Chinese bound said with a bare 以下 / 以上 after the number ("1B 以下", "10 亿参数以下", "20B 以上") is strict, as
  "under 1B" / "over 20B" are: a model whose only or smallest size is the number itself is not below it, a 20B model
  not above 20B; 及以下 / 或以下 / 以内 / 及以上 / 或以上 and a bracket (含) keep the number;
- a Latin size written against the Chinese noun of a version ("有7B版本", "推出了13B版本") names one released version
  (Pythia's 6.9B is no 7B version), as it does with a space before the noun;
- a size after a verb of offering and "at" ("additions offered at 7B", "available at 70B") is the size of a version,
  also when no word of models or parameters is in the question;
- "top" as a verb before a size ("additions that top 100B params") is "more than".

Expected models come from the catalog's own size fields.
"""

from __future__ import annotations

import pytest


def _sizes(answer):
    return [(c["op"], c["quant"], c["values"]) for c in answer.query["where"].get("items", []) if c.get("facet") == "size"]


@pytest.mark.parametrize("question, op, quant, value, left_out", [
    ("哪些模型的全部尺寸都在 10 亿参数以下", "lt", "every", 1000.0, "dinov2"),
    ("每个版本都在1B以下的视觉模型", "lt", "every", 1000.0, "dinov2"),
    ("最大版本在 7B 以下的解码器有哪些", "lt", None, 7000.0, "mistral-7b"),
    ("參數量 200 億以下的開源模型", "lt", None, 20000.0, "gpt-neox-20b"),
    ("开源的模型中参数在 20B 以上的有哪些", "gt", None, 20000.0, "gpt-neox-20b"),
    ("哪些模型每个版本都在 200亿参数之上", "gt", "every", 20000.0, "ul2"),
])
def test_a_bare_yishang_or_yixia_is_strict(full, question, op, quant, value, left_out):
    answer = full.ask(question)
    sizes = _sizes(answer)
    assert any(o == op and (quant is None or q == quant) and v == [value] for o, q, v in sizes), sizes
    assert left_out not in answer.models, answer.text
    assert answer.models, answer.text


@pytest.mark.parametrize("question", ["20B 及以上的开源模型", "开源模型里 20B 或以上的", "20B 以上（含 20B）的开源模型"])
def test_a_lower_bound_that_keeps_its_number_still_does(full, question):
    answer = full.ask(question)
    assert ("ge", "largest", [20000.0]) in _sizes(answer), _sizes(answer)
    assert {"gpt-neox-20b", "ul2"} <= set(answer.models), answer.text


def test_a_small_version_under_and_a_largest_over(full):
    answer = full.ask("有 1B 以下的小尺寸、而最大版本在 100 亿以上的模型")
    assert ("lt", "some", [1000.0]) in _sizes(answer), _sizes(answer)
    assert "gemma-3" not in answer.models and {"opt", "pythia", "qwen2.5"} <= set(answer.models), answer.text


@pytest.mark.parametrize("question, op", [
    ("所有版本都在 1B 及以下的模型", "le"),
    ("每个尺寸都在10亿或以下的模型", "le"),
    ("所有版本都在 1B 以内的模型", "le"),
    ("所有版本都在 1B 以下（含 1B）的模型", "le"),
])
def test_a_bound_that_keeps_its_number_still_does(full, question, op):
    answer = full.ask(question)
    assert (op, "every", [1000.0]) in _sizes(answer), _sizes(answer)
    assert "dinov2" in answer.models, answer.text


@pytest.mark.parametrize("question, value, near_miss", [
    ("哪些模型推出了7B版本", 7000.0, "pythia"),
    ("有70B版本的模型有哪些", 70000.0, None),
    ("提供13B版本的模型", 13000.0, None),
])
def test_a_size_against_the_chinese_version_noun_names_a_version(full, full_catalog, question, value, near_miss):
    answer = full.ask(question)
    assert ("eq", "some", [value]) in _sizes(answer), _sizes(answer)
    holders = {m.id for m in full_catalog.models.values()  # a released version, not a count active per token
               if any(v.millions == value and "active" not in (v.label or "") for v in m.params.variants)}
    assert holders <= set(answer.models), answer.text
    if near_miss:
        assert near_miss not in answer.models, answer.text


@pytest.mark.parametrize("question, value, part", [
    ("which additions are available at 13B?", 13000.0, "beyond"),
    ("list the additions offered at 70B", 70000.0, "beyond"),
    ("paper-era models released at 175B", 175000.0, "paper"),
    ("which additions come at 7B?", 7000.0, "beyond"),
    ("additions that ship at 8B", 8000.0, "beyond"),
])
def test_a_size_offered_at_is_a_version_without_a_word_of_models(full, question, value, part):
    answer = full.ask(question)
    assert ("eq", "some", [value]) in _sizes(answer), _sizes(answer)
    catalog = [c for c in answer.query["where"]["items"] if c.get("facet") == "catalog"]
    assert catalog and catalog[0]["values"] == [part], answer.query
    assert answer.models, answer.text


@pytest.mark.parametrize("question, value", [
    ("which additions top 100B params", 100000.0),
    ("do any encoders top 1B parameters?", 1000.0),
    ("models that top 500 billion parameters", 500000.0),
])
def test_top_as_a_verb_before_a_size_is_more_than(full, full_catalog, question, value):
    answer = full.ask(question)
    assert any(o == "gt" and v == [value] for o, _, v in _sizes(answer)), _sizes(answer)
    assert answer.models, answer.text
    assert all(full_catalog.models[m].params.max_millions > value for m in answer.models[:3]), answer.text


@pytest.mark.parametrize("text", ["models across 7B and 13B sizes", "a laptop 7B model", "desktops 13B models"])
def test_a_bound_word_inside_another_word_is_no_bound(text):
    from assistant.numbers import parse_params

    assert not [b for b in parse_params(text) if b.op in ("gt", "ge", "lt", "le")], parse_params(text)
