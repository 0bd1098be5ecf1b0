"""Counting questions of round 20, each kind in wordings of its own (English and Chinese):

- a count per value for values named in a list, of any field a model can hold several of (design traits, alignment
  methods as objectives) or one of (architectures joined by slashes, "encoder/decoder/encoder-decoder"), or families
  named before one family noun ("the Phi, DeepSeek and Mistral families", a name that is also a lab's read as the
  family); three values or more spanning both parts of the catalog are counted over the whole catalog first.

Expected figures come from the catalog's own fields.
"""

from __future__ import annotations

import pytest

from assistant.facets import FACETS
from assistant.query import Constraint, Query


def _members(catalog, facet, value):
    f = FACETS[facet]
    return [e for e in catalog.models.values() if f.match(e, Constraint(facet=facet, values=[value]))]


def _group(q: Query):
    """The breakdown's field and the values named of it."""
    named = [c for c in q.where.items if isinstance(c, Constraint) and c.facet == q.group_by]
    return q.group_by, (set(named[0].values) if named else set())


@pytest.mark.parametrize("question, facet, values", [
    ("For each of SwiGLU, GQA and RoPE, how many models have it?", "trait",
     {"swiglu", "grouped-query-attention", "rotary-embeddings"}),
    ("number of models with each: mixture of experts, sliding window attention, grouped-query attention", "trait",
     {"mixture-of-experts", "sliding-window-attention", "grouped-query-attention"}),
    ("split the count by alignment method: DPO, RLHF, RL for reasoning", "objective", {"dpo", "rlhf", "reasoning-rl"}),
    ("SwiGLU、GQA、RoPE 各有几个模型采用？", "trait", {"swiglu", "grouped-query-attention", "rotary-embeddings"}),
    ("按对齐方法统计一下模型数：DPO、RLHF、推理强化学习", "objective", {"dpo", "rlhf", "reasoning-rl"}),
])
def test_each_value_named_of_a_many_valued_field_is_counted(full, question, facet, values):
    a = full.ask(question)
    q = Query.model_validate(a.query)
    assert _group(q) == (facet, values), (q.group_by, q.where)
    for v in values:
        n = len(_members(full.catalog, facet, v))
        assert n and f"{n}" in a.text, (v, n, a.text)


def test_three_values_over_both_parts_are_counted_over_the_whole_catalog_first(full):
    a = full.ask("how many models per alignment method: DPO, RL for reasoning, RLHF?")
    head = a.text.split("\n\n")[0]
    for v in ("dpo", "reasoning-rl", "rlhf"):
        assert f"{len(_members(full.catalog, 'objective', v))}" in head, head
    assert head.startswith("Across the whole catalog"), head


@pytest.mark.parametrize("question", [
    "Meta's models by architecture, encoder/decoder/encoder-decoder, how many of each?",
    "Meta 的模型按 encoder/decoder/encoder-decoder 分别有几个",
])
def test_architectures_joined_by_slashes_are_each_counted(full, question):
    a = full.ask(question)
    q = Query.model_validate(a.query)
    assert _group(q) == ("architecture", {"encoder", "decoder", "encoder-decoder"}), (q.group_by, q.where)


def test_encoder_slash_decoder_alone_is_still_the_encoder_decoder(full):
    q = Query.model_validate(full.ask("list the encoder/decoder models from Meta").query)
    assert [c.values for c in q.where.items if isinstance(c, Constraint) and c.facet == "architecture"] == [["encoder-decoder"]]


@pytest.mark.parametrize("question, families", [
    ("how many models do the Phi, DeepSeek and Mistral families have, respectively?", {"Phi", "DeepSeek", "Mistral"}),
    ("DeepSeek and Phi families: how many models each?", {"DeepSeek", "Phi"}),
    ("DeepSeek、Phi 和 Mistral 系列各有多少个模型", {"Phi", "DeepSeek", "Mistral"}),
    ("Phi、DeepSeek 这两个家族各有几个模型？", {"Phi", "DeepSeek"}),
])
def test_families_named_before_one_family_noun_are_each_counted(full, question, families):
    a = full.ask(question)
    q = Query.model_validate(a.query)
    assert _group(q) == ("family", families), (q.group_by, q.where)
    for f in families:
        assert str(len(_members(full.catalog, "family", f))) in a.text
