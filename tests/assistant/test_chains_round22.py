"""Round 22 (chains area), in wordings other people would type (English and Chinese):

- a field of the model another one succeeds or replaces ("the model Llama 2 replaced", "the model Gemma 2 supersedes"):
  the parent reached, as "the model X is based on" is;
- a field of the model another one was succeeded by or folded into ("the model Qwen2.5 was succeeded by", "the model
  Megatron was merged into"): the child reached, a hop downwards, and the reading says so;
- a ranking by date whose winner's size is asked at its largest ("the largest size of the earliest instruction-tuned
  model", 最早…的模型最大的版本有多大): the date ranks, the size is the field asked, not a second ranking;
- the teacher a model was distilled from, asked in Chinese (是从哪个模型蒸馏出来的), then a field of "that model": the
  parent's field, and the distillation verb is no claim about the parent's own objective;
- a model's part said as what it "uses as its vision encoder / takes as its language backbone", and in Chinese
  (里的那个视觉编码器, 基于的那个语言模型): the parent the part names;
- a release year asserted of a named model before a lineage question, with no "since" ("Alpaca came out in 2021, what
  was it fine-tuned from?"): a premise, corrected, not a filter on the parents;
- follow-ups: 这家 / "this lab" after a question about a model's lab ("这家还发布过哪些模型", "which other models does this
  lab have?"): the lab's other models; "build on it" after a question about one model, inside a part of the catalog.

Expected figures come from the catalog's own fields.
"""

from __future__ import annotations

import pytest


def _parents(full, m):
    return [p for p in full.catalog.models[m].derived_from if p in full.catalog.models]


def _children(full, m):
    return [i for i, e in full.catalog.models.items() if m in e.derived_from]


@pytest.mark.parametrize("question, start, shown", [
    ("which lab built the model Llama 2 replaced, and how big was it?", "llama-2", ["Meta", "65B"]),
    ("when did the model Gemma 2 supersedes come out?", "gemma-2", ["March 2024"]),
    ("how many parameters did the model that DeepSeek-V3 succeeded have?", "deepseek-v3", ["236B"]),
])
def test_the_model_a_model_succeeds_is_its_parent(full, question, start, shown):
    answer = full.ask(question)
    assert answer.query["hop_from"] == start and answer.query["hop_depth"] == 1, answer.query
    assert set(_parents(full, start)) <= set(answer.models), answer.text
    for value in shown:
        assert value in answer.text, answer.text


@pytest.mark.parametrize("question, start, child, shown", [
    ("how many parameters does the model Qwen2.5 was succeeded by have?", "qwen2.5", "qwen3", "235B"),
    ("when was the model that DeepSeek-V2 got replaced by released?", "deepseek-v2", "deepseek-v3", "December 2024"),
    ("who built the model that Megatron was later merged into?", "megatron", "mt-nlg", "NVIDIA"),
    ("what's the size of the model Gemma was followed by?", "gemma", "gemma-2", "27B"),
])
def test_the_model_a_model_was_succeeded_by_is_its_child(full, question, start, child, shown):
    answer = full.ask(question)
    assert answer.query["hop_from"] == start and answer.query["hop_depth"] == -1, answer.query
    assert child in answer.models and start not in answer.query["models"], answer.text
    assert shown in answer.text, answer.text
    assert "child" in answer.text.split("*Read as")[1], answer.text  # the reading names the hop


@pytest.mark.parametrize("question, winner, shown", [
    ("what is the largest size of the earliest instruction-tuned model?", "t0", "11B"),
    ("the first model trained with RLHF: how big is it at its largest?", "anthropic-assistant", "52B"),
    ("最早用指令微调的模型最大的版本有多大", "t0", "11B"),
    ("最早用 RLHF 训练的模型最大有多少参数", "anthropic-assistant", "52B"),
])
def test_a_date_ranking_with_its_winners_largest_size_asked(full, question, winner, shown):
    answer = full.ask(question)
    assert answer.query["superlative"]["field"] == "date", answer.query["superlative"]
    assert answer.models[:1] == [winner], answer.text
    assert shown in answer.text, answer.text


