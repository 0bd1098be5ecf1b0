"""Kinds of logic questions read in general, in English and Chinese (round 11): a date relative to a named
model's own month ("the same month as X", "X 发布之后", "和 X 同一个月"); a value said to be a model's only one in
a field that holds several (objectives, labs: "whose sole training objective is MLM", "唯一的机构是…"); a count of a
field's values with its bound ("more than two training objectives", "至少五个尺寸", "不止一个"); a model said to be
used as a base ("was X taken as a starting point", "X 被别的模型拿去当基础", "拿 X 当基础"): its children; a lineage from
several models that must all hold ("built on both X and Y", "同时基于 X 和 Y"); whether anything was built on a model
("nothing was built on them", "没有后代"); a part of a year restated as its months ("late 2022, October through
December"); a Chinese modifier that scopes a ranking ("开源许可的…里", "论文的目录里"); a released version named by its
size ("a 176B version", "有 70亿参数版本的", "7B 和 70B 两个尺寸都有"): that version's label, not a size near it.

Each expected set is computed from the catalog's own fields, never written out by hand.
"""

from __future__ import annotations

import pytest

from assistant.facets import released_sizes
from tests.assistant import lineage


def _month(ms, model: str) -> int:
    return ms[model].date.key


# (question, the catalog entries the answer must hold exactly: a predicate over (entry, all models))
DATES = [
    # "the same month as X": X's own month, X itself left out
    ("which models came out in the same month as Dolly",
     lambda e, ms: e.date.key == _month(ms, "dolly") and e.id != "dolly"),
    ("与 Vicuna 同一个月推出的解码器有哪些",
     lambda e, ms: e.date.key == _month(ms, "vicuna") and e.architecture.value == "decoder" and e.id != "vicuna"),
    ("跟 Galactica 同月发布的模型", lambda e, ms: e.date.key == _month(ms, "galactica") and e.id != "galactica"),
    # a release verb between the name and a Chinese time postposition ("X 发布之后"): the time is X's release
    ("GPT-3 推出以后又有哪些 OpenAI 模型",
     lambda e, ms: e.date.key > _month(ms, "gpt-3") and "OpenAI" in e.org_names),
]


@pytest.mark.parametrize("question, wanted", DATES, ids=[q for q, _ in DATES])
def test_a_date_relative_to_a_named_model(full, full_catalog, question, wanted):
    lineage.exact_answer(full, full_catalog, question, wanted)


def _objectives(e) -> set[str]:
    return {o.value for o in e.objectives}


COUNTS = [
    # the value named is the model's only one in its field
    ("encoders whose sole training objective is MLM", lambda e, ms: e.architecture.value == "encoder" and _objectives(e) == {"mlm"}),
    ("Which decoders have causal language modeling as their only objective?",
     lambda e, ms: e.architecture.value == "decoder" and _objectives(e) == {"causal-lm"}),
    ("唯一的预训练目标是因果语言建模的模型", lambda e, ms: _objectives(e) == {"causal-lm"}),
    # a count of the values a model lists in one field, with the bound said before it
    ("models with more than two training objectives", lambda e, ms: len(e.objectives) > 2),
    # the count said after the noun it counts ("预训练目标超过两个")
    ("预训练目标超过两个的模型", lambda e, ms: len(e.objectives) > 2),
    ("机构不止一家的解码器", lambda e, ms: e.architecture.value == "decoder" and len(e.labs) > 1),
    ("尺寸数量至少六个的模型", lambda e, ms: max(1, len(released_sizes(e))) >= 6),
]


@pytest.mark.parametrize("question, wanted", COUNTS, ids=[q for q, _ in COUNTS])
def test_only_values_and_counts_of_a_field(full, full_catalog, question, wanted):
    lineage.exact_answer(full, full_catalog, question, wanted)


