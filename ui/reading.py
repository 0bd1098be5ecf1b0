"""The reading of an answer as removable chips ("lab ≠ Google", "2022").

An answer carries its typed reading (the contract's ``query``). Each top-level constraint of its
``where`` tree is one chip (a year range written as two date bounds is one chip, "2022"), and so
is each excluded model. ``without`` returns the query minus one chip, for the assistant to answer
again. Pure functions; nothing here imports gradio.
"""

from __future__ import annotations

from typing import NamedTuple

from assistant.query import And, Constraint, Intent, Query
from assistant.reading import describe
from catalog import Catalog

MAX_CHIPS = 8


class Chip(NamedTuple):
    label: str
    where: tuple[int, ...] = ()  # indices of top-level constraints it stands for
    exclude: tuple[int, ...] = ()  # indices of excluded models it stands for


def _top(q: Query) -> list:
    if isinstance(q.where, And):
        return list(q.where.items)
    return [q.where] if q.where is not None else []


def _bound(node, op: str) -> bool:
    return isinstance(node, Constraint) and node.facet == "date" and node.op.value == op and len(node.values) == 1


def _year_chip(items: list) -> Chip | None:
    """One chip for a 'from … to …' pair of date bounds; None unless there is exactly one of each."""
    ge = [i for i, n in enumerate(items) if _bound(n, "ge")]
    le = [i for i, n in enumerate(items) if _bound(n, "le")]
    if len(ge) != 1 or len(le) != 1:
        return None
    start, end = int(items[ge[0]].values[0]), int(items[le[0]].values[0])
    if start % 100 != 1 or end % 100 != 12:
        return None
    first, last = start // 100, end // 100
    return Chip(str(first) if first == last else f"{first}–{last}", (ge[0], le[0]))


def chips(query: dict | None, catalog: Catalog) -> list[Chip]:
    """The chips of an answer's reading (none for a reading without constraints)."""
    if not query:
        return []
    try:
        q = Query.model_validate(query)
    except ValueError:
        return []
    items = _top(q)
    out: list[Chip] = []
    year = _year_chip(items)
    if year:
        out.append(year)
    for i, node in enumerate(items):
        if not year or i not in year.where:
            out.append(Chip(describe(node, catalog, q.language), (i,)))  # in the answer's language
    for i, x in enumerate(q.exclude):
        e = catalog.models.get(x.model)
        out.append(Chip(f"model ≠ {e.name if e else x.model}" + (" and descendants" if x.descendants else ""),
                        exclude=(i,)))
    return out[:MAX_CHIPS]


def without(query: dict, chip: Chip) -> Query:
    """The query with the chip's constraints removed; a list with nothing left lists every model."""
    q = Query.model_validate(query)
    kept = [n for i, n in enumerate(_top(q)) if i not in chip.where]
    exclude = [x for i, x in enumerate(q.exclude) if i not in chip.exclude]
    everything = not kept and not exclude and not q.models and q.within is None and q.intent is Intent.LIST
    return q.model_copy(update={"where": And(items=kept), "exclude": exclude, "all_models": everything or q.all_models})
