"""Kinds of size and date question, each in several phrasings and both languages: a size range about
one variant, a bound on a model's smallest or largest variant, "the smallest" answered on both size
bases, recorded digits kept in sizes, mid-year dates, and "newer models" as the additions."""

from __future__ import annotations

import pytest

from assistant.facets import size_label
from assistant.numbers import parse_dates
from assistant.zh_numbers import rewrite, size_zh


def _sizes(entry) -> list[float]:
    return [v.millions for v in entry.params.variants] or [entry.params.max_millions]


@pytest.mark.parametrize("question", [
    "models with a size between 30 and 40 billion parameters",
    "which models come in a size between 30B and 40B?",
    "any model with a checkpoint from 30B to 40B parameters?",
    "有某个版本在 30B 到 40B 之间的模型",
])
def test_a_range_about_some_variant_holds_for_one_variant(full, full_catalog, question):
    answer = full.ask(question)
    assert {"galactica", "blenderbot3", "falcon"} <= set(answer.models)  # 30B of 120B, 30B of 175B, 40B of 180B
    for m in answer.models:
        assert any(30_000 <= x <= 40_000 for x in _sizes(full_catalog.models[m])), m  # not one ≥ 30B and another ≤ 40B


@pytest.mark.parametrize("question", [
    "models with smallest version under 1B and largest version over 10B",
    "models whose smallest version is below 1B while the largest is above 10B",
    "最小版本不到 1B、最大版本又超过 10B 的模型",
])
def test_bounds_on_the_smallest_and_the_largest_variant(full, full_catalog, question):
    answer = full.ask(question)
    assert {"opt", "galactica", "pythia"} <= set(answer.models)
    for m in answer.models:
        e = full_catalog.models[m]
        assert min(_sizes(e)) < 1_000 and e.params.max_millions > 10_000, m


@pytest.mark.parametrize("question", [
    "additions whose largest model is between 1B and 10B parameters",
    "post-paper models whose biggest version is between 1B and 10B",
    "最大版本在 1B 到 10B 之间的新增模型",
])
def test_a_bound_on_the_largest_variant_is_no_ranking(full, full_catalog, question):
    answer = full.ask(question)
    assert answer.intent == "list" and len(answer.models) >= 5
    for m in answer.models:
        e = full_catalog.models[m]
        assert not e.in_paper and 1_000 <= e.params.max_millions <= 10_000, m


@pytest.mark.parametrize("question, first, other", [
    ("smallest model by parameter count?", "albert", "alphafold"),
    ("what's the smallest encoder?", "albert", "alphafold"),
    ("参数量最小的模型是哪个", "albert", "alphafold"),
])
def test_the_smallest_names_the_smallest_variant_winner_alone(plain, question, first, other):
    # writers mean each model's smallest variant (47 of 56 readable items; all since round 10): no other reading's winner
    answer = plain.ask(question)
    assert answer.models == [first] and other not in answer.text.lower()


def test_the_smallest_names_no_second_model_when_both_bases_agree(plain):
    assert plain.ask("the smallest Google model").models == ["albert"]


def test_sizes_keep_their_recorded_digits(plain):
    assert (size_label(1_571_000), size_label(15_500), size_label(125)) == ("1.571T", "15.5B", "125M")
    assert size_zh(1_571_000).startswith("1.571万亿")
    assert "(1.571T = 1,571B)" in plain.ask("biggest encoder-decoder?").text  # a trillion or more: in billions too


@pytest.mark.parametrize("text, bounds", [
    ("models released between mid-2021 and mid-2022", [("ge", 202106), ("le", 202207)]),
    ("encoder-decoder models from mid-2022 on (June 2022 or later)", [("ge", 202206)]),
    ("encoder-decoder models from mid-2022 on (July 2022 or later)", [("ge", 202207)]),
    ("decoders released from mid-2020 onwards", [("ge", 202006)]),
    ("models released since mid-2023", [("ge", 202306)]),
    ("models after mid-2021", [("ge", 202108)]),
    ("models before mid-2020", [("le", 202005)]),
    ("models from mid-2019", [("ge", 201906), ("le", 201907)]),
    ("models released in the middle of 2022", [("ge", 202206), ("le", 202207)]),
    ("models from the middle of 2021 to early 2022", [("ge", 202106), ("le", 202204)]),
])
def test_mid_year_is_june_and_july_and_may_be_one_end(text, bounds):
    assert sorted((b.op, b.value) for b in parse_dates(text)) == sorted(bounds)


@pytest.mark.parametrize("zh, en", [
    ("参数在 10B 到 100B 之间", "参数 between 10 billion and 100 billion"),
    ("参数量介于 300 亿和 400 亿之间", "参数量 between 30 billion and 40 billion"),
    ("10 到 100 亿参数", "between 1 billion and 10 billion"),
    ("7B-13B", "between 7 billion and 13 billion"),
    ("2021年年中以后发布的模型", "since mid 2021 发布的模型"),  # 以后 keeps its point
    ("2022年年中之前", "before mid 2022"),
])
def test_chinese_size_ranges_and_parts_of_a_year(zh, en):
    assert rewrite(zh) == en


