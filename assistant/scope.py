"""Negation scope: which constraint each negation cue governs.

A negation cue ("not", "non-", "no", "without", "excluding", "other than", "didn't") governs the
next constraint-bearing phrase after it *in its clause*: between the two there may be no clause
break (a comma, "that", "which", "but" ...: the lexicon's ``clause_break`` cue), no other
negation cue, and at most ``MAX_GAP`` words that are not filler ("not trained with *plain*
causal LM", "no *known* license"). So a constraint before the cue stays positive: "models from
2021 that are not decoders", "Mistral models which aren't MoE" negate the decoder and the MoE
only. A negated verb with nothing to govern after it negates the phrase just before it
("encoder-decoders Google did not build"), and the items of a list joined by "or / and / nor /
," share the negation of the first ("not from Google, Meta or OpenAI"; "Google, Meta and
DeepMind did not make").

The same rule decides which named models an exclusion cue leaves out ("other than BERT"): see
``governs``; a list of models after one cue ("excluding GPT, GPT-2 and GPT-3") is left out whole.
"""

from __future__ import annotations

import re
from typing import Protocol

MAX_GAP = 3  # words other than filler a cue may reach across ("not trained with plain causal LM")


class Span(Protocol):
    start: int
    end: int
    facet: str
    negated: bool


def cues(lex, text: str, taken: list[tuple[int, int]]) -> list[re.Match]:
    """The negation cues of a text, left to right, leaving out those inside a phrase read as
    something else ("non-commercial", "no more than 10B") and the idioms that negate nothing
    ("not only", "not sure")."""
    low = text.lower()
    void = [m.span() for m in lex.find("negation_void", low)]
    out = {}
    for m in lex.find("negation", low):
        inside = any(s <= m.start() < e for s, e in taken) or any(s <= m.start() < e for s, e in void)
        if not inside and m.start() not in out:
            out[m.start()] = m
    return [out[k] for k in sorted(out)]


def governs(lex, text: str, cue_end: int, start: int, filler: frozenset, max_gap: int = MAX_GAP) -> bool:
    """Whether a cue ending at ``cue_end`` reaches a phrase starting at ``start``: same clause,
    no other cue between, and at most ``max_gap`` words that are not filler. A relative clause
    that only names what is left out ("apart from the ones that are LLaMA-based", "except those
    which use RLHF": the lexicon's ``negation_relative``) is the cue's object, not a new clause."""
    gap = text[cue_end:start]
    head = lex.first("negation_relative", gap.lower())
    if head:
        gap = gap[head.end():]
    if lex.has("clause_break", gap) or lex.has("negation", gap):
        return False
    return sum(1 for w, _, _ in lex.tokenize(gap) if w.lower() not in filler) <= max_gap


