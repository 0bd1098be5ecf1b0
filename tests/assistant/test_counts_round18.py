"""Two kinds of counting question, each in several wordings (English and Chinese):

- a claim about a share of a set ("does every Microsoft model ...", "are most Google models ...") on a catalog whose
  set has models in both parts: the verdict that leads is the one over the whole catalog, the parts follow;
- two values of one field counted against each other ("how many more decoders than encoders", "the ratio of open to
  closed models", "are there more open or closed Google models?", "do decoders outnumber encoders?"): each value
  counted, the difference and the ratio said, over the whole catalog first when the models span both parts.

Expected figures come from the catalog's own fields.
"""

from __future__ import annotations

import pytest

from assistant.facets import FACETS
from assistant.query import Constraint, leaves


def _count(catalog, facet, value, within=lambda e: True):
    f = FACETS[facet]
    return sum(1 for e in catalog.models.values() if within(e) and f.match(e, Constraint(facet=facet, values=[value])))


@pytest.mark.parametrize("question, base, holds", [
    ("does every Microsoft model have a disclosed size?", ("lab", "Microsoft"), lambda e: bool(e.params.variants)),
    ("Is it true that all of Google's models are open source?", ("lab", "Google"), lambda e: e.license_class == "open"),
    ("are most Meta models decoders?", ("lab", "Meta"), lambda e: e.architecture == "decoder"),
    ("Would you say the majority of OpenAI models are closed?", ("lab", "OpenAI"), lambda e: e.license_class == "closed"),
])
def test_a_share_claim_leads_with_the_whole_catalog(full_assistant, question, base, holds):
    catalog = full_assistant.catalog
    f = FACETS[base[0]]
    members = [e for e in catalog.models.values() if f.match(e, Constraint(facet=base[0], values=[base[1]]))]
    assert {e.in_paper for e in members} == {True, False}, "the base spans both parts"
    n = sum(1 for e in members if holds(e))
    share = n / len(members)
    claimed_all = "every" in question or "all" in question
    truth = share >= 1.0 if claimed_all else share > 0.5
    answer = full_assistant.ask(question)
    first = answer.text.split("\n\n")[0]
    assert first.startswith("Yes" if truth else "No") and "whole catalog" in first, first
    assert f"{n} of the {len(members)}" in first, first


@pytest.mark.parametrize("question, facet, a, b, where", [
    ("how many more decoders than encoders are there?", "architecture", "decoder", "encoder", None),
    ("What's the ratio of open to closed models?", "license", "open", "closed", None),
    ("are there more open or closed models from Google?", "license", "open", "closed", ("lab", "Google")),
    ("do decoders outnumber encoders in the catalog?", "architecture", "decoder", "encoder", None),
    ("Are there fewer encoder-decoder models than encoder ones?", "architecture", "encoder-decoder", "encoder", None),
    ("谷歌和OpenAI谁的模型更多？", "lab", "Google", "OpenAI", None),
])
def test_two_values_counted_against_each_other(full_assistant, question, facet, a, b, where):
    catalog = full_assistant.catalog
    if where:
        wf = FACETS[where[0]]
        within = lambda e: wf.match(e, Constraint(facet=where[0], values=[where[1]]))  # noqa: E731
    else:
        within = lambda e: True  # noqa: E731
    na, nb = _count(catalog, facet, a, within), _count(catalog, facet, b, within)
    answer = full_assistant.ask(question)
    assert answer.query["group_by"] == facet and answer.query.get("share_of") is None, answer.query
    lead = answer.text.split("\n\n")[0]
    assert f": {na}" in lead and f": {nb}" in lead or f"：{na} 个" in lead and f"：{nb} 个" in lead, lead
    diff = abs(na - nb)
    assert (f"{diff} more model" in lead or f"多 {diff} 个模型" in lead) if diff else "same number" in lead, lead


@pytest.mark.parametrize("question, base, counted", [
    ("is it true that no DeepMind model is open?", ("lab", "DeepMind"), ("license", "open")),
    ("none of the models from DeepMind are open, right?", ("lab", "DeepMind"), ("license", "open")),
    ("no Google model is closed, correct?", ("lab", "Google"), ("license", "closed")),
    ("Are none of OpenAI's models open source?", ("lab", "OpenAI"), ("license", "open")),
    ("No encoder from OpenAI is open, right?", ("lab", "OpenAI"), ("license", "open")),
    ("没有一个谷歌模型是闭源的，对吗？", ("lab", "Google"), ("license", "closed")),
    ("没有哪个 DeepMind 模型开源，是吧？", ("lab", "DeepMind"), ("license", "open")),
])
def test_a_claim_that_none_of_a_set_is_so_checks_the_set_itself(full, question, base, counted):
    """"No X model is Y": the share of X's models that are Y checked against zero; X is never negated."""
    q = full._understand(question)
    assert q.share_check_op is not None and q.share_check == 0, q
    base_facets = {(c.facet, tuple(c.values)) for c, neg in leaves(q.share_of) if not neg}
    assert (base[0], (base[1],)) in base_facets, q.share_of
    assert not [c for c, neg in leaves(q.where) if neg and c.facet == base[0]], q.where
    assert any(c.facet == counted[0] and counted[1] in c.values for c, neg in leaves(q.where) if not neg), q.where


def test_a_none_claim_is_answered_yes_only_when_no_model_matches(full_assistant):
    catalog = full_assistant.catalog
    f = FACETS["lab"]
    for lab, held in (("DeepMind", "open"), ("Anthropic", "open")):
        members = [e for e in catalog.models.values() if f.match(e, Constraint(facet="lab", values=[lab]))]
        n = sum(1 for e in members if e.license_class == held)
        first = full_assistant.ask(f"is it true that no {lab} model is {held}?").text.split("\n\n")[0]
        assert first.startswith("Yes" if n == 0 else "No") and f"{n} of" in first, first
