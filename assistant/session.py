"""Conversation state and follow-up resolution.

A session remembers the models of the last answer (in the order shown) and its focus, so
"those", "them", "it", "its", "the second one", "which of them…" and "and BERT?" resolve
against it. With nothing to refer to, the assistant asks instead of guessing. The reference cues
are data: the lexicon's ``followup`` section (``Lexicon.ref``) and its ``ordinals``.

A repeated question ("same question but for Google", "repeat that for encoders", "do that again
for DeepMind", the lexicon's ``repeat`` cue) is the previous typed query with each value named
replacing the previous value of the same facet, in place and with its polarity (after "which
models aren't from Google?", "same for Meta" leaves Meta out); every other constraint, negation
and exclusion is kept. A model named in place of one the previous set was defined by ("which
models are derived from LLaMA?" → "same for T5") takes its place in those constraints.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.ellipsis import narrowed, pair, ranked_pick, resolve_elliptic, same_as_before, their_parents, topic
from assistant.signals import comparative_ranking
from assistant.lexicon import lexicon
from assistant.spans import blank
from assistant.query import (And, Attribute, Constraint, Exclusion, Intent, Not, Op, Premise, Query, Reason, Referent, Relation,
                             Superlative, leaves)

@dataclass
class Session:
    """One conversation: what the last answer was about."""

    last_models: list[str] = field(default_factory=list)
    subject: list[str] = field(default_factory=list)  # the models the last question was about (outranks its answer's)
    lists: list[list[str]] = field(default_factory=list)  # earlier multi-model answers, newest last
    focus: list[str] = field(default_factory=list)
    concept: str | None = None  # the concept last explained, for "which models use it?"
    recent: list[str] = field(default_factory=list)  # models discussed one at a time, newest last
    # the models of a run of turns, each about a model the turn before named ("what is Sparrow based on?" -> "and what is
    # that based on?": Sparrow, Chinchilla, Gopher): what "they" means after one model answered
    chain: list[str] = field(default_factory=list)
    last_query: Query | None = None
    described: bool = False  # the last question's subject described the one model its answer named
    # the one model the last question was about when its answer listed several ("what is BERT derived from?", "which
    # models came from T5?"): what "it" means next, since the several models listed are no "it"
    anchor: list[str] = field(default_factory=list)
    turns: int = 0

    def remember(self, query: Query, models: list[str], abstained: bool, concept: str | None = None) -> None:
        self.turns += 1
        if abstained:
            return
        self.concept = concept
        if concept:
            self.focus, self.last_query = [], query
            if models and query.where.items:  # "what are the text-to-image models?": the concept and its set
                self.last_models, self.lists = list(models), [*self.lists[-4:], list(models)]
            return
        if not models:
            return
        self.last_models = list(models)
        self.subject = list(query.models)[:3]
        self.described = (len(models) == 1 and models[0] not in self.subject
                          and lexicon(query.language).has("answer_subject", query.text))
        if len(models) <= 2:
            shown = list(dict.fromkeys([*self.subject, *models]))
            self.recent = [m for m in self.recent if m not in shown][-4:] + shown
            linked = self.chain and set(self.subject) & set(self.chain[-2:])
            self.chain = list(dict.fromkeys([*self.chain, *shown]))[-6:] if linked else shown
        else:
            self.chain = []
        if len(models) > 1:
            self.lists = [*self.lists[-4:], list(models)]
        self.focus = list(models) if len(models) <= 3 else []
        self.anchor = _anchor(query) if len(models) >= 2 else []
        self.last_query = query

    def reset(self) -> None:
        self.last_models, self.lists, self.focus, self.last_query, self.turns = [], [], [], None, 0
        self.subject = []
        self.anchor = []
        self.described = False
        self.concept = None
        self.recent = []
        self.chain = []


def _anchor(query: Query) -> list[str]:
    """The one model a question was about: the model it named, or the one model a set it asked for was defined by the
    line of ("which models came from T5?", "LLaMA 有哪些后代")."""
    if query.models:
        return list(query.models) if len(query.models) == 1 else []
    kin = {x.model for x in query.relations if x.kind == "derived" and x.model}
    return list(kin) if len(kin) == 1 and len(query.references) == 1 else []


def _pointed(session: Session, lex, text: str) -> tuple[list[str], str]:
    """The model a singular reference points to ("it", "that one": ``topic``), a demonstrative weighing the last answer."""
    return topic(session, lex.has("demonstrative", text.lower()), singular=True)


def _it(session: Session) -> list[str]:
    """What a singular pronoun may point to: the last answer's few models, or the one model its question was about."""
    return session.focus or session.anchor


def described_alone(query: Query, lex) -> bool:
    """A question that describes the model it asks for ("the model that ... its inference cache", "the one where
    ...") refers to nothing earlier: its pronouns are inside the description. Not so when it narrows a list
    ("which of those models ...")."""
    text = query.text
    return bool(query.described and query.language == "en" and not query.models and lex.has("described_head", text.lower())
                and not (lex.ref("back_to_list", text) or lex.ref("refine", text) or lex.ref("narrow_list", text)))


_COMPARATIVE = ("larger", "smaller", "after", "before")  # relations a yes/no question compares its subject by
_COMPARED_AT_MOST = 8  # a list compared model by model ("compare them"); a longer one stays a list


