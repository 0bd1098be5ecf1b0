"""Kinds of turn and lineage question, in wordings other people would type (English and Chinese):

- a model left out together with everything built on it, the exclusion word after the model ("drop X and anything
  built on it", "neither X nor one of its descendants", "把 X 和它的衍生模型都排除掉", a clause-final verb: "X 及其衍生模型都不要",
  "X 系的不要"), or said as no kinship at all ("跟 X 毫无关系", "与 X 没有任何关系");
- a negated possessive lineage noun ("并非 X 的子模型": not a direct child of X);
- a count that restates how many relatives the model discussed has ("its two parents", "它的两个父模型"): the
  relatives are asked, no count of parents is a constraint;
- siblings through a qualified parent ("the same direct parent as X", "a common parent with X", "共同父模型");
- a parent asked with a verb of coming-from the relation tables lacked ("由哪个模型微调来的", "从哪个模型衍生来");
- a follow-up asking what was made from the model discussed later (its children, not its parents), from one of a listed
  set, or from "that same model" the last answer named ("what else": the model asked about left out);
- "other <lab> models" after a turn on one model: a new set without it, not a narrowing of the last answer;
- a field asked of a lineage set (the children's licences), shown as a list shows it;
- a line traced "back to" a named ancestor: where it stops, not a second model whose line is asked;
- names sharing one plural family noun ("the LLaMA and OPT families", "LLaMA 和 OPT 这两个家族"): each is its family.

Expected sets come from the catalog's own fields and derived-from links (tests/assistant/lineage.py).
"""

from __future__ import annotations

import pytest

from assistant.session import Session
from tests.assistant.lineage import children, descendants


def _last(full, *turns):
    session = Session()
    answers = [full.ask(q, session) for q in turns]
    return answers[-1]


def _lab(catalog, lab: str) -> set[str]:
    return {e.id for e in catalog.models.values() if any(lab.lower() in o.lower() for o in e.org_names)}


def _arch(catalog, arch: str) -> set[str]:
    return {e.id for e in catalog.models.values() if e.architecture.value == arch}


def _line(catalog, model: str) -> set[str]:
    return {model} | descendants(catalog, model)


@pytest.mark.parametrize("question, base, model", [
    ("Meta models, but drop BART and anything built on it", ("lab", "Meta"), "bart"),
    ("decoder models that are neither GPT nor one of its descendants", ("arch", "decoder"), "gpt"),
    ("Google 的模型里，把 T5 和它的衍生模型都排除掉", ("lab", "Google"), "t5"),
    ("解码器模型中，跟 GPT 毫无关系的有哪些", ("arch", "decoder"), "gpt"),
    ("OpenAI 的模型，GPT-3 及其衍生模型都不要", ("lab", "OpenAI"), "gpt-3"),
    ("Google 的模型，T5 系的不要", ("lab", "Google"), "t5"),
])
def test_a_model_left_out_with_its_line(full, full_catalog, question, base, model):
    kind, value = base
    pool = _lab(full_catalog, value) if kind == "lab" else _arch(full_catalog, value)
    expected = pool - _line(full_catalog, model)
    a = full.ask(question)
    assert expected and set(a.models) == expected, (question, sorted(set(a.models) ^ expected))


def test_a_negated_possessive_child_noun_leaves_out_the_children_only(full, full_catalog):
    expected = _lab(full_catalog, "OpenAI") - children(full_catalog, "gpt-2")
    a = full.ask("OpenAI 的模型中，哪些并非 GPT-2 的子模型")
    assert "gpt-2" in expected and set(a.models) == expected, sorted(set(a.models) ^ expected)


@pytest.mark.parametrize("turns, model", [
    (("tell me about MT-NLG", "who made its two parent models?"), "mt-nlg"),
    (("介绍一下 Dolly", "它的两个父模型分别是什么时候发布的"), "dolly"),
])
def test_a_count_of_the_models_own_relatives_restates_them(full, full_catalog, turns, model):
    parents = set(full_catalog.models[model].derived_from)
    a = _last(full, *turns)
    assert len(parents) == 2 and parents <= set(a.models) <= parents | {model}, a.models
    assert "parents" not in str(a.query.get("where")), a.query.get("where")


