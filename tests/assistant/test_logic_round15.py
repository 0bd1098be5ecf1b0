"""Kinds of logic questions read in general (round 15): a lineage denied with a verb of making one model from another
("weren't fine-tuned from OPT", "leaving out whatever was derived from LLaMA") denies the recorded parent only, so the
model itself and a model recorded with another parent stay (Chinese "不是从 X 派生的" keeps leaving out X's line);
"everything downstream" said apart from the lineage asks for every generation.

Each expected set is computed from the catalog's own fields, never written out by hand.
"""

from __future__ import annotations

import pytest

from assistant.facets import released_sizes
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
    # in Chinese the same words leave out the model's whole line, the model too
    ("不是从 GPT-3 派生的 OpenAI 模型有哪些",
     lambda e, ms: "OpenAI" in e.lab_keys and e.id != "gpt-3" and e.id not in lineage.descendants(ms, "gpt-3")),
    # "everything downstream" said apart from the lineage's own cue: every generation
    ("what did BART lead to? list everything downstream", lambda e, ms: e.id in lineage.descendants(ms, "bart")),
]


@pytest.mark.parametrize("question, wanted", SETS, ids=[q for q, _ in SETS])
def test_the_set_a_question_names(full, full_catalog, question, wanted):
    lineage.exact_answer(full, full_catalog, question, wanted)


def _sizes(e) -> list[float]:
    return released_sizes(e)


QUANTIFIED = [
    # "none of the versions reaches N": every released size below N (a verb of reaching is "N or more")
    ("models none of whose sizes reaches 10B", lambda e, ms: bool(_sizes(e)) and max(_sizes(e)) < 10_000),
    ("which additions have no version that gets to 7B",
     lambda e, ms: not e.in_paper and bool(_sizes(e)) and max(_sizes(e)) < 7_000),
    # a number of versions that only counts the versions just described by size (同时有…两种版本) is no count of its own
    ("既有 1B 以下又有 10B 以上两种规格的模型",
     lambda e, ms: any(s < 1_000 for s in _sizes(e)) and any(s >= 10_000 for s in _sizes(e))),  # a bare 以下 is strict
    # one size: a model whose size is not disclosed has no known number of sizes
    ("encoder-decoder models released in a single size",
     lambda e, ms: e.architecture.value == "encoder-decoder" and len(_sizes(e)) == 1),
    # a model with no parent, in Chinese: "没有任何" + a parent noun, not a negation of the head after it
    ("没有任何父模型的解码器", lambda e, ms: e.architecture.value == "decoder" and not e.derived_from),
    ("没有母模型的编码器", lambda e, ms: e.architecture.value == "encoder" and not e.derived_from),
]


@pytest.mark.parametrize("question, wanted", QUANTIFIED, ids=[q for q, _ in QUANTIFIED])
def test_a_quantified_or_rooted_set(full, full_catalog, question, wanted):
    lineage.exact_answer(full, full_catalog, question, wanted)


def test_a_past_marker_is_no_bound(full):
    """"只发布过一种规模" (过 ends the verb of releasing): never "more than one size"."""
    assert "尺寸版本数 >" not in full.ask("只发布过一种规模的编码器模型").text


def _outside_line(e, ms, root: str) -> bool:
    return e.id != root and e.id not in lineage.descendants(ms, root)


LEFT_OUT = [
    # a model left out beside another model's descendants: each keeps its own ("Qwen" alone, Qwen2.5's line)
    ("the Qwen models, minus Qwen itself and anything built on Qwen2.5",
     lambda e, ms: e.family == "Qwen" and e.id != "qwen" and _outside_line(e, ms, "qwen2.5")),
    # a line left out, restated in a bracket that names the model again: no positive reading of the bracket
    ("decoders not from OpenAI and outside the GPT lineage (GPT plus all of its descendants)",
     lambda e, ms: e.architecture.value == "decoder" and "OpenAI" not in e.lab_keys and _outside_line(e, ms, "gpt")),
    # a model's ancestry, heritage or whole line of descendants left out: the line
    ("open models with no BERT heritage", lambda e, ms: e.license_class.value == "open" and _outside_line(e, ms, "bert")),
    ("Google models, leaving out BERT's entire line of descendants",
     lambda e, ms: "Google" in e.lab_keys and _outside_line(e, ms, "bert")),
    # the other models of a set named by one of them ("alongside Orca"): that one left out
    ("which other models, along with Vicuna, were fine-tuned from LLaMA?",
     lambda e, ms: "llama" in e.derived_from and e.id != "vicuna"),
    # parents and the parents of those: every generation back, as "grandparents"
    ("LLaVA's parent models, plus the parents of those", lambda e, ms: e.id in lineage.ancestors(ms, "llava")),
    # a parent from a set named with two modifiers ("the paper's original 77")
    ("newer models whose parent is one of the paper's original 77",
     lambda e, ms: not e.in_paper and any(p in ms and ms[p].in_paper for p in e.derived_from)),
]


@pytest.mark.parametrize("question, wanted", LEFT_OUT, ids=[q for q, _ in LEFT_OUT])
def test_what_is_left_out_or_beside(full, full_catalog, question, wanted):
    lineage.exact_answer(full, full_catalog, question, wanted)
