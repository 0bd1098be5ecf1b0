"""A number right after a model's name is a version ("PaLM 3", "Claude 4": not in the catalog) unless a unit
word follows it: then it is a size said of the model ("is LLaMA 175 billion parameters?"), so the model is
linked and the size read, in English and in Chinese (1750亿 is glossed "175 billion")."""

import pytest


@pytest.mark.parametrize("q, model", [
    ("is Gopher 70 billion parameters?", "gopher"),
    ("I read that BLOOM 540 billion params is its size, true?", "bloom"),
    ("OPT 66 billion or 175 billion, which is it", "opt"),
    ("Falcon 13 million parameters？是真的吗", "falcon"),
    ("Gopher 是不是有 700亿 参数", "gopher"),
])
def test_a_size_after_a_name_is_no_version(full, q, model):
    query = full._understand(q)
    assert query.unknown_names == [], query.unknown_names
    assert model in query.models, query.models


@pytest.mark.parametrize("q, unknown", [("what is PaLM 3", "PaLM 3"), ("is there a Claude 4?", "Claude 4")])
def test_a_number_after_a_name_is_still_a_version(full, q, unknown):
    assert unknown in full._understand(q).unknown_names


@pytest.mark.parametrize("q, model", [
    ("who built BLOOM-7B1?", "bloom"),
    ("tell me about bloomz-7b1", "bloomz"),
    ("when was BLOOM-1b7 released", "bloom"),
])
def test_a_size_written_with_its_decimal_after_the_unit_is_the_model(full, q, model):
    """Checkpoint names write 7.1B as "7b1": the name before it is the catalog model, not an unknown one."""
    query = full._understand(q)
    assert query.unknown_names == [] and model in query.models, (query.unknown_names, query.models)
    assert not full.ask(q).abstained
