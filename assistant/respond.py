"""One answer builder per intent. Each takes the typed query and catalog records, returns an Answer.

Builders read the ``Query`` only (never the question text); fixed sentences come from the
lexicon of the query's language. Comparisons, counts and rankings live in ``assistant.tally``.
"""

from __future__ import annotations

import re

from assistant.answer import Answer
from assistant.display import display
from assistant.compose import FIELD_ROWS, Draft, bibtex_block, line, md_escape, no_title
from assistant.facets import FACETS, active_share_items, design_notes, silent_trait
from assistant.lexicon import lexicon, phrase_pattern
from assistant.paginate import LIST_LIMIT, page
from assistant.premises import article, premise_corrections, stated_premises, wrong_facts
from assistant.query import And, Attribute, Intent, Op, Query, leaves
from assistant.reading import criteria, kin_word
from assistant.retrieve import any_size, holds, why
from catalog import Catalog, ModelEntry, to_bibtex
from catalog.translations import concept_texts
from catalog.vocab import canonical_lab, lab_umbrella


def concept_title_body(catalog: Catalog, concept_id: str, language: str) -> tuple[str, str]:
    """A concept's title and explanation in the answer's language (English when not translated)."""
    c = catalog.concepts[concept_id]
    if language != "en":
        t = concept_texts(language).get(concept_id)
        if t is not None:
            return t.title, t.summary.strip()
    return c.title, c.body.strip()


def concept_text(catalog: Catalog, concept_id: str, d: Draft) -> str:
    title, body = concept_title_body(catalog, concept_id, d.show.language)
    return f"**{title}**: {body}"


def concept_intro(catalog: Catalog, q: Query, d: Draft) -> str | None:
    """The concept's explanation when the question also asks for one ("explain RLHF and list…")."""
    if q.concept and q.concept in catalog.concepts and q.explain:
        return concept_text(catalog, q.concept, d)
    return None


def add_also_sized(q: Query, also: list[ModelEntry], d: Draft, more: bool, listed: int = 0) -> None:
    """The models a plain size bound admits when every released size counts, not only the largest (``any_size``):
    a paragraph after the list, each line with the size that fits and its citation. Both lists share one page
    (``LIST_LIMIT`` lines with the ``listed`` ones above): when the first fills it, this one is only counted."""
    alt = any_size(q)
    if not also or alt is None:
        return
    d.add(d.lex.say("also_sized_one" if len(also) == 1 else "also_sized_many", n=len(also),
                    more=d.lex.say("also_more") if more else ""))
    room = LIST_LIMIT - listed
    if room <= 0:
        d.add(d.lex.say("also_sized_unlisted"))
        return
    shown, note = page(also, limit=room, language=q.language)
    if note:
        d.add(note)
    d.add("\n".join(line(e, d, why(e, alt)) for e in shown))


def answer_list(catalog: Catalog, q: Query, entries: list[ModelEntry], also: list[ModelEntry] = ()) -> Answer:
    lex = lexicon(q.language)
    d = Draft(catalog, Intent.LIST, q.language)
    intro = concept_intro(catalog, q, d)
    if intro:
        d.add(intro)
    crit = criteria(q, catalog) or lex.say("no_constraint")
    if not entries:
        from assistant.unmet import correct_unmet

        d.add(lex.say("list_none", crit=crit))
        if also:
            add_also_sized(q, list(also), d, more=False)
        elif (near := nearest(catalog, q, d)):
            d.add(near)
        elif (aside := left_out(catalog, q, d) or across_date(catalog, q, d)):
            d.add(aside)
        elif not correct_unmet(catalog, q, d):  # "which DeepMind paper introduced the Falcon models?": Falcon is TII's
            d.add(lex.say("list_loosen"))
        return d.finish()
    if not (q.constrained() or q.within is not None):
        d.add(lex.say("list_all", n=len(entries)))
    else:
        d.add(lex.say("list_one" if len(entries) == 1 else "list_many", n=len(entries), crit=crit))
    entries, note = page(entries, language=q.language)
    if note:
        d.add(note)
    d.add("\n".join(line(e, d, why(e, q)) for e in entries))
    if q.winner_kin and len(entries) == 1:  # "the MoE model with 47B total parameters is based on which model, and how big
        from assistant.tally import _winner_parents  # is that one?": the one model found, then its parents and their fields

        _winner_parents(q, entries, d, [a for a in q.attributes if a in FACT_SENTENCES])
        add_also_sized(q, list(also), d, more=True, listed=len(entries))
        return d.finish()
    read = {FACET_ATTRIBUTE.get(c.facet) for c, _ in leaves(q.where)}  # each line already says why it matched
    shown = [a for a in q.attributes if a not in read and a in _ROWS]
    if shown and len(entries) <= 6:
        d.add(table_for(entries, d, shown))
    add_also_sized(q, list(also), d, more=True, listed=len(entries))
    return d.finish()


def left_out(catalog: Catalog, q: Query, d: Draft) -> str:
    """"Has Salesforce any model apart from CTRL?": a set that is empty only because the question leaves models out
    names them (the models its other conditions hold for), so the "no" says why: CTRL is the only one."""
    from assistant.retrieve import select

    if not q.exclude or not q.where.items or select(catalog, q):  # (empty in one part of the catalog only: nothing to say)
        return ""
    if {x.model for x in q.exclude} & {x.model for x in q.relations}:  # "the same paper as Gopher": Gopher is the measure
        return ""                                                     # of the others, not a model the asker left out
    rest = select(catalog, q.model_copy(update={"exclude": []}))
    if not rest or len(rest) > 5:
        return ""
    crit = criteria(q.model_copy(update={"exclude": []}), catalog)
    names = d.show.join([f"**{e.name}** {d.cite(e.id)}" for e in rest])
    return d.lex.say("left_out_only" if len(rest) == 1 else "left_out_many", names=names, crit=crit)


