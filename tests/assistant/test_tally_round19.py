"""Counting questions of round 19, each kind in wordings of its own (English and Chinese):

- a share whose base set is said first, as the scope of the question ("For Google, what fraction of its models are
  encoders?", "Looking only at encoder models, what percentage are open?"): the part counted against that set;
- a share said in Chinese with 占 / 比例 ("谷歌的模型占全部模型的比例", "开源模型在目录里占多少",
  "解码器模型中有多大比例是开源的"): the count, as a share of the whole catalog or of the set named first;
- a count per value said in Chinese ("每一种 license 分别有多少模型", "2019、2020、2021 这三年各发布了多少个模型": 这三年
  points back to the years listed, no span counted from today);
- a field value said after the field's own name ("license 类别为 unknown", "license category is unknown") and a
  value restated in brackets ("微调（fine-tuning）").

Expected figures come from the catalog's own fields.
"""

from __future__ import annotations

import pytest

from assistant.facets import FACETS
from assistant.query import Constraint, Query, leaves


def _members(catalog, facet, value):
    f = FACETS[facet]
    return [e for e in catalog.models.values() if f.match(e, Constraint(facet=facet, values=[value]))]


def _facets(where):
    return {(c.facet, tuple(c.values), neg) for c, neg in leaves(where)}


@pytest.mark.parametrize("question, base, part", [
    ("For Google, what fraction of its models are encoders?", ("lab", "Google"), ("architecture", "encoder")),
    ("Looking only at encoder models, what percentage are open?", ("architecture", "encoder"), ("license", "open")),
    ("For OpenAI: what share of its models are closed?", ("lab", "OpenAI"), ("license", "closed")),
    ("Considering just the decoders, what proportion are open?", ("architecture", "decoder"), ("license", "open")),
])
def test_a_scope_said_first_is_the_base_of_the_share(plain, question, base, part):
    a = plain.ask(question)
    q = Query.model_validate(a.query)
    assert q.share_of is not None and _facets(q.share_of) == {(base[0], (base[1],), False)}, q.share_of
    whole = _members(plain.catalog, *base)
    n = sum(1 for e in whole if e in _members(plain.catalog, *part))
    assert f"{n} of the {len(whole)} models" in a.text, a.text


@pytest.mark.parametrize("question, facet, value", [
    ("谷歌的模型占全部模型的比例", "lab", "Google"),
    ("开源模型在目录里占多少", "license", "open"),
    ("编码器模型在所有模型中占多少？", "architecture", "encoder"),
])
def test_a_chinese_share_of_the_whole_catalog(plain, question, facet, value):
    a = plain.ask(question)
    q = Query.model_validate(a.query)
    assert q.share_of is not None and not q.share_of.items, q
    n, total = len(_members(plain.catalog, facet, value)), len(plain.catalog.models)
    assert f"{total} 个模型中的 {n} 个（{100 * n / total:.0f}%）" in a.text, a.text


@pytest.mark.parametrize("question, base, part", [
    ("解码器模型中有多大比例是开源的", ("architecture", "decoder"), ("license", "open")),
    ("谷歌的模型里有多大比例是编码器？", ("lab", "Google"), ("architecture", "encoder")),
])
def test_a_chinese_share_of_a_set_named_first(plain, question, base, part):
    a = plain.ask(question)
    q = Query.model_validate(a.query)
    assert q.share_of is not None and _facets(q.share_of) == {(base[0], (base[1],), False)}, q.share_of
    whole = _members(plain.catalog, *base)
    n = sum(1 for e in whole if e in _members(plain.catalog, *part))
    assert f"{len(whole)} 个符合" in a.text and f"中的 {n} 个" in a.text, a.text


def test_a_chinese_count_per_value_said_with_each_kind(plain):
    q = Query.model_validate(plain.ask("每一种 license 分别有多少模型").query)
    assert q.group_by == "license", q


