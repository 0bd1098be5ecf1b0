"""Retrieve: a typed query selects an exact set from the catalog; search serves open questions.

The constraint tree is evaluated facet by facet (``assistant.facets``). Every list is ordered by
date, then name (the catalog's order), so "the second one" is well defined. Each selected model
carries the reasons it matched, for the answer to show.
"""

from __future__ import annotations

from assistant.facets import FACETS, is_active, released_sizes
from assistant.query import And, Constraint, Not, Or, Query, Superlative, leaves
from catalog import Catalog, ModelEntry


def holds(e: ModelEntry, node) -> bool:
    """Does an entry satisfy a constraint tree?"""
    if isinstance(node, Constraint):
        return FACETS[node.facet].match(e, node)
    if isinstance(node, Not):
        inner = node.item
        if isinstance(inner, Constraint) and hasattr(FACETS[inner.facet], "known") and not FACETS[inner.facet].known(e):
            return False  # an unknown size is not "not above 10B"
        if isinstance(inner, Constraint):
            return not FACETS[inner.facet].rules_out(e, inner)
        return not holds(e, inner)
    if isinstance(node, Or):
        return any(holds(e, n) for n in node.items)
    if isinstance(node, And):
        return all(holds(e, n) for n in node.items)
    raise TypeError(f"not a constraint node: {node!r}")


def excluded(catalog: Catalog, q: Query) -> set[str]:
    """Models the query leaves out: the named ones, and their descendants when asked."""
    out = {x.model for x in q.exclude}
    for x in q.exclude:
        if x.descendants:
            out |= {e.id for e in catalog.models.values() if x.model in FACETS["descends"].values(e)}
    return out


def matches(e: ModelEntry, q: Query, skip: set[str] = frozenset()) -> bool:
    if q.within is not None and e.id not in q.within:
        return False
    if e.id in skip:
        return False
    return holds(e, q.where)


def select(catalog: Catalog, q: Query) -> list[ModelEntry]:
    skip = excluded(catalog, q)
    return [e for e in catalog.models.values() if matches(e, q, skip)]


def why(e: ModelEntry, q: Query) -> list[str]:
    from assistant.display import display, why_zh

    """The fields that decided membership, in words ("objective: prefix LM (from ...)")."""
    out: list[str] = []
    for c, negated in leaves(q.where):
        if negated or c.facet == "model":
            continue
        reason = why_zh(display("zh"), e, c) if q.language == "zh" else FACETS[c.facet].why(e, c)
        if reason not in out:
            out.append(reason)
    return out


def smallest_size(e: ModelEntry) -> float | None:
    sizes = released_sizes(e)
    return min(sizes) if sizes else None


def active_size(e: ModelEntry, largest: bool) -> float | None:
    """The largest or smallest size the catalog labels active per token (a mixture of experts), if any."""
    sizes = [v.millions for v in e.params.variants if is_active(v)]
    return (max(sizes) if largest else min(sizes)) if sizes else None


def size_key(s: Superlative):
    """Each model's size as a size ranking judges it: its largest or smallest released size, or its active one."""
    if s.measure == "active":
        return lambda e: active_size(e, s.largest)
    return (lambda e: e.params.max_millions) if s.by_largest() else smallest_size


def _key(s: Superlative):
    if s.field == "params":
        return size_key(s)
    return lambda e: e.date.key


def superlative(entries: list[ModelEntry], s: Superlative) -> list[ModelEntry]:
    """The winner(s) by size or date; ties are all returned. Unknown sizes never win.
    "Largest" compares each model's largest variant, "smallest" its smallest."""
    key = _key(s)
    known = [e for e in entries if key(e) is not None]
    if not known:
        return []
    values = sorted({key(e) for e in known}, reverse=s.largest)  # each place of the ranking, ties together
    if s.rank > len(values):
        return []
    return [e for e in known if key(e) == values[s.rank - 1]]


TIES_SHOWN = 5  # at most this many models tied with the last place join a top-n list


def ranked(entries: list[ModelEntry], s: Superlative, n: int = 5, ties: bool = False) -> list[ModelEntry]:
    """The first ``n`` of the ranking; with ``ties``, also the models tied with the n-th (a few at most),
    so "the two largest" does not pick one of two models of the same size at random."""
    key = _key(s)
    known = sorted((e for e in entries if key(e) is not None), key=key, reverse=s.largest)
    if not ties or len(known) <= n:
        return known[:n]
    last = key(known[n - 1])
    return known[:n] + [e for e in known[n:] if key(e) == last][:TIES_SHOWN]
