"""Kinds of logic questions read in general, in English and Chinese (round 11): a date relative to a named
model's own month ("the same month as X", "X 发布之后", "和 X 同一个月"); ...

Each expected set is computed from the catalog's own fields, never written out by hand.
"""

from __future__ import annotations

import pytest

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
