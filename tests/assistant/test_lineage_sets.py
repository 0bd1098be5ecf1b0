"""A lineage whose parent is any model of a described set: "derived from a Google model", "built on one
of the paper's 77 models", "descends from an encoder". Expected sets are computed from the catalog."""

from __future__ import annotations

import pytest

from assistant import Session
from assistant.facets import FACETS
from assistant.query import Constraint, leaves


def _lab(name):
    """The catalog's own reading of a lab (the Google DeepMind umbrella included)."""
    return lambda e: FACETS["lab"].match(e, Constraint(facet="lab", values=[name]))


def _members(catalog, test):
    return {e.id for e in catalog.models.values() if test(e)}


def _children(catalog, parents, transitive=False):
    facet = FACETS["descends" if transitive else "derived"]
    return {e.id for e in catalog.models.values() if set(facet.values(e)) & parents}


@pytest.mark.parametrize("question, parent_test, transitive", [
    ("which models are derived from a Google model?", _lab("Google"), False),
    ("models fine-tuned from a Meta model", _lab("Meta"), False),
    ("which models are derived from Google models?", _lab("Google"), False),
    ("which models descend from an encoder?", lambda e: e.architecture.value == "encoder", True),
    ("descendants of any OpenAI model", _lab("OpenAI"), True),
])
def test_a_lineage_to_a_described_set(full_assistant, full_catalog, question, parent_test, transitive):
    parents = _members(full_catalog, parent_test)
    q = full_assistant.understander.understand(question)
    lineage = [c for c, _ in leaves(q.where) if c.facet in ("derived", "descends")]
    assert len(lineage) == 1 and lineage[0].of and set(lineage[0].values) == parents
    assert not [c for c, _ in leaves(q.where) if c.facet in ("lab", "architecture")]  # the set describes the parent
    a = full_assistant.ask(question, Session())
    assert set(a.models) == _children(full_catalog, parents, transitive)
    assert "a model where" in a.text


def test_additions_built_on_a_paper_model(full_assistant, full_catalog):
    paper = {m for m in full_catalog.models if m not in full_catalog.beyond_ids}
    a = full_assistant.ask("Which of the additions are built on one of the paper's 77 models?", Session())
    want = {m for m in _children(full_catalog, paper) if m in full_catalog.beyond_ids}
    assert want and set(a.models) == want


def test_not_derived_from_a_set(full_assistant, full_catalog):
    google = _members(full_catalog, _lab("Google"))
    q = full_assistant.understander.understand("decoders not derived from a Google model")
    a = full_assistant.ask("decoders not derived from a Google model", Session())
    want = {e.id for e in full_catalog.models.values() if e.architecture.value == "decoder" and not set(e.derived_from) & google}
    assert set(a.models) == want and any(neg for c, neg in leaves(q.where) if c.of)


@pytest.mark.parametrize("question", ["which models are based on BERT?", "which models derived from BERT are encoders"])
def test_a_named_parent_stays_a_model(full_assistant, question):
    q = full_assistant.understander.understand(question)
    assert [c.values for c, _ in leaves(q.where) if c.facet == "derived"] == [["bert"]]
