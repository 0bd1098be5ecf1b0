"""A ranking that also asks how many ("how many OpenAI models are there, and which is the oldest?") answers both:
the count of the set first, then its winner. "How many parameters does the largest model have?" asks a number of
the winner's, not a count of models."""

from __future__ import annotations

import pytest


from tests.assistant.spec import selected


@pytest.mark.parametrize("question, lab", [
    ("how many OpenAI models are there, and which is the oldest?", "OpenAI"),
    ("How many models has DeepMind released and what's the latest one?", "DeepMind"),
    ("number of Meta models, and the biggest of them?", "Meta"),
    ("谷歌有多少个模型？其中最早的是哪个？", "Google"),
])
def test_the_count_and_the_winner(full, question, lab):
    answer = full.ask(question)
    members = selected(full.catalog, answer)  # the lab's models ("Meta" counts Facebook's too)
    assert answer.query["tallied"] and answer.query["superlative"] and answer.query["where"]["items"][0]["values"] == [lab]
    assert f"**{len(members)}**" in answer.text.split("\n\n")[0]  # the count leads
    assert answer.models and set(answer.models) <= members


def test_a_number_of_the_winner_is_no_count(full):
    answer = full.ask("how many parameters does the largest model have?")
    assert not answer.query["tallied"] and "models in the catalog match" not in answer.text
