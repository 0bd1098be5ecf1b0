"""Kinds of plain-words understanding, each in several phrasings: the reading half of the Transformer said by
what it lacks, a concept named only by a design trait's term, a premise that denies what a model has, and
unrecorded facts asked with hardware names. Answers come from the whole catalog (the additions included)."""

from __future__ import annotations

import pytest

from assistant import Session
from assistant.query import Intent, Reason, leaves


def _values(q):
    return {(c.facet, str(v)) for c, neg in leaves(q.where) if not neg for v in c.values}


@pytest.mark.parametrize("question", [
    "models that only have the 'understanding' half of the transformer, with no generator part",
    "a model that only reads, never generates",
    "which models can understand text but never write any?",
    "transformers with just the reading side and no text generation",
    "which ones only produce representations and never generate text?",
    "models without any generator, only an understanding stack",
])
def test_the_reading_half_said_by_what_it_lacks_is_the_encoder(full_assistant, question):
    a = full_assistant.ask(question, Session())
    entries = full_assistant.catalog.models
    assert {"bert", "electra", "roberta"} <= set(a.models), (question, a.models)
    assert all(entries[m].architecture.value == "encoder" for m in a.models), (question, a.models)


@pytest.mark.parametrize("question, concept", [
    ("what's a state-space / transformer hybrid?", "state-space-hybrids"),
    ("explain SSM layers to me", "state-space-hybrids"),
    ("what is a state space model?", "state-space-hybrids"),
    ("how do Mamba layers work in a hybrid?", "state-space-hybrids"),
    ("how does sliding window attention work?", "sliding-window-attention"),
    ("what is GQA?", "grouped-query-attention"),
    ("explain sparse experts in simple terms", "mixture-of-experts"),
])
def test_a_concept_named_by_a_trait_term_is_explained(full_assistant, question, concept):
    q = full_assistant.understander.understand(question)
    assert q.intent is Intent.CONCEPT and q.concept == concept, (question, q.intent, q.concept)


@pytest.mark.parametrize("question", [
    "which models use grouped-query attention?",
    "models that combine attention and state-space layers",
    "dense models over 100B",
])
def test_a_trait_in_a_set_question_stays_a_set(full_assistant, question):
    assert full_assistant.understander.understand(question).intent is Intent.LIST


@pytest.mark.parametrize("question, model, kept", [
    ("Since Jamba is a pure Transformer, how many attention layers does it have?", "Jamba", "state-space-hybrid"),
    ("Given that Jamba is attention-only, what is its context length?", "Jamba", "state-space-hybrid"),
    ("Since Mixtral is not a mixture of experts, how big is it?", "Mixtral 8x7B", "mixture-of-experts"),
    ("since BERT is not an encoder, what does it generate?", "BERT", "encoder"),
])
def test_a_premise_denying_what_a_model_has_is_corrected_first(full_assistant, question, model, kept):
    a = full_assistant.ask(question, Session())
    first = a.text.split("\n\n")[0]
    assert first.startswith(f"In fact {model} does have") and kept in first and "[1]" in first, (question, first)
    assert not a.abstained


def test_a_premise_denying_what_a_model_lacks_adds_no_correction(full_assistant):
    a = full_assistant.ask("since Llama 2 is a pure Transformer, who made it?", Session())
    assert "In fact" not in a.text and "Meta" in a.text


@pytest.mark.parametrize("question", [
    "how many of GPT-4o's 1.8 trillion parameters are active?",
    "since GPT-4 has 1.8T parameters, who built it?",
    "GPT-4 有 1.8 万亿参数，它是谁做的？",
])
def test_a_size_claimed_for_a_model_without_a_recorded_size_is_not_confirmed(full_assistant, full_catalog, question):
    """No recorded count to set against the claim: the answer says so, cited, instead of "GPT-4 has Not disclosed"."""
    a = full_assistant.ask(question, Session())
    first = a.text.split("\n\n")[0]
    model = next(m for m in a.models if not full_catalog.models[m].params.max_millions)
    assert "1.8" in first and "[1]" in first and full_catalog.models[model].name in first, first
    assert " has Not disclosed" not in a.text and (" cannot confirm " in first or "无法证实" in first), first


