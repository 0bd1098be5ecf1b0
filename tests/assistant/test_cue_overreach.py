"""Cue words that reached past their own kind, each read again as the question means it.

- An inclusion word after a size bound ("under 10B, inclusive") says whether the bound's number counts; with a
  noun phrase after it ("over 100B, excluding the Meta ones") it leaves models out, and the exclusion stays.
- "order" sorts only as a verb of sorting ("order them by ..."); "two sentences in the right order" describes an
  objective.
- An amount of data in hours ("多少小时的音频", "how many hours of speech") is the corpus, not training time or a
  count of models.
- Regional words the traditional-to-simplified conversion keeps (雜訊 for 噪声) read as the lexicon's words.
"""

from __future__ import annotations

import pytest

from assistant.query import Not


def _negated(q, facet):
    return [c.item for c in q.where.items if isinstance(c, Not) and getattr(c.item, "facet", None) == facet]


@pytest.mark.parametrize("question, facet", [
    ("anything bigger than 50 billion params, excluding the Meta ones", "lab"),
    ("models above 100B parameters excluding everything from DeepMind", "lab"),
    ("Models over 20B, not including the LLaMA family", "family"),
])
def test_an_exclusion_after_a_size_bound_still_leaves_models_out(full, question, facet):
    q = full._understand(question)
    assert _negated(q, facet), q.where
    assert not [c for c in q.where.items if getattr(c, "facet", None) == facet]  # never the positive value


@pytest.mark.parametrize("question, op", [("models under 10B, inclusive", "le"), ("models over 7B (exclusive)", "gt"),
                                          ("models between 1B and 10B, excluding 10B", "lt")])
def test_an_inclusion_word_that_ends_the_bound_still_sets_it(full, question, op):
    q = full._understand(question)
    assert op in [c.op.value for c in q.where.items if getattr(c, "facet", None) == "size"]


@pytest.mark.parametrize("question", ["models trained to tell if two sentences are in the correct order",
                                      "which models predict whether a pair of sentences was put in its proper order?"])
def test_order_in_a_description_is_no_ranking(full_assistant, full_catalog, question):
    answer = full_assistant.ask(question)  # a description: read by the paraphrase matcher, which needs the encoder
    sop = {m for m, e in full_catalog.models.items() if any(getattr(o, "value", o) == "sop" for o in e.objectives)}
    assert sop and set(answer.models) == sop


@pytest.mark.parametrize("question", ["Whisper 的训练数据有多少小时的音频？", "Whisper 訓練時用了多少個小時的語音資料",
                                      "whisper was trained on how many hours of speech?"])
def test_hours_of_data_are_the_corpus_not_training_time(full, question):
    answer = full.ask(question)
    assert not answer.abstained and "680" in answer.text and answer.models == ["whisper"]


@pytest.mark.parametrize("question", ["哪些模型從雜訊中一步步還原出圖片？", "從純雜訊逐步去噪來生成影像的模型有哪些"])
def test_regional_words_read_as_the_lexicon_words(full, question):
    q = full._understand(question)
    assert "diffusion" in [getattr(v, "value", v) for c in q.where.items if getattr(c, "facet", None) == "objective" for v in c.values], q.where
