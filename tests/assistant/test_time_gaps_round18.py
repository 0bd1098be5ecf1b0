"""The time between two releases, in wordings other people type:

- asked as a noun of time or a count of months ("the time between BERT and RoBERTa", "number of months from T5 to
  Flan-T5", "X to Y: how many months?", "how long did it take Meta to go from LLaMA to Llama 2?"): the months between
  the two dates are said, never a list of the models between them nor an unrecorded training time;
- bounded in a claim or a list ("was Qwen2 released more than a year after Qwen?", "models that came out more than two
  years after BERT", "at least a year later than"): the bound is the model's date moved by that span;
- a span of a year or more said in whole years and months ("6 years and 2 months").

Expected months come from the catalog's dates.
"""

from __future__ import annotations

import pytest


def _months(catalog, a, b):
    x, y = catalog.models[a].date, catalog.models[b].date
    return abs((y.year - x.year) * 12 + y.month - x.month)


@pytest.mark.parametrize("question, a, b", [
    ("time between the release of BERT and RoBERTa", "bert", "roberta"),
    ("DeepSeek-V2 to DeepSeek-V3: how many months?", "deepseek-v2", "deepseek-v3"),
    ("number of months from T5 to Flan-T5", "t5", "flan-t5"),
    ("how long did it take Meta to go from LLaMA to Llama 2?", "llama", "llama-2"),
])
def test_the_time_between_two_releases_is_said_in_months(full_assistant, question, a, b):
    answer = full_assistant.ask(question)
    n = _months(full_assistant.catalog, a, b)
    assert answer.query["intent"] == "compare" and not answer.abstained, answer.query
    assert f"{n} month" in answer.text.split("\n\n")[0], answer.text[:300]


@pytest.mark.parametrize("question, later, earlier, span, strict", [
    ("Was Qwen2 released more than a year after Qwen?", "qwen2", "qwen", 12, True),
    ("was GPT-4 released over two years after GPT-3?", "gpt-4", "gpt-3", 24, True),
    ("Did Llama 2 come out at least a year later than LLaMA?", "llama-2", "llama", 12, False),
    ("Did GPT-3 arrive at least six months after GPT-2?", "gpt-3", "gpt-2", 6, False),
])
def test_a_claimed_span_after_a_model_is_checked(full_assistant, question, later, earlier, span, strict):
    n = _months(full_assistant.catalog, later, earlier)
    held = n > span if strict else n >= span
    answer = full_assistant.ask(question)
    assert answer.text.startswith("Yes" if held else "No"), answer.text[:200]
    assert f"{n} month" in answer.text.split("\n\n")[0], answer.text[:300]


def test_models_more_than_a_span_after_a_model_and_the_list_between_two_models(full_assistant):
    catalog = full_assistant.catalog
    bert = catalog.models["bert"].date
    limit = bert.year * 12 + bert.month + 24
    wanted = {e.id for e in catalog.models.values() if e.date.year * 12 + e.date.month > limit}
    answer = full_assistant.ask("which models came out more than two years after BERT?")
    assert set(answer.models) == wanted
    between = full_assistant.ask("which models came out in the time between GPT-3 and ChatGPT?")
    assert between.query["intent"] == "list" and len(between.models) > 5


def test_a_span_of_years_is_said_in_years_and_months(full_assistant):
    n = _months(full_assistant.catalog, "bert", "modernbert")
    y, m = divmod(n, 12)
    text = full_assistant.ask("How many years separate BERT and ModernBERT?").text
    assert f"{y} years and {m} month" in text if m else f"{y} years" in text, text[:300]


@pytest.mark.parametrize("question", [
    "这三个模型 BART、T5、Pegasus 的发布先后顺序是什么", "BART, T5 and Pegasus: what order were they released in?",
    "what is the release order of BART, T5 and Pegasus?",
])
def test_named_models_put_in_release_order(full, question):
    q = full._understand(question)
    assert q.intent.value == "compare" and q.in_order and q.order[:1] == ["date"], q


def test_which_of_the_named_came_first_and_months_later_in_chinese(full_assistant):
    catalog = full_assistant.catalog
    first = min(("gpt-3", "gopher", "chinchilla"), key=lambda m: (catalog.models[m].date.year, catalog.models[m].date.month))
    text = full_assistant.ask("GPT-3、Gopher、Chinchilla 哪个最先发布？").text
    assert text.startswith(catalog.models[first].name) and "最早" in text.split("。")[0], text[:200]
    n = _months(catalog, "bloom", "opt")
    text = full_assistant.ask("BLOOM 和 OPT 哪个晚？晚了几个月？").text
    assert f"{n}个月" in text.split("\n\n")[0], text[:200]
