"""Weights anyone can fetch and run ("which models can I download and run locally?", "self-hostable", 权重是公开的,
本地部署) are the open licence class; asked of one model, the answer checks it against the model's class."""

from __future__ import annotations

import pytest

from assistant.query import leaves


@pytest.mark.parametrize("question", [
    "which models can I download and run locally?",
    "self-hostable models from Meta",
    "additions with downloadable checkpoints",
    "哪些模型的权重是公开的",
    "哪些谷歌模型可以本地部署",
])
def test_downloadable_weights_are_the_open_class(full, question):
    q = full._understand(question)
    assert ("license", ["open"], False) in [(c.facet, c.values, n) for c, n in leaves(q.where)], q.where
    answer = full.ask(question)
    assert answer.models and all(full.catalog.models[m].license_class.value == "open" for m in answer.models)


def test_a_closed_model_is_said_not_to_be_downloadable(full):
    text = full.ask("can I download the weights of GPT-4?").text
    assert text.startswith("No.") and "closed" in text


@pytest.mark.parametrize("question, model", [
    ("Did Meta release OPT under a commercial licence?", "opt"),
    ("is LLaMA available under a commercial license?", "llama"),
])
def test_a_commercial_licence_asked_of_a_non_commercial_model_is_no(full, question, model):
    assert full.catalog.models[model].license_class.value == "limited"
    assert full.ask(question).text.startswith("No.")


@pytest.mark.parametrize("question", [
    "Meta models with a non-commercial licence",
    "the largest model with a non-commercial license",
])
def test_a_non_commercial_licence_stays_the_limited_class(full, question):
    """Never the open class its "commercial licence" words name: the licence text that says non-commercial (round 24:
    over the whole catalog, the limited class also holds community licences that allow commercial use)."""
    q = full._understand(question)
    said = [(c.facet, c.values, n) for c, n in leaves(q.where) if c.facet in ("license", "license_name")]
    assert said == [("license_name", ["non-commercial"], False)], said
