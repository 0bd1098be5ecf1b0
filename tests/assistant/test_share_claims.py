"""A claim about the share of a set, asked yes or no ("are most Google models decoders?", "do more than half of OpenAI's
models have closed licences?", "大多数模型都是开源的吗？") is a count over the set, as a share of it, and a verdict against
the fraction claimed. The verdict here is recomputed from the catalog, never written down."""

from __future__ import annotations

import re

import pytest

from assistant.query import Op, leaves
from assistant.retrieve import holds

_FRAC = {Op.GT: lambda a, b: a > b, Op.GE: lambda a, b: a >= b, Op.LT: lambda a, b: a < b, Op.LE: lambda a, b: a <= b}


def _verdict(full, q):
    """The share the question claims, checked over the catalog by its typed reading: (base size, count, holds). A base
    with models in both parts is judged over the whole catalog first (the parts follow); else over the paper's part."""
    whole = [e for e in full.catalog.models.values() if holds(e, q.share_of)]
    part = [e for e in full.catalog.models.values() if e.in_paper or len({x.in_paper for x in whole}) == 2]
    base = [e for e in part if holds(e, q.share_of)]
    hits = [e for e in base if holds(e, q.where)]
    return len(base), len(hits), _FRAC[q.share_check_op](len(hits) / len(base), q.share_check)


@pytest.mark.parametrize("question, base_facets, asked_facets, op, frac", [
    ("are most Google models encoder-decoders?", {"lab"}, {"lab", "architecture"}, Op.GT, 0.5),
    ("do more than half of OpenAI's models have closed licences?", {"lab"}, {"lab", "license"}, Op.GT, 0.5),
    ("is at least a third of the catalog from Google?", set(), {"lab"}, Op.GE, 0.3333),
    ("are fewer than 10% of the models encoder-decoders?", set(), {"architecture"}, Op.LT, 0.1),
    ("are Meta's models mostly open?", {"lab"}, {"lab", "license"}, Op.GT, 0.5),
    ("are most models from 2022 bigger than 10B?", {"date"}, {"date", "size"}, Op.GT, 0.5),
    ("would you say most encoder models come from Google?", {"architecture"}, {"architecture", "lab"}, Op.GT, 0.5),
    ("谷歌的模型大部分是编码器-解码器吗？", {"lab"}, {"lab", "architecture"}, Op.GT, 0.5),
    ("超过一半的模型是解码器吗？", set(), {"architecture"}, Op.GT, 0.5),
    ("OpenAI 的模型里闭源的占一半以上吗？", {"lab"}, {"lab", "license"}, Op.GT, 0.5),
    # every model of the set: a share of all of it
    ("Do all OpenAI models use causal language modeling?", {"lab"}, {"lab", "objective"}, Op.GE, 1.0),
    ("are OpenAI's models all decoders?", {"lab"}, {"lab", "architecture"}, Op.GE, 1.0),
    ("谷歌的模型都是闭源的吗？", {"lab"}, {"lab", "license"}, Op.GE, 1.0),
])
def test_a_share_claim_is_counted_against_its_set(full, question, base_facets, asked_facets, op, frac):
    q = full._understand(question)
    assert q.share_of is not None and q.share_check_op is op and q.share_check == pytest.approx(frac), q
    assert {c.facet for c, _ in leaves(q.share_of)} == base_facets
    assert {c.facet for c, _ in leaves(q.where)} == asked_facets
    total, n, held = _verdict(full, q)
    text = full.ask(question).text
    lead = text.splitlines()[0]
    assert lead.startswith(("Yes", "是的") if held else ("No", "不是")), lead
    assert re.search(rf"\b{n}\b", lead) and re.search(rf"\b{total}\b", lead), lead


@pytest.mark.parametrize("question", [
    "which lab built the most models?",  # a superlative over labs, no claim
    "does Google have the most models?",
    "what share of Google's models are decoders?",  # a share asked, not claimed
    "which models are mostly used for code?",
])
def test_no_claim_is_read_where_none_is_made(full, question):
    assert full._understand(question).share_check_op is None


@pytest.mark.parametrize("question, any_", [
    ("Are there any models from Salesforce?", True),
    ("Is there a model from Apple in the catalog?", False),
    ("Has OpenAI released any encoder-decoder models?", True),
    ("有没有 Salesforce 做的模型？", True),
])
def test_whether_any_model_matches_leads_the_list(full, question, any_):
    """"Are there any ...?": Yes or No first, by whether the list is empty."""
    answer = full.ask(question)
    assert bool(answer.models) is any_
    assert answer.text.startswith(("Yes", "有") if any_ else ("No", "没有")), answer.text[:80]


def test_a_plain_yes_no_about_a_set_gets_no_existence_lead(full):
    """"Are Google's models open source?" asks about the set, not whether one exists: no bare "Yes." before the list."""
    assert not full.ask("Are Google's models open source?").text.startswith("Yes.")