@pytest.mark.parametrize("question", [
    "newer models that come in at least one size under 1B params",
    "which recent models have a version under 1B?",
    "latest-generation models with a sub-1B checkpoint",
    "新增模型中有某个版本小于 1B 的模型",
])
def test_newer_models_are_the_additions(full, full_catalog, question):
    answer = full.ask(question)
    assert {"qwen2", "whisper"} <= set(answer.models)
    assert not any(full_catalog.models[m].in_paper for m in answer.models)


@pytest.mark.parametrize("question", ["which models are newer than GPT-3?", "all descendants of LLaMA, including newer models"])
def test_newer_than_a_model_or_including_newer_ones_keeps_the_paper(full, full_catalog, question):
    assert any(full_catalog.models[m].in_paper for m in full.ask(question).models)


@pytest.mark.parametrize("question, where", [
    ("recent models from Google", "lab = Google AND catalog = since the paper"),
    ("latest-generation open models", "license = open AND catalog = since the paper"),
    ("the newer Google models", "lab = Google AND catalog = since the paper"),
    ("newer encoder models", "architecture = encoder AND catalog = since the paper"),
    ("which of the newer models have no disclosed parameter count?", "size = unknown AND catalog = since the paper"),
    ("the biggest recent open model", "license = open AND catalog = since the paper"),
    ("which models are newer than GPT-3?", "date ≥ 2020-06 (as GPT-3)"),
    ("which is the newer model, BERT or GPT-2?", ""),
    ("all descendants of LLaMA, including newer models", "descends from LLaMA"),
])
def test_newer_models_read_as_the_additions_when_the_catalog_holds_any(full, full_catalog, catalog, question, where):
    from assistant.understand import Understander
    from tests.assistant.spec import project

    got = project(full.understander.understand(question), full_catalog)
    assert got["where"] == where and (got["superlative"] is None) == ("biggest" not in question)
    paper = project(Understander(catalog).understand(question), catalog)  # the paper's models alone: no constraint from the age word
    assert "since the paper" not in paper["where"] and paper["superlative"] == got["superlative"]


def _domains(catalog, ids):
    return {tuple(sorted(d.value for d in catalog.models[m].domains)) for m in ids}


@pytest.mark.parametrize("question, domain", [
    ("仅针对代码的模型有哪些", "code"),
    ("只处理视觉任务的模型有哪些", "vision"),
    ("which ones handle text and nothing else, added since the paper", "text"),
])
def test_a_domain_said_to_be_the_only_one(full, full_catalog, question, domain):
    answer = full.ask(question)
    assert answer.models
    assert _domains(full_catalog, answer.models) == {(domain,)}
    want = {m for m, e in full_catalog.models.items() if [d.value for d in e.domains] == [domain]}
    assert set(answer.models) <= want


@pytest.mark.parametrize("question, forms", [
    ("哪些模型有不到 3 亿参数的规格", {"whisper", "albert"}),
    ("which models ship at least one checkpoint no bigger than 100M, inclusive", {"whisper", "albert"}),
])
def test_one_version_under_a_bound(full, question, forms):
    answer = full.ask(question)
    assert forms <= set(answer.models)  # whisper's largest is 1.55B, but its tiny version is 39M


@pytest.mark.parametrize("question, largest", [
    ("哪个混合专家模型每个 token 用到的激活参数最少", False),
    ("MoE model that uses the most active params per token?", True),
])
def test_a_ranking_by_the_parameters_active_per_token(full, full_catalog, question, largest):
    from assistant.retrieve import active_size

    answer = full.ask(question)
    sizes = {m: active_size(e, largest) for m, e in full_catalog.models.items() if active_size(e, largest) is not None}
    best = (max if largest else min)(sizes.values())
    assert answer.models and {m for m, v in sizes.items() if v == best} == set(answer.models)
    assert "glam" not in answer.models or largest  # GLaM's 1.2T total is no active size


@pytest.mark.parametrize("question, below", [
    ("which MoE models put under 12% of their parameters to work per token?", 0.12),
    ("每个 token 激活的参数少于总参数的五分之一的模型", 0.2),
])
def test_a_bound_on_the_share_active_per_token(full, full_catalog, question, below):
    from assistant.facets import active_shares

    want = {m for m, e in full_catalog.models.items() if active_shares(e) and min(active_shares(e)) < below}
    assert want and set(full.ask(question).models) == want


@pytest.mark.parametrize("question", ["models offering a version of exactly 7 billion parameters", "哪些模型刚好有 70 亿参数的版本"])
def test_an_exact_size_leaves_out_the_sizes_near_it(full, question):
    models = set(full.ask(question).models)
    assert {"llama", "mistral-7b"} <= models
    assert "pythia" not in models  # 6.9B is near 7B, not exactly it
    # a version named by its size is that version's label (blind writers: Pythia's 6.9B is no 7B version); a size said
    # roughly ("about 7B") allows one near it
    assert "pythia" not in set(full.ask("models with a 7B version").models)
    assert "pythia" in set(full.ask("models of about 7B parameters").models)
