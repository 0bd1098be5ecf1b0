"""Usage-rights questions: whether one model may be used commercially, shipped or sold, said with the model between
the verb and the adverb ("use LLaMA commercially"), as selling or shipping a product, or as the terms it is under.
The answer is the licence, led by the yes or no the licence class gives; commercial use held back reads as the
limited class; "is it ok to ..." refers to no model discussed before."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("question, model, lead", [
    ("can I use LLaMA commercially?", "llama", "No."),
    ("Could we use OPT commercially, or not?", "opt", "No."),
    ("can GPT-J be used commercially?", "gpt-j", "Yes."),
    ("may we deploy T5 commercially?", "t5", "Yes."),
    ("can a startup sell products built with BLOOM?", "bloom", "Yes."),
])
def test_commercial_use_of_one_model_is_answered_yes_or_no(plain, question, model, lead):
    answer = plain.ask(question)
    assert answer.models == [model], answer.text
    assert answer.text.startswith(lead), answer.text
    assert "license" in answer.query["attributes"], answer.query


@pytest.mark.parametrize("question, model", [
    ("under what terms is Vicuna released?", "vicuna"),
    ("what are the usage terms of Galactica?", "galactica"),
    ("could we ship Mistral 7B inside our app?", "mistral-7b"),
])
def test_terms_and_shipping_ask_for_the_licence(full, question, model):
    answer = full.ask(question)
    assert answer.models == [model], answer.text
    assert "license" in answer.query["attributes"], answer.query


def test_commercially_restricted_is_the_limited_class(plain, catalog):
    answer = plain.ask("which models are commercially restricted?")
    limited = {m.id for m in catalog.models.values() if m.license_class == "limited"}
    assert set(answer.models) == limited, answer.text


def test_an_it_before_an_infinitive_refers_to_nothing(plain):
    answer = plain.ask("is it okay to use GPT-2 commercially?")
    assert answer.models == ["gpt-2"] and answer.text.startswith("Yes."), answer.text


def test_when_it_was_first_released_is_a_time_not_a_ranking(full):
    answer = full.ask("Could we use Gemma commercially when it was first released?")
    assert answer.models == ["gemma"], answer.text
    assert answer.query["superlative"] is None and "license" in answer.query["attributes"], answer.query
