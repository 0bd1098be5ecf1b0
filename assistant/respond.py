"""One answer builder per intent. Each takes the typed query and catalog records, returns an Answer.

Builders read the ``Query`` only (never the question text); fixed sentences come from the
lexicon of the query's language. Comparisons, counts and rankings live in ``assistant.tally``.
"""

from __future__ import annotations

from assistant.answer import Answer
from assistant.compose import FIELD_ROWS, Draft, and_list, bibtex_block, line, md_escape, no_title, size
from assistant.facets import FACETS
from assistant.lexicon import lexicon
from assistant.paginate import page
from assistant.query import Attribute, Intent, Query, leaves
from assistant.reading import criteria
from assistant.retrieve import holds, why
from catalog import Catalog, ModelEntry, to_bibtex
from catalog.citation import authors_prose
from catalog.vocab import OBJECTIVE_LABELS


def concept_intro(catalog: Catalog, q: Query) -> str | None:
    """The concept's explanation when the question also asks for one ("explain RLHF and list…")."""
    if q.concept and q.concept in catalog.concepts and q.explain:
        c = catalog.concepts[q.concept]
        return f"**{c.title}**: {c.body.strip()}"
    return None


def answer_list(catalog: Catalog, q: Query, entries: list[ModelEntry]) -> Answer:
    lex = lexicon(q.language)
    d = Draft(catalog, Intent.LIST)
    intro = concept_intro(catalog, q)
    if intro:
        d.add(intro)
    crit = criteria(q, catalog) or lex.say("no_constraint")
    if not entries:
        d.add(lex.say("list_none", crit=crit))
        d.add(lex.say("list_loosen"))
        return d.finish()
    if not (q.constrained() or q.within is not None):
        d.add(lex.say("list_all", n=len(entries)))
    else:
        d.add(lex.say("list_one" if len(entries) == 1 else "list_many", n=len(entries), crit=crit))
    entries, note = page(entries)
    if note:
        d.add(note)
    d.add("\n".join(line(e, d, why(e, q)) for e in entries))
    if q.attributes and len(entries) <= 6:
        d.add(table_for(entries, d, q.attributes))
    return d.finish()


_ROWS = {Attribute.LABS: "Lab", Attribute.DATE: "Date", Attribute.ARCHITECTURE: "Architecture", Attribute.FAMILY: "Family",
         Attribute.OBJECTIVE: "Pretraining task", Attribute.PARAMS: "Parameters", Attribute.CORPUS: "Corpus",
         Attribute.LICENSE: "License", Attribute.APPLICATION: "Application"}


def table_for(entries, d: Draft, attributes) -> str:
    from assistant.compose import table

    labels = {_ROWS[a] for a in attributes if a in _ROWS}
    return table(entries, d, [r for r in FIELD_ROWS if r[0] in labels] or FIELD_ROWS)


def _article(word: str) -> str:
    return "an" if word[0] in "aeio" else "a"


FACT_SENTENCES = {
    Attribute.LABS: lambda e: f"{e.name} was built by {and_list(e.labs)}",
    Attribute.PARAMS: lambda e: (
        f"{e.name} has {e.params.raw} parameters" + (f" (largest: {size(e.params.max_millions)})" if len(e.params.variants) > 1 else "")
        if e.params.max_millions else f"The catalog gives no parameter count for {e.name} (its entry says: {e.params.raw})"),
    Attribute.DATE: lambda e: f"{e.name} dates from {e.date.human()}",
    Attribute.ARCHITECTURE: lambda e: f"{e.name} is {_article(e.architecture.value)} {e.architecture.value} model",
    Attribute.OBJECTIVE: lambda e: f"{e.name} is trained with {e.task} (objectives: {', '.join(OBJECTIVE_LABELS[o] for o in e.objectives)})",
    Attribute.LICENSE: lambda e: f"{e.name}'s license: {e.license} (class: {e.license_class.value})",
    Attribute.CORPUS: lambda e: f"{e.name} was trained on {e.corpus}",
    Attribute.APPLICATION: lambda e: f"{e.name} is used for: {e.application}",
    Attribute.FAMILY: lambda e: f"{e.name} belongs to the {e.family} family",
    Attribute.LINK: lambda e: f"{e.name} can be found at <{e.link}>",
    Attribute.VENUE: lambda e: f"The {e.name} paper appeared in {e.paper.venue} ({e.paper.year})",
    Attribute.AUTHORS: lambda e: f"The {e.name} paper is by {authors_prose(e.paper.authors)}",
    Attribute.PAPER: lambda e: f"{e.name}'s source is *{e.paper.title or e.name}*",
}
# the attribute sentence that states a facet's value for a model
FACET_ATTRIBUTE = {"objective": Attribute.OBJECTIVE, "architecture": Attribute.ARCHITECTURE, "lab": Attribute.LABS,
                   "license": Attribute.LICENSE, "license_name": Attribute.LICENSE, "date": Attribute.DATE,
                   "size": Attribute.PARAMS, "corpus": Attribute.CORPUS, "venue": Attribute.VENUE,
                   "family": Attribute.FAMILY, "domain": Attribute.APPLICATION, "trait": Attribute.APPLICATION,
                   "finetuned": Attribute.OBJECTIVE}


