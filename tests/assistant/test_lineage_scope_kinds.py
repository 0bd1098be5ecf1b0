"""Kinds of set question over both catalog parts: the additions named as included beside the rest
("counting the newer additions", "paper and added models") mean the whole catalog; a lineage's depth
said anywhere in the question; successors, ancestors "all the way up"; a lineage the other way round
("paper models that have successors among the additions") and a lab shared with a set ("additions from
labs that also have a paper model"); how many labs a model is credited to; how many sizes it has; a
size adjective beside a stated bound; a family asked about through its papers.

Each expected set is computed from the catalog's own fields, never written out by hand.
"""

from __future__ import annotations

import pytest

from assistant.facets import FACETS
from assistant.query import Constraint, Intent, leaves
from tests.assistant import lineage


def _lab(e, lab: str) -> bool:
    return FACETS["lab"].match(e, Constraint(facet="lab", values=[lab]))


def _anc(ms, e) -> set[str]:
    return lineage.ancestors(ms, e.id)


def _children(ms, e) -> set[str]:
    return lineage.children(ms, e.id)


def _descendants(ms, e) -> set[str]:
    return lineage.descendants(ms, e.id)


def _labs(e) -> int:
    return int(FACETS["labs"].number(e))  # how many labs the catalog credits (the labs facet's own count)


def _size(e) -> float:
    return e.params.max_millions or 0.0


def _smallest(e) -> float:
    """A plain upper bound ("under 500M") lists the models whose largest size is under it, then those one of whose
    other released sizes is (tests/assistant/test_any_size_reading.py): together, the smallest released size."""
    from assistant.facets import released_sizes

    return min(released_sizes(e), default=0.0)


def _variants(e) -> int:
    """How many sizes a model was released at: a size labelled active per token is no released model; a model that
    lists no variants has its one size, none when its size is not disclosed."""
    return len([v for v in e.params.variants if "active" not in (v.label or "").lower()]) or (1 if e.params.max_millions else 0)


def _labs_with(ms, part: bool) -> set[str]:
    return {k for x in ms.values() if x.in_paper == part for k in x.lab_keys}


KINDS = [
    # the whole catalog: the additions named as included beside the rest
    ("Counting the newer additions, which models were fine-tuned directly from LLaMA?", lambda e, ms: "llama" in e.derived_from),
    ("models built straight on BERT, including the newer additions", lambda e, ms: "bert" in e.derived_from),
    ("Meta models, additions as well", lambda e, ms: _lab(e, "Meta")),
    ("open encoders, the additions included", lambda e, ms: e.architecture.value == "encoder" and e.license_class.value == "open"),
    ("Microsoft's decoders, counting the newer ones too", lambda e, ms: _lab(e, "Microsoft") and e.architecture.value == "decoder"),
    ("Google models including the ones added since the paper", lambda e, ms: _lab(e, "Google")),
    ("everything Hugging Face worked on, both in the paper and added later", lambda e, ms: _lab(e, "Hugging Face")),
    ("models under 500M params, paper and added models", lambda e, ms: 0 < _smallest(e) < 500),
    ("closed models from OpenAI or Anthropic, paper and additions together",
     lambda e, ms: (_lab(e, "OpenAI") or _lab(e, "Anthropic")) and e.license_class.value == "closed"),
    ("decoders released after the catalog paper", lambda e, ms: not e.in_paper and e.architecture.value == "decoder"),
    # a lineage's depth said apart from it, "the original X", successors
    ("what came out of Gemini 1.0 - which models build on it, including indirectly?", lambda e, ms: "gemini-1.0" in _anc(ms, e)),
    ("which models were built on T5? I mean directly or indirectly", lambda e, ms: "t5" in _anc(ms, e)),
    ("models built on LLaMA, counting indirect ones", lambda e, ms: "llama" in _anc(ms, e)),
    ("everything that descends from the original BERT", lambda e, ms: "bert" in _anc(ms, e)),
    ("models fine-tuned from the original GPT-3", lambda e, ms: "gpt-3" in e.derived_from),
    ("Which model succeeded Gemma in the catalog?", lambda e, ms: "gemma" in e.derived_from),
    ("what superseded Phi-3?", lambda e, ms: "phi-3" in e.derived_from),
    ("where does Alpaca come from, all the way up the tree?", lambda e, ms: e.id in _anc(ms, ms["alpaca"])),
    ("Where does Vicuna come from, every generation back?", lambda e, ms: e.id in _anc(ms, ms["vicuna"])),
    # a lineage to a set, with an adverb; and the other way round
    ("Which additions were built directly on a model from the original paper?",
     lambda e, ms: not e.in_paper and any(ms[p].in_paper for p in e.derived_from if p in ms)),
    ("which added models are derived from a paper model?",
     lambda e, ms: not e.in_paper and any(ms[p].in_paper for p in e.derived_from if p in ms)),
    ("paper models that have successors among the additions",
     lambda e, ms: e.in_paper and any(not ms[c].in_paper for c in _children(ms, e))),
    ("which paper models have descendants among the additions?",
     lambda e, ms: e.in_paper and any(not ms[c].in_paper for c in _descendants(ms, e))),
    ("which of the paper's models were built on by later additions?",
     lambda e, ms: e.in_paper and any(not ms[c].in_paper for c in _children(ms, e))),
    ("paper models with children among the added models",
     lambda e, ms: e.in_paper and any(not ms[c].in_paper for c in _children(ms, e))),
    ("which models served as a base for Microsoft models?", lambda e, ms: any(_lab(ms[c], "Microsoft") for c in _children(ms, e))),
    ("models that have descendants from Meta", lambda e, ms: any(_lab(ms[c], "Meta") for c in _descendants(ms, e))),
    # a lab shared with a set
    ("additions from labs that also have a paper model", lambda e, ms: not e.in_paper and e.lab_keys & _labs_with(ms, True)),
    ("which added models come from labs that also made a paper model?",
     lambda e, ms: not e.in_paper and e.lab_keys & _labs_with(ms, True)),
    # how many labs a model is credited to
    ("How many models did Google build, not counting ones shared with other labs?",
     lambda e, ms: _lab(e, "Google") and _labs(e) == 1),
    ("models Meta built on its own", lambda e, ms: _lab(e, "Meta") and _labs(e) == 1),
    ("Microsoft models, excluding those co-developed with other companies", lambda e, ms: _lab(e, "Microsoft") and _labs(e) == 1),
    ("OpenAI models without any partner labs", lambda e, ms: _lab(e, "OpenAI") and _labs(e) == 1),
    ("models built by more than one lab", lambda e, ms: _labs(e) >= 2),
    ("encoders made by several organizations", lambda e, ms: _labs(e) >= 2 and e.architecture.value == "encoder"),
    ("which models come from a single lab?", lambda e, ms: _labs(e) == 1),
    # how many sizes; a size adjective beside a stated bound
    ("Which models have only one recorded size?", lambda e, ms: _variants(e) == 1),
    ("single-size models from Google", lambda e, ms: _variants(e) == 1 and _lab(e, "Google")),
    ("models released in a single size", lambda e, ms: _variants(e) == 1),
    ("multi-size decoders whose smallest variant is under 1B",
     lambda e, ms: _variants(e) >= 2 and e.architecture.value == "decoder" and min(FACETS["size"].numbers(e)) < 1000),
    ("small models: anything below 150M", lambda e, ms: 0 < _smallest(e) < 150),
    ("small decoders below 1B params", lambda e, ms: 0 < _smallest(e) < 1000 and e.architecture.value == "decoder"),
    ("open additions whose biggest variant lands in the 5B-15B range",
     lambda e, ms: not e.in_paper and e.license_class.value == "open" and 5000 <= _size(e) <= 15000),
]


