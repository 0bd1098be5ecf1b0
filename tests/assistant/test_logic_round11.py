"""Kinds of logic questions read in general, in English and Chinese (round 11): a date relative to a named
model's own month ("the same month as X", "X 发布之后", "和 X 同一个月"); a value said to be a model's only one in
a field that holds several (objectives, labs: "whose sole training objective is MLM", "唯一的机构是…"); a count of a
field's values with its bound ("more than two training objectives", "至少五个尺寸", "不止一个"); a model said to be
used as a base ("was X taken as a starting point", "X 被别的模型拿去当基础", "拿 X 当基础"): its children; a lineage from
several models that must all hold ("built on both X and Y", "同时基于 X 和 Y").

Each expected set is computed from the catalog's own fields, never written out by hand.
"""

from __future__ import annotations

import pytest

from assistant.facets import FACETS, released_sizes
from assistant.query import Constraint
from tests.assistant import lineage


def _month(ms, model: str) -> int:
    return ms[model].date.key


# (question, the catalog entries the answer must hold exactly: a predicate over (entry, all models))
DATES = [
    # "the same month as X": X's own month, X itself left out
    ("which models came out in the same month as Dolly",
     lambda e, ms: e.date.key == _month(ms, "dolly") and e.id != "dolly"),
    ("decoders from the same calendar month as GPT-3.5",
     lambda e, ms: e.date.key == _month(ms, "gpt-3.5") and e.architecture.value == "decoder" and e.id != "gpt-3.5"),
    ("与 Vicuna 同一个月推出的解码器有哪些",
     lambda e, ms: e.date.key == _month(ms, "vicuna") and e.architecture.value == "decoder" and e.id != "vicuna"),
    ("跟 Galactica 同月发布的模型", lambda e, ms: e.date.key == _month(ms, "galactica") and e.id != "galactica"),
    # a release verb between the name and a Chinese time postposition ("X 发布之后"): the time is X's release
    ("GPT-3 推出以后又有哪些 OpenAI 模型",
     lambda e, ms: e.date.key > _month(ms, "gpt-3") and "OpenAI" in e.org_names),
    ("BERT 发表之前的模型有哪些", lambda e, ms: e.date.key < _month(ms, "bert")),
]


@pytest.mark.parametrize("question, wanted", DATES, ids=[q for q, _ in DATES])
def test_a_date_relative_to_a_named_model(full, full_catalog, question, wanted):
    lineage.exact_answer(full, full_catalog, question, wanted)


def _objectives(e) -> set[str]:
    return {o.value for o in e.objectives}


def _sole_lab(e, lab: str) -> bool:
    return len(e.labs) == 1 and FACETS["lab"].match(e, Constraint(facet="lab", values=[lab]))


COUNTS = [
    # the value named is the model's only one in its field
    ("encoders whose sole training objective is MLM", lambda e, ms: e.architecture.value == "encoder" and _objectives(e) == {"mlm"}),
    ("Which decoders have causal language modeling as their only objective?",
     lambda e, ms: e.architecture.value == "decoder" and _objectives(e) == {"causal-lm"}),
    ("models where all of the labs are Meta", lambda e, ms: _sole_lab(e, "Meta")),
    ("唯一的预训练目标是因果语言建模的模型", lambda e, ms: _objectives(e) == {"causal-lm"}),
    # a count of the values a model lists in one field, with the bound said before it
    ("which models have exactly one pretraining objective?", lambda e, ms: len(e.objectives) == 1),
    ("models with more than two training objectives", lambda e, ms: len(e.objectives) > 2),
    ("至少有两个预训练目标的模型", lambda e, ms: len(e.objectives) >= 2),
    ("只有一个训练目标的编码器", lambda e, ms: e.architecture.value == "encoder" and len(e.objectives) == 1),
    ("至少有三家机构参与的模型", lambda e, ms: len(e.labs) >= 3),
    ("有超过三个尺寸的模型", lambda e, ms: max(1, len(released_sizes(e))) > 3),
]


@pytest.mark.parametrize("question, wanted", COUNTS, ids=[q for q, _ in COUNTS])
def test_only_values_and_counts_of_a_field(full, full_catalog, question, wanted):
    lineage.exact_answer(full, full_catalog, question, wanted)


LINEAGE = [
    # the model named is the base others were built on: its children
    ("was GPT-3 ever taken by other models as a starting point", lambda e, ms: "gpt-3" in e.derived_from),
    ("Has T5 been used as the base for any other model?", lambda e, ms: "t5" in e.derived_from),
    ("GPT-2 被用作基础了吗", lambda e, ms: "gpt-2" in e.derived_from),
    ("哪些模型拿 LLaMA 当基础", lambda e, ms: "llama" in e.derived_from),
    ("把 CLIP 当作基座的模型有哪些", lambda e, ms: "clip" in e.derived_from),
    # every named parent at once
    ("which models were built on both BERT and GPT-2", lambda e, ms: {"bert", "gpt-2"} <= set(e.derived_from)),
    ("Is there a model that descends from both GPT-J and Pythia?",
     lambda e, ms: {"gpt-j", "pythia"} <= lineage.ancestors(ms, e.id)),
    ("哪个模型同时基于 Vicuna 和 CLIP", lambda e, ms: {"vicuna", "clip"} <= set(e.derived_from)),
]


@pytest.mark.parametrize("question, wanted", LINEAGE, ids=[q for q, _ in LINEAGE])
def test_a_base_used_by_others_and_lineage_from_several(full, full_catalog, question, wanted):
    lineage.exact_answer(full, full_catalog, question, wanted)
