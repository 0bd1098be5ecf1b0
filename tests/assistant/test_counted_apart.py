"""Counts that are parts of something: the values a question names counted apart ("how many encoders versus
decoders?", 开源和闭源各有多少, "in 2020 and 2021 respectively"), a proportion of a base set ("what share of
Google's models are decoders?", 解码器占多少比例), and how far apart two compared models are ("how many times
larger", "how many months apart", 大多少). Also: the paper asked beside another field of a model ("which paper
introduced T5, and who built it?") answers both.

Every expected number here is computed from the catalog, never written in."""

from __future__ import annotations

import pytest

from assistant.facets import FACETS, group_values
from assistant.query import Attribute, Constraint, Intent


def _count(catalog, facet: str, value: str, paper: bool = True) -> int:
    one = Constraint(facet=facet, values=[value])
    return sum(1 for e in catalog.models.values() if e.in_paper == paper and FACETS[facet].match(e, one))


@pytest.mark.parametrize("question, field, values", [
    ("how many encoder models versus decoder models are there", "architecture", ["encoder", "decoder"]),
    ("open-weight vs closed models: how many of each?", "license", ["open", "closed"]),
    ("how many models do Google and OpenAI each have", "lab", ["Google", "OpenAI"]),
    ("目录里开源和闭源的模型各有多少", "license", ["open", "closed"]),
    ("谷歌和Meta分别有几个模型", "lab", ["Google", "Meta"]),
])
def test_named_values_are_counted_apart(full, question, field, values):
    q = full._understand(question)
    assert q.intent is Intent.COUNT and q.group_by == field
    answer = full.ask(question)
    first = answer.text.split("\n\n")[0]
    # every named value with its own count in the answer's first paragraph: over the whole catalog when two values are
    # weighed over models of both parts ("Across the whole catalog ..."), then each part's own counts
    whole = len(values) == 2 and "whole catalog" in first or "整个目录" in first
    for value in values:
        n = _count(full.catalog, field, value) + (_count(full.catalog, field, value, paper=False) if whole else 0)
        assert str(n) in first, first
        assert str(_count(full.catalog, field, value)) in answer.text


def test_a_total_asked_is_not_split(full):
    q = full._understand("how many models did Google and OpenAI release combined")
    assert q.group_by is None and q.intent is Intent.COUNT


@pytest.mark.parametrize("question", [
    "how many models came out in 2020 and in 2021 respectively",
    "2020年和2021年分别发布了多少个模型",
])
def test_years_named_are_counted_apart(full, question):
    q = full._understand(question)
    assert q.group_by == "year"
    paper = [e for e in full.catalog.models.values() if e.in_paper]
    first = full.ask(question).text.split("\n\n")[0]
    for year in (2020, 2021):
        assert f"{year}" in first and str(sum(1 for e in paper if e.date.year == year)) in first


def test_two_years_joined_by_and_in_are_one_range(full):
    from tests.assistant.spec import where_read

    assert where_read(full, "list the models that came out in 2019 and in 2020") == "date ≥ 2019-01 AND date ≤ 2020-12"


@pytest.mark.parametrize("question, base, part", [
    ("what percentage of catalog models are open source", None, ("license", "open")),
    ("what share of Google's models are encoder-decoders", ("lab", "Google"), ("architecture", "encoder-decoder")),
    ("among decoder models, what proportion are open source", ("architecture", "decoder"), ("license", "open")),
    ("解码器模型占多少比例", None, ("architecture", "decoder")),
    ("谷歌的模型中解码器占多少比例", ("lab", "Google"), ("architecture", "decoder")),
    ("开源模型在目录里占多大比重", None, ("license", "open")),
    ("编码器模型占全部模型的百分之多少", None, ("architecture", "encoder")),
    # a participle after the base set belongs to it; "how many of X ..., as a share"
    ("what percentage of models built by Google are decoders?", ("lab", "Google"), ("architecture", "decoder")),
    ("how many of the encoders are open source, as a share?", ("architecture", "encoder"), ("license", "open")),
])
def test_a_proportion_is_a_count_over_its_base(plain, question, base, part):
    q = plain._understand(question)
    assert q.intent is Intent.COUNT and q.share_of is not None
    assert [(c.facet, [str(v) for v in c.values]) for c in q.share_of.items] == ([(base[0], [base[1]])] if base else [])
    models = list(plain.catalog.models.values())
    whole = [e for e in models if not base or FACETS[base[0]].match(e, Constraint(facet=base[0], values=[base[1]]))]
    n = sum(1 for e in whole if FACETS[part[0]].match(e, Constraint(facet=part[0], values=[part[1]])))
    text = plain.ask(question).text
    assert f"{100 * n / len(whole):.0f}%" in text and str(len(whole)) in text


def test_share_as_a_verb_is_no_proportion(plain):
    assert plain._understand("which models share a parent with RoBERTa?").share_of is None