@pytest.mark.parametrize("question, years", [
    ("2019、2020、2021 这三年各发布了多少个模型", [2019, 2020, 2021]),
    ("2020 和 2021 这两年分别发布了几个模型", [2020, 2021]),
])
def test_these_years_point_back_to_the_years_listed(plain, question, years):
    a = plain.ask(question)
    assert Query.model_validate(a.query).group_by == "year", a.query
    for y in years:
        n = sum(1 for e in plain.catalog.models.values() if e.date.year == y)
        assert f"**{y}**：{n} 个" in a.text, a.text


@pytest.mark.parametrize("question", ["license 类别为 unknown 的模型有几个", "models whose license category is unknown",
                                      "how many models have license type unknown?"])
def test_a_value_said_after_its_field_name(plain, question):
    q = Query.model_validate(plain.ask(question).query)
    assert ("license", ("unknown",), False) in _facets(q.where), q.where


@pytest.mark.parametrize("question", ["通过微调（fine-tuning）得到的模型有多少个", "how many fine-tuned (fine-tuning) models are listed?"])
def test_a_value_restated_in_brackets(plain, question):
    q = Query.model_validate(plain.ask(question).query)
    assert ("finetuned", ("yes",), False) in _facets(q.where), q.where


@pytest.mark.parametrize("question, base, split", [
    ("how many Google models are open and how many aren't?", ("lab", "Google"), ("license", "open")),
    ("Of the models released in 2021, how many are decoders, and how many are not?", None, ("architecture", "decoder")),
    ("how many encoders and non-encoders are there among Google's models?", ("lab", "Google"), ("architecture", "encoder")),
    ("谷歌的模型中开源和非开源的各有多少个？", ("lab", "Google"), ("license", "open")),
])
def test_a_count_split_on_a_condition_and_its_rest(plain, question, base, split):
    """The set's models that hold the condition and those that do not, each counted; the reading says so."""
    a = plain.ask(question)
    q = Query.model_validate(a.query)
    assert q.split is not None and (q.split.facet, q.split.values) == (split[0], [split[1]]), q
    if base:
        assert (base[0], (base[1],), False) in _facets(q.where), q.where
    members = [e for e in plain.catalog.models.values() if
               (not base or e in _members(plain.catalog, *base)) and (base or e.date.year == 2021)]
    yes = sum(1 for e in members if e in _members(plain.catalog, *split))
    no = len(members) - yes
    sep = "：" if q.language == "zh" else ": "
    first = a.text.split("\n")[0]
    assert f"{sep}{yes}" in first and f"{sep}{no}" in first and first.index(f"{sep}{yes}") < first.index(f"{sep}{no}"), a.text


def _size_leaves(q):
    return [(c.op.value, c.quant.value, list(c.values)) for c, neg in leaves(q.where) if c.facet == "size" and not neg]


@pytest.mark.parametrize("question, leaf", [
    # sizes said to be the only ones released: every size holds the bound
    ("which models are only offered in sizes larger than 30B?", ("gt", "every", [30000.0])),
    ("models that only come in sizes over 20B", ("gt", "every", [20000.0])),
    # two ends said of one version apart: one range held by one version
    ("models with a version of at least 10B and at most 20B", ("between", "some", [10000.0, 20000.0])),
    ("哪些模型至少有一个版本不小于 10B 且不大于 20B", ("between", "some", [10000.0, 20000.0])),
    ("有个版本在 1B 以上、5B 以下的模型", ("between", "some", [1000.0, 5000.0])),
])
def test_a_size_bound_judged_on_the_versions_said(plain, question, leaf):
    q = plain._understand(question)
    assert _size_leaves(q) == [leaf], q.where


def test_two_bounds_of_two_versions_stay_two(plain):
    q = plain._understand("models with a version under 1B and a version over 10B")
    assert sorted(_size_leaves(q)) == [("gt", "some", [10000.0]), ("lt", "some", [1000.0])], q.where


