"""Facts about a lab itself (where it is based, when it was founded, who runs it, its staff, its legal form) and who
paid for a model are not in the catalog: the question is declined as unrecorded and says what the catalog does
record, instead of listing the lab's models as if they answered it."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("question, label", [
    ("where is DeepMind headquartered", "lab details"),
    ("DeepMind headquarters", "lab details"),
    ("when was OpenAI founded", "lab details"),
    ("who is the CEO of Anthropic", "lab details"),
    ("is EleutherAI a non-profit", "lab details"),
    ("OpenAI 是哪年成立的", "lab details"),
    ("Anthropic 有多少员工", "lab details"),
    ("who funded the BLOOM project", "funding"),
])
def test_a_lab_s_own_facts_are_not_recorded(plain, question, label):
    q = plain._understand(question)
    assert q.unrecorded == [label]
    answer = plain.ask(question)
    assert answer.abstained and not answer.citations


def test_the_lab_s_models_are_still_a_list(plain):
    q = plain._understand("which models did DeepMind build")
    assert not q.unrecorded and q.where.items