@pytest.mark.parametrize("question", [
    "how many H100s were used to train Llama 3?",
    "how many A100 GPUs did they use for OPT?",
    "which TPU v4 pods trained PaLM?",
])
def test_accelerator_names_ask_for_unrecorded_hardware(full_assistant, question):
    q = full_assistant.understander.understand(question)
    assert q.unrecorded == ["hardware"] and q.reason is Reason.UNSUPPORTED, (question, q.unrecorded, q.reason)


@pytest.mark.parametrize("question", [
    "Is there anything that mixes attention layers with recurrent-style state-space layers (Mamba-like)?",
    "is there anything that interleaves Mamba layers with attention?",
    "something which combines state space layers and transformer layers?",
])
def test_layers_in_a_description_of_anything_are_no_layer_count(full_assistant, question):
    q = full_assistant.understander.understand(question)
    assert not q.unrecorded and ("trait", "state-space-hybrid") in _values(q), (question, q.unrecorded, _values(q))
    a = full_assistant.ask(question, Session())
    assert "jamba" in a.models


@pytest.mark.parametrize("question, name", [
    ("what is the Perceiver IO architecture in your catalog", "Perceiver IO"),
    ("what is the Hyena model in your catalog?", "Hyena"),
])
def test_an_unknown_name_before_a_kind_word_is_not_answered(full_assistant, question, name):
    q = full_assistant.understander.understand(question)
    assert q.unknown_names == [name]
    assert full_assistant.ask(question, Session()).abstained


@pytest.mark.parametrize("question, wanted", [
    ("Give me Flamingo's size, release month and the model it builds on", ["80B", "April 2022", "Chinchilla"]),
    ("what's the release month and licence of Mistral 7B?", ["October 2023", "Apache"]),
    ("gemma 2: sizes + training trick for the small ones", ["27B", "distillation"]),
    ("Llama 2 — sizes, licence and the training recipe?", ["70B", "instruction tuning"]),
])
def test_several_facts_asked_at_once_are_all_answered(full_assistant, question, wanted):
    a = full_assistant.ask(question, Session())
    assert all(w in a.text for w in wanted), (question, a.text[:400])


@pytest.mark.parametrize("question, wanted, unwanted", [
    ("Which models predict tokens in every possible word order instead of strictly left to right?", {"xlnet"}, {"bert", "gpt"}),
    ("models that predict words in a random order rather than left to right", {"xlnet"}, {"bert", "gpt"}),
    ("models that read the beginning of a text with attention in both directions and then keep writing left-to-right",
     {"ul2", "alexatm-20b"}, {"bert", "gpt"}),
    ("models that move masked spans to the end of the document and generate them causally (mix of masking and causal LM)",
     {"cm3"}, {"gpt", "bert"}),
    ("models that fill in blanked-out chunks of text one token at a time (autoregressive blank filling)", {"glm"}, {"bert"}),
    ("additions that were only fine-tuned to follow instructions on top of someone else's base model, with no pretraining of "
     "their own", {"zephyr", "wizardlm"}, {"phi-1", "llama-2"}),
])
def test_an_objective_described_in_plain_words_answers_its_models(full_assistant, question, wanted, unwanted):
    a = full_assistant.ask(question, Session())
    assert wanted <= set(a.models) and not unwanted & set(a.models), (question, a.models)


@pytest.mark.parametrize("question, wrong, right", [
    ("which DeepMind paper introduced the Falcon models?", "DeepMind", "Technology Innovation Institute"),
    ("list the Falcon models from DeepMind", "DeepMind", "Technology Innovation Institute"),
    ("which of the Gemma models came from Meta?", "Meta", "Google DeepMind"),
])
def test_a_set_emptied_by_a_false_lab_corrects_it(full_assistant, question, wrong, right):
    a = full_assistant.ask(question, Session())
    assert right in a.text and f"not {wrong} [1]" in a.text, (question, a.text[:300])


def test_an_unrecorded_fact_asked_beside_a_recorded_one_answers_the_recorded_one(full_assistant):
    a = full_assistant.ask("How many layers and heads does GPT-2 have, and who made it?", Session())
    assert "does not record" in a.text and "OpenAI" in a.text and not a.abstained
    b = full_assistant.ask("how many layers does GPT-3 have?", Session())
    assert b.abstained
