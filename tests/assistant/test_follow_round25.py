"""Round 25 follow-ups (area follow): turns that need the conversation, in English and Chinese.

- a comparison asked of the previous list ("compare them", "how are they different?", 比较一下它们, 这几个有什么不同):
  the list's models compared, not the list again;
- one model of the pair just compared, picked by a comparative with nothing else asked ("the bigger one?", "tell me
  more about the newer one", 大的那个呢): that model described;
- a yes/no comparative naming one model and no standard ("is Qwen3 bigger?", Qwen3 更新吗) after a turn on another
  model: the two compared;
- "it" after a question about one model whose answer listed several ("what is BERT derived from?", "which models came
  from T5?", BERT 衍生出了哪些模型): that one model, not a request to pick from the list.
Expected sets and verdicts come from the catalog."""

from __future__ import annotations

import pytest


@pytest.fixture()
def catalog(full_catalog):
    return full_catalog


@pytest.fixture()
def ask(full):
    """ask(q1, q2, ...) -> the answer to the last question over the whole catalog, earlier ones as history."""
    from assistant import Session

    def _ask(*questions: str):
        session, answer = Session(), None
        for q in questions:
            answer = full.ask(q, session)
        return answer

    return _ask


def _by_id(catalog, ids):
    return [catalog.models[m] for m in ids]


@pytest.mark.parametrize("history, question", [
    ("which models did Mistral AI release?", "compare them"),
    ("which models did Mistral AI release?", "how are they different?"),
    ("list the DeepSeek models", "compare those"),
    ("Gemma 系列有哪些模型？", "这几个有什么不同？"),
    ("Mistral AI 有哪些模型？", "比较一下它们"),
    ("DeepSeek 有哪些模型？", "它们之间有什么区别？"),
    ("哪些模型是 Anthropic 做的？", "比一比这两个"),
    ("微软2024年发布了哪些模型？", "把它们比比看"),
])
def test_comparing_the_previous_list_compares_its_models(ask, history, question):
    listed = ask(history).models
    a = ask(history, question)
    assert 2 <= len(listed) <= 6
    assert a.intent == "compare" and set(a.models) == set(listed)


def test_comparing_a_long_list_keeps_it_a_list(ask):
    listed = ask("which models did Google release?").models
    a = ask("which models did Google release?", "compare them")
    assert len(listed) > 8 and a.intent != "compare"


@pytest.mark.parametrize("history, question, field, end", [
    ("compare BERT and GPT-2", "the bigger one?", "size", max),
    ("compare Gopher and Chinchilla", "tell me more about the newer one", "date", max),
    ("Gopher vs Chinchilla", "and the older one?", "date", min),
    ("BERT 和 GPT-2 比较一下", "大的那个呢？", "size", max),
    ("比较一下 Gopher 和 Chinchilla", "较早的那个呢？", "date", min),
])
def test_a_comparative_picks_one_of_the_pair_compared(catalog, ask, history, question, field, end):
    two = ask(history).models
    key = (lambda e: e.params.max_millions) if field == "size" else (lambda e: e.date.key)
    expected = end(_by_id(catalog, two), key=key).id
    a = ask(history, question)
    assert not a.abstained and a.models == [expected]


@pytest.mark.parametrize("history, question, named, other, field, larger", [
    ("tell me about Qwen2", "is Qwen3 bigger?", "qwen3", "qwen2", "size", True),
    ("who made Gopher?", "is Chinchilla bigger?", "chinchilla", "gopher", "size", True),
    ("what is GPT-2?", "is GPT-3 newer?", "gpt-3", "gpt-2", "date", True),
    ("when was T5 released?", "was BERT older?", "bert", "t5", "date", False),
    ("Qwen2 是哪家的？", "Qwen3 更大吗？", "qwen3", "qwen2", "size", True),
    ("介绍一下 Gopher", "Chinchilla 更新吗？", "chinchilla", "gopher", "date", True),
])
def test_a_comparative_with_no_standard_weighs_the_model_discussed(catalog, ask, history, question, named, other, field,
                                                                   larger):
    a = ask(history, question)
    assert a.intent == "compare" and set(a.models) == {named, other}
    n, o = catalog.models[named], catalog.models[other]
    holds = (n.params.max_millions > o.params.max_millions) if field == "size" else (n.date.key > o.date.key)
    yes = holds if larger else not holds
    assert a.text.startswith(("Yes", "是的") if yes else ("No", "不"))