def across_date(catalog: Catalog, q: Query, d: Draft) -> str:
    """"Did any model before 2021 use RLHF?": when one date bound leaves nothing, the model its other conditions admit
    that comes nearest across the bound (the first after a "before", the last before an "after"), with its date."""
    from assistant.query import Constraint, Op
    from assistant.retrieve import select

    bounds = [c for c in q.where.items if isinstance(c, Constraint) and c.facet == "date" and not c.via]
    if len(bounds) != 1 or bounds[0].op not in (Op.LT, Op.LE, Op.GT, Op.GE) or q.exclude or select(catalog, q):
        return ""
    rest_q = q.model_copy(update={"where": And(items=[c for c in q.where.items if c is not bounds[0]])})
    if not rest_q.where.items:
        return ""
    dated = [e for e in select(catalog, rest_q) if e.date is not None]
    if not dated:
        return ""
    before = bounds[0].op in (Op.LT, Op.LE)
    when = {e.id: (e.date.year, e.date.month) for e in dated}
    best = min(when.values()) if before else max(when.values())
    names = d.show.join([f"**{e.name}** ({d.show.date(e)}) {d.cite(e.id)}" for e in dated if when[e.id] == best])
    return d.lex.say("across_date_first" if before else "across_date_last", names=names, crit=criteria(rest_q, catalog))


def nearest(catalog: Catalog, q: Query, d: Draft) -> str:
    """"Is any Gemma release bigger than 30B? which come closest?": when one size bound leaves nothing and the question
    asks what comes nearest (lexicon ``nearest_asked``), the models its other conditions admit whose size is nearest the
    bound (the largest below a lower bound, the smallest above an upper one), ties together, each with that size."""
    from assistant.facets import released_sizes
    from assistant.query import And, Constraint, Op
    from assistant.retrieve import select

    if not q.nearest_asked:
        return ""
    bounds = [c for c in q.where.items if isinstance(c, Constraint) and c.facet == "size" and c.op in (Op.GT, Op.GE, Op.LT, Op.LE)
              and not c.via and all(isinstance(v, float) for v in c.values)]
    if len(bounds) != 1:
        return ""
    lower = bounds[0].op in (Op.GT, Op.GE)
    rest = q.model_copy(update={"where": And(items=[c for c in q.where.items if c is not bounds[0]])})
    sized = [(max(xs) if lower else min(xs), e) for e in select(catalog, rest) if (xs := released_sizes(e))]
    if not sized or not rest.where.items:
        return ""
    best = max(x for x, _ in sized) if lower else min(x for x, _ in sized)
    names = [f"**{e.name}** ({d.show.size(x)}) {d.cite(e.id)}" for x, e in sized if x == best]
    return d.lex.say("list_nearest", names=d.show.join(names), bound=d.show.size(float(bounds[0].values[0])))


_ROWS = {Attribute.LABS: "Lab", Attribute.DATE: "Date", Attribute.ARCHITECTURE: "Architecture", Attribute.FAMILY: "Family",
         Attribute.OBJECTIVE: "Pretraining task", Attribute.PARAMS: "Parameters", Attribute.CORPUS: "Corpus",
         Attribute.LICENSE: "License", Attribute.APPLICATION: "Application"}


def table_for(entries, d: Draft, attributes) -> str:
    from assistant.compose import table

    labels = {_ROWS[a] for a in attributes if a in _ROWS}
    return table(entries, d, [r for r in FIELD_ROWS if r[0] in labels] or FIELD_ROWS)


def _params_sentence(e: ModelEntry, d: Draft) -> str:
    if not e.params.max_millions:
        return d.lex.say("fact_params_none", name=e.name, raw=e.params.raw)
    largest = d.lex.say("fact_params_largest", size=d.show.size(e.params.max_millions)) if len(e.params.variants) > 1 else ""
    # a mixture of experts: the share of its parameters used per token, from its own active and total counts
    shares = ", ".join(f"{x * 100:.2g}%" + (f" ({name})" if name else "") for name, x in active_share_items(e))
    active = d.lex.say("fact_params_active_share", shares=shares) if shares else ""
    return d.lex.say("fact_params", name=e.name, params=d.show.params(e)) + largest + active


def _traits_sentence(e: ModelEntry, d: Draft) -> str:
    """The recorded traits, and the entry's own architecture note when it has one (what a trait name leaves out)."""
    notes = design_notes(e)
    text = d.lex.say("fact_traits" if e.traits else "fact_traits_stated" if notes else "fact_traits_none", name=e.name,
                     traits=d.show.traits(e))
    return text + (d.lex.say("fact_traits_note", note=e.architecture_note) if e.architecture_note else "")


def _design_said(notes: list[str], d: Draft) -> str:
    """The entry's key points on its design, quoted: what a trait tag or an architecture class leaves out."""
    return d.lex.say("fact_design_notes", notes=d.lex.say("quote_sep").join(f"“{n}”" for n in notes)) if notes else ""


def _architecture_sentence(e: ModelEntry, d: Draft) -> str:
    """The class, and the entry's own architecture note when it has one: "other" alone says nothing."""
    text = (d.lex.say("fact_architecture_other", name=e.name, arch=d.show.architecture(e.architecture))
            if e.architecture.value == "other" else
            d.lex.say("fact_architecture", name=e.name, article=article(e.architecture.value), arch=d.show.architecture_sole(e.architecture)))
    return text + (d.lex.say("fact_traits_note", note=e.architecture_note) if e.architecture_note else "")


def _io_sentence(e: ModelEntry, d: Draft) -> str:
    """What the model takes in and gives out (its inputs and outputs), and the catalog's own phrase for its task, which
    says how ("predict valid masks from point, box, mask or text prompts")."""
    names = lambda ms: d.show.join([d.show.modality(m.value) for m in ms])
    if not e.inputs and not e.outputs:
        return d.lex.say("fact_io_none", name=e.name)
    return d.lex.say("fact_io", name=e.name, inputs=names(e.inputs), outputs=names(e.outputs), task=e.task)


# one sentence per attribute, in the answer's language (the templates are in the lexicon)
BESIDE_UNRECORDED = (Attribute.LABS, Attribute.DATE, Attribute.LICENSE, Attribute.ARCHITECTURE)