def ranked_claim(query: Query) -> Query:
    """"Tell me about PaLM" -> "is it the largest Google model?": a claim that the model referred to tops the set the
    question names, checked against that set's ranking, as when the model is named ("is PaLM the largest Google
    model?"); the set's constraints are the set, no premises about the model. Its own largest release asked ("how big
    is it at its largest?", the en ``own_extreme`` cue) claims nothing."""
    sup = query.superlative
    if (query.referent is None or not query.referent.models or not query.yes_no or query.intent is not Intent.FACT
            or len(query.models) != 1 or sup is None or sup.top != 1 or sup.whole or not query.where.items
            or query.ranked_in is not None or query.unrecorded or query.hop_from
            or lexicon("en").has("own_extreme", query.text.lower())):
        return query
    return query.model_copy(update={"ranked_in": query.where, "premises": [], "where": And(), "concept": None,
                                    "attributes": [a for a in query.attributes if a is not Attribute.IN_PAPER]})


def _discussed(session: Session) -> str | None:
    """The one model the conversation is about (the first of its topic), or None."""
    return (topic(session, singular=True)[0] or [None])[0]


def resolve(query: Query, session: Session, concept_filter=lambda concept: None, relate=None,
            concepts_of=None, pick=None) -> Query | str:
    """The query with references filled in from the session, or a clarifying question (str).

    ``concept_filter`` maps a concept id to filter fields, so "which models use it?" after
    "explain masked language modeling" filters on that objective; ``concepts_of(facet, model)``
    gives the concepts of a model's value ("explain that objective"). Elliptic turns (a bare
    attribute, a ranking or a narrowing) are resolved by ``assistant.ellipsis``.
    """
    if query.intent is Intent.OUT_OF_SCOPE and (query.reason.value or query.unknown_names):
        return query
    lex = lexicon(query.language)
    # "is it true that ...", "is it the case that ...": an "it" that stands for the claim after it refers to nothing
    text = blank(query.text, [m.span() for m in lex.find("expletive_it", query.text.lower())])
    if query.pending() and (same := same_as_before(query, session)) is not None:
        query = same  # "decoder models from 2019" -> "and encoders from the same year?": that question's year
        return _carry_over(query, session) if lex.ref("carry", text) else query
    two = pair(session) or (session.focus if len(session.focus) >= 2 else session.recent[-2:] if len(session.recent) >= 2 else [])
    if (query.gap and not query.models and not query.where.items and len(two) >= 2
            and (lex.ref("plural_weak", text) or lex.ref("plural", text) or lex.ref("pair", text))):
        # "how many months apart were they released?" after a turn on each of two models: a gap lies between two, the pair
        # discussed, never the last model alone
        return query.model_copy(update={"models": list(two), "intent": Intent.COMPARE, "superlative": None,
                                        "referent": Referent(word="", models=list(two), source="pair")})
    if (len(query.models) == 1 and query.pending() and all(x.kind in _COMPARATIVE for x in query.pending())
            and relate is not None and (anchor := _discussed(session)) and anchor not in query.models):
        # "is GPT-2 bigger than it?": the model named weighed against the one discussed, as if it were named
        extra = [c for x in query.pending() for c in relate(x.kind, anchor)]
        return query.model_copy(update={"models": [*query.models, anchor], "where": And(items=[*query.where.items, *extra]),
                                        "relations": [x.model_copy(update={"model": anchor}) if not x.model else x
                                                      for x in query.relations],
                                        "referent": Referent(word="", models=[anchor], source="subject")})
    if query.pending() and len(query.models) == 1 and lex.ref("singular", text) and _it(session):
        anchor = topic(session, singular=True)[0][:1]  # "它跟 BART 是同一年发布的吗": it and the model named, on that field
        two = anchor + query.models if anchor and anchor[0] not in query.models else []
        query = query.model_copy(update={"models": []}) if two else query
    if query.pending() and not query.models and len(two) >= 2 and (lex.ref("pair", text) or lex.ref("plural", text)
                                                                     or lex.ref("singular", text)):
        # "were the two released the same year?", "这两个是同一个实验室的吗": the pair discussed, weighed on that field
        return query.model_copy(update={"models": list(two), "intent": Intent.COMPARE, "superlative": None,
                                        "relations": [x for x in query.relations if x.model],
                                        "referent": Referent(word="", models=list(two), source="pair")})
    if (query.pending() and all(x.kind in _COMPARATIVE for x in query.pending()) and query.constrained()
            and _discussed(session) is None):
        # "bigger than it" with nothing discussed yet: the rest of the question is answered, the pronoun left unread
        query = query.model_copy(update={"relations": [x for x in query.relations if x.model]})
    if query.pending():  # "which other models have the same architecture?": as the model discussed
        anchor = _discussed(session)
        if anchor is None or relate is None:
            return lex.say("clarify_what")
        extra = [c for x in query.pending() for c in relate(x.facet, anchor)]
        relations = [x for x in query.relations if x.model] + [x.model_copy(update={"model": anchor}) for x in query.pending()]
        query = query.model_copy(update={"where": And(items=[*query.where.items, *extra]), "relations": relations,
                                         "exclude": [*query.exclude, Exclusion(model=anchor)],
                                         "intent": query.intent if query.intent in (Intent.LIST, Intent.COUNT) else Intent.LIST})
        if not lex.has("narrow", text.lower()):  # "what else did they make?": complete once the model is known
            return query
    if described_alone(query, lex):  # "the model whose pretraining masks ... and makes it generate them": "it" is inside
        return query
    if (kin := _own_kin_weighed(query, session, lex, relate, text)) is not None:  # "is it bigger than its predecessor?"
        return kin
    if (parents := _parent_asked(query, session, lex, relate)) is not None:  # "when was its parent released?"
        return parents
    if (one := _picked_one(query, session, lex, pick)) is not None:  # "is the vision one open?" after a list
        return one
    if (one := _picked_of_pair(query, session, lex, pick)) is not None:  # "who made the newer one?" after a comparison
        return one
    compared = [x.model for x in query.relations if x.kind in _COMPARATIVE and x.model]
    if compared and query.yes_no and not query.models and lex.ref("subject_it", text) and _it(session):
        models, source = _pointed(session, lex, text)  # "is it bigger than Llama 2?": compare them
        if models and models[0] not in compared:
            return query.model_copy(update={"models": list(dict.fromkeys([models[0], *compared])), "intent": Intent.COMPARE,
                                            "referent": Referent(word="", models=models[:1], source=source)})
    if (not query.models and query.order and lex.ref("how_much_more", text) and not lex.ref("plural", text)
            and len(session.focus) == 1 and len(two) == 2 and session.focus[0] in two
            and (not query.constrained() or _weighs(query))):
        both = [session.focus[0], *(m for m in two if m != session.focus[0])]
        # "and how much bigger is it?" after "what's its successor?": the successor against the model it succeeded
        return query.model_copy(update={"models": both, "intent": Intent.COMPARE, "superlative": None, "where": And(items=[]),
                                        "referent": Referent(word="", models=both, source="pair")})
    if (len(query.models) == 1 and (query.order or query.yes_no) and (lex.ref("singular", text) or lex.ref("than_that", text))
            and lex.has("compare_pair", text.lower()) and query.intent is not Intent.LINEAGE and _it(session) and not compared):
        # "how much bigger is it than Llama 2?", "它和 Qwen2.5 的许可证一样吗？": it against the model named
        models, source = _pointed(session, lex, text)
        if models and models[0] not in query.models:
            return query.model_copy(update={"models": [models[0], *query.models], "intent": Intent.COMPARE, "superlative": None,
                                            "referent": Referent(word="", models=models[:1], source=source)})
    own = query.constrained()
    ordinal = lex.ref("ordinal", text)
    if ordinal and not query.models and (not own or lex.ref("plural", text)) and (session.last_models or not query.superlative):
        if not session.last_models:  # "the first model in the catalog", with no list yet, is the earliest (a superlative)
            return lex.say("clarify_list")
        n = lex.data["ordinals"].get((ordinal.group(1) or "").lower()) or int(ordinal.group(2) or 0)
        # the newest list long enough to have that item (the last answer first); when the last question named
        # the very models its answer gave ("ELECTRA和ALBERT哪个先出的？"), they count in the order it named them
        named = session.subject if len(session.subject) >= 2 and set(session.subject) == set(session.last_models) else None
        candidates = [named or session.last_models, *reversed(session.lists)]
        if (ordinal.group(1) or "").lower() in lex.data.get("pair_ordinals", ()):  # "the former": of the last two discussed
            two = [lst for lst in (named, session.last_models, session.recent[-2:]) if lst and len(lst) == 2]
            candidates = two[:1] or candidates
        chosen = next((lst for lst in candidates if n <= len(lst)), None) if n > 0 else named or session.last_models
        if not chosen:
            return lex.say("clarify_item", n=len(session.last_models))
        intent = query.intent if query.intent not in (Intent.LIST, Intent.COUNT) else Intent.FACT
        pick = chosen[n - 1] if n > 0 else chosen[-1]
        return query.model_copy(update={"models": [pick], "intent": intent, "superlative": None})
    if lex.ref("other_one", text) and not query.models and (other := _other(session)):
        # "and the other one's licence?": the previous question's field (or the one asked now) for the model of the
        # pair just discussed that is not in focus
        picked = query.model_copy(update={"models": [other], "superlative": None, "where": And(items=[]),
                                          "referent": Referent(word="", models=[other], source="pair")})
        if not query.attributes and session.last_query is not None and session.last_query.intent is not Intent.COMPARE:
            return _carry_over(picked, session)
        intent = query.intent if query.intent in (Intent.FACT, Intent.CITATION, Intent.LINEAGE) else Intent.FACT
        return picked.model_copy(update={"intent": intent})
    if lex.has("repeat", text) and session.last_query is not None and (len(query.models) == 1 or (own and not query.models)):
        return _carry_over(query, session, repeat=True)  # "same question but for Google"
    if (sort := lex.ref("sort_list", text)) and session.last_models and not query.models:  # "sort them by size"
        by_size = sort.group("field").startswith(("size", "param"))
        ranked = (query.superlative if query.superlative and query.superlative.whole else
                  Superlative(field="params" if by_size else "date", largest=not sort.group("dir"), whole=True,
                              measure="largest" if by_size else None))  # every model of the list, in that order
        return query.model_copy(update={"within": list(session.last_models), "intent": Intent.COUNT, "superlative": ranked,
                                        "reason": Reason.NONE, "unparsed": [], "closest": []})
    if (session.last_query is not None and session.last_query.intent is Intent.COMPARE and not query.models
            and (lex.ref("which_one", text) or lex.ref("pick_of", text)) and len(session.focus) >= 2):  # "the older of the two?"
        return query.model_copy(update={"models": list(session.focus), "intent": Intent.COMPARE, "superlative": None,
                                        "where": And(items=[]), "referent": Referent(word="", models=list(session.focus), source="pair")})
    if (parents := their_parents(query, session)) is not None:  # "and which of the paper's models did they come from?"
        return parents
    if (pick := ranked_pick(query, session)) is not None:  # "which of those is newer?" after a list
        return pick
    if (listed := _list_compared(query, session, lex, text)) is not None:  # "compare them", "how are they different?"
        return listed
    if (weighed := _weighed_with_discussed(query, session, lex, text)) is not None:  # "is Qwen3 bigger?" after Qwen2
        return weighed
    if (own and not query.models and (lex.ref("carry", text) or lex.ref("value_ones", text))
            and _contradicts(query, session.last_query)):
        swapped = _carry_over(query, session)  # "and the ones added since the paper?" after the paper's models: a swap
        return swapped.model_copy(update={"referent": Referent(word="", models=[], source="repeat")})
    if (len(query.models) == 1 and not own and lex.ref("pair", text) and session.focus
            and query.models[0] not in session.focus):  # "and compared with Gopher?" after a fact on Chinchilla
        asked = query.attributes or (session.last_query.attributes if session.last_query else [])
        order = [dim for a, dim in ((Attribute.PARAMS, "size"), (Attribute.DATE, "date")) if a in asked]
        # a field carried over from the last question is compared beside the size and date verdicts, not alone
        return query.model_copy(update={"models": [session.focus[0], *query.models], "intent": Intent.COMPARE,
                                        "attributes": list(asked), "superlative": None,
                                        "order": query.order or order or ([] if query.attributes else ["size", "date"])})
    if lex.ref("which_one", text) and lex.ref("pair", text) and not query.models and (not own or _weighs(query)) and len(two) >= 2:
        # "which of the two has more parameters?" after two turns on one model each: the pair, before any ellipsis
        return query.model_copy(update={"models": list(two), "intent": Intent.COMPARE, "superlative": None,
                                        "referent": Referent(word="", models=list(two), source="pair")})
    elliptic = resolve_elliptic(query, session, bool(lex.ref("plural", text) or lex.ref("plural_weak", text)), concepts_of)
    if elliptic is not None:
        return elliptic
    by_concept = concept_filter(session.concept) if session.concept else None
    if by_concept and not query.models and (lex.ref("singular", text) or lex.ref("plural_weak", text)) and "objective" not in query.facets():
        update = {"within": by_concept["within"]} if "within" in by_concept else {"where": And(items=[*query.where.items, by_concept["where"]])}
        intent = query.intent if query.intent in (Intent.COUNT, Intent.LIST) else Intent.LIST
        return query.model_copy(update={**update, "intent": intent})
    if lex.ref("singular", text) and query.models and lex.ref("pair", text) and _it(session):  # "compare it with T5"
        models = list(dict.fromkeys([*topic(session, singular=True)[0][:1], *query.models]))
        if len(models) >= 2:
            return query.model_copy(update={"models": models, "intent": Intent.COMPARE})
    if lex.ref("which_one", text) and len(query.models) == 1 and not own and not query.relations and session.focus:
        models = list(dict.fromkeys([*topic(session)[0][:1], *query.models]))  # "compared with T5, which is bigger?"
        if len(models) >= 2:
            return query.model_copy(update={"models": models, "intent": Intent.COMPARE, "superlative": None})
    if lex.ref("pair", text) and not query.models and not own and len(session.focus) < 2 and len(session.recent) >= 2:
        return query.model_copy(update={"models": session.recent[-2:], "intent": Intent.COMPARE})  # "compare the two"
    if ((query.yes_no or lex.first("premise_tag", text)) and len(query.models) == 1 and not query.where.items and _it(session)
            and lex.ref("about_it", text) and lex.ref("singular", text)):
        # "was Sparrow fine-tuned from it?", "Phi-4 是從它派生出來的嗎": the model discussed is the premised parent
        models, source = _pointed(session, lex, text)
        if models and models[0] not in query.models:
            return query.model_copy(update={
                "where": And(items=[Constraint(facet="derived", values=models[:1])]), "intent": Intent.LINEAGE,
                "references": [*query.references, models[0]], "relations": [*query.relations, Relation(kind="derived", model=models[0])],
                "referent": Referent(word="", models=models[:1], source=source)})
    down = lex.ref("line_after_it", text)  # "what came after it in its line?": every generation unless "right after"
    # "is any model derived from one of them?" after a list: its models, however many
    listed = bool(session.last_models and lex.ref("plural", text) and not lex.ref("singular", text))
    if (lex.ref("about_it", text) or down) and not query.models and (_it(session) or listed):  # "which models are based on it?", "its children?"
        # "its direct descendants", "its immediate offspring": a word of one generation keeps a word of the whole line
        # to the children, as for a named model (relations._lineage)
        deep = not down.group("direct") if down else (lex.has("transitive_lineage", text.lower())
                                                      and not lex.has("direct_lineage", text.lower()))
        facet = "descends" if deep else "derived"
        models, source = (list(session.last_models), "answer") if listed else _pointed(session, lex, text)
        # "what else was built on that same model?": the model the question was about is not among the others
        others = [Exclusion(model=m) for m in session.subject if m not in models] if lex.ref("others_asked", text) else []
        return query.model_copy(update={"where": And(items=[*query.where.items, Constraint(facet=facet, values=models)]),
                                        "exclude": [*query.exclude, *others],
                                        "intent": Intent.LINEAGE, "referent": Referent(word="", models=models, source=source)})
    if lex.ref("which_one", text) and not query.models and not own:
        both = pair(session) or (session.focus if len(session.focus) >= 2 else session.recent[-2:] if len(session.recent) >= 2 else None)
        if both:
            return query.model_copy(update={"models": list(both), "intent": Intent.COMPARE, "superlative": None,
                                            "referent": Referent(word="", models=list(both), source="pair")})
    if (own and not query.models and len(session.last_models) == 1 and set(session.subject) <= set(session.last_models)
            and lex.ref("others_asked", text) and not lex.has("narrow", text.lower())):
        # "any other models from the Allen Institute?" after "which lab made Tülu 3?": a new set, that model left out
        intent = Intent.COUNT if query.intent is Intent.COUNT else Intent.LIST
        return query.model_copy(update={"exclude": [*query.exclude, Exclusion(model=session.last_models[0])], "intent": intent})
    if own and not query.models and session.last_models and lex.ref("narrow_list", text):
        intent = Intent.COUNT if query.intent is Intent.COUNT else Intent.LIST  # "which one is an encoder?" after a list
        return query.model_copy(update={"within": list(session.last_models), "intent": intent})
    if (lex.ref("refine", text) or lex.ref("value_ones", text)) and not query.models and session.last_models:
        intent = Intent.COUNT if query.intent is Intent.COUNT else Intent.LIST
        return query.model_copy(update={"within": list(session.last_models), "intent": intent})
    carry = lex.ref("carry", text) and session.last_query is not None
    if carry and (query.models or own):
        return _carry_over(query, session)
    bare = not own and not query.models and not query.concept and not query.group_by
    if bare and query.intent is Intent.COUNT and not lex.ref("whole_catalog", text):
        if not session.last_models:  # a ranking is answerable over the whole catalog, and so are conditions counted
            # apart ("2019 vs 2020: how many in each?"); a bare count is not
            return query if query.superlative or query.apart else lex.say("clarify_what")
        return query.model_copy(update={"within": list(session.last_models)})
    if (bare and not query.attributes and not query.superlative and not query.cite and len(session.last_models) >= 2
            and lex.ref("bare_list", text)):  # "how many models are from Microsoft?" -> "which?", 分别是哪些: that set listed
        return narrowed(query, session, Intent.LIST)
    plural = lex.ref("plural", text) or (lex.ref("plural_weak", text) and not own) or (lex.ref("which_ones", text) and session.last_models)
    if plural and not query.models:
        if not session.last_models:  # nothing to refer to: answer on its own when it can be
            # ("each" over the question's own spans or conditions counted apart, "how many came out in each", is one)
            return query if own or query.superlative or query.group_by or query.apart else lex.say("clarify_what")
        if query.intent in (Intent.FACT, Intent.CITATION, Intent.COMPARE, Intent.LINEAGE) or (query.attributes and not own):
            models = session.last_models  # "what about their licenses?": a field of the models just discussed
            asked = query.intent if query.intent in (Intent.FACT, Intent.CITATION, Intent.COMPARE, Intent.LINEAGE) else Intent.FACT
            if len(models) == 1 and len(session.chain) > 1 and models[0] in session.chain:
                # "who made them all?" after "what is Sparrow based on?" -> "and what is that based on?": every model of
                # the run of turns, not only the one the last answer named
                models = list(session.chain)
                intent = Intent.COMPARE if asked is Intent.FACT and not query.attributes else asked
                return query.model_copy(update={"models": models, "intent": intent,
                                                "referent": Referent(word="", models=models, source="chain")})
            intent = Intent.COMPARE if asked is Intent.FACT and len(models) > 1 and not query.attributes else asked
            return query.model_copy(update={"models": models, "intent": intent})
        intent = query.intent if query.intent in (Intent.COUNT, Intent.LIST) else Intent.LIST
        return query.model_copy(update={"within": list(session.last_models), "intent": intent})
    self_contained = own or query.concept or query.lookup or query.unparsed or query.superlative
    if lex.ref("singular", text) and not query.models and query.intent is not Intent.CONCEPT and (
            not self_contained or lex.ref("subject_it", text)):
        if not _it(session):
            if session.last_models and not query.attributes and query.intent in (Intent.FACT, Intent.LIST) and \
                    (cid := _set_concept(session, concepts_of, concept_filter)):
                # "what is it?" after "which models use RLHF?": the one mechanism the set was chosen by
                return query.model_copy(update={"intent": Intent.CONCEPT, "concept": cid, "models": [], "where": And(items=[]),
                                                "referent": Referent(word="", models=[], source="concept")})
            if session.last_models:
                return lex.say("clarify_one")
            return lex.say("clarify_what")
        intent = query.intent if query.intent in (Intent.FACT, Intent.CITATION, Intent.LINEAGE, Intent.COMPARE) else Intent.FACT
        models, source = _pointed(session, lex, text)
        return query.model_copy(update={"models": models, "intent": intent,
                                        "referent": Referent(word="", models=models, source=source)})
    if not query.models and not own and query.intent in (Intent.CITATION, Intent.FACT, Intent.LINEAGE) and (
            query.attributes or query.intent is not Intent.FACT):
        if session.focus:  # "who wrote the paper?", "give me the bibtex": about what we were discussing
            models, source = topic(session, lex.has("demonstrative", text.lower()))
            return query.model_copy(update={"models": models, "referent": Referent(word="", models=models, source=source)})
        if query.intent is Intent.CITATION and not query.lookup:
            return lex.say("clarify_what")
    return query


