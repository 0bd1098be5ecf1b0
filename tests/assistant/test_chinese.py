"""A Chinese question compiles to the same typed query as its English counterpart."""

from __future__ import annotations

import pytest

PAIRS = [
    ("哪些模型是仅编码器架构？", "which models are encoder-only?"),
    ("谷歌开发了哪些模型？", "which models did Google develop?"),
    ("哪些模型使用掩码语言模型作为预训练目标？", "which models use masked language modeling as pretraining objective?"),
    ("2021年发布的仅解码器模型有哪些", "which decoder-only models were released in 2021?"),
    ("2022年及以后发布的模型有哪些", "which models were released since 2022?"),
    ("2020年之前发布的模型", "models released before 2020"),
    ("参数超过1000亿的模型有哪些？", "which models have more than 100 billion parameters?"),
    ("参数量小于10亿的模型有哪些", "which models have less than 1 billion parameters?"),
    ("百亿以上参数的编码器-解码器模型", "encoder-decoder models with at least 10 billion parameters"),
    ("开源的解码器模型有哪些？", "which open source decoder models are there?"),
    ("基于LLaMA的模型有哪些？", "which models are based on LLaMA?"),
    ("有多少个编码器-解码器模型", "how many encoder-decoder models are there?"),
    ("2019年到2021年发布的模型", "models released between 2019 and 2021"),
    ("哪些模型是在Pile上训练的？", "which models were trained on the Pile?"),
    ("比GPT-3大的模型有哪些？", "which models are bigger than GPT-3?"),
    ("GPT-3之后发布的谷歌模型有哪些", "which Google models were released after GPT-3?"),
    ("不是谷歌也不是OpenAI的解码器模型", "decoder models not from Google or OpenAI"),
    # lineage: children (从 X 衍生 / 建立在 X 之上), parents (X 是从哪个模型衍生的 / 前身 / 基于哪个), counts
    ("哪些模型是从BERT衍生出来的？", "which models are derived from BERT?"),
    ("从T5派生的模型有哪些", "which models are derived from T5?"),
    ("哪些模型直接从LLaMA演化而来", "which models are directly derived from LLaMA?"),
    ("建立在LLaMA之上的模型有哪些？", "which models are built on LLaMA?"),
    ("Chinchilla是从哪个模型衍生出来的？", "Chinchilla is derived from which model?"),
    ("Alpaca基于哪个模型？", "Alpaca is based on which model?"),
    ("Gopher的前身是什么？", "what is the predecessor of Gopher?"),
    ("有几个模型是从GPT-3衍生的？", "how many models are derived from GPT-3?"),
    ("从PaLM微调而来的模型有多少个", "how many models were fine-tuned from PaLM?"),
    # a domain word with the generic noun "Transformer 模型" (not the catalog paper's title)
    ("强化学习领域有哪些Transformer模型？", "which reinforcement learning Transformer models are there?"),
    ("用于强化学习的Transformer模型有几个", "how many Transformer models are used for reinforcement learning?"),
]


def _typed(query) -> dict:
    """The parts of a typed query that say what was asked (not the text it was read from)."""
    data = query.model_dump(mode="json")
    return {k: v for k, v in data.items() if k not in ("text", "language", "reason", "unparsed", "closest")}


@pytest.fixture(scope="module")
def reader(catalog):
    from assistant.chinese import ChineseReader

    return ChineseReader([n for e in catalog.models.values() for n in (e.name, *e.aliases)])


@pytest.mark.parametrize("zh, en", PAIRS)
def test_chinese_and_english_compile_to_the_same_query(plain, reader, zh, en):
    got = plain.understander.understand(reader.read(zh).gloss)
    want = plain.understander.understand(en)
    assert _typed(got)["intent"] == _typed(want)["intent"]
    assert _typed(got) == _typed(want)


def test_postpositions_and_relations_take_english_order(reader):
    assert reader.read("GPT-3之后发布的模型").gloss.startswith("after GPT-3")
    assert "bigger than GPT-3" in reader.read("比GPT-3大的模型有哪些").gloss
    assert "the same year as GPT-3" in reader.read("和GPT-3同一年发布的模型").gloss
    assert "based on T5" in reader.read("哪些模型是在T5的基础上做的").gloss
    assert reader.read("ERNIE是百度开发的吗？").gloss.startswith("is ERNIE")
    assert reader.read("那GPT-2呢？").gloss == "and GPT-2?"
    assert reader.read("谷歌和OpenAI之外的模型").gloss.startswith("except Google and OpenAI")
    assert reader.read("除了谷歌以外的模型").gloss.count("except") == 1


def test_unknown_models_and_off_topic_are_reported(reader):
    assert reader.read("盤古大模型是哪家公司的？").unknown_names == ("盘古大模型",)
    assert reader.read("文心一言是谁开发的").unknown_names == ("文心一言",)
    assert reader.read("今天北京天气怎么样？").off_topic
    assert not reader.read("谷歌开发了哪些模型？").off_topic


def test_lineage_follow_up_resolves_against_history(plain):
    from assistant import Session

    session = Session()
    plain.ask("介绍一下Chinchilla", session)
    answer = plain.ask("它是从哪个模型衍生出来的？", session)
    assert answer.models == ["gopher"] and answer.intent == "lineage"
    session = Session()
    plain.ask("谁开发了Alpaca？", session)
    assert plain.ask("它基于哪个模型？", session).models == ["llama"]


def test_generic_transformer_noun_is_neither_the_catalog_paper_nor_an_unknown_model(plain):
    for q in ("强化学习领域有哪些Transformer模型？", "which reinforcement learning Transformer models are there?",
              "有哪些做机器人的Transformer模型"):
        answer = plain.ask(q)
        assert not answer.abstained and answer.intent == "list", q
        assert set(answer.models) >= {"decision-transformers", "gato"}, q
