"""A count of a named model's own recorded values ("how many sizes does LLaMA come in?", "how many labs worked on
BLOOM?", "T5 有几个预训练目标", "BERT 的论文有几位作者") is a fact of the model: the number, then the values, cited. It
was read as a count of models (30 models with two sizes or more, or a breakdown of every lab). A count of models
with such values ("how many models have more than 3 sizes?") stays a count of models."""

from __future__ import annotations

import re

import pytest

from assistant.facets import released_sizes


def _number(text: str) -> int:
    return int(re.search(r"\*\*(\d+)\*\*", text).group(1))


@pytest.mark.parametrize("question, model, field", [
    ("how many sizes does LLaMA come in?", "llama", "params"),
    ("how many versions of GPT-2 were released?", "gpt-2", "params"),
    ("GPT-2 有几个版本", "gpt-2", "params"),
    ("how many labs worked on BLOOM?", "bloom", "labs"),
    ("how many objectives does T5 list?", "t5", "objective"),
    ("T5 有几个预训练目标", "t5", "objective"),
    ("BERT 的论文有几位作者", "bert", "authors"),
])
def test_a_count_of_a_models_own_values(full, question, model, field):
    answer = full.ask(question)
    e = full.catalog.models[model]
    expected = {"params": len(released_sizes(e)), "labs": len(e.org_names), "objective": len(e.objectives),
                "authors": len(e.paper.authors)}[field]
    assert answer.intent.value == "fact" and answer.models == [model] and answer.query["owned_count"] == field
    assert _number(answer.text) == expected


def test_a_count_of_models_with_many_sizes_stays_a_count(full):
    answer = full.ask("how many models have more than 3 sizes?")
    assert answer.intent.value == "count" and answer.query["owned_count"] is None and len(answer.models) > 3


def test_what_else_is_said_of_the_model_is_a_premise(full):
    answer = full.ask("Google 的 Whisper 语音模型有几个尺寸？")  # Whisper is OpenAI's: corrected, then counted
    assert answer.models == ["whisper"] and "OpenAI" in answer.text and "**5**" in answer.text
