"""Answers that weigh models against each other: comparisons, counts, breakdowns and rankings.

Comparisons lead with the verdict on the dimension asked (size or date), list the models in
verdict order and call ties ties. "Smallest" compares each model's smallest variant.
"""

from __future__ import annotations

from assistant.answer import Answer
from assistant.compose import Draft, and_list, cell, line, size, table
from assistant.facets import group_values
from assistant.lexicon import lexicon
from assistant.paginate import page
from assistant.query import Intent, Op, Query
from assistant.reading import criteria
from assistant.retrieve import holds, ranked, smallest_size, superlative, why
from catalog import Catalog, ModelEntry

_DIMENSIONS = {
    "size": (lambda e: e.params.max_millions, lambda e: size(e.params.max_millions), ("larger", "smaller"), "the same size"),
    "date": (lambda e: e.date.key, lambda e: e.date.human(), ("newer", "older"), "from the same month"),
}


def verdict_order(entries: list[ModelEntry], dimension: str, ascending: bool) -> list[ModelEntry]:
    key = _DIMENSIONS[dimension][0]
    known = [e for e in entries if key(e) is not None]
    unknown = [e for e in entries if key(e) is None]
    return sorted(known, key=key, reverse=not ascending) + unknown


def dimension_sentence(entries: list[ModelEntry], dimension: str, ascending: bool) -> str:
    """'RoBERTa is larger (356M vs 340M for BERT).', or a tie called a tie."""
    key, show, (up, down), same = _DIMENSIONS[dimension]
    known = [e for e in entries if key(e) is not None]
    if len(known) < 2:
        unknown = [e.name for e in entries if key(e) is None]
        return f"The catalog gives no size for {and_list(unknown)}." if unknown else ""
    best_value = (min if ascending else max)(key(e) for e in known)
    winners = [e for e in known if key(e) == best_value]
    if len(winners) == len(known):
        return f"{and_list([e.name for e in known])} are {same} ({show(known[0])}): a tie."
    word = down if ascending else up
    if len(entries) > 2:
        word = {"larger": "the largest", "smaller": "the smallest", "newer": "the newest", "older": "the oldest"}[word]
    others = ", ".join(f"{show(e)} for {e.name}" for e in known if e not in winners)
    lead = and_list([e.name for e in winners])
    verb = "is" if len(winners) == 1 else "are (tied)"
    return f"{lead} {verb} {word} ({show(winners[0])} vs {others})."


def _premise_sentences(catalog: Catalog, q: Query, d: Draft) -> list[str]:
    out = []
    for p in q.premises:
        e = catalog.models[p.model]
        if p.constraint.via and not holds(e, p.constraint):
            ref = catalog.models[p.constraint.via]
            word = {("size", Op.GT): "larger", ("size", Op.LT): "smaller", ("date", Op.GE): "newer",
                    ("date", Op.LE): "older"}.get((p.constraint.facet, p.constraint.op), "that")
            out.append(f"In fact {e.name} is not {word} than {ref.name} {d.cite(e.id)} {d.cite(ref.id)}.")
    return out


def answer_compare(catalog: Catalog, q: Query, entries: list[ModelEntry]) -> Answer:
    lex = lexicon(q.language)
    d = Draft(catalog, Intent.COMPARE)
    dims = list(q.order) or ["size", "date"]
    first = dims[0]
    asked = bool(q.order)
    ordered = verdict_order(entries, first, q.ascending) if asked else entries
    sentences = _premise_sentences(catalog, q, d)
    if q.yes_no and q.where.items:
        sentences.append(lex.say("verdict_yes" if holds(entries[0], q.where) else "verdict_no"))
    for dim in dims + [x for x in ("size", "date") if x not in dims]:
        sentences.append(dimension_sentence(ordered, dim, q.ascending if dim == first else False))
    for e in ordered:
        d.about(e.id)
    d.add(" ".join(s for s in sentences if s))
    archs = {e.architecture for e in ordered}
    if len(archs) == 1:
        d.add(f"{'Both' if len(ordered) == 2 else 'All'} are {ordered[0].architecture.value} models.")
    else:
        d.add("Architectures: " + "; ".join(f"{e.name} is {e.architecture.value}" for e in ordered) + ".")
    d.add(table(ordered, d))
    return d.finish()


