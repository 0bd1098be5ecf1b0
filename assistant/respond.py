"""One answer builder per intent. Each takes the typed query and catalog records, returns an Answer."""

from __future__ import annotations

import re

from assistant.answer import Answer
from assistant.compose import FIELD_ROWS, Draft, bibtex_block, cell, line, md_escape, size, table
from assistant.paginate import page
from assistant.query import Attribute, Filters, Query
from assistant.retrieve import matches, ranked, superlative, why
from catalog import Catalog, ModelEntry, to_bibtex
from catalog.citation import authors_prose
from catalog.vocab import OBJECTIVE_LABELS

def describe_filters(f: Filters, catalog: Catalog) -> str:
    bits = []
    if f.objectives:
        joiner = " or " if f.objectives_any else " and "
        bits.append("using " + joiner.join(OBJECTIVE_LABELS[o] for o in f.objectives))
    if f.architectures:
        bits.append("with " + " or ".join(a.value for a in f.architectures) + " architecture")
    if f.labs:
        bits.append(("built jointly by " if f.labs_all else "from ") + (" and " if f.labs_all else " or ").join(f.labs))
    if f.license_text:
        bits.append(f"under the {f.license_text} license")
    if f.license_classes:
        bits.append("with " + " or ".join(c.value for c in f.license_classes) + " licenses")
    if f.domains:
        bits.append("for " + " or ".join(d.value for d in f.domains))
    if f.traits:
        bits.append("with trait " + " and ".join(t.value for t in f.traits))
    if f.derived_from:
        bits.append("derived from " + " or ".join(catalog.models[m].name for m in f.derived_from))
    if f.family:
        bits.append(f"in the {f.family} family")
    if f.date_from is not None or f.date_to is not None:
        lo = f"{f.date_from // 100}-{f.date_from % 100:02d}" if f.date_from else None
        hi = f"{f.date_to // 100}-{max(1, f.date_to % 100):02d}" if f.date_to else None
        bits.append(f"dated {lo} to {hi}" if lo and hi else f"dated from {lo}" if lo else f"dated up to {hi}")
    if f.params_min is not None:
        bits.append(f"with more than {size(f.params_min)} parameters" if f.params_min_strict else f"with at least {size(f.params_min)} parameters")
    if f.params_max is not None:
        bits.append(f"with fewer than {size(f.params_max)} parameters" if f.params_max_strict else f"with at most {size(f.params_max)} parameters")
    if f.params_equal is not None:
        bits.append(f"with a {size(f.params_equal)} variant")
    if f.finetuned is not None:
        bits.append("that are fine-tuning tasks" if f.finetuned else "that are pretrained (not fine-tuned)")
    if f.venue:
        bits.append(f"published at {f.venue}")
    if f.corpus:
        bits.append(f"trained on data including {f.corpus}")
    if f.within is not None:
        bits.append("among the previous answer's models")
    return ", ".join(bits) or "with no constraint"


def concept_intro(catalog: Catalog, q: Query) -> str | None:
    """The concept's explanation when the question also asks for one ("explain RLHF and list…")."""
    if q.concept and q.concept in catalog.concepts and re.search(
            r"\b(explain|describe|what is|what's|what are|how does (it|that|this) work|how (it|that|this) works)\b", q.text, re.I):
        c = catalog.concepts[q.concept]
        return f"**{c.title}**: {c.body.strip()}"
    return None


def answer_list(catalog: Catalog, q: Query, entries: list[ModelEntry]) -> Answer:
    d = Draft(catalog, "list")
    intro = concept_intro(catalog, q)
    if intro:
        d.add(intro)
    crit = describe_filters(q.filters, catalog)
    if not entries:
        d.add(f"No model in the catalog matches: {crit}.")
        d.add("Try loosening a condition, or ask for the models of a lab, an objective or an architecture.")
        return d.finish()
    noun = "model matches" if len(entries) == 1 else "models match"
    if not (q.filters.has_constraints() or q.filters.within is not None):
        d.add(f"The catalog has {len(entries)} models, oldest first:")
    else:
        d.add(f"{len(entries)} catalog {noun} — models {crit}:")
    entries, note = page(entries)
    if note:
        d.add(note)
    d.add("\n".join(line(e, d, why(e, q.filters)) for e in entries))
    if q.attributes and len(entries) <= 6:
        d.add(table(entries, d, _rows_for(q.attributes)))
    return d.finish()


def _rows_for(attributes: list[Attribute]):
    wanted = {
        Attribute.LABS: "Lab", Attribute.DATE: "Date", Attribute.ARCHITECTURE: "Architecture",
        Attribute.FAMILY: "Family", Attribute.OBJECTIVE: "Pretraining task", Attribute.PARAMS: "Parameters",
        Attribute.CORPUS: "Corpus", Attribute.LICENSE: "License", Attribute.APPLICATION: "Application",
    }
    labels = {wanted[a] for a in attributes if a in wanted}
    return [r for r in FIELD_ROWS if r[0] in labels] or FIELD_ROWS