@pytest.mark.parametrize("question, field", [
    ("how many times larger is PaLM than BERT", "size"),
    ("what's the size ratio between Gopher and Chinchilla", "size"),
    ("GPT-3 比 GPT-2 大多少", "size"),
    ("how many months apart were BERT and GPT-2 released", "date"),
    ("how long after BERT did GPT-2 come out", "date"),
    ("BERT 和 GPT-2 发布相隔多久", "date"),
])
def test_how_far_apart_two_models_are(plain, question, field):
    q = plain._understand(question)
    assert q.intent is Intent.COMPARE and q.gap and len(q.models) == 2
    a, b = (plain.catalog.models[m] for m in q.models)
    text = plain.ask(question).text
    if field == "size":
        big, small = sorted((a, b), key=lambda e: e.params.max_millions, reverse=True)
        ratio = big.params.max_millions / small.params.max_millions
        shown = f"{ratio:.1f}".rstrip("0").rstrip(".") if ratio < 10 else f"{ratio:,.0f}"
        assert shown.replace(",", "") in text.replace(",", "")
    else:
        months = abs((a.date.year - b.date.year) * 12 + a.date.month - b.date.month)
        assert f"{months} month" in text or f"{months}个月" in text


@pytest.mark.parametrize("question, field", [
    ("which paper introduced T5 and who built it", Attribute.LABS),
    ("who made CTRL, and where can I read the paper", Attribute.LABS),
    ("T5 是哪篇论文提出的，是谁做的", Attribute.LABS),
])
def test_the_paper_asked_beside_a_field_answers_both(plain, question, field):
    q = plain._understand(question)
    assert field in q.attributes and Attribute.PAPER in q.attributes
    e = plain.catalog.models[q.models[0]]
    assert e.paper.title in plain.ask(question).text


def test_a_field_asked_through_the_paper_stays_that_field(plain):
    assert plain._understand("when was the XLNet paper published").attributes == [Attribute.DATE]


def _rows(catalog, key: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for e in catalog.models.values():
        for value in group_values(key, e):
            counts[value] = counts.get(value, 0) + 1
    return counts


@pytest.mark.parametrize("question, key, keep", [
    ("which labs have more than 5 models", "lab", lambda n: n > 5),
    ("how many labs have built at least three models", "lab", lambda n: n >= 3),
    ("which companies have released 4 or more models", "lab", lambda n: n >= 4),
    ("how many years saw more than ten releases", "year", lambda n: n > 10),
    ("哪些机构的模型超过5个", "lab", lambda n: n > 5),
    ("发布了至少三个模型的机构有哪些", "lab", lambda n: n >= 3),
])
def test_the_values_with_so_many_models(plain, question, key, keep):
    q = plain._understand(question)
    assert q.intent is Intent.COUNT and q.group_by == key and q.having_op is not None
    kept = [v for v, n in _rows(plain.catalog, key).items() if keep(n)]
    lead = plain.ask(question).text.split("\n\n")[0]
    assert kept and f"**{len(kept)}**" in lead


def test_a_size_bound_is_no_count_of_models(plain):
    assert plain._understand("which labs have models over 100B").having_op is None


@pytest.mark.parametrize("question, field, value, op, n", [
    ("are there more than five Microsoft models?", "lab", "Microsoft", "gt", 5),
    ("does Google have more than 10 models in the catalog?", "lab", "Google", "gt", 10),
    ("do at least three models use span corruption?", "objective", "span-corruption", "ge", 3),
    ("有超过五个微软的模型吗？", "lab", "Microsoft", "gt", 5),
])
def test_a_yes_no_on_how_many_models_gives_the_count_and_verdict(plain, question, field, value, op, n):
    q = plain._understand(question)
    assert q.intent is Intent.COUNT and q.check_op is not None and (q.check_op.value, q.check_n) == (op, n)
    count = _count(plain.catalog, field, value)
    holds = {"gt": count > n, "ge": count >= n}[op]
    lead = plain.ask(question).text.split("\n\n")[0]
    assert f"**{count}**" in lead and lead.startswith(("Yes", "是") if holds else ("No", "不"))


def test_a_number_said_of_a_model_is_no_count_check(plain):
    assert plain._understand("is GPT-3 more than 100B?").check_op is None


@pytest.mark.parametrize("question", ["小于 50M 参数的模型有吗", "are there models with fewer than 100 million parameters?",
                                      "is there any model under 2 billion weights?"])
def test_a_size_bound_in_a_yes_no_is_no_count_check(plain, question):
    assert plain._understand(question).check_op is None


@pytest.mark.parametrize("question", ["BERT-family models over 300M", "open-licence models above 100B parameters"])
def test_a_size_after_a_field_s_models_is_no_count_of_models(plain, question):
    q = plain._understand(question)
    assert q.having_op is None and q.group_by is None and q.intent is Intent.LIST


def test_a_share_of_a_set_named_with_a_participle(full):
    q = full._understand("what share of models released since the paper are open?")
    assert [(c.facet, c.values) for c in q.share_of.items] == [("catalog", ["beyond"])]
    beyond = [e for e in full.catalog.models.values() if not e.in_paper]
    n = sum(1 for e in beyond if e.license_class.value == "open")
    assert f"{n} of the {len(beyond)} models" in full.ask("what share of models released since the paper are open?").text
