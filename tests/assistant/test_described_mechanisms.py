"""A mechanism described in words names a vocabulary value, even when its words ("heads", "layers",
"hours") are also words of a fact the catalog does not record; a quantity stated in a model's corpus
text is quoted; an apostrophe is no title quote and a lowercase word after "by" is no author."""

from __future__ import annotations

import pytest

from assistant import Session
from assistant.query import Intent, Reason, leaves


def _read(assistant, question):
    return assistant.understander.understand(question)


def _values(q):
    return {(c.facet, str(v)) for c, neg in leaves(q.where) if not neg for v in c.values}


@pytest.mark.parametrize("question, value", [
    ("models where several query heads share the same keys and values", ("trait", "grouped-query-attention")),
    ("which LLMs let groups of query heads reuse one key/value head?", ("trait", "grouped-query-attention")),
    ("a language model that mixes transformer layers with state-space (recurrent-style) layers?", ("trait", "state-space-hybrid")),
    ("list the models that stack transformer blocks with mamba layers", ("trait", "state-space-hybrid")),
    ("models that use MoE layers", ("trait", "mixture-of-experts")),
    ("which models use rotary embeddings in every attention layer", ("trait", "rotary-embeddings")),
])
def test_a_described_mechanism_is_read_not_refused_as_unrecorded(full_assistant, question, value):
    q = _read(full_assistant, question)
    assert not q.unrecorded and q.reason is not Reason.UNSUPPORTED
    assert value in _values(q)


@pytest.mark.parametrize("question, label", [
    ("which models have more than 24 layers?", "number of layers"),
    ("how many layers does BERT have?", "number of layers"),
    ("which models have the most attention heads?", "attention heads"),
    ("what is the context length of GPT-3?", "context length"),
    ("how long did it take to train Whisper?", "training cost"),
])
def test_a_value_asked_for_stays_unrecorded(full_assistant, question, label):
    q = _read(full_assistant, question)
    assert label in q.unrecorded


@pytest.mark.parametrize("question, model, fragment", [
    ("How many hours of audio was Whisper trained on?", "whisper", "680,000 hours"),
    ("how many instructions was Alpaca tuned on?", "alpaca", "52K"),
    ("how many examples was Alpaca fine-tuned on?", "alpaca", "52K"),
    ("how many image-text pairs was CLIP trained on?", "clip", "400M"),
])
def test_a_quantity_in_the_corpus_text_is_quoted(full_assistant, question, model, fragment):
    a = full_assistant.ask(question, Session())
    assert a.models == [model] and fragment in a.text and not a.abstained


@pytest.mark.parametrize("question, concept", [
    ("what's permutation language modeling", "plm"),
    ("what's span corruption?", "span-corruption"),
])
def test_an_apostrophe_is_not_a_title_quote(full_assistant, question, concept):
    q = _read(full_assistant, question)
    assert q.lookup is None and q.intent is Intent.CONCEPT


def test_a_lowercase_word_after_by_is_not_a_misspelt_author(full_assistant):
    q = _read(full_assistant, "models trained by masking entities that are linked to a knowledge graph")
    assert q.lookup is None and ("objective", "entity-denoising") in _values(q)


@pytest.mark.parametrize("question, author, models", [
    ("Aditya Ramesh first-author models?", "Aditya Ramesh", {"dall-e", "dall-e-2"}),
    ("models with Colin Raffel as lead author", "Colin Raffel", {"t5"}),
])
def test_a_first_author_keeps_only_the_papers_that_list_them_first(full_assistant, question, author, models):
    q = _read(full_assistant, question)
    assert q.lookup is not None and q.lookup.value == author and q.lookup.first
    a = full_assistant.ask(question, Session())
    assert set(a.models) == models and "by first author" in a.text


def test_without_first_every_paper_of_the_author_is_found(full_assistant):
    q = _read(full_assistant, "papers by Aditya Ramesh")
    assert q.lookup is not None and not q.lookup.first
    assert "clip" in full_assistant.ask("papers by Aditya Ramesh", Session()).models


@pytest.mark.parametrize("question, facet, value", [
    ("text-to-image models that aren't from OpenAI", "domain", "image-generation"),
    ("decoder-only Meta models with restrictive licences", "license", "limited"),
])
def test_a_words_field_follows_the_words(full_assistant, question, facet, value):
    assert (facet, value) in _values(_read(full_assistant, question))


@pytest.mark.parametrize("question, model", [("who made Qwen2.5-72B?", "qwen2.5"), ("how big is Llama-3-70B?", "llama-3"),
                                             ("who built Gemma-2-9b?", "gemma-2"), ("who made GPT-NeoX-20B?", "gpt-neox-20b"),
                                             ("who made Mistral-7B?", "mistral-7b")])
def test_a_size_written_onto_a_name_is_that_model(full_assistant, question, model):
    """"Qwen2.5-72B" is Qwen2.5 at one size, not Qwen2 (a near name) nor an unknown model."""
    q = _read(full_assistant, question)
    assert q.models == [model] and not q.unknown_names


def test_a_sized_name_outside_the_catalog_stays_unknown(full_assistant):
    q = _read(full_assistant, "Is MPT-7B open source?")
    assert not q.models and q.unknown_names == ["MPT-7B"]


def test_reinforcement_learning_as_a_method_is_an_objective_and_its_problems_pick_which(full_assistant):
    q = _read(full_assistant, "Which models were trained with reinforcement learning on problems whose answers can be "
                              "checked automatically?")
    assert _values(q) == {("objective", "reasoning-rl")}
    assert ("domain", "reinforcement-learning") in _values(_read(full_assistant, "reinforcement learning models"))


@pytest.mark.parametrize("question", ["models where several query heads share the same keys and values",
                                      "a language model that mixes transformer layers with state-space (recurrent-style) layers?"])
def test_a_described_mechanism_costs_one_encode(full_catalog, embedder, question):
    """The check that the words describe a mechanism and the coverage check ask about the same leftover
    words: one MiniLM encode per question, as the paraphrase matcher is allowed."""
    from assistant.lexicon import lexicon
    from assistant.paraphrase import Paraphraser
    from assistant.understand import Understander

    calls = []
    paraphraser = Paraphraser(lexicon("en"), lambda texts: calls.append(list(texts)) or embedder.encode(list(texts)))
    paraphraser._vectors()  # the descriptions' vectors, computed once per process
    calls.clear()
    q = Understander(full_catalog, paraphraser).understand(question)
    assert not q.unrecorded and len(calls) == 1
