"""Round 25, abstain: questions the catalog cannot answer, and the ones it must still answer.

- A word the catalog has as a model's or a lab's name, said in its everyday sense (the animal, the flower, the
  wind, the star sign, the lab's phone or shop: "what do alpacas eat?", "how do I cancel Amazon Prime?", 亚马逊雨林有多大)
  is an off-topic question, never the model or the lab's models (lexicon ``everyday_senses``, zh ``off_topic``);
  the same names asked about as models are answered.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("question", [
    "what do alpacas eat?",
    "how fast does a peregrine falcon dive?",
    "where do wild vicuñas live?",
    "are orcas dangerous to humans?",
    "when do cherry trees bloom in Kyoto?",
    "is the mistral wind cold in winter?",
    "which star sign comes after gemini in the zodiac?",
    "how tall can a palm tree get?",
    "who was Minerva in Roman mythology?",
    "what's the best game on the Nintendo Switch?",
    "how do I get my Amazon Prime refund?",
    "how do I change my Google password?",
    "how many calories does a baked apple pie have?",
    "is the Meta Quest 3 headset worth it?",
    "how do I activate Microsoft Office?",
    "who is the drummer of the rock band Falcon?",
    "how long is OPT for international students on an F-1 visa?",
    "how do I become a certified yoga instructor?",
])
def test_a_name_in_its_everyday_sense_is_off_topic(full, question):
    answer = full.ask(question)
    assert answer.abstained and not answer.models, (question, answer.text[:200])
    assert answer.query["reason"] == "off_topic", answer.query["reason"]


@pytest.mark.parametrize("question", [
    "亚马逊雨林有多大",
    "谷歌地图怎么离线使用",
    "苹果手机电池不耐用怎么办",
    "猎鹰九号火箭能回收吗",
    "天蝎座和双子座合得来吗",
    "百度网盘下载太慢怎么办",
])
def test_a_name_in_its_everyday_sense_is_off_topic_in_chinese(full, question):
    answer = full.ask(question)
    assert answer.abstained and not answer.models, (question, answer.text[:200])


@pytest.mark.parametrize("question, model", [
    ("when did Falcon come out?", "falcon"),
    ("who made Alpaca?", "alpaca"),
    ("what license does Dolly have?", "dolly"),
    ("what is BLOOM trained on?", "bloom"),
    ("is Gemini multimodal?", "gemini-1.0"),
    ("does Whisper do translation?", "whisper"),
])
def test_the_same_names_asked_as_models_are_answered(full, question, model):
    answer = full.ask(question)
    assert not answer.abstained and model in answer.models, (question, answer.text[:200])


@pytest.mark.parametrize("question", ["which Amazon models are encoder-decoders?", "亚马逊有哪些模型",
                                      "which Microsoft models are open source?"])
def test_a_lab_asked_for_its_models_is_answered(full, question):
    answer = full.ask(question)
    assert not answer.abstained and answer.models, (question, answer.text[:200])
