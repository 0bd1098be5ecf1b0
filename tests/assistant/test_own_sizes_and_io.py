"""How many sizes a model comes in, asked in Chinese with any noun of a size (大小, 规格, 型号, 参数规模 ...), any verb
of releasing before the count, and 不同 / 的模型 around the noun: a count of that model's own sizes (``owned_count``),
never a count of the whole catalog nor a card. What one model takes in and gives out ("what does Whisper take as
input and produce as output?", CLIP 的输入输出是什么) is its domains and what it is used for."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("question, model", [
    ("PaLM 出了几个大小的模型", "palm"),
    ("Whisper 有几种规格", "whisper"),
    ("Pythia 有多少个型号", "pythia"),
    ("BLOOM 发布了多少种不同大小的模型", "bloom"),
    ("GPT-2 有几个參數規模", "gpt-2"),
    ("OPT 一共推出了几档规模？", "opt"),
])
def test_a_count_of_one_models_sizes(full, question, model):
    answer = full.ask(question)
    assert answer.models == [model], answer.text
    assert answer.query["owned_count"] == "params", answer.query


@pytest.mark.parametrize("question", ["参数规模超过100亿的模型有几个", "谷歌有多少个模型"])
def test_a_count_of_models_stays_one(plain, question):
    answer = plain.ask(question)
    assert answer.query["owned_count"] is None and answer.query["intent"] == "count", answer.query


@pytest.mark.parametrize("question, model", [
    ("what does Whisper take as input and produce as output?", "whisper"),
    ("what kind of input does LLaVA accept?", "llava"),
    ("what are the inputs and outputs of DALL-E 2?", "dall-e-2"),
    ("CLIP 的输入输出是什么", "clip"),
    ("Whisper 输入什么、输出什么？", "whisper"),
])
def test_inputs_and_outputs_asked_of_one_model(full, question, model):
    """What a model takes in and gives out: its recorded inputs and outputs (round 25; its domains and what it is used
    for before), never only a card."""
    answer = full.ask(question)
    assert answer.models == [model], answer.text
    assert "io" in answer.query["attributes"] or {"domains", "application"} <= set(answer.query["attributes"]), answer.query
    assert "domains, application" not in answer.text and "→ 用途, domains" not in answer.text


def test_taking_images_as_input_is_still_a_set(full):
    answer = full.ask("which models take images as input?")
    assert answer.query["intent"] == "list" and len(answer.models) > 5, answer.text
