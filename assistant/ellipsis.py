"""Elliptic follow-ups: a turn that names only an attribute, an action, a ranking or a narrowing,
resolved against the previous turn ("what license?", "explain that objective", "what else did
they make?", "and the smallest?", "and of those, which were released in 2021?").

Salience: the previous QUESTION's subject outranks the models only named in its answer. "it",
"its" and a bare attribute take that subject: after "what is Code Llama built on?", "what license
is it under?" asks about Code Llama, not Llama 2. The subject is the grammatical one: when the
question's subject described the single model its answer named ("what is the parent of Alpaca?"
-> LLaMA; "is there a multilingual RoBERTa?" -> XLM-RoBERTa), "it" is that answered model, and
"tell me about BERT" -> "how big is it?" stays about BERT. A demonstrative ("that one", "the parent")
reaches the models the answer introduced; a pair word ("which is older?") takes the subject and
those models together. The resolved query carries a ``Referent`` saying which rule applied, and
the reading states it.

A set question with no head noun ("which are open?", "the biggest of them") narrows the previous
set: the previous set question's constraints are kept and the new ones added (AND), so several
narrowing turns accumulate; after any other answer, the new question runs within its models.
"""

from __future__ import annotations

from typing import Callable

from assistant.lexicon import Lexicon, lexicon
from assistant.query import And, Constraint, Intent, Query, Referent, leaves
from assistant.signals import comparative_ranking


def topic(session, demonstrative: bool = False, singular: bool = False) -> tuple[list[str], str]:
    """The models a singular reference or a bare attribute points to, and the rule that chose them.

    "It" is the previous question's grammatical subject. Usually that is the model it named ("tell
    me about BERT", "what is Code Llama built on?"). When the subject was a description of the one
    model the answer named ("what is the parent of Alpaca?", "what's Vicuna's base model?", the
    ``answer_subject`` cue; ``session.described``), that model is the subject and "it" is it.
    A ``singular`` pronoun after an answer that listed several models of one model's line ("which models came from
    Mistral 7B?") is that one model (``session.anchor``): "it" cannot be the several models listed."""
    introduced = [m for m in session.focus if m not in session.subject]
    if (demonstrative or session.described) and introduced:
        return introduced, "answer"
    if session.subject:
        return list(session.subject), "subject"
    if singular and session.anchor:
        return list(session.anchor), "subject"
    return list(session.focus), "answer"


def pair(session) -> list[str]:
    """The previous question's subject and the models its answer named, when that makes 2 or 3."""
    both = list(dict.fromkeys([*session.subject, *session.focus]))
    return both if 2 <= len(both) <= 3 else []


def _set_query(q: Query | None) -> bool:
    """A question that selected a set by constraints (a list or a count, not a breakdown)."""
    return bool(q and q.intent in (Intent.LIST, Intent.COUNT) and not q.models and not q.group_by
                and (q.where.items or q.exclude or q.within is not None))


def _ranked_set(q: Query | None) -> bool:
    """A ranking over a set ("the biggest model in the catalog"): the whole catalog when unconstrained."""
    return bool(q and q.superlative and q.intent in (Intent.LIST, Intent.COUNT) and not q.models and not q.group_by)


def _flipped(query: Query, last: Query) -> Query:
    """"and the smallest?" after a ranking that named its measure ("by its largest version") keeps it."""
    if query.superlative.measure or not (last.superlative and last.superlative.measure):
        return query
    return query.model_copy(update={"superlative": query.superlative.model_copy(update={"measure": last.superlative.measure})})


def narrowed(query: Query, session, intent: Intent) -> Query:
    """The previous set's constraints AND the new ones (or, after another answer, its models)."""
    last = session.last_query
    if _set_query(last) or _ranked_set(last):
        update = {"where": And(items=[*last.where.items, *query.where.items]), "exclude": [*last.exclude, *query.exclude],
                  "within": last.within, "relations": [*last.relations, *query.relations]}
    else:
        update = {"within": list(session.last_models)}
    whole = "where" in update and not (update["where"].items or update["exclude"] or update["within"] is not None)
    referent = None if whole else Referent(word="", models=[], source="list")  # a re-ranking of the whole catalog
    return query.model_copy(update={**update, "intent": intent, "referent": referent})


