"""Round 23, shares and size quantifiers: the set a proportion is taken of when a part of the catalog is said first,
a number of versions that the size after it holds for, "all of them" said of versions, a verb of activating in
Chinese, and a model's own sizes counted as the ones "in its release".

- A part of the catalog said before a share ("in the paper, what share of the 2022 models ...", "among the
  additions, what fraction of the MoE models ..."): the share is of that set *within* the part, not of the part.
- A set said first and closed by its head noun, its share asked after a comma ("encoder models: what share are
  open?", the Chinese topic form "encoder 模型，开源的比例").
- "At least two versions of 10B or more", "three sizes at or above 7B": that many versions hold the size.
- "Several sizes, all of them under 500M": every version is under the bound.
- Chinese 激活 as a verb before a bound ("每个 token 激活不到 15B 参数"): the active size per token.
- "How many dense models are in the Qwen3 release?", "how many versions are there in the Gemma 2 lineup?": the model's
  own sizes counted, not models of the catalog.

Expected values come from the catalog itself.
"""

from __future__ import annotations

import pytest

from assistant.query import And, Constraint, Intent
from assistant.retrieve import holds


def _where(**kw):
    return And(items=[Constraint(facet=f, values=v if isinstance(v, list) else [v]) for f, v in kw.items()])


def _pct(n, total):
    return f"{round(100 * n / total)}%"


@pytest.mark.parametrize("question, base, part", [
    ("in the paper, what share of the encoder-decoder models are open?", _where(architecture="encoder-decoder"), "paper"),
    ("within the additions, what fraction of the decoders are closed?", _where(architecture="decoder"), "beyond"),
    ("among the paper's models, what percentage of the Google models are decoders?", _where(lab="Google"), "paper"),
])
def test_a_part_said_first_scopes_the_base_of_the_share(full, question, base, part):
    cat = full.catalog
    answer = full.ask(question)
    q = answer.query
    assert q["share_of"] is not None and q["share_of"]["items"], q
    said = {c["facet"] for c in q["share_of"]["items"]}
    assert "catalog" in said and said - {"catalog"}, q["share_of"]
    in_part = [e for e in cat.models.values() if holds(e, base) and e.in_paper == (part == "paper")]
    held = [e for e in in_part if e.id in set(answer.models)]
    assert held and len(held) < len(in_part), (answer.models, [e.id for e in in_part])
    assert f"of the {len(in_part)} models" in answer.text, answer.text[:400]
    assert _pct(len(held), len(in_part)) in answer.text, answer.text[:400]


@pytest.mark.parametrize("question", [
    "decoder models: what share are open?",
    "decoder 模型，开源的比例是多少",
])
def test_a_set_said_first_then_its_share(full, question):
    cat = full.catalog
    answer = full.ask(question)
    base = [e for e in cat.models.values() if e.architecture.value == "decoder"]
    q = answer.query
    assert q["share_of"] and q["share_of"]["items"] == [{"facet": "architecture", "values": ["decoder"], "kind": "is",
                                                          "op": "in"}] or \
        any(c.get("facet") == "architecture" for c in q["share_of"]["items"]), q["share_of"]
    opened = [e for e in base if e.license_class.value == "open"]
    assert _pct(len(opened), len(base)) in answer.text, answer.text[:400]


def _sizes(e):
    from assistant.facets import released_sizes
    return released_sizes(e)


@pytest.mark.parametrize("question, n, bound", [
    ("which models have at least two versions of 10B or more?", 2, 10_000),
    ("models with three or more sizes at or above 7B", 3, 7_000),
])
def test_a_number_of_versions_holding_a_size(full, question, n, bound):
    cat = full.catalog
    answer = full.ask(question)
    sizes = [c for c in answer.query["where"]["items"] if c.get("facet") == "size"]
    assert sizes and sizes[0]["quant"] == "some" and sizes[0]["times"] == n, answer.query["where"]
    want = {e.id for e in cat.models.values() if sum(1 for x in _sizes(e) if x >= bound) >= n}
    assert want and set(answer.models) <= want, set(answer.models) - want


def test_all_of_them_after_the_versions_is_every_version(full):
    answer = full.ask("encoder models that come in several sizes, all of them under 500M")
    sizes = [c for c in answer.query["where"]["items"] if c.get("facet") == "size"]
    assert sizes and sizes[0]["quant"] == "every", answer.query["where"]
    cat = full.catalog
    for m in answer.models:
        assert all(x < 500 for x in _sizes(cat.models[m])), (m, _sizes(cat.models[m]))
    assert "xlm-roberta" not in answer.models  # its large version is 550M


def test_a_chinese_verb_of_activating_before_a_bound(full):
    cat = full.catalog
    answer = full.ask("哪些 MoE 模型每个 token 激活不到 20B 参数")
    sizes = [c for c in answer.query["where"]["items"] if c.get("facet") == "size"]
    assert sizes and sizes[0]["quant"] == "active" and sizes[0]["op"] == "lt", answer.query["where"]
    active = {e.id for e in cat.models.values() if any("active" in (v.label or "") and v.millions < 20_000
                                                         for v in e.params.variants)}
    assert active and active <= set(answer.models), active - set(answer.models)


def test_the_activation_function_is_unrecorded_in_chinese(full):
    answer = full.ask("BLOOM 用的激活函数是什么")
    assert answer.abstained and not answer.citations, answer.text[:300]


