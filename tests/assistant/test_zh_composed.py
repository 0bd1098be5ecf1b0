"""Sentences the assistant composes itself are Chinese in a Chinese answer: the long-list note,
breakdown rows, the note on an added model, the Sources heading of a split answer; catalog
free text (corpus, application, licence) stays as written but is quoted as catalog text."""

from __future__ import annotations

import re

import pytest

from assistant.paginate import page


def test_the_long_list_note_follows_the_language():
    shown, note = page(list(range(30)), limit=10, language="zh")
    assert shown == list(range(10)) and "30" in note and "10" in note and re.search(r"[\u4e00-\u9fff]", note)
    assert not re.search(r"\b(models|match|listed)\b", note)
    _, english = page(list(range(30)), limit=10)
    assert "the first 10" in english


@pytest.mark.parametrize("question, english_words", [
    ("每种架构各有多少个模型？", ("decoder", "encoder")),
    ("按许可统计模型数量", ("open", "closed", "limited")),
    ("每个预训练目标有多少模型", ("causal", "masked")),
])
def test_breakdown_rows_are_named_in_chinese(plain, question, english_words):
    answer = plain.ask(question)
    rows = [line for line in answer.text.splitlines() if line.startswith("| ") and "---" not in line][1:]
    assert rows, answer.text
    for row in rows:
        assert not any(re.search(rf"\b{w}\b", row, re.I) for w in english_words), row


def test_the_note_on_an_added_model_dates_it_in_chinese(full):
    text = full.ask("Phi-3的训练语料是什么？").text
    assert "Phi-3（2024年4月）" in text and "April" not in text


def test_catalog_free_text_is_quoted_as_catalog_text(full):
    corpus = full.catalog.models["phi-3"].corpus
    assert f"（目录原文）：“{corpus}”" in full.ask("Phi-3的训练语料是什么？").text
    licence = full.catalog.models["llama-2"].license
    assert f"“{licence}”" in full.ask("Llama 2用的是什么许可？").text


def test_a_split_answer_keeps_chinese_headings(full):
    text = full.ask("Qwen系列有哪些模型？").text
    assert "**来源**" in text and "**Sources**" not in text


@pytest.mark.parametrize("question, model", [("Orca的权重发布了吗？", "orca"), ("可以下载Llama 2吗？", "llama-2")])
def test_weights_and_download_questions_in_chinese_ask_for_the_licence(full, question, model):
    answer = full.ask(question)
    assert full.catalog.models[model].license in answer.text and answer.models == [model]


@pytest.mark.parametrize("question", ["哪些模型连最大的版本都不到 1 亿参数？", "最大的版本超过1000亿参数的谷歌模型"])
def test_the_largest_version_names_the_measure_not_a_ranking(plain, question):
    """"even the largest version is under 100M": a bound on every model's largest variant, a list, not "the largest model"."""
    answer = plain.ask(question)
    assert len(answer.models) > 1 and "参数量最大的模型" not in answer.text