@pytest.mark.parametrize("question, model", [
    ("which models have the same direct parent as Alpaca?", "alpaca"),
    ("which models share an immediate base model with Vicuna", "vicuna"),
    ("和 Alpaca 有共同父模型的模型有哪些", "alpaca"),
])
def test_siblings_through_a_qualified_parent(full, full_catalog, question, model):
    expected = {c for p in full_catalog.models[model].derived_from for c in children(full_catalog, p)} - {model}
    a = full.ask(question)
    assert expected and set(a.models) == expected, (question, sorted(set(a.models) ^ expected))


@pytest.mark.parametrize("turns, model", [
    (("介绍一下 Alpaca", "它是由哪个模型微调来的"), "alpaca"),
    (("Vicuna 从哪个模型衍生来",), "vicuna"),
])
def test_a_parent_asked_with_a_verb_of_coming_from(full, full_catalog, turns, model):
    assert set(_last(full, *turns).models) == set(full_catalog.models[model].derived_from)


@pytest.mark.parametrize("turns, model", [
    (("who built GPT-J?", "did anything get fine-tuned off it afterwards?"), "gpt-j"),
    (("Pythia 是什么", "之后有哪些模型是在它基础上训练的"), "pythia"),
])
def test_a_follow_up_asking_what_was_made_from_the_model_later(full, full_catalog, turns, model):
    expected = children(full_catalog, model)
    assert expected and set(_last(full, *turns).models) == expected


def _org(catalog, name: str) -> set[str]:
    return {e.id for e in catalog.models.values() if name in e.lab_keys}


@pytest.mark.parametrize("turns, lab, model", [
    (("Which company is behind Gopher?", "what other DeepMind models are there?"), "DeepMind", "gopher"),
])
def test_other_models_after_a_turn_on_one_model_leave_it_out(full, full_catalog, turns, lab, model):
    expected = _org(full_catalog, lab) - {model}
    assert expected and set(_last(full, *turns).models) == expected


def test_what_else_was_built_on_the_parent_just_named(full, full_catalog):
    expected = children(full_catalog, "llama") - {"vicuna"}
    a = _last(full, "Which model is Vicuna based on?", "and what else came out of that same model?")
    assert set(a.models) == expected, a.models


def test_the_children_of_a_listed_set(full, full_catalog):
    listed = _org(full_catalog, "EleutherAI")
    expected = {c for m in listed for c in children(full_catalog, m)}
    a = _last(full, "Which models come from EleutherAI?", "were any models fine-tuned from one of those?")
    assert expected and set(a.models) == expected, a.models


@pytest.mark.parametrize("question", [
    "what licenses do the models derived from BART have?",
])
def test_a_field_asked_of_a_lineage_set_is_shown(full, full_catalog, question):
    a = full.ask(question)
    assert set(a.models) == children(full_catalog, "bart")
    assert full_catalog.models["mbart"].license.split(",")[-1].strip().split()[0] in a.text


@pytest.mark.parametrize("question, model", [
    ("Sparrow's ancestry all the way back to GPT", "sparrow"),
])
def test_a_line_traced_back_to_a_named_ancestor_stops_there(full, full_catalog, question, model):
    from tests.assistant.lineage import ancestors

    assert set(full.ask(question).models) == ancestors(full_catalog, model)


@pytest.mark.parametrize("question", [
    "Meta models except the LLaMA and OPT families",
    "Meta 的模型里，除了 LLaMA 和 OPT 这两个家族以外还有哪些",
])
def test_names_sharing_a_plural_family_noun_are_families(full, full_catalog, question):
    from assistant.facets import FACETS
    from assistant.query import Constraint

    members = {e.id for e in full_catalog.models.values()
               if FACETS["family"].match(e, Constraint(facet="family", values=["LLaMA", "OPT"]))}
    expected = _org(full_catalog, "Meta") - members
    assert {"llama-2", "opt"} <= members and set(full.ask(question).models) == expected
