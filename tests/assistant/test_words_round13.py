"""Kinds of the words area (round 13), each written in wordings other than the failing examples':

- commercial use denied by a verb of prohibition ("a licence that prohibits commercial use", "banned from commercial
  use", "禁止商用", "不得用于商业用途", "不可商用"), or a licence said to be restricted ("许可证受限"): the limited,
  non-commercial licence class, never the open class the words "commercial use" name alone (a denial turned positive);
- a request to explain simply written before or after the concept with no separator ("ELI5 mixture of experts",
  "in layman's terms, what is ...", "..., explain like I'm five"): the concept is explained, and "ELI5" there is no
  training corpus;
- reinforcement learning qualified as reasoning's by a modifier ("reasoning-centric RL", "reasoning-oriented
  reinforcement learning"): the reasoning-RL objective, not the reinforcement-learning domain nor either RL objective;
- looking things up on the web before answering, in everyday verbs ("google things", "consult the internet", "pull in
  web pages", "check the web"): the retrieval-augmented trait; "google" there is a verb, not the lab;
- seeing a picture and talking about it ("view a photo and talk about it", "discuss screenshots"): the vision-language
  domain, not the dialogue domain "chat" or "talk" names alone;
- a fine-tuning verb after a generic base ("基于其他模型微调得到的", "在已有模型上微调的", "built on another model and then
  fine-tuned"): made by fine-tuning (the catalog's fine-tuned flag), not merely derived from some model;
- reinforcement learning as the means of training in Chinese, by a word of means before it or of tuning after it
  ("靠强化学习对齐", "借助强化学习优化", "强化学习调模型"): either RL objective, not the reinforcement-learning domain;
- a protein's shape in space, in any order or language ("a protein's 3D shape", "蛋白质的空间结构"): protein structure
  prediction, not the biology domain alone;
- the training objective of a model class asked ("the training objective of diffusion models", "扩散模型的训练目标"): the
  objective's entry is explained, not the class's overview.
"""

from __future__ import annotations

import pytest


def _values(q) -> set[tuple[str, str]]:
    return {(c["facet"], str(v)) for c in q.where.model_dump()["items"] if "facet" in c for v in c.get("values", [])}


@pytest.mark.parametrize("q, want", [
    ("which models have a licence that prohibits commercial use", {("license", "limited")}),
    ("list chat assistants that are banned from commercial use", {("license", "limited"), ("trait", "assistant")}),
    ("禁止商用的对话模型", {("license", "limited"), ("domain", "dialogue")}),
    ("哪些模型不得用于商业用途", {("license", "limited")}),
    ("许可证受限的助手模型", {("license", "limited"), ("trait", "assistant")}),
])
def test_commercial_use_denied_reads_as_the_limited_licence(full, q, want):
    got = full._understand(q)
    assert got.intent.value == "list" and _values(got) == want, (q, _values(got))


@pytest.mark.parametrize("q, concept", [
    ("ELI5 mixture of experts", "mixture-of-experts"),
    ("in layman's terms, what is span corruption", "span-corruption"),
    ("sliding window attention, explain like I'm five", "sliding-window-attention"),
])
def test_an_explain_simply_request_around_a_concept_explains_it(full, q, concept):
    got = full._understand(q)
    assert (got.intent.value, got.concept) == ("concept", concept) and ("corpus", "eli5") not in _values(got), (q, got.intent, got.concept, _values(got))


def test_eli5_as_a_corpus_stays_a_corpus(full):  # a guard: the dataset named as training data
    assert ("corpus", "eli5") in _values(full._understand("models trained on ELI5"))


@pytest.mark.parametrize("q, intent", [
    ("count the models that use reasoning-centric RL", "count"),
    ("How many models were trained with reasoning-oriented reinforcement learning?", "count"),
])
def test_rl_qualified_as_reasoning_s_reads_as_reasoning_rl(full, q, intent):
    got = full._understand(q)
    assert got.intent.value == intent and _values(got) == {("objective", "reasoning-rl")}, (q, _values(got))


def test_a_reward_verb_is_no_misspelling(full):
    assert not full._understand("models trained by rewarding answers a program verifies").corrections


@pytest.mark.parametrize("q, want", [
    ("dialogue models that google things before replying", {("domain", "dialogue"), ("trait", "retrieval-augmented")}),
    ("bots that pull in web pages to back up what they say", {("trait", "retrieval-augmented")}),
    ("which assistants consult the internet when answering", {("trait", "assistant"), ("trait", "retrieval-augmented")}),
])
def test_looking_things_up_online_in_everyday_verbs_is_retrieval(full, q, want):
    got = full._understand(q)
    assert got.intent.value == "list" and _values(got) == want, (q, _values(got))


def test_web_pages_as_training_data_are_no_retrieval(full):  # a guard
    assert ("trait", "retrieval-augmented") not in _values(full._understand("models trained on web pages"))


@pytest.mark.parametrize("q", ["models that can view a photo and talk about it", "assistants that discuss screenshots with users",
                               "能看图聊天的模型有哪些"])
def test_seeing_a_picture_and_talking_about_it_is_vision_language(full, q):
    assert ("domain", "vision-language") in _values(full._understand(q)) and ("domain", "dialogue") not in _values(full._understand(q))


@pytest.mark.parametrize("q", ["基于其他模型微调得到的模型有哪些"])
def test_fine_tuned_after_a_generic_base_is_the_fine_tuned_flag(full, q):
    assert _values(full._understand(q)) == {("finetuned", "yes")}, (q, _values(full._understand(q)))


@pytest.mark.parametrize("q", ["借助强化学习优化回答的对话模型"])
def test_reinforcement_learning_as_a_means_in_chinese_is_an_objective(full, q):
    got = _values(full._understand(q))
    assert {("objective", "rlhf"), ("objective", "reasoning-rl")} <= got and ("domain", "reinforcement-learning") not in got, (q, got)


@pytest.mark.parametrize("q", ["models that predict a protein's 3d shape", "推断蛋白质立体形状的模型"])
def test_a_proteins_shape_in_space_is_structure_prediction(full, q):
    assert _values(full._understand(q)) == {("objective", "protein-structure-prediction")}, (q, _values(full._understand(q)))


@pytest.mark.parametrize("q, concept", [
    ("what is the training objective of diffusion models", "diffusion"),
    ("扩散模型的训练目标是什么", "diffusion"),
    ("what is a diffusion model", "diffusion-models"),  # a guard: the class itself
])
def test_the_training_objective_of_a_model_class_explains_the_objective(full, q, concept):
    assert full._understand(q).concept == concept
