"""Kinds of the words area (round 12), each written in wordings other than the failing examples':

- a trait described in everyday Chinese (looking things up on the web before answering, taking in a very long
  text at once, being cheap, small and fast to run) reads as its trait, not as nothing or as the text domain;
- two names of one concept contrasted ("foundation model vs fine-tuned model", "预训练模型跟微调过的模型差别"): the concept
  is the contrast and is explained, not the models having one side of it listed;
- the meaning of a mechanism's own field term asked ("what do active parameters mean", "总参数和激活参数是什么意思"): the
  term is the mechanism's (active parameters: mixture of experts) and is explained, not the models recording it listed;
- the steps, stages or pipeline of a mechanism asked ("how many stages does RLHF have", "RLHF 分哪几步", "几个阶段"):
  the mechanism is explained step by step; a count of its steps is no count of models;
- a word of a longer model name ("Transformer" of "Decision Transformer") names no concept: the question is the model's;
  reinforcement learning (control) recast as sequence modelling, however phrased, is next-action prediction;
- why a model traded one mechanism for another, in any clause order or voice ("why, in ALBERT, was NSP replaced by
  SOP?", "为何 ALBERT 用句子顺序预测取代了下一句预测", "为什么把…改成…"): the mechanism is explained, not the model's overview;
- the kinds of a mechanism asked, after its name or counted ("注意力有几种", "positional encodings: how many types are
  there?", "位置编码有哪几种"): the mechanism is explained, not the models counted; the kinds of models stay a set question;
- values of two fields in two clauses joined by "or" ("models that generate images or do speech recognition", "trained
  with RLHF or built by Google"): either clause, not both; a negation before them negates both ("not A or B": neither);
- each word predicted from the left context alone, in plain words ("only look at the left context", "given the preceding
  text", "只会根据上文逐个预测"): causal language modelling, and "only" there is the manner's word, not the model's only
  objective (no count of objectives, no masked-LM guess from the leftover words);
- each token limited to a fixed number of nearby tokens, in plain words ("see only its neighbouring tokens, not the entire
  sequence", "a fixed-size window of nearby tokens"): sliding-window attention; "the whole text" there is the input at
  hand, no text domain (nor one negated);
- a likeness to the original Transformer of 2017, no catalog model ("like the vanilla Transformer from the 2017 paper"):
  it illustrates what is asked, and its own words (translation, 2017) constrain nothing;
- two mechanisms contrasted, each written as a named model's own ("BERT's MLM vs GPT's causal LM", "ELECTRA 的替换词检测跟
  BERT 的掩码语言建模"): the mechanisms are explained side by side, the models only say whose they are.
"""

from __future__ import annotations

import pytest


def _values(q) -> set[tuple[str, str]]:
    return {(c["facet"], str(v)) for c in q.where.model_dump()["items"] if "facet" in c for v in c.get("values", [])}


@pytest.mark.parametrize("zh, value", [
    ("哪些模型在作答前会上网查一查", "retrieval-augmented"),
    ("能联网搜一下再回复的模型", "retrieval-augmented"),
    ("有没有一次能读进整本书那么长内容的模型", "long-context"),
    ("跑得快、成本低的模型有哪些", "efficient"),
    ("省内存又推理快的模型", "efficient"),
])
def test_a_trait_described_in_everyday_chinese_reads_as_the_trait(full, zh, value):
    q = full._understand(zh)
    assert q.intent.value == "list" and _values(q) == {("trait", value)}, (zh, full.chinese.read(zh).gloss, _values(q))


@pytest.mark.parametrize("q", [
    "fine-tuned model versus foundation model",
    "contrast a foundation model with a fine-tuned model",
    "pretrained models compared with fine-tuned models",
    "预训练模型跟微调过的模型差别在哪",
])
def test_two_names_of_one_concept_contrasted_explain_the_concept(full, q):
    got = full._understand(q)
    assert (got.intent.value, got.concept) == ("concept", "foundation-vs-fine-tuned"), (q, got.intent, got.concept)


def test_a_set_of_one_side_of_the_contrast_is_still_listed(full):  # a guard: a lab makes it a set question
    assert full._understand("compare Meta's base models with its fine-tuned models").intent.value == "list"


@pytest.mark.parametrize("q", [
    "what's the difference between total and active parameter counts in MoE models?",
    "in a mixture of experts, what does active parameters mean compared with the total?",
    "what are activated parameters?",
    "混合专家模型里的总参数和激活参数分别是什么意思",
])
def test_the_meaning_of_a_mechanisms_field_term_explains_the_mechanism(full, q):
    got = full._understand(q)
    assert (got.intent.value, got.concept) == ("concept", "mixture-of-experts"), (q, got.intent, got.concept)


@pytest.mark.parametrize("q, intent", [  # guards: the models recording it, and a model's own count, stay what they were
    ("which MoE models record active parameters?", "list"),
    ("how many active parameters does Mixtral have?", "fact"),
])
def test_a_set_or_a_models_count_of_active_parameters_is_no_explanation(full, q, intent):
    assert full._understand(q).intent.value == intent


@pytest.mark.parametrize("q, concept", [
    ("how many stages does RLHF have, and what happens in each?", "rlhf"),
    ("how many steps are in instruction tuning?", "instruction-tuning"),
    ("RLHF 分哪几步", "rlhf"),
    ("DPO 一共有几个阶段，每个阶段做什么", "direct-preference-optimization"),
])
def test_the_steps_of_a_mechanism_explain_the_mechanism(full, q, concept):
    got = full._understand(q)
    assert (got.intent.value, got.concept) == ("concept", concept), (q, got.intent, got.concept)


def test_a_models_training_steps_are_still_unrecorded(full):  # a guard: a model's steps are a hyperparameter
    assert full._understand("how many training steps did PaLM take?").unrecorded


