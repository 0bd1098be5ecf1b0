"""Follow-up kinds read from the conversation: a yes/no comparison about "it", the models that share
its parent, and its lineage asked together with a second question. Expected sets come from the catalog."""

from __future__ import annotations

import pytest


def _siblings(catalog, model: str) -> set[str]:
    parents = set(catalog.models[model].derived_from)
    return {e.id for e in catalog.models.values() if e.id != model and parents & set(e.derived_from)}


@pytest.mark.parametrize("history, question, model", [
    ("tell me about T0", "what other models are derived from that same base?", "t0"),
    ("tell me about Alpaca", "which other models share its parent?", "alpaca"),
    ("who built Vicuna?", "and its siblings?", "vicuna"),
    ("what is Flan-T5?", "list models built on the same base model", "flan-t5"),
])
def test_the_same_parent_after_a_model_lists_its_siblings(catalog, ask, history, question, model):
    a = ask(history, question)
    assert _siblings(catalog, model) and set(a.models) == _siblings(catalog, model)
    assert "Read as" in a.text


@pytest.mark.parametrize("question, model", [
    ("which models share a parent with Alpaca?", "alpaca"),
    ("models derived from the same base as Flan-T5", "flan-t5"),
    ("what are the sibling models of Vicuna?", "vicuna"),
    ("which models have the same parent model as T0?", "t0"),
])
def test_the_same_parent_as_a_named_model(catalog, ask, question, model):
    assert set(ask(question).models) == _siblings(catalog, model)


@pytest.mark.parametrize("history, question, subject, other, field", [
    ("tell me about Chinchilla", "does it have more parameters than Gopher?", "chinchilla", "gopher", "size"),
    ("who made GPT-3?", "is it bigger than T5?", "gpt-3", "t5", "size"),
    ("tell me about BERT", "is it newer than GPT?", "bert", "gpt", "date"),
    ("tell me about T5", "was it released before GPT-3?", "t5", "gpt-3", "date"),
])
def test_a_yes_no_comparison_about_it_compares_the_two(catalog, ask, history, question, subject, other, field):
    a = ask(history, question)
    assert a.intent == "compare" and set(a.models) == {subject, other}
    s, o = catalog.models[subject], catalog.models[other]
    larger = s.params.max_millions > o.params.max_millions if field == "size" else s.date.key > o.date.key
    asked_larger = any(w in question for w in ("more", "bigger", "newer"))
    assert a.text.startswith("Yes" if larger == asked_larger else "No")


@pytest.mark.parametrize("history, question, subject", [
    ("tell me about Flamingo", "what model is it built on, and who made that one?", "flamingo"),
    ("tell me about Alpaca", "what is it fine-tuned from, and who built that?", "alpaca"),
])
def test_its_lineage_asked_with_a_second_question_stays_a_lineage(catalog, ask, history, question, subject):
    a = ask(history, question)
    parent = catalog.models[catalog.models[subject].derived_from[0]]
    assert a.intent == "lineage" and parent.id in a.models
    assert parent.name in a.text and parent.labs[0] in a.text


@pytest.mark.parametrize("history, question, anchor, field, op", [
    ("tell me about GPT-3", "which models are bigger than it?", "gpt-3", "size", "gt"),
    ("who built Chinchilla?", "which DeepMind models came out after it?", "chinchilla", "date", "gt"),
    ("what is ELECTRA?", "anything released before it?", "electra", "date", "lt"),
    ("tell me about BERT", "which Google models are smaller than that one?", "bert", "size", "lt"),
])
def test_a_comparison_with_it_lists_against_the_model_discussed(catalog, ask, history, question, anchor, field, op):
    a = ask(history, question)
    e = catalog.models[anchor]
    value = (lambda m: m.params.max_millions) if field == "size" else (lambda m: m.date.key)
    assert a.models and anchor not in a.models
    for m in a.models:
        v = value(catalog.models[m])
        assert v is not None and (v > value(e) if op == "gt" else v < value(e)), m


@pytest.mark.parametrize("history, question, subject, anchor, yes", [
    ("tell me about BERT", "is GPT-2 bigger than it?", "gpt-2", "bert", True),
    ("tell me about GPT-3", "was T5 released before it?", "t5", "gpt-3", True),
    ("tell me about T5", "is BERT larger than it?", "bert", "t5", False),
])
def test_a_named_model_weighed_against_it_gets_the_right_verdict(ask, history, question, subject, anchor, yes):
    a = ask(history, question)
    assert set(a.models) == {subject, anchor}
    assert a.text.startswith("Yes" if yes else "No"), a.text[:120]


@pytest.mark.parametrize("question, model", [
    ("direct children of PaLM, in the paper and after it", "palm"),  # "it": the paper, named in the question
    ("code models that fill a gap given the code before and after it", None),
])
def test_a_pronoun_the_question_itself_explains_is_no_reference(ask, question, model):
    a = ask(question)
    assert not a.abstained and a.models
    if model:
        assert model not in a.models


@pytest.mark.parametrize("history, question, anchor, larger, same_lab", [
    ("tell me about GPT-3", "anything bigger?", "gpt-3", True, False),
    ("tell me about Gopher", "anything smaller from the same lab?", "gopher", False, True),
])
def test_a_comparative_with_no_than_is_against_the_model_discussed(catalog, ask, history, question, anchor, larger, same_lab):
    """"anything smaller?" after a model: smaller than it, as "smaller than it" would be (the paper's catalog here)."""
    a = ask(history, question)
    e = catalog.models[anchor]
    expected = {x.id for x in catalog.models.values() if x.id != anchor and x.params.max_millions
                and (x.params.max_millions > e.params.max_millions if larger else x.params.max_millions < e.params.max_millions)
                and (not same_lab or set(x.org_names) & set(e.org_names))}
    assert expected and set(a.models) == expected, (a.models, expected)
