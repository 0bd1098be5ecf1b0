"""More kinds of Chinese question, each in several phrasings (simplified and traditional): every
descendant of a model (所有后代, 子孙, 直接或间接衍生出), every ancestor step by step (一步步, 一路,
前身的前身), the parents a model was merged from (由哪两个模型合并而成); follow-ups that ask for the
previous model's successor (它的下一代), narrow the previous list (哪些是开源的) or compare with the
previous model (和 X 比哪个大); a domain named in plain words (语音相关), a version below AND a
version above a size (既有…又有…), how much data (图文对数据有多少), two facts at once (多大，用了什么
对齐方法), a Chinese alias in brackets after the name, and what must be declined: training
hyperparameters the catalog does not record, models it does not hold, requests to write code."""

from __future__ import annotations

import pytest

from assistant.session import Session


def _read(q) -> list[tuple[str, str]]:
    return [(c["facet"], v) for c in q.where.model_dump()["items"] for v in c.get("values", [])]


def _turns(full, *questions):
    session = Session()
    answers = [full.ask(q, session) for q in questions]
    return answers[-1]


DESCENDANTS = [
    ("GPT-3 的所有后代模型有哪些", "gpt-3"),
    ("列出 BERT 的全部后代", "bert"),
    ("LLaMA 的子孙模型有哪些？", "llama"),
    ("T5 的所有後代模型", "t5"),
    ("哪些模型是 LLaMA 的后代", "llama"),
    ("LLaMA 直接或间接衍生出了哪些模型", "llama"),
    ("BERT 的所有衍生模型", "bert"),
    ("GPT-3 的全部後代有哪些？", "gpt-3"),
]


@pytest.mark.parametrize("zh, model", DESCENDANTS)
def test_every_descendant_of_a_model(full, zh, model):
    q = full._understand(zh)
    assert q.intent.value == "lineage" and _read(q) == [("descends", model)]


def test_descendants_count_every_generation(full):
    """GPT-3's grandchildren (ChatGPT through GPT-3.5) are among its descendants, as in English."""
    zh, en = full.ask("GPT-3 的所有后代模型有哪些"), full.ask("what are all the descendants of GPT-3?")
    assert set(zh.models) == set(en.models) and {"chatgpt", "dolly"} <= set(zh.models)


ANCESTORS = [
    ("DeepSeek-R1 是一步步从哪些模型演化来的", "deepseek-r1", {"deepseek-v3", "deepseek-v2"}),
    ("DeepSeek-R1 一步一步從哪些模型演變來的", "deepseek-r1", {"deepseek-v3", "deepseek-v2"}),
    ("ChatGPT 的前身的前身是什么", "chatgpt", {"gpt-3.5", "gpt-3"}),
    ("ChatGPT 一路是从哪些模型发展过来的", "chatgpt", {"gpt-3.5", "gpt-3"}),
    ("InstructGPT 往上追溯都有哪些模型", "instructgpt", {"gpt-3", "gpt-2"}),
    ("DeepSeek-R1 的祖先有哪些", "deepseek-r1", {"deepseek-v3", "deepseek-v2"}),
]


@pytest.mark.parametrize("zh, model, ancestors", ANCESTORS)
def test_every_ancestor_step_by_step(full, zh, model, ancestors):
    answer = full.ask(zh)
    assert answer.query["intent"] == "lineage" and answer.query["models"] == [model]
    assert ancestors <= set(answer.models)


MERGED = [
    "MT-NLG 是由哪两个模型合并来的",
    "MT-NLG 由哪两个模型合并而成",
    "MT-NLG 是哪两个模型融合而成的",
    "MT-NLG 合并自哪些模型",
    "MT-NLG 是由哪些模型結合而成的",
    "MT-NLG 的父模型是哪两个",
]


@pytest.mark.parametrize("zh", MERGED)
def test_the_models_a_model_was_merged_from_are_its_parents(full, zh):
    answer = full.ask(zh)
    assert answer.query["intent"] == "lineage" and set(answer.models) == {"megatron", "turing-nlg"}


