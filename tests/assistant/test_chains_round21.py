"""Round 21 (chains area), in wordings other people would type (English and Chinese):

- a count of a named model's sizes of one kind, dense or mixture-of-experts ("how many dense sizes does Qwen3 have?",
  Qwen2 有几个稠密版本): the kind is read off the trait the question put on the sizes, the count keeps only those
  sizes (labelled totals / active counts are the experts' configurations, the other sizes dense) and names the others
  left out, and the reading line says which sizes were counted;

Expected figures come from the catalog's own fields.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("question, model, kind, n", [
    ("how many dense sizes does Qwen3 have?", "qwen3", "dense", 6),
    ("number of dense versions of Phi-3", "phi-3", "dense", 4),
    ("how many MoE variants does Qwen2 come in?", "qwen2", "moe", 1),
    ("Qwen2 有几个稠密版本", "qwen2", "dense", 4),
    ("DeepSeek-R1 有几个 dense 版本", "deepseek-r1", "dense", 6),
    ("Qwen2.5 一共开源了几个 dense 尺寸？", "qwen2.5", "dense", 7),
])
def test_a_count_of_one_kind_of_size(full, question, model, kind, n):
    answer = full.ask(question)
    assert answer.models == [model], answer.text
    assert answer.query["owned_count"] == "params" and answer.query["owned_kind"] == kind, answer.query
    # the kind is a word of the count, not a claim about the model
    assert not [p for p in answer.query["premises"] if p["constraint"].get("facet") == "trait"], answer.query
    assert f"**{n}**" in answer.text, answer.text


def test_no_size_of_the_kind_asked(full):
    answer = full.ask("how many dense sizes does Mixtral have")
    assert answer.models == ["mixtral-8x7b"] and "**no**" in answer.text, answer.text
    assert "dense sizes only" in answer.text  # the reading line


def test_a_count_of_every_size_is_unchanged(full):
    answer = full.ask("how many sizes does Qwen3 come in?")
    assert answer.query["owned_kind"] == "" and "**8**" in answer.text, answer.text


@pytest.mark.parametrize("question, models", [
    ("how big are DeepSeek-V2, V3 and R1?", ["deepseek-v2", "deepseek-v3", "deepseek-r1"]),
    ("release dates of Qwen2, 2.5 and 3", ["qwen2", "qwen2.5", "qwen3"]),
    ("DeepSeek-V2、V3、R1 分别是什么时候发布的", ["deepseek-v2", "deepseek-v3", "deepseek-r1"]),
])
def test_several_versions_named_in_shorthand(full, question, models):
    """A list of versions after one full name ("DeepSeek-V2, V3 and R1") names each of them, the stem carried on."""
    answer = full.ask(question)
    assert set(answer.query["models"]) == set(models), answer.query["models"]
    for m in models:
        assert m in answer.models, answer.text


def test_a_count_after_a_comma_is_no_version(full):
    answer = full.ask("GPT-2, 3 other models and BERT")
    assert "gpt-3" not in answer.query["models"], answer.query["models"]


@pytest.mark.parametrize("question, model, shown", [
    # a size claimed with an article ("is a 1B encoder") or as the top of the range ("tops out at", 最大 ...)
    ("Gemma is a 70B decoder, so what licence does it have?", "gemma", "7B"),
    ("Falcon was made by Alibaba and tops out at 72B, right?", "falcon", "180B"),
    ("Gemma 最大 70B 吧，谁做的", "gemma", "7B"),
    # beside an attribute the catalog does not record, the size claimed is still corrected
    ("Phi-1 is a 7B model — what's its context window?", "phi-1", "1.3B"),
])
def test_a_size_claimed_beside_the_question_is_corrected(full, question, model, shown):
    answer = full.ask(question)
    assert answer.models[:1] == [model], answer.text
    sizes = [p for p in answer.query["premises"] if p["constraint"]["facet"] == "size"]
    assert sizes, answer.query["premises"]
    first = answer.text.split("\n\n")[0]
    assert shown in first or shown in answer.text.split("\n\n")[1], answer.text


@pytest.mark.parametrize("question, model, licence", [
    ("why did TII close-source Falcon?", "falcon", "open"),
    ("when did Google decide to close source T5?", "t5", "open"),
    ("why did OpenAI open-source GPT-4?", "gpt-4", "closed"),
])
def test_a_licence_claimed_by_a_verb_is_corrected(full, question, model, licence):
    answer = full.ask(question)
    assert answer.models[:1] == [model], answer.text
    claimed = [p for p in answer.query["premises"] if p["constraint"]["facet"] == "license"]
    assert claimed and claimed[0]["constraint"]["values"] != [licence], answer.query["premises"]
    assert f"licensed {licence}" in answer.text, answer.text


@pytest.mark.parametrize("question, parent", [
    # a release bound and a derivation said of one model through "it": both constraints, the derivation read
    ("models after Chinchilla that are based on it", "chinchilla"),
    ("anything released after LLaMA which is derived from it?", "llama"),
    ("LLaMA 发布以后，基于它的模型有哪些", "llama"),
    ("Chinchilla 之后有哪些模型基于它", "chinchilla"),
])
def test_a_derivation_from_it_beside_a_release_bound(full, question, parent):
    answer = full.ask(question)
    children = {m for m, e in full.catalog.models.items() if parent in e.derived_from}
    assert children and set(answer.models) == children, answer.text  # (every child came out after its parent)


@pytest.mark.parametrize("turns, models", [
    (["what is ALBERT?", "how is it related to BERT?"], {"albert", "bert"}),
    (["tell me about Vicuna", "what's its relationship with LLaMA?"], {"vicuna", "llama"}),
    (["Alpaca 是什么", "它与 LLaMA 的关系是？"], {"alpaca", "llama"}),
    (["介绍一下 DistilBERT", "它跟 BERT 的关系"], {"distilbert", "bert"}),
])
def test_a_follow_up_relation_to_a_named_model_weighs_the_two(full, turns, models):
    from assistant.session import Session

    session = Session()
    for turn in turns[:-1]:
        full.ask(turn, session)
    answer = full.ask(turns[-1], session)
    assert set(answer.models) == models, answer.text
    assert answer.query["intent"] == "compare", answer.query["intent"]


@pytest.mark.parametrize("question", [
    "models where every single version is over 10B",
    "which models have each single checkpoint above 10B?",
])
def test_every_single_size_is_every_size(full, question):
    """"every single" is "every", no count of one size."""
    answer = full.ask(question)
    sizes = [c for c in answer.query["where"]["items"] if c.get("facet") == "size"]
    assert sizes and sizes[0]["quant"] == "every", answer.query["where"]
    assert not [c for c in answer.query["where"]["items"] if c.get("facet") == "variants"], answer.query["where"]
    assert "deepseek-v2" in answer.models, answer.text  # 236B and its V2-Lite's 16B
