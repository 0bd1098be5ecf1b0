"""Chinese questions that describe a vocabulary value in plain words read that value, as the English
plain-words path reads an English description (``PlainWords``: the describing words rendered into rough
English, matched by the English paraphraser); and the Chinese kinds of several facts at once, size bounds
after a Latin size, a size of some version, and a model with all its derivatives excluded compile to the
typed query of their English counterpart."""

from __future__ import annotations

import pytest

from assistant.query import leaves


def _values(q) -> set[tuple[str, str]]:
    return {(c.facet, str(v)) for c, neg in leaves(q.where) if not neg for v in c.values}


MLM, RTD, DAE, ITC = ("objective", "mlm"), ("objective", "rtd"), ("objective", "dae"), ("objective", "image-text-contrastive")
MOE, IT, RLHF = ("trait", "mixture-of-experts"), ("objective", "instruction-tuning"), ("objective", "rlhf")

DESCRIBED = [
    # masked language modeling: words hidden, then guessed back
    ("哪些模型训练时会随机盖住一部分单词，让模型根据两边的上下文猜出来？", MLM, ()),
    ("有哪些模型是把輸入裡的一些 token 藏起來再去預測它們的？", MLM, (("objective", "plm"),)),
    ("预训练时先把部分词元遮掉，然后让网络把原来的词填回去，这样的模型有哪些", MLM, ()),
    ("哪些encoder会把句子中15%的词换成mask再猜回来", MLM, (("objective", "causal-lm"),)),
    # replaced token detection: real or replaced
    ("哪個模型是判斷每個詞元是真的還是被生成器換掉的？", RTD, ()),
    ("有没有模型去区分输入里的词是原来的还是被替换的", RTD, ()),
    ("哪些模型用 discriminator 分辨每个 token 是真是假", RTD, (MLM,)),
    # denoising: corrupted text restored
    ("把損壞的文本恢復成原始文本來預訓練的模型有哪些", DAE, ()),
    ("哪些模型先给输入加噪声、打乱句子，再让解码器重建原文", DAE, ()),
    # images aligned with their captions
    ("哪些模型把图片和对应的文字说明对齐到同一个向量空间？", ITC, ()),
    ("哪些模型学习把 image 和 caption 对齐", ITC, (("objective", "dpo"),)),
    # tokens routed to experts
    ("哪些模型会把每个 token 路由给少数几个专家？", MOE, ()),
    ("有哪些模型每個詞只激活一部分專家網路", MOE, (("objective", "causal-lm"),)),
    ("哪些模型用一个路由器把输入分配给不同的专家", MOE, ()),
    # instructions followed
    ("哪些模型经过训练能听从人类的指令？", IT, ()),
    ("有哪些模型是照著指令去完成任務的", IT, ()),
    # human preferences
    ("哪些模型是根据人类的偏好来学习的？", RLHF, ()),
    ("有哪些模型用人工打分訓練獎勵模型再做強化學習", RLHF, ()),
    ("哪些模型会让标注员给回答排序，再用这些偏好来优化", RLHF, ()),
    # a description with a literal term inside it is one value, not two ("自回归" of permutation LM)
    ("哪个模型把输入的顺序随机打乱成一种排列，再按这个顺序做自回归预测？", ("objective", "plm"), (("objective", "causal-lm"),)),
    ("哪些模型從一團雜訊開始一步步去噪，最後生成圖片？", ("objective", "diffusion"), (DAE,)),
    ("哪个模型是根据用户给的点或者框，把图里的物体分割出来的", ("objective", "promptable-segmentation"), ()),
    ("用可验证的奖励做强化学习来提高推理能力的模型", ("objective", "reasoning-rl"), (("domain", "math"),)),
    ("哪些模型会把文档里的整句删掉，让模型把缺掉的句子写出来", ("objective", "gap-sentence-generation"), ()),
    # domains and traits described
    ("哪些模型能把一种语言的句子转换成另一种语言？", ("domain", "translation"), ()),
    ("哪些模型可以把人说的话转成文字", ("objective", "speech-recognition"), ()),
    ("能根据一句话的描述画出图片的模型有哪些", ("domain", "image-generation"), (ITC,)),
    ("哪些模型能处理几十万个词那么长的输入", ("trait", "long-context"), ()),
    ("哪些模型每次只让一部分参数参与计算", MOE, ()),
    ("哪个模型把注意力层和状态空间层（类似 Mamba）混在一起用", ("trait", "state-space-hybrid"), ()),
    ("哪些模型用旋转的方式把位置信息编码进查询和键", ("trait", "rotary-embeddings"), ()),
    ("哪些模型只让每个位置关注附近的一小段窗口", ("trait", "sliding-window-attention"), (("objective", "causal-masked-lm"),)),
]


@pytest.mark.parametrize("zh, value, unwanted", DESCRIBED, ids=[d[0][:24] for d in DESCRIBED])
def test_a_chinese_description_reads_its_value(full_assistant, zh, value, unwanted):
    q = full_assistant._understand(zh)
    got = _values(q)
    assert value in got, (zh, full_assistant.chinese.read(zh).gloss, got)
    assert not got & set(unwanted), (zh, got)