def resolve_elliptic(query: Query, session, plural: bool, concepts_of: Callable | None = None) -> Query | None:
    """The query resolved by one of the elliptic rules, or None when none applies."""
    if session.last_query is None and not session.focus:
        return None
    lex = lexicon(query.language)
    low = query.text.lower()
    own = query.constrained()
    if query.models or query.lookup or query.group_by or query.all_models:
        return None
    elliptic = not lex.has("set_noun", low)
    # "explain how that works" after "what objective does ELECTRA use?": "that" is the mechanism the last question asked for
    explaining = any(lex.has(cue, low) for cue in ("explain", "definitional", "how_works"))
    facet = _facet_ref(lex, low) or (_asked_facet(session) if lex.has("points_back", low) and explaining else None)
    if concepts_of is not None and facet and explaining and not own:
        models, source = topic(session, lex.has("demonstrative", low))
        ids = [c for m in models[:1] for c in concepts_of(facet, m)]
        if ids:  # "explain that objective": the concept(s) of the objective the model was said to use
            return query.model_copy(update={"intent": Intent.CONCEPT, "concept": ids[0], "other_concepts": ids[1:],
                                            "superlative": None, "referent": Referent(word=facet, models=models[:1],
                                                                                      source=source)})
    if query.superlative and not own and elliptic and (_set_query(session.last_query) or _ranked_set(session.last_query)):
        return narrowed(_flipped(query, session.last_query), session, Intent.COUNT)  # "and the smallest?", "the biggest of them"
    if query.aggregate and not own and len(session.last_models) > 1:  # "how many parameters do they have in total?"
        return narrowed(query, session, Intent.COUNT)  # one number over the previous answer's models
    if own and len(session.last_models) > 1 and (lex.has("narrow", low) or (lex.has("bare_which", low) and elliptic)):
        return narrowed(query, session, Intent.COUNT if query.intent is Intent.COUNT else Intent.LIST)
    if query.concept:
        return None
    if not own and not query.superlative and not plural and (query.attributes or query.cite) and not query.unrecorded \
            and not lex.ref("about_it", query.text):  # "its successor, how big?" asks about the successor
        models, source = topic(session, lex.has("demonstrative", low), singular=bool(lex.ref("singular", query.text)))
        if models:  # "what license?", "paper?", "and how many are active per token?"
            # "what model is it built on, and who made that one?": still its lineage (the parent's card names its lab)
            intent = Intent.CITATION if query.cite and not query.attributes else Intent.FACT
            intent = Intent.LINEAGE if query.intent is Intent.LINEAGE else intent
            return query.model_copy(update={"models": models, "intent": intent,
                                            "referent": Referent(word="", models=models, source=source)})
    if (not own and not query.superlative and not plural and query.unrecorded and not query.cite
            and elliptic and session.focus and not lex.ref("about_it", query.text)):
        # "what's the corpus for GPT-3?" then "how many tokens is that roughly?": a field the catalog does not record,
        # asked of the one model discussed, so its entry's words on it can be quoted
        models, source = topic(session, lex.has("demonstrative", low), singular=bool(lex.ref("singular", query.text)))
        if len(models) == 1:
            return query.model_copy(update={"models": models, "intent": Intent.FACT,
                                            "referent": Referent(word="", models=models, source=source)})
    return None


def _asked_facet(session) -> str | None:
    """The mechanism field (objective, architecture) the last question asked for, if any."""
    asked = {a.value for a in session.last_query.attributes} if session.last_query is not None else set()
    return next((facet for facet in ("objective", "architecture") if facet in asked), None)


def _facet_ref(lex: Lexicon, low: str) -> str | None:
    """The facet a pointing phrase names ("that objective" -> objective), if any."""
    for facet in ("objective", "architecture"):
        if lex.has(f"ref_{facet}", low):
            return facet
    return None


# the field a pending "the same <what>" names, as a facet of a set question's constraints (the rest are labs, as in
# ``relations.same_as``); "the same parent" has no constraint of its own to take over
_SAME_FACET = {"year": "date", "month": "date", "architecture": "architecture", "family": "family", "license": "license",
               "objective": "objective", "parent": None, "authors": None}


def same_as_before(query: Query, session) -> Query | None:
    """"decoder models from 2019" then "and encoders from the same year?": after a set question, "the same year"
    (lab, architecture ...) is the value the previous question itself set on that field, not a model of its
    answer. The query with those constraints in place of the pending relations, or None."""
    last = session.last_query
    if not _set_query(last) or last.models:
        return None
    taken = []
    for x in query.pending():
        facet = _SAME_FACET.get(x.facet, "lab")
        nodes = [n for n in last.where.items if facet and {c.facet for c, _ in leaves(n)} == {facet}]
        if not nodes:
            return None
        taken += nodes
    return query.model_copy(update={"where": And(items=[*query.where.items, *taken]),
                                    "relations": [x for x in query.relations if x.model]})


def ranked_pick(query: Query, session) -> Query | None:
    """"Which models are from Anthropic?" then "which of those is newer?": a comparative over the previous set (a
    pointing word back at it) picks its first by that measure, as "which of them is the newest?" would (the
    lexicon's ``comparative_rank``: word -> field and direction)."""
    lex = lexicon(query.language)
    low = query.text.lower()
    pick = lex.ref("pick_of", query.text)  # "the older of the two?"
    if query.models or query.constrained() or len(session.last_models) < 2 or not (pick or lex.ref("plural", query.text)):
        return None
    if not (_set_query(session.last_query) or _ranked_set(session.last_query)) or not (pick or lex.ref("which_one", query.text)):
        return None
    ranked = comparative_ranking(low, lex)
    if ranked is None:
        return None
    return narrowed(query.model_copy(update={"superlative": ranked, "intent": Intent.COUNT}), session, Intent.COUNT)


def their_parents(query: Query, session) -> Query | None:
    """"Which models added since the paper come from BigScience?" then "and which of the paper's models did they
    come from?": the models the previous answer's models were built on (the ``parent`` facet; every generation
    with a word for ancestors), filtered by the question's own constraints."""
    lex = lexicon(query.language)
    if query.models or not query.where.items or not session.last_models or not lex.ref("their_origin", query.text):
        return None
    facet = "ancestor" if lex.has("ancestry", query.text.lower()) else "parent"
    kin = Constraint(facet=facet, values=list(session.last_models))
    return query.model_copy(update={"where": And(items=[*query.where.items, kin]), "intent": Intent.LIST, "superlative": None,
                                    "referent": Referent(word="", models=list(session.last_models), source="answer")})
