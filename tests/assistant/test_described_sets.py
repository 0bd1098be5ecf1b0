"""Set questions said in plain words, each kind in several phrasings (answers from the whole catalog): a contrast
"instead of left-to-right" after a description of the value, a verb that is also a model's name ("switch on a
few experts"), RL that ends a description of RLHF, a description of two values joined by "and", pictures and text
together, and questions about something else that only share a word with the vocabulary."""

from __future__ import annotations

import pytest

from assistant import Session
from assistant.lexicon import lexicon
from assistant.query import Intent, Reason, leaves


def _values(q):
    return {(c.facet, str(v)) for c, neg in leaves(q.where) if not neg for v in c.values}


def _holds(entries, ids, test):
    return all(test(entries[m]) for m in ids)


def test_a_premise_tag_is_never_the_end_of_left_to_right():
    lex = lexicon("en")
    assert lex.first("premise_tag", "which models predict tokens in a shuffled order instead of left-to-right?") is None
    assert lex.first("premise_tag", "is the code under a copyright?") is None
    assert lex.first("premise_tag", "BERT is an encoder, right?") is not None


@pytest.mark.parametrize("question", [
    "models that guess tokens in a randomly permuted order rather than left-to-right?",
    "which ones predict words in a shuffled factorization order instead of left to right?",
    "what models learn by predicting tokens over random orderings of the positions, not left-to-right?",
    "list models predicting words in a random order of positions instead of left-to-right",
    "which models were trained to predict tokens in a shuffled position order instead of left-to-right?",
])
def test_a_description_before_instead_of_left_to_right_is_the_value(full_assistant, question):
    a = full_assistant.ask(question, Session())
    assert a.models == ["xlnet"], (question, a.models)


@pytest.mark.parametrize("question", [
    "newer models that switch on just two experts per token",
    "models that switch on just two experts per token",
    "list models which switch between a handful of expert networks for every token",
    "additions that only switch on some of their experts for each input token",
    "open models that switch on only a couple of experts per token",
])
def test_switch_as_a_verb_in_a_description_is_no_model(full_assistant, question):
    q = full_assistant.understander.understand(question)
    assert q.intent is Intent.LIST and not q.models, (question, q.intent, q.models)
    assert ("trait", "mixture-of-experts") in _values(q), (question, q.where)


@pytest.mark.parametrize("question", [
    "which models were aligned by humans ranking replies and a reward model driving RL?",
    "models tuned with annotators comparing outputs and a learned reward guiding RL",
    "LLMs where people rated answers and a reward model steered the RL",
])
def test_rl_that_ends_a_description_of_rlhf_is_no_application_domain(full_assistant, question):
    q = full_assistant.understander.understand(question)
    assert _values(q) == {("objective", "rlhf")}, (question, q.where)


@pytest.mark.parametrize("question", [
    "models fine-tuned to follow instructions and also trained to imitate a larger teacher model",
    "which models learned to follow instructions as well as to mimic a stronger teacher?",
    "models taught to obey instructions plus distilled from a bigger teacher model",
    "which newer models were instruction tuned and taught by copying a more capable teacher?",
])
def test_a_description_of_two_values_reads_as_both(full_assistant, question):
    a = full_assistant.ask(question, Session())
    entries = full_assistant.catalog.models
    assert "orca" in a.models, (question, a.models)
    assert _holds(entries, a.models, lambda e: {"instruction-tuning", "knowledge-distillation"} <= {o.value for o in e.objectives}), \
        (question, a.models)


@pytest.mark.parametrize("question", [
    "models that only generate text left to right and never see the words that come later, from DeepMind",
])
def test_two_halves_no_model_holds_together_are_one_value(full_assistant, question):
    """Both halves may describe one objective ("left to right" and "never see what comes later"): when no model
    holds the two values together, the description is one value, not an empty AND of two."""
    a = full_assistant.ask(question, Session())
    assert a.models and _holds(full_assistant.catalog.models, a.models,
                               lambda e: "causal-lm" in {o.value for o in e.objectives}), (question, a.models)


def test_one_architecture_is_never_two_values_at_once(full_assistant):
    q = full_assistant.understander.understand(
        "Which models have both a part that reads the input and a separate part that writes the output?")
    assert _values(q) == {("architecture", "encoder-decoder")}, q.where


@pytest.mark.parametrize("question", [
    "models that can see images and read text",
    "which models look at photos as well as reading words?",
    "models able to view pictures and also read text",
    "any models that take in pictures along with text?",
])
def test_pictures_and_text_together_are_vision_language(full_assistant, question):
    q = full_assistant.understander.understand(question)
    assert _values(q) == {("domain", "vision-language")}, (question, q.where)


@pytest.mark.parametrize("question", [
    "what's the best programming language for beginners?",
    "what does DNA stand for?",
    "which country has the largest population?",
    "recommend a good chat app",
    "what's the largest animal in the world?",
    "what is the best way to learn math?",
    "summarize the plot of Hamlet",
    "what's the best image editing software?",
])
def test_a_question_about_something_else_is_off_topic(full_assistant, question):
    a = full_assistant.ask(question, Session())
    assert a.abstained and not a.models, (question, a.models)
    assert full_assistant.understander.understand(question).reason is Reason.OFF_TOPIC, question


@pytest.mark.parametrize("question", [
    "code models?", "anything that turns audio into text?", "best for math?", "chatbots you can talk to",
    "what works on proteins?", "which is the biggest?",
])
def test_short_or_model_worded_questions_stay_on_topic(full_assistant, question):
    q = full_assistant.understander.understand(question)
    assert q.intent is not Intent.OUT_OF_SCOPE, (question, q.reason)


@pytest.mark.parametrize("question", [
    "Leaving out BERT and everything derived from it, which encoder-only models are left?",
    "apart from BERT and its descendants, what encoder-only models are left?",
])
def test_a_word_left_over_after_a_field_is_no_description_of_it(full_assistant, question):
    q = full_assistant.understander.understand(question)
    assert ("architecture", "encoder") in _values(q), (question, q.where)
