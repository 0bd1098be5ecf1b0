"""Described models: a question that identifies a model by what it does, in words no catalog field holds.

"Which model squeezes the key-value cache into a small latent vector?" names no objective, trait or
architecture value; DeepSeek-V2's entry says it in its own text. When the understanding leaves such a
description (``Query.described``: content words no reading used, not read as a field with confidence),
the models are ranked by the entries' own text: dense cosine of the description (the vector the
paraphrase matcher already computed, so no extra encode) and BM25 of the whole question (the names it
mentions help: "a CLIP image encoder", "fine-tuned from Mistral"), over each entry's summary and facts.

Precedence, in one place (``resolve``): a set asked for ("which models ...") whose description reads
clearly as a field value (leading the next value by ``CLEAR``) keeps that field; a typed reading of the
description wins and stays exact when the best-identified model satisfies it; a description the typed reading does not fit (no model of the
typed set is the one the text identifies clearly) is answered by the identified model, and the reading
line says it was identified by its description, quoting the words. Constraints that scope the set (the
paper's part, a lab, a date, a size, a licence, a lineage) always restrict the candidates; models named
inside the description are never its answer. A weak identification changes nothing.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from assistant.lexicon import lexicon
from assistant.query import And, Intent, Query, Reason, leaves
from assistant.retrieve import select
from catalog import Catalog, ModelEntry
from index.documents import DocKind

# fields that describe what a model does: a description may stand for them (and be read wrongly as them);
# every other field scopes the set the description picks from
DESCRIBING = frozenset({"objective", "architecture", "trait", "domain", "corpus", "finetuned"})
KINDS = (DocKind.SUMMARY, DocKind.FACTS)
DEPTH = 40  # documents ranked by each search
LEAD = 1.8  # BM25: the identified model's score over the next model's, for the words to single it out
AGREE_LEAD = 1.3  # ... when dense search ranks the same model first, a smaller lead suffices
FLOOR = 4.0  # the identified model's BM25 score, at least (a single common word does not identify a model)
SHARED = 2  # distinct words of the description (4 letters or more) the entry's own text must hold
CLEAR = 0.1  # a reading by meaning that leads the next value by this much is clear: a set asked for keeps it
TIE = 0.9  # other models within this fraction of the first BM25 score and dense-ranked in the top 3 are named too


class Identified(NamedTuple):
    model: str
    dense: float
    lexical: float
    evidence: str  # the sentence of the entry that shares most words with the description


def scope_of(q: Query) -> And:
    """The constraints that scope the set a description picks from (those of no describing field)."""
    return And(items=[n for n in q.where.items if all(c.facet not in DESCRIBING for c, _ in leaves(n))])


def _best(hits, attr: str) -> dict[str, float]:
    out: dict[str, float] = {}
    for h in hits:
        score = getattr(h, attr)
        if h.model_id and score is not None and score > out.get(h.model_id, float("-inf")):
            out[h.model_id] = float(score)
    return out


def identify(catalog: Catalog, index, q: Query, candidates: list[str]) -> list[Identified]:
    """The model(s) the description singles out among ``candidates``, best first; none when the entries'
    text does not single one out clearly."""
    if not q.described or not candidates:
        return []
    dense = _best(index.dense(q.described, k=DEPTH, only=candidates, kinds=KINDS), "dense")
    lexical = _best(index.lexical(q.text, k=DEPTH, only=candidates, kinds=KINDS), "lexical")
    ranked = sorted(lexical, key=lambda m: -lexical[m])
    if not ranked:
        return []
    first = ranked[0]
    second = lexical[ranked[1]] if len(ranked) > 1 else 0.0
    by_dense = sorted(dense, key=lambda m: -dense[m])
    agree = bool(by_dense) and by_dense[0] == first
    lead = LEAD if not agree else AGREE_LEAD
    if lexical[first] < FLOOR or lexical[first] < lead * max(second, 1e-9) or _shared(catalog.models[first], q.described) < SHARED:
        return []
    found = [first] + [m for m in ranked[1:4] if lexical[m] >= TIE * lexical[first] and m in by_dense[:3]
                       and _shared(catalog.models[m], q.described) >= SHARED]
    return [Identified(m, round(dense.get(m, 0.0), 4), round(lexical[m], 4), evidence(catalog.models[m], q.described))
            for m in found]


_WORD = re.compile(r"[a-z0-9]+")


def _stems(text: str) -> set[str]:
    """Content words cut to five letters ("compresses", "compressed" alike); words under four letters are left out."""
    stop = lexicon("en").stopwords
    return {w[:5] for w in _WORD.findall(text.lower()) if len(w) >= 4 and w not in stop}


def _entry_text(e: ModelEntry) -> str:
    return " ".join([e.summary, *e.key_points, e.corpus, e.architecture_note or "", e.application, e.task,
                     *e.objective_notes.values()])


def _shared(e: ModelEntry, description: str) -> int:
    """How many distinct content words of the description the entry's own text holds."""
    return len(_stems(description) & _stems(_entry_text(e)))