FACT_SENTENCES = {
    Attribute.LABS: lambda e, d: d.lex.say("fact_labs", name=e.name, labs=d.show.labs(e)),
    Attribute.PARAMS: _params_sentence,
    Attribute.DATE: lambda e, d: d.lex.say("fact_date", name=e.name, date=d.show.date_stated(e)),
    Attribute.ARCHITECTURE: _architecture_sentence,
    Attribute.OBJECTIVE: lambda e, d: d.lex.say("fact_objective", name=e.name, task=e.task, objectives=d.show.objectives(e)),
    Attribute.LICENSE: lambda e, d: d.lex.say("fact_license", name=e.name, license=e.license,
                                              license_class=d.show.license_class(e.license_class)),
    Attribute.CORPUS: lambda e, d: d.lex.say("fact_corpus", name=e.name, corpus=e.corpus),
    Attribute.APPLICATION: lambda e, d: d.lex.say("fact_application", name=e.name, application=e.application),
    Attribute.FAMILY: lambda e, d: d.lex.say("fact_family", name=e.name, family=e.family),
    Attribute.TRAITS: lambda e, d: _traits_sentence(e, d),
    Attribute.DOMAINS: lambda e, d: d.lex.say("fact_domains", name=e.name,
                                              domains=d.show.join([d.show.value("domain", x.value) or x.value for x in e.domains]))
                                    + _domain_data(e, d),
    Attribute.IO: _io_sentence,
    Attribute.LINK: lambda e, d: d.lex.say("fact_link", name=e.name, link=e.link),
    Attribute.VENUE: lambda e, d: d.lex.say("fact_venue", name=e.name, venue=e.paper.venue, year=e.paper.year),
    Attribute.AUTHORS: lambda e, d: d.lex.say("fact_authors", name=e.name, authors=d.show.authors(e.paper.authors)),
    Attribute.PAPER: lambda e, d: d.lex.say("fact_paper", name=e.name, title=e.paper.title or e.name),
    Attribute.IN_PAPER: lambda e, d: d.lex.say("fact_in_paper" if e.in_paper else "fact_not_in_paper", name=e.name),
    Attribute.NAMES: lambda e, d: (d.lex.say("fact_names", name=e.name, names=d.show.join([f"“{a}”" for a in e.aliases]))
                                   if e.aliases else d.lex.say("fact_names_none", name=e.name)),
}


_DESIGN = (Attribute.ARCHITECTURE, Attribute.TRAITS)


def sentences(e: ModelEntry, d: Draft, attrs, design: bool = True) -> str:
    """The attribute sentences of one model, each with its citation. The design asked (its architecture or traits) also
    quotes the entry's key points on it, once; a premise checked (``design`` false) states the field alone."""
    joiner = "" if d.show.zh else " "
    quote = next((a for a in attrs if a in _DESIGN), None) if design else None
    return joiner.join(d.lex.say("sentence", text=FACT_SENTENCES[a](e, d) + (_design_said(design_notes(e), d) if a is quote else ""),
                                 cite=d.cite(e.id)) for a in attrs)


# the attribute sentence that states a facet's value for a model
FACET_ATTRIBUTE = {"objective": Attribute.OBJECTIVE, "architecture": Attribute.ARCHITECTURE, "lab": Attribute.LABS, "lab_credited": Attribute.LABS, "lab_written": Attribute.LABS,
                   "license": Attribute.LICENSE, "license_name": Attribute.LICENSE, "date": Attribute.DATE,
                   "size": Attribute.PARAMS, "corpus": Attribute.CORPUS, "venue": Attribute.VENUE,
                   "family": Attribute.FAMILY, "domain": Attribute.DOMAINS, "trait": Attribute.TRAITS,
                   "finetuned": Attribute.OBJECTIVE, "arxiv": Attribute.VENUE, "paper": Attribute.PAPER,
                   # counts of a model's own values ("does LLaMA come in four sizes?"): the values counted
                   "variants": Attribute.PARAMS, "labs": Attribute.LABS, "objectives": Attribute.OBJECTIVE,
                   "domains": Attribute.DOMAINS, "input": Attribute.IO, "output": Attribute.IO}


def checked(e: ModelEntry, q: Query, d: Draft, attrs: list[Attribute]) -> str:
    """Each fact a yes/no question asserts about one model, checked: the wrong ones corrected
    first, then the asked attributes and the facts that hold, each stated once and cited."""
    wrong = wrong_facts(e, q, d)
    failed = {c.facet for c, negated in leaves(q.where) if not negated and c.facet in FACETS and not holds(e, c)}
    stated = [x for x in attrs if not any(FACET_ATTRIBUTE.get(f) is x for f in failed)]
    for c, negated in leaves(q.where):
        a = FACET_ATTRIBUTE.get(c.facet)
        if a and a not in stated and c.facet not in failed and (negated or holds(e, c) or c.facet not in FACETS):
            stated.append(a)
    joiner = "" if d.show.zh else " "
    return joiner.join(wrong + ([sentences(e, d, stated, design=False)] if stated else []) + _kin(e, q, d, bool(wrong))
                       + _modality_said(e, q, d, failed) + _modality_instead(e, q, d, stated))


def modality_denied(e: ModelEntry, q: Query) -> bool:
    """Whether a yes/no asks of one model a modality it lacks ("can CLIP generate images?", "can Gemma read images?"): a
    domain of the lexicon's ``modality_words`` or a trait of its ``modality_traits`` asserted and not held."""
    en = lexicon("en").data
    kinds = {"domain": set(en.get("modality_words", {})), "trait": set(en.get("modality_traits", []))}
    return any(not negated and (c.facet in ("input", "output") or set(map(str, c.values)) & kinds.get(c.facet, set()))
               and not holds(e, c) for c, negated in leaves(q.where))


def _modality_instead(e: ModelEntry, q: Query, d: Draft, stated: list) -> list[str]:
    """A no on what a model takes in or gives out: for a model whose domains all lie in the text modality (lexicon
    ``modality``), that it is text-only; and, asked as an ability ("can CLIP generate images?", not "is CLIP an image
    generator?"), what the model is for instead (its application, "Image/object classification, zero-shot")."""
    if not modality_denied(e, q):
        return []
    out = []
    if {x.value for x in e.domains} <= set(lexicon("en").data.get("modality", {}).get("text", [])):
        out.append(d.lex.say("sentence", text=d.lex.say("fact_text_only", name=e.name), cite=d.cite(e.id)))
    if q.modal_asked and Attribute.APPLICATION not in stated and e.application:  # an ability asked, not what it is
        out.append(d.lex.say("sentence", text=FACT_SENTENCES[Attribute.APPLICATION](e, d), cite=d.cite(e.id)))
    return out


