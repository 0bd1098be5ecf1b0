"""Direction words of lineage questions (parents, children, ancestors, counts of children), read
from the lexicon's cues and checked against the catalog's derived-from links."""

from __future__ import annotations

import pytest

from assistant.facets import FACETS


@pytest.mark.parametrize("question, model", [
    ("what did Alpaca start from", "alpaca"),
    ("what model did Vicuna start with?", "vicuna"),
    ("Alpaca comes from which model", "alpaca"),
    ("which model does Dolly stem from?", "dolly"),
    ("what was Sparrow built on?", "sparrow"),
])
def test_parent_words_give_the_recorded_parents(catalog, ask, question, model):
    a = ask(question)
    assert a.intent == "lineage" and set(a.models) == set(catalog.models[model].derived_from), a.text


@pytest.mark.parametrize("question, parent", [
    ("which models come straight from LLaMA", "llama"),
    ("what was directly fine-tuned from GPT-3?", "gpt-3"),
    ("models built directly on T5", "t5"),
    ("which models descend directly from GPT-3", "gpt-3"),
])
def test_direct_child_words_give_the_children_only(catalog, ask, question, parent):
    a = ask(question)
    assert set(a.models) == {e.id for e in catalog.models.values() if parent in e.derived_from}, a.text


def test_descend_without_directly_gives_every_generation(catalog, ask):
    a = ask("which models descend from GPT-3")
    assert set(a.models) == {e.id for e in catalog.models.values() if "gpt-3" in FACETS["descends"].values(e)}


@pytest.mark.parametrize("question, model", [
    ("full ancestry of Vicuna", "vicuna"),
    ("trace Alpaca back to its roots", "alpaca"),
    ("the whole lineage of InstructGPT", "instructgpt"),
])
def test_ancestry_lists_the_ancestors_without_the_model_itself(catalog, ask, question, model):
    a = ask(question)
    ancestors = set(FACETS["descends"].values(catalog.models[model]))
    assert a.intent == "lineage" and ancestors and set(a.models) == ancestors, a.text


@pytest.mark.parametrize("question, parent", [
    ("how many models derive directly from LLaMA", "llama"),
    ("how many models were fine-tuned straight from GPT-3?", "gpt-3"),
])
def test_counting_direct_children(catalog, ask, question, parent):
    a = ask(question)
    n = sum(1 for e in catalog.models.values() if parent in e.derived_from)
    assert a.intent == "count" and f"**{n}**" in a.text, a.text