def assign(lex, text: str, found: list, filler: frozenset, excluded: list[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Mark each found phrase a cue governs as negated; return the spans of the cues used. A cue spent on
    models left out (``excluded``: "excluding BERT and its descendants") governs a phrase after them only when a
    conjunction joins it to them, as one more item of what is left out ("excluding GPT-3 and any decoder"); a phrase
    right after them is the head they were left out of ("不包括 BERT 及其所有后代的编码器模型", glossed "excluding BERT
    and its descendants encoder models": the encoders stay positive)."""
    spans = [f for f in sorted(found, key=lambda f: f.start) if f.end]
    used: list[tuple[int, int]] = []
    forward: dict[int, bool] = {}  # cue start -> whether it governs a phrase after it
    for cue in cues(lex, text, [(f.start, f.end) for f in spans]):
        target = next((f for f in spans if f.start >= cue.end()), None)
        forward[cue.start()] = bool(target and _reaches(lex, text, cue, target.start, filler, excluded))
        if forward[cue.start()]:
            for f in spans:  # every reading of the phrase ("similar to X": its architecture and objectives)
                f.negated = f.negated or f.start == target.start
            used.append((cue.start(), target.start))
    after: set[int] = set()  # phrases negated by a verb after them (unless the verb is part of the next phrase)
    low = text.lower()
    for f in spans:
        m = lex.first("negation_after", low[f.end:f.end + 30])
        inside = any(g.start < f.end + m.end() <= g.end for g in spans if g is not f) if m else False
        # "Which Meta models are not part of the LLaMA line": a negation that leaves a model out is spent on it
        spent = any(f.end <= s < f.end + m.end() for s, _ in excluded) if m else False
        if m and not f.negated and not inside and not spent and not any(forward.get(k) for k in range(f.end, f.end + m.end())):
            f.negated = True
            after.add(id(f))
            used.append((f.end, f.end + m.end()))
    _share_along_lists(lex, text, spans, after)
    _share_with_glosses(lex, text, spans)
    return used


def _reaches(lex, text: str, cue: re.Match, start: int, filler: frozenset, excluded) -> bool:
    """Whether a cue reaches a phrase starting at ``start`` (``governs``). Models it left out on the way
    (``excluded``) spend it: a conjunction right after the last of them must join the phrase to them, one more item
    left out ("excluding GPT-3 or any decoder", "except T5 and its descendants and encoders"), measured from there; a
    phrase merely put after them is what they are left out of."""
    ends = [e for s, e in excluded if cue.start() <= s < start and e <= start]
    if not ends:
        return governs(lex, text, cue.end(), start, filler)
    gap = text[max(ends):start]
    m = lex.first("list_conjunction", gap)
    return bool(m) and gap[:m.start()].strip() in ("", ",") and governs(lex, text, max(ends), start, filler)


def joined(lex, gap: str) -> bool:
    """Whether ``gap`` only joins two items of one list (the lexicon's ``list_joiner``)."""
    return lex.has("list_joiner", gap)


# fields whose values are names of groups of models, listed together ("not Qwen or DeepSeek": a family, a lab)
KIN = ({"lab", "family"},)


def _kin(lex, a: str, b: str, gap: str) -> bool:
    """Two phrases one list may hold: of one field, or of kin fields joined by a conjunction (a comma
    alone between a family and a lab ends a clause: "除了GPT系列之外，OpenAI ...")."""
    return a == b or (any(a in group and b in group for group in KIN) and lex.has("list_conjunction", gap))


def _share_with_glosses(lex, text: str, spans: list) -> None:
    """"not a denoising (DAE) objective", "不是因果语言建模（causal LM）": a bracketed restatement of the
    phrase before it (the lexicon's ``gloss_opener`` between them, the same field and value) belongs to that
    phrase and has its polarity. Brackets naming other values ("not text models (vision, speech)") keep their own.
    A group of models restated by the name it is called after is the same phrase too: "except the BART ones (BART and
    its derivatives)" leaves out the BART family, BART and its descendants (the fields of ``NAMED``, names compared
    as the catalog ids are written)."""
    for prev, f in zip(spans, spans[1:]):
        same = prev.facet == f.facet and _values(prev) & _values(f)
        named = prev.facet in NAMED and f.facet in NAMED and _names(prev) & _names(f)
        if (same or named) and lex.has("gloss_opener", text[prev.end:f.start]):
            for g in spans:  # every reading of the restatement ("BART or its descendants")
                if g is f or (f.alt and g.alt == f.alt):
                    g.negated = prev.negated


# fields whose values name one group of models by a model's name: a family, the model, its descendants
NAMED = frozenset({"family", "model", "descends", "derived"})


def _values(f) -> set[str]:
    return {str(v) for v in (f.value if isinstance(f.value, list) else [f.value])}


def _names(f) -> set[str]:
    return {"-".join(v.lower().split()) for v in _values(f)}


def illustrations(lex, text: str, found: list) -> list:
    """Values named after a negated phrase as examples of what is left ("not text models (vision, speech,
    and so on)", "that don't work on text - images, proteins, that kind of thing", "aren't encoders, e.g.
    decoders"): the same field's values right after it, opened by the lexicon's ``examples_opener`` and,
    unless that opener says "for example" itself, closed by ``examples_closer``. They illustrate the
    complement the negation leaves, so they are no constraint."""
    spans = sorted((f for f in found if f.end), key=lambda f: f.start)
    out: list = []
    for i, neg in enumerate(spans):
        if not neg.negated or neg in out:
            continue
        run = []
        for f in spans[i + 1:]:
            gap = text[(run[-1] if run else neg).end:f.start]
            if f.facet != neg.facet or f.negated or not (lex.has("examples_opener", gap) if not run else joined(lex, gap)):
                break
            run.append(f)
        if not run:
            continue
        opener = lex.first("examples_opener", text[neg.end:run[0].start])
        tail = text[run[-1].end:run[-1].end + 40]
        if lex.has("examples_marker", opener.group()) or lex.has("examples_closer", tail):
            out += run
    return out


def _share_along_lists(lex, text: str, spans: list, after: set[int]) -> None:
    """"not Google or Meta": forward along a list; "Google, Meta and DeepMind did not make": back.
    Two values of one field with nothing but a space between are no list: "不是 RLHF 的指令微调模型"
    glossed "not RLHF instruction tuning models" leaves the instruction tuning positive (one value said
    twice is one phrase: "other than GPT-style decoders")."""
    for prev, f in zip(spans, spans[1:]):
        gap = text[prev.end:f.start]
        rest = "," in gap and lex.has("list_rest", text[f.start:f.end].lower())  # "excluding A and B, other X": the rest
        if prev.negated and not f.negated and _kin(lex, prev.facet, f.facet, gap) and joined(lex, gap) and (gap.strip() or _values(prev) & _values(f)) and not rest:
            f.negated = True
        elif prev.negated and not f.negated and prev.facet == f.facet and (prev.start, prev.end) == (f.start, f.end):
            f.negated = True  # the two ends of one phrase's range ("not in 2019 or 2021": both ends of 2021) share its polarity
    for i in range(len(spans) - 2, -1, -1):
        f, nxt = spans[i], spans[i + 1]
        if id(nxt) in after and not f.negated and _kin(lex, f.facet, nxt.facet, text[f.end:nxt.start]) and joined(lex, text[f.end:nxt.start]):
            f.negated = True
            after.add(id(f))