def _domain_data(e: ModelEntry, d: Draft) -> str:
    """The kinds of data a model's domains stand for, after them ("CLIP's domains: vision and vision-language (images and
    text)"), so "what does CLIP take as input?" is answered in those words (lexicon ``domain_data``: domain -> kinds; the
    labels' ``data_kinds`` say each kind in the answer's language); nothing for a model whose domains name no such kind."""
    table = lexicon("en").data.get("domain_data", {})
    kinds = list(dict.fromkeys(k for x in e.domains for k in table.get(x.value, [])))
    if not kinds:
        return ""
    names = d.lex.data.get("labels", {}).get("data_kinds", {})
    return d.lex.say("fact_domain_data", kinds=d.show.join([names.get(k, k) for k in kinds]))


def _modality_said(e: ModelEntry, q: Query, d: Draft, failed: set) -> list[str]:
    """A yes/no on what a model takes in or gives out ("can Gemma 3 read images?", "can GPT-4o output audio?"): the
    entry's own words on that modality (its architecture note and application, when they name it: "a SigLIP vision
    encoder for image input"), so the verdict shows how (lexicon ``modality_words``: domain -> the words of its modality)."""
    if failed & {"domain", "input", "output"}:
        return []
    table = lexicon("en").data.get("modality_words", {})
    words = [w for c, negated in leaves(q.where) if c.facet in ("domain", "input", "output") and not negated
             for v in c.values for w in table.get(v, [])]
    if not words:
        return []
    said = [t for t in (e.architecture_note, e.application) if t and any(phrase_pattern(w).search(t) for w in dict.fromkeys(words))]
    if not said:
        return []
    quotes = d.lex.say("quote_sep").join(f"“{t}”" for t in said)
    return [d.lex.say("sentence", text=d.lex.say("fact_modality_said", name=e.name, quotes=quotes), cite=d.cite(e.id))]


def _kin(e: ModelEntry, q: Query, d: Draft, corrected: bool) -> list[str]:
    """A yes/no on a model's lineage ("are Alpaca and Vicuna siblings?"): the recorded parents of the model (unless a
    correction already named them) and of each model the lineage is measured against."""
    lineage = [c for c, _ in leaves(q.where) if c.facet in ("derived", "descends")]
    if not lineage:
        return []
    ids = [*([] if corrected else [e.id]), *(c.via for c in lineage if c.via in d.catalog.models)]
    return [parents_sentence(d.catalog.models[m], d) for m in dict.fromkeys(ids)]


def parents_sentence(e: ModelEntry, d: Draft) -> str:
    """"Alpaca is derived from LLaMA [1].": a model's recorded parents, as a yes/no on its lineage states them."""
    parents = [d.catalog.models[p].name for p in e.derived_from if p in d.catalog.models]
    text = (d.lex.say("fact_parents", name=e.name, parents=d.show.join(parents)) if parents
            else d.lex.say("fact_parents_none", name=e.name))
    return d.lex.say("sentence", text=text, cite=d.cite(e.id))


def _attrs_for(q: Query) -> list[Attribute]:
    out = []
    for c, _ in leaves(q.where):
        a = FACET_ATTRIBUTE.get(c.facet)
        if a and a not in out:
            out.append(a)
    return out or [Attribute.FAMILY]


def hop_lead(catalog: Catalog, q: Query, d: Draft) -> None:
    """"Zephyr's parent in the catalog: Mistral 7B [1].": the model a field was asked of through its parent, and the
    parents reached (``Query.hop_from``), cited to the entry that records them."""
    start = catalog.models.get(q.hop_from or "")
    if start is None:
        return
    kin = kin_word(q)
    if q.hop_depth < 0:  # children reached: each child's own entry records the model it came from
        names = d.show.join([f"{catalog.models[m].name} {d.cite(m)}" for m in q.models if m in catalog.models])
        d.add(d.lex.say("hop_lead", name=start.name, kin=kin, parents=names))
        return
    names = d.show.join([catalog.models[m].name for m in q.models if m in catalog.models])
    d.add(d.lex.say("hop_lead", name=start.name, kin=kin, parents=f"{names} {d.cite(start.id)}"))


def value_ground(e: ModelEntry, q: Query) -> str:
    """The entry's own text that a yes/no on a value rests on ("dense Transformer up to 405B; mixture of experts
    deliberately avoided", "46 natural + 13 programming languages"): the lexicon's ``value_evidence`` patterns,
    tried in order over the key points, the corpus line, the parameter text, the summary's sentences and the application."""
    from assistant.describe import summary_sentences

    table = lexicon("en").data.get("value_evidence", {})
    texts = [*e.key_points, e.corpus, e.params.raw, *summary_sentences(e), e.application]
    for c, _ in leaves(q.where):
        for value in c.values:
            for p in table.get(f"{c.facet}/{value}", []):
                pattern = phrase_pattern(p)
                hit = next((t.strip() for t in texts if t and pattern.search(t)), None)
                if hit:
                    return hit
    return ""


def value_grounds(e: ModelEntry, q: Query, most: int = 2) -> list[str]:
    """Every key point of the entry that a value asked of several models rests on, by the lexicon's ``value_evidence``
    patterns ("how did DistilBERT, DQ-BART and ALBERT each become efficient?": "cross-layer parameter sharing", ...)."""

    table = lexicon("en").data.get("value_evidence", {})
    patterns = [phrase_pattern(p) for c, neg in leaves(q.where) if not neg for v in c.values
                for p in table.get(f"{c.facet}/{v}", [])]
    return [t.strip() for t in e.key_points if t and any(p.search(t) for p in patterns)][:most]


