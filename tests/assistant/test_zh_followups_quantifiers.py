"""Chinese follow-ups that point back (第二个, 这个模型, 最大的那个 after a model's versions) and size
quantifiers (a version below one size AND a largest version above another; a count of size variants).

"第二个" after a question that named the models its answer gave counts in the question's order;
"这个模型" is the model the talk is about (the previous question's subject), "那个模型" one the
answer introduced; "T0有几个版本" asks for T0's sizes, so "最大的那个" stays with T0.
"至少有一个10B以下的小版本、同时最大版本超过100B" holds some version to the first bound and the
largest version to the second; "五个或以上不同尺寸的版本" is at least five size variants."""

from __future__ import annotations

import pytest

from assistant.session import Session


def _last(full, *turns):
    session = Session()
    answers = [full.ask(q, session) for q in turns]
    return answers[-1]


ORDINALS = [
    (("ELECTRA和ALBERT哪个先出的？", "第二个是什么时候发布的？"), "albert"),
    (("ALBERT和ELECTRA哪个先出的？", "第二个是什么时候发布的？"), "electra"),
    (("比較 GPT-3 和 BERT 的大小", "第一個是誰開發的"), "gpt-3"),
    (("BERT 和 GPT-2 哪个更大", "第一个是什么架构"), "bert"),
    (("which came first, ELECTRA or ALBERT?", "when was the second one released?"), "albert"),
]


@pytest.mark.parametrize("turns, model", ORDINALS)
def test_an_ordinal_counts_the_models_in_the_order_the_question_named_them(full, turns, model):
    assert _last(full, *turns).models == [model]


SUBJECT = [
    (("Vicuna是基于什么模型微调的", "那这个模型的许可证是啥"), "vicuna"),
    (("Alpaca 是基於哪個模型？", "這個模型是誰開發的"), "alpaca"),
    (("Zephyr 是从哪个模型微调来的", "该模型多大"), "zephyr"),
    (("Vicuna是基于什么模型微调的", "那个模型的许可证是啥"), "llama"),
]


@pytest.mark.parametrize("turns, model", SUBJECT)
def test_this_model_is_the_subject_that_model_the_answer(full, turns, model):
    assert _last(full, *turns).models == [model]


VERSIONS = [("T0有几个版本", "t0"), ("Pythia有多少个版本", "pythia"), ("LLaMA 有幾種尺寸", "llama"), ("OPT 一共有几个版本", "opt")]


@pytest.mark.parametrize("zh, model", VERSIONS)
def test_how_many_versions_of_a_model_is_its_sizes(full, zh, model):
    q = full._understand(zh)
    assert q.models == [model] and q.intent.value in ("fact", "overview") and "params" in q.attributes


def test_the_largest_of_its_versions_stays_with_the_model(full):
    answer = _last(full, "T0有几个版本", "最大的那个多少参数？")
    assert answer.models == ["t0"] and "11B" in answer.text


SOME_AND_LARGEST = [
    "原论文里有哪些模型至少有一个10B以下的小版本、同时最大版本超过100B？",
    "原論文裡哪些模型至少有一個100億以下的版本，同時最大版本超過1000億",
    "论文里的模型中，哪些有一个10B以下的版本，而且最大版本超过100B",
]


@pytest.mark.parametrize("zh", SOME_AND_LARGEST)
def test_some_version_below_and_the_largest_above(full, zh):
    q = full._understand(zh)
    sizes = {(c.op.value, c.quant.value) for c in q.where.items if c.facet == "size"}
    assert sizes == {("le", "some"), ("gt", "largest")} or sizes == {("lt", "some"), ("gt", "largest")}
    assert {"palm", "opt", "galactica", "glm"} <= set(full.ask(zh).models)


def test_the_english_some_version_and_largest_version(full):
    q = full._understand("which models have at least one version under 10 billion, and whose largest version is more than 100 billion?")
    assert {(c.op.value, c.quant.value) for c in q.where.items if c.facet == "size"} == {("lt", "some"), ("gt", "largest")}


VARIANT_COUNTS = [
    ("有哪些模型有五个或以上不同尺寸的版本？", 5),
    ("哪些模型有3种以上的尺寸", 3),
    ("有四個及以上版本的模型有哪些", 4),
    ("哪些模型有五種或更多不同的尺寸", 5),
]


@pytest.mark.parametrize("zh, n", VARIANT_COUNTS)
def test_a_count_of_size_variants_or_more(full, zh, n):
    q = full._understand(zh)
    (c,) = [c for c in q.where.items if c.facet == "variants"]
    assert c.op.value == "ge" and c.values == [float(n)]
    answer = full.ask(zh)
    assert f"尺寸版本数 ≥ {n}" in answer.text


EVERY_OR_ONE = [
    ("参数量全部低于1B的模型", ("size", "every")),
    ("參數全部低於10億的模型有哪些", ("size", "every")),
    ("尺寸都在10B以上的模型", ("size", "every")),
    ("只有一个尺寸的模型有哪些", ("variants", None)),
    ("哪些模型只有一个版本", ("variants", None)),
]


@pytest.mark.parametrize("zh, want", EVERY_OR_ONE)
def test_every_size_or_a_single_size(full, zh, want):
    q = full._understand(zh)
    facet, quant = want
    (c,) = [c for c in q.where.items if c.facet == facet]
    if quant:
        assert c.quant.value == quant
    else:
        assert c.values == [1.0]


RANKED_N = [
    ("原论文中最晚发布的三个模型", "date", True, 3),
    ("最近推出的五个模型", "date", True, 5),
    ("参数量最大的两个编码器", "params", True, 2),
    ("最早发布的3个谷歌模型", "date", False, 3),
]


@pytest.mark.parametrize("zh, field, largest, top", RANKED_N)
def test_the_n_first_of_a_ranking(full, zh, field, largest, top):
    s = full._understand(zh).superlative
    assert (s.field, s.largest, s.top) == (field, largest, top)


# "没有…以上的版本" negates "some version > N" (a bare 以上 is strict, round 24): no version reaches N. The reading must say so, not flip the
# sign onto "some version" (which states a different set than the one executed); "有没有一个…" asks whether
# there is one, and its 没 is no negation of the size.
NO_VERSION = [
    ("哪些模型没有100亿以上的版本", 10_000, False),
    ("哪些模型沒有任何一個版本在七十億以上", 7_000, False),
    ("有哪些模型没有 1B 以上的尺寸", 1_000, False),
    ("哪些模型没有 1B 及以上的尺寸", 1_000, True),
]


@pytest.mark.parametrize("zh, bound, inclusive", NO_VERSION)
def test_no_version_above_a_size_is_read_and_stated_as_none(full, full_catalog, zh, bound, inclusive):
    from assistant.facets import released_sizes

    answer = full.ask(zh)
    want = {m for m, e in full_catalog.models.items() if released_sizes(e) and e.params.max_millions is not None
            and not any((s >= bound) if inclusive else (s > bound) for s in released_sizes(e))}
    assert set(answer.models) == want
    assert f"没有任何版本的参数量 {'≥' if inclusive else '>'}" in answer.text and "某个版本的参数量 <" not in answer.text


@pytest.mark.parametrize("zh", ["有没有一个 100 亿参数以上的开源模型", "有没有一款 200 億參數以上的開源模型？"])
def test_is_there_one_above_a_size_is_no_negation(full, full_catalog, zh):
    q = full._understand(zh)
    (c,) = [c for c in q.where.items if getattr(c, "facet", None) == "size"]
    assert c.op.value in ("ge", "gt")
