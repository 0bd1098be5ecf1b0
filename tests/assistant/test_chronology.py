"""Questions about the order of releases: the time gone by between two models ("how many months passed between GPT-3
and GPT-3.5?"), named models put in an order ("put BERT, T5 and GPT-2 in release order", "rank these by size"), and
"the first model" asked with no list before it (the earliest). Expected orders come from the catalog's own dates and
sizes."""

from __future__ import annotations

import re

import pytest

from assistant.query import Intent


@pytest.mark.parametrize("question, a, b", [
    ("how many months passed between GPT-3 and GPT-3.5?", "gpt-3", "gpt-3.5"),
    ("how much time elapsed between BERT and GPT-2?", "bert", "gpt-2"),
    ("how long was there between the releases of GPT and GPT-2?", "gpt", "gpt-2"),
])
def test_time_gone_by_between_two_models_is_their_gap(full, question, a, b):
    q = full._understand(question)
    assert q.intent is Intent.COMPARE and set(q.models) == {a, b} and q.gap, q
    ea, eb = full.catalog.models[a], full.catalog.models[b]
    months = abs((eb.date.year - ea.date.year) * 12 + eb.date.month - ea.date.month)
    assert re.search(rf"\b{months} months?\b", full.ask(question).text)


@pytest.mark.parametrize("question, ids, key, high_first", [
    ("put BERT, T5, GPT-2 and XLNet in release order", ["bert", "t5", "gpt-2", "xlnet"], "date", False),
    ("order these by date: Gopher, Chinchilla, PaLM", ["gopher", "chinchilla", "palm"], "date", False),
    ("rank GPT-3, PaLM and Gopher by size", ["gpt-3", "palm", "gopher"], "size", True),
    ("sort BERT, ELECTRA and ALBERT from newest to oldest", ["bert", "electra", "albert"], "date", True),
    ("把 BERT、GPT-2、T5 按发布时间排序", ["bert", "gpt-2", "t5"], "date", False),
])
def test_named_models_are_listed_in_the_order_asked(full, question, ids, key, high_first):
    q = full._understand(question)
    assert q.in_order and q.order[0] == key, q
    entries = [full.catalog.models[i] for i in ids]
    value = (lambda e: e.date.key) if key == "date" else (lambda e: e.params.max_millions)
    expected = [e.name for e in sorted(entries, key=value, reverse=high_first)]
    lead = full.ask(question).text.splitlines()[0]
    at = [lead.find(name) for name in expected]
    assert all(x >= 0 for x in at) and at == sorted(at), (lead, expected)


@pytest.mark.parametrize("question", ["what was the first model in the catalog?", "which is the first model released by OpenAI?"])
def test_the_first_model_with_no_list_before_is_the_earliest(full, question):
    answer = full.ask(question)
    assert answer.models, answer.text
    q = full._understand(question)
    assert q.superlative is not None and not q.superlative.largest
    first = min(full.catalog.models[m].date.key for m in answer.models)
    assert all(full.catalog.models[m].date.key == first for m in answer.models)
