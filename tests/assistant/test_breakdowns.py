"""A breakdown asked in other words: the catalog broken down, split or grouped by a field ("break the catalog down by
licence class", "how are the models distributed across years?"), the field's breakdown as a noun ("the architecture
breakdown"), the values a field takes ("which labs are in the catalog?", "what licences do the models use?"), and three
or more values of one field counted ("how many encoder, decoder and encoder-decoder models are there?"): each value
with its number of models, and for values the question names, the models behind each number.

Every expected number here is computed from the catalog, never written in."""

from __future__ import annotations

import pytest

from assistant.facets import FACETS
from assistant.query import Constraint, Intent


@pytest.mark.parametrize("question, field", [
    ("could you break the catalog down by licence class?", "license"),
    ("how are the models spread across years?", "year"),
    ("show me the architecture distribution", "architecture"),
    ("what different labs are represented in the catalog?", "lab"),
    ("which pretraining objectives do the models use?", "objective"),
    ("enumerate all the domains", "domain"),
    # "break down" before its object; a breakdown's top rows ("which 3 labs have the most models?": no count of labs)
    ("break down models by architecture", "architecture"),
    ("which 3 labs have the most models?", "lab"),
    ("the five labs with the most entries", "lab"),
    ("top three labs by number of models", "lab"),
])
def test_a_breakdown_in_other_words_counts_by_the_field(full, question, field):
    q = full._understand(question)
    assert q.intent is Intent.COUNT and q.group_by == field
    assert not full.ask(question).abstained


def test_top_labs_count_no_labs_of_a_model(full):
    q = full._understand("which 3 labs have the most models?")
    assert not any(isinstance(c, Constraint) and c.facet == "labs" for c in q.where.items), q.where


def test_a_field_of_one_model_is_no_breakdown(full):
    q = full._understand("which labs built Flan-T5?")
    assert q.group_by is None and q.models == ["flan-t5"]


@pytest.mark.parametrize("question, field, values", [
    ("how many encoder, decoder and encoder-decoder models are there?", "architecture", ["encoder", "decoder", "encoder-decoder"]),
    ("what's the split between open and closed models?", "license", ["open", "closed"]),
])
def test_named_values_are_each_counted_with_their_models(full, question, field, values):
    q = full._understand(question)
    assert q.group_by == field
    answer = full.ask(question)
    paper = [e for e in full.catalog.models.values() if e.in_paper]
    for value in values:
        members = [e for e in paper if FACETS[field].match(e, Constraint(facet=field, values=[value]))]
        assert f"**{value}** ({len(members)})" in answer.text
        assert {e.id for e in members} <= set(answer.models)  # the models behind each number are named


def test_two_values_counted_together_stay_one_total(full):
    q = full._understand("how many models are encoders or decoders?")
    assert q.group_by is None and q.intent is Intent.COUNT


def test_rows_kept_by_a_count_of_a_kind(full):
    """"Which labs built more than one encoder?": the labs' encoders counted, the labs with more than one kept."""
    q = full._understand("which labs built more than one encoder?")
    assert q.group_by == "lab" and q.having_op is not None and q.having_n == 1
    assert [c.facet for c in q.where.items] == ["architecture"]


def test_a_group_word_is_no_three_values_named(full):
    """"Chinese labs" stands for several labs: one count, not a breakdown of each (three values said apart are)."""
    q = full._understand("how many of the additions come from Chinese labs?")
    assert q.group_by is None and q.intent is Intent.COUNT


def test_the_whole_catalog_by_its_number(full):
    q = full._understand("how many of the 119 models are decoders?")
    catalog = [c for c in q.where.items if c.facet == "catalog"]
    assert catalog and set(catalog[0].values) == {"beyond", "paper"}
