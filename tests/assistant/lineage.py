"""Lineage sets computed from the catalog's own derived-from links, for the tests to compare answers with."""

from __future__ import annotations


def children(catalog, parent: str) -> set[str]:
    return {e.id for e in catalog.models.values() if parent in e.derived_from}


def descendants(catalog, parent: str) -> set[str]:
    found, frontier = set(), {parent}
    while frontier:
        frontier = {e.id for e in catalog.models.values() if set(e.derived_from) & frontier} - found
        found |= frontier
    return found


def ancestors(catalog, model: str) -> set[str]:
    found, frontier = set(), {model}
    while frontier:
        frontier = {p for m in frontier for p in catalog.models[m].derived_from if p in catalog.models} - found
        found |= frontier
    return found
