"""Tracing a model back ("trace Zephyr back to its root", "can you trace Code Llama back?") asks for its ancestry,
with the model's name between the verb and "back", as with a pronoun ("trace it back"). The ancestors expected are
computed from the catalog's derived_from fields."""

from __future__ import annotations

import pytest

from tests.assistant import lineage

TRACED = [("trace Zephyr back to its root", "zephyr"), ("can you trace Code Llama back?", "code-llama"),
          ("please trace Vicuna all the way back", "vicuna"), ("tracing Tülu 3 back, what do we find?", "tulu-3")]


@pytest.mark.parametrize("question, model", TRACED, ids=[q for q, _ in TRACED])
def test_tracing_a_named_model_back_gives_its_ancestry(full, full_catalog, question, model):
    expected = lineage.ancestors(full_catalog, model)
    assert expected
    answer = full.ask(question)
    assert answer.intent == "lineage" and answer.query["models"] == [model]
    assert expected <= set(answer.models)