@pytest.mark.parametrize("q, model", [
    ("how does Decision Transformer use returns to pick actions?", "decision-transformers"),
    ("how does Trajectory Transformer plan?", "trajectory-transformers"),
])
def test_a_word_of_a_longer_model_name_names_no_concept(full, q, model):
    got = full._understand(q)
    assert got.concept != "transformer" and got.models == [model], (q, got.intent, got.concept, got.models)


@pytest.mark.parametrize("q, intent", [
    ("how does Gato treat control as sequence modeling?", "concept"),
    ("which models cast offline RL as conditional sequence modeling?", "list"),
])
def test_reinforcement_learning_as_sequence_modelling_is_next_action_prediction(full, q, intent):
    got = full._understand(q)
    assert (got.intent.value, _values(got)) == (intent, {("objective", "next-action-prediction")}), (q, got.intent, _values(got))


def test_the_transformer_named_alone_is_still_the_concept(full):  # a guard
    assert full._understand("how does the original transformer work?").concept == "transformer"


@pytest.mark.parametrize("q", [
    "why, in ALBERT, was NSP replaced by SOP?",
    "为何 ALBERT 用句子顺序预测取代了下一句预测",
    "ALBERT 为什么把下一句预测改成句子顺序预测",
])
def test_why_a_model_traded_one_mechanism_for_another_explains_it(full, q):
    got = full._understand(q)
    assert got.intent.value == "concept" and got.concept in ("sop", "nsp"), (q, got.intent, got.concept)


@pytest.mark.parametrize("q, concept", [
    ("注意力有几种，GQA 是谁在用", "attention"),
    ("positional encodings: how many types are there, and who uses RoPE?", "positional-encoding"),
    ("tokenization comes in how many kinds?", "tokenization"),
])
def test_the_kinds_of_a_mechanism_explain_the_mechanism(full, q, concept):
    got = full._understand(q)
    assert (got.intent.value, got.concept) == ("concept", concept), (q, got.intent, got.concept)


def test_the_kinds_of_models_using_a_mechanism_stay_a_set(full):  # a guard
    assert full._understand("what types of models use RoPE?").intent.value == "list"


@pytest.mark.parametrize("q", [
    "models that generate images or do speech recognition",
    "which models do speech recognition or handle audio?",
    "models trained with RLHF or built by Google",
    "which models write code or have a mixture of experts?",
])
def test_values_of_two_fields_in_clauses_joined_by_or_are_alternatives(full, q):
    items = full._understand(q).where.model_dump()["items"]
    assert [i["kind"] for i in items] == ["or"], (q, items)


def test_a_negation_before_clauses_joined_by_or_negates_both(full):  # "not from Google or trained with RLHF": neither
    items = full._understand("models that are not from Google or trained with RLHF").where.model_dump()["items"]
    assert [(i["kind"], i["item"]["kind"]) for i in items] == [("not", "or")], items


@pytest.mark.parametrize("q", [
    "models that only look at the left context to predict each word",
    "decoders that guess each token given the preceding text",
    "2018 年那些只根据上文一个字一个字往后写的模型",
    "只根据前面的词往下猜的模型有哪些",
])
def test_prediction_from_the_left_context_alone_is_causal_lm(full, q):
    got = full._understand(q)
    objectives = {v for f, v in _values(got) if f.startswith("objective")}
    assert objectives == {"causal-lm"}, (q, _values(got))


@pytest.mark.parametrize("q", [
    "models where every token can see only its neighbouring tokens, not the entire sequence",
    "which models restrict each token to a fixed-size window of nearby tokens?",
    "models whose tokens attend only to a handful of nearby tokens",
    "which LLMs let a word look at its nearest words rather than the whole text?",
])
def test_attention_limited_to_nearby_tokens_is_sliding_window(full, q):
    got = full._understand(q)
    assert (got.intent.value, _values(got)) == ("list", {("trait", "sliding-window-attention")}), (q, _values(got))


def test_attention_not_limited_to_nearby_tokens_stays_negated(full):  # a guard: negation kept
    items = full._understand("models that do not attend only to nearby tokens").where.model_dump()["items"]
    assert [(i["kind"], i["item"]["values"]) for i in items] == [("not", ["sliding-window-attention"])], items


@pytest.mark.parametrize("q, where", [
    ("list encoder-decoder models similar to the vanilla Transformer from the 2017 paper", {("architecture", "encoder-decoder")}),
    ("models built the way the original machine translation transformer was, with an encoder and a decoder",
     {("architecture", "encoder-decoder")}),
    ("added models that keep both an encoder and a decoder as in the original translation Transformer",
     {("architecture", "encoder-decoder"), ("catalog", "beyond")}),
])
def test_a_likeness_to_the_original_transformer_constrains_nothing(full, q, where):
    got = full._understand(q)
    assert (got.intent.value, _values(got)) == ("list", where), (q, _values(got))


@pytest.mark.parametrize("q, first, other", [
    ("how does XLNet's permutation LM differ from BERT's masked LM?", "plm", "mlm"),
    ("what's the difference between BERT's MLM and GPT's causal LM?", "mlm", "causal-lm"),
    ("ELECTRA 的替换词检测跟 BERT 的掩码语言建模有什么不同", "replaced-token-detection", "mlm"),
])
def test_two_mechanisms_contrasted_as_named_models_own_explain_both(full, q, first, other):
    got = full._understand(q)
    assert (got.intent.value, got.concept, got.other_concepts) == ("concept", first, [other]), (q, got.intent, got.concept)


def test_two_models_compared_by_a_field_stay_a_comparison(full):  # a guard
    assert full._understand("compare BERT's size with GPT-2's").intent.value == "compare"