@pytest.mark.parametrize("history, question, model", [
    ("what is BERT derived from?", "is it open?", "bert"),
    ("what models came from T5?", "when was it released?", "t5"),
    ("which models are derived from LLaMA?", "who built it?", "llama"),
    ("which models came from Mistral 7B?", "how big is it?", "mistral-7b"),
    ("BERT 衍生出了哪些模型？", "它是谁做的？", "bert"),
    ("LLaMA 有哪些后代？", "它的论文是哪篇？", "llama"),
])
def test_it_after_a_list_about_one_model_is_that_model(ask, history, question, model):
    a = ask(history, question)
    assert not a.abstained and a.models == [model]
    assert "Read as" in a.text or "理解为" in a.text


@pytest.mark.parametrize("history, question, expected", [
    # a plural or a ranking still works on the list
    ("which models are derived from LLaMA?", "which of them is from Microsoft?", None),
    ("what models came from T5?", "which of them is the oldest?", None),
])
def test_the_list_still_answers_plural_follow_ups(catalog, ask, history, question, expected):
    listed = set(ask(history).models)
    a = ask(history, question)
    assert a.models and set(a.models) <= listed


@pytest.mark.parametrize("history, question, model", [
    # a new question of its own after history is not bent to the earlier subject
    ("what is BERT derived from?", "who made GPT-2?", "gpt-2"),
    ("compare BERT and GPT-2", "how big is T5?", "t5"),
    ("which models did Mistral AI release?", "tell me about Falcon", "falcon"),
    ("BERT 衍生出了哪些模型？", "GPT-2 是谁做的？", "gpt-2"),
])
def test_a_self_contained_question_after_history(ask, history, question, model):
    assert ask(history, question).models == [model]


@pytest.mark.parametrize("history, question", [
    ("how many models are from Microsoft?", "which?"),
    ("how many encoders came out in 2020?", "show me"),
    ("how many models does Alibaba have?", "which models?"),
    ("微软有几个模型？", "分别是哪些？"),
    ("2024年有多少个模型？", "是哪几个？"),
    ("DeepSeek 有几个模型？", "列出来"),
])
def test_the_members_asked_for_after_a_count_are_listed(ask, history, question):
    counted = ask(history)
    a = ask(history, question)
    assert counted.intent == "count" and len(counted.models) >= 2
    assert a.intent == "list" and set(a.models) == set(counted.models)


@pytest.mark.parametrize("history, question, model", [
    ("what is the training data of GPT-3?", "how many tokens?", "gpt-3"),
    ("what corpus was Chinchilla trained on?", "roughly how many tokens is that?", "chinchilla"),
    ("GPT-3 用的训练语料是什么？", "大概多少 token？", "gpt-3"),
])
def test_an_unrecorded_field_after_a_turn_on_one_model_asks_it_of_that_model(ask, history, question, model):
    a = ask(history, question)
    assert a.models == [model]
    assert "Read as" in a.text or "理解为" in a.text


@pytest.mark.parametrize("history, question, model", [
    ("which models did Mistral AI release?", "the mixture-of-experts one?", "mixtral-8x7b"),
    ("which models did OpenAI release in 2021?", "tell me about the decoder one", "dall-e"),
    ("list Meta's models from 2023", "and the segmentation one?", "sam"),
])
def test_one_model_of_the_list_named_by_a_value_is_described(ask, history, question, model):
    a = ask(history, question)
    assert a.intent == "fact" and a.models == [model]


@pytest.mark.parametrize("history, question, facet_check", [
    ("which models did Mistral AI release?", "the open ones?", lambda e: str(getattr(e.license_class, "value", e.license_class)) == "open"),
    ("which models are from Google?", "the encoder ones?", lambda e: str(getattr(e.architecture, "value", e.architecture)) == "encoder"),
    ("which models came out in 2023?", "and just the Meta ones", lambda e: True),
])
def test_the_value_ones_narrow_the_previous_list(ask, catalog, history, question, facet_check):
    listed = set(ask(history).models)
    a = ask(history, question)
    assert a.intent == "list" and a.models and set(a.models) <= listed
    assert all(facet_check(catalog.models[m]) for m in a.models)


@pytest.mark.parametrize("history, question, fresh", [
    # a lab the last set question did not have: that question asked again with it, not an intersection
    ("which models are from Google?", "the ones from Meta?", "which models are from Meta?"),
    ("which models are from Google?", "the open ones from Meta?", "which open models are from Meta?"),
])
def test_the_ones_with_another_value_ask_the_question_again(ask, history, question, fresh):
    expected = set(ask(fresh).models)
    a = ask(history, question)
    assert a.intent == "list" and len(expected) > 2 and set(a.models) == expected
