"""False premises: a fact a question asserts about a model, checked against the catalog and corrected
in a cited sentence ("T5 was built by Google, not Microsoft [1]") before the answer proper."""

from __future__ import annotations

import calendar

from assistant.compose import Draft, and_list
from assistant.display import display
from assistant.facets import BEYOND, FACETS, PAPER, io_trait_specs, silent_trait
from assistant.lexicon import lexicon
from assistant.query import Op, Query, leaves
from assistant.retrieve import holds
from catalog import Catalog, ModelEntry


def article(word: str) -> str:
    """'an' before a vowel-led word, else 'a' ("an encoder", "a decoder")."""
    return "an" if word[0] in "aeio" else "a"


def _io_trait_names(d: Draft | None) -> set[str]:
    """The names, as the answer says them, of the traits that hold by a model's inputs and outputs (video input, image
    output, audio output, image to text)."""
    show = d.show if d is not None else None
    return {name for value, _, _ in io_trait_specs()
            for name in (value, FACETS["trait"].value_name(value), (show.value("trait", value) if show is not None else None))
            if name}


def correction(e: ModelEntry, facet: str, value_text: str, d: Draft | None = None) -> str:
    """'T5 was built by Google, not Microsoft' — the catalog's value first, the premise after."""
    f = FACETS[facet]
    if facet == "trait" and value_text in _io_trait_names(d):  # "can Whisper generate speech?": what goes in and out instead
        lex = d.lex if d is not None else lexicon("en")
        show = d.show if d is not None else display("en")
        names = lambda ms: show.join([show.modality(m.value) for m in ms])
        value_text = value_text if show.zh else value_text.replace("-", " ")  # "audio-output": no audio output
        return lex.say("correction_io", name=e.name, inputs=names(e.inputs), outputs=names(e.outputs), value=value_text)
    if facet == "trait" and not f.values(e):  # "is GPT-3 a mixture of experts?": no trait of any kind recorded
        return (d.lex if d is not None else lexicon("en")).say("correction_no_trait", name=e.name, value=value_text)
    if facet == "size" and not e.params.max_millions:  # "GPT-4o's 1.8T parameters": no recorded count to set against it
        lex = d.lex if d is not None else lexicon("en")
        return lex.say("correction_size_unknown", name=e.name, value=value_text,
                       raw=d.show.params(e) if d is not None and d.show.zh else e.params.raw[:1].lower() + e.params.raw[1:])
    if d is not None and d.show.zh:
        have = {"lab": d.show.labs(e), "date": d.show.date(e), "size": d.show.params(e),
                "architecture": d.show.architecture_sole(e.architecture), "license": d.show.license(e),
                "objective": d.show.objectives(e),
                "finetuned": d.show.value("finetuned", "yes" if e.task_is_finetuning else "no")}.get(facet) or (
            d.show.join([d.show.value(facet, v) or v for v in f.values(e)]) if facet in ("trait", "domain", "input", "output") and f.values(e)
            else f.display(e))  # "特点是 分组查询注意力（GQA）、长上下文", not the English values
        said = d.lex.say("correction", name=e.name, label=d.show.facet(facet, f.label), have=have, value=value_text)
        return said + (d.lex.say("correction_trained", objectives=d.show.objectives(e)) if facet == "domain" else "")
    parents = [d.catalog.models[m].name if d is not None and m in d.catalog.models else m for m in e.derived_from]
    have = {"lab": and_list(e.labs), "date": e.date.human(), "size": e.params.raw,
            "architecture": f"{article(e.architecture.value)} {display('en').architecture_sole(e.architecture)} model",
            "derived": and_list(parents) if parents else "no other catalog model",
            "catalog": _IN_WORDS["catalog"][PAPER if e.in_paper else BEYOND],
            "arxiv": f"an arXiv paper (arXiv:{e.paper.arxiv_id})" if e.paper.arxiv_id else "no arXiv paper"}.get(facet, f.display(e))
    if facet == "architecture":
        value_text = f"{article(value_text)} {value_text}"
    verb = {"lab": "was built by", "date": "dates from", "size": "has", "architecture": "is", "license": "is licensed",
            "catalog": "is", "arxiv": "has",
            "license_name": "is licensed", "corpus": "was trained on", "objective": "is trained with",
            "derived": "is derived from", "descends": "is derived from", "finetuned": "is recorded as",
            "input": "takes in", "output": "gives out"}.get(facet, f"has {f.label}")
    if facet == "domain":  # what the model works on instead, and what it is trained to do ("an image-text contrastive encoder")
        value_text += lexicon("en").say("correction_trained", objectives=FACETS["objective"].display(e))
    return f"{e.name} {verb} {have}" if facet == "arxiv" else f"{e.name} {verb} {have}, not {value_text}"


# values said in words in a correction ("BERT is one of the paper's 77 models, not an addition since the paper")
_IN_WORDS = {"catalog": {PAPER: "one of the paper's 77 models", BEYOND: "an addition since the paper"},
             "finetuned": {"yes": "built by fine-tuning a pretrained model", "no": "trained from scratch"},
             "arxiv": {"yes": "an arXiv paper", "no": "no arXiv paper"}}


def premise_corrections(catalog: Catalog, q: Query, d: Draft) -> None:
    """False premises first, each with its citation; one relative to another model ("bigger than
    PaLM") says so ("In fact Chinchilla is not larger than PaLM")."""
    from assistant.tally import relative_premises

    for sentence in relative_premises(catalog, q, d) + own_premises(catalog, q, d):
        d.add(sentence)


