"""Size questions as people word them: numbers written in words ("one hundred fifty billion", also inside a
Chinese question), which of a model's sizes a bound is judged on when the words around that bound say so (a
quantifier after the bound, "no checkpoint smaller than", "a release under", "versions are all", "有…以下的小尺寸"),
two bounds with different quantifiers in one question, "multi-billion" as an order of magnitude, a list
introduced by "at least one of" / "one or more of" read as either value, and sizes of a trillion or more
also shown in billions. Each expected set is computed from the catalog's own sizes."""

from __future__ import annotations

import pytest

from assistant.facets import released_sizes
from tests.assistant.spec import selected


def _models(full_catalog, keep) -> set[str]:
    return {m for m, e in full_catalog.models.items() if released_sizes(e) and keep(e, released_sizes(e))}


def _first_reading(full, full_catalog, question) -> set[str]:
    return selected(full_catalog, full.ask(question))


NUMBER_WORDS = [
    ("models with more than one hundred fifty billion parameters", lambda e, s: max(s) > 150_000),
    ("Meta models with fewer than seventy billion parameters", lambda e, s: "Meta" in e.lab_keys and max(s) < 70_000),
    ("anything bigger than three hundred and forty billion params?", lambda e, s: max(s) > 340_000),
    ("EleutherAI models under twelve billion parameters", lambda e, s: "EleutherAI" in e.lab_keys and max(s) < 12_000),
    ("Google models between two and twelve billion parameters", lambda e, s: "Google" in e.lab_keys and 2_000 <= max(s) <= 12_000),
    ("twenty-billion-parameter models", lambda e, s: abs(max(s) - 20_000) <= 400),
    ("有没有参数量在 fifty billion 到 one hundred billion 之间的模型", lambda e, s: 50_000 <= max(s) <= 100_000),
    ("参数超过 one hundred billion 的模型有哪些", lambda e, s: max(s) > 100_000),
    ("有没有 fifty billion 以下的谷歌模型", lambda e, s: "Google" in e.lab_keys and max(s) < 50_000),
]


@pytest.mark.parametrize("question, keep", NUMBER_WORDS, ids=[q for q, _ in NUMBER_WORDS])
def test_a_size_written_in_words_is_that_number(full, full_catalog, question, keep):
    assert _first_reading(full, full_catalog, question) == _models(full_catalog, keep)


BOUND_QUANTIFIERS = [
    # a quantifier after the bound, two of them in one question
    ("models that stay under 20B in every variant yet exceed 5B in some variant",
     lambda e, s: max(s) < 20_000 and max(s) > 5_000),
    ("which models have all sizes below 15B and at least one size above 2B?",
     lambda e, s: max(s) < 15_000 and max(s) > 2_000),
    ("models with at least one checkpoint over 100B while every checkpoint is over 10B",
     lambda e, s: max(s) > 100_000 and min(s) > 10_000),
    ("所有版本都小于 10B、但至少有一个版本大于 1B 的模型", lambda e, s: max(s) < 10_000 and max(s) > 1_000),
    # the noun after "no" / "a" names the model's released sizes
    ("Meta models that have no checkpoint smaller than 7B", lambda e, s: "Meta" in e.lab_keys and min(s) >= 7_000),
    ("Google models with a release under 1B parameters", lambda e, s: "Google" in e.lab_keys and min(s) < 1_000),
    ("models whose versions are all over 10B", lambda e, s: min(s) > 10_000),
    ("additions all of whose checkpoints exceed 10B", lambda e, s: not e.in_paper and min(s) > 10_000),
    ("哪些谷歌模型有 1B 以下的小尺寸", lambda e, s: "Google" in e.lab_keys and min(s) < 1_000),
    ("参数在 10B 到 20B 之间（有这个尺寸）的模型", lambda e, s: any(10_000 <= x <= 20_000 for x in s)),
    ("models where all released sizes are under 1B but at least one exceeds 500M", lambda e, s: max(s) < 1_000 and max(s) > 500),
    ("models whose parameter counts are each above 10B", lambda e, s: min(s) > 10_000),
    ("Meta models where one or more releases are under 1B", lambda e, s: "Meta" in e.lab_keys and min(s) < 1_000),
    # "one" with a size right after it is "a", no count of sizes
    ("Meta models that have one checkpoint under 1B and another above 10B",
     lambda e, s: "Meta" in e.lab_keys and min(s) < 1_000 and max(s) > 10_000),
    ("DeepSeek models with one release below 10B", lambda e, s: "DeepSeek" in e.lab_keys and min(s) < 10_000),
    ("Google models that come with a smaller sibling under 1B", lambda e, s: "Google" in e.lab_keys and min(s) < 1_000),
    ("没有任何版本低于 7B 的 Meta 模型", lambda e, s: "Meta" in e.lab_keys and min(s) >= 7_000),
    ("paper models offering a multi-billion checkpoint and also a sub-billion one",
     lambda e, s: e.in_paper and min(s) < 1_000 and max(s) >= 1_000),
]


@pytest.mark.parametrize("question, keep", BOUND_QUANTIFIERS, ids=[q for q, _ in BOUND_QUANTIFIERS])
def test_the_words_around_a_bound_say_which_sizes_it_is_judged_on(full, full_catalog, question, keep):
    assert set(full.ask(question).models) == _models(full_catalog, keep)


def test_a_bound_said_of_no_version_keeps_its_negation(full):
    where = str(full.ask("Meta models that have no checkpoint smaller than 7B").query["where"])
    assert "'not'" in where and "'some'" in where  # not (some checkpoint < 7B): never "some checkpoint ≥ 7B"
    where = str(full.ask("有没有任何一个版本低于 1B 的谷歌模型").query["where"])  # asks whether one is: no negation
    assert "'not'" not in where and "'some'" in where


