"""A claim that one model is so many times the size of another ("is PaLM over three times the size of GPT-3?", "is GPT-3
more than ten times bigger than GPT-2?", "is Gopher twice as big as Chinchilla?", PaLM 的参数量是 GPT-3 的三倍多吗): the
ratio of the first model's size to the second's, checked against the factor; the verdict leads. Verdicts are computed from
the catalog's sizes here, never written down."""

from __future__ import annotations

import operator

import pytest

from assistant.query import Op

_CHECK = {Op.GT: operator.gt, Op.GE: operator.ge, Op.LT: operator.lt, Op.LE: operator.le}


@pytest.mark.parametrize("question, first, second, op, factor", [
    ("is PaLM over three times the size of GPT-3?", "palm", "gpt-3", Op.GT, 3),
    ("is GPT-3 more than ten times bigger than GPT-2?", "gpt-3", "gpt-2", Op.GT, 10),
    ("is T5 more than 100x bigger than BERT?", "t5", "bert", Op.GT, 100),
    ("is Gopher twice as big as Chinchilla?", "gopher", "chinchilla", Op.GE, 2),
    ("is BERT about three times the size of ALBERT?", "bert", "albert", Op.EQ, 3),
    ("PaLM 的参数量是 GPT-3 的三倍多吗？", "palm", "gpt-3", Op.GT, 3),
    ("Gopher 是 Chinchilla 的两倍大吗", "gopher", "chinchilla", Op.GE, 2),
])
def test_a_size_ratio_claim_is_checked(full, question, first, second, op, factor):
    q = full._understand(question)
    assert q.ratio_op is op and q.ratio == factor and q.models[:2] == [first, second], q
    a, b = (full.catalog.models[m].params.max_millions for m in (first, second))
    held = abs(a / b - factor) <= 0.15 * factor if op is Op.EQ else _CHECK[op](a / b, factor)
    lead = full.ask(question).text.split("\n")[0]
    assert lead.startswith(("Yes", "是的") if held else ("No", "不是")), lead
    assert full.catalog.models[first].name in lead and full.catalog.models[second].name in lead


def test_a_plain_comparison_claims_no_ratio(full):
    assert full._understand("is Chinchilla bigger than Gopher?").ratio_op is None
    assert full._understand("how many times bigger is Gopher than Chinchilla?").ratio_op is None
