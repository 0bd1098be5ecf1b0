"""A model's name asks nothing: the words inside it ("Pre-trained", "Encoder", "Cite", "Transformers") are its name,
not a field or a citation asked for; a model written out in full ("Generative Pre-trained Transformer 3") is that
model. The name still stands where a name stands ("what was Pegasus built for?")."""

from __future__ import annotations

import pytest

from assistant.query import Attribute, Intent


@pytest.mark.parametrize("question, model, attributes", [
    ("size of Generative Pre-trained Transformer 3", "gpt-3", [Attribute.PARAMS]),
    ("who made the Generative Pretrained Transformer 2", "gpt-2", [Attribute.LABS]),
    ("what is Bidirectional Encoder Representations from Transformers", "bert", []),
    ("who built Gopher-Cite", "gophercite", [Attribute.LABS]),
    ("what was Pegasus built for?", "pegasus", [Attribute.APPLICATION]),
])
def test_the_words_of_a_name_ask_nothing(plain, question, model, attributes):
    q = plain._understand(question)
    assert q.models == [model] and q.attributes == attributes and q.intent is Intent.FACT


@pytest.mark.parametrize("question, model", [
    ("license of BLOOMZ-mt", "bloomz"),
    ("Gemma-7b-it license", "gemma"),
    ("when was Llama-2-chat released", "llama-2"),
    ("who made GPT-J", "gpt-j"),
    ("what is DALL-E", "dall-e"),
])
def test_a_release_tag_on_a_name_is_that_model(full, question, model):
    q = full._understand(question)
    assert q.models == [model] and not q.unknown_names


@pytest.mark.parametrize("question, name", [("who built PaLM-E", "PaLM-E"), ("who built GPT-X", "GPT-X")])
def test_a_letter_tag_the_catalog_lacks_is_another_model(full, question, name):
    q = full._understand(question)
    assert q.unknown_names == [name] and not q.models
