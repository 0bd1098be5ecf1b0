"""Models described by mechanism instead of the catalog's term, and concepts asked to be explained, in
English and Chinese: each kind in several phrasings reads the vocabulary value (or the concept) it
describes, with one MiniLM encode per question at most."""

from __future__ import annotations

import pytest

from assistant import Session
from assistant.query import Intent, leaves


def _values(q):
    return {(c.facet, str(v)) for c, neg in leaves(q.where) if not neg for v in c.values}


@pytest.mark.parametrize("question, value", [
    # mixture of experts: a few experts per token ("for each token" points back at nothing)
    ("models where only a few expert sub-networks are active for each token", ("trait", "mixture-of-experts")),
    ("which models route every token to just a couple of expert feed-forward blocks?", ("trait", "mixture-of-experts")),
    ("models in which a router picks a few experts per token", ("trait", "mixture-of-experts")),
    ("sparse models where each input only uses some of the parameters", ("trait", "mixture-of-experts")),
    ("models where every token goes to only a few experts", ("trait", "mixture-of-experts")),  # a tie the word "experts" settles
    ("LLMs that send each token through a handful of experts", ("trait", "mixture-of-experts")),
    ("which sparse models report how many parameters are actually used per token?", ("trait", "mixture-of-experts")),
    # grouped-query attention: "attention heads" in a description of models is no concept question
    ("models where groups of attention heads reuse one set of keys/values", ("trait", "grouped-query-attention")),
    ("models with fewer key/value heads than query heads", ("trait", "grouped-query-attention")),
    # sliding-window attention
    ("Which models let each token look only at a fixed window of nearby tokens in (some of) their attention layers?",
     ("trait", "sliding-window-attention")),
    ("models whose attention only looks at a window of recent tokens", ("trait", "sliding-window-attention")),
    # preference objectives: RLHF described, DPO described, RL words as a way of training
    ("newer models where humans ranked outputs, a reward model was fit and then the model was optimised against it with RL",
     ("objective", "rlhf")),
    ("which models learn directly from pairs of preferred and rejected answers without a reward model?", ("objective", "dpo")),
    # objectives named by what they do
    ("models that both denoise and continue a prefix", ("objective", "prefix-lm")),
    ("models trained with a mix of denoising tasks including prefix continuation", ("objective", "prefix-lm")),
    ("the model that works out 3D shapes of proteins", ("objective", "protein-structure-prediction")),
    ("which model predicts how proteins fold?", ("objective", "protein-structure-prediction")),
    ("which model lines up images and captions with a contrastive loss?", ("objective", "image-text-contrastive")),
])
def test_a_described_mechanism_reads_its_value(full_assistant, question, value):
    q = full_assistant.understander.understand(question)
    assert q.intent is Intent.LIST and value in _values(q), (question, _values(q))


@pytest.mark.parametrize("question, wanted, unwanted", [
    ("models where only a few expert sub-networks are active for each token", {"switch", "glam", "mixtral-8x7b"}, set()),
    ("models that both denoise and continue a prefix", {"ul2", "alexatm-20b"}, {"t5", "bart"}),
    ("the model that works out 3D shapes of proteins", {"alphafold"}, {"big-bird"}),
    ("which model lines up images and captions with a contrastive loss?", {"clip"}, {"e5", "instructor"}),
    # a description that fits both contrastive objectives reads both
    ("models trained by pulling matching pairs together and pushing mismatched pairs apart in embedding space",
     {"clip", "e5", "instructor"}, set()),
    ("which models are trained contrastively, bringing related pairs close and unrelated pairs far apart?",
     {"clip", "e5", "instructor"}, set()),
    ("models trained on query and passage pairs so their vectors match", {"e5"}, {"clip"}),
    ("which models learn directly from pairs of preferred and rejected answers without a reward model?", {"zephyr", "tulu-3"},
     {"instructgpt"}),
    ("which of the newer LLMs went through some kind of preference alignment (human or AI preferences), whether RL-based or not?",
     {"llama-2", "zephyr", "phi-3"}, {"decision-transformers"}),
    ("哪些模型用人類打分的回饋再做強化學習來調整？", {"instructgpt", "llama-2"}, {"deepseek-r1"}),
    ("用对比学习把图片和文字对齐的模型是哪个", {"clip"}, {"e5", "instructor"}),
    ("做「填空」式预训练、把挖掉的片段按顺序生成出来的模型", {"glm"}, set()),
])
def test_a_described_set_answers_its_models(full_assistant, question, wanted, unwanted):
    a = full_assistant.ask(question, Session())
    assert wanted <= set(a.models) and not unwanted & set(a.models), (question, a.models)


