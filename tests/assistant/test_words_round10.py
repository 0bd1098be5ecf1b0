"""Kinds of the words area (round 10), each written in wordings other than the failing examples':

- a value's term with a bracketed gloss inside it ("a causal (next-token) language modeling objective") is the term,
  and a negation before it reaches it (it was dropped, or read positive);
- a negated description read by meaning ("models that never learned from rewards ...") stays negated, and negated
  words that read as nothing are reported as not understood, never answered as if the negation were absent.
"""

from __future__ import annotations

import pytest

from assistant.query import Reason
from tests.assistant.spec import project


def _where(assistant, catalog, q: str) -> str:
    return project(assistant.understander.understand(q), catalog)["where"]


@pytest.mark.parametrize("q, where", [
    ("encoders that were not trained with masked (cloze-style) language modeling",
     "objective ≠ masked language modeling (MLM) AND architecture = encoder"),
    ("which 2022 models avoid a causal (left-to-right) language modeling objective?",
     "date ≥ 2022-01 AND date ≤ 2022-12 AND objective ≠ causal (autoregressive) language modeling"),
    ("decoders that skip causal (autoregressive) language modelling",
     "objective ≠ causal (autoregressive) language modeling AND architecture = decoder"),
    ("Google models trained without instruction (prompt-style) tuning", "objective ≠ instruction tuning AND lab = Google"),
])
def test_a_bracketed_gloss_inside_a_term_keeps_the_term_and_its_negation(full, full_catalog, q, where):
    assert _where(full, full_catalog, q) == where


@pytest.mark.parametrize("q, where", [
    ("models that never learned from rewards when acting in environments", "domain ≠ reinforcement-learning"),
    ("models that cannot see pictures or photos at all", "domain ≠ vision-language"),
])
def test_a_negated_description_read_by_meaning_stays_negated(full_assistant, full_catalog, q, where):
    assert _where(full_assistant, full_catalog, q) == where


@pytest.mark.parametrize("q", [
    "2021 models that do not use a zorbulated training objective",
    "decoders that were never trained with any flimbering loss",
])
def test_negated_words_read_as_nothing_are_reported(full_assistant, q):
    got = full_assistant.understander.understand(q)
    assert got.reason is Reason.NOT_UNDERSTOOD and got.unparsed, got
