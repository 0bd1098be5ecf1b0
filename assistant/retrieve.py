"""Retrieve: typed filters select exact sets from the catalog; search serves open questions.

Every list is ordered by date, then name (the catalog's order), so "the second one" is
well defined. Each selected model carries the reason it matched, for the answer to show.
"""

from __future__ import annotations

import re

from assistant.query import Filters, Superlative
from catalog import Catalog, ModelEntry
from catalog.vocab import OBJECTIVE_LABELS, canonical_lab


def matches(e: ModelEntry, f: Filters) -> bool:
    if f.within is not None and e.id not in f.within:
        return False
    if e.id in f.exclude:
        return False
    if f.objectives:
        have = [o in e.objectives for o in f.objectives]
        if not (any(have) if f.objectives_any else all(have)):
            return False
    if f.architectures and e.architecture not in f.architectures:
        return False
    if f.labs:
        orgs = set(e.org_names)
        have = [canonical_lab(lab) in orgs for lab in f.labs]
        if not (all(have) if f.labs_all else any(have)):
            return False
    if f.license_classes and e.license_class not in f.license_classes:
        return False
    if f.domains and not any(d in e.domains for d in f.domains):
        return False
    if f.traits and not all(t in e.traits for t in f.traits):
        return False
    if f.derived_from and not any(d in e.derived_from for d in f.derived_from):
        return False
    if f.family and f.family.lower() not in e.family.lower() and f.family.lower() != e.name.lower():
        return False
    if f.date_from is not None and e.date.key < f.date_from:
        return False
    if f.date_to is not None and e.date.key > f.date_to:
        return False
    if f.finetuned is not None and e.task_is_finetuning != f.finetuned:
        return False
    if f.venue and f.venue.lower() not in e.paper.venue.lower():
        return False
    if f.license_text and f.license_text.lower() not in e.license.lower():
        return False
    if f.corpus and not re.search(rf"(?<!\w){re.escape(f.corpus)}(?!\w)", e.corpus, re.I):
        return False
    return _params_match(e, f)


def _params_match(e: ModelEntry, f: Filters) -> bool:
    if f.params_min is None and f.params_max is None and f.params_equal is None:
        return True
    top = e.params.max_millions
    if top is None:
        return False
    if f.params_min is not None and (top <= f.params_min if f.params_min_strict else top < f.params_min):
        return False
    if f.params_max is not None and (top >= f.params_max if f.params_max_strict else top > f.params_max):
        return False
    if f.params_equal is not None:
        sizes = [v.millions for v in e.params.variants] or [top]
        if not any(abs(s - f.params_equal) <= 0.02 * f.params_equal for s in sizes):
            return False
    return True


def select(catalog: Catalog, f: Filters) -> list[ModelEntry]:
    return [e for e in catalog.models.values() if matches(e, f)]


def why(e: ModelEntry, f: Filters) -> list[str]:
    """The fields that decided membership, in words ("objective: prefix LM (from ...)")."""
    out = []
    for o in f.objectives:
        if o in e.objectives:
            note = e.objective_notes.get(o)
            out.append(f"objective: {OBJECTIVE_LABELS[o]}" + (f" ({note})" if note else ""))
    if f.architectures:
        out.append(f"architecture: {e.architecture.value}")
    if f.labs:
        out.append("lab: " + ", ".join(e.labs))
    if f.license_classes or f.license_text:
        out.append(f"license: {e.license_class.value} ({e.license})")
    if f.domains:
        out.append("domain: " + ", ".join(d.value for d in e.domains if d in f.domains))
    if f.traits:
        out.append("trait: " + ", ".join(t.value for t in f.traits))
    if f.derived_from:
        out.append("derived from: " + ", ".join(d for d in e.derived_from if d in f.derived_from))
    if f.family:
        out.append(f"family: {e.family}")
    if f.date_from is not None or f.date_to is not None:
        out.append(f"date: {e.date}")
    if f.params_min is not None or f.params_max is not None or f.params_equal is not None:
        out.append(f"parameters: {e.params.raw}")
    if f.finetuned is not None:
        out.append("fine-tuning task" if e.task_is_finetuning else "pretrained (not a fine-tuning task)")
    if f.venue:
        out.append(f"venue: {e.paper.venue}")
    if f.corpus:
        out.append(f"corpus: {e.corpus}")
    return out


def superlative(entries: list[ModelEntry], s: Superlative) -> list[ModelEntry]:
    """The winner(s) by largest size or date; ties are all returned. Unknown sizes never win."""
    if s.field == "params":
        sized = [e for e in entries if e.params.max_millions is not None]
        if not sized:
            return []
        if s.largest:
            best = max(e.params.max_millions for e in sized)
            return [e for e in sized if e.params.max_millions == best]
        smallest = {e.id: min([v.millions for v in e.params.variants] or [e.params.max_millions]) for e in sized}
        best = min(smallest.values())
        return [e for e in sized if smallest[e.id] == best]
    if not entries:
        return []
    keys = [e.date.key for e in entries]
    best = max(keys) if s.largest else min(keys)
    return [e for e in entries if e.date.key == best]


def ranked(entries: list[ModelEntry], s: Superlative, n: int = 5) -> list[ModelEntry]:
    if s.field == "params":
        sized = [e for e in entries if e.params.max_millions is not None]
        return sorted(sized, key=lambda e: e.params.max_millions, reverse=s.largest)[:n]
    return sorted(entries, key=lambda e: e.date.key, reverse=s.largest)[:n]