def _set_concept(session: Session, concepts_of, concept_filter) -> str | None:
    """The concept of the one mechanism (objective, architecture) the last set was chosen by, if any."""
    last = session.last_query
    if last is None or not session.last_models or concepts_of is None:
        return None
    named = [c for c, neg in leaves(last.where) if not neg and c.facet in ("objective", "architecture") and len(c.values) == 1]
    if len(named) != 1:
        return None
    said = named[0]
    for cid in concepts_of(said.facet, session.last_models[0]) or []:
        chosen = (concept_filter(cid) or {}).get("where")
        if isinstance(chosen, Constraint) and chosen.facet == said.facet and [str(v) for v in chosen.values] == [str(v) for v in said.values]:
            return cid
    return None


def _own_kin_weighed(query: Query, session: Session, lex, relate, text: str) -> Query | None:
    """"is it bigger than its predecessor?", "how long after its parent did it come out?": the model discussed weighed
    against its own parents, as when the question names it ("is Phi-4 bigger than its predecessor?")."""
    low = text.lower()
    said = lex.first("own_kin", low)
    if relate is None or query.models or not _it(session) or said is None or not lex.ref("singular", text[:said.start()]):
        return None
    if not (lex.has("compare_pair", low) or lex.has("gap_asked", low) or lex.first("own_kin_against", low[:said.start()])):
        return None
    models, source = _pointed(session, lex, low)
    parents = [str(p) for m in models[:1] for c in relate("parent", m) for p in c.values if str(p) != m]
    if not parents:
        return None
    both = [models[0], *dict.fromkeys(parents)]
    where = And(items=[n for n in query.where.items if not ({c.facet for c, _ in leaves(n)} & {"derived", "descends"})])
    return query.model_copy(update={"models": both, "intent": Intent.COMPARE, "where": where, "superlative": None,
                                    "relations": [x for x in query.relations if x.kind != "derived"],
                                    "referent": Referent(word="", models=models[:1], source=source)})