SUCCESSORS = [
    (("Phi-3 是谁做的？", "它的下一代是哪个，多大"), ["phi-4"], "140亿"),
    (("Phi-3 是谁做的？", "它的下一代是哪个"), ["phi-4"], "Phi-4"),
    (("DeepSeek-V2 多大？", "它的下一代模型是什么"), ["deepseek-v3"], "DeepSeek-V3"),
    (("Phi-3 的下一代是哪个",), ["phi-4"], "Phi-4"),
    (("who made Phi-3?", "what is its successor, and how big is it?"), ["phi-4"], "14B"),
]


@pytest.mark.parametrize("turns, models, said", SUCCESSORS)
def test_the_successor_of_the_previous_model(full, turns, models, said):
    answer = _turns(full, *turns)
    assert answer.models == models and said in answer.text


NARROWED = [
    ("有哪些 mixture-of-experts 模型", "哪些是开源的", "license"),
    ("列出谷歌的模型", "哪些是编码器", "architecture"),
    ("有哪些解码器模型", "其中哪些是开源的", "license"),
    ("列出 Meta 的模型", "哪些是開源的？", "license"),
    ("OpenAI 有哪些模型", "哪些是2020年以后发布的", "date"),
]


@pytest.mark.parametrize("first, then, facet", NARROWED)
def test_a_bare_which_are_narrows_the_previous_list(full, first, then, facet):
    session = Session()
    before = full.ask(first, session).models
    answer = full.ask(then, session)
    assert answer.models and set(answer.models) < set(before)
    assert facet in {c["facet"] for c in answer.query["where"]["items"]}


COMPARED = [
    ("GPT-3 有多大", "和 Jurassic-1 比哪个大", {"gpt-3", "jurassic-1"}),
    ("BERT 是什么时候发布的", "跟 GPT-2 比哪个更早", {"bert", "gpt-2"}),
    ("GPT-3 有多大", "它和 Gopher 哪个大", {"gpt-3", "gopher"}),
    ("Chinchilla 有多少参数", "与 Gopher 相比哪个更小", {"chinchilla", "gopher"}),
    ("LLaMA 多大", "跟 GPT-3 比起来哪个更大？", {"llama", "gpt-3"}),
    ("how big is GPT-3", "compared with Jurassic-1, which is bigger?", {"gpt-3", "jurassic-1"}),
]


@pytest.mark.parametrize("first, then, models", COMPARED)
def test_which_is_bigger_compares_with_the_previous_model(full, first, then, models):
    answer = _turns(full, first, then)
    assert answer.query["intent"] == "compare" and set(answer.models) == models


def test_which_is_bigger_than_a_model_stays_a_set_question(full):
    answer = _turns(full, "what is BERT?", "which is bigger than GPT-3?")
    assert answer.query["intent"] == "list" and "bert" not in answer.models


@pytest.mark.parametrize("zh", ["有哪些语音相关的模型", "语音方面的模型有哪些", "有哪些語音相關的模型？", "音频模型有哪些",
                                "和语音有关的模型"])
def test_a_domain_named_in_plain_words(full, zh):
    q = full._understand(zh)
    assert q.intent.value == "list" and _read(q) == [("domain", "speech")]


@pytest.mark.parametrize("zh, low, high", [
    ("哪些模型既有不到10亿参数的小版本，又有超过100亿的大版本？", 1000, 10000),
    ("哪些模型既有小于10亿参数的版本又有大于1000亿参数的版本", 1000, 100000),
    ("哪些模型同时有不到10亿和超过100亿参数的版本", 1000, 10000),
    ("既有不足1亿參數的版本、又有超過10億參數版本的模型有哪些", 100, 1000),
])
def test_a_version_below_and_a_version_above(full, zh, low, high):
    q = full._understand(zh)
    sizes = {(c["op"], c["values"][0], c["quant"]) for c in q.where.model_dump()["items"]}
    assert sizes == {("lt", low, "some"), ("gt", high, "some")}


