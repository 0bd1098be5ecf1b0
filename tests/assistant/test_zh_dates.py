"""A date given as the answer in Chinese carries the catalog's own year-month beside the Chinese month
("2024年5月（2024-05）"), as a size carries its English form: a fact, the verdict of a comparison by date and the
winner of a superlative by date. List lines keep the short Chinese month."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("question, model", [
    ("DeepSeek-V3 是哪一年哪个月发布的？", "deepseek-v3"),
    ("ELECTRA 的發布時間", "electra"),
    ("Phi-3 什么时候出的", "phi-3"),
])
def test_a_date_fact_gives_the_month_both_ways(full, question, model):
    entry = full.catalog.models[model]
    text = full.ask(question).text
    assert f"{entry.date.year}年{entry.date.month}月（{entry.date}）" in text


def test_a_comparison_by_date_gives_both_months_both_ways(full):
    text = full.ask("Qwen2 和 Qwen2.5 谁先发布？").text
    for model in ("qwen2", "qwen2.5"):
        assert f"（{full.catalog.models[model].date}）" in text


def test_the_earliest_model_gives_its_month_both_ways(full):
    answer = full.ask("谷歌最早的编码器模型是哪个")
    winner = full.catalog.models[answer.models[0]] if answer.models else None
    assert winner is not None and f"（{winner.date}）" in answer.text


def test_list_lines_keep_the_short_month(full):
    text = full.ask("2019年发布的编码器模型").text
    assert "2019年" in text and "（2019-" not in text


def test_english_dates_are_unchanged(full):
    assert "May 2024" in full.ask("when was DeepSeek-V2 released?").text
