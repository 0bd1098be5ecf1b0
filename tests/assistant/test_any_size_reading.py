"""A plain size bound has two readings people use: the model's largest (headline) size, and any size it was released
at. "Models under 100M" lists the models whose largest size is under 100M, then, in a paragraph of their own, the
models only one of whose other released sizes is (Pythia's 70M, Flan-T5's 80M), each with the size that fits and
its citation; the reading line says both were used. Words that tie the bound to one version ("whose largest version",
"no version above") leave one reading. Each expected set is computed from the catalog's own sizes."""

from __future__ import annotations

import pytest

from assistant.facets import released_sizes
from tests.assistant.spec import selected

HEADING = {"en": "Counting every released size", "zh": "若把每个发布的尺寸都算上"}
READING = {"en": "then any other released size", "zh": "再按其他发布的尺寸"}


def _named(text: str, catalog) -> set[str]:
    return {m for m, e in catalog.models.items() if f"**{e.name}**" in text}


def _sets(catalog, fits, keep=lambda e: True) -> tuple[set[str], set[str]]:
    """(models whose largest size fits, models one of whose released sizes fits), among those ``keep`` admits."""
    largest = {m for m, e in catalog.models.items() if e.params.max_millions and fits(e.params.max_millions) and keep(e)}
    some = {m for m, e in catalog.models.items() if any(fits(s) for s in released_sizes(e)) and keep(e)}
    return largest, some


CASES = [
    ("en", "anything in the catalog below eighty million parameters?", lambda s: s < 80, None),
    ("en", "list the models sized from 2B up to 8B", lambda s: 2_000 <= s <= 8_000, None),
    ("en", "decoder-only models smaller than 1.4 billion parameters", lambda s: s < 1_400, "decoder"),
    ("en", "how many encoders have fewer than 150M params?", lambda s: s < 150, "encoder"),
    ("zh", "参数在 5亿 到 20亿 之间的模型有哪些", lambda s: 500 <= s <= 2_000, None),
    ("zh", "不到三亿参数的解码器模型", lambda s: s < 300, "decoder"),
]


@pytest.mark.parametrize("language, question, fits, arch", CASES, ids=[c[1] for c in CASES])
def test_a_plain_size_bound_lists_the_largest_size_then_any_released_size(plain, catalog, language, question, fits, arch):
    largest, some = _sets(catalog, fits, lambda e: arch is None or e.architecture.value == arch)
    assert some - largest, "the case must tell the two readings apart"
    answer = plain.ask(question)
    before, heading, after = answer.text.partition(HEADING[language])
    assert heading, answer.text
    assert _named(before, catalog) == largest
    assert _named(after, catalog) == some - largest
    assert set(answer.models) == some | largest
    assert READING[language] in answer.text
    assert {c.model for c in answer.citations} >= some | largest  # every model named is cited


ONE_READING = [
    "models whose largest version is under 1B",
    "models with no version above 10B",
    "models with more than 100B parameters",
    "which models are not under 1B parameters?",
    "最大版本在 10亿 以下的模型",
]


@pytest.mark.parametrize("question", ONE_READING)
def test_words_that_tie_a_bound_to_one_version_leave_one_reading(plain, question):
    answer = plain.ask(question)
    assert not any(h in answer.text for h in HEADING.values()), answer.text
    assert not any(r in answer.text for r in READING.values())


def test_when_no_largest_size_fits_the_released_sizes_still_answer(plain, catalog):
    fits = lambda s: s < 20  # noqa: E731  (no largest size is under 20M in the paper's catalog)
    largest, some = _sets(catalog, fits)
    assert not largest and some
    answer = plain.ask("models with under 20M parameters")
    assert not answer.abstained and HEADING["en"] in answer.text
    assert set(answer.models) == some