ANY_OF_A_LIST = [
    ("models with at least one of the following traits: mixture-of-experts, grouped-query attention", "trait",
     {"mixture-of-experts", "grouped-query-attention"}),
    ("which models were trained on one or more of: C4, the Pile", "corpus", None),
    ("使用了 NSP、SOP、RTD 中至少一种目标的模型", "objective", None),
    ("预训练目标包含以下任意一种的模型：NSP、SOP、RTD", "objective", None),
]


@pytest.mark.parametrize("question, facet, values", ANY_OF_A_LIST, ids=[q for q, *_ in ANY_OF_A_LIST])
def test_a_list_after_at_least_one_of_is_either_value(full, full_catalog, question, facet, values):
    answer = full.ask(question)
    leaves = [c for c in answer.query["where"]["items"] if c.get("facet") == facet]
    assert len(leaves) == 1 and len(leaves[0]["values"]) >= 2 and leaves[0]["op"] == "in"  # one leaf: any of the values
    if values:
        assert set(answer.models) == {m for m, e in full_catalog.models.items() if values & set(e.traits)}


@pytest.mark.parametrize("question, shown", [("what is the biggest model in the catalog?", "1.75T = 1,750B"),
                                             ("目录里参数最多的模型是哪个", "1.75T = 1750B")])
def test_a_size_of_a_trillion_or_more_is_also_shown_in_billions(full, question, shown):
    assert shown in full.ask(question).text  # Wu Dao 2.0: 1.75T


# Chinese quantifier words over a model's versions: 每一个版本都 / 每一款都 (every version), 只要有一个版本…就算
# (one version in the range is enough); English 'past' as a strict bound ('goes past 1B', 'no release goes past')
VERSION_WORDS = [
    ("每一个版本都大于 100亿 参数的模型有哪些", lambda e, s: min(s) > 10_000),
    ("谷歌的模型里，每一个尺寸都不到 10亿 的有哪些", lambda e, s: "Google" in e.lab_keys and max(s) < 1_000),
    ("每一款都超过 300亿参数的模型", lambda e, s: min(s) > 30_000),
    ("哪些模型参数在 10亿 到 30亿 之间？只要有一个尺寸落在里面就行", lambda e, s: any(1_000 <= x <= 3_000 for x in s)),
    ("列出 200亿~400亿 参数的模型，只要有版本在这个范围里就算", lambda e, s: any(20_000 <= x <= 40_000 for x in s)),
    ("list models going past 500B params", lambda e, s: max(s) > 500_000),
    ("Google models where no release goes past 10B", lambda e, s: "Google" in e.lab_keys and max(s) <= 10_000),
    ("which decoder models go past 100 billion parameters in some version?",
     lambda e, s: e.architecture.value == "decoder" and max(s) > 100_000),
]


@pytest.mark.parametrize("question, keep", VERSION_WORDS, ids=[q for q, _ in VERSION_WORDS])
def test_a_quantifier_word_over_versions_is_read(full, full_catalog, question, keep):
    assert set(full.ask(question).models) == _models(full_catalog, keep)


# a small GPU memory given as the reason of a stated size bound is no question about memory (which is not recorded)
MEMORY_REASONS = [
    ("显存有限，找 10亿参数以下的 encoder 模型", lambda e, s: e.architecture.value == "encoder" and max(s) < 1_000),
    ("我的显存不够，给我列 20亿以下的 decoder 模型", lambda e, s: e.architecture.value == "decoder" and max(s) < 2_000),
    ("my VRAM is pretty limited, so: encoder models under 500M?", lambda e, s: e.architecture.value == "encoder" and max(s) < 500),
    ("Low GPU memory on my side; which Google models are below 2B?", lambda e, s: "Google" in e.lab_keys and max(s) < 2_000),
]


@pytest.mark.parametrize("question, keep", MEMORY_REASONS, ids=[q for q, _ in MEMORY_REASONS])
def test_a_small_gpu_memory_is_the_reason_of_the_bound(full, full_catalog, question, keep):
    assert _first_reading(full, full_catalog, question) == _models(full_catalog, keep)


# a ranking by the parameters a mixture of experts uses per token, the direction word before 'parameters' and
# 'active / activated / in use per token' after them ("the fewest parameters active per token")
ACTIVE_RANKINGS = [
    ("Among sparse models, which has the least params in use per token?", "DeepSeek-V2", "2.4B"),
    ("which mixture-of-experts model has the most parameters activated per token?", "GLaM", "96B"),
    ("of the MoE models, which one has the smallest weights active for each token", "DeepSeek-V2", "2.4B"),
]


@pytest.mark.parametrize("question, model, size", ACTIVE_RANKINGS, ids=[q for q, _, _ in ACTIVE_RANKINGS])
def test_a_ranking_by_parameters_active_per_token(full, question, model, size):
    assert f"**{model}** ({size})" in full.ask(question).text


# a lab named as a model's only lab ('their only lab', 'the sole developer is', 'as the only organization'): one lab
ONLY_LAB = [
    ("models whose only lab is Meta", "models made by Meta alone"),
    ("which models list Microsoft as their one and only organisation?", "models made by Microsoft alone"),
    ("models with Google as the only organization", "models made by Google alone"),
]


@pytest.mark.parametrize("question, alone", ONLY_LAB, ids=[q for q, _ in ONLY_LAB])
def test_a_lab_named_as_the_only_lab_is_one_lab(full, question, alone):
    got = set(full.ask(question).models)
    assert got == set(full.ask(alone).models) and "labs credited = 1" in full.ask(question).text
