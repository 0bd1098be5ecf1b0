"""Attributes the catalog has no field for, found in a model's own key points.

The catalog records a fixed set of fields; anything else ("context length", "training cost") is
abstained on. But a model's key points sometimes state it ("native 8,192-token context"). When
every model asked about has a key point with the attribute's evidence word and a number, the
answer quotes those key points, cited; otherwise the caller abstains as before. The evidence
words per attribute are data (``unrecorded_evidence`` in the lexicon). Facts stated in free
text ("46 natural + 13 programming languages", "1.4T training tokens") are also found in the
corpus line and the summary, where the evidence itself must hold the number.
"""

from __future__ import annotations

import re

from assistant.answer import Answer
from assistant.compose import Draft
from assistant.lexicon import lexicon, phrase_pattern
from assistant.query import Intent, Query
from catalog import Catalog, ModelEntry

_NUMBER = re.compile(r"\d")
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def notes_for(entry: ModelEntry, patterns: list[re.Pattern], others: list[re.Pattern] = ()) -> list[str]:
    """The entry's key points (and architecture note) that state the attribute with a number, and
    no other unrecorded attribute ("context window doubled to 1024 tokens" is about context)."""
    notes = [*entry.key_points, *([entry.architecture_note] if entry.architecture_note else [])]
    return [n for n in notes if _NUMBER.search(n) and any(p.search(n) for p in patterns) and not _other(n, patterns, others)]


def _other(text: str, patterns: list[re.Pattern], others: list[re.Pattern]) -> bool:
    """The text states another unrecorded attribute: words of its evidence outside the asked attribute's own
    ("256K tokens of context" is a context length, though "256K tokens" alone would count training tokens)."""
    own = [m.span() for p in patterns for m in p.finditer(text)]
    return any(not any(s < m.end() and m.start() < e for s, e in own) for p in others for m in p.finditer(text))


def _stated(text: str, patterns: list[re.Pattern]) -> bool:
    """The evidence itself holds the number ("46 natural + 13 programming languages")."""
    return any((m := p.search(text)) and _NUMBER.search(m.group()) for p in patterns)


def quotes(entry: ModelEntry, patterns: list[re.Pattern], others: list[re.Pattern]) -> tuple[list[str], str]:
    """The catalog text that states the attribute, from the first source that does: the corpus
    line, the key points, the summary sentences. Returns the texts and the template key."""
    if entry.corpus and _stated(entry.corpus, patterns):
        return [entry.corpus.strip()], "from_text"
    notes = notes_for(entry, patterns, others)
    if notes:
        return notes, "from_key_points"
    said = [t.strip() for t in _SENTENCE.split(entry.summary.strip())
            if _stated(t, patterns) and not any(p.search(t) for p in others)]
    return said[:2], "from_text"


def _asked(what: str, evidence: list[str], question: str) -> list[re.Pattern]:
    """The evidence patterns of one unrecorded attribute; for one whose evidence words are names (lexicon
    ``unrecorded_named``: benchmarks), only the names the question itself says, when it says any."""
    patterns = [phrase_pattern(p) for p in evidence]
    if what not in lexicon("en").data.get("unrecorded_named", []):
        return patterns
    said = {m.group().lower() for p in patterns for m in p.finditer(question)}
    return [re.compile(rf"(?<!\w){re.escape(w)}(?!\w)", re.I) for w in sorted(said)] or patterns


def answer_from_notes(catalog: Catalog, q: Query) -> Answer | None:
    """The catalog text that states an unrecorded attribute of every asked model, quoted and
    cited, then the recorded attributes the question also asks; None when a model states nothing."""
    from assistant.query import Attribute
    from assistant.premises import premise_corrections, stated_premises
    from assistant.respond import sentences

    lex = lexicon(q.language)
    evidence = lexicon("en").data.get("unrecorded_evidence", {})
    patterns = [p for what in q.unrecorded for p in _asked(what, evidence.get(what, []), q.text)]
    others = [phrase_pattern(p) for what, ps in evidence.items() if what not in q.unrecorded for p in ps]
    if not q.models or not patterns:
        return None
    found = {m: quotes(catalog.models[m], patterns, others) for m in q.models}
    if not all(texts for texts, _ in found.values()):
        return None
    d = Draft(catalog, Intent.FACT, q.language)
    premise_corrections(catalog, stated_premises(q), d)
    for m, (texts, key) in found.items():
        e = catalog.models[m]
        d.add(lex.say(key, name=e.name, notes="; ".join(f"“{t}”" for t in texts), cite=d.cite(m)))
        asked = [a for a in q.attributes if not (a is Attribute.CORPUS and e.corpus.strip() in texts)]
        if asked:
            d.add(sentences(e, d, asked))
    return d.finish()