def io_said(e: ModelEntry, q: Query, most: int = 2) -> list[str]:
    """What goes into a model and what comes out of it, asked ("what does AlphaFold take as input and what does it
    predict?", "Whisper's inputs and outputs"; lexicon ``io_asked``): the entry's key points that say it in its own words
    ("predicts 3D protein structure from amino-acid sequence"; lexicon ``io_evidence``), beside its domains and use."""
    en = lexicon("en")
    if q.yes_no or not any(phrase_pattern(p).search(q.text.lower()) for p in en.data.get("io_asked", [])):
        return []
    patterns = [phrase_pattern(p) for p in en.data.get("io_evidence", [])]
    return [k.strip() for k in e.key_points if k and any(p.search(k) for p in patterns)][:most]


def answer_fact(catalog: Catalog, q: Query, entries: list[ModelEntry]) -> Answer:
    lex = lexicon(q.language)
    d = Draft(catalog, Intent.FACT, q.language)
    if q.ranked_in is not None and q.superlative is not None and entries:
        from assistant.tally import rank_claim

        d.add(rank_claim(catalog, q, entries[0], d))
        return d.finish()
    hop_lead(catalog, q, d)
    premise_corrections(catalog, q, d)
    attrs = [a for a in q.attributes if a in FACT_SENTENCES]
    if q.yes_no and len(entries) == 1 and q.where.items:
        e = entries[0]
        said = list(leaves(q.where))
        # "is BERT an encoder or a decoder?", "is GPT-3 open or closed?": a choice between values, answered by the value
        # itself, not by a yes to the choice
        choice = (len(said) == 1 and not said[0][1] and said[0][0].op is Op.IN and len(said[0][0].values) > 1
                  and lex.has("choice_offered", q.text))
        # "does PaLM use SwiGLU?": a trait the catalog tags on the additions only, asked of a paper model: silent, not a no
        held = holds(e, q.where)
        failed = [c for c, neg in said if not neg and c.facet in FACETS and not holds(e, c)]
        silent = not held and bool(failed) and all(silent_trait(catalog.models, e, c) for c in failed)
        # "Claude 3 能生成图片吗": an ability denied is answered in the words of ability (不能), not of identity (不是)
        able = not held and not silent and q.modal_asked and modality_denied(e, q)
        verdict = "" if choice else lex.say("verdict_silent" if silent else "verdict_yes" if held
                                            else "verdict_no_able" if able else "verdict_no")
        d.add(verdict + ("" if d.show.zh or not verdict else " ") + checked(e, q, d, attrs))
        if (ground := value_ground(e, q)):
            d.add(lex.say("value_evidence", notes=f"“{ground}”", cite=d.cite(e.id)))
        return d.finish()
    for e in entries:
        if q.gap and len(entries) == 1 and (items := active_share_items(e)):
            # "how many times bigger is DeepSeek-V3's total than its active count?": one model's own two counts, weighed
            ratios = d.show.join([f"{1 / x:.3g}" + (f" ({name})" if name else "") for name, x in items if x])
            d.add(lex.say("fact_params_active_ratio", name=e.name, ratios=ratios, cite=d.cite(e.id)))
        if q.owned_count is not None:  # "how many sizes does LLaMA come in?": the number and the values first
            d.add(owned_count(e, q.owned_count, d, q.owned_kind, q.owned_within))
        besides = bool(q.labs_besides) and Attribute.LABS in attrs
        if besides:  # "who else worked on StarCoder besides Hugging Face?": its other labs, the labs said left out
            d.add(labs_besides(e, q.labs_besides, d))
            attrs = [a for a in attrs if a is not Attribute.LABS]
        if attrs:
            d.add(sentences(e, d, attrs))
            if (said := io_said(e, q)):  # "what does AlphaFold take as input and what does it predict?"
                d.add(lex.say("value_evidence", notes=d.lex.say("quote_sep").join(f"“{n}”" for n in said), cite=d.cite(e.id)))
        elif not besides:  # nothing asked but the other labs: no overview after them
            d.add(lex.say("overview", name=e.name, article=article(e.architecture.value),
                          arch=d.show.architecture(e.architecture), labs=d.show.labs(e), date=d.show.date(e),
                          params=d.show.params(e), cite=d.cite(e.id)))
            if not d.show.zh:  # the catalog's summaries are English prose
                d.add(e.summary.strip())
            from assistant.compose import table
            d.add(table([e], d))
    if q.owned_count is not None and q.owned_more and len(entries) == 2:
        d.add(owned_weighed(entries, q, d))
    if q.concept and q.concept in catalog.concepts and (attrs or q.explain):
        d.add(concept_text(catalog, q.concept, d))
    return d.finish()


def labs_besides(e: ModelEntry, known: list[str], d: Draft) -> str:
    """The labs credited with a model other than the ones said as known ("Besides Hugging Face, StarCoder was built by
    BigCode and ServiceNow"), cited; a lab said that is not among them is said so, with the model's labs."""
    said = {k.lower() for k in known}
    held = lambda lab: bool({x.lower() for x in (canonical_lab(lab), *lab_umbrella(canonical_lab(lab)))} & said)
    others = [lab for lab in e.labs if not held(lab)]
    named = d.show.join([d.show.lab(k) for k in known])
    if len(others) == len(e.labs):
        key = "fact_labs_besides_not"
    else:
        key = "fact_labs_besides" if others else "fact_labs_besides_alone"
    labs = d.show.join([d.show.lab(x) for x in others]) if key != "fact_labs_besides_not" else d.show.labs(e)
    return d.lex.say("sentence", text=d.lex.say(key, name=e.name, named=named, labs=labs), cite=d.cite(e.id))


def owned_weighed(entries: list[ModelEntry], q: Query, d: Draft) -> str:
    """The verdict on two models weighed by how many of their own values they have ("does Pythia or OPT come in more
    sizes?"): the one with more (or fewer, as asked), both numbers, or the tie."""
    counts = [(owned_number(e, q.owned_count, q.owned_kind), e) for e in entries]
    (n, a), (m, b) = counts
    noun = d.lex.templates["owned_more_noun"][q.owned_count.value]
    cite = d.cite(a.id) + d.cite(b.id)
    if n == m:
        text = d.lex.say("owned_same", a=a.name, b=b.name, noun=noun, n=n, cite=cite)
    else:
        (n, winner), (m, loser) = sorted(counts, key=lambda x: x[0], reverse=q.owned_more == "more")
        text = d.lex.say(f"owned_{q.owned_more}", winner=winner.name, loser=loser.name, noun=noun, n=n, m=m, cite=cite)
    from assistant.premises import _sizes_in_between
    spans = [e.name for e in entries if q.owned_count is Attribute.PARAMS and _sizes_in_between(e)]
    if spans:  # "125M to 175B": the catalog gives the ends of a span, so the count is of the sizes it lists
        text += (" " if not d.show.zh else "") + d.lex.say("owned_span", names=d.show.join(spans))
    return text


