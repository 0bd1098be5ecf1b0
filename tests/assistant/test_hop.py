"""A field asked of a model's parent, named as a noun phrase around the model ("who built the parent of Zephyr?",
"the base model of Vicuna", "GPT-2's parent", "the teacher of DistilBERT", "the model Flan-T5 is based on",
Zephyr 的基础模型): the query's models are the parents reached (``hop_from`` the model named), the answer says which
model was reached, cited, then gives its field. Asked of the model itself, or with no field, it stays lineage."""

from __future__ import annotations

import pytest

from assistant.query import Attribute, Intent


@pytest.mark.parametrize("question, start, attribute", [
    ("who built the parent of Zephyr?", "zephyr", Attribute.LABS),
    ("when was the base model of Vicuna released", "vicuna", Attribute.DATE),
    ("what is the architecture of GPT-2's parent", "gpt-2", Attribute.ARCHITECTURE),
    ("how many parameters does the teacher of DistilBERT have", "distilbert", Attribute.PARAMS),
    ("which lab made the model that Flan-T5 is based on", "flan-t5", Attribute.LABS),
    ("Zephyr 的基础模型是谁开发的", "zephyr", Attribute.LABS),
])
def test_a_field_of_the_parent(full, question, start, attribute):
    q = full._understand(question)
    parents = full.catalog.models[start].derived_from
    assert q.hop_from == start and q.models == parents and attribute in q.attributes and q.intent is Intent.FACT
    assert not q.where.items  # the hop's words ("base model") assert nothing about the parent
    text = full.ask(question).text
    parent = full.catalog.models[parents[0]]
    assert parent.name in text.split("\n\n")[0]
    if attribute is Attribute.LABS:
        assert any(lab in text for lab in parent.org_names)


@pytest.mark.parametrize("question", ["what is Zephyr's parent", "who built Zephyr and what is its parent"])
def test_the_parent_itself_or_a_field_of_the_model_is_no_hop(full, question):
    q = full._understand(question)
    assert q.hop_from is None and "zephyr" in q.models


@pytest.mark.parametrize("first, then, facet", [
    ("which models use RLHF?", "what is it?", "objective"),
    ("list the encoder-decoder models", "explain it", "architecture"),
    ("which models are trained with masked language modeling?", "what does that mean?", "objective"),
    ("哪些模型用了RLHF？", "它是什么？", "objective"),
])
def test_it_after_a_set_chosen_by_one_mechanism_is_that_mechanism(ask, catalog, first, then, facet):
    answer = ask(first, then)
    assert answer.intent is Intent.CONCEPT
    concept = catalog.concepts[answer.query["concept"]]
    assert getattr(concept, facet) is not None


@pytest.mark.parametrize("first, then", [
    ("who built Chinchilla?", "how does it compare to Gopher?"),
    ("who built Chinchilla?", "how does it stack up against Gopher?"),
    ("谁开发了 Chinchilla？", "和 Gopher 比呢？"),
])
def test_a_pair_after_a_field_weighs_size_and_date_too(ask, catalog, first, then):
    answer = ask(first, then)
    assert answer.intent is Intent.COMPARE and set(answer.models) >= {"chinchilla", "gopher"}
    sizes = [catalog.models[m].params.max_millions for m in ("gopher", "chinchilla")]
    lead = answer.text.split("\n\n")[0]
    assert all(s is not None for s in sizes) and ("larger" in lead or "更大" in lead), lead  # the size verdict, not only labs


def test_the_parent_listed_with_the_model_s_own_fields_is_no_hop(full):
    q = full._understand("What is T0's base model, its sizes, and its lab?")
    assert q.hop_from is None and "t0" in q.models


def test_an_explain_request_closing_an_explain_question_is_read_once(full):
    assert full._understand("Explain RLHF in simple terms").intent is Intent.CONCEPT