def correction(e: ModelEntry, facet: str, value_text: str) -> str:
    """'T5 was built by Google, not Microsoft' — the catalog's value first, the premise after."""
    f = FACETS[facet]
    have = {"lab": and_list(e.labs), "date": e.date.human(), "size": e.params.raw}.get(facet, f.display(e))
    verb = {"lab": "was built by", "date": "dates from", "size": "has", "architecture": "is", "license": "is licensed",
            "license_name": "is licensed", "corpus": "was trained on", "objective": "is trained with"}.get(facet, f"has {f.label}")
    return f"{e.name} {verb} {have}, not {value_text}"


def premise_corrections(catalog: Catalog, q: Query, d: Draft) -> None:
    """False premises first, each with its citation."""
    for p in q.premises:
        e = catalog.models[p.model]
        if not holds(e, p.constraint):
            f = FACETS[p.constraint.facet]
            values = " or ".join(f.value_name(v) for v in p.constraint.values)
            d.add(f"{correction(e, p.constraint.facet, values)} {d.cite(e.id)}.")


def _attrs_for(q: Query) -> list[Attribute]:
    out = []
    for c, _ in leaves(q.where):
        a = FACET_ATTRIBUTE.get(c.facet)
        if a and a not in out:
            out.append(a)
    return out or [Attribute.FAMILY]


def answer_fact(catalog: Catalog, q: Query, entries: list[ModelEntry]) -> Answer:
    lex = lexicon(q.language)
    d = Draft(catalog, Intent.FACT)
    premise_corrections(catalog, q, d)
    attrs = [a for a in q.attributes if a in FACT_SENTENCES]
    if q.yes_no and len(entries) == 1 and q.where.items:
        e = entries[0]
        verdict = lex.say("verdict_yes" if holds(e, q.where) else "verdict_no")
        d.add(f"{verdict} " + " ".join(f"{FACT_SENTENCES[a](e)} {d.cite(e.id)}." for a in attrs or _attrs_for(q)))
        return d.finish()
    for e in entries:
        if attrs:
            d.add(" ".join(f"{FACT_SENTENCES[a](e)} {d.cite(e.id)}." for a in attrs))
        else:
            d.add(f"**{e.name}** is {_article(e.architecture.value)} {e.architecture.value} model "
                  f"from {and_list(e.labs)} ({e.date.human()}), with {e.params.raw} parameters {d.cite(e.id)}.")
            d.add(e.summary.strip())
            from assistant.compose import table
            d.add(table([e], d))
    if q.concept and q.concept in catalog.concepts and (attrs or q.explain):
        c = catalog.concepts[q.concept]
        d.add(f"**{c.title}**: {c.body.strip()}")
    return d.finish()


def answer_citation(catalog: Catalog, q: Query, entries: list[ModelEntry]) -> Answer:
    lex = lexicon(q.language)
    d = Draft(catalog, Intent.CITATION)
    if q.lookup and not entries:
        from assistant.compose import abstain
        return abstain(catalog, lex.say("lookup_none", value=md_escape(q.lookup.value)), intent=Intent.CITATION)
    for e in entries:
        p = e.paper
        arxiv = f", arXiv:{p.arxiv_id}" if p.arxiv_id else ""
        d.add(f"The source for **{e.name}** is *{p.title or no_title(e.name)}* by {authors_prose(p.authors)} "
              f"({p.venue}, {p.year}{arxiv}) {d.cite(e.id)}.")
        if not p.verified:
            d.add("This source is unverified: the catalog knows no single technical paper for this model.")
        if len(entries) == 1 or q.bibtex:
            d.add(bibtex_block(e, d))
    return d.finish()


