"""Kinds of lineage, timeline and catalog-scope question, in wordings other people would type:

- a Chinese relative clause of derivation with no 从 before the name ("BART 派生的模型", "由 LLaMA 直接派生的",
  "LLaMA 底下衍生出的全部模型"): the name's children (直接: one generation; 底下/下面: every generation), and the
  possessive of the model discussed ("它的直接子模型", "那它的直接后代呢"): its children;
- a follow-up asking for the model discussed's direct / immediate descendants: one generation, not every one;
- a model and its direct children, in date order ("BERT plus its immediate children by release date"): the model too;
- an order said by its two ends in Chinese ("从最老到最新", "由最新的到最早的"): the set in that order;
- the paper's part joined to the additions by and / or ("both from the paper and the newer ones", "in the paper's list
  or added after it"): the whole catalog, not the paper's part;
- a depth said as "directly or further down (the line)": every generation;
- a root said as not derived from any other catalog *entry*: no parent model (the part of the catalog asked stays);
- a family's generations put in an order ("Sort the three Gemma generations chronologically"): the family's members;
- two models as the ends of a line or a stretch in Chinese ("从 GPT-2 到 ChatGPT 是怎么演化的": the line of descent, both
  ends in it; "从 T5 到 GPT-3 之间": the months between them).

Expected sets come from the catalog's own derived_from, lab, family and catalog-part fields.
"""

from __future__ import annotations

import pytest

from assistant.session import Session


def _children(cat, parent):
    return {e.id for e in cat.models.values() if parent in e.derived_from}


def _descendants(cat, parent):
    out, todo = set(), [parent]
    while todo:
        p = todo.pop()
        for c in _children(cat, p) - out:
            out.add(c)
            todo.append(c)
    return out


def _ask(assistant, turns):
    session = Session()
    for turn in turns[:-1]:
        assistant.ask(turn, session)
    return assistant.ask(turns[-1], session)


@pytest.mark.parametrize("turns, parent, deep", [
    (["哪些模型是由 LLaMA 直接派生的"], "llama", False),
    (["BART 派生的模型有哪些"], "bart", False),
    (["LLaMA 底下衍生出的全部模型"], "llama", True),
    (["GPT-3 是哪年发布的？", "它的直接子模型有哪些"], "gpt-3", False),
    (["BERT 是谁做的？", "那它的直接后代呢？"], "bert", False),
    (["How big is GPT-3?", "and which models are its immediate descendants?"], "gpt-3", False),
])
def test_children_or_descendants_said_in_other_words(full, full_catalog, turns, parent, deep):
    a = _ask(full, turns)
    want = _descendants(full_catalog, parent) if deep else _children(full_catalog, parent)
    assert set(a.models) == want, (turns, sorted(a.models), sorted(want))


@pytest.mark.parametrize("question, model", [
    ("list BERT plus its immediate children by release date", "bert"),
    ("GPT-3 together with its direct descendants, oldest first", "gpt-3"),
])
def test_a_model_and_its_children_in_date_order(full, full_catalog, question, model):
    a = full.ask(question)
    want = _children(full_catalog, model) | {model}
    assert set(a.models) == want, (question, sorted(a.models), sorted(want))
    dates = [full_catalog.models[m].date.key for m in a.models]
    assert dates == sorted(dates), (question, a.models)


@pytest.mark.parametrize("question, newest_first", [
    ("谷歌的模型从最老到最新列出来", False),
    ("OpenAI 的模型由最新的到最早的排一下", True),
])
def test_an_order_said_by_its_two_ends_in_chinese(full, full_catalog, question, newest_first):
    a = full.ask(question)
    assert len(a.models) > 3, (question, a.models, a.text[:300])
    dates = [full_catalog.models[m].date.key for m in a.models]
    assert dates == sorted(dates, reverse=newest_first), (question, a.models)


@pytest.mark.parametrize("question, facet, value", [
    ("Google models, both from the paper and the newer ones", "lab", "Google"),
    ("Which encoder models are there, in the paper's list or added after it?", "architecture", "encoder"),
])
def test_the_papers_part_joined_to_the_additions_is_the_whole_catalog(full, full_catalog, question, facet, value):
    from assistant.facets import FACETS
    from assistant.query import Constraint

    a = full.ask(question)
    c = Constraint(facet=facet, values=[value])
    want = {e.id for e in full_catalog.models.values() if FACETS[facet].match(e, c)}
    assert set(a.models) == want, (question, sorted(set(a.models) ^ want))


def test_further_down_the_line_is_every_generation(full, full_catalog):
    a = full.ask("Which models derive from T5 or BERT, directly or further down the line?")
    want = _descendants(full_catalog, "t5") | _descendants(full_catalog, "bert")
    assert set(a.models) == want, sorted(set(a.models) ^ want)


def test_not_derived_from_any_other_entry_is_a_root(full, full_catalog):
    a = full.ask("Which additions don't derive from any other catalog entry?")
    want = {e.id for e in full_catalog.models.values() if not e.in_paper and not e.derived_from}
    assert set(a.models) == want, sorted(set(a.models) ^ want)


def test_a_familys_generations_put_in_order(full, full_catalog):
    a = full.ask("Sort the three Gemma generations chronologically.")
    assert a.models == ["gemma", "gemma-2", "gemma-3"], (a.models, a.text[:300])


def test_the_line_between_two_models_holds_both_ends(full, full_catalog):
    a = full.ask("从 GPT-2 到 ChatGPT，这一路是怎么演化的")
    assert a.query["intent"] == "lineage" and {"gpt-2", "gpt-3", "gpt-3.5", "chatgpt"} <= set(a.models), a.models


def test_two_models_as_the_ends_of_a_stretch_of_time_in_chinese(full, full_catalog):
    a = full.ask("从 T5 到 GPT-3 之间出了哪些模型")
    lo, hi = full_catalog.models["t5"].date.key, full_catalog.models["gpt-3"].date.key
    want = {e.id for e in full_catalog.models.values() if lo < e.date.key < hi}
    assert set(a.models) == want, sorted(set(a.models) ^ want)


def _lab(cat, lab):
    from assistant.facets import FACETS
    from assistant.query import Constraint

    return [e for e in cat.models.values() if FACETS["lab"].match(e, Constraint(facet="lab", values=[lab]))]


def test_a_comparison_with_the_model_a_ranking_picks_from_a_set(full, full_catalog):
    a = full.ask("Which Google models are larger than the biggest OpenAI model?")
    top = max(e.params.max_millions or 0 for e in _lab(full_catalog, "OpenAI"))
    want = {e.id for e in _lab(full_catalog, "Google") if (e.params.max_millions or 0) > top}
    assert want and set(a.models) == want, (sorted(a.models), sorted(want))
    a = full.ask("Which paper models came out after the earliest of the additions?")
    first = min(e.date.key for e in full_catalog.models.values() if not e.in_paper)
    want = {e.id for e in full_catalog.models.values() if e.in_paper and e.date.key > first}
    assert want and set(a.models) == want, sorted(set(a.models) ^ want)
