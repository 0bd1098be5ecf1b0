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
    "Falcon 一共几层",
    "Qwen2 用了多少个 query head",
    "Llama-2-13B 的隐藏维度是多少",
])
def test_an_unrecorded_count_of_a_models_part_is_declined(full, q):
    answer = full.ask(q)
    assert answer.abstained and answer.intent is not Intent.COUNT, answer.text[:200]


# Chinese puts the counted noun before the question word ("参数有多少"): a parameter count of the model, not a count of models
@pytest.mark.parametrize("q", ["Gopher 这个模型参数量有多少？"])
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


@pytest.mark.parametrize("q", ["适合做数学题的有哪些", "最新的是哪个"])
def test_a_chinese_set_question_with_a_domain_or_ranking_stays_on_topic(full, q):
    assert full._understand(q).intent is not Intent.OUT_OF_SCOPE


# A follow-up that names its own pair to compare ("and X vs Y, which ...?") asks about that pair only: the pair
# discussed before is replaced, not joined to it.
@pytest.mark.parametrize("before, q, pair", [
    ("compare BERT and GPT-2", "and RoBERTa vs ALBERT, which is bigger?", {"roberta", "albert"}),
    ("T5 versus BART?", "and what about LLaMA and OPT — which is older?", {"llama", "opt"}),
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
])
def test_a_comparative_premise_with_its_noun_before_than_is_checked(full, q, model, facet):
    query = full._understand(q)
    assert query.models == [model] and [p.constraint.facet for p in query.premises] == [facet], query


# A count asked of a named model whose counted thing no reading uses and no lexicon word names ("how many employees",
# "how many safety rules", "how many patents"): a number the catalog does not record, never a count of models.
@pytest.mark.parametrize("q, thing", [
    ("How many employees worked on PaLM?", "employees"),
    ("How many safety rules does Claude 3 follow?", "safety rules"),
    ("how many patents did Google file for T5?", "patents"),
])
def test_a_count_of_an_unrecorded_thing_of_a_named_model_is_declined(full, q, thing):
    answer = full.ask(q)
    assert answer.abstained and thing in answer.text, answer.text[:200]


# After a question that asked for a model's objective or architecture, "how does that work?" / "walk me through it"
# asks to explain that mechanism (the concept of the value just given), not for the model's overview.
@pytest.mark.parametrize("before, q, concept", [
    ("What objective was XLNet trained with?", "walk me through that", "plm"),
    ("What's T5's pretraining objective?", "how does that work?", None),
])
def test_explaining_that_after_a_mechanism_was_asked_explains_the_mechanism(full, before, q, concept):
    from assistant.session import Session

    session = Session()
    full.ask(before, session)
    answer = full.ask(q, session)
    assert answer.intent is Intent.CONCEPT, answer.text[:200]
    if concept:
        assert answer.query["concept"] == concept


# A Chinese count over the models just listed ("A、B、C 三个当中", "两个中", "三个里面") says which of them, no
# number: the last name never takes it as a version ("BART 2" is no unknown model).
@pytest.mark.parametrize("q, models", [
    ("BERT、RoBERTa 和 ALBERT 三个当中谁最大", {"bert", "roberta", "albert"}),
    ("GPT-2、XLNet、Transformer XL 三个里面哪个最新", {"gpt-2", "xlnet", "transformer-xl"}),
])
def test_a_chinese_count_over_the_listed_models_compares_them(full, q, models):
    answer = full.ask(q)
    assert answer.intent is Intent.COMPARE and set(answer.models) == models, (answer.models, answer.text[:120])


# A premise naming a lab with no model in the catalog ("Tencent built Llama 2, right?", "Gemma 是腾讯的模型吗") is
# checked like any lab premise: the answer names the real lab and the one claimed, never drops the claim.
@pytest.mark.parametrize("q, real, claimed", [
    ("Tencent built Llama 2, right? When was it released?", "Meta", "Tencent"),
    ("Since ByteDance made Mistral 7B, how big is it?", "Mistral AI", "ByteDance"),
    ("Gemma 是腾讯的模型吗", "Google DeepMind", "Tencent"),
])
def test_a_premise_naming_a_lab_outside_the_catalog_is_corrected(full, q, real, claimed):
    text = full.ask(q).text
    assert real in text and claimed in text, text[:200]
