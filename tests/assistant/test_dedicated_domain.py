"""A model dedicated to one domain ("models dedicated to code", "built solely for code", "专门写代码的模型", "代码专用模型")
is a model whose only listed domain is that one, as "code-only models" is; "specialized in dialogue" stays the domain."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("question", [
    "models dedicated to code",
    "which models were made only for code?",
    "专门写代码的模型有哪些",
    "代码专用模型",
])
def test_a_dedicated_domain_is_the_sole_domain(full, full_catalog, question):
    answer = full.ask(question)
    expected = {m.id for m in full_catalog.models.values() if [d.value for d in m.domains] == ["code"]}
    assert expected and set(answer.models) == expected, answer.text


def test_specialized_in_is_the_domain(full, full_catalog):
    answer = full.ask("models specialized in dialogue")
    expected = {m.id for m in full_catalog.models.values() if "dialogue" in [d.value for d in m.domains]}
    assert set(answer.models) == expected, answer.text