def owned_number(e: ModelEntry, attribute: Attribute, kind: str = "") -> int:
    """How many of its own recorded values a model has, as ``owned_count`` counts them."""
    from assistant.facets import owned_values, sizes_of_kind

    if attribute is Attribute.PARAMS and kind:
        return len(sizes_of_kind(e, kind)[0])
    return len(owned_values(e, attribute))


_BOUND_OPS = {Op.LT: lambda x, v: x < v, Op.LE: lambda x, v: x <= v, Op.GT: lambda x, v: x > v, Op.GE: lambda x, v: x >= v}


def owned_count(e: ModelEntry, attribute: Attribute, d: Draft, kind: str = "", within=()) -> str:
    """How many of its own recorded values a model has (sizes, labs, objectives, paper authors), and which; a kind of
    size ("dense", "moe") counts only those sizes and names the others left out, as do size bounds ("under 10B")."""
    from assistant.facets import owned_values, released_sizes, sizes_of_kind
    from assistant.reading import describe
    from catalog import ET_AL

    show, lex = d.show, d.lex
    if attribute is Attribute.PARAMS and within and not kind:
        sizes = sorted(released_sizes(e))
        kept = [x for x in sizes if all(_BOUND_OPS[c.op](x, float(c.values[0])) for c in within)]
        left = [x for x in sizes if x not in kept]
        bound = describe(And(items=list(within)), d.catalog, "zh" if show.zh else "en")
        return lex.say("owned_count_within", name=e.name, n=len(kept), bound=bound,
                       values=show.join([show.size(m) for m in kept]) or "—",
                       left=show.join([show.size(m) for m in left]) or "—", cite=d.cite(e.id))
    if attribute is Attribute.PARAMS and kind:
        kept, left = sizes_of_kind(e, kind)
        noun = lex.templates[f"owned_noun_{kind}"][0 if len(kept) == 1 else 1]
        if not kept:  # "how many dense sizes does Mixtral have?": none, and what it has instead
            return lex.say(f"owned_none_{kind}", name=e.name, values=show.join([show.size(m) for m in sorted(left)]) or "—",
                           cite=d.cite(e.id))
        text = lex.say("owned_count", name=e.name, verb=lex.templates["owned_verb"]["params"], n=len(kept), noun=noun,
                       values=show.join([show.size(m) for m in sorted(kept)]) or "—", cite=d.cite(e.id))
        if left:  # what the kind leaves out, so the count is checkable against the whole list
            end = text.rstrip("。.")
            text = end[:len(end)] + lex.say(f"owned_left_{kind}", values=show.join([show.size(m) for m in sorted(left)])) + text[len(end):]
        return text
    values = show.owned(attribute, owned_values(e, attribute))
    key = attribute.value
    noun = lex.templates["owned_noun"][key][0 if len(values) == 1 else 1]
    if not values:  # "how many sizes does WizardLM come in?": none recorded, said so (no "0 sizes: ")
        bare = lex.templates.get("owned_noun_bare", {}).get(key) or lex.templates["owned_noun"][key][1]
        return lex.say("owned_count_none", name=e.name, noun=bare, cite=d.cite(e.id))
    more = attribute is Attribute.AUTHORS and ET_AL in e.paper.authors
    return lex.say("owned_count_more" if more else "owned_count", name=e.name, verb=lex.templates["owned_verb"][key],
                   n=len(values), noun=noun, values=show.join(values), cite=d.cite(e.id))


# what a citation line already states (title, authors, venue, year, arXiv id)
CITATION_STATES = {Attribute.AUTHORS, Attribute.VENUE, Attribute.PAPER, Attribute.LINK}


def answer_citation(catalog: Catalog, q: Query, entries: list[ModelEntry]) -> Answer:
    lex = lexicon(q.language)
    d = Draft(catalog, Intent.CITATION, q.language)
    if q.lookup and not entries:
        from assistant.compose import abstain
        return abstain(catalog, lex.say("lookup_none", value=md_escape(q.lookup.value)), intent=Intent.CITATION)
    hop_lead(catalog, q, d)
    premise_corrections(catalog, q, d)
    named = [] if q.lookup or len(q.models) > 3 else entries  # a lookup's constraints scope it; they assert nothing
    for e in named:  # "ChatGPT has an arXiv paper, right?": a wrong fact said first
        for sentence in wrong_facts(e, q, d):
            d.add(sentence)
    entries, note = page(entries, language=q.language)  # an author or arXiv id shared by thousands of user entries
    if note:
        d.add(note)
    for e in entries:
        p = e.paper
        arxiv = lex.say("citation_arxiv", id=p.arxiv_id) if p.arxiv_id else ""
        d.add(lex.say("citation", name=e.name, title=p.title or no_title(e.name), authors=d.show.authors(p.authors),
                      venue=p.venue, year=p.year, arxiv=arxiv, cite=d.cite(e.id)))
        if not p.verified:
            d.add(lex.say("unverified"))
        if (named or q.lookup and len(entries) <= 3) and (extra := [a for a in q.attributes if a not in CITATION_STATES]):
            # "... and its authors' institutions", "arXiv 2204.02311: which model, and who made it?": the other fields asked
            d.add(sentences(e, d, extra))
        if len(entries) == 1 or q.bibtex:
            d.add(bibtex_block(e, d))
    return d.finish()


LINEAGE_MODELS = 10  # models whose lineage one answer spells out, each in its own block
LINEAGE_CHILDREN = 15  # children named per model when several are answered


def _parent_noted(e: ModelEntry, parents: list[ModelEntry]) -> str:
    """The first key point of the entry that names one of the parents ("LLaMA 7B fine-tuned on instruction data"): how
    the model was made from it, in the catalog's words; empty when no key point names one."""
    names = [n for p in parents for n in (p.name, *p.aliases) if len(n) > 2]
    for point in e.key_points:
        if any(phrase_pattern(n).search(point) for n in names):  # the lexicon's cached name-on-word-boundaries pattern
            return point
    return ""


