"""Kinds of the words area (round 11), each written in wordings other than the failing examples':

- the manner in which a named model (or models named as examples, "models like X") uses a named mechanism ("how did
  XLNet use PLM?", "Llama 2 是怎样用分组查询注意力的") asks for the mechanism explained, not the model's overview nor a list
  of models like it, and so does an explanation asked of a mechanism named before a model ("explain GQA as used in
  Llama 2"); a mechanism the named model lacks is a premise to correct, as before;
- a concept with no vocabulary value of its own named by what it does ("hook an image encoder into an LLM": multimodal
  projection; "power laws" of training: scaling laws; "splitting text into subword units": tokenization) is explained,
  and so is a term whose meaning is asked beside a model ("what does compute-optimal mean for Chinchilla?", "…是什么意思"),
  and a name the catalog lacks that the explained concept's own entry gives is no unknown model ("Mamba" in hybrids);
- a contrast between two named mechanisms asked with the verb "differ" or with 不一样 / 不同 / 差别 after a question word
  ("in what ways do X and Y differ?", "X 和 Y 哪里不一样") explains both, not the models having both;
- a mechanism described in Chinese plain words: many experts with each token sent to a few of them (mixture of experts),
  only the words before predicted one after another (causal LM), matched pictures and texts brought close in one space
  (image-text contrastive); a long cue with a word or a quote inserted counts over the short cue inside it;
- words that fit several values alike (pulling pairs together, pushing the rest apart) beside words naming one of them
  (the pairs are pictures and captions) read as that one value, not as both values required together;
- the decoder named as the generating / writing half (side, part) of the Transformer, as the encoder is its reading half;
- a model's style said of a pretraining device ("GLM-style blanks", "BERT-style masking") names the model's objective,
  not its architecture (a style said of a kind of model, "BERT-style encoders", stays its architecture);
- a key written in Taiwan's characters and words (分組查詢注意力, 查資料) reads as the simplified key does
  (OpenCC takes 查詢 back to 查找 and 資料 to 数据, not to the words the keys were written with);
- a likeness negated in Chinese ("和 GPT-3 不一样的模型", "跟 LLaMA 不太像的"): models unlike the one named, never like it;
- "at least" before no quantity is a hedge ("sliding window attention, at least in some layers"): the layers describe
  where the mechanism is, no count of layers is asked (a bound, "at least 24 layers", still asks for one).
"""

from __future__ import annotations

import pytest

from tests.assistant.spec import project


@pytest.mark.parametrize("q, concept", [
    ("How did XLNet use permutation language modeling to see both sides?", "plm"),
    ("How does Mistral 7B apply sliding window attention?", "sliding-window-attention"),
    ("How do reasoning models such as Qwen3 get trained with verifiable rewards?", "reinforcement-learning-for-reasoning"),
    ("Llama 2 是怎样用分组查询注意力省显存的", "grouped-query-attention"),
    ("AlphaFold 如何从氨基酸序列算出蛋白质结构", "protein-structure-prediction"),
    # an explanation asked in so many words of a mechanism named before the model
    ("Explain grouped-query attention as used in Llama 2", "grouped-query-attention"),
    ("please describe mixture of experts in Mixtral", "mixture-of-experts"),
])
def test_the_manner_a_named_model_uses_a_mechanism_explains_the_mechanism(full, q, concept):
    got = full._understand(q)
    assert (got.intent.value, got.concept) == ("concept", concept), (q, got.intent, got.concept)


@pytest.mark.parametrize("q, concept", [
    ("how do multimodal chatbots hook a CLIP image encoder into an LLM?", "multimodal-projection"),
    ("what does splitting text into subword units mean?", "tokenization"),
    # the meaning of a term asked beside a model that uses it
    ("What does compute-optimal mean for Chinchilla?", "scaling-laws"),
    ("Chinchilla 论文里的算力最优是什么意思", "scaling-laws"),
    # a name the catalog lacks but the explained concept's own entry gives (Mamba in state-space hybrids)
    ("In Jamba, how are the Mamba layers combined with attention?", "state-space-hybrids"),
])
def test_a_concept_named_by_what_it_does_is_explained(full, q, concept):
    got = full._understand(q)
    assert (got.intent.value, got.concept) == ("concept", concept), (q, got.intent, got.concept)


def test_the_manner_of_a_mechanism_the_model_lacks_is_a_premise_to_correct(full):
    q = full._understand("How did BERT use causal language modeling?")  # BERT is no causal LM
    assert q.intent.value == "fact" and [(p.model, p.constraint.values) for p in q.premises] == [("bert", ["causal-lm"])]


