"""A catalog name followed by a version with one letter ("Gemma 3n", "Qwen 2a") is another model the catalog lacks, as
a plain number after it already was ("PaLM 3"); a size after it ("Gemma 2b", "Llama 2 7b") and a catalog name written
with a space ("GPT 4o") still name the catalog model."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("question", ["when did Gemma 3n come out?", "who built Qwen 2a?", "Gemma 3n 是谁做的"])
def test_a_lettered_version_the_catalog_lacks_is_unknown(full, question):
    answer = full.ask(question)
    assert answer.abstained and not answer.models


@pytest.mark.parametrize("question, model", [
    ("GPT 4o release date", "gpt-4o"), ("how big is Gemma 2b?", "gemma"), ("who made Llama 2 7b", "llama-2"),
])
def test_a_size_or_a_spaced_name_still_names_the_model(full, question, model):
    assert full.ask(question).models == [model]
