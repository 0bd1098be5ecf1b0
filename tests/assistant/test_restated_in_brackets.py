"""A description followed by its own term in brackets ("... for any given token (MoE)") says one thing twice: the
term in brackets is the reading, and a generic word of the description ("small" -> efficient) is not read as a
second value of the same field beside it. A bracket naming another field still narrows ("code models (encoder)")."""

from __future__ import annotations

import pytest

from assistant.query import Query, leaves
from assistant.retrieve import select


def _values(query, facet):
    query = Query.model_validate(query) if isinstance(query, dict) else query
    return sorted(str(v) for c, _ in leaves(query.where) if c.facet == facet for v in c.values)


@pytest.mark.parametrize("question", [
    "models where each token only wakes up a small number of expert blocks (mixture of experts)",
    "models which switch on only a small fraction of parameters per token (MoE)",
    "which models have a tiny share of their weights doing work for each token (sparse MoE)?",
])
def test_the_bracketed_term_is_the_one_reading(full_assistant, full_catalog, question):
    answer = full_assistant.ask(question)
    assert _values(answer.query, "trait") == ["mixture-of-experts"], answer.query["where"]
    moe = {m.id for m in full_catalog.models.values() if "mixture-of-experts" in m.traits}
    assert set(answer.models) == moe, answer.text


def test_a_bracket_naming_another_field_still_narrows(full_assistant):
    answer = full_assistant.ask("small models from Google (encoder-decoder)")
    assert _values(answer.query, "architecture") == ["encoder-decoder"], answer.query["where"]
    assert _values(answer.query, "lab") == ["Google"], answer.query["where"]


def test_without_a_bracket_both_values_stay(full_assistant, full_catalog):
    query = Query.model_validate(full_assistant.ask("efficient mixture of experts models").query)
    assert _values(query, "trait") == ["efficient", "mixture-of-experts"], query.where
    assert select(full_catalog, query)


@pytest.mark.parametrize("question", [
    "models where each token only wakes up a small number of expert blocks",
    "which models route each input token to a limited number of experts?",
])
def test_each_token_and_a_small_number_are_no_count_apart(full_assistant, question):
    answer = full_assistant.ask(question)
    assert answer.query["group_by"] is None and answer.query["intent"] == "list", answer.query
