"""Answers that weigh models against each other: comparisons, counts, breakdowns and rankings.

Comparisons lead with the verdict on the dimension asked (size or date), list the models in
verdict order and call ties ties. "Smallest" compares each model's smallest variant.
"""

from __future__ import annotations

import operator

from assistant.answer import Answer
from assistant.compose import Draft, cell, line, table
from assistant.facets import FACETS, group_values
from assistant.lexicon import lexicon, phrase_pattern
from assistant.paginate import LIST_LIMIT, page
from assistant.query import And, Attribute, Constraint, Intent, Op, Query, leaves, years_spanned
from assistant.reading import claimed_set, criteria, field_word, having_condition, order_words
from assistant.facets import owned_values
from assistant.retrieve import KIN_RANKINGS, OWNED_RANKINGS, holds, kin_ranked, ranked, select, size_key, superlative, why
from catalog import Catalog, ModelEntry

# the field a ranking is judged by, as the attribute that states it (shown with the winner, never asked of its parents)
_RANKED_ATTRIBUTE = {"params": Attribute.PARAMS, "date": Attribute.DATE}

_DIMENSIONS = {
    "size": (lambda e: e.params.max_millions, lambda e, s: s.size(e.params.max_millions), ("larger", "smaller"), "the same size"),
    "date": (lambda e: e.date.key, lambda e, s: s.date_stated(e), ("newer", "older"), "from the same month"),
    "license": (lambda e: _OPENNESS.get(e.license_class.value), lambda e, s: s.license(e), ("more open", "more restrictive"),
                "equally open"),
}
_OPENNESS = {"open": 3, "limited": 2, "closed": 1}  # licence classes from most to least open; unknown is not ranked


def verdict_order(entries: list[ModelEntry], dimension: str, ascending: bool) -> list[ModelEntry]:
    key = _DIMENSIONS[dimension][0]
    known = [e for e in entries if key(e) is not None]
    unknown = [e for e in entries if key(e) is None]
    return sorted(known, key=key, reverse=not ascending) + unknown


def dimension_sentence(entries: list[ModelEntry], dimension: str, ascending: bool, d: Draft) -> str:
    """'RoBERTa is larger (356M vs 340M for BERT).', or a tie called a tie."""
    key, value, (up, down), same = _DIMENSIONS[dimension]
    lex, s = d.lex, d.show
    words = s.labels.get("compare_words", {})
    known = [e for e in entries if key(e) is not None]
    if len(known) < 2:
        unknown = [e.name for e in entries if key(e) is None]
        return lex.say("compare_none_size", names=s.join(unknown)) if unknown else ""
    best_value = (min if ascending else max)(key(e) for e in known)
    winners = [e for e in known if key(e) == best_value]
    if len(winners) == len(known):
        return lex.say("compare_tie", names=s.join([e.name for e in known]), same=words.get(same, same), value=value(known[0], s))
    word = down if ascending else up
    if len(entries) > 2:
        word = {"larger": "the largest", "smaller": "the smallest", "newer": "the newest", "older": "the oldest",
                "more open": "the most open", "more restrictive": "the most restrictive"}[word]
    others = ("，" if s.zh else ", ").join(lex.say("compare_other", value=value(e, s), name=e.name) for e in known if e not in winners)
    lead = s.join([e.name for e in winners])
    verb = lex.say("compare_verb_one" if len(winners) == 1 else "compare_verb_tied")
    return lex.say("compare_win", lead=lead, verb=verb, word=words.get(word, word), value=value(winners[0], s), others=others)


def _ratio_shown(ratio: float, zh: bool = False) -> str:
    return f"{ratio:.1f}".rstrip("0").rstrip(".") if ratio < 10 else f"{ratio:,.0f}" if not zh else f"{ratio:.0f}"


def ratio_sentence(catalog: Catalog, q: Query, d: Draft) -> str:
    """"Is PaLM over three times the size of GPT-3?": the size of the first model named over the second's, checked
    against the factor claimed ("about": within 15%), with both sizes; "" when either size is not recorded."""
    if len(q.models) != 2:
        return ""
    first, second = (catalog.models[m] for m in q.models)
    a, b = first.params.max_millions, second.params.max_millions
    if not a or not b:
        return ""
    ratio, n, op = a / b, q.ratio, q.ratio_op
    held = abs(ratio - n) <= 0.15 * n if op is Op.EQ else _HOLDS[op](ratio, n)
    t = d.lex.data["templates"]
    said = d.lex.say("ratio_yes" if held else "ratio_no", big=first.name, big_size=d.show.size(a), small=second.name,
                     small_size=d.show.size(b), ratio=_ratio_shown(ratio, d.show.zh), cond=t["ratio_cond"][op.value], n=f"{n:g}")
    return d.lex.say("sentence", text=said, cite=d.cite(first.id) + d.cite(second.id))


def _years_months(months: int, lex) -> str:
    """A span of months in whole years and the months left: "6 years and 2 months", "2 years", "1 year and 1 month"."""
    y, m = divmod(months, 12)
    years = lex.say("span_year" if y == 1 else "span_years", n=y)
    return lex.say("span_years_months", years=years, months=lex.say("span_month" if m == 1 else "span_months", n=m)) if m else years


def gap_sentence(entries: list[ModelEntry], dimension: str, d: Draft) -> str:
    """How far apart two models are: "GPT-3 is about 117 times the size of GPT-2 (173.5B more parameters).",
    "GPT-2 came 4 months after BERT."; "" unless exactly two models have the value."""
    key = _DIMENSIONS[dimension][0]
    known = sorted((e for e in entries if key(e) is not None), key=key)
    if len(known) != 2 or len({e.id for e in known}) != 2:
        return ""
    (low, high), lex, s = known, d.lex, d.show
    if dimension == "size":
        if not key(low) or key(low) == key(high):
            return ""
        shown = _ratio_shown(key(high) / key(low), s.zh)
        return lex.say("compare_gap_size", big=high.name, small=low.name, ratio=shown, diff=s.size(key(high) - key(low)))
    months = (high.date.year - low.date.year) * 12 + high.date.month - low.date.month
    if not months:
        return ""
    gap = lex.say("gap_month") if months == 1 else lex.say("gap_months", n=months) if months < 12 else \
        lex.say("gap_year", n=months) if months == 12 else \
        lex.say("gap_years", n=months, years=f"{months / 12:.1f}".rstrip("0").rstrip("."), whole=_years_months(months, lex))
    return lex.say("compare_gap_date", later=high.name, earlier=low.name, gap=gap)