@pytest.mark.parametrize("question, parent, shown", [
    ("DistilBERT 是从哪个模型蒸馏出来的？那个模型有多大", "bert", "340M"),
    ("DistilBERT 是从哪个模型蒸馏的？那个模型是哪家做的", "bert", "Google"),
])
def test_the_teacher_then_a_field_of_that_model_in_chinese(full, question, parent, shown):
    answer = full.ask(question)
    assert answer.query["hop_from"] == "distilbert" and answer.query["models"] == [parent], answer.query
    assert shown in answer.text, answer.text
    # distilling is how DistilBERT was made, no claim about its teacher's own objective
    assert not [p for p in answer.query["premises"] if p["model"] == parent], answer.query["premises"]


@pytest.mark.parametrize("question, start, part, shown", [
    ("who made the model LLaVA uses as its vision encoder?", "llava", "clip", "OpenAI"),
    ("how big is the model LLaVA takes as its language backbone?", "llava", "vicuna", "13B"),
    ("LLaVA 里那个视觉编码器是哪家做的", "llava", "clip", "OpenAI"),
    ("LLaVA 中用到的视觉模型是谁开发的", "llava", "clip", "OpenAI"),
    ("Flamingo 基于的那个语言模型是什么时候发布的", "flamingo", "chinchilla", "2022"),
])
def test_a_part_used_as_a_backbone(full, question, start, part, shown):
    answer = full.ask(question)
    assert answer.query["hop_from"] == start and answer.query["models"] == [part], answer.query
    assert shown in answer.text, answer.text


@pytest.mark.parametrize("question, model, shown", [
    ("Alpaca came out in 2021, what was it fine-tuned from?", "alpaca", "March 2023"),
    ("Zephyr was released in 2022. what's its base model?", "zephyr", "October 2023"),
    ("Alpaca 是 2021 年推出的，它是在哪个模型上微调的", "alpaca", "2023年3月"),
])
def test_a_year_asserted_before_a_lineage_question_is_a_premise(full, question, model, shown):
    answer = full.ask(question)
    assert [p for p in answer.query["premises"] if p["model"] == model and p["constraint"]["facet"] == "date"], answer.query
    assert not [c for c in answer.query["where"]["items"] if c.get("facet") == "date"], answer.query["where"]
    first = answer.text.split("\n\n")[0]
    assert shown in first, answer.text


def _ask_after(full, history, question):
    from assistant import Session

    session = Session()
    for turn in history:
        full.ask(turn, session)
    return full.ask(question, session)


def _lab_others(full, model):
    labs = set(full.catalog.models[model].labs)
    return {i for i, e in full.catalog.models.items() if i != model and labs & set(e.labs)}


@pytest.mark.parametrize("history, question, model", [
    (["BLOOM 是谁做的"], "这家还发布过哪些模型", "bloom"),
    (["OPT 是哪家公司的"], "这家公司还做了什么模型", "opt"),
    (["who built OPT?"], "which other models does this lab have?", "opt"),
])
def test_this_lab_after_a_question_about_a_models_lab(full, history, question, model):
    answer = _ask_after(full, history, question)
    assert not answer.abstained, answer.text
    expected = _lab_others(full, model)
    assert expected and expected <= set(answer.models) and model not in answer.models, answer.text


@pytest.mark.parametrize("history, question, start", [
    (["what is ViT?"], "which of the models added after the paper build on it?", "vit"),
    (["tell me about PaLM"], "which post-paper additions build upon it?", "palm"),
    (["BERT 是什么"], "论文之后新增的模型里哪些是建立在它之上的", "bert"),
])
def test_build_on_it_inside_a_part_of_the_catalog(full, history, question, start):
    answer = _ask_after(full, history, question)
    expected = {m for m in _children(full, start) if not full.catalog.models[m].in_paper}
    assert expected and set(answer.models) == expected, answer.text


