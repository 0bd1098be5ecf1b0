"""The reading of a query in one line ("architecture = encoder-decoder AND lab ≠ Google").

Every answer states it, so a user can see what was understood; it is built from the typed
query alone, each constraint described by its facet.
"""

from __future__ import annotations

from assistant.compose import md_escape
from assistant.display import describe_zh, display
from assistant.facets import FACETS
from assistant.lexicon import lexicon
from assistant.retrieve import any_size
from assistant.query import And, Constraint, Intent, Not, Op, Or, Query, leaves
from catalog import Catalog


def describe(node, catalog: Catalog, language: str = "en") -> str:
    """A constraint tree in words: leaves by their facets, AND / OR / NOT between them."""
    show = display(language)

    def name(model_id: str) -> str:
        e = catalog.models.get(model_id)
        return e.name if e else model_id

    def leaf(c: Constraint, negated: bool) -> str:
        return describe_zh(show, c, negated, name) if show.zh else FACETS[c.facet].describe(c, negated, name)

    if isinstance(node, Constraint):
        return leaf(node, False)
    if isinstance(node, Not):
        if isinstance(node.item, Constraint):
            return leaf(node.item, True)
        return show.lex.say("reading_not", text=describe(node.item, catalog, language))
    joiner = show.labels.get("and" if isinstance(node, And) else "or") or (" AND " if isinstance(node, And) else " OR ")
    parts = [describe(n, catalog, language) for n in node.items]
    text = joiner.join(parts)
    return f"({text})" if isinstance(node, Or) and len(parts) > 1 else text


def criteria(q: Query, catalog: Catalog) -> str:
    """The set a list or count question selects, in words ("" for the whole catalog)."""
    lex = lexicon(q.language)
    parts = [describe(q.where, catalog, q.language)] if q.where.items else []
    for x in q.exclude:
        e = catalog.models.get(x.model)
        label = e.name if e else x.model
        parts.append(lex.say("reading_exclude", name=label) + (lex.say("reading_descendants") if x.descendants else ""))
    if q.within is not None:
        parts.append(lex.say("among_previous"))
    return (display(q.language).labels.get("and") or " AND ").join(parts)


