"""Kinds of Chinese question, each in wordings other than the blind sets' own: a concept asked how it
is trained or how it runs (explained, not listed); concept texts in Chinese that carry the English
technical terms beside the Chinese; two models compared by their total size or by which is smaller;
unrecorded facts asked with English words inside the Chinese (a singular 'attention head', a space
between GPU and 小时, speed per second); plain-words descriptions (speech to text, searching before
answering, sentence vectors for semantic search, seeing images and reading text together, human
scores used for reinforcement learning); the models whose size the catalog lacks; a size claim written
as arithmetic after a model's name; a domain as a model's only one (只做/只搞); a model excluded together
with all its descendants."""

from __future__ import annotations

import pytest


def _where(q) -> set[tuple[str, str]]:
    return {(c["facet"], str(v)) for c in q.where.model_dump()["items"] if "facet" in c for v in c.get("values", [])}


# -- a concept asked how it is trained / how it runs: the concept explained, not the models using it listed
HOW = [
    ("掩码语言建模是如何训练的", "mlm"),
    ("前缀语言模型是怎么训练的", "prefix-lm"),
    ("GQA 怎么运作", "grouped-query-attention"),
    ("RLHF 的训练流程是怎样的", "rlhf"),
    ("next sentence prediction 這個任務怎麼訓練", "nsp"),
    ("滑动窗口注意力是怎么运作的", "sliding-window-attention"),
]


@pytest.mark.parametrize("zh, concept", HOW)
def test_how_a_concept_is_trained_or_runs_is_explained(full, zh, concept):
    q = full._understand(zh)
    assert q.intent.value == "concept" and q.concept == concept, (zh, full.chinese.read(zh).gloss, q.intent, q.concept)


def test_how_a_model_was_trained_stays_its_objective(full):
    q = full._understand("ELECTRA 是怎么训练的")
    assert q.intent.value == "fact" and q.models == ["electra"] and "objective" in [a.value for a in q.attributes]


def test_how_a_concept_is_trained_in_english(full):
    q = full._understand("how is masked language modeling trained?")
    assert q.intent.value == "concept" and q.concept == "mlm"


# -- the Chinese concept texts name the English technical terms a reader searches for
TERMS = {  # English term in an English concept body -> it must be in the Chinese text of that concept too
    "rlhf": ["reward model", "preference", "PPO", "SFT"],
    "mixture-of-experts": ["router", "expert", "top-1"],
    "rotary-position-embeddings": ["rotat", "position", "query", "key"],
    "knowledge-distillation": ["teacher", "student", "soft target"],
    "direct-preference-optimization": ["reward model", "preference"],
    "grouped-query-attention": ["query", "key", "value"],
}


@pytest.mark.parametrize("cid, terms", TERMS.items())
def test_chinese_concept_texts_carry_the_english_terms(cid, terms):
    from catalog.translations import concept_texts

    text = concept_texts("zh")[cid].summary.lower()
    assert [t for t in terms if t.lower() not in text] == []


# -- two named models compared by their total size, or by which is the smaller
COMPARED = [
    ("LLaMA 和 Llama 2 总参数量对比", {"llama", "llama-2"}),
    ("GPT-3 跟 PaLM 比较一下总参数量", {"gpt-3", "palm"}),
    ("T5、BART 总参数量谁大", {"t5", "bart"}),
    ("Switch 与 GLaM 哪个参数少", {"switch", "glam"}),
    ("BERT 对比 RoBERTa，谁参数少", {"bert", "roberta"}),
]


@pytest.mark.parametrize("zh, models", COMPARED)
def test_two_models_compared_by_size(full, zh, models):
    q = full._understand(zh)
    assert q.intent.value == "compare" and set(q.models) == models, (zh, full.chinese.read(zh).gloss, q.intent)
    assert "params" in [a.value for a in q.attributes] and not _where(q)  # "fewer parameters" is no trait here


# -- an unrecorded fact with English words inside the Chinese: said to be unrecorded, never answered
UNRECORDED = [
    ("GPT-3 每层有多少个 attention head", "gpt-3"),
    ("Mistral 7B 推理时占多少显存", "mistral-7b"),
    ("LLaMA 在 H100 上每秒生成多少 tokens", "llama"),
    ("Falcon 的推理速度有多快", "falcon"),
    ("Qwen2 的吞吐量是多少", "qwen2"),
]