# the categorical fields two models can share, by their breakdown key (``facets.group_values``)
_SHARED = ("lab", "architecture", "objective", "license", "family")


def field_sentences(entries: list[ModelEntry], q: Query, d: Draft, verdict: bool = True) -> list[str]:
    """"Do T5 and BART share an architecture?": for each categorical field asked, the verdict (the same,
    a shared value, or different), then each model's value with its citation."""
    from assistant.respond import FACET_ATTRIBUTE, sentences as fact_sentences

    out = []
    for attribute in q.attributes:
        facet = next((f for f in _SHARED if FACET_ATTRIBUTE[f] is attribute), None)
        if facet is None:
            continue
        sets = [set(group_values(facet, e)) for e in entries]
        common = set.intersection(*sets)
        field = d.show.labels.get("facets", {}).get(facet, FACETS[facet].label)
        names = d.show.join([e.name for e in entries])
        shown = d.show.join([FACETS[facet].value_name(v) for v in sorted(common)])
        key = ("compare_field_same" if all(x == sets[0] for x in sets) else "compare_field_share" if common
               else "compare_field_differ")
        said = d.lex.say(key, names=names, field=field, value=shown)
        if q.yes_no and verdict:  # no other verdict was given (the question names no value every model must have)
            said = d.lex.say("verdict_yes" if common else "verdict_no") + ("" if d.show.zh else " ") + said
        out.append(said)
        out += [fact_sentences(e, d, [attribute]) for e in entries]
    return out


def relative_premises(catalog: Catalog, q: Query, d: Draft) -> list[str]:
    out = []
    for p in q.premises:
        e = catalog.models[p.model]
        if p.constraint.via and not holds(e, p.constraint):
            ref = catalog.models[p.constraint.via]
            word = {("size", Op.GT): "larger", ("size", Op.LT): "smaller", ("date", Op.GE): "newer",
                    ("date", Op.LE): "older"}.get((p.constraint.facet, p.constraint.op), "that")
            word = d.show.labels.get("compare_words", {}).get(word, word)
            # each model's own value, so the correction states the truth and not only that the comparison fails
            shown = {"size": lambda m: d.show.size(m.params.max_millions), "date": d.show.date}.get(p.constraint.facet)
            name, other = ((_valued(e.name, shown(e), d), _valued(ref.name, shown(ref), d)) if shown else (e.name, ref.name))
            out.append(d.lex.say("compare_not", name=name, word=word, ref=other, cites=f"{d.cite(e.id)} {d.cite(ref.id)}"))
    return out


def _valued(name: str, value: str, d: Draft) -> str:
    """A model's name with its value after it: "Chinchilla (70B)", "Chinchilla（700亿（70B））"."""
    return f"{name}（{value}）" if d.show.zh else f"{name} ({value})"


def answer_compare(catalog: Catalog, q: Query, entries: list[ModelEntry]) -> Answer:
    lex = lexicon(q.language)
    d = Draft(catalog, Intent.COMPARE, q.language)
    dims = list(q.order) or ["size", "date"]
    first = dims[0]
    asked = bool(q.order)
    ordered = verdict_order(entries, first, q.ascending) if asked else entries
    from assistant.premises import own_premises

    corrections = own_premises(catalog, q, d)  # "phi-4 is 70B right? how does it compare to Llama 2?": corrected first
    if corrections:
        d.add(("" if d.show.zh else " ").join(corrections))
    sentences = relative_premises(catalog, q, d) if q.ratio_op is None else []
    if q.ratio_op is not None and (said := ratio_sentence(catalog, q, d)):  # "is PaLM over three times ...?": the verdict leads
        sentences.append(said)
    weighed_verdict = False
    valued = q.yes_no and bool(q.where.items) and q.ratio_op is None  # "are T5 and BART both encoder-decoders?": every model must hold it
    if valued:  # ... each model but the one a relative constraint is measured against ("is BERT bigger than GPT?")
        refs = {c.via for c, _ in leaves(q.where) if c.via}
        judged = [e for e in entries if e.id not in refs] or entries[:1]
        sentences.append(lex.say("verdict_yes" if all(holds(e, q.where) for e in judged) else "verdict_no"))
    elif q.yes_no and asked and len(entries) == 2 and first in _DIMENSIONS and q.ratio_op is None and q.models and q.models[0] in {e.id for e in entries}:
        # "is Vicuna bigger than its base model?": the first model named against the other, on the dimension asked
        key = _DIMENSIONS[first][0]
        one = next(e for e in entries if e.id == q.models[0])
        other = next(e for e in entries if e.id != q.models[0])
        if key(one) is not None and key(other) is not None:
            if q.same_asked:  # "are GPT-3 and OPT the same size?": equal is the yes
                won = (one.date.year == other.date.year if q.same_asked == "year" and first == "date"
                       else key(one) == key(other))
            else:
                won = key(one) < key(other) if q.ascending else key(one) > key(other)
            sentences.append(lex.say("verdict_yes" if won else "verdict_no"))
            weighed_verdict = True  # the verdict on the dimension is the answer's: no second one on the field
    fields = field_sentences(ordered, q, d, verdict=not valued and not weighed_verdict)
    if valued and not fields:  # "did Google build T5 and BART?": each model's own value of the fields judged
        from assistant.respond import FACET_ATTRIBUTE, FACT_SENTENCES, sentences as fact_sentences

        judged_fields = list(dict.fromkeys(a for c, _ in leaves(q.where) if not c.via
                                           and (a := FACET_ATTRIBUTE.get(c.facet)) in FACT_SENTENCES))
        fields = [fact_sentences(e, d, judged_fields) for e in ordered] if judged_fields else []
    shown_dims = (dims + [x for x in ("size", "date") if x not in dims]) if asked or not fields else []
    weighed = [dimension_sentence(ordered, dim, q.ascending if dim == first else False, d) for dim in shown_dims]
    dated = any(c.facet == "date" and c.via for c, _ in leaves(q.where))
    spread = q.gap and not asked and not dated and bool(shown_dims)
    if spread:
        # "what's the gap between PaLM and PaLM 2?": no dimension named, so how far apart on each one both models have
        gaps = [gap_sentence(entries, dim, d) for dim in shown_dims]
        weighed = [f"{w}{'' if d.show.zh else ' '}{g}".strip() if g else w for w, g in zip(weighed, gaps)]
    if q.in_order and first in _DIMENSIONS:  # "put them in release order": the whole order leads
        key, value = _DIMENSIONS[first][:2]
        items = [_valued(e.name, value(e, d.show), d) for e in ordered if key(e) is not None]
        weighed = [lex.say(f"in_order_{first}_{'up' if q.ascending else 'down'}", items=d.show.join(items)) if len(items) > 1 else "",
                   *weighed]
    # a date weighed against the other model's ("was Qwen2 released more than a year after Qwen?"): the months between
    dimension = first if q.gap and first in ("size", "date") else "date" if dated else "size"
    if (q.gap and not spread or dated) and (gap := gap_sentence(entries, dimension, d)):
        weighed = [f"{weighed[0]}{'' if d.show.zh else ' '}{gap}".strip() if weighed else gap, *weighed[1:]]  # "how much bigger?": by how much
    # the verdict on the dimension asked leads ("Falcon is more open ..."), then the fields' values, then the rest
    sentences += weighed[:1] + fields + weighed[1:] if asked else fields + weighed
    for e in ordered:
        d.about(e.id)
    d.add(("" if d.show.zh else " ").join(s for s in sentences if s))
    if not q.yes_no and q.where.items:  # "how did DistilBERT, DQ-BART and ALBERT each become efficient?": each one's own words
        from assistant.respond import value_grounds

        for e in ordered:
            if holds(e, q.where) and (notes := value_grounds(e, q)):
                d.add(lex.say("value_evidence_named", name=e.name, cite=d.cite(e.id),
                              notes=("；" if d.show.zh else "; ").join(f"“{n}”" for n in notes)))
    archs = {e.architecture for e in ordered}
    if len(archs) == 1:
        d.add(lex.say("same_architecture_two" if len(ordered) == 2 else "same_architecture_all",
                      arch=d.show.architecture(ordered[0].architecture)))
    else:
        d.add(lex.say("architectures", items=("；" if d.show.zh else "; ").join(
            lex.say("architecture_item", name=e.name, arch=d.show.architecture_sole(e.architecture)) for e in ordered)))
    d.add(table(ordered, d))
    return d.finish()