def date_range(q: Query) -> tuple[int | None, int | None]:
    """The inclusive (first, last) month the query's own date bounds allow (None: open end);
    bounds taken from another model ("newer than BERT") and negated ones are left out."""
    lo = hi = None
    for c, negated in leaves(q.where):
        if c.facet != "date" or negated or c.via:
            continue
        key = int(float(c.values[0]))
        if c.op in (Op.GE, Op.GT):
            key = key if c.op is Op.GE else (key + 1 if key % 100 < 12 else (key // 100 + 1) * 100 + 1)
            lo = key if lo is None else max(lo, key)
        elif c.op in (Op.LE, Op.LT):
            key = key if c.op is Op.LE else (key - 1 if key % 100 > 1 else (key // 100 - 1) * 100 + 12)
            hi = key if hi is None else min(hi, key)
    return lo, hi


def dates_note(q: Query) -> str:
    """The date range in words with its ends stated as included: "from 2024 on, 2024 included"."""
    lo, hi = date_range(q)
    if lo is None and hi is None:
        return ""
    lex, show = lexicon(q.language), display(q.language)

    one_year = lo is not None and hi is not None and lo // 100 == hi // 100

    def label(key: int, first: bool) -> str:
        whole = key % 100 == (1 if first else 12) and not one_year
        return (f"{key // 100}年" if show.zh else str(key // 100)) if whole else show.month_name(key)

    if lo is not None and hi is not None:
        if one_year and lo % 100 == 1 and hi % 100 == 12:
            span = lex.say("dates_in", lo=f"{lo // 100}年" if show.zh else str(lo // 100))
        else:
            span = lex.say("dates_between", lo=label(lo, True), hi=label(hi, False))
    elif lo is not None:
        span = lex.say("dates_from", lo=label(lo, True))
    else:
        span = lex.say("dates_to", hi=label(hi, False))
    return lex.say("reading_dates", span=span)


def _names(ids: list[str], catalog: Catalog) -> str:
    return ", ".join(catalog.models[m].name for m in ids if m in catalog.models)


def kin_word(q: Query) -> str:
    """What the models a hop reached are to the model it started from: "parent", "parents", "grandparent"..."""
    if q.hop_depth < 0:  # "the model Turing-NLG was folded into": a child reached
        return lexicon(q.language).say("kin_children" if len(q.models) > 1 else "kin_child")
    return lexicon(q.language).say(("kin_grandparent" if q.hop_depth > 1 else "kin_parent") + ("s" if len(q.models) > 1 else ""))


def having_condition(q: Query, rows: int = 2) -> str:
    """The count a breakdown's rows are kept by, in words ("have more than 5 models"; with one row kept, its verb
    agrees: "has ...")."""
    templates = lexicon(q.language).data["templates"]
    words = templates["group_having_cond" if rows != 1 else "group_having_cond_one"][q.having_op.value]
    return words.format(n=q.having_n, s="" if q.having_n == 1 else "s")


def field_word(language: str, field: str) -> str:
    """The word for what a ranking or an aggregate measures: "size" for ``params``, "date" for ``date``."""
    return lexicon(language).say("size_word" if field == "params" else "date_word")


def order_words(language: str, s) -> str:
    """The direction a whole set is put in ("largest first", "oldest first") for a ``whole`` superlative."""
    return lexicon(language).data["templates"]["sort_words"][f"{s.field}-{'high' if s.largest else 'low'}"]


def claimed_set(q: Query) -> Query:
    """The set a ranking claim is checked against ("is PaLM the largest Google model?": Google's models)."""
    return q.model_copy(update={"models": [], "where": q.ranked_in, "intent": Intent.LIST, "premises": [],
                                "superlative": None, "ranked_in": None})


def reading(q: Query, catalog: Catalog) -> str:
    """One line: what the question was taken to ask."""
    lex, show = lexicon(q.language), display(q.language)
    say, label = lex.say, show.labels
    crit = criteria(q, catalog)
    where = say("reading_where", crit=crit) if crit else ""
    asked = ", ".join(label.get("attributes", {}).get(a.value, a.value) for a in q.attributes)
    if q.reason.value and q.intent is Intent.OUT_OF_SCOPE:
        out = say("reading_out_of_scope", reason=label.get("reasons", {}).get(q.reason.value, q.reason.value))
    elif q.unknown_names and not q.models:
        out = say("reading_unknown", names=", ".join(md_escape(n) for n in q.unknown_names))
    elif q.unrecorded:
        who = _names(q.models, catalog) or say("reading_catalog_models")
        out = say("reading_unrecorded", who=who, what=", ".join(label.get("unrecorded", {}).get(u, u) for u in q.unrecorded))
    elif q.lookup:
        kind = "first_author" if q.lookup.first else q.lookup.kind
        out = say("reading_lookup", kind=label.get("lookup", {}).get(kind, kind.replace("_", " ")), value=md_escape(q.lookup.value))
    elif q.intent is Intent.CONCEPT:
        from assistant.respond import concept_title_body

        ids = [c for c in (q.concept, *q.other_concepts) if c and c in catalog.concepts]
        out = say("reading_concept", titles=", ".join(concept_title_body(catalog, c, q.language)[0] for c in ids))
    elif q.ranked_in is not None and q.superlative and q.models:  # "is PaLM the largest Google model?"
        crit_set = criteria(claimed_set(q), catalog)
        out = say("reading_rank_claim", name=_names(q.models, catalog), word=show.superlative(q.superlative),
                  where=say("reading_where", crit=crit_set) if crit_set else "")
    elif q.intent is Intent.COMPARE:
        names = _names(q.models, catalog)
        out = say("reading_compare_by", names=names, asked=asked) if asked else say("reading_compare", names=names)
        if q.ratio_op is not None and len(q.models) == 2:  # "is PaLM over three times the size of GPT-3?"
            out += say("reading_ratio", first=catalog.models[q.models[0]].name, second=catalog.models[q.models[1]].name,
                       cond=lex.data["templates"]["ratio_cond"][q.ratio_op.value], n=f"{q.ratio:g}")
        if q.identified and q.described:  # "Anthropic's 2021 assistant paper": the model the description held
            out += say("reading_compare_identified", text=q.described, names=_names(q.identified, catalog))
        if q.in_order:  # "put them in release order": every model listed in that order
            out += say("reading_in_order_up" if q.ascending else "reading_in_order_down")
        if q.yes_no and crit:  # "did Google build T5 and BART?": what each model is checked against
            out += say("reading_given", crit=crit)
    elif q.intent in (Intent.FACT, Intent.CITATION) or (q.models and q.intent is Intent.LINEAGE):
        what = {Intent.CITATION: say("reading_source"), Intent.LINEAGE: say("reading_lineage")}.get(
            q.intent, asked or say("reading_overview"))
        if q.intent is Intent.LINEAGE and asked:  # "who made Zephyr, and what is it fine-tuned from?"
            what = f"{what}, {asked}"
        names = _names(q.models, catalog)
        if q.hop_from and q.hop_from in catalog.models:  # "Mistral 7B (reached as the parent of Zephyr) → labs"
            kin = kin_word(q)
            names += say("reading_hop", kin=kin, name=catalog.models[q.hop_from].name)
        if q.labs_besides:  # "who else built StarCoder besides Hugging Face?": the labs other than the ones said
            what += say("reading_labs_besides", named=show.join([show.lab(x) for x in q.labs_besides]))
        out = say("reading_fact", names=names, what=what) + (say("reading_given", crit=crit) if crit else "")
        if q.owned_kind:  # "how many dense sizes does Qwen3 have?": which sizes the count kept
            out += say(f"reading_owned_{q.owned_kind}")
        if q.owned_within:  # "how many sizes under 10B does Qwen3 have?": the sizes the count kept
            out += say("reading_owned_within", bound=describe(And(items=list(q.owned_within)), catalog, q.language))
        if q.owned_more:  # "does Pythia or OPT come in more sizes?": the two counts weighed
            out += say(f"reading_owned_{q.owned_more}")
    elif q.group_by:
        out = say("reading_group", field=show.facet(q.group_by, q.group_by)) + where
        if q.having_op is not None:  # "which labs have more than 5 models?": the rows kept
            noun = lex.data["templates"]["group_noun"].get(q.group_by, q.group_by)
            out += say("reading_having", plural=noun, cond=having_condition(q))
        if q.group_fewest:  # "which lab has the fewest models?": the low end leads
            out += say("reading_group_fewest")
        if q.group_by == "lab":  # breakdowns count labs as recorded; the Google DeepMind umbrella is for filters
            out += say("reading_group_lab")
    elif q.aggregate:  # "the average size of Google's models"
        templates = lex.data["templates"]
        out = say("reading_aggregate", kind=templates["aggregate_kinds"][q.aggregate], where=where,
                  what=field_word(q.language, q.aggregate_field),
                  basis=say(f"aggregate_basis_{q.aggregate_field}"))
    elif q.superlative and q.superlative.whole:  # "Google models sorted by size"
        s = q.superlative
        out = say("reading_sorted", where=where, field=field_word(q.language, s.field), order=order_words(q.language, s))
    elif q.superlative:
        s = q.superlative
        word = show.superlative(s)
        said = "reading_superlative_owned" if s.field in show.labels.get("superlative_owned", {}) else "reading_superlative"
        out = say(said, word=word, n=s.top, top=f"{s.top} " if s.top > 1 else "").replace("  ", " ") + where
        if s.field == "params" and s.measure:
            out += say("reading_measure", basis=say("basis_active" if s.measure == "active" else "basis_largest" if s.by_largest() else "basis_smallest"))
        if q.winner_kin:  # "the parent of the smallest DPO model": the winner, then its parents
            out += say("reading_winner_kin")
        if q.winner_others:  # "... and what else has that lab got?": the winner, then its lab's other models
            out += say("reading_winner_others")
    elif q.identified:
        out = say("reading_described", text=md_escape(q.described or ""), names=_names(q.identified, catalog)) + where
    elif q.intent is Intent.COUNT:
        out = say("reading_count", crit=crit) if crit else say("reading_count_all")
        if q.split is not None:  # "how many are decoders and how many are not?": the condition counted apart
            out += say("reading_split", yes=describe(q.split, catalog, q.language),
                       no=describe(Not(item=q.split), catalog, q.language))
        if len(q.apart) == 2:  # "how many multimodal vs mixture-of-experts models?": each condition counted
            out += say("reading_split", yes=describe(q.apart[0], catalog, q.language), no=describe(q.apart[1], catalog, q.language))
        if q.check_op is not None:  # "are there more than five ...?": the number the count is checked against
            out += say("reading_check", cond=lex.data["templates"]["count_check_cond"][q.check_op.value], k=q.check_n)
        if q.share_of is not None:  # a proportion: of which set
            base = describe(q.share_of, catalog, q.language) if q.share_of.items else ""
            out += say("reading_share", base=base) if base else say("reading_share_all")
            if q.share_check_op is not None:  # "are most ...?": the share checked against a fraction
                from assistant.tally import share_claimed

                out += say("reading_share_check", claim=share_claimed(q, lex))
    else:
        out = say("reading_list", crit=crit) if crit else say("reading_list_all")
        if q.winner_kin:  # "the MoE model with 47B total parameters is based on which model?": the one found, then its parents
            out += say("reading_found_kin")
    if q.intent in (Intent.LIST, Intent.COUNT) and not q.models:
        out += dates_note(q)
        if not (q.superlative or q.group_by) and any_size(q) is not None:
            out += say("reading_any_size")
    for p in q.premises:
        asserted = Not(item=p.constraint) if p.negated else p.constraint
        out += say("reading_premise", name=_names([p.model], catalog), constraint=describe(asserted, catalog, q.language))
    if q.corrections:
        out += say("reading_spelling", items=", ".join(md_escape(c) for c in q.corrections))
    out += _referent(q, catalog)
    if q.unparsed:
        out += say("reading_unparsed", items=", ".join(f"“{md_escape(u)}”" for u in q.unparsed))
    return out


def _referent(q: Query, catalog: Catalog) -> str:
    """How a follow-up's reference was resolved ("; about Code Llama (the previous question's subject)")."""
    r, say = q.referent, lexicon(q.language).say
    if r is None:
        return ""
    if r.source in ("list", "repeat"):
        return say(f"reading_referent_{r.source}")
    names = _names(r.models, catalog)
    return say("reading_referent", names=names, source=say(f"referent_{r.source}")) if names else ""
