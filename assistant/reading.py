"""The reading of a query in one line ("architecture = encoder-decoder AND lab ≠ Google").

Every answer states it, so a user can see what was understood; it is built from the typed
query alone, each constraint described by its facet.
"""

from __future__ import annotations

from assistant.compose import md_escape
from assistant.facets import FACETS
from assistant.query import And, Constraint, Intent, Not, Or, Query
from catalog import Catalog


def describe(node, catalog: Catalog) -> str:
    """A constraint tree in words: leaves by their facets, AND / OR / NOT between them."""
    def name(model_id: str) -> str:
        e = catalog.models.get(model_id)
        return e.name if e else model_id

    if isinstance(node, Constraint):
        return FACETS[node.facet].describe(node, False, name)
    if isinstance(node, Not):
        if isinstance(node.item, Constraint):
            return FACETS[node.item.facet].describe(node.item, True, name)
        return f"NOT ({describe(node.item, catalog)})"
    joiner = " AND " if isinstance(node, And) else " OR "
    parts = [describe(n, catalog) for n in node.items]
    text = joiner.join(parts)
    return f"({text})" if isinstance(node, Or) and len(parts) > 1 else text


def criteria(q: Query, catalog: Catalog) -> str:
    """The set a list or count question selects, in words ("" for the whole catalog)."""
    parts = [describe(q.where, catalog)] if q.where.items else []
    for x in q.exclude:
        e = catalog.models.get(x.model)
        label = e.name if e else x.model
        parts.append(f"model ≠ {label}" + (" and its descendants" if x.descendants else ""))
    if q.within is not None:
        parts.append("among the previous answer's models")
    return " AND ".join(parts)


def _names(ids: list[str], catalog: Catalog) -> str:
    return ", ".join(catalog.models[m].name for m in ids if m in catalog.models)


def reading(q: Query, catalog: Catalog) -> str:
    """One line: what the question was taken to ask."""
    crit = criteria(q, catalog)
    asked = ", ".join(a.value for a in q.attributes)
    if q.reason.value and q.intent is Intent.OUT_OF_SCOPE:
        out = f"out of scope ({q.reason.value})"
    elif q.unknown_names and not q.models:
        out = "unknown model: " + ", ".join(md_escape(n) for n in q.unknown_names)
    elif q.unrecorded:
        who = _names(q.models, catalog) or "catalog models"
        out = f"{who} → {', '.join(q.unrecorded)} (not recorded)"
    elif q.lookup:
        out = f"paper lookup by {q.lookup.kind}: {md_escape(q.lookup.value)}"
    elif q.intent is Intent.CONCEPT:
        ids = [c for c in (q.concept, *q.other_concepts) if c]
        out = "concept: " + ", ".join(catalog.concepts[c].title for c in ids if c in catalog.concepts)
    elif q.intent is Intent.COMPARE:
        out = f"compare {_names(q.models, catalog)}" + (f" by {asked}" if asked else "")
    elif q.intent in (Intent.FACT, Intent.CITATION) or (q.models and q.intent is Intent.LINEAGE):
        what = {Intent.CITATION: "source paper", Intent.LINEAGE: "lineage"}.get(q.intent, asked or "overview")
        out = f"{_names(q.models, catalog)} → {what}" + (f" (given: {crit})" if crit else "")
    elif q.group_by:
        out = f"count models by {q.group_by}" + (f" where {crit}" if crit else "")
    elif q.superlative:
        s = q.superlative
        word = {("params", True): "largest", ("params", False): "smallest",
                ("date", True): "most recent", ("date", False): "earliest"}[(s.field, s.largest)]
        out = f"the {s.top if s.top > 1 else ''} {word} models".replace("  ", " ") + (f" where {crit}" if crit else "")
    else:
        verb = "count" if q.intent is Intent.COUNT else "list"
        out = f"{verb} models where {crit}" if crit else f"{verb} models (no constraint)"
    for p in q.premises:
        out += f"; premise to check: {_names([p.model], catalog)} has {describe(p.constraint, catalog)}"
    if q.unparsed:
        out += "; not understood: " + ", ".join(f"“{md_escape(u)}”" for u in q.unparsed)
    return out