@pytest.mark.parametrize("q, first, other", [
    ("In what ways do masked language modeling and next sentence prediction differ?", "mlm", "nsp"),
    ("RLHF 跟 DPO 有什么不一样", "rlhf", "direct-preference-optimization"),
    ("前缀语言模型跟掩码语言模型不一样在哪", "prefix-lm", "mlm"),
])
def test_a_contrast_of_two_mechanisms_asked_with_differ_explains_both(full, q, first, other):
    got = full._understand(q)
    assert (got.intent.value, got.concept, got.other_concepts) == ("concept", first, [other]), (q, got.intent, got.concept)


def _values(q) -> set[tuple[str, str]]:
    return {(c["facet"], str(v)) for c in q.where.model_dump()["items"] if "facet" in c for v in c.get("values", [])}


@pytest.mark.parametrize("zh, facet, value", [
    ("哪些模型每个词元只会被分配给少数几个专家", "trait", "mixture-of-experts"),
    ("那些内部有很多个“专家”、每个词元只交给其中一两个处理的模型", "trait", "mixture-of-experts"),
    ("看不到后面的词、只靠上文一个词一个词往后写的模型", "objective", "causal-lm"),
    ("让匹配的图片和描述在同一个空间里靠得更近的模型", "objective", "image-text-contrastive"),
    ("把照片跟配套的文字拉到一个空间里对齐的模型", "objective", "image-text-contrastive"),
    # a guard (read right before): the pulling together said of sentences is the text-embedding value alone
    ("把相似的句子拉近、不相似的推远来训练的模型", "objective", "contrastive"),
])
def test_a_mechanism_described_in_chinese_plain_words_reads_as_its_value(full, zh, facet, value):
    q = full._understand(zh)
    assert q.intent.value == "list" and _values(q) == {(facet, value)}, (zh, full.chinese.read(zh).gloss, _values(q))


def test_a_negated_chinese_description_stays_negated(full):  # a guard: negation kept through the new cues
    q = full._understand("不是靠把图文配对拉近来训练的模型有哪些")
    items = q.where.model_dump()["items"]
    assert [(i["kind"], i["item"]["facet"], i["item"]["values"]) for i in items] == [
        ("not", "objective", ["image-text-contrastive"])], items


@pytest.mark.parametrize("q, where", [
    ("Google models that keep only the writing half of the Transformer", "architecture = decoder AND lab = Google"),
    ("models that are not the writing half of a transformer", "architecture ≠ decoder"),
])
def test_the_decoder_named_as_the_generating_half_of_the_transformer(full, full_catalog, q, where):
    assert project(full.understander.understand(q), full_catalog)["where"] == where


@pytest.mark.parametrize("q, where", [
    ("decoders trained on ELECTRA-style pretraining objectives",
     "objective = replaced token detection (RTD) (as ELECTRA) AND architecture = decoder"),
    ("models pretrained with BERT-style masking",
     "objective = masked language modeling (MLM) or next sentence prediction (NSP) (as BERT)"),
    ("BERT-style encoders from Google", "architecture = encoder (as BERT) AND lab = Google"),  # a guard
])
def test_a_models_style_said_of_a_pretraining_device_names_its_objective(full, full_catalog, q, where):
    assert project(full.understander.understand(q), full_catalog)["where"] == where


@pytest.mark.parametrize("q, unrecorded", [
    ("models using sliding window attention, at least in some of their layers", []),
    ("models with at least 24 layers", ["number of layers"]),  # a guard: a bound on layers is still a count asked for
])
def test_at_least_before_no_quantity_is_a_hedge_not_a_count(full, q, unrecorded):
    assert full.understander.understand(q).unrecorded == unrecorded


@pytest.mark.parametrize("zh, facet, value", [
    ("分組查詢注意力是怎麼省記憶體的", "trait", "grouped-query-attention"),
    ("哪些模型會先上網查資料再回答", "trait", "retrieval-augmented"),
])
def test_a_key_written_in_taiwan_characters_and_words_reads_as_the_key(full, zh, facet, value):
    q = full._understand(zh)
    assert (facet, value) in _values(q), (zh, full.chinese.read(zh).gloss, _values(q))


@pytest.mark.parametrize("zh", ["和 GPT-3 不一样的模型有哪些", "跟 LLaMA 不太一样的模型"])
def test_a_negated_likeness_in_chinese_stays_negated(full, zh):
    items = full._understand(zh).where.model_dump()["items"]
    assert items and all(i["kind"] == "not" for i in items), (zh, full.chinese.read(zh).gloss, items)
