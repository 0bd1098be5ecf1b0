"""Kinds of Chinese question, each in several phrasings (simplified and traditional), compile to
the typed query of their English counterpart: Chinese-numeral years and sizes, month ranges within
and across years, a size claimed of a named model, a model's parent asked with any verb, a concept
asked as 是怎么回事 / 怎么理解 / 讲讲, a place in a ranking (第二大, 次新), a model's
traits asked as its attention mechanisms or architectural features, how much data (多少条) a model used."""

from __future__ import annotations

import pytest

from assistant.zh_numbers import rewrite

PAIRS = [
    # years written in Chinese numerals
    ("二〇二〇年发布的模型有哪些？", "which models were released in 2020?"),
    ("二零二一年谷歌发布了什么模型", "which Google models were released in 2021?"),
    ("二〇一九年之前發佈的模型", "models released before 2019"),
    ("二〇二二年以后的解码器模型", "decoder models since 2022"),
    ("有多少个模型是二零二零年发布的", "how many models were released in 2020?"),
    ("二〇一八年到二〇二〇年发布的模型", "models released between 2018 and 2020"),
    # sizes in Chinese numerals, mixed digits and units, after "in the paper"
    ("论文中参数量在一千亿以上的模型", "models in the original paper with more than 100 billion parameters"),
    ("論文裡參數超過五百億的模型有哪些", "which models in the original paper have more than 50 billion parameters?"),
    ("参数一万亿以上的模型", "models with more than 1 trillion parameters"),
    ("两千亿参数以上的解码器模型", "decoder models with more than 200 billion parameters"),
    ("1千亿以上参数的模型", "models with more than 100 billion parameters"),
    ("参数不到七十亿的谷歌模型", "Google models with less than 7 billion parameters"),
    # month ranges within a year and across years, parts of a year as range ends
    ("2022年3月到6月之间发布了哪些模型", "which models were released between March 2022 and June 2022?"),
    ("二〇二二年三月至六月發布的模型", "models released between March 2022 and June 2022"),
    ("2021年5月到2022年2月发布的模型", "models released between May 2021 and February 2022"),
    ("2020年底到2021年初发布的模型", "models released between October 2020 and March 2021"),  # 年底 / 年初: a quarter
    ("2021年上半年到2022年上半年之間發佈的模型", "models released between January 2021 and June 2022"),
    ("2021年初到年中有哪些模型发布", "which models were released between January 2021 and July 2021?"),
    ("2021年下半年发布的模型", "models released in the second half of 2021"),
    ("2022年第二季度发布的模型有哪些", "which models were released in Q2 2022?"),
    ("从2021年夏天到2022年春天发布的模型", "models released between June 2021 and May 2022"),
    ("在2020年3月和2020年9月之间发布的编码器模型", "encoder models released between March 2020 and September 2020"),
    # a model's name, then 有/是 and a size: a claim about that model (checked, corrected), never a version of it
    ("AlphaFold 有 1750 亿参数吗？", "does AlphaFold have 175 billion parameters?"),
    ("AlphaFold有175B参数吗", "does AlphaFold have 175 billion parameters?"),
    ("BERT 是 3.4 亿参数的吗", "does BERT have 340 million parameters?"),
    ("聽說 GPT-3 有 1.5 萬億參數，是真的嗎？", "does GPT-3 have 1.5 trillion parameters?"),
    ("T5 有 11B 参数吗", "does T5 have 11 billion parameters?"),
    ("GPT-3 有 1.5 万亿参数，为什么要做这么大？", "GPT-3 has 1.5 trillion parameters, why is it so big?"),
    ("LLaMA 拥有六百五十亿参数，它是用什么数据训练的？", "LLaMA has 65 billion parameters, what data was it trained on?"),
    ("既然 T5 有 1100 亿参数，它是哪家公司做的？", "T5 has 110 billion parameters, which company made it?"),
    # the size variant a ranking is judged by, and the paper's own models named as the ones it includes
    ("按最大版本算，哪个 Google 模型最小？", "smallest Google model, judged by its largest version"),
    ("按最大版本的参数量算，最小的 decoder 模型是哪个", "the smallest decoder model, judged by its largest version"),
    ("按最小版本算，最大的编码器模型是哪个", "the largest encoder model, judged by its smallest version"),
    ("論文收錄的模型裡最新的是哪一個", "the newest model in the original paper"),
    ("论文收录的模型中最大的是哪个", "the largest model in the original paper"),
    ("哪个模型的最大版本最小？", "which model's largest version is the smallest?"),
    ("最大版本最小的谷歌模型", "the Google model whose largest version is the smallest"),
    ("最老的模型是哪个", "which is the oldest model?"),
    ("最旧的编码器模型", "the oldest encoder model"),
]

