"""A product, an app or a service built on a model, asked with a word of use ("can I sell a product on top of LLaMA?",
"can I build a commercial app on top of Llama 2?"), asks for that model's terms of use; it is no question about the
models derived from it. Asked without such a word, "built on top of LLaMA" stays a lineage question."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("question, model", [
    ("Can I fine-tune and sell a product on top of LLaMA?", "llama"),
    ("can we build a commercial app on top of Llama 2?", "llama-2"),
    ("is it ok to sell a service running on OPT?", "opt"),
])
def test_a_product_on_a_model_asks_for_its_licence(full, question, model):
    answer = full.ask(question)
    assert answer.models == [model], answer.text
    assert not answer.query["relations"], answer.query
    assert "license" in answer.text.lower() or "licence" in answer.text.lower(), answer.text


def test_built_on_top_of_without_a_word_of_use_is_lineage(full, full_catalog):
    answer = full.ask("which models were built on top of LLaMA?")
    children = {m.id for m in full_catalog.models.values() if "llama" in m.derived_from}
    assert children <= set(answer.models), answer.text