def answer_concepts(catalog: Catalog, q: Query) -> Answer:
    """Two or more concepts side by side ("MLM vs causal LM", "encoder vs decoder")."""
    d = Draft(catalog, Intent.CONCEPT)
    concepts = [catalog.concepts[c] for c in (q.concept, *q.other_concepts)]
    d.add("Here is how " + and_list([c.title for c in concepts]) + " differ, as the catalog's concept notes explain them:")
    for c in concepts:
        d.add(f"**{c.title}**" + (f" {d.cite_concept(c.id)}" if c.paper else ""))
        d.add(c.body.strip())
        if c.objective:
            users = [e for e in catalog.models.values() if c.objective in e.objectives][:8]
            if users:
                d.add("Examples: " + ", ".join(f"{e.name} {d.cite(e.id)}" for e in users) + ".")
    return d.finish()


def answer_count(catalog: Catalog, q: Query, entries: list[ModelEntry]) -> Answer:
    lex = lexicon(q.language)
    d = Draft(catalog, Intent.COUNT)
    crit = criteria(q, catalog)
    if q.group_by:
        return _grouped(q, entries, d, crit)
    if q.superlative:
        return _superlative(q, entries, d, crit)
    scope = f": models where {crit}" if crit else ""
    d.add(lex.say("count_one" if len(entries) == 1 else "count_many", n=len(entries), scope=scope))
    if entries and (len(entries) < len(catalog.models) or crit):
        entries, note = page(entries)
        if note:
            d.add(note)
        d.add("\n".join(line(e, d, why(e, q)) for e in entries))
    return d.finish()


def _grouped(q: Query, entries, d: Draft, crit: str) -> Answer:
    """Counts per value of one field ("which lab has the most models", "models per year")."""
    counts: dict[str, int] = {}
    for e in entries:
        for value in group_values(q.group_by, e):
            counts[value] = counts.get(value, 0) + 1
    if not counts:
        d.add("No model matches, so there is nothing to count.")
        return d.finish()
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    top = [k for k, n in ordered if n == ordered[0][1]]
    scope = f"models where {crit}" if crit else "models in the catalog"
    field = q.group_by
    lead = and_list(top)
    d.add(f"{lead[:1].upper() + lead[1:]} {'has' if len(top) == 1 else 'have'} the most {scope} ({ordered[0][1]}"
          f"{' each' if len(top) > 1 else ''} of {len(entries)}), counting by {field}.")
    rows = sorted(counts.items()) if field == "year" else ordered
    shown = [(k, n) for k, n in rows if n > 1 or len(rows) <= 12]
    d.add(f"| {field} | models |\n|---|---|\n" + "\n".join(f"| {cell(k)} | {n} |" for k, n in shown))
    if len(shown) < len(rows):
        d.add(f"{len(rows) - len(shown)} more with one model each.")
    return d.finish()


def _superlative(q: Query, entries, d: Draft, crit: str) -> Answer:
    s = q.superlative
    winners = superlative(entries, s)
    scope = f" among models where {crit}" if crit else " in the catalog"
    if not winners:
        d.add(f"The catalog has no model with a known {'size' if s.field == 'params' else 'date'}{scope}.")
        return d.finish()
    word = {("params", True): "largest", ("params", False): "smallest",
            ("date", True): "most recent", ("date", False): "earliest"}[(s.field, s.largest)]
    if s.field == "params":
        value = (lambda e: size(e.params.max_millions)) if s.largest else (lambda e: size(smallest_size(e)))
    else:
        value = lambda e: e.date.human()  # noqa: E731
    if s.top > 1:
        top = ranked(entries, s, s.top)
        d.add(f"The {len(top)} {word} models{scope}:")
        d.add("\n".join(f"{i}. **{e.name}** ({value(e)}) {d.cite(e.id)}" for i, e in enumerate(top, start=1)))
    else:
        winners, note = page(winners)
        if note:
            d.add(note)
        names = and_list([f"**{e.name}** ({value(e)}) {d.cite(e.id)}" for e in winners])
        verb = "is" if len(winners) == 1 else "are (tied)"
        d.add(f"The {word} {'model' if len(winners) == 1 else 'models'}{scope} {verb} {names}.")
    if s.field == "params":
        known = sum(1 for e in entries if e.params.max_millions is not None)
        basis = "each model's largest variant" if s.largest else "each model's smallest variant"
        d.add(f"Compared over {known} models with a known size ({basis}); models whose size is not given are left out.")
    return d.finish()