@pytest.mark.parametrize("zh, model, said", [
    ("Imagen 用的图文对数据大概有多少", "imagen", "460M"),
    ("CLIP 用了多少图文对", "clip", "400M"),
    ("CLIP 的训练数据有多少", "clip", "400M"),
    ("Imagen 的训练数据大约有多少", "imagen", "460M"),
    ("CLIP 用的圖文對資料大概有多少", "clip", "400M"),
    ("CLIP 的图文对数据有多少", "clip", "400M"),
    ("Alpaca 的指令数据有多少", "alpaca", "52K"),
])
def test_how_much_image_text_data_is_the_corpus(full, zh, model, said):
    answer = full.ask(zh)
    assert answer.models == [model] and "corpus" in answer.query["attributes"] and said in answer.text


@pytest.mark.parametrize("zh, model, first", [
    ("Anthropic 的那个 assistant 模型最大多少参数，用了什么对齐方法", "anthropic-assistant", "params"),
    ("InstructGPT 有多大，用了什么对齐方法", "instructgpt", "params"),
    ("Sparrow 是谁做的，用的什么对齐方式", "sparrow", "labs"),
    ("Llama 2 最大多少参数，是怎么对齐的", "llama-2", "params"),
])
def test_two_facts_at_once_with_the_alignment_method(full, zh, model, first):
    answer = full.ask(zh)
    assert answer.models == [model] and answer.query["attributes"] == [first, "objective"]
    assert "RLHF" in answer.text


@pytest.mark.parametrize("zh, model", [
    ("InternLM2（书生·浦语2）是哪个实验室发布的", "internlm2"),
    ("InternLM2（書生·浦語2）是誰做的", "internlm2"),
    ("Qwen2（通义千问2）是哪家公司的", "qwen2"),
    ("Qwen2.5（通义千问2.5）什么时候发布", "qwen2.5"),
    ("Chinchilla（龙猫）有多大", "chinchilla"),
])
def test_a_chinese_alias_in_brackets_after_the_name(full, zh, model):
    q = full._understand(zh)
    assert q.models == [model] and not q.unknown_names


@pytest.mark.parametrize("zh", ["OPT-175B 训练时的学习率是多少", "GPT-3 的批大小是多少", "LLaMA 用的什么优化器", "BERT 训练了多少轮",
                                "T5 的权重衰减是多少", "GPT-3 訓練時的學習率是多少", "Chinchilla 的训练超参数是什么", "PaLM 训练了多少步"])
def test_training_hyperparameters_are_not_recorded(full, zh):
    answer = full.ask(zh)
    assert answer.abstained and answer.query["unrecorded"] == ["training hyperparameters"]


@pytest.mark.parametrize("zh, name", [("ChatGLM3 是什麼時候發布的？", "ChatGLM3"), ("ChatGLM3 是谁做的", "ChatGLM3"),
                                      ("Baichuan2 有多大", "Baichuan2"), ("ChatGLM2 的参数量是多少", "ChatGLM2"),
                                      ("MiniCPM 是哪家公司的", "MiniCPM")])
def test_a_model_the_catalog_does_not_hold_is_said_unknown(full, zh, name):
    answer = full.ask(zh)
    assert answer.abstained and not answer.models and name in answer.text


@pytest.mark.parametrize("zh", ["帮我写一个快速排序的 Python 代码", "帮我写一段 Java 代码", "请帮我写一个冒泡排序",
                                "给我写一个 Python 爬虫", "帮我写一封邮件", "用 Python 实现二分查找", "用Java写个快排"])
def test_a_request_to_write_something_is_declined(full, zh):
    answer = full.ask(zh)
    assert answer.abstained and answer.query["reason"] == "off_topic"


@pytest.mark.parametrize("zh", ["哪些模型在 Python 代码上训练过", "哪些模型能写代码", "代码模型有哪些"])
def test_code_as_what_models_do_stays_a_set_question(full, zh):
    q = full._understand(zh)
    assert q.intent.value == "list" and ("domain", "code") in _read(q)


def test_a_request_for_a_bibtex_stays_on_topic(full):
    assert full.ask("write me the BibTeX of BERT").models == ["bert"]