@pytest.mark.parametrize("question, wanted", KINDS, ids=[q for q, _ in KINDS])
def test_each_kind_answers_exactly_the_set_its_words_define(full, full_catalog, question, wanted):
    a = lineage.exact_answer(full, full_catalog, question, wanted)
    assert "Read as:" in a.text and not a.abstained


@pytest.mark.parametrize("question, family", [
    ("which paper introduced the Falcon models?", "Falcon"),
    ("which papers introduced the Gemma models?", "Gemma"),
    ("cite the Phi models", "Phi"),
    ("what paper describes the DeepSeek models?", "DeepSeek"),
    ("bibtex for the Mistral-family models", "Mistral"),
    ("where can I read about the Qwen models? give me their papers", "Qwen"),
])
def test_a_small_family_asked_through_its_papers_cites_each_member(full, full_catalog, question, family):
    q = full.understander.understand(question)
    members = {m for m, e in full_catalog.models.items()
               if FACETS["family"].match(e, Constraint(facet="family", values=[family])) or _lab(e, family)}
    assert q.intent is Intent.CITATION and set(q.models) == members and not q.where.items, question
    a = full.ask(question)
    assert all(full_catalog.models[m].paper.title in a.text for m in members), question


@pytest.mark.parametrize("question, model", [
    ("arXiv number of the Phi-3 technical report", "phi-3"),  # like "Phi-4 Technical Report", but Phi-3 is named
    ("Phi-4 technical report arXiv id", "phi-4"),
    ("the Gemma 3 technical report, please", "gemma-3"),
    ("where's the DeepSeek-V2 technical report?", "deepseek-v2"),
    ("the Qwen2 tech report - which arXiv number?", "qwen2"),
])
def test_a_report_named_after_a_model_is_that_models_paper(full, question, model):
    q = full.understander.understand(question)
    assert q.intent is Intent.CITATION and q.models == [model], (question, q.models, q.lookup)