@pytest.mark.parametrize("question, model", [
    ("how many dense models are in the Qwen3 release?", "qwen3"),
    ("how many versions are there in the Gemma 2 lineup?", "gemma-2"),
    ("how many sizes are in the Pythia suite?", "pythia"),
])
def test_a_models_sizes_counted_as_those_in_its_release(full, question, model):
    from assistant.facets import sizes_by_kind
    answer = full.ask(question)
    assert answer.query["owned_count"] == "params" and answer.query["models"] == [model], answer.query
    e = full.catalog.models[model]
    n = len(sizes_by_kind(e)[0]) if "dense" in question else len(_sizes(e))
    assert f"**{n}**" in answer.text, answer.text[:300]


def test_models_in_a_family_are_still_a_count_of_models(full):
    answer = full.ask("how many models are in the LLaMA family?")
    assert answer.intent is Intent.COUNT or answer.query["intent"] == "count", answer.query
    assert not answer.query.get("owned_count"), answer.query


@pytest.mark.parametrize("question, model", [
    ("Pythia sizes: how many?", "pythia"),
    ("which sizes does Llama 2 come in, and how many are there?", "llama-2"),
    ("count the versions of StarCoder 2", "starcoder2"),
    ("number of checkpoints OPT has", "opt"),
    ("Gemma 3 有哪几个尺寸，一共几个", "gemma-3"),
])
def test_a_count_of_sizes_asked_after_the_sizes_are_named(full, question, model):
    answer = full.ask(question)
    assert answer.query["owned_count"] == "params" and answer.query["models"] == [model], answer.query
    n = len(_sizes(full.catalog.models[model]))
    assert f"**{n}**" in answer.text, answer.text[:300]


def test_how_many_of_a_models_sizes_are_dense(full):
    from assistant.facets import sizes_by_kind
    answer = full.ask("how many of Qwen3's sizes are dense?")
    assert answer.query["owned_count"] == "params" and answer.query["owned_kind"] == "dense", answer.query
    assert f"**{len(sizes_by_kind(full.catalog.models['qwen3'])[0])}**" in answer.text, answer.text[:300]


@pytest.mark.parametrize("question, where, field, key, attribute", [
    ("how many sizes does the newest Meta model come in?", lambda e: "Meta" in e.org_names, "date", "date", "params"),
    ("how many labs are behind the largest open model?", lambda e: e.license_class.value == "open", "params", "size",
     "labs"),
    ("最早的 Google 模型有几个尺寸？", lambda e: "Google" in e.org_names, "date", "first", "params"),
])
def test_a_count_of_the_ranking_winners_own_values(full, question, where, field, key, attribute):
    from assistant.facets import owned_values
    from assistant.query import Attribute
    cat = full.catalog
    answer = full.ask(question)
    q = answer.query
    assert q["superlative"] and q["superlative"]["field"] == field and q["owned_count"] == attribute, q
    assert not q.get("tallied") and not q.get("group_by"), q
    assert q["where"]["items"], q  # the ranked set keeps its condition
    pool = [e for e in cat.models.values() if where(e) and (field != "params" or e.params.max_millions)]
    if key == "size":
        best = max(e.params.max_millions for e in pool)
        winners = [e for e in pool if e.params.max_millions == best]
    else:
        pick = max if key == "date" else min
        best = pick(e.date.key for e in pool)
        winners = [e for e in pool if e.date.key == best]
    assert {e.id for e in winners} == set(answer.models), (answer.models, [e.id for e in winners])
    n = len(owned_values(winners[0], Attribute(attribute)))
    assert f"**{n}**" in answer.text, answer.text[:400]


@pytest.mark.parametrize("question, key", [
    ("per-lab counts for the models added since the paper", "lab"),
    ("by-year counts of the encoders", "year"),
    ("counts per architecture for the additions", "architecture"),
])
def test_counts_per_value_said_as_a_noun(full, question, key):
    answer = full.ask(question)
    assert answer.query["group_by"] == key and answer.query["intent"] == "count", answer.query
    assert "|---|---|" in answer.text or "**" in answer.text.split("\n")[0], answer.text[:300]


@pytest.mark.parametrize("question", ["count the new models per year", "Count newer models by lab, please"])
def test_count_as_the_questions_verb_includes_no_part(full, question):
    answer = full.ask(question)
    cats = [c for c in answer.query["where"]["items"] if c.get("facet") == "catalog"]
    assert cats and cats[0]["values"] == ["beyond"], answer.query["where"]


def test_counting_the_additions_in_still_takes_both_parts(full):
    q = full._understand("how many decoders are there, counting the newer additions too?")
    assert any(c.facet == "catalog" and set(c.values) == {"beyond", "paper"} for c in q.where.items), q.where


@pytest.mark.parametrize("question, a, b", [
    ("gap in months between Mistral 7B and Mixtral 8x7B", "mistral-7b", "mixtral-8x7b"),
    ("the time in years from BERT to ModernBERT", "bert", "modernbert"),
])
def test_a_gap_said_with_its_unit_after_it(full, question, a, b):
    cat = full.catalog
    answer = full.ask(question)
    assert answer.query["gap"], answer.query
    x, y = cat.models[a].date, cat.models[b].date
    n = abs((y.year - x.year) * 12 + y.month - x.month)
    assert f"{n} months" in answer.text, answer.text[:300]


@pytest.mark.parametrize("question, lab", [
    ("Meta 的模型一半以上是开源的吗", "Meta"),
    ("Google 的模型超过一半是闭源的吗", "Google"),
])
def test_a_chinese_share_claim_said_after_its_set(full, question, lab):
    answer = full.ask(question)
    q = answer.query
    assert q["share_of"] and q["share_check_op"] == "gt" and q["share_check"] == 0.5, q
    assert [c["values"] for c in q["share_of"]["items"] if c["facet"] == "lab"] == [[lab]], q["share_of"]
    assert answer.text.startswith(("是的", "不是")), answer.text[:100]
