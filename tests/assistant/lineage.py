"""Lineage sets computed from the catalog's own derived-from links, for the tests to compare answers with.

Each function takes a catalog or its ``models`` mapping (id -> entry)."""

from __future__ import annotations


def _models(catalog) -> dict:
    return catalog if isinstance(catalog, dict) else catalog.models


def children(catalog, parent: str) -> set[str]:
    return {e.id for e in _models(catalog).values() if parent in e.derived_from}


def descendants(catalog, parent: str) -> set[str]:
    models = _models(catalog)
    found, frontier = set(), {parent}
    while frontier:
        frontier = {e.id for e in models.values() if set(e.derived_from) & frontier} - found
        found |= frontier
    return found


def ancestors(catalog, model: str) -> set[str]:
    models = _models(catalog)
    found, frontier = set(), {model}
    while frontier:
        frontier = {p for m in frontier for p in models[m].derived_from if p in models} - found
        found |= frontier
    return found


def exact_answer(assistant, catalog, question: str, wanted):
    """Ask ``question`` and check that the answer holds exactly the catalog entries the predicate
    ``wanted(entry, models)`` defines (and that this set is not empty); the answer, for further checks."""
    a = assistant.ask(question)
    models = _models(catalog)
    expected = {m for m, e in models.items() if wanted(e, models)}
    assert expected and set(a.models) == expected, (question, sorted(set(a.models) ^ expected))
    return a