def _parent_asked(query: Query, session: Session, lex, relate) -> Query | None:
    """"when was its parent released?", "who made the model it was derived from?", "那个父模型是什么时候发布的": a field
    (or the paper) of the parent of the model discussed. When the words point at a model the last answer named ("what
    is Mixtral built on?" -> Mistral 7B, then "when was that parent model released?"), that model is already the
    parent and the ordinary rules resolve it."""
    if relate is None or query.models or not _it(session) or not lex.ref("parent_of_it", query.text):
        return None
    if not (query.attributes or query.intent is Intent.CITATION) or query.constrained() and query.intent is not Intent.LINEAGE:
        return None
    models, source = _pointed(session, lex, query.text)
    if source == "answer" and query.intent is Intent.LINEAGE:
        # "what was it derived from, and who built that parent model?": the question asks the lineage itself, so "that
        # parent" is the parent of the model discussed, not a model the last answer named
        models, source = topic(session, singular=True)
    if source == "answer":  # "that parent model" after a lineage answer: the model it named, already the parent
        return None
    parents = [str(p) for m in models[:1] for c in relate("parent", m) for p in c.values]
    if not parents:
        return None
    intent = Intent.CITATION if query.intent is Intent.CITATION else Intent.FACT
    # reached from the model discussed, as "who built the parent of X?" is: the answer says which model the parent is
    return query.model_copy(update={"models": parents, "intent": intent, "where": And(items=[]), "relations": [],
                                    "references": [], "hop_from": models[0], "hop_depth": 1,
                                    "referent": Referent(word="", models=parents, source="answer")})