@pytest.mark.parametrize("question, model", [
    ("Give me Flamingo's size, release month and the model it builds on", "flamingo"),
    ("which month was Zephyr released?", "zephyr"),
    ("Mistral 7B: release month and size?", "mistral-7b"),
    ("what's the launch year of Chinchilla and what is it built on?", "chinchilla"),
])
def test_a_release_month_asks_the_date(full, question, model):
    q = full.understander.understand(question)
    assert q.models[-1] == model and "date" in [a.value for a in q.attributes], (question, q.attributes)
    assert full.catalog.models[model].date.human() in full.ask(question).text, question


def _venue(e, *names: str) -> bool:
    import re

    return any(re.search(rf"(?<![A-Za-z]){n}(?![A-Za-z])", e.paper.venue) for n in names)


@pytest.mark.parametrize("question, wanted", [
    ("ICLR papers in the catalog?", lambda e: _venue(e, "ICLR")),
    ("models whose paper appeared in a journal (JMLR, TACL, Nature, TMLR)", lambda e: _venue(e, "JMLR", "TACL", "Nature", "TMLR")),
    ("NeurIPS models from Google", lambda e: _venue(e, "NeurIPS") and _lab(e, "Google")),
    ("papers at ACL, EMNLP and NAACL", lambda e: _venue(e, "ACL", "EMNLP", "NAACL")),
    ("models published at ACL", lambda e: _venue(e, "ACL")),  # not NAACL, not TACL
])
def test_venues_as_a_list_field(full, full_catalog, question, wanted):
    a = full.ask(question)
    expected = {m for m, e in full_catalog.models.items() if wanted(e)}
    assert expected and set(a.models) == expected, (question, sorted(set(a.models) ^ expected))


@pytest.mark.parametrize("question, words", [
    ("Which model is from the paper with 'Longtermism' in the title?", "Longtermism"),
    ("which model's paper title contains \"Phone\"?", "Phone"),
    ("the paper with \"Compute-Optimal\" in its title - which model?", "Compute-Optimal"),
    ("which model comes from a paper whose title mentions 'Textbooks'?", "Textbooks"),
])
def test_words_quoted_as_in_a_title_find_its_paper(full, full_catalog, question, words):
    q = full.understander.understand(question)
    expected = {m for m, e in full_catalog.models.items() if words.lower() in (e.paper.title or "").lower()}
    assert len(expected) == 1 and q.lookup is not None and set(q.models) == expected, (question, q.models)


@pytest.mark.parametrize("question", [
    "efficiency-focused decoder-only additions",
    "small, efficiency-focused models released after the paper (15B or less)",
    "decoders focused on efficiency",
])
def test_efficiency_focused_names_the_efficient_trait(full, question):
    q = full.understander.understand(question)
    assert any(c.facet == "trait" and "efficient" in c.values for c, _ in leaves(q.where)), question


def _active(e) -> list[float]:
    return [v.millions for v in e.params.variants if "active" in (v.label or "").lower()]


@pytest.mark.parametrize("question, wanted", [
    ("MoE models with more than 20B active parameters",
     lambda e: any(x > 20000 for x in _active(e)) and "mixture-of-experts" in {t.value for t in e.traits}),
    ("models with under 30B active parameters but over 100B total", lambda e: any(x < 30000 for x in _active(e)) and _size(e) > 100000),
    ("which models activate fewer than 15B parameters per token?", lambda e: any(x < 15000 for x in _active(e))),
    ("models whose active parameter count is below 10B", lambda e: any(x < 10000 for x in _active(e))),
    ("models using between 10B and 25B parameters per token", lambda e: any(10000 <= x <= 25000 for x in _active(e))),
    ("mixture-of-experts models whose total size is over 100B",
     lambda e: _size(e) > 100000 and "mixture-of-experts" in {t.value for t in e.traits}),
])
def test_active_and_total_sizes_of_a_mixture_of_experts(full, full_catalog, question, wanted):
    a = full.ask(question)
    expected = {m for m, e in full_catalog.models.items() if wanted(e)}
    assert expected and set(a.models) == expected, (question, sorted(set(a.models) ^ expected))


@pytest.mark.parametrize("question, lab", [
    ("FAIR models", "Meta"), ("models from AI21 Labs", "AI21"), ("Microsoft Research models", "Microsoft"),
    ("Google Brain models", "Google"), ("models by Google DeepMind", "Google DeepMind"),
])
def test_lab_spellings(full, question, lab):
    q = full.understander.understand(question)
    assert [c.values for c, _ in leaves(q.where) if c.facet == "lab"] == [[lab]], question


def test_fair_in_lower_case_is_a_word_not_a_lab(full):
    q = full.understander.understand("is it fair to say BERT is an encoder?")
    assert q.models == ["bert"] and not any(c.facet == "lab" for c, _ in leaves(q.where))


@pytest.mark.parametrize("question", ["What has Microsoft released (alone or with others)?", "Google models, with partners or on its own"])
def test_a_lab_alone_or_with_others_counts_no_labs(full, question):
    q = full.understander.understand(question)
    assert not any(c.facet == "labs" for c, _ in leaves(q.where)), question