LINEAGE = [
    # the model named is the base others were built on: its children
    ("was GPT-3 ever taken by other models as a starting point", lambda e, ms: "gpt-3" in e.derived_from),
    ("GPT-2 被用作基础了吗", lambda e, ms: "gpt-2" in e.derived_from),
    # every named parent at once
    ("which models were built on both BERT and GPT-2", lambda e, ms: {"bert", "gpt-2"} <= set(e.derived_from)),
    ("Is there a model that descends from both GPT-J and Pythia?",
     lambda e, ms: {"gpt-j", "pythia"} <= lineage.ancestors(ms, e.id)),
    ("哪个模型同时基于 Vicuna 和 CLIP", lambda e, ms: {"vicuna", "clip"} <= set(e.derived_from)),
]


@pytest.mark.parametrize("question, wanted", LINEAGE, ids=[q for q, _ in LINEAGE])
def test_a_base_used_by_others_and_lineage_from_several(full, full_catalog, question, wanted):
    lineage.exact_answer(full, full_catalog, question, wanted)


MORE = [
    # whether any model was built on it (the inverse lineage, to any model)
    ("Which models are self-contained: not derived from any other model, and with no descendants either?",
     lambda e, ms: not e.derived_from and not lineage.children(ms, e.id)),
    ("没有父模型也没有后代的模型", lambda e, ms: not e.derived_from and not lineage.children(ms, e.id)),
    ("decoders that have had other models built on top of them",
     lambda e, ms: e.architecture.value == "decoder" and bool(lineage.children(ms, e.id))),
    # a part of a year, then the months it stands for
    ("decoders from early 2023, January to March", lambda e, ms: 202301 <= e.date.key <= 202303 and e.architecture.value == "decoder"),
    # "都有谁" after a lineage asks which models, not who made them
    ("Dolly 的祖先一直往上都有谁", lambda e, ms: e.id in lineage.ancestors(ms, "dolly")),
]


@pytest.mark.parametrize("question, wanted", MORE, ids=[q for q, _ in MORE])
def test_offspring_restated_months_and_who(full, full_catalog, question, wanted):
    lineage.exact_answer(full, full_catalog, question, wanted)


# a Chinese modifier scoping a ranking: the top of the models it names
RANKED = [
    ("采用开源许可的解码器中哪个参数最多",
     lambda e: e.license_class.value == "open" and e.architecture.value == "decoder", lambda e: e.params.max_millions or 0, True),
    ("论文目录里哪个多语言模型参数最少",  # each model by its smallest released size, as the answer says
     lambda e: e.in_paper and "multilingual" in {d.value for d in e.domains} and bool(released_sizes(e)),
     lambda e: min(released_sizes(e)), False),
]


@pytest.mark.parametrize("question, member, measure, largest", RANKED, ids=[r[0] for r in RANKED])
def test_a_chinese_modifier_scopes_the_ranking(full, full_catalog, question, member, measure, largest):
    pool = [e for e in full_catalog.models.values() if member(e)]
    best = (max if largest else min)(measure(e) for e in pool)
    a = full.ask(question)
    assert a.models and {m for m in a.models[:1]} <= {e.id for e in pool if measure(e) == best}, (question, a.models)


def _has(e, millions: float) -> bool:
    return any(abs(x - millions) < 1e-6 * millions for x in released_sizes(e))


VERSIONS = [
    ("Which decoders come in a 176B version?", lambda e, ms: e.architecture.value == "decoder" and _has(e, 176000)),
    ("有 70亿参数版本的解码器", lambda e, ms: e.architecture.value == "decoder" and _has(e, 7000)),
    ("哪些模型 13B 和 70B 两个尺寸都有", lambda e, ms: _has(e, 13000) and _has(e, 70000)),
]


@pytest.mark.parametrize("question, wanted", VERSIONS, ids=[q for q, _ in VERSIONS])
def test_a_version_named_by_its_size(full, full_catalog, question, wanted):
    lineage.exact_answer(full, full_catalog, question, wanted)
