"""Advice on buying or learning things that are not models (a laptop, a GPU, a book, a course) is off-topic: the
catalog records models. A recommendation of a model for a use stays a question about models."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("question", [
    "recommend a good laptop for deep learning",
    "suggest a good book on transformers",
    "what's a good course to learn about attention?",
    "推荐一本关于深度学习的书",
    "跑 LLaMA 买什么显卡",
])
def test_advice_on_things_that_are_not_models_is_declined(full, question):
    answer = full.ask(question)
    assert answer.abstained and not answer.models and not answer.citations


@pytest.mark.parametrize("question", ["recommend a good model for summarization", "推荐一个做摘要的模型"])
def test_a_model_recommended_for_a_use_is_answered(full, question):
    answer = full.ask(question)
    assert not answer.abstained and "pegasus" in answer.models
