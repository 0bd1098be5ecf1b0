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


def _share(q: Query):
    return None if q.share_of is None else {(c.facet, tuple(c.values)) for c in q.share_of.items if isinstance(c, Constraint)}


@pytest.mark.parametrize("question, base, part", [
    # "how much of <a set> is <a kind>": a share of that set
    ("How much of DeepMind's portfolio is closed?", ("lab", "DeepMind"), ("license", "closed")),
    ("how much of OpenAI's lineup is open?", ("lab", "OpenAI"), ("license", "open")),
    # a base set with a "with" phrase runs on to the main verb
    ("what fraction of the models with DPO are from Microsoft?", ("objective", "dpo"), ("lab", "Microsoft")),
    ("what percentage of the models with RLHF are from DeepMind?", ("objective", "rlhf"), ("lab", "DeepMind")),
])
def test_the_base_set_of_a_share(full, question, base, part):
    a = full.ask(question)
    q = Query.model_validate(a.query)
    assert _share(q) == {(base[0], (base[1],))}, q.share_of
    whole = _members(full.catalog, *base)
    n = sum(1 for e in whole if e in _members(full.catalog, *part))
    assert f"{n} of the {len(whole)} models" in a.text, a.text


@pytest.mark.parametrize("question", [
    "what fraction of the catalog has its parameter count stated?",
    "share of entries whose size is given?",
    "提供了参数量的模型占目录的多大比例？",
])
def test_a_share_of_the_models_with_a_known_size(plain, question):
    a = plain.ask(question)
    q = Query.model_validate(a.query)
    assert q.share_of is not None and not q.share_of.items, q.share_of
    known = sum(1 for e in plain.catalog.models.values() if e.params.max_millions)
    assert known < len(plain.catalog.models)
    assert f"{known}" in a.text and f"{len(plain.catalog.models)}" in a.text, a.text


@pytest.mark.parametrize("question, op", [
    ("are the additions mostly closed?", "gt"),
    ("do more than half of the additions use DPO?", "gt"),
    ("are all of the additions decoders?", "ge"),
])
def test_a_share_claim_about_the_additions(full, question, op):
    q = Query.model_validate(full.ask(question).query)
    assert q.share_check_op is not None and q.share_check_op.value == op, q
    assert _share(q) == {("catalog", ("beyond",))}, q.share_of


@pytest.mark.parametrize("question, model", [
    ("what share of Google's models are encoders, including BERT?", "bert"),
    ("what fraction of Meta's models are decoders? count OPT too", "opt"),
    ("how many decoders has OpenAI released? GPT-2 included", "gpt-2"),
    ("谷歌的模型里编码器占多少比例（包括 BERT）", "bert"),
    ("Meta 的模型里解码器占多少？OPT 也算上", "opt"),
])
def test_a_model_named_as_included_is_no_subject(full, question, model):
    a = full.ask(question)
    q = Query.model_validate(a.query)
    assert not q.models and q.intent.value == "count", q
    assert model in a.models, a.models


@pytest.mark.parametrize("question, model, n", [
    # a count of one model's own sizes, the model named inside the count's words
    ("number of Pythia model sizes", "pythia", 8),
    ("count of BERT's released sizes", "bert", 2),
    ("Pythia 一共有多少种规模？", "pythia", 8),
])
def test_a_count_of_a_named_model_sizes(full, question, model, n):
    a = full.ask(question)
    q = Query.model_validate(a.query)
    assert q.models == [model] and q.owned_count is not None and q.owned_count.value == "params", q
    assert f"**{n}**" in a.text, a.text


@pytest.mark.parametrize("question, quant, members", [
    # the variant a bound judges, said alone in brackets after it: a list, no ranking
    ("decoders above 100B params (largest)", "largest", {"palm", "gopher"}),
    ("Google models below 1B [smallest]", "smallest", {"bert", "albert"}),
    ("编码器中参数量超过 3 亿的（最大）", "largest", {"bert", "roberta"}),
])
def test_the_variant_said_in_brackets_after_a_bound(full, question, quant, members):
    a = full.ask(question)
    q = Query.model_validate(a.query)
    assert q.superlative is None and q.intent.value == "list", q
    sizes = [c for c in q.where.items if isinstance(c, Constraint) and c.facet == "size"]
    assert len(sizes) == 1 and sizes[0].quant.value == quant, sizes
    assert members <= set(a.models), a.models


@pytest.mark.parametrize("question, figure", [
    # one mixture of experts' total weighed against its count active per token
    ("Mixtral's total is how many times its active parameter count?", "3.62"),
    ("how many times larger is DeepSeek-V2's total parameter count than its active one?", "11.2"),
    ("Mixtral 8x7B 的总参数量是激活参数的几倍？", "3.62"),
])
def test_a_model_total_against_its_active_count(full, question, figure):
    a = full.ask(question)
    assert f"**{figure}" in a.text.split("\n\n")[0], a.text


@pytest.mark.parametrize("question, has, lacks", [
    # a size said plainly is as precise as its last digit: "175B" is no 176B (BLOOM) nor 178B (Jurassic-1)
    ("which models are 175B?", {"gpt-3", "opt"}, {"bloom", "jurassic-1"}),
    ("list the 176B models", {"bloom"}, {"gpt-3", "opt", "jurassic-1"}),
    ("参数量为 1750 亿的模型有哪些", {"gpt-3", "opt"}, {"bloom", "jurassic-1"}),
    # ... while a round figure still allows rounding ("7B models": Pythia's 6.9B)
    ("7B models", {"pythia", "llama"}, set()),
])
def test_a_plain_size_is_as_precise_as_it_is_written(full, question, has, lacks):
    models = set(full.ask(question).models)
    assert has <= models and not lacks & models, models


@pytest.mark.parametrize("question, facet, values", [
    # a ratio of two values, said before the noun or, in Chinese, as X 和 Y 的比例: each counted, no share of a base
    ("what is the open-to-closed ratio among the additions?", "license", {"open", "closed"}),
    ("encoder:decoder ratio for Meta", "architecture", {"encoder", "decoder"}),
    ("Meta 的模型里开源和闭源的比例是多少？", "license", {"open", "closed"}),
])
def test_a_ratio_of_two_values_counts_each(full, question, facet, values):
    q = Query.model_validate(full.ask(question).query)
    assert q.share_of is None and _group(q) == (facet, values), q


def test_a_share_of_two_values_together_stays_a_share(full):
    q = Query.model_validate(full.ask("谷歌和 Meta 的模型占全部模型的比例").query)
    assert q.share_of is not None and q.group_by is None, q
