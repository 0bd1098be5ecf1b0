"""One number over a set: the average, median or total of each model's largest size ("the average size of Google's
models", "the median parameter count", "total parameters across DeepMind's models", 平均参数量, 加起来), or the average
or median release month ("on average, when were the encoders released?"). The answer names the models left out for
want of a value and every value it used, each cited; the reading names the number taken.

Every expected number here is computed from the catalog, never written in."""

from __future__ import annotations

import statistics

import pytest

from assistant.display import display
from assistant.query import Intent
from assistant.retrieve import select


def _sizes(full, q) -> list[float]:
    return [e.params.max_millions for e in select(full.catalog, q) if e.params.max_millions is not None and e.in_paper]


@pytest.mark.parametrize("question, kind", [
    ("what's the mean parameter count of the encoder-decoder models?", "mean"),
    ("How big is the typical OpenAI model?", "mean"),
    ("give me the median size of models released in 2022", "median"),
    ("how many parameters do the EleutherAI models add up to?", "sum"),
    ("Meta 的模型平均有多少参数", "mean"),
    ("2021 年发布的模型参数量加起来是多少", "sum"),
])
def test_one_number_over_the_set_sizes(full, question, kind):
    q = full._understand(question)
    assert q.intent is Intent.COUNT and q.aggregate == kind and q.aggregate_field == "params"
    xs = _sizes(full, q)
    value = {"mean": statistics.mean, "median": statistics.median, "sum": sum}[kind](xs)
    answer = full.ask(question)
    assert display(q.language).size(float(f"{value:.4g}")) in answer.text.split("\n\n")[0]


def test_the_release_month_on_average(full):
    q = full._understand("on average, when were the encoder-only models released?")
    assert q.aggregate == "mean" and q.aggregate_field == "date"
    months = [e.date.year * 12 + e.date.month - 1 for e in select(full.catalog, q) if e.in_paper]
    m = round(sum(months) / len(months))
    assert display("en").month_name((m // 12) * 100 + m % 12 + 1) in full.ask(q.text).text


def test_models_without_a_size_are_named_as_left_out(full):
    answer = full.ask("what is the average size of OpenAI's models?")
    q = full._understand("what is the average size of OpenAI's models?")
    left = [e for e in select(full.catalog, q) if e.in_paper and e.params.max_millions is None]
    assert left and all(e.name in answer.text.split("Left out")[1] for e in left)
    assert "*Read as: the average size of models where lab = OpenAI" in answer.text


def test_two_named_models_summed(full):
    q = full._understand("what's the combined parameter count of GPT-3 and PaLM?")
    assert q.aggregate == "sum" and not q.models
    total = sum(full.catalog.models[m].params.max_millions for m in ("gpt-3", "palm"))
    assert display("en").size(total) in full.ask(q.text).text


def test_an_unrecorded_average_stays_unrecorded(full):
    q = full._understand("what is the average number of attention heads?")
    assert q.aggregate is None and q.unrecorded


@pytest.mark.parametrize("first, then", [
    ("Google models", "how many parameters do they have in total?"),
    ("谷歌的模型", "它们一共有多少参数"),
    ("which models use RLHF?", "what is the total parameter count of those?"),
])
def test_a_follow_up_takes_the_number_over_the_previous_answer(full, first, then):
    from assistant.session import Session

    session = Session()
    full.ask(first, session)
    answer = full.ask(then, session)
    q = full._understand(first)
    total = sum(e.params.max_millions for e in select(full.catalog, q) if e.in_paper and e.params.max_millions)
    assert display(q.language if "谷" in first else "en").size(float(f"{total:.4g}")) in answer.text


def test_total_against_active_is_no_sum(full):
    q = full._understand("How many parameters do DeepSeek-V2 and DeepSeek-V3 have in total versus active?")
    assert q.aggregate is None
