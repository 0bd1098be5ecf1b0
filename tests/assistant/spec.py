"""The parser-spec projection: the fields of a typed query a spec row pins, in readable form."""

from __future__ import annotations

from assistant.query import Not, Query
from assistant.reading import describe


def project(q: Query, catalog) -> dict:
    s = q.superlative
    return {
        "intent": q.intent.value,
        "where": describe(q.where, catalog) if q.where.items else "",
        "models": list(q.models),
        "exclude": [x.model + (" +descendants" if x.descendants else "") for x in q.exclude],
        "attributes": [a.value for a in q.attributes],
        "unrecorded": list(q.unrecorded),
        "superlative": f"{s.field} {'max' if s.largest else 'min'} {s.top}" + (f" by {s.measure}" if s.measure else "") if s else None,
        "group_by": q.group_by,
        "lookup": f"{q.lookup.kind}: {q.lookup.value}" if q.lookup else None,
        "premises": [f"{p.model}: {describe(Not(item=p.constraint) if getattr(p, 'negated', False) else p.constraint, catalog)}"
                     for p in q.premises],
        "yes_no": q.yes_no,
        "concept": q.concept,
        "reason": q.reason.value,
        "unknown": list(q.unknown_names),
        "transitive": q.transitive,
        "pending": [x.facet for x in q.pending()],
        "corrections": list(q.corrections),
    }


DEFAULTS = {"where": "", "models": [], "exclude": [], "attributes": [], "unrecorded": [], "superlative": None,
            "group_by": None, "lookup": None, "premises": [], "yes_no": False, "concept": None, "reason": "", "unknown": [], "transitive": False,
            "pending": [], "corrections": []}


def selected(catalog, answer) -> set[str]:
    """The models an answer's typed query selects: a plain size bound's first reading (the largest size), without
    the models its second reading adds after it (tests/assistant/test_any_size_reading.py)."""
    from assistant.retrieve import select

    return {e.id for e in select(catalog, Query.model_validate(answer.query))}


def where_read(assistant, question: str) -> str:
    """The constraints an assistant reads a question as, in the reading line's words ("" when there are none)."""
    q = assistant._understand(question)
    return describe(q.where, assistant.catalog) if q.where.items else ""
