"""A year right after a venue name is that venue's edition ("ICLR 2020"), matched against the paper's venue, not a
release-date bound on the models (ViT came out in 2020 and appeared at ICLR 2021; ALBERT came out in 2019 and appeared
at ICLR 2020)."""

from __future__ import annotations

import pytest

from assistant.query import Intent
from assistant.retrieve import select


@pytest.mark.parametrize("question, venue", [
    ("models presented at ICLR 2020", "ICLR 2020"),
    ("which models appeared at NeurIPS 2022?", "NeurIPS 2022"),
    ("list the ICML 2021 papers", "ICML 2021"),
])
def test_a_venue_edition(full, question, venue):
    q = full._understand(question)
    assert q.intent is Intent.LIST and [c.facet for c in q.where.items] == ["venue"]
    got = {e.id for e in select(full.catalog, q)}
    assert got and got == {e.id for e in full.catalog.models.values() if venue in e.paper.venue}
