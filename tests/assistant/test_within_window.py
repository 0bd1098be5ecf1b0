"""A window of time around a model's release: "within a year of BERT" (either side), "no more than six months after
GPT-3" (after only), "less than a year before ChatGPT" (before only); the model itself is left out. These read as
a fact about the model, or as "after GPT-3" with the window's words unread."""

from __future__ import annotations

import pytest

from tests.assistant.spec import where_read as _read


@pytest.mark.parametrize("question, reading", [
    ("models that came out within a year of BERT", "date ≥ 2017-10 (as BERT) AND date ≤ 2019-10 (as BERT)"),
    ("models released no more than six months after GPT-3", "date ≥ 2020-05 (as GPT-3) AND date ≤ 2020-11 (as GPT-3)"),
    ("anything from less than a year before ChatGPT?", "date ≥ 2021-11 (as ChatGPT) AND date ≤ 2022-11 (as ChatGPT)"),
    ("which encoders appeared within 18 months of RoBERTa",
     "date ≥ 2018-01 (as RoBERTa) AND date ≤ 2021-01 (as RoBERTa) AND architecture = encoder"),
    ("BERT 发布后一年内出的模型", "date ≥ 2018-10 (as BERT) AND date ≤ 2019-10 (as BERT)"),
    ("PaLM 之前半年内发布的模型", "date ≥ 2021-10 (as PaLM) AND date ≤ 2022-04 (as PaLM)"),
])
def test_a_window_around_a_model(full, question, reading):
    assert _read(full, question).startswith(reading)


def test_the_window_lists_the_models_dated_in_it_but_the_model(full):
    answer = full.ask("models that came out within a year of BERT")
    bert = full.catalog.models["bert"].date.key
    assert answer.models and "bert" not in answer.models
    assert all(abs((full.catalog.models[m].date.key // 100 - bert // 100) * 12 + full.catalog.models[m].date.key % 100
                   - bert % 100) <= 12 for m in answer.models)
