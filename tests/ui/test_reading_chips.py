"""The reading as chips: one per top-level constraint, a year range as one chip, exclusions too."""

from __future__ import annotations

import pytest

from assistant.core import Assistant
from ui.reading import chips, without


@pytest.fixture(scope="module")
def structured(catalog):
    return Assistant(catalog)


def test_chips_of_a_reading_and_removing_each(structured, catalog):
    answer = structured.ask("encoder-decoder models from Google except T5")
    found = chips(answer.query, catalog)
    assert [c.label for c in found] == ["architecture = encoder-decoder", "lab = Google", "model ≠ T5"]
    wider = structured.answer_query(without(answer.query, found[2]))
    assert "t5" in wider.models and set(answer.models) < set(wider.models)
    no_lab = structured.answer_query(without(answer.query, found[1]))
    assert any("Google" not in catalog.models[m].org_names for m in no_lab.models)
    assert "t5" not in no_lab.models


def test_a_year_is_one_chip_and_unconstrained_readings_have_none(structured, catalog):
    answer = structured.ask("which models were released in 2021?")
    [year] = chips(answer.query, catalog)
    assert year.label == "2021" and len(year.where) == 2
    everything = structured.answer_query(without(answer.query, year))
    assert len(everything.models) > len(answer.models)
    assert chips(structured.ask("who built BERT?").query, catalog) == []
    assert chips(None, catalog) == [] and chips({"not": "a query"}, catalog) == []