def answer_lineage(catalog: Catalog, q: Query, entries: list[ModelEntry]) -> Answer:
    d = Draft(catalog, Intent.LINEAGE, q.language)
    lex, join = d.lex, d.show.join
    premise_corrections(catalog, q, d)  # "Stanford's Dolly - what was it fine-tuned from?": built by Databricks, not Stanford
    parents_wanted = [str(v) for c in q.positive("derived") + q.positive("descends") for v in c.values if v in catalog.models]
    if parents_wanted and q.models:  # "is Vicuna derived from LLaMA?"
        parents = [catalog.models[m] for m in parents_wanted]
        for e in (catalog.models[m] for m in q.models):
            hit = [p for p in parents if p.id in FACETS["descends"].values(e)]
            direct = "derived" in {c.facet for c in q.positive("derived") + q.positive("descends")}
            if hit and direct and (far := [p for p in hit if p.id not in e.derived_from]):
                # "Sparrow is a fine-tuned Gopher?": only through another model; the parent between is named and cited
                cite = d.cite(e.id)
                recorded = join([f"{catalog.models[m].name} {d.cite(m)}" for m in e.derived_from if m in catalog.models])
                d.add(lex.say("lineage_indirect", name=e.name, recorded=recorded, parents=join([p.name for p in far]), cite=cite))
            elif hit:
                cite = d.cite(e.id)  # the confirmed parents are cited, as a correction's recorded ones are: part of the answer
                d.add(lex.say("lineage_yes", name=e.name, parents=join([f"{p.name} {d.cite(p.id)}" for p in hit]), cite=cite))
                if said := _parent_noted(e, hit):  # the entry's own words on how it was made from the parent
                    d.add(lex.say("lineage_noted", text=said, cite=cite))
            else:  # the correction names the recorded parents, each cited, so they are part of the answer
                cite = d.cite(e.id)
                recorded = (join([f"{catalog.models[m].name} {d.cite(m)}" for m in e.derived_from if m in catalog.models])
                            if e.derived_from else lex.say("lineage_none_recorded"))
                d.add(lex.say("lineage_no", name=e.name, recorded=recorded, parents=join([p.name for p in parents]),
                              cite=cite))
            # "Flamingo, Google's vision-language model built on PaLM?": the other facts asserted with the parent, checked too
            lineage_free = q.model_copy(update={"where": And(items=[c for c, neg in leaves(q.where)
                                                                     if not neg and c.facet not in ("derived", "descends")])})
            for sentence in wrong_facts(e, lineage_free, d):
                d.add(sentence)
            if asked := [a for a in q.attributes if a in FACT_SENTENCES and a is not Attribute.FAMILY]:
                d.add(sentences(e, d, asked))  # "X was distilled from GPT-2, so what's its size?": the size too
        return d.finish()
    if parents_wanted:
        sets = [c.of for c in q.positive("derived") + q.positive("descends") if c.of]  # "derived from a Google model"
        pnames = join([lex.say("lineage_set_parent", of=of) for of in sets] or [catalog.models[p].name for p in parents_wanted])
        if not entries:
            d.add(lex.say("lineage_no_children", parents=pnames))
            return d.finish()
        key = "lineage_descendants" if q.positive("descends") and not q.positive("derived") else "lineage_children"
        d.add(lex.say(f"{key}_one" if len(entries) == 1 else key, n=len(entries), parents=pnames))
        entries, note = page(entries, language=q.language)
        if note:
            d.add(note)
        d.add("\n".join(line(e, d, [lex.say("family_reason", family=e.family)]) for e in entries))
        # "what licences do the models fine-tuned from LLaMA have?": a field asked of the set, shown as a list shows it
        shown = [a for a in q.attributes if a in _ROWS and a is not Attribute.FAMILY]
        if shown and len(entries) <= 6:
            d.add(table_for(entries, d, shown))
        return d.finish()
    if q.yes_no and len(entries) == 1 and q.models and q.where.items:
        # "is Flan-T5 instruction-tuned? and its base?": the verdict on the asserted facts first, then the lineage asked
        e = entries[0]
        d.add(lex.say("verdict_yes" if holds(e, q.where) else "verdict_no") + ("" if d.show.zh else " ") + checked(e, q, d, []))
    entries, many = page(entries, limit=LINEAGE_MODELS, language=q.language)  # one block per model: a few models
    # "its parent as well as its children", "父模型和子模型分别是什么": the children are asked beside the parents
    both_ways = q.with_children
    # a model the question named by another of its names ("OASST"): its catalog entry is cited beside its name, so the
    # answer names the model asked about as well as its parents
    # ... and so is the later end of a line asked between two models ("from GPT-1 to ChatGPT"): the line holds both ends
    own = lambda e: f" {d.cite(e.id)}" if e.id in q.aliased or q.path else ""
    if many:
        d.add(many)
    for e in entries:
        if q.transitive and e.derived_from:  # every generation back to the roots
            ancestors = sorted((catalog.models[m] for m in FACETS["descends"].values(e)), key=lambda a: (a.date.key, a.name))
            # the ancestors are the result (each cited); the model asked about is not one of them
            d.add(lex.say("lineage_ancestors", name=e.name, own=own(e),
                          ancestors=join([f"**{a.name}** {d.cite(a.id)}" for a in ancestors])))
            d.add("\n".join(line(a, d, [lex.say("parents_reason", parents=", ".join(a.derived_from) or "—")]) for a in ancestors))
            if both_ways and (children := [c for c in catalog.models.values() if e.id in c.derived_from]):  # "上下游"
                d.add(lex.say("lineage_derived", name=e.name, items=("、" if d.show.zh else ", ").join(
                    f"{c.name} {d.cite(c.id)}" for c in children)))
            continue
        parents = [catalog.models[m] for m in e.derived_from]
        if parents:
            d.add(lex.say("lineage_parents", name=e.name, family=e.family, own=own(e),
                          parents=join([f"**{p.name}** {d.cite(p.id)}" for p in parents])))
            d.add("\n".join(line(p, d) for p in parents))
        else:
            d.add(lex.say("lineage_root", name=e.name, cite=d.cite(e.id), family=e.family))
        children, more = page([c for c in catalog.models.values() if e.id in c.derived_from],
                              limit=LIST_LIMIT if len(entries) == 1 else LINEAGE_CHILDREN, language=q.language)
        if children and (not parents or both_ways):
            d.add(lex.say("lineage_derived", name=e.name, items=("、" if d.show.zh else ", ").join(
                f"{c.name} {d.cite(c.id)}" for c in children)))
            if more:
                d.add(more)
    asked = [a for a in q.attributes if a is not Attribute.FAMILY and a in FACT_SENTENCES]
    for e in entries[:3] if q.models and asked else []:  # "who made Zephyr, and what is it fine-tuned from?"
        d.add(sentences(e, d, asked))
    return d.finish()