@pytest.mark.parametrize("zh, model", UNRECORDED)
def test_an_unrecorded_fact_with_english_words(full, zh, model):
    q = full._understand(zh)
    assert q.models == [model] and q.unrecorded, (zh, full.chinese.read(zh).gloss)


def test_a_key_point_answers_gpu_hours_written_with_a_space(full):
    a = full.ask("DeepSeek-V3 整个训练用了多少 GPU 小时？")
    assert "2.788M" in a.text and "H800" in a.text


# -- a kind of model described in plain words
PLAIN = [
    ("把录音变成文字稿的模型", ("objective", "speech-recognition")),
    ("专门把声音转文字的模型有哪些", ("objective", "speech-recognition")),
    ("会联网搜索资料再作答的模型", ("trait", "retrieval-augmented")),
    ("先查找相关文档然后再生成回复的模型有哪些", ("trait", "retrieval-augmented")),
    ("能把文本编码成向量、用来做相似度搜索的模型", ("domain", "embeddings")),
    ("既能理解图片又能读懂文字的模型", ("domain", "vision-language")),
    ("根据人工评分做过强化学习的模型", ("objective", "rlhf")),
]


@pytest.mark.parametrize("zh, read", PLAIN)
def test_a_kind_described_in_plain_words(full, zh, read):
    q = full._understand(zh)
    got = _where(q)
    assert read in got, (zh, full.chinese.read(zh).gloss, got)
    assert ("trait", "retrieval-augmented") not in got or read[1] == "retrieval-augmented"
    assert ("finetuned", "yes") not in got
    if read[1] == "vision-language":  # images and text together: not also "vision or text"
        assert {v for f, v in got if f == "domain"} == {"vision-language"}


def test_a_training_method_then_fine_tuned_is_that_method(full):
    q = full._understand("靠人工评分做强化学习微调过的模型有哪些")
    assert _where(q) == {("objective", "rlhf")}


# -- the models whose size the catalog does not record
SIZE_UNKNOWN = ["参数量没有记录的模型有哪些", "哪些模型参数量没写明", "目录中参数量不详的模型", "没有给出具体参数的模型"]


@pytest.mark.parametrize("zh", SIZE_UNKNOWN)
def test_models_without_a_recorded_size(full, zh):
    q = full._understand(zh)
    assert q.intent.value == "list" and ("size", "unknown") in _where(q), (zh, full.chinese.read(zh).gloss, q.intent)


# -- a size claim written as arithmetic right after a model's name
ARITHMETIC = [
    ("Mixtral 8x7B 按 8×7=56B 算，激活参数是多少", "mixtral-8x7b"),
    ("Mixtral 8x7B 一共 8×7B 参数吗", "mixtral-8x7b"),
    ("Gemma 2 9×3=27B 是最大的吗", "gemma-2"),
]


@pytest.mark.parametrize("zh, model", ARITHMETIC)
def test_a_size_claim_after_a_name_is_no_unknown_model(full, zh, model):
    q = full._understand(zh)
    assert not q.unknown_names and q.models == [model], (zh, full.chinese.read(zh).gloss, q.unknown_names)


# -- a domain said to be a model's only one
ONLY = [("只做数学的模型", "math"), ("只做视觉的模型", "vision"), ("专门只做代码生成的模型中最大的是哪个", "code"),
        ("只做翻译的模型", "translation")]


@pytest.mark.parametrize("zh, domain", ONLY)
def test_a_domain_as_the_only_one(full, zh, domain):
    q = full._understand(zh)
    assert {("domains", "1.0"), ("domain", domain)} <= _where(q), (zh, full.chinese.read(zh).gloss, _where(q))


# -- a model excluded together with all its descendants
WITH_DESCENDANTS = [
    "除了 T5 和它所有的后代，还有哪些模型",
    "排除 T5 以及它所有的后代，剩下的编码器-解码器模型",
    "除 LLaMA 本身以及它全部的后代之外，还有哪些模型",
    "除了 GPT 本身和它的所有后代以外的解码器模型",
]