def answer_concepts(catalog: Catalog, q: Query) -> Answer:
    """Two or more concepts side by side ("MLM vs causal LM", "encoder vs decoder")."""
    from assistant.respond import concept_title_body, english_aliases

    d = Draft(catalog, Intent.CONCEPT, q.language)
    concepts = [catalog.concepts[c] for c in (q.concept, *q.other_concepts)]
    texts = [concept_title_body(catalog, c.id, q.language) for c in concepts]
    d.add(d.lex.say("concept_compare_intro", names=d.show.join([t for t, _ in texts])))
    for c, (title, body) in zip(concepts, texts):
        d.add(f"**{title}**" + (f" {d.cite_concept(c.id)}" if c.paper else ""))
        if q.language != "en":
            d.add(d.lex.say("english_names", names=", ".join([c.title, *english_aliases(c, 3)])))
        d.add(body)
        if c.objective:
            users = [e for e in catalog.models.values() if c.objective in e.objectives][:8]
            if users:
                d.add(d.lex.say("concept_list", label=d.lex.say("examples"), items=("、" if d.show.zh else ", ").join(
                    f"{e.name} {d.cite(e.id)}" for e in users)))
    return d.finish()


def answer_count(catalog: Catalog, q: Query, entries: list[ModelEntry], also: list[ModelEntry] = ()) -> Answer:
    lex = lexicon(q.language)
    d = Draft(catalog, Intent.COUNT, q.language)
    crit = criteria(q, catalog)
    if q.group_by:
        return _grouped(q, entries, d, crit)
    if q.aggregate:
        return _aggregate(q, entries, d, crit)
    from assistant.unmet import MOST, unmet

    if q.superlative and not entries and not also and (found := unmet(catalog, q)):
        # "which is the newest of Baidu's Qwen models?": the family is Alibaba's; the field is corrected for the model the
        # ranking picks, then the family is ranked without it
        from assistant.premises import corrected

        asserted, rest, freed = found
        for e in superlative(rest, freed.superlative)[:MOST]:
            d.add(corrected(e, asserted, d))
        return _superlative(freed, rest, d, criteria(freed, catalog))
    if q.superlative:
        return _superlative(q, entries, d, crit)
    if q.split is not None or q.apart:
        return _split(q, entries, d)
    scope = lex.say("count_scope", crit=crit) if crit else ""
    if q.check_op is not None:  # "are there more than five Microsoft models?": the verdict on the count leads
        n = len(entries)
        cond = lex.data["templates"]["count_check_cond"][q.check_op.value]
        d.add(lex.say("count_check_yes" if _HOLDS[q.check_op](n, q.check_n) else "count_check_no", n=n, cond=cond,
                      k=q.check_n, s="" if n == 1 else "s", es="es" if n == 1 else ""))
    if q.share_of is not None and q.share_check_op is not None:  # "are most Google models decoders?": the verdict leads
        n, said, pct, total = _share_base(catalog, q, entries, lex)
        held = bool(total) and _HOLDS[q.share_check_op](n / total, q.share_check)
        d.add(_claim_verdict(q, held, lex, n=n, base=said, pct=pct))
        if not held and q.share_check >= 1 and q.share_of.items:  # "are all of DeepMind's models closed?": the ones not
            d.add(_exceptions(catalog, q, entries, d))
    d.add(lex.say("count_one" if len(entries) == 1 else "count_many", n=len(entries), scope=scope))
    if q.share_of is not None and q.share_check_op is None:  # "what share of ...": the count as a part of its base set
        d.add(_share(catalog, q, entries, lex))
    if entries and (len(entries) < len(catalog.models) or crit):
        entries, note = page(entries, language=q.language)
        if note:
            d.add(note)
        d.add("\n".join(line(e, d, why(e, q)) for e in entries))
    from assistant.respond import add_also_sized

    add_also_sized(q, list(also), d, more=bool(entries), listed=len(entries))
    return d.finish()


