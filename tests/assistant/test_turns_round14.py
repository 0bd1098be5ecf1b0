"""Kinds of turn and lineage question, in wordings other people would type (English and Chinese):

- a lineage's depth said by a word apart from its cue: a transitive noun later in the question ("what grew out of
  BERT? all of its descendants") or an adverb of the far end ("ultimately derived from", "最终"): every generation;
- a lineage asked both ways about one model: where it came from and what was built on it (its parents and children);
- the models a comparison names: a list comma is no part of a name ("Megatron, Turing-NLG" is two models, not
  Megatron-Turing NLG), and a kind the named models are said to be ("both improved BERTs") adds no model;
- a parent asked through a qualified tuning verb ("instruction-tuned from", "chat-tuned from", "what did they
  instruction-tune to get X", "是拿哪个模型做指令微调的"): the model's parents;
- a Chinese follow-up asking where "that model" (the previous answer's model) came from ("那个模型又是从哪里来的"):
  its parents;
- a part of a model asked about ("the image encoder LLaVA relies on", "LLaVA 用的视觉编码器"): the parent its
  architecture note names as that part (CLIP), whose field is answered;
- ordinal generations of a numbered line ("the second-generation Llama", "第三代 Gemma"): the model with that number;
- "not X-based", "not based on X" where X heads a family: the family's members are X-based too (Llama 3 has no
  recorded parent, but it is a Llama); "not derived from X" keeps to the recorded line.

Expected sets come from the catalog's own fields and derived-from links (tests/assistant/lineage.py).
"""

from __future__ import annotations

import pytest

from tests.assistant.lineage import ancestors, children, descendants


@pytest.mark.parametrize("question, model, up", [
    ("Which models grew out of BERT? Give me all of its descendants.", "bert", False),
    ("Which catalog models is Code Llama ultimately derived from?", "code-llama", True),
    ("What did Flamingo ultimately come from?", "flamingo", True),
    ("Code Llama 最终是从哪些模型衍生出来的？", "code-llama", True),
])
def test_depth_said_apart_from_the_lineage_cue(full, full_catalog, question, model, up):
    expected = ancestors(full_catalog, model) if up else descendants(full_catalog, model)
    a = full.ask(question)
    assert set(a.models) == expected, (question, sorted(set(a.models) ^ expected))


@pytest.mark.parametrize("question, model", [
    ("What is Llama 2 derived from and what was derived from it?", "llama-2"),
    ("Which model did Chinchilla come from, and which models came from Chinchilla?", "chinchilla"),
    ("Gemma 2: what was it built on, and what was later built on top of it?", "gemma-2"),
    ("Qwen2 的前身是什么，之后又有哪些模型是基于它做的？", "qwen2"),
])
def test_a_lineage_asked_both_ways(full, full_catalog, question, model):
    expected = set(full_catalog.models[model].derived_from) | children(full_catalog, model)
    a = full.ask(question)
    assert set(a.models) == expected, (question, sorted(set(a.models) ^ expected))


@pytest.mark.parametrize("question, expected", [
    ("Megatron, Turing-NLG: which one came out first?", {"megatron", "turing-nlg"}),
    ("Who built Megatron, Turing-NLG and GPT-3?", {"megatron", "turing-nlg", "gpt-3"}),
    ("RoBERTa and DeBERTa are both improved BERTs; which is newer?", {"roberta", "deberta"}),
    ("RoBERTa 和 ERNIE 都是改进版的 BERT，哪个参数更多？", {"roberta", "ernie"}),
])
def test_the_models_a_comparison_names(full, question, expected):
    a = full.ask(question)
    assert set(a.models) == expected, (question, a.models)


@pytest.mark.parametrize("question, expected", [
    ("who made the second-generation Llama?", {"llama-2"}),
    ("papers for the first and third generation Gemma", {"gemma", "gemma-3"}),
    ("first-gen GPT vs 3rd-gen GPT: how big are they?", {"gpt", "gpt-3"}),
    ("第二代和第三代 Gemma 分别是什么时候发布的？", {"gemma-2", "gemma-3"}),
])
def test_ordinal_generations_of_a_line(full, question, expected):
    a = full.ask(question)
    assert set(a.models) == expected, (question, a.models)


def _lab(catalog, lab: str) -> set[str]:
    return {e.id for e in catalog.models.values() if any(lab.lower() in o.lower() for o in e.org_names)}


@pytest.mark.parametrize("question, lab, head", [
    ("Meta models that aren't Llama-based", "Meta", "llama"),
    ("OpenAI models not based on GPT", "OpenAI", "gpt"),
    ("Meta models, excluding anything based on Llama", "Meta", "llama"),
    ("Meta 的模型里哪些不是基于 Llama 的", "Meta", "llama"),
])
def test_not_based_on_a_family_head(full, full_catalog, question, lab, head):
    name = full_catalog.models[head].name.lower()
    line = {head} | descendants(full_catalog, head) | {
        e.id for e in full_catalog.models.values() if e.family.lower() == name}
    expected = _lab(full_catalog, lab) - line
    a = full.ask(question)
    assert expected and set(a.models) == expected, (question, sorted(set(a.models) ^ expected))


@pytest.mark.parametrize("question, model", [
    ("Which model was Vicuna instruction-tuned from?", "vicuna"),
    ("Which checkpoint was WizardLM chat-tuned from?", "wizardlm"),
    ("What did Stanford instruction-tune to get Alpaca?", "alpaca"),
    ("Flan-T5 是拿哪个模型做指令微调的？", "flan-t5"),
])
def test_a_parent_asked_through_a_tuning_verb(full, full_catalog, question, model):
    a = full.ask(question)
    assert set(a.models) == set(full_catalog.models[model].derived_from), (question, a.models)


@pytest.mark.parametrize("first, then, parent_of", [
    ("Sparrow 是在哪个模型上微调的？", "那个模型又是从哪里来的？", "chinchilla"),
    ("Code Llama 基于哪个模型？", "那个模型是怎么来的？", "llama-2"),
    ("DeepSeek-R1 是从哪个模型训练出来的", "那个模型又是哪来的", "deepseek-v3"),
    ("Gemma 3 的父模型是谁？", "那个模型从哪儿来的？", "gemma-2"),
])
def test_where_the_answered_parent_came_from(full, full_catalog, first, then, parent_of):
    from assistant.session import Session

    session = Session()
    full.ask(first, session)
    a = full.ask(then, session)
    assert set(a.models) == set(full_catalog.models[parent_of].derived_from), (then, a.models)


@pytest.mark.parametrize("question, model, part, said", [
    ("Who built the image encoder that LLaVA relies on?", "llava", "clip", "OpenAI"),
    ("when was LLaVA's language model released?", "llava", "vicuna", "March 2023"),
    ("Which lab made the text encoder of DALL-E 2?", "dall-e-2", "clip", "OpenAI"),
    ("LLaVA 用的视觉编码器是哪家做的？", "llava", "clip", "OpenAI"),
])
def test_a_part_named_in_the_architecture_note(full, question, model, part, said):
    a = full.ask(question)
    assert set(a.models) == {model, part} and said in a.text, (question, a.models)
