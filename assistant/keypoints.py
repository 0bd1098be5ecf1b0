"""Attributes the catalog has no field for, found in a model's own key points.

The catalog records a fixed set of fields; anything else ("context length", "training cost") is
abstained on. But a model's key points sometimes state it ("native 8,192-token context"). When
every model asked about has a key point with the attribute's evidence word and a number, the
answer quotes those key points, cited; otherwise the caller abstains as before. The evidence
words per attribute are data (``unrecorded_evidence`` in the lexicon).
"""

from __future__ import annotations

import re

from assistant.answer import Answer
from assistant.compose import Draft
from assistant.lexicon import lexicon, phrase_pattern
from assistant.query import Intent, Query
from catalog import Catalog, ModelEntry

_NUMBER = re.compile(r"\d")


def notes_for(entry: ModelEntry, patterns: list[re.Pattern]) -> list[str]:
    """The entry's key points (and architecture note) that state the attribute with a number."""
    notes = [*entry.key_points, *([entry.architecture_note] if entry.architecture_note else [])]
    return [n for n in notes if _NUMBER.search(n) and any(p.search(n) for p in patterns)]


def answer_from_notes(catalog: Catalog, q: Query) -> Answer | None:
    """The key points that state an unrecorded attribute of every asked model, or None."""
    lex = lexicon(q.language)
    evidence = lex.data.get("unrecorded_evidence", {})
    patterns = [phrase_pattern(p) for what in q.unrecorded for p in evidence.get(what, [])]
    if not q.models or not patterns:
        return None
    found = {m: notes_for(catalog.models[m], patterns) for m in q.models}
    if not all(found.values()):
        return None
    d = Draft(catalog, Intent.FACT, q.language)
    for m, notes in found.items():
        quoted = "; ".join(f"“{n}”" for n in notes)
        d.add(lex.say("from_key_points", name=catalog.models[m].name, notes=quoted, cite=d.cite(m)))
    return d.finish()