def _list_compared(query: Query, session: Session, lex, text: str) -> Query | None:
    """"Which models did Mistral AI release?" then "compare them" / "how are they different?" / 比较一下它们: the models of
    the last answer compared with each other (the ``compare_list`` cue beside a word pointing back at them), when it
    named a few (two to ``_COMPARED_AT_MOST``) and the question adds no condition or field of its own."""
    listed = list(session.last_models)
    if (query.models or query.constrained() or query.superlative or query.group_by or query.concept or query.attributes
            or not 2 <= len(listed) <= _COMPARED_AT_MOST or not lex.ref("compare_list", text)):
        return None
    if not (lex.ref("plural", text) or lex.ref("plural_weak", text) or lex.ref("pair", text)):
        return None
    return query.model_copy(update={"models": listed, "intent": Intent.COMPARE, "superlative": None, "where": And(items=[]),
                                    "referent": Referent(word="", models=listed, source="answer")})


def _weighed_with_discussed(query: Query, session: Session, lex, text: str) -> Query | None:
    """"Tell me about Qwen2" then "is Qwen3 bigger?" / Qwen3 更新吗: a yes/no comparative that names one model and no
    second term weighs it against the model discussed (its word a ``comparative_rank`` entry), as "is Qwen3 bigger
    than Qwen2?" would."""
    if (len(query.models) != 1 or not query.yes_no or not query.order or query.relations or query.constrained()
            or query.superlative or query.attributes or lex.ref("singular", text) or lex.ref("plural", text)):
        return None
    if comparative_ranking(text.lower(), lex) is None:
        return None
    anchor = _discussed(session)
    if anchor is None or anchor in query.models:
        return None
    both = [*query.models, anchor]
    return query.model_copy(update={"models": both, "intent": Intent.COMPARE,
                                    "referent": Referent(word="", models=[anchor], source="subject")})