def own_premises(catalog: Catalog, q: Query, d: Draft) -> list[str]:
    """The cited corrections of the facts asserted about a model on its own (not relative to another model)."""
    out = []
    said = set()  # models whose asserted year was corrected once ("released in 2021" is two bounds: one correction)
    for p in q.premises:
        e = catalog.models[p.model]
        if p.constraint.via and p.constraint.facet in ("size", "date"):
            continue
        if p.constraint.facet == "date" and not p.negated:
            dates = [x.constraint for x in q.premises if x.model == p.model and x.constraint.facet == "date"
                     and not x.negated and not x.constraint.via]
            period = _period(dates, d.show.zh)
            if period:
                if p.model not in said and not all(holds(e, c) for c in dates):
                    said.add(p.model)
                    out.append(corrected(e, next(c for c in dates if not holds(e, c)), d, period))
                continue
        if not p.negated and p.constraint.facet == "size" and _sizes_in_between(e) and \
                0 < float(p.constraint.values[0]) <= (e.params.max_millions or 0):
            continue  # "T5-3B", "OPT-13B": the catalog gives a span of sizes ("up to 11B", "125M to 175B"), none it contradicts
        if p.negated and holds(e, p.constraint):  # "since Jamba is a pure Transformer": it has what was denied
            f = FACETS[p.constraint.facet]
            value = " / ".join((d.show.value(f.name, v) if d.show.zh else None) or f.value_name(v) for v in p.constraint.values)
            out.append(d.lex.say("premise_held", name=e.name, label=d.show.facet(f.name, f.label) if d.show.zh else f.label,
                                 value=value, cite=d.cite(e.id)))
        elif not p.negated and not holds(e, p.constraint):
            out.append(corrected(e, p.constraint, d))
    return out


CLAIMED_BESIDE = ("size", "trait", "architecture")  # premise facets corrected beside an unrecorded attribute


def stated_premises(q: Query) -> Query:
    """The query with only the premises a clause stated, and those of the fields a claim beside an unrecorded attribute
    is about ("ModernBERT is a 1B encoder — what's its context length?": its size and architecture): beside an
    unrecorded attribute, words such as "on Hugging Face" or "ImageNet accuracy" are part of what is asked, not facts
    asserted about the model."""
    return q.model_copy(update={"premises": [p for p in q.premises if p.stated or p.constraint.facet in CLAIMED_BESIDE]})


def corrected(e: ModelEntry, c, d: Draft, values: str | None = None) -> str:
    """The cited sentence that corrects one asserted fact about a model."""
    f = FACETS[c.facet]
    names = [(d.show.value(f.name, v) if d.show.zh else None) or (
        d.catalog.models[str(v)].name if f.name in ("derived", "descends") and str(v) in d.catalog.models
        else _IN_WORDS.get(f.name, {}).get(str(v)) or f.value_name(v)) for v in c.values]
    values = values or (" 或 " if d.show.zh else " or ").join(names)
    cite = d.cite(e.id)
    if f.name in ("derived", "descends"):  # the true parents the correction names are cited too: models of the answer
        cite += "".join(d.cite(m) for m in e.derived_from if m in d.catalog.models)
    if silent_trait(d.catalog.models, e, c):
        # "does PaLM use SwiGLU?": a trait recorded only for the additions; the paper's entry is silent on it
        return d.lex.say("sentence", text=d.lex.say("correction_additions_trait", name=e.name, value=values), cite=cite)
    return d.lex.say("sentence", text=correction(e, c.facet, values, d), cite=cite)


def _period(bounds: list, zh: bool = False) -> str | None:
    """'2019' for the two date bounds a year stands for (2019-01 .. 2019-12), 'March 2019' (2019年3月) for a month's."""
    keys = sorted(int(c.values[0]) for c in bounds if c.op in (Op.GE, Op.LE))
    if len(keys) != 2 or keys[0] // 100 != keys[1] // 100:
        return None
    year, first, last = keys[0] // 100, keys[0] % 100, keys[1] % 100
    if (first, last) == (1, 12):
        return f"{year}年" if zh else str(year)
    if first == last and 1 <= first <= 12:
        return f"{year}年{first}月" if zh else f"{calendar.month_name[first]} {year}"
    return None


def wrong_facts(e: ModelEntry, q: Query, d: Draft) -> list[str]:
    """The cited corrections of the facts a question asserts about one model that do not hold, one per
    field ("in 2019" is two bounds: one correction)."""
    asserted = [c for c, negated in leaves(q.where) if not negated and c.facet in FACETS]
    out = []
    for facet in dict.fromkeys(c.facet for c in asserted):
        wrong = [c for c in asserted if c.facet == facet and not holds(e, c)]
        if wrong:
            period = _period([c for c in asserted if c.facet == facet], d.show.zh) if facet == "date" else None
            out.append(corrected(e, wrong[0], d, period))
    return out


def _sizes_in_between(e: ModelEntry) -> bool:
    """Whether the catalog's size text (English) gives a span with sizes between its listed ones ("Up to 11B",
    "125M to 175B", "smaller variants exist"): a size inside that span is not known to be wrong."""
    return lexicon("en").has("catalog_size_span", (e.params.raw or "").lower())