def answer_lineage(catalog: Catalog, q: Query, entries: list[ModelEntry]) -> Answer:
    d = Draft(catalog, Intent.LINEAGE)
    parents_wanted = [str(v) for c in q.positive("derived") + q.positive("descends") for v in c.values]
    if parents_wanted and q.models:  # "is Vicuna derived from LLaMA?"
        parents = [catalog.models[m] for m in parents_wanted]
        for e in (catalog.models[m] for m in q.models):
            hit = [p.name for p in parents if p.id in FACETS["descends"].values(e)]
            recorded = and_list([catalog.models[m].name for m in e.derived_from]) if e.derived_from else "no other catalog model"
            if hit:
                d.add(f"Yes: **{e.name}** is derived from {and_list(hit)} {d.cite(e.id)}.")
            else:
                d.add(f"No: the catalog records **{e.name}** as derived from {recorded}, not from "
                      f"{and_list([p.name for p in parents])} {d.cite(e.id)}.")
        return d.finish()
    if parents_wanted:
        pnames = and_list([catalog.models[p].name for p in parents_wanted])
        if not entries:
            d.add(f"No catalog model is recorded as derived from {pnames}.")
            return d.finish()
        d.add(f"{len(entries)} catalog {'model is' if len(entries) == 1 else 'models are'} derived from {pnames}:")
        entries, note = page(entries)
        if note:
            d.add(note)
        d.add("\n".join(line(e, d, [f"family: {e.family}"]) for e in entries))
        return d.finish()
    for e in entries:
        parents = [catalog.models[m] for m in e.derived_from]
        if parents:
            d.add(f"**{e.name}** is derived from " + and_list([f"**{p.name}** {d.cite(p.id)}" for p in parents])
                  + f" (catalog family of {e.name}: {e.family}).")
            d.add("\n".join(line(p, d) for p in parents))
        else:
            d.add(f"**{e.name}** {d.cite(e.id)} is not derived from another catalog model; its catalog family is {e.family}.")
        children, more = page([c for c in catalog.models.values() if e.id in c.derived_from])
        if children and not parents:
            d.add(f"Models derived from {e.name}: " + ", ".join(f"{c.name} {d.cite(c.id)}" for c in children) + ".")
            if more:
                d.add(more)
    return d.finish()


def answer_search(catalog: Catalog, q: Query, ranked_models: list[tuple[str, float]], retrieved) -> Answer:
    d = Draft(catalog, Intent.LIST)
    d.add(lexicon(q.language).say("search_intro", text=md_escape(q.text)))
    d.add("\n".join(line(catalog.models[m], d, [catalog.models[m].application]) for m, _ in ranked_models))
    return d.finish(retrieved=retrieved)


def answer_unrecorded(catalog: Catalog, q: Query) -> Answer:
    """An attribute the catalog does not record: abstain, and say what it does record."""
    from assistant.compose import abstain

    lex = lexicon(q.language)
    what = and_list(q.unrecorded)
    if q.models:
        names = and_list([catalog.models[m].name for m in q.models])
        text = lex.say("not_recorded", what=what, names=names, recorded=lex.data["recorded_fields"])
    else:
        text = lex.say("not_recorded_general", what=what, recorded=lex.data["recorded_fields"])
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


def answer_concept(catalog: Catalog, q: Query) -> Answer:
    d = Draft(catalog, Intent.CONCEPT)
    c = catalog.concepts[q.concept]
    marker = f" {d.cite_concept(c.id)}" if c.paper else ""
    d.add(f"**{c.title}**{marker}")
    d.add(c.body.strip())
    if c.paper and (q.bibtex or q.cite):
        entry = bibtex_of_concept(c)
        d.bibtex.append(entry)
        d.add(f"```bibtex\n{entry}\n```")
    if c.objective:
        users = [e for e in catalog.models.values() if c.objective in e.objectives]
    else:
        users = [catalog.models[m] for m in c.related_models if m in catalog.models]
    if users:
        label = "Catalog models that use it" if c.objective else "Examples in the catalog"
        d.add(f"{label}: " + ", ".join(f"{e.name} {d.cite(e.id)}" for e in users) + ".")
    return d.finish()
