"""Kinds of logic questions read in general (round 15): a lineage denied with a verb of making one model from another
("weren't fine-tuned from OPT", "leaving out whatever was derived from LLaMA") denies the recorded parent only, so the
model itself and a model recorded with another parent stay (Chinese "不是从 X 派生的" keeps leaving out X's line);
"everything downstream" said apart from the lineage asks for every generation.

Each expected set is computed from the catalog's own fields, never written out by hand.
"""

from __future__ import annotations

import pytest

from tests.assistant import lineage


def _objectives(e) -> set[str]:
    return {o.value for o in e.objectives}


def _not_child(e, parent: str) -> bool:
    return parent not in e.derived_from


SETS = [
    # a negated lineage said with a making verb: the recorded parent denied, the model itself and its grandchildren stay
    ("Meta decoders that weren't trained from LLaMA",
     lambda e, ms: e.architecture.value == "decoder" and "Meta" in e.lab_keys and _not_child(e, "llama")),
    ("which 2023 models were not fine-tuned off LLaMA?", lambda e, ms: e.date.year == 2023 and _not_child(e, "llama")),
    ("instruction-tuned models from 2023, leaving out whatever was derived from LLaMA",
     lambda e, ms: e.date.year == 2023 and "instruction-tuning" in _objectives(e) and _not_child(e, "llama")),
    ("Google decoder models other than the ones derived from PaLM",
     lambda e, ms: e.architecture.value == "decoder" and "Google" in e.lab_keys and _not_child(e, "palm")),
    ("EleutherAI models not derived from GPT-NeoX-20B",
     lambda e, ms: "EleutherAI" in e.lab_keys and _not_child(e, "gpt-neox-20b")),
    # in Chinese the same words leave out the model's whole line, the model too
    ("不是从 GPT-3 派生的 OpenAI 模型有哪些",
     lambda e, ms: "OpenAI" in e.lab_keys and e.id != "gpt-3" and e.id not in lineage.descendants(ms, "gpt-3")),
    # "everything downstream" said apart from the lineage's own cue: every generation
    ("what did BART lead to? list everything downstream", lambda e, ms: e.id in lineage.descendants(ms, "bart")),
    ("show me what grew out of GPT-3, everything downstream", lambda e, ms: e.id in lineage.descendants(ms, "gpt-3")),
]


@pytest.mark.parametrize("question, wanted", SETS, ids=[q for q, _ in SETS])
def test_the_set_a_question_names(full, full_catalog, question, wanted):
    lineage.exact_answer(full, full_catalog, question, wanted)