# a model's parent asked many ways: the lineage question about that model, whatever the verb
PARENTS = [
    ("Mixtral 8x7B 是从哪个模型来的？", "what model is Mixtral 8x7B derived from?"),
    ("Mixtral 8x7B 是從哪個模型來的", "what model is Mixtral 8x7B derived from?"),
    ("Vicuna 源于什么模型？", "what model is Vicuna derived from?"),
    ("Alpaca 的基础模型是什么", "what is the base model of Alpaca?"),
    ("Vicuna的基座是什么模型", "what is the base model of Vicuna?"),
    ("Vicuna 是在哪个模型上微调的", "which model was Vicuna fine-tuned from?"),
    ("Chinchilla 由哪个模型改进而来", "what model is Chinchilla derived from?"),
    ("RoBERTa 继承自哪个模型", "what model is RoBERTa derived from?"),
    ("Zephyr 是拿哪个模型微调出来的", "which model was Zephyr fine-tuned from?"),
    ("Alpaca是从什么变来的", "what is Alpaca derived from?"),
]


def _typed(query) -> dict:
    data = query.model_dump(mode="json")
    return {k: v for k, v in data.items() if k not in ("text", "language", "reason", "unparsed", "closest")}


@pytest.fixture(scope="module")
def reader(full):
    return full.chinese


@pytest.mark.parametrize("zh, en", PAIRS)
def test_chinese_kinds_compile_to_the_english_query(full, reader, zh, en):
    got = _typed(full.understander.understand(reader.read(zh).gloss))
    want = _typed(full.understander.understand(en))
    assert want["where"] or want["premises"], f"the English counterpart {en!r} reads no constraint"
    assert got == want


@pytest.mark.parametrize("zh, en", [
    ("二〇二〇年", "in 2020"),
    ("二零二一年五月", "in May 2021"),
    ("2022年三月到六月", "between Mar 2022 and Jun 2022"),
    ("2020年底到2021年初", "between Oct 2020 and Mar 2021"),
    ("2021年初到年中", "between Jan 2021 and Jul 2021"),
    ("2019年到2021年", "between 2019 and 2021"),
    ("2022年Q3", "q3 2022"),
    ("第二大", "the second largest"),
    ("次新", "the second newest"),
    ("倒数第三早", "the third newest"),
    ("第二个", "the second one"),
    ("最早的两个", "the 2 earliest"),
])
def test_rewrite_years_months_and_periods(zh, en):
    assert rewrite(zh) == en


@pytest.mark.parametrize("zh, en", PARENTS)
def test_a_parent_asked_any_way_is_a_lineage_question(full, reader, zh, en):
    got = full.understander.understand(reader.read(zh).gloss)
    want = full.understander.understand(en)
    assert want.intent.value == "lineage" and want.models
    assert (got.intent, got.models, got.where) == (want.intent, want.models, want.where)


# a concept asked as 是怎么回事 / 是什么原理 / 怎么理解 / 讲讲 / 科普一下 / a polite 能…吗: the concept's explanation
CONCEPTS = [
    ("混合专家是怎么回事？", "mixture-of-experts"),
    ("混合專家是怎麼回事", "mixture-of-experts"),
    ("掩码语言模型是什么原理", "mlm"),
    ("怎么理解知识蒸馏", "knowledge-distillation"),
    ("给我讲一下RLHF", "rlhf"),
    ("稀疏注意力到底是啥", "attention"),
    ("对比学习怎么理解？", "contrastive"),
    ("能解释一下指令微调吗", "instruction-tuning"),
    ("帮我科普一下分组查询注意力", "grouped-query-attention"),
    ("MoE 是啥意思", "mixture-of-experts"),
    ("可以講講擴散模型嗎", "diffusion-models"),
]


@pytest.mark.parametrize("zh, concept", CONCEPTS)
def test_a_concept_asked_any_way_is_explained(full, reader, zh, concept):
    got = full.understander.understand(reader.read(zh).gloss)
    assert (got.intent.value, got.concept) == ("concept", concept)


# a place in a ranking: 第二大, 第三小, 次新, 倒数第二小 (the English "second smallest": 倒数 counts a size place from the small end; Superlative.rank)
RANKS = [
    ("参数第二大的模型是哪个", "which is the second largest model?"),
    ("第三小的解码器模型", "the third smallest decoder"),
    ("谷歌第二新的模型是什么", "what is the second newest Google model?"),
    ("论文里发布时间次早的模型", "the second earliest model in the original paper"),
    ("參數量第二大的編碼器模型是哪個？", "which is the second largest encoder model?"),
    ("倒数第二小的模型", "the second smallest model"),
    ("次新的 OpenAI 模型是哪个", "which is the second newest OpenAI model?"),
    ("第二大的开源模型", "the second largest open source model"),
    ("Meta 第2大的模型有多少参数", "how many parameters does the second largest Meta model have?"),
]


