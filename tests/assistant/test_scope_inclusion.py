"""Words that count the additions in ("counting the newer ones too", "including everything added after the
paper") keep the whole catalog in scope, never the additions alone; "the newer models" alone still means them."""

from __future__ import annotations

import pytest

from assistant.query import leaves


@pytest.fixture(scope="module")
def understander(full_catalog):
    from assistant.understand import Understander

    return Understander(full_catalog)


def _parts(q) -> set[str] | None:
    values = [set(map(str, c.values)) for c, neg in leaves(q.where) if c.facet == "catalog" and not neg]
    return set.union(*values) if values else None


@pytest.mark.parametrize("question", [
    "largest encoder-only text model, counting the new ones too",
    "Google models, counting the newer ones as well",
    "decoders, counting newer models",
    "closed multimodal models, including everything added after the paper",
    "encoders, counting the models added after the paper as well",
    "Counting the models added since the paper too, which Meta models are not decoder-only?",
    "Meta models, additions too",
])
def test_counting_the_additions_in_keeps_both_parts(understander, question):
    parts = _parts(understander.understand(question))
    assert parts is None or parts == {"paper", "beyond"}, parts


@pytest.mark.parametrize("question", ["recent models from Meta", "which newer models are open?", "which newer additions are from Meta?"])
def test_the_newer_models_alone_are_the_additions(understander, question):
    assert _parts(understander.understand(question)) == {"beyond"}
