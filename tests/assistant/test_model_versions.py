"""A version of a catalog model that the catalog does not have is an unknown model, named in the
abstention, never answered with the base model's facts; catalog names with numbers, sizes and
years after a name keep linking. With the additions (full catalog) and paper-only.
Structured answers only (no search index)."""

from __future__ import annotations

import pytest

from assistant.query import Intent


UNKNOWN_VERSIONS = [
    ("When did Google release BERT-4?", "BERT-4"),
    ("how big is GPT-5?", "GPT-5"),
    ("T6 paper", "T6"),
    ("Gopher 2 size", "Gopher 2"),
    ("what's the size of Gopher2", "Gopher2"),
    ("tell me about PaLM 3", "PaLM 3"),
    ("who made PaLM-3?", "PaLM-3"),
    ("BERT 4 release date", "BERT 4"),
    ("which lab trained Chinchilla-3?", "Chinchilla-3"),
]


@pytest.mark.parametrize("question, name", UNKNOWN_VERSIONS)
@pytest.mark.parametrize("which", ["full", "paper"])
def test_an_unrecorded_version_abstains_naming_it(full, plain, which, question, name):
    assistant = full if which == "full" else plain
    q = assistant.understander.understand(question)
    assert q.intent is Intent.OUT_OF_SCOPE, (question, q.intent)
    assert name in q.unknown_names and not q.models
    a = assistant.ask(question)
    assert a.abstained and not a.models and not a.citations
    assert f"{name} is not in the catalog" in a.text


@pytest.mark.parametrize("question, name", [
    ("how many parameters does Qwen4 have", "Qwen4"),
    ("who built Gemma 4?", "Gemma 4"),
    ("what is Phi 5", "Phi 5"),
    ("tell me about DINOv3", "DINOv3"),
])
def test_an_unrecorded_version_of_an_addition_abstains(full, question, name):
    q = full.understander.understand(question)
    assert q.intent is Intent.OUT_OF_SCOPE and name in q.unknown_names and not q.models


@pytest.mark.parametrize("question, model", [
    ("tell me about GPT-2", "gpt-2"), ("how big is GPT-3?", "gpt-3"), ("when was GPT-3.5 released", "gpt-3.5"),
    ("tell me about Llama 2", "llama-2"), ("Llama 3 size", "llama-3"), ("Qwen2.5 license", "qwen2.5"),
    ("who built Phi-4", "phi-4"), ("Gemma 3 parameters", "gemma-3"), ("DALL-E 2 paper", "dall-e-2"),
    ("who made T0", "t0"), ("BERT-large size", "bert"), ("BERT base size", "bert"), ("who made T5-XXL", "t5"),
    ("how big is GPT-3 175B", "gpt-3"), ("Chinchilla, the 2022 version: who built it?", "chinchilla"),
])
def test_catalog_names_with_numbers_sizes_and_years_keep_linking(full, question, model):
    q = full.understander.understand(question)
    assert q.models == [model] and not q.unknown_names, (question, q.models, q.unknown_names)


def test_a_number_inside_a_name_or_a_year_is_not_a_count_of_sizes(full):
    """"Llama 3 size" asks Llama 3's size; it states no premise that Llama 3 comes in 3 sizes."""
    for question in ("Llama 3 size", "Gemma 3 sizes", "Chinchilla, the 2022 version"):
        q = full.understander.understand(question)
        assert not any(p.constraint.facet == "variants" for p in q.premises), question
    assert full.understander.understand("models released in three sizes").where.items  # a real count still reads


def test_paper_only_still_names_an_addition_as_not_in_its_catalog(plain):
    """Paper-only hides Llama 2 (an addition): the answer says so, as it did before versions were read."""
    a = plain.ask("tell me about Llama 2")
    assert a.abstained and "Llama 2 is not in the catalog" in a.text and not a.models


def test_a_name_before_an_unrecorded_attribute_word_is_its_value_not_a_model(full):
    """"T4" looks like a version of T5, but "T4 GPUs" is hardware, which the catalog does not record."""
    q = full.understander.understand("which models were trained on T4 GPUs")
    assert q.unrecorded == ["hardware"] and not q.unknown_names


def test_a_well_known_outside_name_inside_a_longer_version_is_named_once(full):
    q = full.understander.understand("phi-1.5 paper")
    assert q.unknown_names == ["phi-1.5"] and not q.models
