"""Facts the catalog states only in free text (languages covered, training tokens): quoted from the
entry's corpus line, key points or summary with the citation, or abstained on when it is silent."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("question, model, quoted", [
    ("how many languages does BLOOM's training data cover?", "bloom", "46 natural + 13 programming languages"),
    ("BLOOM 的训练数据覆盖多少种语言？", "bloom", "46 natural + 13 programming languages"),
    ("XLM-RoBERTa支持几种语言", "xlm-roberta", "100 languages"),
    ("number of languages XLM-RoBERTa was trained on", "xlm-roberta", "100 languages"),
    ("how many tokens was Chinchilla trained on?", "chinchilla", "1.4T training tokens"),
    ("Chinchilla 用了多少个 token 训练？", "chinchilla", "1.4T training tokens"),
    ("BERT 的训练词元数是多少", "bert", "3.3B tokens"),
])
def test_a_fact_stated_in_the_entry_is_quoted_and_cited(plain, question, model, quoted):
    answer = plain.ask(question)
    assert not answer.abstained and answer.models == [model], answer.text
    assert quoted in answer.text and "[1]" in answer.text
    assert answer.citations and answer.citations[0].model == model


@pytest.mark.parametrize("question, model", [
    ("how many languages does Chinchilla cover?", "chinchilla"),
    ("Chinchilla 的训练数据覆盖多少种语言？", "chinchilla"),
    ("how many tokens was GPT-2 trained on?", "gpt-2"),  # its only token figure is the context window
    ("GPT-2 用了多少词元训练？", "gpt-2"),
])
def test_a_fact_the_entry_does_not_state_is_abstained_on(plain, question, model):
    answer = plain.ask(question)
    assert answer.abstained and not answer.citations
    assert answer.query["unrecorded"] and answer.query["models"] == [model]


def test_a_question_asking_a_recorded_field_too_gets_both(plain):
    answer = plain.ask("what languages and what data was XLM-RoBERTa trained on?")
    assert "100 languages" in answer.text and "CC-100" in answer.text and not answer.abstained
