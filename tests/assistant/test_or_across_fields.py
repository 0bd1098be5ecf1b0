"""A date or size bound joined by "or" to a condition on another field, as two clauses, is an alternative: either may
hold ("from Meta or with more than 100B parameters"); a bound read from one phrase ("in 2019") stays one condition
inside it. Each model of the answer meets one side, and the answer holds every model that does."""

from __future__ import annotations

import pytest

from assistant.query import Or, leaves


def _sides(q):
    ors = [i for i in q.where.items if isinstance(i, Or)]
    assert len(ors) == 1, q.where
    return ors[0]


@pytest.mark.parametrize("question, facets", [
    ("models from Meta or with more than 100B parameters", {"lab", "size"}),
    ("which models are decoders or were released before 2019?", {"architecture", "date"}),
    ("list the encoders or anything from 2019", {"architecture", "date"}),
    ("either an OpenAI model or one released after 2022", {"lab", "date"}),
    ("models released before 2019 or with more than 100B parameters", {"date", "size"}),
    # a comparative right after a year ("2019 or larger than ...") is the next bound, not the year's "or larger"
    ("models released before 2019 or larger than 100B", {"date", "size"}),
    ("decoders from 2020 or bigger than 500B", {"date", "size"}),
])
def test_a_bound_or_another_condition_is_either(full, question, facets):
    q = full._understand(question)
    assert {c.facet for c, _ in leaves(_sides(q))} == facets


def test_the_answer_is_the_union(full):
    answer = full.ask("models from Meta or with more than 100B parameters")
    meta = set(full.ask("models from Meta").models)
    big = set(full.ask("models with more than 100B parameters").models)
    assert meta and big and set(answer.models) == meta | big


def test_a_year_inside_an_alternative_keeps_both_ends(full):
    q = full._understand("encoders or models from 2019")
    dates = sorted(int(c.values[0]) for c, _ in leaves(_sides(q)) if c.facet == "date")
    assert dates == [201901, 201912]
    answer = full.ask("encoders or models from 2019")
    for m in answer.models:
        e = full.catalog.models[m]
        assert e.architecture.value == "encoder" or e.date.year == 2019, m


def test_a_comparative_after_a_year_keeps_its_direction(full):
    """"before 2019 or larger than 100B": "or larger" belongs to "larger than 100B", a lower bound, not an equality."""
    q = full._understand("models released before 2019 or larger than 100B")
    sizes = [(c.op.value, c.values[0]) for c, _ in leaves(_sides(q)) if c.facet == "size"]
    assert sizes == [("gt", 100000.0)], sizes


@pytest.mark.parametrize("question", [
    "which models are from EleutherAI or were trained on the Pile?",
    "models trained on C4 or built by Meta",
])
def test_a_corpus_or_a_lab_is_either(full, question):
    """A training corpus joined by "or" to a lab, as two clauses: either may hold (the union), not both."""
    q = full._understand(question)
    assert {c.facet for c, _ in leaves(_sides(q))} == {"corpus", "lab"}
    answer = full.ask(question)
    from assistant.retrieve import holds
    for m in answer.models:
        assert any(holds(full.catalog.models[m], side) for side in _sides(q).items), m
