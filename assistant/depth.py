"""How deep a lineage goes: the depth modifiers of a lineage relation.

"descendants of X" asks for every generation, "derived from X" for the children; a modifier next to
the relation decides over the cue ("descend from Gopher (any depth)", "at any remove, descendants of
X", "built on T5 (direct only)"), and its words belong to the relation, so no other reading takes
them ("depth" is not the unrecorded number of layers). The cues are the lexicon's
``lineage_any_depth`` (every generation) and ``lineage_direct_only`` (the children).
"""

from __future__ import annotations

from assistant.facets import ANY_MODEL
from assistant.lexicon import Lexicon
from assistant.spans import Reading, free

_CUES = (("lineage_any_depth", True), ("lineage_direct_only", False))


def modifiers(lex: Lexicon, low: str, start: int, end: int) -> list[tuple[tuple[int, int], bool]]:
    """Depth modifiers of the lineage relation read at ``start``..``end``: right after it
    ("descend from Gopher (any depth)") or right before it ("at any remove, descendants of X"),
    each with whether it asks for every generation; else one elsewhere in the question."""
    out = []
    for cue, deep in _CUES:
        tail = lex.first(cue, low[end:end + 40])
        if tail and not low[end:end + tail.start()].strip(" ,;:-("):
            out.append(((end + tail.start(), end + tail.end()), deep))
            continue
        lead = low[max(0, start - 40):start]
        for hit in lex.find(cue, lead):
            if not lead[hit.end():].strip(" ,;:-)"):
                out.append(((start - len(lead) + hit.start(), start - len(lead) + hit.end()), deep))
    return out or _apart(lex, low, start, end)


def _apart(lex: Lexicon, low: str, start: int, end: int) -> list[tuple[tuple[int, int], bool]]:
    """A depth modifier elsewhere in the question ("what came out of Gemini 1.0 — which models build on it,
    including indirectly?"): it qualifies the lineage when it is the only kind of modifier the question has."""
    hits = [((h.start(), h.end()), deep) for cue, deep in _CUES for h in lex.find(cue, low) if h.end() <= start or h.start() >= end]
    return hits if len({deep for _, deep in hits}) == 1 else []


def alone(lex: Lexicon, text: str, r: Reading) -> None:
    """A depth modifier no relation took ("what's in the ancestry of Dolly (any depth)?", "which descendants
    does ViT have, all generations?"): in a lineage question its words qualify the lineage, never another
    field: the lineage read from a set or a descendant word takes that depth; with none, it is the depth
    of the subject's ancestry (``Reading.ancestors``)."""
    low = text.lower()
    if not lex.has("lineage", low):
        return
    hits = [(h.span(), deep) for cue, deep in _CUES for h in lex.find(cue, low) if free(h.span(), r.used)]
    if not hits or len({deep for _, deep in hits}) != 1:
        return
    deep = hits[0][1]
    line = [f for f in r.found if f.facet in ("derived", "descends") and f.value != ANY_MODEL]
    for f in line:
        f.facet, f.direct = ("descends" if deep else "derived"), not deep
    if not line:
        r.ancestors = deep
    for span, _ in hits:
        r.use(*span)
        r.quiet.append(span)


def noun_apart(lex: Lexicon, low: str, start: int, end: int) -> bool:
    """A lineage whose own cue says no depth ("what came out of Gopher", "built on T5") and a noun for the models
    after a model elsewhere in the question that means every generation ("... list its descendants", "I want every
    descendant"): the lineage counts every generation. A children word ("children", "direct offspring") or a depth
    modifier anywhere keeps it as it was."""
    if lex.has("direct_lineage", low):
        return False
    return any(lex.has("transitive_lineage", h.group()) for h in lex.find("descendant_words", low)
               if h.end() <= start or h.start() >= end)
