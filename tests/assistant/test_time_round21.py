"""Round 21, time: the months between two named releases asked as a trip, and "who came later" in Chinese.

- A trip from one named model to another with a bare question of time ("how long did it take from A to B?", "A to B
  -- how much time?", "A to B, how long did that take?", "how long was it from A to B?") asks how far apart the two
  came out: the months between their dates, never an unrecorded training time. A word of work ("to train") keeps
  the training-time reading.
- A bare version tag after "after A did ..." ("how long after DeepSeek-V3 did R1 come out") names A's stem at that
  tag, as after "to" or "vs".
- Chinese 晚 ("ERNIE 跟 BERT 谁晚"): later, as 早 is earlier; the date comparison, not the labs.

Expected months come from the catalog's dates.
"""

from __future__ import annotations

import pytest


def _months(catalog, a, b):
    x, y = catalog.models[a].date, catalog.models[b].date
    return abs((y.year - x.year) * 12 + y.month - x.month)


@pytest.mark.parametrize("question, a, b", [
    ("how long did it take from BERT to RoBERTa?", "bert", "roberta"),
    ("T5 to Flan-T5 — how much time?", "t5", "flan-t5"),
    ("GPT-3 to GPT-4, how long did that take?", "gpt-3", "gpt-4"),
    ("how long was it from GPT-2 to GPT-3", "gpt-2", "gpt-3"),
    ("how much time was it from Gemma to Gemma 2?", "gemma", "gemma-2"),
    ("from OPT to BLOOM, how long did it take?", "opt", "bloom"),
    ("how many months was it from Chinchilla to Sparrow?", "chinchilla", "sparrow"),
])
def test_a_trip_between_two_releases_is_their_gap_not_a_training_time(full, question, a, b):
    answer = full.ask(question)
    n = _months(full.catalog, a, b)
    assert answer.query["intent"] == "compare" and not answer.abstained, (answer.query, answer.text[:200])
    assert set(answer.models) == {a, b}
    assert f"{n} month" in answer.text.split("\n\n")[0], answer.text[:300]


@pytest.mark.parametrize("question", [
    "how long did it take to train GPT-3?",
    "how long did it take to train from T5 to Flan-T5?",
    "how long did PaLM take to train?",
])
def test_a_word_of_work_keeps_the_training_time(full, question):
    answer = full.ask(question)
    assert answer.abstained and "training cost" in answer.text, answer.text[:200]


@pytest.mark.parametrize("question, a, b", [
    ("how long after DeepSeek-V3 did R1 come out", "deepseek-v3", "deepseek-r1"),
    ("how many months after Llama 2 did 3 arrive?", "llama-2", "llama-3"),
])
def test_a_bare_tag_after_did_names_the_stem_at_that_tag(full, question, a, b):
    if b not in full.catalog.models:
        pytest.skip(f"{b} not in the catalog")
    answer = full.ask(question)
    n = _months(full.catalog, a, b)
    assert set(answer.models) == {a, b}, answer.models
    assert f"{n} month" in answer.text.split("\n\n")[0], answer.text[:300]


@pytest.mark.parametrize("question, later", [
    ("ERNIE 跟 BERT 谁晚", "ernie"),
    ("GPT-2 和 GPT-3 哪个晚", "gpt-3"),
    ("T5 和 GPT-3 谁比较晚", "gpt-3"),
    ("XLNet 与 RoBERTa 谁更迟", "roberta"),
])
def test_later_in_chinese_compares_dates(full, question, later):
    q = full._understand(question)
    assert q.intent.value == "compare" and q.order[:1] == ["date"], q
    answer = full.ask(question)
    assert answer.text.startswith(full.catalog.models[later].name), answer.text[:200]


@pytest.mark.parametrize("question, first", [
    ("put the Gemma models newest to oldest", "newest first"),
    ("sort the Qwen generations oldest to newest", "oldest first"),
    ("arrange the Llama models smallest to largest", "smallest first"),
    ("list DeepSeek's models biggest to smallest", "largest first"),
])
def test_an_order_from_one_extreme_to_the_other_without_from_sorts_the_set(full, question, first):
    answer = full.ask(question)
    assert len(answer.models) >= 2 and first in answer.text.split("\n\n")[0], answer.text[:200]


@pytest.mark.parametrize("question, model, parent", [
    ("Phi-4 的前一代是什么时候发布的", "phi-4", "phi-3"),
    ("Qwen2.5 的前一代模型是哪个", "qwen2.5", "qwen2"),
])
def test_the_previous_generation_in_chinese_is_the_predecessor(full, question, model, parent):
    if parent not in full.catalog.models[model].derived_from:
        pytest.skip(f"{parent} is not recorded as {model}'s parent")
    q = full._understand(question)
    assert "top" not in q.text and q.superlative is None, q
    answer = full.ask(question)
    assert parent in answer.models, (answer.models, answer.text[:200])


@pytest.mark.parametrize("question", [
    "which decoder is the runner-up in size?",
    "runner-up by parameter count among encoder-decoder models",
])
def test_the_runner_up_in_size_is_the_second_largest(full, question):
    q = full._understand(question)
    assert q.superlative is not None and q.superlative.rank == 2 and q.superlative.field == "params", q
    second = full.ask(question.replace("the runner-up in size", "the second largest").replace(
        "runner-up by parameter count", "the second largest"))
    assert full.ask(question).models[:1] == second.models[:1], second.models


@pytest.mark.parametrize("question, phrase", [
    ("which Google model is smallest, taking each model at its largest size?", "largest variant"),
    ("smallest Meta model, counting every model at its biggest version", "largest variant"),
    ("the largest OpenAI model at its smallest size", "smallest variant"),
])
def test_a_variant_said_with_at_is_the_measure_not_the_direction(full, question, phrase):
    q = full._understand(question)
    want_largest = "largest" in question.split(",")[0].split(" at ")[0]
    assert q.superlative is not None and q.superlative.largest is want_largest, q
    assert q.superlative.measure == phrase.split()[0], q


@pytest.mark.parametrize("question, a, b", [
    ("从 GPT-3 到 GPT-4 用了多长时间", "gpt-3", "gpt-4"),
    ("OPT 到 BLOOM 用了多久", "opt", "bloom"),
    ("从 T5 到 Flan-T5 花了几个月", "t5", "flan-t5"),
])
def test_a_trip_between_two_releases_in_chinese_is_their_gap(full, question, a, b):
    answer = full.ask(question)
    n = _months(full.catalog, a, b)
    assert not answer.abstained and set(answer.models) == {a, b}, answer.text[:200]
    assert f"{n}个月" in answer.text.split("\n\n")[0], answer.text[:300]


@pytest.mark.parametrize("question", ["训练 GPT-3 花了多长时间", "GPT-3 训练用了几个月"])
def test_a_word_of_work_in_chinese_keeps_the_training_time(full, question):
    assert full.ask(question).abstained
