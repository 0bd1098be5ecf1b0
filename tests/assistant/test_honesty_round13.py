"""Honesty kinds (round 13): an unrecorded fact asked through its verb, its unit or a Chinese noun is declined; a name
the catalog does not hold is declined by that name however it is written (mixed case, lower case with a tier word,
a lab's tag, beside a catalog model); a catalog model named with one of its own versions is that model; a count of
a named model's parameters after a stated premise is a fact of the model, not a count of models.

Each test names a kind of question, with wordings no failing example used."""

from __future__ import annotations

import pytest

from assistant.query import Intent


# A fact the catalog does not record (downloads, the energy a training run used, the time to produce one output, the
# width of an embedding), asked through a verb ("been downloaded"), a unit or bill ("electricity", "几毫秒") or a
# Chinese noun ("维度"): declined, never the model's overview, a premise about its domain, nor a count of models.
@pytest.mark.parametrize("q", [
    "How often has Mistral 7B been downloaded?",
    "What was the electricity bill for training PaLM?",
    "How many seconds does DALL-E 2 need to make one image?",
    "What is the embedding width of RoBERTa?",
    "Llama 2 在 Hugging Face 上被下载了多少次",
    "SAM 分割一张图要几毫秒",
    "BERT 的向量维度是多少",
])
def test_an_unrecorded_fact_asked_by_its_verb_or_unit_is_declined(full, q):
    answer = full.ask(q)
    query = full._understand(q)
    assert answer.abstained and query.unrecorded and answer.intent is not Intent.COUNT, answer.text[:200]


# A name outside the catalog, declined by that name: written with mixed case though its letters spell an English word
# ("CoCa"), in lower case with a product tier and a version after a lab's name ("mistral medium 3"), as a short tag
# after a lab's possessive ("DeepSeek's R2"), or beside a catalog model it is compared with ("Baize ... Alpaca").
@pytest.mark.parametrize("q, name", [
    ("What objective does CoCa use?", "CoCa"),
    ("PaLI 是谁做的", "PaLI"),
    ("mistral medium 3 release date", "mistral medium 3"),
    ("DeepSeek's R2 有多少参数", "R2"),
    ("Is Baize bigger than Alpaca?", "Baize"),
    ("Vicuna 和 Guanaco 哪个参数更多", "Guanaco"),
])
def test_a_name_outside_the_catalog_is_declined_by_that_name(full, q, name):
    answer = full.ask(q)
    assert answer.abstained and name in answer.text.split("\n")[0], answer.text[:200]


# A catalog model followed by one of its own released versions ("Dolly v1", "Dolly-v2"): that model, answered.
@pytest.mark.parametrize("q", [
    "Dolly v1 是基于哪个模型微调的",
    "How big is Dolly-v2?",
])
def test_a_model_named_with_its_own_version_is_that_model(full, q):
    answer = full.ask(q)
    assert not answer.abstained and full._understand(q).models == ["dolly"], answer.text[:200]


# A premise about a model's size, then "how many of them/those ..." about its parameters: the model's parameters (its
# active ones), never a count of models.
@pytest.mark.parametrize("q, value", [
    ("Mixtral 8x7B has 56B parameters, right? How many of them get used per token?", "13B"),
    ("DeepSeek-V2 has about a trillion weights, right? How many of these actually fire per token?", "21B"),
])
def test_how_many_of_them_after_a_size_premise_asks_the_models_parameters(full, q, value):
    answer = full.ask(q)
    assert answer.intent is not Intent.COUNT and value in answer.text, answer.text[:200]


# A name the catalog writes only in its prose about another model (a part of it: "NFNet" in Flamingo's note), asked a
# field of: no entry, declined by that name, never a list of models by a domain it suggests.
@pytest.mark.parametrize("q, name", [("When did the Perceiver come out?", "Perceiver"), ("FastChat 用的是什么预训练目标", "FastChat")])
def test_a_name_written_only_in_another_models_prose_is_declined(full, q, name):
    answer = full.ask(q)
    assert answer.abstained and name in answer.text.split("\n")[0], answer.text[:200]


# Releasing said with a phrasal verb ("put out", "push out") and the catalog named as the source after it ("according
# to the catalog"): a count of the lab's models, every word read, never "not understood".
@pytest.mark.parametrize("q, n", [
    ("Count the models NVIDIA has put out, according to your catalog.", "3"),
    ("How many models did DeepSeek push out according to the catalog?", "4"),
])
def test_a_count_with_a_phrasal_release_verb_and_a_source_is_a_count(full_assistant, q, n):
    answer = full_assistant.ask(q)
    assert answer.intent is Intent.COUNT and not answer.abstained and n in answer.text, answer.text[:300]
    assert "not understood" not in answer.text


# A wrong parent asserted in a clause before the question ("X was built on Y, right? How big is it?"): the correction
# names the true parent, which is cited and is one of the answer's models.
@pytest.mark.parametrize("q, parent", [
    ("Vicuna was built on top of GPT-J, right? How big is it?", "llama"),
    ("Given that Zephyr is a fine-tune of Llama 2, who made it?", "mistral-7b"),
])
def test_a_wrong_parent_is_corrected_with_the_true_parent_cited(full, q, parent):
    answer = full.ask(q)
    assert parent in answer.models and any(c.model == parent for c in answer.citations), answer.text[:200]


# Chinese: the data a model was trained with, said with the past form of "use" around it ("用了…语料训练", "用了…论文数据
# 训练"): its corpus, never its paper nor its overview.
@pytest.mark.parametrize("q", ["BLOOM 用了什么语料训练", "Galactica 用了哪些论文数据训练"])
def test_chinese_data_used_in_the_past_form_asks_for_the_corpus(full, q):
    from assistant.query import Attribute

    query = full._understand(q)
    assert query.intent is Intent.FACT and Attribute.CORPUS in query.attributes, query
