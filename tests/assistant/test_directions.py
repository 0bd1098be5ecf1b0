"""Direction words of lineage questions (parents, children, ancestors, counts of children), read
from the lexicon's cues and checked against the catalog's derived-from links."""

from __future__ import annotations

import pytest

from assistant import Assistant, Session
from assistant.facets import FACETS


@pytest.fixture(scope="module")
def talk(full_catalog):
    """ask(q) over the full catalog (the paper's models and the additions), structured answers only."""
    bot = Assistant(full_catalog)
    return lambda q: bot.ask(q, Session())


@pytest.mark.parametrize("question, model", [
    ("what did Alpaca start from", "alpaca"),
    ("what model did Vicuna start with?", "vicuna"),
    ("Alpaca comes from which model", "alpaca"),
    ("which model does Dolly stem from?", "dolly"),
    ("what was Sparrow built on?", "sparrow"),
])
def test_parent_words_give_the_recorded_parents(catalog, ask, question, model):
    a = ask(question)
    assert a.intent == "lineage" and set(a.models) == set(catalog.models[model].derived_from), a.text


@pytest.mark.parametrize("question, parent", [
    ("which models come straight from LLaMA", "llama"),
    ("what was directly fine-tuned from GPT-3?", "gpt-3"),
    ("models built directly on T5", "t5"),
    ("which models descend directly from GPT-3", "gpt-3"),
])
def test_direct_child_words_give_the_children_only(catalog, ask, question, parent):
    a = ask(question)
    assert set(a.models) == {e.id for e in catalog.models.values() if parent in e.derived_from}, a.text


def test_descend_without_directly_gives_every_generation(catalog, ask):
    a = ask("which models descend from GPT-3")
    assert set(a.models) == {e.id for e in catalog.models.values() if "gpt-3" in FACETS["descends"].values(e)}


@pytest.mark.parametrize("question, model", [
    ("full ancestry of Vicuna", "vicuna"),
    ("trace Alpaca back to its roots", "alpaca"),
    ("the whole lineage of InstructGPT", "instructgpt"),
])
def test_ancestry_lists_the_ancestors_without_the_model_itself(catalog, ask, question, model):
    a = ask(question)
    ancestors = set(FACETS["descends"].values(catalog.models[model]))
    assert a.intent == "lineage" and ancestors and set(a.models) == ancestors, a.text


@pytest.mark.parametrize("question, parent", [
    ("how many models derive directly from LLaMA", "llama"),
    ("how many models were fine-tuned straight from GPT-3?", "gpt-3"),
])
def test_counting_direct_children(catalog, ask, question, parent):
    a = ask(question)
    n = sum(1 for e in catalog.models.values() if parent in e.derived_from)
    assert a.intent == "count" and f"**{n}**" in a.text, a.text


# -- "is X in the original paper / catalog?": the in_paper flag ---------------------------------------
@pytest.mark.parametrize("question, model, in_paper", [
    ("is GPT-3 in the original paper?", "gpt-3", True),
    ("does the paper include Chinchilla?", "chinchilla", True),
    ("was BLOOM part of the original catalog?", "bloom", True),
    ("is Llama 3 in the catalog?", "llama-3", False),
    ("was Mixtral 8x7B part of the original survey?", "mixtral-8x7b", False),
    ("is Gemma 2 listed in the paper?", "gemma-2", False),
])
def test_in_the_paper_is_a_fact_about_the_in_paper_flag(full_catalog, talk, question, model, in_paper):
    a = talk(question)
    assert a.intent == "fact" and a.models == [model] and not a.abstained, a.text
    assert full_catalog.models[model].in_paper is in_paper
    assert a.text.startswith("Yes: " if in_paper else "No: "), a.text
    assert ("one of the 77 models" in a.text) is in_paper and ("added to this catalog since the paper" in a.text) is not in_paper


@pytest.mark.parametrize("question", ["is Claude 5 in the original paper?", "is FooBERT-9 in the catalog?"])
def test_a_model_in_neither_is_not_in_the_catalog(talk, question):
    a = talk(question)
    assert a.abstained and "not in the catalog" in a.text and not a.citations


# -- comparisons of three or more models ---------------------------------------------------------------
@pytest.mark.parametrize("question, models, dimension, ascending, yes", [
    ("is ELECTRA newer than XLNet and RoBERTa?", ["electra", "xlnet", "roberta"], "date", False, True),
    ("is GPT-3 bigger than BERT, T5 and XLNet?", ["gpt-3", "bert", "t5", "xlnet"], "size", False, True),
    ("is BERT newer than GPT-2 and XLNet?", ["bert", "gpt-2", "xlnet"], "date", False, False),
    ("which is oldest: GPT-2, BERT or XLNet?", ["gpt-2", "bert", "xlnet"], "date", True, None),
    ("which is the biggest of T5, GPT-2 and BERT?", ["t5", "gpt-2", "bert"], "size", False, None),
])
def test_three_or_more_models_are_ordered_by_the_verdict(catalog, ask, question, models, dimension, ascending, yes):
    a = ask(question)
    assert a.intent == "compare" and set(a.models) == set(models), a.text
    key = (lambda m: catalog.models[m].date.key) if dimension == "date" else (lambda m: catalog.models[m].params.max_millions)
    order = sorted(models, key=key, reverse=not ascending)
    assert a.models == order, a.text
    word = {("date", False): "the newest", ("date", True): "the oldest", ("size", False): "the largest"}[(dimension, ascending)]
    body = a.text.removeprefix("Yes. ").removeprefix("No. ")
    assert body.startswith(f"{catalog.models[order[0]].name} is {word}"), a.text
    if yes is not None:
        assert a.text.startswith("Yes." if yes else "No."), a.text


# -- "the most recent model in the catalog": a ranking on date over the whole catalog ---------------------
@pytest.mark.parametrize("question", [
    "which model in the catalog is the most recent?",
    "what's the newest entry in the catalog?",
    "what is the most recent model in the Transformer catalog?",
    "most recently released model",
    "which catalog model came out last?",
])
def test_the_newest_model_in_the_catalog_is_a_date_ranking(catalog, ask, question):
    a = ask(question)
    latest = max(e.date.key for e in catalog.models.values())
    assert a.intent == "count" and set(a.models) == {e.id for e in catalog.models.values() if e.date.key == latest}, a.text