def answer_search(catalog: Catalog, q: Query, ranked_models: list[tuple[str, float]], retrieved) -> Answer:
    d = Draft(catalog, Intent.LIST, q.language)
    d.add(lexicon(q.language).say("search_intro", text=md_escape(q.text)))
    d.add("\n".join(line(catalog.models[m], d, [catalog.models[m].application]) for m, _ in ranked_models))
    return d.finish(retrieved=retrieved)


def answer_unrecorded(catalog: Catalog, q: Query) -> Answer:
    """An attribute the catalog does not record: abstain, and say what it does record."""
    from assistant.compose import abstain

    lex = lexicon(q.language)
    show = display(q.language)
    what = show.join([show.labels.get("unrecorded", {}).get(u, u) for u in q.unrecorded])
    if q.models:
        names = show.join([catalog.models[m].name for m in q.models])
        text = lex.say("not_recorded", what=what, names=names, recorded=lex.data["recorded_fields"])
    elif len(q.unrecorded) == 1 and (own := lex.data.get("unrecorded_general", {}).get(q.unrecorded[0])):
        text = lex.say(own, recorded=lex.data["recorded_fields"])  # "where is DeepMind based?": a lab's own facts, no model's
    else:
        text = lex.say("not_recorded_general", what=what, recorded=lex.data["recorded_fields"])
    # the recorded facts asked beside it ("how many layers does GPT-2 have, and who made it?"); not the size, objective or
    # corpus, whose cue words are often part of the unrecorded phrase ("hidden dimension", "pretraining learning rate")
    asked = [a for a in q.attributes if a in BESIDE_UNRECORDED] if q.models else []
    # corrected first: a premise a clause stated ("since Jamba is a pure Transformer, ...") and a version named by its size
    # ("LLaMA 175B 效果怎么样": no 175B version); the other words of such questions are no claim ("downloads on Hugging Face")
    # and a mechanism the asked attribute presupposes ("Llama 3 is a mixture of experts, how many experts?": it is dense)
    claimed = stated_premises(q)
    if claimed.premises or asked:
        d = Draft(catalog, Intent.FACT, q.language)
        premise_corrections(catalog, claimed, d)
        if d.parts and any(p.constraint.facet == "trait" for p in claimed.premises) and Attribute.PARAMS not in asked:
            asked = [*asked, Attribute.PARAMS]  # a mechanism denied: the sizes say what the model is ("all dense")
        if d.parts or asked:
            d.add(text)
            for m in q.models[:3] if asked else []:
                d.add(sentences(catalog.models[m], d, asked))
            return d.finish()
    return abstain(catalog, text, intent=Intent.FACT if q.models else Intent.LIST)


def answer_not_understood(catalog: Catalog, q: Query) -> Answer:
    """A constraint-bearing phrase nobody could read: say what was read, what was not, and the
    closest readings, instead of answering as if the phrase were absent."""
    from assistant.compose import abstain

    lex = lexicon(q.language)
    parts = [lex.say("not_understood", phrases=md_escape("”, “".join(q.unparsed)))]
    crit = criteria(q, catalog)
    if crit:
        parts.append(lex.say("understood", reading=crit))
    if q.closest:
        parts.append(lex.say("closest", options="; ".join(q.closest)))
    return abstain(catalog, " ".join(parts), intent=Intent.CLARIFY, clarification=True)


def bibtex_of_concept(c) -> str:
    return to_bibtex(c.paper, c.title)


def english_aliases(c, most: int = 8) -> list[str]:
    """A concept's other English names, those its title does not already say (no version numbers)."""
    plain = lambda s: s.lower().replace("-", " ").replace("(", "").replace(")", "")  # noqa: E731
    return list({plain(a): a for a in reversed(c.aliases) if plain(a) not in plain(c.title)
                 and not any(ch.isdigit() for ch in a)}.values())[::-1][:most]


def answer_concept(catalog: Catalog, q: Query) -> Answer:
    d = Draft(catalog, Intent.CONCEPT, q.language)
    c = catalog.concepts[q.concept]
    title, body = concept_title_body(catalog, c.id, q.language)
    marker = f" {d.cite_concept(c.id)}" if c.paper else ""
    d.add(f"**{title}**{marker}")
    d.add(body)
    if q.language == "en":  # the concept's other (English) names
        other = english_aliases(c)
        if other:
            d.add(d.lex.say("also_called", names=", ".join(other)))
    else:  # a translated text: the English names a reader searches by ("reward model", "MLM")
        d.add(d.lex.say("english_names", names=", ".join([c.title, *english_aliases(c, 5)])))
    if c.paper and (q.bibtex or q.cite):
        entry = bibtex_of_concept(c)
        d.bibtex.append(entry)
        d.add(f"```bibtex\n{entry}\n```")
    if c.objective:
        users = [e for e in catalog.models.values() if c.objective in e.objectives]
    else:
        users = [catalog.models[m] for m in c.related_models if m in catalog.models]
    users, more = page(users, language=q.language)
    if users:
        label = d.lex.say("concept_users" if c.objective else "concept_examples")
        d.add(d.lex.say("concept_list", label=label, items=("、" if d.show.zh else ", ").join(
            f"{e.name} {d.cite(e.id)}" for e in users)))
    if more:
        d.add(more)
    return d.finish()