def _split(q: Query, entries: list[ModelEntry], d: Draft) -> Answer:
    """"How many of Meta's models are decoders and how many are not?": the set's models that hold the condition and
    those that do not, each counted, then the models behind each count (as many as a page holds)."""
    from assistant.query import Not
    from assistant.reading import describe

    lex, show = d.lex, d.show
    # "how many multimodal vs mixture-of-experts models?": each condition of its own (``apart``); else one and its negation
    sides = [And(items=[c]) for c in q.apart] if q.apart else [And(items=[q.split]), And(items=[Not(item=q.split)])]
    members = [(describe(side, d.catalog, q.language), [e for e in entries if holds(e, side)]) for side in sides]
    pairs = lex.say("group_named_join").join(lex.say("group_named_pair", label=label, n=len(those)) for label, those in members)
    d.add(lex.say("group_named", pairs=pairs, total=len(entries)))
    per = max(1, LIST_LIMIT // 2)
    d.add("\n".join(lex.say("group_members" if len(those) <= per else "group_members_first", label=label, n=len(those),
                             shown=per, names=show.join([f"{e.name} {d.cite(e.id)}" for e in those[:per]]))
                     for label, those in members if those))
    return d.finish()


def _exceptions(catalog: Catalog, q: Query, entries: list[ModelEntry], d: Draft) -> str:
    """The models of a claim's base set that break "all of them" (each with the fields the question asks about), in the
    catalog part the count keeps, as many as a page holds."""
    counted = {e.id for e in entries}
    parts = {e.in_paper for e in entries} or {True}
    base = [e for e in catalog.models.values() if holds(e, q.share_of) and e.id not in counted
            and (len(parts) != 1 or e.in_paper in parts or part_counted(q))]
    if not base or len(base) > 12:  # a few exceptions name what decides the claim; many are the other answer's list
        return ""
    shown, _ = page(base, language=q.language)
    return d.lex.say("share_check_except", n=len(base)) + "\n" + "\n".join(line(e, d, why(e, q)) for e in shown)


def _claim_verdict(q: Query, held: bool, lex, scope: str = "", **values) -> str:
    """The verdict on a share claim, over one part (``scope`` "") or the whole catalog ("whole_"): "Yes: ... all of
    them", "No: ... not more than half"; a claim that none is so ("no Google model is closed") that fails names no
    share ("No: 9 of the 25 ... match")."""
    no = f"share_check_{scope}none_no" if q.share_check == 0 else f"share_check_{scope}no"
    return lex.say(f"share_check_{scope}yes" if held else no, claim=share_claimed(q, lex), **values)


def share_claimed(q: Query, lex) -> str:
    """The share a claim checks, in words: "more than half", "at least a third", "all of them" (all: no comparison said)."""
    t = lex.data["templates"]
    frac = t["share_check_fraction"].get(f"{q.share_check:g}") or f"{100 * q.share_check:g}%"
    if q.share_check >= 1 or q.share_check == 0:  # "all of them", "none of them": no comparison said
        return frac
    return f"{t['share_check_cond'][q.share_check_op.value]}{'' if q.language == 'zh' else ' '}{frac}"


def part_counted(q: Query) -> bool:
    """A share whose counted set is a part of the catalog itself ("what fraction of the 119 models are additions?",
    "what share of Google's models are in the paper?"): its base runs over both parts, not over the part counted."""
    base = [c for c, _ in leaves(q.share_of)]
    own = [c for c, _ in leaves(q.where) if c not in base]
    return q.share_of is not None and bool(own) and all(c.facet == "catalog" for c in own)


def share_whole(catalog: Catalog, q: Query, entries: list[ModelEntry]) -> str:
    """A share whose base has models in both parts, said once over the whole catalog ("Across the whole catalog ...: 9 of
    the 25 models where lab = Google (36%)"), after the answer that keeps the parts apart; "" when the base is in one part
    or the answer already counts over both."""
    if q.share_of is None or not catalog.beyond_ids or any(c.facet == "catalog" for c, _ in leaves(q.where)):
        return ""
    base = [e for e in catalog.models.values() if holds(e, q.share_of)]
    if len({e.in_paper for e in base}) != 2:
        return ""
    lex = lexicon(q.language)
    counted = [e for e in entries if e in base]
    crit = criteria(q.model_copy(update={"where": q.share_of, "exclude": [], "relations": [], "share_of": None}), catalog)
    said = lex.say("share_set", total=len(base), crit=crit) if crit else lex.say("share_all", total=len(base))
    pct = f"{100 * len(counted) / len(base):.0f}%"
    if q.share_check_op is not None:  # "does every Microsoft model ...?": the claim is about the whole catalog
        held = _HOLDS[q.share_check_op](len(counted) / len(base), q.share_check)
        return _claim_verdict(q, held, lex, "whole_", n=len(counted), base=said, pct=pct)
    return lex.say("share_whole", n=len(counted), base=said, pct=pct)


def _share(catalog: Catalog, q: Query, entries: list[ModelEntry], lex) -> str:
    """"That is 5 of the 19 models where lab = Google (26%)": the base set counted over the same catalog part as the
    count (the paper's models, or the additions, when the answer keeps them apart)."""
    n, said, pct, _ = _share_base(catalog, q, entries, lex)
    return lex.say("share", n=n, base=said, pct=pct)


def _share_base(catalog: Catalog, q: Query, entries: list[ModelEntry], lex) -> tuple[int, str, str, int]:
    """The count, its base set said ("the 19 models where lab = Google"), the share as a percentage, and the base's size."""
    whole = part_counted(q)  # the part is what is counted: the base is every model of the set, in either part
    parts = {e.in_paper for e in entries} if not whole else {True, False}
    kept = [c for c, neg in leaves(q.where) if c.facet == "catalog" and not neg and not whole]  # "... among the additions": the part asked
    where = And(items=[*q.share_of.items, *kept])
    base = [e for e in catalog.models.values() if holds(e, where) and (len(parts) != 1 or e.in_paper in parts)]
    if not entries and catalog.beyond_ids and not kept and not whole:
        base = [e for e in base if e.in_paper]
    base_q = q.model_copy(update={"where": q.share_of, "exclude": [], "relations": [], "share_of": None})
    crit = criteria(base_q, catalog)
    whole = ("share_all" if not catalog.beyond_ids or len({e.in_paper for e in base}) != 1
             else "share_all_paper" if base[0].in_paper else "share_all_beyond")
    said = lex.say("share_set", total=len(base), crit=crit) if crit else lex.say(whole, total=len(base))
    pct = f"{100 * len(entries) / len(base):.0f}%" if base else "—"
    return len(entries), said, pct, len(base)


def distinct(q: Query) -> bool:
    """Whether a breakdown question asks how many different values there are ("how many labs?")."""
    g = lexicon(q.language).data["group_by"]
    words = g["keys"].get(q.group_by, "")
    return bool(words) and bool(phrase_pattern(g["distinct"].replace("{w}", f"(?:{words})")).search(q.text.lower()))


def _two_counted(counts: dict[str, int], lex) -> str:
    """Two values counted, compared: "**decoder** has 27 more models than **encoder** (2.7 times as many)"."""
    (a, na), (b, nb) = sorted(counts.items(), key=lambda kv: -kv[1])
    if na == nb:
        return lex.say("group_named_tie", n=na)
    a = a if lex.language == "zh" else a[:1].upper() + a[1:]  # the sentence starts with it
    ratio = f"{na / nb:.2g}" if nb else "∞"
    if ratio == "1":  # 22 against 21: "1.05 times as many", never "1 times"
        ratio = f"{na / nb:.3g}"
    return lex.say("group_named_diff", a=a, b=b, diff=na - nb, ratio=ratio, s="" if na - nb == 1 else "s")


# breakdowns by time list their rows in time's order, by the values counted ("2021", "2022 Q3", a month's "03"), not by
# the labels shown ("March")
_TIME_KEYS = ("year", "half", "quarter", "month")
# a breakdown over every value of its field is said over the whole catalog first when the field has this many values or
# fewer there (architectures, licence classes, years): a short line; a longer one (labs) keeps to the parts' tables
WHOLE_ROWS = 10
# the fields such a breakdown runs over (a line of descent's rows are models, counted apart as asked)
_WHOLE_KEYS = frozenset({"year", "half", "quarter", "month", "architecture", "license", "objective", "domain", "trait", "family", "lab"})


def group_whole(catalog: Catalog, q: Query, entries: list[ModelEntry]) -> str:
    """Values of one field counted against each other over models of both parts: the counts over the whole catalog, said
    first ("" otherwise; each part keeps its own counts below). The values are those the question names ("who built more
    models, Google or OpenAI?"), or every value of a field with few of them ("how many models per architecture?")."""
    named = _named_values(q) if q.group_by and q.having_op is None else []
    if not catalog.beyond_ids or len({e.in_paper for e in entries}) != 2 or not (q.group_by or q.apart) or q.having_op is not None:
        return ""
    lex = lexicon(q.language)
    show = Draft(catalog, Intent.COUNT, q.language).show
    if q.apart:  # "how many multimodal vs mixture-of-experts models?": each condition, over both parts
        from assistant.reading import describe
        counts = {describe(c, catalog, q.language): sum(1 for e in entries if holds(e, And(items=[c]))) for c in q.apart}
    elif len(named) >= 2:
        counts = {show.group_label(q.group_by, v): n for v, n in _value_counts(q, entries, named).items()}
    elif named or _years_asked(q) or distinct(q) or q.group_by not in _WHOLE_KEYS:
        return ""
    else:  # every value of the field: each one's count, in the order the parts' tables use
        every = _value_counts(q, entries, [])
        if not 1 < len(every) <= WHOLE_ROWS:
            return ""
        order = sorted(every.items()) if q.group_by in _TIME_KEYS else sorted(every.items(), key=lambda kv: (-kv[1], kv[0]))
        counts = {show.group_label(q.group_by, v): n for v, n in order}
    pairs = lex.say("group_named_join").join(lex.say("group_named_pair", label=k, n=n) for k, n in counts.items())
    return lex.say("group_whole", pairs=pairs, total=len(entries), verdict=_two_counted(counts, lex) if len(counts) == 2
                   else _most_counted(counts, lex, q.group_fewest))


def _most_counted(counts: dict[str, int], lex, fewest: bool = False) -> str:
    """Three values or more counted side by side ("how many models per alignment method: RLHF, DPO, RL for reasoning?"):
    the one with the most models (the fewest, when those are asked), when one leads ("" on a tie at that end)."""
    (a, na), (_, nb) = sorted(counts.items(), key=lambda kv: kv[1] if fewest else -kv[1])[:2]
    if na == nb:
        return ""
    a = a if lex.language == "zh" else a[:1].upper() + a[1:]
    return lex.say("group_named_fewest" if fewest else "group_named_most", a=a, n=na)


def _named_values(q: Query) -> list:
    """The values of the breakdown's own field the question names as alternatives ("Google or OpenAI"), if any."""
    if q.group_by not in FACETS:
        return []
    named = [c.values for c, neg in leaves(q.where) if not neg and c.facet == q.group_by and c.op is Op.IN and len(c.values) > 1]
    return list(named[0]) if len(named) == 1 else []


_HOLDS = {Op.GT: operator.gt, Op.GE: operator.ge, Op.LT: operator.lt, Op.LE: operator.le, Op.EQ: operator.eq}


def _having(q: Query, ordered: list[tuple[str, int]], entries, d: Draft, field: str) -> Answer:
    """The breakdown's rows with so many models: how many, which, and their counts."""
    lex = d.lex
    kept = [(k, n) for k, n in ordered if _HOLDS[q.having_op](n, q.having_n)]
    cond = having_condition(q, len(kept))
    plural = lex.data["templates"]["group_plural"].get(q.group_by, field)
    scope = lex.say("group_having_scope", total=len(entries))
    if not kept:
        d.add(lex.say("group_having_none", singular=field, cond=cond, scope=scope))
        return d.finish()
    items = ("、" if d.show.zh else ", ").join(lex.say("group_having_item", label=k, n=n) for k, n in kept)
    d.add(lex.say("group_having", k=len(kept), plural=plural, cond=cond, scope=scope, items=items))
    return d.finish()


def _years_asked(q: Query) -> list[str]:
    """The years of the question's own date range when a breakdown is by year ("2020 and 2021 respectively"), else []."""
    if q.group_by != "year":
        return []
    years = years_spanned(q.where)
    return [str(y) for y in years] if 1 < len(years) <= 10 else []


def _grouped(q: Query, entries, d: Draft, crit: str) -> Answer:
    """Counts per value of one field ("which lab has the most models", "models per year")."""
    lex, show = d.lex, d.show
    counts: dict[str, int] = {}
    counted: dict[str, str] = {}  # each row's label -> the value counted under it (the order of a breakdown by time)
    named = _named_values(q)  # "who built more models, Google or OpenAI?": each value the question names
    label = _row_label(q, d) if named else (lambda v: show.group_label(q.group_by, v))
    for value, n in _value_counts(q, entries, named).items():
        counts[label(value)] = counts.get(label(value), 0) + n
        counted.setdefault(label(value), str(value))
    years = _years_asked(q)
    if years and counts:  # "how many in 2020 and 2021 respectively": every year of the range, a year with none too
        counts = {**{show.group_label("year", y): 0 for y in years}, **counts}
    if not counts:
        d.add(lex.say("group_none"))
        return d.finish()
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if q.group_fewest:  # "which lab has the fewest models?": the lowest count leads
        ordered = sorted(counts.items(), key=lambda kv: (kv[1], kv[0]))
    top = [k for k, n in ordered if n == ordered[0][1]]
    scope = lex.say("group_scope", crit=crit) if crit else lex.say("group_scope_all")
    field = show.facet(q.group_by, q.group_by)
    if q.having_op is not None:  # "which labs have more than 5 models?": the rows whose count holds
        return _having(q, ordered, entries, d, field)
    if named or years:  # each value the question names, counted apart, leads ("Google: 19; OpenAI: 10")
        pairs = lex.say("group_named_join").join(lex.say("group_named_pair", label=k, n=n)
                                                  for k, n in (sorted(counts.items()) if years else counts.items()))
        d.add(lex.say("group_named", pairs=pairs, total=len(entries)))
        if named and len(counts) == 2:  # "how many more decoders than encoders?", "the ratio of open to closed": the two compared
            d.add(_two_counted(counts, lex))
    if distinct(q):  # "how many labs are there?": the number of different values leads
        d.add(lex.say("group_distinct", n=len(counts), field=field, total=len(entries), scope=scope))
    lead = show.join(top)
    d.add(lex.say("group_lead_fewest" if q.group_fewest else "group_lead", lead=lead if show.zh else lead[:1].upper() + lead[1:], has=lex.say("group_has" if len(top) == 1 else "group_have"),
                  scope=scope, n=ordered[0][1], each=lex.say("group_each") if len(top) > 1 else "", total=len(entries),
                  field=field))
    rows = sorted(counts.items(), key=lambda kv: counted.get(kv[0], kv[0])) if q.group_by in _TIME_KEYS else ordered
    shown = [(k, n) for k, n in rows if n > 1 or len(rows) <= 12]
    d.add(lex.say("group_header", field=field) + "\n|---|---|\n" + "\n".join(f"| {cell(k)} | {n} |" for k, n in shown))
    if len(shown) < len(rows):
        d.add(lex.say("group_more", n=len(rows) - len(shown)))
    if named:  # the values named are few: the models behind each count, so the numbers can be checked
        facet = FACETS[q.group_by]
        members = [(value, [e for e in entries if facet.match(e, Constraint(facet=q.group_by, values=[value]))]) for value in named]
        per = max(1, LIST_LIMIT // max(1, len(members)))  # one page in all: a catalog with thousands of entries lists a part
        d.add("\n".join(lex.say("group_members" if len(those) <= per else "group_members_first",
                                 label=label(value), n=len(those), shown=per,
                                 names=show.join([f"{e.name} {d.cite(e.id)}" for e in those[:per]]))
                         for value, those in members if those))
    elif q.where.items and not distinct(q):  # a filtered set counted per value: the models of each row, named likewise
        behind: dict[str, list] = {}
        for e in entries:
            for value in group_values(q.group_by, e):
                behind.setdefault(show.group_label(q.group_by, value), []).append(e)
        per = max(1, LIST_LIMIT // max(1, len(behind)))
        d.add("\n".join(lex.say("group_members" if len(behind[k]) <= per else "group_members_first", label=k,
                                 n=len(behind[k]), shown=per, names=show.join([f"{e.name} {d.cite(e.id)}" for e in behind[k][:per]]))
                         for k, _ in rows if behind.get(k)))
    return d.finish()


def _value_counts(q: Query, entries, named: list) -> dict:
    """How many of the entries hold each value of the field counted by: the values the question names, else every value
    the entries have (in the order they first come)."""
    if named:
        facet = FACETS[q.group_by]
        return {v: sum(1 for e in entries if facet.match(e, Constraint(facet=q.group_by, values=[v]))) for v in named}
    counts: dict = {}
    for e in entries:
        for value in group_values(q.group_by, e):
            counts[value] = counts.get(value, 0) + 1
    return counts


def _row_label(q: Query, d: Draft):
    """How a breakdown row's value is shown: a model's name when the rows are models' lines ("derived from BERT"), else
    the value as the language names it."""
    from assistant.facets import LineageFacet

    if isinstance(FACETS.get(q.group_by), LineageFacet):
        return lambda v: d.catalog.models[v].name if v in d.catalog.models else str(v)
    return lambda v: d.show.group_label(q.group_by, v)


def _superlative(q: Query, entries, d: Draft, crit: str) -> Answer:
    lex, show = d.lex, d.show
    s = q.superlative
    winners = superlative(entries, s)
    previous = crit == lex.say("among_previous")
    scope = (lex.say("superlative_scope_previous") if previous else lex.say("superlative_scope", crit=crit) if crit
             else lex.say("superlative_scope_all"))
    if q.tallied:  # "how many OpenAI models are there, and which is the oldest?": the count first
        d.add(lex.say("count_one" if len(entries) == 1 else "count_many", n=len(entries),
                      scope=lex.say("count_scope", crit=crit) if crit else ""))
    if not winners:
        d.add(lex.say("superlative_none", what=field_word(q.language, s.field), scope=scope))
        return d.finish()
    word = show.superlative(s)
    value = _ranked_value(s, show)
    if s.ends:
        return _ends(q, entries, d, scope)
    if s.whole:  # "Google models sorted by size": every model of the set in that order, the ones it cannot place after
        order = ranked(entries, s, len(entries))
        where = (lex.say("sorted_scope_previous") if previous else lex.say("sorted_scope", crit=crit) if crit
                 else lex.say("superlative_scope_all"))
        d.add(lex.say("sorted_head", n=len(entries), scope=where, order=order_words(q.language, s)).strip())
        d.add("\n".join(f"{i}. **{e.name}** ({value(e)}) {d.cite(e.id)}" for i, e in enumerate(order, start=1)))
        if unplaced := [e for e in entries if e not in order]:
            d.add(lex.say("sorted_unplaced", what=field_word(q.language, s.field),
                          names=show.join([f"**{e.name}** {d.cite(e.id)}" for e in unplaced])))
        return d.finish()
    owned = s.field in OWNED_RANKINGS or s.field in KIN_RANKINGS  # "the most sizes": said "the model with the most released sizes"
    if s.top > 1:
        top = ranked(entries, s, s.top, ties=True)
        d.add(lex.say("superlative_owned_top" if owned else "superlative_top", n=min(len(top), s.top), word=word, scope=scope))
        d.add("\n".join(f"{i}. **{e.name}** ({value(e)}) {d.cite(e.id)}" for i, e in enumerate(top, start=1)))
        if len(top) > s.top:
            d.add(lex.say("superlative_top_ties", n=len(top), value=value(top[-1])))
    else:
        winners, note = page(winners, language=q.language)
        if note:
            d.add(note)
        names = show.join([f"**{e.name}** ({value(e)}) {d.cite(e.id)}" for e in winners])
        d.add(lex.say(("superlative_owned_" if owned else "superlative_") + ("one" if len(winners) == 1 else "many"),
                      word=word, scope=scope, names=names))
        from assistant.respond import FACT_SENTENCES, owned_count, sentences

        if q.attributes and len(winners) <= 3:  # "the licence of the biggest of them": the attribute of each winner
            attrs = [x for x in q.attributes if x in FACT_SENTENCES and not (q.winner_kin and x is _RANKED_ATTRIBUTE.get(s.field))]
            if q.owned_count is not None:  # "how many sizes does the newest Qwen come in?": the winner's own count first
                d.add("\n".join(owned_count(e, q.owned_count, d) for e in winners))
                attrs = [x for x in attrs if x is not q.owned_count]
            if not q.winner_kin and attrs:
                d.add("\n".join(sentences(e, d, attrs) for e in winners))
        elif s.field == "params" and s.measure != "active" and len(winners) <= 3:
            # a size ranking judges each model by one of its sizes: a winner released in several sizes states them all,
            # so the reading by its other end is shown too ("GPT-2 (124M)": 124M, 355M, 774M, 1.5B)
            several = [e for e in winners if len(owned_values(e, Attribute.PARAMS)) > 1]
            if several:
                d.add("\n".join(sentences(e, d, [Attribute.PARAMS]) for e in several))
        _anchors(q, d)
        if q.winner_others and len(winners) <= 3:  # "... and what else has that lab got?": the winner's lab's other models
            _winner_others(winners, d)
        if q.winner_kin and len(winners) <= 3:  # "the parent of the smallest DPO model": the winner's parents, each cited,
            _winner_parents(q, winners, d, attrs if q.attributes else [])  # and what else is asked of them
    if s.field == "params":
        known = sum(1 for e in entries if e.params.max_millions is not None)
        d.add(lex.say("superlative_basis", n=known, basis=lex.say(basis_key(s))))
    return d.finish()


def _ends(q: Query, entries, d: Draft, scope: str) -> Answer:
    """"The oldest and the newest Google model", "the largest and smallest additions": each end of the ranking (ties
    together), with its value and citation, then how far apart the two ends are (``gap_sentence``: the months between
    their releases, or how many times the size of one the other is)."""
    s, lex, show = q.superlative, d.lex, d.show
    end = {b: s.model_copy(update={"ends": False, "largest": b}) for b in (False, True)}  # each judged by its own variant
    low, high = (superlative(entries, end[b]) for b in (False, True))

    def names(es, b):
        es, value = page(es, language=q.language)[0], _ranked_value(end[b], show)
        return show.join([f"**{e.name}** ({value(e)}) {d.cite(e.id)}" for e in es])
    d.add(lex.say("superlative_ends", low_word=show.superlative(end[False]), high_word=show.superlative(end[True]),
                  scope=scope, low=names(low, False), high=names(high, True)))
    if low[0].id != high[0].id and s.field == "date" and (gap := gap_sentence([low[0], high[0]], "date", d)):
        d.add(gap)
    elif s.field == "params" and (small := size_key(end[False])(low[0])) and (big := size_key(end[True])(high[0])) > small:
        d.add(lex.say("compare_gap_size", big=high[0].name, small=low[0].name, ratio=_ratio_shown(big / small, show.zh),
                      diff=show.size(big - small)))
    if s.field == "params":
        known = sum(1 for e in entries if e.params.max_millions is not None)
        d.add(lex.say("superlative_basis", n=known, basis=lex.say(basis_key(s))))
    return d.finish()


def _anchors(q: Query, d: Draft) -> None:
    """The models a ranked set was defined through ("the largest model from the lab that made Jamba"): each one's value
    that the set shares, cited ("Jamba was built by AI21 [2]"), so the chain's first step is shown and sourced."""
    from assistant.respond import FACET_ATTRIBUTE, FACT_SENTENCES, sentences

    shared = {x.model for x in q.relations if x.kind == "same" and x.model}  # "the same lab as X", not "before X"
    for c, neg in leaves(q.where):
        anchor = d.catalog.models.get(c.via or "")
        attr = FACET_ATTRIBUTE.get(c.facet)
        if anchor is not None and c.via in shared and not neg and attr in FACT_SENTENCES and c.via not in d.models:
            d.add(sentences(anchor, d, [attr]))


def _winner_others(winners, d: Draft) -> None:
    """The other models of each winner's labs (its canonical organizations: "Facebook" and "Meta AI" are one lab), oldest
    first, each cited (an answer's model)."""
    for e in winners:
        others = sorted((o for o in d.catalog.models.values() if o.id != e.id and set(o.org_names) & set(e.org_names)),
                        key=lambda o: o.date.key)
        names = d.show.join([f"**{o.name}** {d.cite(o.id)}" for o in others])
        d.add(d.lex.say("winner_others", labs=d.show.labs(e), names=names) if others
              else d.lex.say("winner_others_none", labs=d.show.labs(e), name=e.name))


def _winner_parents(q: Query, winners, d: Draft, attrs) -> None:
    """The recorded parents of each winner of a ranking, each parent cited (an answer's model), then the fields asked of
    them ("who built the parent of the newest Google model?"); a winner with no parent in the catalog says so."""
    from assistant.respond import sentences

    lex = d.lex
    for e in winners:
        parents = [d.catalog.models[p] for p in e.derived_from if p in d.catalog.models]
        if not parents:
            d.add(lex.say("sentence", text=lex.say("fact_parents_none", name=e.name), cite=d.cite(e.id)))
            continue
        kin = lex.say("kin_parents" if len(parents) > 1 else "kin_parent")
        d.add(lex.say("hop_lead", name=e.name, kin=kin, parents=d.show.join([f"**{p.name}** {d.cite(p.id)}" for p in parents])))
        if attrs:
            d.add("\n".join(sentences(p, d, attrs) for p in parents))


def basis_key(s) -> str:
    """The lexicon key naming the size a ranking compares."""
    if s.ends and s.measure is None:  # both ends, each by its own variant
        return "basis_ends"
    return "basis_active" if s.measure == "active" else "basis_largest" if s.by_largest() else "basis_smallest"


def _median(xs: list[float]) -> float:
    xs = sorted(xs)
    mid = len(xs) // 2
    return xs[mid] if len(xs) % 2 else (xs[mid - 1] + xs[mid]) / 2


def _aggregate(q: Query, entries, d: Draft, crit: str) -> Answer:
    """"The average size of Google's models": the mean, median or total of each model's largest size (or the mean or
    median of the release months) over the set, with the range, the models left out for want of a value, and every
    value used with its citation."""
    lex, show = d.lex, d.show
    dated = q.aggregate_field == "date"
    what = field_word(q.language, q.aggregate_field)
    month = lambda e: e.date.year * 12 + e.date.month - 1  # months since year 0: a mean of dates in months
    value_of = month if dated else (lambda e: e.params.max_millions)
    shown = ((lambda x: show.month_name((int(round(x)) // 12) * 100 + int(round(x)) % 12 + 1)) if dated
             else lambda x: show.size(float(f"{x:.4g}")))  # a computed size to four significant digits
    known = sorted((e for e in entries if value_of(e) is not None), key=value_of)
    scope = lex.say("aggregate_scope", crit=crit) if crit else ""
    kind = lex.data["templates"]["aggregate_kinds"][q.aggregate]
    if not known:
        d.add(lex.say("aggregate_none", scope=scope, what=what, kind=kind))
    elif len(known) == 1:
        e = known[0]
        d.add(lex.say("aggregate_one", scope=scope, what=what, name=f"**{e.name}** {d.cite(e.id)}", value=shown(value_of(e))))
    else:
        xs = [value_of(e) for e in known]
        mean, median = sum(xs) / len(xs), _median(xs)
        value = {"mean": mean, "median": median, "sum": sum(xs)}[q.aggregate]
        d.add(lex.say(f"aggregate_{q.aggregate}", n=len(known), scope=scope, what=what, value=shown(value),
                      mean=shown(mean), median=shown(median), low=shown(xs[0]), high=shown(xs[-1]),
                      basis=lex.say(f"aggregate_basis_{q.aggregate_field}")))
        items = ("；" if show.zh else "; ").join(f"{e.name} {shown(value_of(e))} {d.cite(e.id)}" for e in known)
        d.add(lex.say("aggregate_values", items=items))
    if left := [e for e in entries if value_of(e) is None]:
        d.add(lex.say("aggregate_left_out", what=what, names=show.join([f"{e.name} {d.cite(e.id)}" for e in left])))
    return d.finish()


def _ranked_value(s, show):
    """A ranked model's value as the ranking shows it: the size it was ranked by, its date as an answer gives one, or
    the number of its own values counted, with them ("8: 125M, 350M, ...")."""
    if s.field in OWNED_RANKINGS:
        counted = OWNED_RANKINGS[s.field]
        return lambda e: show.lex.say("owned_value", n=len(owned_values(e, counted)),
                                      values=show.join(show.owned(counted, owned_values(e, counted))))
    if s.field in KIN_RANKINGS:  # "the model derived from most often": how many, and which ("12: ALBERT, ...")
        return lambda e: show.lex.say("owned_value", n=len(kin_ranked(s.field, e)),
                                      values=show.join(kin_ranked(s.field, e)))
    return (lambda e: show.size(size_key(s)(e))) if s.field == "params" else show.date_stated


def rank_claim(catalog: Catalog, q: Query, e: ModelEntry, d: Draft) -> str:
    """"Is PaLM the largest Google model?": the verdict, then the set's own winner(s) with the value, and the model's
    value when it is not one of them (or that it is not in the set at all)."""
    lex, show, s = d.lex, d.show, q.superlative
    base = claimed_set(q)
    entries = select(catalog, base)
    winners = superlative(entries, s)
    crit = criteria(base, catalog)
    scope = lex.say("superlative_scope", crit=crit) if crit else lex.say("superlative_scope_all")
    value = _ranked_value(s, show)
    word = show.superlative(s)
    if not winners:
        return lex.say("superlative_none", what=field_word(q.language, s.field), scope=scope)
    if e in winners:
        others = [m for m in winners if m.id != e.id]
        tie = lex.say("rank_claim_tied", names=show.join([f"**{m.name}** {d.cite(m.id)}" for m in others])) if others else ""
        return lex.say("rank_claim_yes", name=e.name, word=word, scope=scope, value=value(e), cite=d.cite(e.id), tie=tie)
    own = (lex.say("rank_claim_outside", name=e.name, cite=d.cite(e.id)) if e not in entries
           else lex.say("rank_claim_own" if s.field == "params" else "rank_claim_own_date", name=e.name, value=value(e),
                        cite=d.cite(e.id)))
    named = show.join([f"**{m.name}** ({value(m)}) {d.cite(m.id)}" for m in winners])
    return lex.say("rank_claim_no", word=word, scope=scope, names=named, own=own)