@pytest.mark.parametrize("question, n", [("有好几个版本、连最小的版本都超过 50 亿参数的模型有哪些", 5000.0),
                                         ("提供多种尺寸，连最小的尺寸都超过 20 亿参数的模型", 2000.0)])
def test_several_sizes_and_even_the_smallest_over_a_bound(plain, question, n):
    q = plain._understand(question)
    assert ("gt", "smallest", [n]) in _size_leaves(q), q.where
    assert any(c.facet == "variants" and c.op.value == "ge" and c.values == [2.0] for c, _ in leaves(q.where)), q.where
    assert q.superlative is None


@pytest.mark.parametrize("question", ["which Qwen models have every size over 1B, ignoring active parameters?",
                                      "DeepSeek models with every version above 10B (excluding active parameters)"])
def test_the_active_count_set_aside_is_no_filter(full, question):
    q = full._understand(question)
    assert "active" not in {c.facet for c, _ in leaves(q.where)}, q.where
    assert [x[:2] for x in _size_leaves(q)] == [("gt", "every")], q.where


@pytest.mark.parametrize("question, model", [("How many descendants does GPT-3 have, direct or indirect?", "gpt-3"),
                                             ("list T5's direct and indirect descendants", "t5")])
def test_direct_or_indirect_is_every_generation(plain, question, model):
    q = plain._understand(question)
    assert ("descends", (model,), False) in _facets(q.where), q.where


@pytest.mark.parametrize("question, facet, models", [
    ("how many descendants do T5 and BART have, respectively?", "descends", ["t5", "bart"]),
    ("BERT 和 GPT-3 各有几个直接子模型？", "derived", ["bert", "gpt-3"]),
    ("How many children does each of GPT-2 and T5 have?", "derived", ["gpt-2", "t5"]),
])
def test_each_models_line_counted_apart(plain, question, facet, models):
    from assistant.facets import FACETS

    a = plain.ask(question)
    q = Query.model_validate(a.query)
    assert q.group_by == facet and (facet, tuple(models), False) in _facets(q.where), q
    f = FACETS[facet]
    sep = "：" if q.language == "zh" else ": "
    for m in models:
        n = sum(1 for e in plain.catalog.models.values() if f.match(e, Constraint(facet=facet, values=[m])))
        assert f"**{plain.catalog.models[m].name}**{sep}{n}" in a.text, a.text


@pytest.mark.parametrize("question, labs", [
    ("谷歌和 DeepMind 各参与了几个模型？它们合作的是哪个？", ["Google", "DeepMind"]),
    ("how many models did Microsoft and NVIDIA each take part in, and which did they make together?", ["Microsoft", "NVIDIA"]),
])
def test_each_of_two_values_joined_by_and_counted_apart(plain, question, labs):
    """"Each" said of two labs joined by "and": each counted (as alternatives), not the models of both at once."""
    a = plain.ask(question)
    q = Query.model_validate(a.query)
    assert q.group_by == "lab" and ("lab", tuple(labs), False) in _facets(q.where), q


@pytest.mark.parametrize("question, key, year", [
    ("how many models came out in each half of 2021?", "half", 2021),
    ("For 2022: how many were released in the first half compared with the second half of that year?", "half", 2022),
    ("2022 年上半年和下半年各发布了多少个模型", "half", 2022),
    ("how many models were released per quarter in 2021?", "quarter", 2021),
    ("2021年每个季度发布了几个模型", "quarter", 2021),
])
def test_parts_of_a_year_counted_apart(plain, question, key, year):
    a = plain.ask(question)
    q = Query.model_validate(a.query)
    assert q.group_by == key and not q.unparsed, q
    part = (lambda m: 1 if m <= 6 else 2) if key == "half" else (lambda m: (m - 1) // 3 + 1)
    tag = "H" if key == "half" else "Q"
    for k in (1, 2):
        n = sum(1 for e in plain.catalog.models.values() if e.date.year == year and part(e.date.month) == k)
        assert f"| {year} {tag}{k} | {n} |" in a.text, a.text
