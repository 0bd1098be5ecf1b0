"""The other models of the lab named through one of its models: "what else did the makers of X build?", "what other
models did X's developer make?", "X 的开发者还做了哪些模型". The answer is the lab's models without X; asked alone,
"who is X's developer?" stays a question about X's labs."""

from __future__ import annotations

import pytest


def _others(catalog, model):
    keys = set(catalog.models[model].org_names)
    return {m.id for m in catalog.models.values() if keys & m.lab_keys and m.id != model}


@pytest.mark.parametrize("question, model", [
    ("what else did the makers of Gopher build?", "gopher"),
    ("other models from the company that built GPT-2", "gpt-2"),
    ("what other models did Gopher's developer make?", "gopher"),
    ("which other models has BERT's lab released?", "bert"),
    ("Gopher 的开发者还做了哪些模型", "gopher"),
    ("BART 背后的公司还发布了什么模型", "bart"),
    ("開發 GPT-2 的機構還有哪些模型", "gpt-2"),
])
def test_the_labs_other_models_leave_the_model_out(full, full_catalog, question, model):
    answer = full.ask(question)
    expected = _others(full_catalog, model)
    assert expected and set(answer.models) == expected, answer.text
    assert any(x["model"] == model for x in answer.query["exclude"]), answer.query


@pytest.mark.parametrize("question, model", [
    ("who is Gopher's developer?", "gopher"),
    ("Gopher 的开发者是谁", "gopher"),
])
def test_the_developer_asked_alone_is_the_models_labs(full, question, model):
    answer = full.ask(question)
    assert answer.models == [model], answer.text
    assert "labs" in answer.query["attributes"] or "lab" in answer.query["attributes"], answer.query
