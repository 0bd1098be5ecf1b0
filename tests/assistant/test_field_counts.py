"""A number before a noun counts that field (lexicon ``count_nouns``): sizes, labs, domains, parent models.
"models credited to more than two labs" is a count of labs, as "more than four sizes" is a count of sizes."""

import pytest

from assistant.query import leaves


def _count(e, facet: str) -> int:
    return {"labs": len(e.labs), "domains": len(e.domains), "parents": len(e.derived_from)}[facet]


@pytest.mark.parametrize("q, facet, test", [
    ("which models list at least three organisations?", "labs", lambda n: n >= 3),
    ("models with exactly 2 institutions credited", "labs", lambda n: n == 2),
    ("models built on top of two parent models", "parents", lambda n: n == 2),
    ("any model with more than one base model?", "parents", lambda n: n > 1),
    ("models spanning four or more domains", "domains", lambda n: n >= 4),
    ("有两个以上父模型的模型", "parents", lambda n: n >= 2),
])
def test_a_count_of_a_field(full, full_catalog, q, facet, test):
    query = full._understand(q)
    assert [c.facet for c, _ in leaves(query.where)] == [facet], query.where
    a = full.ask(q)
    want = {m for m, e in full_catalog.models.items() if test(_count(e, facet))}
    assert a.models and set(a.models) <= want, (set(a.models) - want)