@pytest.mark.parametrize("history, question, start", [
    # the demonstrative said first, as Chinese says it (那个模型又基于什么, 那个模型又是从什么来的)
    (["Flamingo 基于哪个模型"], "那个模型又基于什么", "chinchilla"),
    (["Alpaca 是在哪个模型上微调的"], "那个模型又是从什么来的", "llama"),
])
def test_that_model_then_its_own_lineage_in_chinese(full, history, question, start):
    answer = _ask_after(full, history, question)
    assert answer.query["intent"] == "lineage" and answer.query["models"] == [start], answer.query


@pytest.mark.parametrize("history, question, chain, shown", [
    (["what is Flamingo built on?", "and what is that one built on?"], "who made them all?",
     ["flamingo", "chinchilla", "gopher"], "DeepMind"),
    (["Zephyr 基于哪个模型"], "它们都是什么时候发布的", ["zephyr", "mistral-7b"], "2023年10月"),
    (["Vicuna 是在哪个模型上微调的", "那个模型是谁做的"], "它们都有多大", ["vicuna", "llama"], "13B"),
])
def test_they_after_a_run_of_lineage_turns(full, history, question, chain, shown):
    """"They" after turns that each asked about a model the turn before named: every model of that run."""
    answer = _ask_after(full, history, question)
    assert set(chain) <= set(answer.models), answer.text
    assert answer.query["referent"]["source"] == "chain", answer.query["referent"]
    assert shown in answer.text, answer.text


@pytest.mark.parametrize("question, start, depth, reached, shown", [
    # the relation asked as a question of its own, then a field of "that model"
    ("which model was DistilBERT distilled from? when was that one released?", "distilbert", 1, "bert", "October 2018"),
    ("what did Vicuna get fine-tuned from? how big is that model?", "vicuna", 1, "llama", "65B"),
    ("Turing-NLG was replaced by which model? how big is that one?", "turing-nlg", -1, "mt-nlg", "530B"),
    ("DeepSeek-V2 后来被哪个模型替代了？那个模型是什么时候发布的", "deepseek-v2", -1, "deepseek-v3", "2024年12月"),
    # a relative clause of succession in Chinese: the model it took over from
    ("PaLM 2 接替的那个模型是谁做的", "palm-2", 1, "palm", "Google"),
    ("Llama 2 取代的模型有多大", "llama-2", 1, "llama", "65B"),
])
def test_the_relation_asked_then_a_field_of_that_model(full, question, start, depth, reached, shown):
    answer = full.ask(question)
    assert answer.query["hop_from"] == start and answer.query["hop_depth"] == depth, answer.query
    assert answer.query["models"] == [reached], answer.query
    assert shown in answer.text, answer.text


def test_the_model_folded_into_in_chinese(full):
    answer = full.ask("Turing-NLG 后来并入的那个模型有多大")
    assert answer.models == ["mt-nlg"] and "530B" in answer.text, answer.text


@pytest.mark.parametrize("question, start, parent, shown", [
    ("how big was the teacher DistilBERT learned from?", "distilbert", "bert", "340M"),
    ("the backbone that Flamingo builds on — how many parameters?", "flamingo", "chinchilla", "70B"),
])
def test_the_teacher_or_backbone_a_model_came_from(full, question, start, parent, shown):
    answer = full.ask(question)
    assert answer.query["hop_from"] == start and answer.query["models"] == [parent], answer.query
    assert shown in answer.text, answer.text


def test_the_winners_largest_configuration_is_asked(full):
    answer = full.ask("what's the largest configuration of the latest DeepSeek model?")
    assert answer.query["superlative"]["field"] == "date" and "params" in answer.query["attributes"], answer.query
    assert answer.models[:1] == ["deepseek-r1"] and "671B" in answer.text, answer.text


def test_other_models_that_come_from_that_lab(full):
    answer = _ask_after(full, ["who made Orca?"], "which other models come from that lab?")
    assert "phi-4" in answer.models and "orca" not in answer.models, answer.text
