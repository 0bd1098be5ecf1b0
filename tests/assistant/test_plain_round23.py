"""Round 23, plain words: record fields, objectives, attention patterns and training steps said in plain words.

- where a model's training material came from ("where did the training text for GPT-2 come from?",
  训练对话是从哪里来的): its corpus field, never its lineage;
- the terms a model may be used under ("what were the licensing terms of LLaMA?", "usage terms", 使用条款):
  its licence field.
"""

from __future__ import annotations

import pytest

from assistant.query import leaves


def _where(q):
    return sorted((c.facet, c.op.value, tuple(sorted(c.values)), neg) for c, neg in leaves(q.where))


@pytest.mark.parametrize("q, model", [
    ("where did the training text for GPT-2 come from?", "gpt-2"),
    ("the pretraining documents of BLOOM, where do they come from?", "bloom"),
    ("which sources did the training examples of CLIP come from", "clip"),
    ("Whisper: where did its training audio come from", "whisper"),
    ("GPT-2 的训练文本是从哪里来的", "gpt-2"),
    ("BLOOM 的预训练语料来自哪里", "bloom"),
])
def test_where_training_material_came_from_is_the_corpus(full, q, model):
    a = full.ask(q)
    assert a.query["models"] == [model], (q, a.query["models"])
    assert "corpus" in a.query["attributes"] and a.query["intent"] != "lineage", (q, a.query["intent"], a.query["attributes"])


@pytest.mark.parametrize("q, model, words", [
    ("what were the licensing terms of LLaMA", "llama", "non-commercial"),
    ("what are the usage terms for Gemma?", "gemma", "Terms of Use"),
    ("Falcon's terms of use, please", "falcon", "Apache"),
    ("what usage restrictions came with OPT when it was released?", "opt", "non-commercial"),
    ("Gemma 的使用条款是什么", "gemma", "Terms of Use"),
    ("LLaMA 当初的许可条款是怎样的", "llama", "non-commercial"),
])
def test_usage_terms_are_the_license(full, q, model, words):
    a = full.ask(q)
    assert a.query["models"] == [model], (q, a.query["models"])
    assert "license" in a.query["attributes"], (q, a.query["attributes"])
    assert words.lower() in a.text.lower(), (q, a.text[:300])


SWA = {"mistral-7b", "gemma-2", "gemma-3", "modernbert"}


@pytest.mark.parametrize("q", [
    "which models let every token see just a short span of the preceding tokens rather than everything before it?",
    "models whose attention covers only a limited window of recent words",
    "attention that is restricted to a narrow band of neighbouring positions: which models use it? (additions too)",
    "哪些模型的注意力里每个词只看前面附近的一小段词，而不是全部历史",
    "每个位置只关注邻近的一小段词元的模型有哪些",
])
def test_attention_to_a_short_nearby_stretch_is_sliding_window(full, q):
    a = full.ask(q)
    assert ("trait", "all", ("sliding-window-attention",), False) in _where(full._understand(q)), (q, _where(full._understand(q)))
    assert set(a.models) == SWA, (q, a.models)


@pytest.mark.parametrize("q", [
    "models with a limited license from Meta",
    "which limited models came out in 2022?",
])
def test_limited_alone_is_still_the_licence(full, q):
    assert ("license", "in", ("limited",), False) in _where(full._understand(q)), (q, _where(full._understand(q)))


RLVR = {"deepseek-r1", "qwen3", "tulu-3"}


@pytest.mark.parametrize("q", [
    "models that are rewarded only if a program can verify their final solution",
    "which models earn a reward only when the result of a coding or math problem is confirmed correct?",
    "LLMs trained on rewards given for answers that can be automatically checked",
    "哪些模型的奖励来自能被程序自动验证的答案",
    "答案正确才给奖励的那种训练，哪些模型用过",
])
def test_reward_for_a_checked_answer_is_reasoning_rl(full, q):
    where = [(f, v, n) for f, _, v, n in _where(full._understand(q))]
    assert where == [("objective", ("reasoning-rl",), False)], (q, where)
    assert set(full.ask(q).models) == RLVR, q


@pytest.mark.parametrize("q", [
    "not left to right, but autoregressive over a shuffled order: which model?",
    "which model is trained autoregressively over randomly sampled permutations of the positions instead of plain left-to-right?",
    "不是按固定顺序，而是在随机排列的顺序上自回归预测的目标对应哪个模型",
    "不是只从左往右，而是按打乱后的顺序自回归地预测，这是哪个模型的目标",
])
def test_autoregressive_over_a_shuffled_order_is_permutation_lm(full, q):
    where = _where(full._understand(q))
    assert ("objective", "all", ("plm",), False) in where and not any(
        v == ("causal-lm",) and not n for _, _, v, n in where), (q, where)
    assert full.ask(q).models == ["xlnet"], q