def summary_sentences(e: ModelEntry) -> list[str]:
    """The sentences of an entry's summary."""
    return re.split(r"(?<=[.!?])\s+", e.summary.strip())


def evidence(e: ModelEntry, description: str) -> str:
    """The key point or summary sentence of an entry that shares most words with the description."""
    want = _stems(description)
    sentences = [*e.key_points, *summary_sentences(e)]
    return max(sentences, key=lambda s: (len(want & _stems(s)), -len(s))) if sentences else ""


def resolve(catalog: Catalog, index, q: Query) -> tuple[Query, list[Identified]] | None:
    """The query answered by its described model(s), or None when the typed reading stands (or nothing
    is identified). The one precedence rule: the typed reading wins when the identified model is in its set."""
    if (not q.described or index is None or q.language != "en" or q.intent is not Intent.LIST or q.models
            or q.group_by or q.superlative or q.within is not None or q.all_models):
        return None
    scope = q.model_copy(update={"where": scope_of(q)})
    mentioned = set(q.references)
    candidates = [e.id for e in select(catalog, scope) if e.id not in mentioned]
    found = identify(catalog, index, q, candidates)
    if not found:
        return None
    typed = {e.id for e in select(catalog, q)} if q.reason is Reason.NONE and q.where.items != scope.where.items else set()
    meaning = any(c.via == "paraphrase" for c, _ in leaves(q.where))
    one = lexicon(q.language).has("described_one", q.text.lower())
    if typed and meaning and not one and (q.meaning_lead or 0.0) >= CLEAR:
        return None  # a set asked for ("which models ...") and its description clearly read as a field: the field
    if found[0].model in typed:
        if meaning or not one:
            return None  # the description is read as a field with confidence: the typed filter wins and stays exact
        found = [f for f in found if f.model in typed]  # one model asked for, the rest of its description unread:
        kept = q  # the model the words single out among the typed set ("which science model ... special tokens for citations")
    else:
        kept = scope
    return kept.model_copy(update={"identified": [f.model for f in found], "reason": Reason.NONE, "unparsed": [],
                                   "closest": [], "concept": None}), found


def answer_described(catalog: Catalog, q: Query, found: list[Identified]):
    """The model(s) a description identified, each with the entry sentence that matches it, cited; the first
    sentence says the model was identified by its description (not by a recorded field)."""
    from assistant.compose import Draft, line, md_escape

    lex = lexicon(q.language)
    d = Draft(catalog, Intent.LIST, q.language)
    names = ", ".join(f"**{catalog.models[f.model].name}**" for f in found)
    d.add(lex.say("described_one" if len(found) == 1 else "described_many", names=names, text=md_escape(q.described or "")))
    d.add("\n".join(line(catalog.models[f.model], d, [lex.say("described_evidence", text=md_escape(f.evidence))])
                    for f in found))
    return d.finish()