_FACT_SENTENCES = {
    Attribute.LABS: lambda e: f"{e.name} was built by {_and(e.labs)}",
    Attribute.PARAMS: lambda e: (
        f"{e.name} has {e.params.raw} parameters" + (f" (largest: {size(e.params.max_millions)})" if len(e.params.variants) > 1 else "")
        if e.params.max_millions else f"The catalog gives no parameter count for {e.name} (its entry says: {e.params.raw})"),
    Attribute.DATE: lambda e: f"{e.name} dates from {e.date.human()}",
    Attribute.ARCHITECTURE: lambda e: f"{e.name} is an {e.architecture.value} model" if e.architecture.value[0] in "eo"
    else f"{e.name} is a {e.architecture.value} model",
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


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _verdict(e: ModelEntry, f: Filters) -> str | None:
    """'Yes'/'No' for a yes-no question that names a model and a typed property."""
    checked = f.model_copy(update={"within": None})
    if not checked.has_constraints():
        return None
    return "Yes." if matches(e, checked) else "No."


def answer_fact(catalog: Catalog, q: Query, entries: list[ModelEntry]) -> Answer:
    d = Draft(catalog, "fact")
    attrs = [a for a in q.attributes if a in _FACT_SENTENCES]
    if Attribute.OBJECTIVE in attrs and len(entries) == 1 and re.search(r"\bhow (does|do) (it|that|this|they) work|\bexplain\b", q.text, re.I):
        objective = entries[0].objectives[0]
        concept = next((c for c in catalog.concepts.values() if c.objective == objective), None)
        if concept:
            q = q.model_copy(update={"concept": concept.id})
    if re.match(r"(is|was|does|did|has|are|were|can)\b", q.text, re.I) and len(entries) == 1:
        verdict = _verdict(entries[0], q.filters)
        if verdict:
            e = entries[0]
            d.add(f"{verdict} " + " ".join(f"{_FACT_SENTENCES[a](e)} {d.cite(e.id)}." for a in attrs or _attrs_for(q.filters)))
            return d.finish()
    if attrs and q.concept:
        for e in entries:
            d.add(" ".join(f"{_FACT_SENTENCES[a](e)} {d.cite(e.id)}." for a in attrs))
        c = catalog.concepts[q.concept]
        d.add(f"**{c.title}**: {c.body.strip()}")
        return d.finish()
    for e in entries:
        if attrs:
            d.add(" ".join(f"{_FACT_SENTENCES[a](e)} {d.cite(e.id)}." for a in attrs))
        else:
            d.add(f"**{e.name}** is {'an' if e.architecture.value[0] in 'eo' else 'a'} {e.architecture.value} model "
                  f"from {_and(e.labs)} ({e.date.human()}), with {e.params.raw} parameters {d.cite(e.id)}.")
            d.add(e.summary.strip())
            d.add(table([e], d))
    return d.finish()


def _attrs_for(f: Filters) -> list[Attribute]:
    out = []
    if f.objectives:
        out.append(Attribute.OBJECTIVE)
    if f.architectures:
        out.append(Attribute.ARCHITECTURE)
    if f.labs:
        out.append(Attribute.LABS)
    if f.license_classes or f.license_text:
        out.append(Attribute.LICENSE)
    if f.date_from is not None or f.date_to is not None:
        out.append(Attribute.DATE)
    if f.params_min is not None or f.params_max is not None or f.params_equal is not None:
        out.append(Attribute.PARAMS)
    if f.corpus:
        out.append(Attribute.CORPUS)
    return out or [Attribute.FAMILY]


def answer_citation(catalog: Catalog, q: Query, entries: list[ModelEntry]) -> Answer:
    d = Draft(catalog, "citation")
    for e in entries:
        p = e.paper
        title = p.title or f"{e.name} (no formal title)"
        arxiv = f", arXiv:{p.arxiv_id}" if p.arxiv_id else ""
        d.add(f"The source for **{e.name}** is *{title}* by {authors_prose(p.authors)} ({p.venue}, {p.year}{arxiv}) {d.cite(e.id)}.")
        if not p.verified:
            d.add("This source is unverified: the catalog knows no single technical paper for this model.")
        d.add(bibtex_block(e, d))
    return d.finish()


def answer_compare(catalog: Catalog, q: Query, entries: list[ModelEntry]) -> Answer:
    d = Draft(catalog, "compare")
    older = bool(re.search(r"\b(older|earlier|first|before)\b", q.text, re.I))
    sentences = [_size_sentence(entries), _date_sentence(entries, older)]
    if re.search(r"\b(newer|older|earlier|later|first|recent|before|after|when)\b", q.text, re.I):
        sentences.reverse()  # answer the asked dimension first
    verdict = _verdict(entries[0], q.filters.model_copy(update={"exclude": []})) if re.match(
        r"(is|was|are|were|does|did|has)\b", q.text, re.I) else None
    d.add(" ".join(s for s in [verdict, *sentences] if s))
    archs = {e.architecture for e in entries}
    if len(archs) == 1:
        d.add(f"{'Both' if len(entries) == 2 else 'All'} are {entries[0].architecture.value} models.")
    else:
        d.add("Architectures: " + "; ".join(f"{e.name} is {e.architecture.value}" for e in entries) + ".")
    d.add(table(entries, d))
    return d.finish()


def _size_sentence(entries: list[ModelEntry]) -> str:
    sized = [e for e in entries if e.params.max_millions]
    if len(sized) < 2:
        unknown = [e.name for e in entries if not e.params.max_millions]
        return f"The catalog gives no size for {_and(unknown)}." if unknown else ""
    big = max(sized, key=lambda e: e.params.max_millions)
    others = ", ".join(f"{size(e.params.max_millions)} for {e.name}" for e in sized if e is not big)
    word = "larger" if len(entries) == 2 else "the largest"
    return f"{big.name} is {word} ({size(big.params.max_millions)} vs {others})."


def _date_sentence(entries: list[ModelEntry], older: bool = False) -> str:
    pick = (min if older else max)(entries, key=lambda e: e.date.key)
    if all(e.date.key == pick.date.key for e in entries):
        return f"All date from {pick.date.human()}."
    word = ("older" if older else "newer") if len(entries) == 2 else ("the oldest" if older else "the newest")
    others = ", ".join(f"{e.date.human()} for {e.name}" for e in entries if e is not pick)
    return f"{pick.name} is {word} ({pick.date.human()} vs {others})."


def answer_concepts(catalog: Catalog, q: Query) -> Answer:
    """Two or more concepts side by side ("MLM vs causal LM", "encoder vs decoder")."""
    d = Draft(catalog, "concept")
    concepts = [catalog.concepts[c] for c in (q.concept, *q.other_concepts)]
    d.add("Here is how " + _and([c.title for c in concepts]) + " differ, as the catalog's concept notes explain them:")
    for c in concepts:
        d.add(f"**{c.title}**" + (f" {d.cite_concept(c.id)}" if c.paper else ""))
        d.add(c.body.strip())
        if c.objective:
            users = [e for e in catalog.models.values() if c.objective in e.objectives][:8]
            if users:
                d.add("Examples: " + ", ".join(f"{e.name} {d.cite(e.id)}" for e in users) + ".")
    return d.finish()


def answer_concept(catalog: Catalog, q: Query) -> Answer:
    if q.other_concepts:
        return answer_concepts(catalog, q)
    d = Draft(catalog, "concept")
    c = catalog.concepts[q.concept]
    marker = f" {d.cite_concept(c.id)}" if c.paper else ""
    d.add(f"**{c.title}**{marker}")
    d.add(c.body.strip())
    if c.paper and (q.bibtex or re.search(r"\b(cite|citation|reference|paper)\b", q.text, re.I)):
        entry = to_bibtex(c.paper, c.title)
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


def answer_count(catalog: Catalog, q: Query, entries: list[ModelEntry]) -> Answer:
    d = Draft(catalog, "count")
    crit = describe_filters(q.filters, catalog)
    if q.group_by:
        return _grouped(catalog, q, entries, d, crit)
    if q.superlative:
        return _superlative(catalog, q, entries, d, crit)
    scope = f": models {crit}" if q.filters.has_constraints() or q.filters.within is not None else ""
    d.add(f"**{len(entries)}** {'model' if len(entries) == 1 else 'models'} in the catalog match{'es' if len(entries) == 1 else ''}{scope}.")
    if entries and (len(entries) < len(catalog.models) or q.filters.has_constraints()):
        entries, note = page(entries)
        if note:
            d.add(note)
        d.add("\n".join(line(e, d, why(e, q.filters)) for e in entries))
    return d.finish()


_GROUP_VALUES = {
    "lab": lambda e: e.org_names,
    "architecture": lambda e: [e.architecture.value],
    "year": lambda e: [str(e.date.year)],
    "license": lambda e: [e.license_class.value],
    "family": lambda e: [e.family],
    "objective": lambda e: [OBJECTIVE_LABELS[o] for o in e.objectives],
    "domain": lambda e: [x.value for x in e.domains],
}


def _grouped(catalog, q, entries, d: Draft, crit: str) -> Answer:
    """Counts per value of one field ("which lab has the most models", "models per year")."""
    counts: dict[str, int] = {}
    for e in entries:
        for value in _GROUP_VALUES[q.group_by](e):
            counts[value] = counts.get(value, 0) + 1
    if not counts:
        d.add("No model matches, so there is nothing to count.")
        return d.finish()
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    top = [k for k, n in ordered if n == ordered[0][1]]
    scope = f"models {crit}" if q.filters.has_constraints() or q.filters.within is not None else "models in the catalog"
    field = q.group_by
    lead = _and(top)
    d.add(f"{lead[:1].upper() + lead[1:]} {'has' if len(top) == 1 else 'have'} the most {scope} ({ordered[0][1]}"
          f"{' each' if len(top) > 1 else ''} of {len(entries)}), counting by {field}.")
    rows = sorted(counts.items()) if field == "year" else ordered
    shown = [(k, n) for k, n in rows if n > 1 or len(rows) <= 12]
    d.add(f"| {field} | models |\n|---|---|\n" + "\n".join(f"| {cell(k)} | {n} |" for k, n in shown))
    if len(shown) < len(rows):
        d.add(f"{len(rows) - len(shown)} more with one model each.")
    return d.finish()


def _superlative(catalog, q, entries, d: Draft, crit: str) -> Answer:
    s = q.superlative
    winners = superlative(entries, s)
    scope = (f" {crit}" if crit.startswith("among") else f" among models {crit}") if (
        q.filters.has_constraints() or q.filters.within is not None) else " in the catalog"
    if not winners:
        d.add(f"The catalog has no model with a known {'size' if s.field == 'params' else 'date'}{scope}.")
        return d.finish()
    word = {("params", True): "largest", ("params", False): "smallest",
            ("date", True): "most recent", ("date", False): "earliest"}[(s.field, s.largest)]
    value = (lambda e: size(e.params.max_millions)) if s.field == "params" else (lambda e: e.date.human())
    if s.field == "params" and not s.largest:
        value = lambda e: size(min([v.millions for v in e.params.variants] or [e.params.max_millions]))  # noqa: E731
    if s.top > 1:
        top = ranked(entries, s, s.top)
        if s.field == "params" and not s.largest:
            top = sorted((e for e in entries if e.params.max_millions), key=lambda e: min(
                [v.millions for v in e.params.variants] or [e.params.max_millions]))[: s.top]
        d.add(f"The {len(top)} {word} models{scope}:")
        d.add("\n".join(f"{i}. **{e.name}** ({value(e)}) {d.cite(e.id)}" for i, e in enumerate(top, start=1)))
    else:
        winners, note = page(winners)
        if note:
            d.add(note)
        names = _and([f"**{e.name}** ({value(e)}) {d.cite(e.id)}" for e in winners])
        verb = "is" if len(winners) == 1 else "are"
        d.add(f"The {word} {'model' if len(winners) == 1 else 'models'}{scope} {verb} {names}.")
    if s.field == "params":
        known = sum(1 for e in entries if e.params.max_millions is not None)
        d.add(f"Compared over {known} models with a known size (each model's largest variant); "
              "models whose size is not given are left out.")
    return d.finish()


def answer_lineage(catalog: Catalog, q: Query, entries: list[ModelEntry]) -> Answer:
    d = Draft(catalog, "lineage")
    if q.filters.derived_from and q.models:  # "is Vicuna derived from LLaMA?"
        parents = [catalog.models[m] for m in q.filters.derived_from]
        for e in (catalog.models[m] for m in q.models):
            hit = [p.name for p in parents if p.id in e.derived_from]
            recorded = _and([catalog.models[m].name for m in e.derived_from]) if e.derived_from else "no other catalog model"
            if hit:
                d.add(f"Yes: **{e.name}** is derived from {_and(hit)} {d.cite(e.id)}.")
            else:
                d.add(f"No: the catalog records **{e.name}** as derived from {recorded}, not from "
                      f"{_and([p.name for p in parents])} {d.cite(e.id)}.")
        return d.finish()
    if q.filters.derived_from:
        parents = [catalog.models[m] for m in q.filters.derived_from]
        pnames = _and([p.name for p in parents])
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
            d.add(f"**{e.name}** is derived from " + _and([f"**{p.name}** {d.cite(p.id)}" for p in parents])
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
    d = Draft(catalog, "list")
    d.add(f"No typed field answers this exactly; these catalog entries are the closest matches by meaning "
          f"for “{md_escape(q.text)}”:")
    d.add("\n".join(line(catalog.models[m], d, [catalog.models[m].application]) for m, _ in ranked_models))
    return d.finish(retrieved=retrieved)