@pytest.mark.parametrize("zh", WITH_DESCENDANTS)
def test_a_model_excluded_with_its_descendants(full, zh):
    q = full._understand(zh)
    ex = [e.model_dump() for e in q.exclude]
    assert ex and all(e.get("descendants") for e in ex), (zh, full.chinese.read(zh).gloss, ex)


# -- a Chinese concept answer names the concept in English too, and the unrecorded attribute in Chinese
@pytest.mark.parametrize("zh, english", [("前缀语言模型是什么", "Prefix language modeling"), ("讲讲 SwiGLU", "SwiGLU feed-forward layers"),
                                         ("知识蒸馏和模型压缩有什么区别", "Knowledge distillation")])
def test_a_chinese_concept_answer_gives_the_english_name(full, zh, english):
    assert english in full.ask(zh).text


def test_every_unrecorded_attribute_has_a_chinese_label():
    from assistant.lexicon import lexicon

    labels = lexicon("zh").data["labels"]["unrecorded"]
    assert [k for k in lexicon("en").data["unrecorded"] if k not in labels] == []


# -- an encoder and a decoder joined by '+' / 'plus' / 加: the encoder-decoder architecture, not either one
@pytest.mark.parametrize("q", ["编码器+解码器结构的模型有哪些", "谷歌的 encoder+decoder 模型", "encoder plus decoder models from Meta",
                               "编码器 + 解码器架构、2020 年发布的模型"])
def test_encoder_plus_decoder_is_one_architecture(full, q):
    got = _where(full._understand(q))
    assert ("architecture", "encoder-decoder") in got and ("architecture", "encoder") not in got, got


# -- how two concepts relate, asked as 有什么关系/联系/异同: both explained side by side
@pytest.mark.parametrize("zh, concepts", [("MLM 和因果语言建模有什么联系", {"mlm", "causal-lm"}),
                                          ("NSP 与 SOP 是什么关系", {"nsp", "sop"}),
                                          ("知识蒸馏跟模型压缩有何异同", {"knowledge-distillation", "model-compression"})])
def test_how_two_concepts_relate_is_explained_side_by_side(full, zh, concepts):
    q = full._understand(zh)
    assert q.intent.value == "concept" and {q.concept, *q.other_concepts} == concepts, (zh, full.chinese.read(zh).gloss)


# -- aligned to human preferences, reinforcement learning not said: RLHF or DPO
@pytest.mark.parametrize("zh", ["做过偏好对齐的新增模型有哪些", "哪些模型和人类偏好对齐过"])
def test_preference_alignment_is_rlhf_or_dpo(full, zh):
    q = full._understand(zh)
    assert ("objective", "dpo") in _where(q) and ("objective", "rlhf") in _where(q), (zh, full.chinese.read(zh).gloss)


# -- a mechanism's own size (experts, the attention window): no field, quoted where a key point states it
@pytest.mark.parametrize("q, model, quoted", [("Qwen3 有多少专家", "qwen3", "128 experts"),
                                              ("Mixtral 8x7B 的专家数量是多少", "mixtral-8x7b", "8 experts per layer"),
                                              ("what is the expert count of DeepSeek-V3?", "deepseek-v3", None),
                                              ("Mistral 7B 的滑动窗口大小是多少", "mistral-7b", None)])
def test_a_mechanisms_size_is_unrecorded_or_quoted(full, q, model, quoted):
    parsed = full._understand(q)
    assert parsed.models == [model] and parsed.unrecorded, (q, parsed.unrecorded)
    text = full.ask(q).text
    assert (quoted in text) if quoted else ("没有记录" in text or "does not record" in text), text[:300]


# -- a false mechanism claimed beside an unrecorded attribute: corrected first, in Chinese words in a Chinese answer
@pytest.mark.parametrize("q, denied", [("Llama 3 是混合专家模型，它有多少个专家？", "而不是 混合专家"),
                                       ("既然 Gemma 是 MoE，它每层几个专家", "而不是 混合专家"),
                                       ("Falcon is an MoE model, what's its expert count?", "not mixture-of-experts")])
def test_a_false_mechanism_beside_an_unrecorded_attribute_is_corrected(full, q, denied):
    text = full.ask(q).text
    assert denied in text, text[:300]
    if "而不是" in denied:  # the model's own traits named in Chinese too
        assert "grouped-query-attention" not in text and "long-context" not in text, text[:300]