def _weighs(query: Query) -> bool:
    """The question's constraints are only the dimension it weighs a pair by ("which of the two is more permissive?" read
    "permissive" as a licence as well): no filter of its own."""
    facets = {c.facet for c, _ in leaves(query.where)}
    dims = {{"size": "size", "date": "date", "license": "license"}[d] for d in query.order if d in ("size", "date", "license")}
    return bool(facets) and facets <= dims | ({"license_name"} if "license" in dims else set()) and not query.exclude


def _picked_one(query: Query, session: Session, lex, pick) -> Query | None:
    """"list NVIDIA models" then "is the vision one open?": the one model of the last list the words before "one"
    describe; the question's other constraints are asked of it (premises to check), not a new set."""
    if pick is None or query.models or len(session.last_models) < 2:
        return None
    one = lex.ref("value_one", query.text)
    if not one:
        return None
    chosen, facets = pick(one.group("words"), list(session.last_models))
    if len(chosen) != 1:
        return None
    premises = [Premise(model=chosen[0], constraint=c, negated=neg) for c, neg in leaves(query.where) if c.facet not in facets]
    # nothing asked of it but the words that pick it ("and the mixture-of-experts one?", "tell me about the decoder one"):
    # the model itself, described
    bare = not (premises or query.superlative or query.group_by or query.aggregate or query.exclude)
    if not (query.yes_no or query.attributes or bare):
        return None
    return query.model_copy(update={"models": chosen, "intent": Intent.FACT, "where": And(items=[]), "premises": premises,
                                    "superlative": None, "concept": None,
                                    "referent": Referent(word="", models=chosen, source="list")})


