""""Text" alone is too common a word to be a domain ("answers in text"), but listed with another domain by a
conjunction it is one: "models for both text and speech" (both), "models for speech or text" (either), "text and
vision models" (either, no "both"); joined by "from" it is no item of a list ("image generation from text").
Expected sets come from the catalog's domain fields."""

from __future__ import annotations

import pytest

from assistant.facets import FACETS
from assistant.query import Constraint, Op


def _domains(full_catalog, values, op) -> set[str]:
    c = Constraint(facet="domain", op=op, values=values)
    return {m for m, e in full_catalog.models.items() if FACETS["domain"].match(e, c)}


LISTED = [("models for both text and speech", ["text", "speech"], Op.ALL),
          ("models for speech or text", ["speech", "text"], Op.IN),
          ("text and vision models", ["text", "vision"], Op.IN),
          ("Which models can do image generation from text", ["image-generation"], Op.IN)]


@pytest.mark.parametrize("question, values, op", LISTED, ids=[q for q, *_ in LISTED])
def test_a_generic_domain_listed_with_another_is_a_domain(full, full_catalog, question, values, op):
    expected = _domains(full_catalog, values, op)
    assert expected and set(full.ask(question).models) == expected