def test_not_a_but_b_ends_the_negation_before_b(full):
    where = _where(full._understand("不是谷歌，而是 Meta 做的编码器"))
    assert ("lab", "in", ("Meta",), False) in where and ("lab", "in", ("Google",), True) in where, where


@pytest.mark.parametrize("q", [
    "count of additions trained with DPO, with RLHF, and with reasoning RL",
    "give me the number of additions tuned with RLHF, with DPO and with RL for reasoning",
    "how many of the newer models were aligned with DPO, with RLHF or with reasoning RL?",
])
def test_a_count_with_the_preposition_repeated_per_value_counts_each(full, q):
    u = full._understand(q)
    assert u.group_by == "objective", (q, u.group_by, _where(u))
    assert ("catalog", "in", ("beyond",), False) in _where(u), (q, _where(u))
    text = full.ask(q).text
    for said in ("(DPO)**: 7", "(RLHF)**: 9", "(verifiable rewards)**: 3"):
        assert said in text, (q, text[:300])


def test_a_list_with_the_preposition_repeated_stays_a_list(full):
    u = full._understand("additions trained with DPO, with RLHF and with reasoning RL")
    assert u.group_by is None and u.intent.value == "list", (u.group_by, u.intent)


DIFFUSION = {"dall-e-2", "glide", "imagen", "stablediffusion"}


@pytest.mark.parametrize("q", [
    "先给图像加噪声，再训练网络逐步把噪声清除从而画出图片的模型有哪些",
    "从一张全是噪点的图开始，一点点去噪直到得到画面的生成模型",
])
def test_noise_put_into_a_picture_and_taken_out_is_diffusion(full, q):
    where = _where(full._understand(q))
    assert ("objective", "all", ("diffusion",), False) in where and not any(n for *_, n in where), (q, where)
    assert set(full.ask(q).models) == DIFFUSION, q


def test_noise_put_into_text_stays_denoising_autoencoding(full):
    where = _where(full._understand("往文本里加噪声再还原原文的模型有哪些"))
    assert ("objective", "all", ("dae",), False) in where, where


@pytest.mark.parametrize("q, kept", [
    ("instruction-tuned additions that never went through an RL or preference-optimisation stage",
     {"bloomz", "code-llama", "gemma-2", "gemma-3", "llava", "mistral-7b", "mixtral-8x7b", "orca", "phi-1", "wizardlm", "yi"}),
    ("additions fine-tuned on instructions that skipped any RL step", None),
])
def test_an_rl_step_skipped_is_no_rl_objective(full, q, kept):
    where = _where(full._understand(q))
    assert ("objective", "in", ("reasoning-rl", "rlhf"), True) in where or (
        "objective", "in", ("dpo", "reasoning-rl", "rlhf"), True) in where, (q, where)
    assert not any(f == "domain" for f, *_ in where), (q, where)
    assert ("catalog", "in", ("beyond",), False) in where, (q, where)
    if kept is not None:
        assert set(full.ask(q).models) == kept, (q, full.ask(q).models)


FIM = {"cm3", "code-llama", "starcoder", "starcoder2"}


@pytest.mark.parametrize("q", [
    "models that fill in the middle by moving a snipped-out section to the end of the text",
    "which models remove a span from the file and stick it at the end before predicting it? include the additions",
    "把文档中间的一段剪下来、接到文档最后再一个词一个词预测出来的模型有哪些（包括新增的）",
])
def test_a_piece_moved_after_the_rest_is_causally_masked_lm(full, q):
    where = _where(full._understand(q))
    assert any(f == "objective" and "causal-masked-lm" in v and not n for f, _, v, n in where), (q, where)
    assert not any("blank-infilling" in v for _, _, v, _ in where), (q, where)
    assert set(full.ask(q).models) == FIM, q


@pytest.mark.parametrize("q, want", [
    ("which recent encoders use masked language modeling?", ["modernbert"]),
    ("a recent decoder trained with DPO from Microsoft", ["phi-3", "phi-4"]),
])
def test_recent_before_an_architecture_noun_is_the_additions(full, q, want):
    assert ("catalog", "in", ("beyond",), False) in _where(full._understand(q)), q
    assert full.ask(q).models == want, (q, full.ask(q).models)