def test_two_describing_words_are_a_fragment_not_a_description(full_assistant):
    """A leftover "每个词" after the experts were read is no description of a causal objective."""
    q = full_assistant._understand("有哪些模型每个词只激活一部分专家网络")
    assert _values(q) == {MOE}


PAIRS = [
    # several facts at once
    ("介绍一下 GLM：哪个单位、用什么目标训练、license？", "who made GLM, what objective was it trained with, and what license?"),
    ("Gemma 3 有哪些尺寸，什么时候出的？", "what sizes does Gemma 3 come in and when was it released?"),
    ("Falcon 的研发单位和发布日期", "Falcon developer and release date"),
    ("GPT-J 出自哪个团队、有几种尺寸", "which team made GPT-J and how many sizes does it have?"),
    # a Latin size with 以上 / 以下 after it is a bound
    ("有没有 200B 以上、由谷歌做的模型？", "are there Google models more than 200 billion?"),
    ("谷歌做的参数在 100B 以上的模型", "Google models with more than 100 billion parameters"),
    ("7B 以下的解码器模型", "decoder models less than 7 billion"),  # a bare 以下 is strict (round 24)
    ("新增模型里参数 100B 以上的有哪些", "which models added since the paper have more than 100 billion parameters?"),
    # a model named with its size is no size range ("GLM-130B"); a count of words is no size ("几十万个词")
    ("GLM-130B 的研发单位和开源协议", "GLM-130B developer and license"),
    ("Chinchilla 的开发方、参数规模", "Chinchilla developer and size"),
    # a size of some version
    ("有版本小于10亿参数的模型有哪些", "which models have a version with less than 1 billion parameters?"),
    ("哪些模型有一个版本不到10亿参数", "which models have a version with less than 1 billion parameters?"),
    # a license kind unknown; a family's members
    ("許可證類別未知的模型列一下", "list the models whose license is unknown"),
    ("LLaMA 家族有几个成员", "how many models are in the LLaMA family?"),
    # a lab named by its team
    ("通义千问团队的模型有哪些", "which models are from Alibaba?"),
    # a parent named as a base (为基座) or built upon (之上构建)
    ("以 LLaMA 为基座的模型", "models based on LLaMA"),
    ("在 LLaMA 之上构建的模型", "models based on LLaMA"),
    # a model and all its derivatives excluded
    ("排除 BERT 及其所有衍生模型，剩下的 encoder 模型有哪些？", "encoder models excluding BERT and all its descendants"),
]


def _typed(query) -> dict:
    data = query.model_dump(mode="json")
    return {k: v for k, v in data.items() if k not in ("text", "language", "reason", "unparsed", "closest", "meaning_lead", "described")}


@pytest.fixture(scope="module")
def structured(full_catalog):
    """The whole catalog (Gemma 3, Falcon are additions), structured answers only: no description is read by meaning."""
    from assistant import Assistant

    return Assistant(full_catalog)


@pytest.mark.parametrize("zh, en", PAIRS)
def test_chinese_kinds_compile_to_the_english_query(structured, zh, en):
    got = _typed(structured.understander.understand(structured.chinese.read(zh).gloss))
    want = _typed(structured.understander.understand(en))
    assert want["where"] or want["attributes"] or want["exclude"], f"the English counterpart {en!r} reads nothing"
    assert got == want


ASKED = [
    # a model's traits asked as its tricks; "在 X 的基础上" with a name before it: X is the parent, not the subject
    ("Mistral 7B 在注意力上用了哪些技巧", "mistral-7b", {"traits"}),
    ("ModernBERT 在架构上用了哪些技巧？", "modernbert", {"traits"}),
    ("Minerva 在 PaLM 的基礎上額外加了什麼訓練資料？", "minerva", {"corpus"}),
    ("T5 哪个实验室做的，什么架构，多少参数", "t5", {"labs", "architecture", "params"}),
]


@pytest.mark.parametrize("zh, model, asked", ASKED)
def test_the_facts_asked_of_a_model(structured, zh, model, asked):
    q = structured.understander.understand(structured.chinese.read(zh).gloss)
    assert q.models == [model] and asked <= {a.value for a in q.attributes}, (q.models, q.attributes)


@pytest.mark.parametrize("zh", ["LLaMA 175B 那個版本效果怎麼樣", "LLaMA 175B 版本的上下文长度是多少", "LLaMA 175B 版本有多少层？"])
def test_an_unrecorded_fact_of_a_version_that_does_not_exist_corrects_the_version(structured, zh):
    """The false premise is corrected (LLaMA's largest version is 65B) before saying the fact is not recorded."""
    answer = structured.ask(zh)
    assert not answer.abstained and answer.models == ["llama"]
    assert "65B" in answer.text and "175B" in answer.text and "[1]" in answer.text and "目录没有记录" in answer.text


@pytest.mark.parametrize("question", ["how many downloads does Flan-T5 have on Hugging Face?",
                                      "what zero-shot ImageNet accuracy does CLIP get"])
def test_an_unrecorded_fact_corrects_no_premise_but_a_size(structured, question):
    """Words around an unrecorded fact ("on Hugging Face", "ImageNet") are no claim to correct: plain abstention."""
    answer = structured.ask(question)
    assert answer.abstained and "not, " not in answer.text and ", not " not in answer.text
