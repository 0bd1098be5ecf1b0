"""An empty set that rests on a false premise: "which DeepMind paper introduced the Falcon models?" names a
family (or a model's kin) and a field value none of them has. The answer then corrects the field for the
models named, each cited, instead of only saying that nothing matches."""

from __future__ import annotations

from assistant.compose import Draft
from assistant.query import And, Query
from catalog import Catalog

NAMING = frozenset({"family", "model", "derived", "descends"})  # constraints that name the models asked about
ASSERTED = frozenset({"lab", "date", "architecture", "license", "objective", "domain", "catalog"})  # a fact said of them
MOST = 3  # corrections written at most (a family of a few models)


def unmet(catalog: Catalog, q: Query):
    """The one asserted constraint that empties a set named by family, model or lineage, with the set it names and the
    question without it: (constraint, models, query), or None when the emptiness has another cause."""
    from assistant.retrieve import holds, select

    items = q.where.items if isinstance(q.where, And) else []
    named = [c for c in items if getattr(c, "facet", None) in NAMING]
    asserted = [c for c in items if getattr(c, "facet", None) in ASSERTED]
    if not named or len(asserted) != 1 or len(named) + len(asserted) != len(items) or q.exclude:
        return None
    freed = q.model_copy(update={"where": And(items=named)})
    rest = select(catalog, freed)
    if not rest or any(holds(e, asserted[0]) for e in rest):
        return None
    return asserted[0], rest, freed


def correct_unmet(catalog: Catalog, q: Query, d: Draft) -> bool:
    """Corrections for the one asserted constraint that empties a set named by family, model or lineage;
    False when the emptiness has another cause (then nothing is added)."""
    from assistant.premises import corrected

    found = unmet(catalog, q)
    if not found or len(found[1]) > MOST:
        return False
    for e in found[1]:
        d.add(corrected(e, found[0], d))
    return True