@pytest.mark.parametrize("zh, en", RANKS)
def test_a_place_in_a_ranking(full, reader, zh, en):
    got = full.understander.understand(reader.read(zh).gloss)
    want = full.understander.understand(en)
    assert want.superlative.rank > 1
    assert (got.superlative, got.where) == (want.superlative, want.where)


# a model's traits asked as its attention mechanisms or architectural features: the recorded traits
TRAITS = [
    ("Mistral 7B 用了哪些注意力机制？", "mistral-7b", ["分组查询注意力", "滑动窗口注意力"]),
    ("Mixtral 8x7B 有什么架构特点？", "mixtral-8x7b", ["混合专家"]),
    ("Llama 2 采用了什么注意力", "llama-2", ["分组查询注意力"]),
    ("Mistral 7B 用的是哪种注意力？", "mistral-7b", ["滑动窗口注意力"]),
    ("Mixtral 8x7B 的設計特點是什麼", "mixtral-8x7b", ["混合专家"]),
    ("DeepSeek-V2 用了什么注意力？", "deepseek-v2", ["Multi-head Latent Attention"]),
    ("BERT 有什么技术特点", "bert", ["没有为 BERT 记录"]),
]


@pytest.mark.parametrize("zh, model, said", TRAITS)
def test_a_models_traits_are_answered_from_its_record(full, zh, model, said):
    answer = full.ask(zh)
    assert answer.models[:1] == [model] and answer.query["attributes"] == ["traits"]
    for words in said:
        assert words in answer.text


@pytest.mark.parametrize("en", ["what attention mechanisms does Mistral 7B use?", "what are the architectural features of Mistral 7B?",
                                "which attention does Mistral 7B use"])
def test_traits_in_english(full, en):
    answer = full.ask(en)
    assert answer.query["attributes"] == ["traits"]
    assert "grouped query attention" in answer.text and "sliding window attention" in answer.text


# how much data a model was trained or tuned on, counted in items (条, 对): its corpus field, never a count of models
CORPUS = [
    ("Alpaca 的指令数据有多少条", "alpaca", "52K"),
    ("Alpaca 用了多少条指令数据微调", "alpaca", "52K"),
    ("Alpaca的指令資料有幾條？", "alpaca", "52K"),
    ("Alpaca 的微调数据量是多少", "alpaca", "52K"),
    ("Vicuna 的对话数据有几条", "vicuna", "70K"),
    ("Dolly 的指令数据有多少条", "dolly", "15k"),
    ("GPT-3 的训练数据量有多大", "gpt-3", "500B tokens"),
]


@pytest.mark.parametrize("zh, model, said", CORPUS)
def test_how_much_data_is_the_corpus_field(full, zh, model, said):
    answer = full.ask(zh)
    assert answer.query["intent"] == "fact" and answer.models[:1] == [model]
    assert "corpus" in answer.query["attributes"] and said in answer.text


def test_data_words_without_a_quantity_still_describe_the_objective(full):
    q = full._understand("哪些模型用了指令数据")
    assert q.intent.value == "list" and "instruction-tuning" in str(q.where.model_dump())


# a value described in plain Chinese words, simplified or traditional (zh.yaml describe)
PLAIN = [
    ("把图片和文字放到同一个向量空间里对齐的模型", "objective", "image-text-contrastive"),
    ("把圖片和文字映射到同一個向量空間的模型有哪些", "objective", "image-text-contrastive"),
    ("从一团噪声里一步步“变”出图片的模型", "objective", "diffusion"),
    ("不用奖励模型、直接用偏好数据训练的模型", "objective", "dpo"),
    ("哪些模型是多个查询头共享键和值的", "trait", "grouped-query-attention"),
    ("只关注附近的词的注意力用在哪些模型上", "trait", "sliding-window-attention"),
    ("哪些模型用旋转位置来表示顺序", "trait", "rotary-embeddings"),
    ("靠强化学习提升推理能力的模型", "objective", "reasoning-rl"),
    ("能把語音轉成文字的模型", "objective", "speech-recognition"),
    ("能分割任意物体的模型", "objective", "promptable-segmentation"),
    ("哪些模型能生成句向量", "domain", "embeddings"),
    ("靠人類打分來調教回答的模型有哪些？", "objective", "rlhf"),
]


