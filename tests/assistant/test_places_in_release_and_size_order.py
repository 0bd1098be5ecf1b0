"""A place in a set's release order said with the set's owner ("Meta's second model", "DeepMind 的第三个模型") is that
place among the earliest, as "Meta's first model" is the earliest; a place in the size order said with many / few after
the measure ("参数第二多", "参数量第三少") is that place among the largest / smallest."""

from __future__ import annotations

import pytest


def _nth(catalog, keep, n, key, reverse=False):
    values = sorted({key(m) for m in catalog.models.values() if keep(m) and key(m) is not None}, reverse=reverse)
    return {m.id for m in catalog.models.values() if keep(m) and key(m) == values[n - 1]}


@pytest.mark.parametrize("question, lab, n", [
    ("what was Meta's second model?", "Meta", 2),
    ("Google's third release?", "Google", 3),
    ("OpenAI 发布的第二个模型是哪个", "OpenAI", 2),
    ("按发布时间排，DeepMind 的第三个模型是什么", "DeepMind", 3),
])
def test_a_labs_nth_model_is_its_nth_earliest(plain, catalog, question, lab, n):
    answer = plain.ask(question)
    expected = _nth(catalog, lambda m: lab in m.lab_keys, n, lambda m: m.date.key)
    assert set(answer.models) == expected, answer.text
    assert answer.query["superlative"]["field"] == "date" and answer.query["superlative"]["rank"] == n, answer.query


@pytest.mark.parametrize("question, arch, n, largest", [
    ("编码器模型中参数第二多的是哪个", "encoder", 2, True),
    ("参数量第三多的解码器模型", "decoder", 3, True),
    ("解碼器模型裡參數第二少的是哪個", "decoder", 2, False),
])
def test_a_place_said_with_many_or_few_after_the_measure(plain, catalog, question, arch, n, largest):
    answer = plain.ask(question)
    size = (lambda m: m.params.max_millions) if largest else (lambda m: min((v.millions for v in m.params.variants), default=None))
    expected = _nth(catalog, lambda m: m.architecture.value == arch, n, size, reverse=largest)
    assert set(answer.models) == expected, answer.text