@pytest.mark.parametrize("question, concept", [
    ("diffusion models in a nutshell", "diffusion-models"),
    ("mixture of experts in plain words", "mixture-of-experts"),
    ("prefix LM 101", "prefix-lm"),
    ("prefix LM 和普通语言模型有什么区别", "prefix-lm"),
    ("grouped-query attention 是干嘛的", "grouped-query-attention"),
    ("混合专家是干什么的", "mixture-of-experts"),
])
def test_a_concept_asked_to_be_explained_is_explained(full_assistant, question, concept):
    a = full_assistant.ask(question, Session())
    assert a.intent is Intent.CONCEPT and a.query["concept"] == concept, (question, a.intent, a.query)


def test_a_condition_said_to_hold_either_way_constrains_nothing(full_assistant):
    q = full_assistant.understander.understand("preference-tuned models, with or without RLHF")
    assert _values(q) == {("objective", "rlhf"), ("objective", "dpo")}
    assert ("domain", "reinforcement-learning") not in _values(full_assistant.understander.understand(
        "which models were preference-aligned, whether RL-based or not?"))
    yes_no = full_assistant.understander.understand("is BERT an encoder or not?")
    assert ("architecture", "encoder") in _values(yes_no)  # a yes/no question keeps what it asks about


@pytest.mark.parametrize("question", ["models where only a few expert sub-networks are active for each token",
                                      "which model lines up images and captions with a contrastive loss?",
                                      "the model that works out 3D shapes of proteins"])
def test_a_plain_words_question_costs_one_encode(full_catalog, embedder, question):
    from assistant.lexicon import lexicon
    from assistant.paraphrase import Paraphraser
    from assistant.understand import Understander

    calls = []
    paraphraser = Paraphraser(lexicon("en"), lambda texts: calls.append(list(texts)) or embedder.encode(list(texts)))
    paraphraser._vectors()
    calls.clear()
    Understander(full_catalog, paraphraser).understand(question)
    assert len(calls) <= 1, calls


def test_each_alone_points_back_but_each_token_does_not(full_assistant):
    s = Session()
    listed = full_assistant.ask("which models use span corruption?", s)
    each = full_assistant.ask("what's the license of each?", s)
    assert each.models == listed.models and not each.clarification
    fresh = full_assistant.ask("models where only a few expert sub-networks are active for each token", Session())
    assert not fresh.clarification and {"switch", "glam"} <= set(fresh.models)


@pytest.mark.parametrize("question", ["which sparse models report how many parameters are actually used per token?",
                                      "which models have a recorded active parameter count?",
                                      "MoE models with active parameters listed",
                                      "哪些模型公布了每个词激活的参数量"])
def test_a_recorded_active_size_is_a_field(full_assistant, full_catalog, question):
    a = full_assistant.ask(question, Session())
    recorded = {e.id for e in full_catalog.models.values() if any("active" in (v.label or "").lower() for v in e.params.variants)}
    assert recorded and set(a.models) == recorded, (question, a.models)


def test_active_per_token_asked_of_a_model_is_no_premise(full_assistant):
    q = full_assistant.understander.understand("how many parameters are active per token in GPT-3?")
    assert q.models == ["gpt-3"] and not q.premises
