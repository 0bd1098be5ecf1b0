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


# - Unrecorded facts in more wordings: emissions and error rates in Chinese (二氧化碳, 词错误率), the most context said
#   with a superlative (上下文最长, "the longest context"), depth by comparison ("the deepest", "deeper than"), a speed
#   counted in tokens ("how many tokens a second", 每秒能生成多少 token) that is no training-token count.
@pytest.mark.parametrize("question, what", [
    ("训练 Gopher 排放了多少二氧化碳", "training cost"),
    ("BLOOM 的碳足迹有多大", "training cost"),
    ("Whisper 在 LibriSpeech 上的词错误率", "benchmark scores"),
    ("Meta 的模型里哪个上下文最长", "context length"),
    ("which OpenAI model has the longest context?", "context length"),
    ("which is the deepest Google model?", "number of layers"),
    ("is GPT-3 deeper than Gopher?", "number of layers"),
    ("how many tokens a second can Falcon generate?", "inference speed"),
    ("Mistral 7B 每秒能生成多少 token", "inference speed"),
])
def test_more_wordings_of_unrecorded_facts(full, question, what):
    answer = full.ask(question)
    assert answer.abstained and not answer.models, (question, answer.text[:200])
    assert answer.query["unrecorded"] == [what], answer.query["unrecorded"]


def test_a_long_context_stays_the_long_context_trait(full):
    answer = full.ask("which Google models have a long context?")
    assert not answer.abstained and answer.models and not answer.query["unrecorded"], answer.text[:200]


# - A benchmark named in the question is the score asked: a key point with another benchmark's score is not quoted
#   (lexicon ``unrecorded_named``); the named one still is.
def test_a_named_benchmark_is_not_answered_by_another(full):
    answer = full.ask("what does Phi-3 score on HumanEval?")
    assert answer.abstained and not answer.models, answer.text[:200]
    said = full.ask("what does Phi-3 score on MMLU?")
    assert not said.abstained and "69%" in said.text, said.text[:200]


# - A size tier beside a model's name ("GPT-2 small", "the small Whisper model") names one of its sizes, not the
#   efficient trait asserted of it: the unrecorded fact is abstained on with no correction.
@pytest.mark.parametrize("question", ["how many attention heads does GPT-2 small have?", "what's the hidden size of T5 small?",
                                      "vocabulary size of the small Whisper model"])
def test_a_size_tier_beside_a_name_is_no_trait_claim(full, question):
    answer = full.ask(question)
    assert answer.abstained and not answer.models, (question, answer.text[:200])
    assert not answer.query["premises"], answer.query["premises"]


# - Casual and indirect wordings of unrecorded facts: the context shortened or said as the prompt's length ("ctx",
#   "max prompt length", "is its context 4096 tokens?"), a training bill said in the past ("how much did it cost Meta
#   to train"), the memory to run a model, the fastest or cheapest model (a value asked by a superlative of speed).
@pytest.mark.parametrize("question, what", [
    ("ctx length of RoBERTa?", "context length"),
    ("what's the maximum prompt length of GPT-4?", "context length"),
    ("is LLaMA's context 4096 tokens?", "context length"),
    ("how much did OPT cost Meta to train?", "training cost"),
    ("how much memory does Llama 2 70B need?", "inference speed"),
    ("which Google model is the fastest at inference?", "inference speed"),
])
def test_casual_wordings_of_unrecorded_facts(full, question, what):
    answer = full.ask(question)
    assert answer.abstained and not answer.models, (question, answer.text[:200])
    assert answer.query["unrecorded"] == [what], answer.query["unrecorded"]


def test_a_context_said_beside_it_is_quoted_from_the_key_points(full):
    answer = full.ask("what's the max prompt length for Claude 3?")
    assert not answer.abstained and "200K" in answer.text, answer.text[:200]


# - A product tier after a catalog name that none of the model's names ends with ("GPT-4 Turbo", "GPT-4o mini",
#   "Qwen Max") is another model, not in the catalog (linking ``_own_tier``); the model's own tiers stay it.
@pytest.mark.parametrize("question, name", [
    ("who released GPT-4 Turbo?", "GPT-4 Turbo"),
    ("is GPT-4o mini multimodal?", "GPT-4o mini"),
    ("Qwen Max 是谁做的", "Qwen Max"),
])
def test_a_tier_the_entry_never_names_is_an_unknown_model(full, question, name):
    answer = full.ask(question)
    assert answer.abstained and not answer.models, (question, answer.text[:200])
    assert name.lower() in " ".join(answer.query["unknown_names"]).lower(), answer.query["unknown_names"]


@pytest.mark.parametrize("question, model", [
    ("who made Claude 3 Haiku?", "claude-3"),
    ("when did Gemini 1.5 Flash come out?", "gemini-1.5"),
    ("is Gemini 1.0 Pro open?", "gemini-1.0"),
    ("how big is phi-3 mini?", "phi-3"),
])
def test_a_tier_of_the_model_itself_stays_the_model(full, question, model):
    answer = full.ask(question)
    assert not answer.abstained and model in answer.models, (question, answer.text[:200])


# - A lab's line written apart from its letter tag with a version the catalog lacks ("DeepSeek R2", beside DeepSeek-R1)
#   is another model, never a one-letter typo of a sibling (DeepSeek-V2); the catalog's own versions stay linked.
@pytest.mark.parametrize("question", ["has DeepSeek R2 come out?", "DeepSeek R3 有多少参数"])
def test_a_tagged_version_the_catalog_lacks_is_unknown(full, question):
    answer = full.ask(question)
    assert answer.abstained and not answer.models and answer.query["unknown_names"], (question, answer.text[:200])


@pytest.mark.parametrize("question, model", [("who built DeepSeek R1?", "deepseek-r1"), ("how big is DeepSeek V2?", "deepseek-v2")])
def test_a_tagged_version_the_catalog_has_stays_linked(full, question, model):
    answer = full.ask(question)
    assert not answer.abstained and model in answer.models, (question, answer.text[:200])


# - A misspelt name with a version number none of its line carries ("Gemeni 2", "Chinchila 3") is another release,
#   unknown, not the misspelt model (linking ``_new_number``); a misspelling with the line's own number or a size
#   ("Gemeni 1.5", "Chinchila 70B") stays the model.
@pytest.mark.parametrize("question", ["who developed Gemeni 2?", "is Chinchila 3 out?"])
def test_a_misspelt_name_with_a_new_number_is_unknown(full, question):
    answer = full.ask(question)
    assert answer.abstained and not answer.models and answer.query["unknown_names"], (question, answer.text[:200])


@pytest.mark.parametrize("question, model", [("when did Gemeni 1.5 come out?", "gemini-1.5"),
                                             ("who trained Chinchila 70B?", "chinchilla")])
def test_a_misspelt_name_with_its_own_number_or_size_stays_the_model(full, question, model):
    answer = full.ask(question)
    assert not answer.abstained and model in answer.models, (question, answer.text[:200])


@pytest.mark.parametrize("question, model", [("the Llama 3 herd tops out at 70B, right?", "llama-3"),
                                             ("can OPT in a paid product be used?", "opt")])
def test_a_numbered_name_or_a_plain_word_beside_it_stays_the_model(full, question, model):
    answer = full.ask(question)
    assert not answer.abstained and model in answer.models, (question, answer.text[:200])
