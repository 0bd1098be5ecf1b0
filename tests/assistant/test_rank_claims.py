"""Yes/no questions that claim a place in a ranking ("is PaLM the largest Google model?", "was Gopher DeepMind's first
model?", PaLM 是谷歌最大的模型吗) are checked against the ranking of the set they name, not only against the set's
constraint; a yes/no asked of two models ("did Google build T5 and BART?") gives the verdict and each model's own value.

Every expected verdict here is computed from the catalog, never written in."""

from __future__ import annotations

import pytest

from assistant.query import And, Constraint, Intent, Superlative
from assistant.retrieve import select, superlative


def _winners(full, facet: str, value: str, s: Superlative) -> set[str]:
    base = full._understand("list models").model_copy(update={"where": And(items=[Constraint(facet=facet, values=[value])])})
    return {e.id for e in superlative(select(full.catalog, base), s)}


@pytest.mark.parametrize("question, model, facet, value, field, high", [
    ("is GPT-3 the biggest OpenAI model?", "gpt-3", "lab", "OpenAI", "params", True),
    ("Is PaLM the largest model Google has built?", "palm", "lab", "Google", "params", True),
    ("was AlphaFold the first DeepMind model?", "alphafold", "lab", "DeepMind", "date", False),
    ("is BERT the smallest encoder in the catalog?", "bert", "architecture", "encoder", "params", False),
    ("is Flan-T5 Google's newest model?", "flan-t5", "lab", "Google", "date", True),
    ("Chinchilla 是 DeepMind 最新的模型吗？", "chinchilla", "lab", "DeepMind", "date", True),
    ("Gopher 是 DeepMind 的第一个模型吗", "gopher", "lab", "DeepMind", "date", False),
])
def test_a_claimed_place_is_checked_against_the_ranking(full, question, model, facet, value, field, high):
    q = full._understand(question)
    assert q.intent is Intent.FACT and q.models == [model]
    assert q.superlative is not None and q.superlative.field == field and q.superlative.largest is high
    winners = _winners(full, facet, value, q.superlative)
    text = full.ask(question).text
    yes = model in winners
    assert text.startswith(("Yes", "是")) if yes else text.startswith(("No", "不是"))
    for w in winners:  # the set's own winner is named either way
        assert full.catalog.models[w].name in text


@pytest.mark.parametrize("question, facet", [
    ("Did Google build both T5 and BART?", "lab"),
    ("are BERT and GPT-2 encoders?", "architecture"),
])
def test_a_yes_no_of_two_models_gives_each_value(full, question, facet):
    q = full._understand(question)
    assert q.intent is Intent.COMPARE and q.yes_no
    text = full.ask(question).text
    assert text.startswith("No")
    for m in q.models:  # each model's own value, so the "no" can be checked
        e = full.catalog.models[m]
        shown = e.labs[0] if facet == "lab" else e.architecture.value
        assert shown in text


def test_the_first_model_of_a_list_is_still_a_pick(full):
    from assistant.session import Session

    session = Session()
    listed = full.ask("which models use RLHF?", session)
    picked = full.ask("第一个模型的许可证是什么", session)
    assert picked.models == listed.models[:1]


@pytest.mark.parametrize("question", ["T5 or BART, which is more open?", "Falcon or BLOOM: which one is less restrictive?"])
def test_which_of_two_is_more_open_is_a_comparison(full, question):
    q = full._understand(question)
    assert q.intent is Intent.COMPARE and len(q.models) == 2 and q.order[:1] == ["license"]


def test_a_set_named_to_choose_from_keeps_a_generic_word(full):
    """"Which are open?" over three named models: the licence class, not an open question for retrieval."""
    q = full._understand("Of BERT, GPT-2 and T5, which are open?")
    assert q.intent is Intent.LIST
    assert {c.facet for c in q.where.items} == {"model", "license"}


@pytest.mark.parametrize("question, verdict", [("are Alpaca and Vicuna siblings?", "Yes"), ("are Alpaca and Zephyr siblings?", "No")])
def test_a_yes_no_on_kinship_states_each_parent(full, question, verdict):
    answer = full.ask(question)
    assert answer.text.startswith(verdict)
    for m in ("alpaca", "vicuna" if "Vicuna" in question else "zephyr"):  # each model's recorded parent, named
        for p in full.catalog.models[m].derived_from:
            assert full.catalog.models[p].name in answer.text


def test_what_came_before_a_model_in_its_family_is_its_ancestry(full):
    q = full._understand("what came before Qwen2.5 in its family?")
    assert q.intent is Intent.LINEAGE and q.models == ["qwen2.5"] and q.transitive


@pytest.mark.parametrize("question, model, yes", [
    ("LLaMA 有三个尺寸吗", "llama", False),   # the count is no version ("LLaMA 3")
    ("LLaMA 有四个版本吗？", "llama", True),
])
def test_a_yes_no_on_a_models_number_of_sizes(full, question, model, yes):
    q = full._understand(question)
    assert q.models == [model]
    text = full.ask(question).text
    assert text.startswith("是的" if yes else "不是")
    assert "65B" in text  # the sizes counted are stated, so the verdict can be checked


def test_who_has_the_most_parameters_among_named_models_is_a_comparison(full):
    q = full._understand("GPT-3 vs OPT vs BLOOM: who has the most parameters?")
    assert q.intent is Intent.COMPARE and q.group_by is None and len(q.models) == 3


@pytest.mark.parametrize("question, model, field, yes", [
    ("is Vicuna bigger than its base model?", "vicuna", "params", False),
    ("was Llama 2 released after its parent?", "llama-2", "date", True),
    ("Alpaca 比它的基础模型小吗", "alpaca", "params", True),
])
def test_a_model_weighed_against_its_own_parent(full, question, model, field, yes):
    q = full._understand(question)
    parents = full.catalog.models[model].derived_from
    assert q.intent is Intent.COMPARE and q.models[0] == model and set(q.models[1:]) == set(parents)
    text = full.ask(question).text
    assert text.startswith(("Yes", "是的") if yes else ("No", "不是"))


def test_a_model_and_its_parent_on_one_field(full):
    answer = full.ask("are Zephyr and its parent from the same lab?")
    assert not answer.abstained and answer.text.startswith("No")
    assert "Mistral AI" in answer.text and "Hugging Face" in answer.text
