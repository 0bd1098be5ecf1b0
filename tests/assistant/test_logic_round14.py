"""Kinds of logic questions read in general, in English and Chinese (round 14): a model and its descendants left out,
restated in brackets with the model named again ("the BART ones (BART plus anything built on BART)"); a release said
with another verb ("what debuted in ..."); a date range whose ends mix parts of years, months and years ("between
July 2019 and the end of 2019", "mid-2020 (July)"); a stretch of time named by a model's date ("in GPT-4's launch
month") or anchored at it ("between the GPT-3 paper and mid-2021"); a size range written as one hyphenated word
("one-to-two-billion-parameter"); a licence named with a modifier that makes it another ("not the customized MIT
one"); a family used as a filter before a kind of model ("BERT-family encoders", "GPT 系解码器"); every released
version in Chinese with a word of release inside ("所有公开过的版本都…"); a field value plus at least one other in
Chinese ("MLM 以及至少一个别的目标"); the labs a merged lab was formed from, left out beside it; "by how long" / "how
big was the gap" asked of two models' dates.

Each expected set is computed from the catalog's own fields, never written out by hand.
"""

from __future__ import annotations

import pytest

from assistant.facets import LicenseNameFacet, released_sizes
from tests.assistant import lineage
from tests.assistant.spec import where_read


def _objectives(e) -> set[str]:
    return {o.value for o in e.objectives}


def _month(ms, model: str) -> int:
    return ms[model].date.key


def _next(key: int) -> int:
    return key + 1 if key % 100 < 12 else (key // 100 + 1) * 100 + 1


def _outside_line(e, ms, root: str) -> bool:
    return e.id != root and e.id not in lineage.descendants(ms, root)


def _mit_unmodified(e) -> bool:
    return LicenseNameFacet.names(e.license, "MIT") and not LicenseNameFacet.names(e.license, "Modified MIT")


def _every_size(e, test) -> bool:
    sizes = released_sizes(e)
    return bool(sizes) and all(test(s) for s in sizes)


SETS = [
    # a model and its descendants left out, restated in brackets that name the model again
    ("encoder-decoders with an open license, minus the BART ones (BART plus anything built on BART)",
     lambda e, ms: e.architecture.value == "encoder-decoder" and e.license_class.value == "open" and _outside_line(e, ms, "bart")
     and e.family != "BART"),
    ("open models, without the LLaMA ones (i.e. LLaMA and whatever was fine-tuned from LLaMA)",
     lambda e, ms: e.license_class.value == "open" and _outside_line(e, ms, "llama") and e.family != "LLaMA"),
    # a release said with another verb
    ("what debuted during the second half of 2020", lambda e, ms: 202007 <= e.date.key <= 202012),
    # a range whose ends mix a part of a year with a month or a year
    ("models between July 2019 and the end of 2019", lambda e, ms: 201907 <= e.date.key <= 201912),
    ("models from mid-2020 (July) to the end of 2020", lambda e, ms: 202007 <= e.date.key <= 202012),
    ("2019年年中（7月）到2019年底之间发布的模型", lambda e, ms: 201907 <= e.date.key <= 201912),
    # a stretch of time named by a model's date (the model itself left out, as "the same month as X")
    ("anything released in GPT-4's launch month",
     lambda e, ms: e.date.key == _month(ms, "gpt-4") and e.id != "gpt-4"),
    ("which decoders came out during T5's release year",
     lambda e, ms: e.date.year == ms["t5"].date.year and e.architecture.value == "decoder" and e.id != "t5"),
    ("跟 ChatGPT 同一个发布月的模型", lambda e, ms: e.date.key == _month(ms, "chatgpt") and e.id != "chatgpt"),
    # a range anchored at a model's paper or release, said first or last
    ("between InstructGPT's release and March 2023, what was released?",
     lambda e, ms: _next(_month(ms, "instructgpt")) <= e.date.key <= 202303),
    ("models released between the GPT-3 paper and mid-2021", lambda e, ms: _next(_month(ms, "gpt-3")) <= e.date.key <= 202107),
    # a licence named with a modifier that makes it another licence
    ("MIT-licensed models other than those under a customized MIT license", lambda e, ms: _mit_unmodified(e)),
    # a family used as a filter before a kind of model
    ("BERT-family encoders from Microsoft",
     lambda e, ms: e.family == "BERT" and e.architecture.value == "encoder" and "Microsoft" in e.org_names),
    ("EleutherAI 的 GPT 系解码器",
     lambda e, ms: e.family == "GPT" and e.architecture.value == "decoder" and "EleutherAI" in e.org_names),
    # every released version, in Chinese, with a word of release between the quantifier and the version noun
    ("每个公开版本都至少 1000 亿参数的模型", lambda e, ms: _every_size(e, lambda s: s >= 100_000)),
    ("每个已发布的版本都不少于 100 亿参数的解码器",
     lambda e, ms: e.architecture.value == "decoder" and _every_size(e, lambda s: s >= 10_000)),
    # a value and at least one other of the same field, in Chinese
    ("有 MLM 以及至少一个别的预训练目标的编码器",
     lambda e, ms: e.architecture.value == "encoder" and "mlm" in _objectives(e) and len(e.objectives) >= 2),
    ("除了 MLM 之外至少还有一个其他目标的模型", lambda e, ms: "mlm" in _objectives(e) and len(e.objectives) >= 2),
    # the labs a merged lab was formed from, left out beside it: its own models stay
    ("models by Google DeepMind, excluding Google and DeepMind", lambda e, ms: e.org_names == ["Google DeepMind"]),
]


@pytest.mark.parametrize("question, wanted", SETS, ids=[q for q, _ in SETS])
def test_the_set_a_question_names(full, full_catalog, question, wanted):
    lineage.exact_answer(full, full_catalog, question, wanted)


READINGS = [
    # a size range written as one hyphenated word, numbers said in words
    ("list the one-to-two-billion-parameter models", "size ≥ 1B AND size ≤ 2B"),
    ("ten-through-thirteen-billion-parameter decoders", "size ≥ 10B AND size ≤ 13B AND architecture = decoder"),
    # "at least" with the verb of having after it, in Chinese ("至少有"): a bound, not an exact size
    ("哪些模型的所有版本都至少有 500 亿参数", "every variant with size ≥ 50B"),
]


@pytest.mark.parametrize("question, reading", READINGS, ids=[q for q, _ in READINGS])
def test_a_range_or_bound_is_read(full, question, reading):
    assert where_read(full, question) == reading


@pytest.mark.parametrize("question, gap", [
    ("BERT vs GPT-2: which is older, and how big was the gap?", "4 months"),
    ("How much time separates GPT-2 and GPT-3?", "15 months"),
    ("Llama 2 和 Llama 3 哪个先出，早了多长时间？", "12个月"),
])
def test_how_far_apart_two_models_came_out(full, question, gap):
    """"by how long", "how big was the gap", "how much time separates": the months between the two dates are said."""
    assert gap in full.ask(question).text
