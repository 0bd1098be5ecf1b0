"""Lineage relations in many wordings: direct (the catalog's derived-from edges) or every
generation, counted, negated, and with depth modifiers whose words no other reading takes.

The expected sets are computed here from the catalog's own ``derived_from`` fields, never
written out, so the tests hold for any catalog that keeps the same shape. Structured answers
only (no search index).
"""

from __future__ import annotations

import re

import pytest

from assistant.query import Intent, Reason, leaves
from assistant.retrieve import select
from tests.assistant.lineage import children as _children, descendants as _descendants


def _lineage_leaf(q):
    """(facet, model, negated) of the question's one lineage constraint."""
    got = [(c.facet, str(c.values[0]), neg) for c, neg in leaves(q.where) if c.facet in ("derived", "descends")]
    assert len(got) == 1, (q.text, got)
    return got[0]


def _ids(assistant, question: str) -> set[str]:
    return {e.id for e in select(assistant.catalog, assistant.understander.understand(question))}


@pytest.mark.parametrize("question, parent", [
    ("which models build directly on GPT-3?", "gpt-3"),
    ("what builds directly upon LLaMA", "llama"),
    ("models built directly on top of T5", "t5"),
    ("models built on top of T5", "t5"),
    ("models that list BERT as a direct parent", "bert"),
    ("whose parent is LLaMA", "llama"),
    ("models whose parent model is GPT-3", "gpt-3"),
    ("which models have T5 as a parent model", "t5"),
    ("direct offspring of GPT-2", "gpt-2"),
    ("show me the direct descendants of BERT", "bert"),
    ("which models are immediate children of LLaMA", "llama"),
    ("GPT-2's direct descendants", "gpt-2"),
    ("which models descend from GPT-3 (direct only)", "gpt-3"),
])
def test_direct_wordings_read_the_children(plain, question, parent):
    q = plain.understander.understand(question)
    assert _lineage_leaf(q) == ("derived", parent, False)
    assert q.intent in (Intent.LINEAGE, Intent.LIST) and not q.models and not q.unrecorded
    assert _ids(plain, question) == _children(plain.catalog, parent)


@pytest.mark.parametrize("question, parent", [
    ("which models descend from Gopher (any depth)", "gopher"),
    ("which models descend from Gopher at any remove", "gopher"),
    ("models derived from BERT, all generations", "bert"),
    ("models built on T5 (all generations)", "t5"),
    ("models with GPT-2 as an ancestor", "gpt-2"),
    ("models whose ancestors include BERT", "bert"),
    ("which entries have BERT as one of their ancestors", "bert"),
    ("models derived from GPT, directly or indirectly", "gpt"),
    ("list models descended from LLaMA, no matter how distant", "llama"),
    ("models that have BERT somewhere in their ancestry", "bert"),
    ("which models trace back to GPT", "gpt"),
    ("models derived from BERT at any level of depth", "bert"),
    ("models derived from T5, including grandchildren", "t5"),
])
def test_every_generation_wordings_read_the_descendants(plain, question, parent):
    q = plain.understander.understand(question)
    assert _lineage_leaf(q) == ("descends", parent, False)
    assert not q.unrecorded and q.reason is not Reason.UNSUPPORTED  # "(any depth)" is not the number of layers
    assert _ids(plain, question) == _descendants(plain.catalog, parent)


def test_a_depth_modifier_is_not_an_unrecorded_attribute_but_a_real_ask_still_is(plain):
    a = plain.ask("which models descend from Gopher (any depth)")
    assert not a.abstained and "does not record" not in a.text
    assert set(a.models) >= _descendants(plain.catalog, "gopher")
    assert "counting every generation" in a.text  # the answer says which reading it listed
    still = plain.understander.understand("how deep are the models that descend from Gopher (any depth)?")
    assert still.unrecorded == ["number of layers"]  # a later word of the same attribute is still the one asked


@pytest.mark.parametrize("question, parent, facet", [
    ("how many models have BERT as their parent", "bert", "derived"),
    ("how many models list LLaMA as their parent?", "llama", "derived"),
    ("how many models have GPT-3 as their direct parent", "gpt-3", "derived"),
    ("how many models descend from Gopher at any depth", "gopher", "descends"),
    ("count the models with GPT as an ancestor", "gpt", "descends"),
])
def test_counts_count_the_relation_set(plain, question, parent, facet):
    a = plain.ask(question)
    want = (_children if facet == "derived" else _descendants)(plain.catalog, parent)
    assert a.intent == Intent.COUNT
    assert re.search(rf"\*\*{len(want)}\*\*", a.text), a.text[:200]
    assert _lineage_leaf(plain.understander.understand(question)) == (facet, parent, False)


def _kept(catalog, lab, arch):
    return {e.id for e in catalog.models.values()
            if (lab is None or any(lab in o for o in e.org_names)) and (arch is None or e.architecture.value == arch)}


@pytest.mark.parametrize("question, parent, facet, lab, arch", [
    ("DeepMind models that don't list Gopher as their direct parent", "gopher", "derived", "DeepMind", None),
    ("decoder models that are not built directly on GPT-3", "gpt-3", "derived", None, "decoder"),
    ("Google models not built on T5", "t5", "descends", "Google", None),
    ("which OpenAI models do not descend from GPT-2", "gpt-2", "descends", "OpenAI", None),
])
def test_negated_lineage_keeps_its_depth(plain, question, parent, facet, lab, arch):
    """A negated "built on X" leaves out X's whole line, X itself included ("Google models not built on
    T5" are not T5 either); a negated direct relation only the children, so a grandchild the other
    constraints keep is listed (Flamingo, built on Chinchilla), and so is the parent itself (Gopher)."""
    q = plain.understander.understand(question)
    assert _lineage_leaf(q) == (facet, parent, True)
    gone = _children(plain.catalog, parent) if facet == "derived" else _descendants(plain.catalog, parent) | {parent}
    assert _ids(plain, question) == _kept(plain.catalog, lab, arch) - gone


@pytest.mark.parametrize("question, model, value", [
    ("what is Alpaca derived from and how big is it?", "alpaca", lambda e: e.params.raw),
    ("when was Vicuna released and what is it based on?", "vicuna", lambda e: str(e.date.year)),
    ("who built Flan-T5 and which model is it fine-tuned from?", "flan-t5", lambda e: e.labs[0]),
])
def test_a_lineage_question_that_also_asks_a_field_answers_both(plain, catalog, question, model, value):
    e = catalog.models[model]
    answer = plain.ask(question)
    parents = [catalog.models[p].name for p in e.derived_from]
    assert parents and all(p in answer.text for p in parents)
    assert value(e).split(" ")[0] in answer.text and model in answer.models


@pytest.mark.parametrize("question", ["is Vicuna derived from GPT-3?", "Alpaca was fine-tuned from OPT, correct?",
                                      "InstructGPT is built on BERT, isn't it?"])
def test_a_wrong_parent_is_corrected_with_the_recorded_parents_cited(catalog, ask, question):
    """"No: the catalog records X [1] as derived from Y [2]": the parents the correction names are
    cited and part of the answer, and the model asked about keeps the first citation."""
    a = ask(question)
    subject = a.models[0]
    parents = set(catalog.models[subject].derived_from)
    assert a.text.startswith("No:") and parents and parents <= set(a.models), a.text
    assert all(f"{catalog.models[p].name} [" in a.text for p in parents), a.text
