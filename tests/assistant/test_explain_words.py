"""Explanation asked in words other than 'what is' / 'explain' / 'how does ... work': a walkthrough ('take me through',
'break down'), a concept 'explained' after its name, and a topic label before the question ('GQA: how does it ...?').
With a concept named, such a question asks for the concept's explanation, never for the list of models using it."""

from __future__ import annotations

import pytest

from assistant.query import Intent


@pytest.mark.parametrize("q", [
    "Take me through DPO step by step",
    "Can you break down how instruction tuning is done?",
    "mixture of experts, explained for a beginner",
    "Grouped-query attention: how does it save memory?",
    "Sliding window attention — what does each token get to see?",
    "Run me through masked language modeling",
])
def test_an_explanation_asked_in_other_words_explains_the_concept(full, q):
    assert full.understander.understand(q).intent is Intent.CONCEPT


@pytest.mark.parametrize("q", [
    "What limitation did XLNet's permutation language modeling overcome?",
    "why would T5 drop causal language modeling for span corruption",
    "What issue does GQA address in Llama 2?",
])
def test_the_problem_a_named_models_mechanism_solves_explains_the_mechanism(full, q):
    assert full.understander.understand(q).intent is Intent.CONCEPT