def _picked_of_pair(query: Query, session: Session, lex, pick) -> Query | None:
    """"Which is older, BERT or GPT?" then "who made the newer one?": the one model of the pair just compared that the
    comparative picks (its field and end in the lexicon's ``comparative_rank``; no pick when the two tie), asked what
    the question asks of it."""
    two = list(session.focus) if len(session.focus) == 2 else list(session.last_models) if len(session.last_models) == 2 else []
    # nothing asked of it ("the bigger one?", "tell me more about the newer one", 大的那个呢): the model itself, described
    bare = not (query.constrained() or query.superlative or query.group_by or query.concept or query.aggregate)
    if pick is None or query.models or len(two) != 2 or not (query.yes_no or query.attributes or query.cite or bare):
        return None
    said = lex.ref("pick_comparative", query.text)
    if not said:
        return None
    chosen, _ = pick(said.group("word"), two)
    if len(chosen) != 1:
        return None
    intent = query.intent if query.intent in (Intent.FACT, Intent.CITATION) else Intent.FACT
    return query.model_copy(update={"models": chosen, "intent": intent, "where": And(items=[]), "superlative": None,
                                    "referent": Referent(word=said.group(0), models=chosen, source="pair")})


def _other(session: Session) -> str | None:
    """"The other one": of the last two models discussed, the one the conversation is not on. After a comparison
    (both in focus) that is the one its verdict did not name first; after a turn on one model of an earlier pair,
    the pair's other member."""
    if len(session.focus) == 2 and len(session.last_models) == 2:
        return session.last_models[1]
    if len(session.focus) == 1:
        one = session.focus[0]
        for earlier in reversed([*session.lists, session.recent[-2:]]):
            if len(earlier) == 2 and one in earlier:
                return next(m for m in earlier if m != one)
    return None