# Other ways people write a size: alternatives ("a 7B or 8B version"), a prefix ("Sub-1B", capitalised at the start
# of a sentence, is no model name), the same number restated in a bracket ("一兆（一万亿）参数以上"), and a bound
# on the parameters active per token written after the number ("30B parameters active per token").
SIZE_WORDINGS = [
    ("Which models come in a 7B or 13B version?", lambda e, s: any(abs(x - v) < 1 for x in s for v in (7_000, 13_000))),
    ("decoders offered in 1.3B / 2.7B / 6.7B sizes?", lambda e, s: e.architecture.value == "decoder"
     and any(abs(x - v) < 1 for x in s for v in (1_300, 2_700, 6_700))),
    ("有 8B 或 70B 版本的模型", lambda e, s: any(abs(x - v) < 1 for x in s for v in (8_000, 70_000))),
    ("Sub-1B models built by Google?", lambda e, s: "Google" in e.lab_keys and max(s) < 1_000),
    ("Over-100B decoders", lambda e, s: e.architecture.value == "decoder" and max(s) > 100_000),
    ("一兆（一万亿）参数以上的模型", lambda e, s: max(s) > 1_000_000),
    ("參數在 1750億（175B）以上的模型", lambda e, s: max(s) > 175_000),  # a bare 以上 is strict
    ("參數在 1750億（175B）及以上的模型", lambda e, s: max(s) >= 175_000),
]


@pytest.mark.parametrize("question, keep", SIZE_WORDINGS, ids=[q for q, _ in SIZE_WORDINGS])
def test_sizes_written_as_people_write_them(full, full_catalog, question, keep):
    answer = full.ask(question)
    assert not answer.query["unknown_names"], answer.query["unknown_names"]
    expected = {m for m, e in full_catalog.models.items() if released_sizes(e) and keep(e, released_sizes(e))}
    assert selected(full_catalog, answer) == expected


ACTIVE_AFTER = [("models with at least thirty billion parameters active per token", lambda x: x >= 30_000),
                ("which models have fewer than 15B params active per token?", lambda x: x < 15_000)]


@pytest.mark.parametrize("question, fits", ACTIVE_AFTER, ids=[q for q, _ in ACTIVE_AFTER])
def test_a_bound_before_parameters_active_per_token_bounds_the_active_size(full, full_catalog, question, fits):
    from assistant.facets import is_active

    expected = {m for m, e in full_catalog.models.items() if any(is_active(v) and fits(v.millions) for v in e.params.variants)}
    assert expected and set(full.ask(question).models) == expected


# A size written against a model's name ("LLaMA-175B", "the 13B GPT-2") is a size said of that model: a premise,
# corrected with the sizes the catalog records when none of them is that size, and silently true when one is.
NAMED_SIZES = [("who made LLaMA-175B?", "llama", 175_000), ("when was the 13B GPT-2 released?", "gpt-2", 13_000),
               ("what corpus was the 7B Chinchilla trained on?", "chinchilla", 7_000),
               ("who built LLaMA 65B", "llama", 65_000), ("licence of the 12B Pythia?", "pythia", 12_000)]


@pytest.mark.parametrize("question, model, size", NAMED_SIZES, ids=[q for q, *_ in NAMED_SIZES])
def test_a_size_written_against_a_name_is_checked(full, full_catalog, question, model, size):
    answer = full.ask(question)
    premises = answer.query["premises"]
    assert [(p["model"], p["constraint"]["facet"], p["constraint"]["values"]) for p in premises] == [(model, "size", [size])]
    recorded = any(abs(x - size) < 1 for x in released_sizes(full_catalog.models[model]))
    shown = f"{size // 1000}B"
    assert (f"not {shown}" in answer.text) is not recorded, answer.text


def test_a_size_inside_a_span_the_catalog_gives_is_not_corrected(full):
    """T5's sizes are recorded as "Up to 11B" and OPT's as "125M to 175B": a 3B T5 or a 13B OPT is not contradicted."""
    for question, size in (("what license does T5-3B have?", "3B"), ("who made OPT-13B?", "13B")):
        answer = full.ask(question)
        assert answer.query["premises"] and f"not {size}" not in answer.text, answer.text
    assert "not 300B" in full.ask("who made OPT-300B?").text  # beyond the span: corrected