@pytest.mark.parametrize("zh, facet, value", PLAIN)
def test_a_value_described_in_plain_words(full, zh, facet, value):
    q = full._understand(zh)
    read = [(c["facet"], v) for c in q.where.model_dump()["items"] for v in c.get("values", [])]
    assert q.intent.value == "list" and (facet, value) in read


def test_quotes_around_chinese_words_are_no_title(full):
    q = full._understand("把文字一步一步从噪声里“洗”出图片的那类模型")
    assert q.lookup is None and q.intent.value == "list"


def test_a_bare_size_after_you_is_no_claim(reader):
    assert not reader.read("有七十亿参数的模型有哪些").gloss.startswith(("is", "has"))
    assert "has" not in reader.read("哪些模型有超过1000亿参数").gloss


def test_a_size_bound_is_never_a_paper_title(full):
    """'100 billion parameters' shares words with 'GPT-J-6B: A 6 Billion Parameter ...': a bound is a filter."""
    for q in ("models in the paper with at least 100 billion parameters", "paper models with more than 10 billion parameters"):
        assert full.understander.understand(q).lookup is None
    assert full.understander.understand("the paper about a 6 billion parameter autoregressive language model").lookup is not None


def test_a_chinese_answer_names_the_place_the_chinese_way(full):
    text = full.ask("参数第二大的模型是哪个").text
    assert "参数量第二大" in text and "second" not in text
    assert "第二新发布" in full.ask("谷歌第二新的模型是什么").text


# "论文里 / 论文中 / 只看论文里的" around a set question: the paper's own models (catalog = paper), not a paper lookup
PAPER_SCOPE = [
    "论文里除了 OpenAI 之外，还有哪些仅解码器模型用了 RLHF？",
    "靠人類打分來調教回答的模型有哪些？只看論文裡的",
    "論文中 Meta 的模型裡，哪些不是解碼器？",
    "论文里谷歌的闭源模型",
    "论文中有哪些仅编码器模型？",
    "论文里有多少个模型",
    "论文中参数量在一千亿以上的模型",
    "论文中提到了哪些谷歌的模型",
]


@pytest.mark.parametrize("zh", PAPER_SCOPE)
def test_in_the_paper_scopes_a_set_question_to_the_papers_models(full, zh):
    q = full._understand(zh)
    read = [(c["facet"], v) for c in q.where.model_dump()["items"] for v in c.get("values", [])]
    assert q.intent.value in ("list", "count") and ("catalog", "paper") in read and q.lookup is None


def test_whether_a_model_is_in_the_paper_stays_a_fact(full):
    for zh, model in (("GPT-3 在论文里吗", "gpt-3"), ("Mistral 7B 在原论文里吗", "mistral-7b")):
        q = full._understand(zh)
        assert q.models == [model] and [a.value for a in q.attributes] == ["in_paper"]


def test_a_passage_of_plain_text_is_no_span_corruption(full):
    """'一段普通文字' (a passage of ordinary text) describes the input, not masked spans."""
    q = full._understand("哪些模型是一边读一段普通文字一边从知识图谱里的实体学习，恢复被遮住的实体对齐？")
    read = [(c["facet"], v) for c in q.where.model_dump()["items"] for v in c.get("values", [])]
    assert read == [("objective", "entity-denoising")]


# a model's children asked with a verb after it (衍生出了, 派生了, 催生了, 孕育出): the models derived from it
CHILDREN = [
    ("BERT 衍生出了哪些模型", "bert"),
    ("LLaMA 衍生出哪些模型？", "llama"),
    ("LLaMA 催生了哪些模型", "llama"),
    ("T5 派生了哪些模型？", "t5"),
    ("LLaMA 孕育出了哪些模型", "llama"),
    ("哪些模型是拿LLaMA微调的", "llama"),
    ("哪些模型是由 LLaMA 改进而来的", "llama"),
    ("從 LLaMA 變來的模型有哪些", "llama"),
]


@pytest.mark.parametrize("zh, parent", CHILDREN)
def test_a_models_children(full, zh, parent):
    q = full._understand(zh)
    read = [(c["facet"], v) for c in q.where.model_dump()["items"] for v in c.get("values", [])]
    assert q.intent.value == "lineage" and read == [("derived", parent)]


@pytest.mark.parametrize("question", ["不开源的模型有哪些", "哪些模型未开源", "列出不開源的模型"])
def test_not_open_source_is_every_model_without_an_open_licence(question, full, full_catalog):
    """不开源 / 未开源 negate "open source" (limited and closed licences alike); 闭源 is the closed class."""
    a = full.ask(question)
    assert set(a.models) == {e.id for e in full_catalog.models.values() if e.license_class.value != "open"}, a.text