def _carry_over(query: Query, session: Session, repeat: bool = False) -> Query:
    """'and BERT?' repeats the last question for BERT; 'what about Meta?' swaps the lab filter.

    With ``repeat`` ("same question but for Google") the previous set question is asked again:
    each new constraint takes the place (and the polarity) of the previous one on its facet, and a
    model named in place of the model the previous set was defined by replaces it there."""
    last = session.last_query
    if repeat and query.models and not last.models and last.references and not query.constrained():
        return _swap_models(query, last)  # "which models are derived from LLaMA?" -> "same for T5"
    if query.models:
        if last.intent in (Intent.FACT, Intent.CITATION, Intent.LINEAGE):
            # "how many dense sizes does Qwen2 have?" -> "and Qwen2.5?": the field asked the same way (its values counted,
            # of one kind), unless the new turn names a field of its own
            counted = {} if query.attributes or query.owned_count else {"owned_count": last.owned_count,
                                                                        "owned_kind": last.owned_kind}
            return query.model_copy(update={"intent": last.intent, "attributes": query.attributes or last.attributes,
                                            "bibtex": query.bibtex or last.bibtex, **counted})
        if last.intent is Intent.COMPARE:  # "and T5?" joins the pair; "and T5 vs BART?" names a pair of its own
            models = query.models if len(query.models) >= 2 else list(dict.fromkeys(session.focus + query.models))
            return query.model_copy(update={"intent": Intent.COMPARE, "models": models})
        return query.model_copy(update={"intent": Intent.FACT})
    new = query.facets()  # the new question's facets replace the last one's; the rest carry over
    if repeat:
        merged = _replace(last.where, query.where)
    else:
        kept = [n for n in last.where.items if not (_facets_of(n) & new)]
        merged = And(items=[*kept, *query.where.items])
    intent = last.intent if last.intent in (Intent.LIST, Intent.COUNT) else Intent.LIST
    update = {"where": merged, "exclude": [*last.exclude, *query.exclude], "intent": intent,
              "superlative": query.superlative or last.superlative,
              "group_by": last.group_by if not query.where.items or repeat else None}
    if repeat:
        update |= {"references": last.references, "relations": [*last.relations, *query.relations],
                   "referent": Referent(word="", models=[], source="repeat")}
    return query.model_copy(update=update)


def _replace(old: And, new: And) -> And:
    """The previous constraint tree with the new constraints of each facet in the place of the old
    ones on that facet, keeping their polarity ("not from Google" + "Meta" -> "not from Meta")."""
    groups: dict[frozenset, list] = {}
    for node in new.items:  # "in 2021" is two date bounds: they replace the old date bounds together
        groups.setdefault(frozenset(_facets_of(node)), []).append(node)
    items, added = list(old.items), []
    for facets, nodes in groups.items():
        hit = [i for i, n in enumerate(items) if _facets_of(n) & facets and all(n is not x for x in added)]
        if hit and all(isinstance(items[i], Not) for i in hit) and not any(isinstance(n, Not) for n in nodes):
            nodes = [Not(item=nodes[0] if len(nodes) == 1 else And(items=nodes))]
        added += nodes
        if hit:
            items = [*items[:hit[0]], *nodes, *(n for i, n in enumerate(items) if i > hit[0] and i not in hit)]
        else:
            items += nodes
    return And(items=items)


def _swap_models(query: Query, last: Query) -> Query:
    """The previous set question with the newly named model(s) in place of the model(s) it was
    defined by: the constraint values and exclusions that named them."""
    old, new = set(last.references), list(query.models)

    def swap(node):
        if isinstance(node, Constraint):
            if not old & {str(v) for v in node.values} and node.via not in old:
                return node
            values = [x for v in node.values for x in (new if str(v) in old else [v])]
            return node.model_copy(update={"values": list(dict.fromkeys(values)), "via": new[0] if node.via in old else node.via})
        if isinstance(node, Not):
            return Not(item=swap(node.item))
        return node.model_copy(update={"items": [swap(n) for n in node.items]})

    exclude = [x.model_copy(update={"model": new[0]}) if x.model in old else x for x in last.exclude]
    return last.model_copy(update={"text": query.text, "where": swap(last.where), "exclude": exclude, "references": new,
                                   "relations": [r.model_copy(update={"model": new[0]}) if r.model in old else r for r in last.relations],
                                   "referent": Referent(word="", models=[], source="repeat")})


# fields where a model has one value: a new value on one of them replaces the last question's instead of narrowing it
_ONE_VALUE = ("catalog", "architecture", "license", "finetuned")


def _contradicts(query: Query, last: Query | None) -> bool:
    """The new question sets a one-value field to a value the last set question excluded by its own
    value on that field ("... in the original paper" then "and the ones added since?"): a narrowing
    would be empty by construction, so the new value takes the old one's place."""
    if last is None or last.models or last.intent not in (Intent.LIST, Intent.COUNT):
        return False
    for facet in (*_ONE_VALUE, "lab"):  # (a lab named in another's place: "what about the ones from OpenAI?")
        new, old = query.positive(facet), last.positive(facet)
        if new and old and not {v for c in new for v in c.values} & {v for c in old for v in c.values}:
            return True
    new, old = _dates(query), _dates(last)  # a model has one date: "models from 2023" then "and the ones from 2020?"
    return bool(new and old) and (new[1] < old[0] or old[1] < new[0])


def _dates(q: Query) -> tuple[int, int] | None:
    """The range of release months (yyyymm) a query's own date bounds allow, or None without any."""
    bounds = [c for c in q.positive("date") if not c.via]
    if not bounds:
        return None
    low = max([int(c.values[0]) for c in bounds if c.op in (Op.GE, Op.GT)], default=0)
    high = min([int(c.values[0]) for c in bounds if c.op in (Op.LE, Op.LT)], default=999999)
    return low, high


def _facets_of(node) -> set[str]:
    from assistant.query import leaves

    return {c.facet for c, _ in leaves(node)}
