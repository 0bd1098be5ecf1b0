"""Honesty kinds (round 11): questions the catalog cannot answer must be declined, not answered as another question.

Each test names a kind of question, with wordings no failing example used."""

from __future__ import annotations

import pytest

from assistant.query import Attribute, Intent


# A count of a part of a named model (its layers, heads, accelerators), asked with a modifier on the part ("decoder
# layers", "KV heads"), with a Chinese measure word (几层, 多少张), or on a name with its size written on (Llama-2-13B):
# the catalog does not record it, so the answer declines; it is never a count of models nor the model's overview.
@pytest.mark.parametrize("q", [
    "How many transformer decoder layers are stacked in OPT?",
    "How many encoder layers does T5 use?",
    "Falcon 一共几层",
    "Qwen2 用了多少个 query head",
    "Llama-2-13B 的隐藏维度是多少",
    "LLaMA-65B 用了多少张 A100",
])
def test_an_unrecorded_count_of_a_models_part_is_declined(full, q):
    answer = full.ask(q)
    assert answer.abstained and answer.intent is not Intent.COUNT, answer.text[:200]


# Chinese puts the counted noun before the question word ("参数有多少"): a parameter count of the model, not a count of models
@pytest.mark.parametrize("q", ["GPT-3 的参数有多少", "Gopher 这个模型参数量有多少？"])
def test_a_parameter_count_asked_noun_first_is_the_models_size(full, q):
    query = full._understand(q)
    assert query.intent is Intent.FACT and Attribute.PARAMS in query.attributes, query


# A model the catalog does not hold, named like a model: a capitalized word with a capital-letter tag ("Vega-X",
# "Atlas-V"), or a made-up word before a size and a descriptor and "model" ("the Zarnov 13B chat model"): it is
# reported as not in the catalog, never read as a size/domain filter nor matched to a near name ("instruct": InstructOR).
@pytest.mark.parametrize("q, name", [
    ("Does the Vega-X 30B instruct model support Chinese?", "Vega-X"),
    ("Is Atlas-V open weights?", "Atlas-V"),
    ("When did the Zarnov 13B chat model come out?", "Zarnov"),
    ("What license does the Quorbit 70B model use?", "Quorbit"),
    ("Tell me about the Vexa 7B instruct model", "Vexa"),
])
def test_a_model_outside_the_catalog_named_with_a_tag_or_size_is_unknown(full, q, name):
    answer = full.ask(q)
    assert answer.abstained and name in answer.text, answer.text[:200]


# A Chinese question about the asker's own life or task whose only catalog reading comes from an incidental word
# (最近 "lately" read as "newest", 数学 as the math domain, 打游戏 as reinforcement learning), with words of its own
# left unread and no word about models: off-topic, never a list or the newest model. Set questions stay answered.
@pytest.mark.parametrize("q", [
    "小学数学应用题怎么教孩子",
    "最近总是头疼，吃什么药好",
    "最近有什么好看的书",
    "帮我推荐一款适合打游戏的显示器",
])
def test_a_chinese_question_about_something_else_is_off_topic(full, q):
    assert full._understand(q).intent is Intent.OUT_OF_SCOPE


@pytest.mark.parametrize("q", ["哪个擅长数学", "适合做数学题的有哪些", "最新的是哪个"])
def test_a_chinese_set_question_with_a_domain_or_ranking_stays_on_topic(full, q):
    assert full._understand(q).intent is not Intent.OUT_OF_SCOPE


# A follow-up that names its own pair to compare ("and X vs Y, which ...?") asks about that pair only: the pair
# discussed before is replaced, not joined to it.
@pytest.mark.parametrize("before, q, pair", [
    ("compare BERT and GPT-2", "and RoBERTa vs ALBERT, which is bigger?", {"roberta", "albert"}),
    ("T5 versus BART?", "and what about LLaMA and OPT — which is older?", {"llama", "opt"}),
    ("Gopher vs Chinchilla", "also PaLM or GPT-3, which has more parameters?", {"palm", "gpt-3"}),
])
def test_a_follow_up_naming_its_own_pair_compares_that_pair(full, before, q, pair):
    from assistant.session import Session

    session = Session()
    full.ask(before, session)
    answer = full.ask(q, session)
    assert answer.intent is Intent.COMPARE and set(answer.models) == pair, answer.models


# A named model weighed against a bare "that" ("is X larger or smaller than that?", "before or after that?") is
# compared with the model discussed, not described alone.
@pytest.mark.parametrize("before, q, pair", [
    ("How big is LLaMA?", "Is OPT larger or smaller than that?", {"llama", "opt"}),
    ("When did GPT-2 come out?", "Did XLNet come out before or after that?", {"gpt-2", "xlnet"}),
])
def test_a_model_weighed_against_that_is_compared_with_the_model_discussed(full, before, q, pair):
    from assistant.session import Session

    session = Session()
    full.ask(before, session)
    answer = full.ask(q, session)
    assert answer.intent is Intent.COMPARE and set(answer.models) == pair, answer.models


# A Chinese lineage premise written with any verb of making and its complement ("从 X 改出来的", "从 X 压缩出来",
# "从 X 训练出来") or on a first generation ("第一代 GPT", the original GPT): checked against the recorded parent, so
# a false one is corrected with the real parent named.
@pytest.mark.parametrize("q, model, parent", [
    ("Vicuna 是从 GPT-2 改出来的吧？", "vicuna", "llama"),
    ("ALBERT 是从 RoBERTa 压缩出来的，它有多少参数？", "albert", "bert"),
    ("Zephyr 是从 LLaMA 训练出来的？", "zephyr", "mistral-7b"),
    ("Alpaca 是在第一代 GPT 基础上微调的吗？", "alpaca", "llama"),
])
def test_a_chinese_premise_made_from_a_model_is_checked_against_its_parent(full, q, model, parent):
    answer = full.ask(q)
    assert answer.intent is Intent.LINEAGE and set(answer.models) == {model, parent}, (answer.models, answer.text[:200])


# A lineage premise that holds: the confirmed parent is part of the answer (cited), as a corrected one is.
@pytest.mark.parametrize("q, pair", [
    ("Was Orca built on LLaMA?", {"orca", "llama"}),
    ("Zephyr 是从 Mistral 7B 微调出来的吗", {"zephyr", "mistral-7b"}),
])
def test_a_confirmed_lineage_premise_names_the_parent(full, q, pair):
    answer = full.ask(q)
    assert answer.intent is Intent.LINEAGE and set(answer.models) == pair, (answer.models, answer.text[:200])


# A premise comparative with its noun before "than" ("a newer model than GPT-3", "an older release than GPT-2"): the
# clause's model is the one asked about ("it") and the comparison is the premise checked against the other model.
@pytest.mark.parametrize("q, model, facet", [
    ("Given that OPT is a newer model than GPT-3, who built it?", "opt", "date"),
    ("Since BERT is an older release than GPT-2, what objective does it use?", "bert", "date"),
    ("As LLaMA is a smaller model than PaLM, when did it come out?", "llama", "size"),
])
def test_a_comparative_premise_with_its_noun_before_than_is_checked(full, q, model, facet):
    query = full._understand(q)
    assert query.models == [model] and [p.constraint.facet for p in query.premises] == [facet], query
