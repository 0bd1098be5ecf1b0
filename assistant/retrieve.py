"""Retrieve: a typed query selects an exact set from the catalog; search serves open questions.

The constraint tree is evaluated facet by facet (``assistant.facets``). Every list is ordered by
date, then name (the catalog's order), so "the second one" is well defined. Each selected model
carries the reasons it matched, for the answer to show.
"""

from __future__ import annotations

from assistant.facets import FACETS, UNKNOWN, is_active, owned_values, released_sizes
from assistant.query import And, Attribute, Constraint, Not, Op, Or, Quant, Query, Superlative, leaves
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


_LOWER, _UPPER = (Op.GT, Op.GE), (Op.LT, Op.LE, Op.BETWEEN)


def _plain_bound(node, lower: bool) -> bool:
    return (isinstance(node, Constraint) and node.facet == "size" and node.quant is Quant.LARGEST and not node.via
            and node.op in (_LOWER if lower else _UPPER) and [str(v) for v in node.values] != [UNKNOWN])


def _any_size(node):
    """A tree whose plain size bounds hold for some released size; negated bounds are left alone."""
    if isinstance(node, Constraint):
        return node.model_copy(update={"quant": Quant.SOME}) if _plain_bound(node, False) else node
    if isinstance(node, Or):
        return Or(items=[_any_size(n) for n in node.items])
    if not isinstance(node, And):
        return node
    lows = [n for n in node.items if _plain_bound(n, True)]
    highs = [n for n in node.items if _plain_bound(n, False)]
    if len(lows) == 1 and len(highs) == 1 and highs[0].op is not Op.BETWEEN:
        # "between 1B and 10B": both ends hold for one released size, not the lower for the largest and the upper for another
        # (a strict end stays strict: "over 10B and under 100B" holds for no 10B size)
        strict = (lows[0].op is Op.GT, highs[0].op is Op.LT)
        both = Constraint(facet="size", op=Op.BETWEEN, values=[lows[0].values[0], highs[0].values[0]], quant=Quant.SOME,
                          open_ends=strict if any(strict) else None)
        return And(items=[both if n is highs[0] else _any_size(n) for n in node.items if n is not lows[0]])
    return And(items=[_any_size(n) for n in node.items])


def any_size(q: Query) -> Query | None:
    """The second reading of a plain size bound ("models under 100M", "between 1B and 10B"): the bound holds for some
    released size, not only the largest (which the first reading uses). None when the question has no such bound or
    its words tie the bound to one version ("whose largest version ...", "a 7B version", "every size")."""
    if q.largest_said or not any(_plain_bound(c, False) for c, negated in leaves(q.where) if not negated):
        return None
    return q.model_copy(update={"where": _any_size(q.where)})


def also_sized(catalog: Catalog, q: Query, matched: list[ModelEntry]) -> list[ModelEntry]:
    """The models only the second reading of a size bound adds (``any_size``), in the catalog's order."""
    alt = any_size(q)
    if alt is None:
        return []
    have = {e.id for e in matched}
    return [e for e in select(catalog, alt) if e.id not in have]


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


# a ranking by the number of a model's own recorded values ("the most sizes", "the most labs"): the field it counts
# (``facets.owned_values``); a model with none is not ranked
OWNED_RANKINGS = {"sizes": Attribute.PARAMS, "labs": Attribute.LABS, "objectives": Attribute.OBJECTIVE}
# a ranking by how many catalog models a model is the parent of ("the model derived from most often": ``children``) or an
# ancestor of at any depth (``descendants``): the inverse lineage facet whose values they are; a model with none is not ranked
KIN_RANKINGS = {"children": "parent", "descendants": "ancestor"}


def kin_ranked(field: str, e: ModelEntry) -> list[str]:
    """The models a kin ranking counts for a model: its children, or its descendants at any depth (their names, in
    release order)."""
    facet = FACETS[KIN_RANKINGS[field]]
    models = facet.owners[id(e)][1] if id(e) in facet.owners else {}
    kin = sorted((models[m] for m in facet.values(e) if m in models), key=lambda x: (x.date.key, x.name))
    return [x.name for x in kin]


def _key(s: Superlative):
    if s.field == "params":
        return size_key(s)
    if s.field in OWNED_RANKINGS:
        return lambda e: len(owned_values(e, OWNED_RANKINGS[s.field])) or None
    if s.field in KIN_RANKINGS:
        return lambda e: len(kin_ranked(s.field, e)) or None
    return lambda e: e.date.key


def superlative(entries: list[ModelEntry], s: Superlative) -> list[ModelEntry]:
    """The winner(s) by size or date, or the model(s) at a place of the ranking; ties are all returned. Unknown sizes
    never win. "Largest" compares each model's largest variant, "smallest" its smallest."""
    key = _key(s)
    known = [e for e in entries if key(e) is not None]
    if not known:
        return []
    # each place of the ranking counts the models before it: models tied share the places they span ("the seventh
    # largest" after three models tied for fourth is the one after them)
    keys = sorted({key(e) for e in known} if s.distinct else [key(e) for e in known], reverse=s.largest)
    if s.rank > len(keys):
        return []
    return [e for e in known if key(e) == keys[s.rank - 1]]


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
