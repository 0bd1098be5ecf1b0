"""Chinese comparisons with a verdict (谁先发布, 差多少, 比X小多少, 是不是比X大), rankings within a filtered
set (按参数量排第二, 文本模型中最大的编码器), concept questions named with 模型 for 建模 or in plain terms,
plain-words descriptions (a name the catalog lacks used as an example, distillation, image-text
contrastive) and two facts asked together (哪个实验室的，最大多少B)."""

from __future__ import annotations

import pytest


def _read(q) -> list[tuple[str, str]]:
    return [(c["facet"], v) for c in q.where.model_dump()["items"] for v in c.get("values", [])]


COMPARED = [
    ("BERT跟GPT-2谁先发布", {"bert", "gpt-2"}, "date"),
    ("Falcon和LLaMA哪个是先出的", {"falcon", "llama"}, "date"),
    ("ELECTRA 和 XLNet 誰先發布的？", {"electra", "xlnet"}, "date"),
    ("LLaMA和Llama 2参数差多少", {"llama", "llama-2"}, "params"),
    ("PaLM和Chinchilla差了多少参数", {"palm", "chinchilla"}, "params"),
    ("GPT-3 和 OPT 的參數差距有多大", {"gpt-3", "opt"}, "params"),
]


@pytest.mark.parametrize("zh, models, by", COMPARED)
def test_a_comparison_by_the_measure_asked(full, zh, models, by):
    q = full._understand(zh)
    assert q.intent.value == "compare" and set(q.models) == models
    assert by in [a.value for a in q.attributes]


HOW_MUCH = [
    ("Chinchilla比Gopher小多少", {"chinchilla", "gopher"}, "更小"),
    ("GPT-3 比 GPT-2 大几倍", {"gpt-3", "gpt-2"}, "更大"),
    ("PaLM 比 GPT-3 大多少？", {"palm", "gpt-3"}, "更大"),
    ("BERT 比 GPT-2 早多久", {"bert", "gpt-2"}, "更早"),
    ("Gopher是不是比GPT-3大", {"gopher", "gpt-3"}, "更大"),
    ("Llama 2 是不是比 LLaMA 晚", {"llama-2", "llama"}, "更新"),
]


@pytest.mark.parametrize("zh, models, verdict", HOW_MUCH)
def test_by_how_much_compares_the_two(full, zh, models, verdict):
    answer = full.ask(zh)
    assert answer.intent.value == "compare" and set(answer.models) == models
    assert verdict in answer.text


RANKED = [
    ("DeepMind 的模型按参数量排第二的是哪个", ("lab", "DeepMind"), "largest", 2),
    ("谷歌的模型按发布时间排名第三的是哪个", ("lab", "Google"), "earliest", 3),
    ("OpenAI 的模型按參數量排第三的是哪個", ("lab", "OpenAI"), "largest", 3),
]


@pytest.mark.parametrize("zh, where, direction, nth", RANKED)
def test_a_place_in_a_ranking_by_a_measure(full, zh, where, direction, nth):
    q = full._understand(zh)
    assert where in _read(q) and q.superlative is not None and q.superlative.rank == nth
    field, largest = ("params", True) if direction == "largest" else ("date", False)
    assert (q.superlative.field, q.superlative.largest) == (field, largest)


TEXT_DOMAIN = [
    "原論文中做文字（text）的僅編碼器（encoder）模型，哪個參數最多？",
    "文本模型中参数量最大的编码器",
    "原论文里处理文本的编码器模型，参数最多的是哪个",
]


@pytest.mark.parametrize("zh", TEXT_DOMAIN)
def test_the_largest_text_encoder(full, zh):
    q = full._understand(zh)
    assert {("domain", "text"), ("architecture", "encoder")} <= set(_read(q))
    assert full.ask(zh).models[:1] == ["deberta"]


CONCEPTS = [
    ("什么是因果掩码语言模型", "causal-masked-lm"),
    ("什么是强化学习推理", "reinforcement-learning-for-reasoning"),
    ("排列语言模型是什么意思", "plm"),
    ("前缀语言模型是啥", "prefix-lm"),
    ("分词（tokenization）是什么", "tokenization"),
    # the frame after the concept: why use it, what it is good for, how it is done
    ("为什么要用分组查询注意力", "grouped-query-attention"),
    ("滑动窗口注意力有什么好处", "sliding-window-attention"),
    ("span corruption 具体是怎么做的", "span-corruption"),
    ("什么叫 scaling law", "scaling-laws"),
    ("讲讲扩散模型的基本思路", "diffusion-models"),
    ("旋轉位置編碼有什麼作用", "rotary-position-embeddings"),
    ("知識蒸餾是怎麼實現的", "knowledge-distillation"),
]


@pytest.mark.parametrize("zh, concept", CONCEPTS)
def test_a_concept_named_its_usual_way(full, zh, concept):
    q = full._understand(zh)
    assert q.intent.value == "concept" and q.concept == concept


PLAIN = [
    ("有没有把Transformer层和Mamba那种状态空间层混在一起用的模型", ["jamba"]),
    ("有沒有像Mamba那樣用狀態空間層、又混了注意力層的模型", ["jamba"]),
    ("有篇讲Transformer和Mamba混合的语言模型论文，是哪个模型？", ["jamba"]),
    ("用大量图片和对应文字配对训练，让匹配的图文表示靠近、不匹配的远离，这种模型有哪些", ["clip"]),
    ("不用标签、让学生网络去模仿老师网络（老师是学生的滑动平均）来学视觉特征的模型", ["dinov2"]),
    ("随机挖掉几段连续文本，再自回归地把这些空一段段填回去的预训练，哪些模型是这么做的", ["glm", "wu-dao-2.0"]),
]


@pytest.mark.parametrize("zh, models", PLAIN)
def test_plain_words_read_as_the_catalog_value(full, zh, models):
    answer = full.ask(zh)
    assert not answer.abstained and sorted(answer.models) == sorted(models)


def test_a_catalog_term_given_as_an_example_is_kept(full):
    """'RLHF之类': a term the parser reads, not a model outside the catalog; it stays a constraint."""
    read = set(_read(full._understand("哪些模型做了DPO或者RLHF之类的偏好对齐")))
    assert {("objective", "dpo"), ("objective", "rlhf")} <= read


def test_an_unknown_model_asked_about_is_still_declined(full):
    answer = full.ask("Mamba是谁开发的")
    assert answer.abstained and "Mamba" in answer.text


DISTILLED = ["哪些模型是让一个大模型当老师、把知识教给小模型来训练的？", "哪些模型用大模型當老師來教小模型",
             "哪些模型让学生模型模仿教师模型"]


@pytest.mark.parametrize("zh", DISTILLED)
def test_a_teacher_and_a_student_is_distillation(full, zh):
    assert _read(full._understand(zh)) == [("objective", "knowledge-distillation")]


TWO_FACTS = [
    ("InternLM2哪个实验室的，最大多少B", "internlm2", "20B"),
    ("Gemma 2 是谁做的？最大有多大", "gemma-2", "27B"),
    ("Qwen2.5 多少B，哪家的", "qwen2.5", "72B"),
]


@pytest.mark.parametrize("zh, model, size", TWO_FACTS)
def test_lab_and_size_asked_together(full, zh, model, size):
    q = full._understand(zh)
    assert q.models == [model] and {"labs", "params"} <= {a.value for a in q.attributes}
    assert size in full.ask(zh).text
