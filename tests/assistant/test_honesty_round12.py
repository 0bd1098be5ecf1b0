"""Honesty kinds (round 12): a question about a model the catalog does not hold is declined by that model's name; an
unrecorded fact is declined; a comparison names both models even when the second name is shortened or qualified, and
states both values; a count of the additions counts them.

Each test names a kind of question, with wordings no failing example used."""

from __future__ import annotations

import pytest

from assistant.query import Intent


# A made-up name the catalog never writes, asked a field of (who built it, its objective, its size), with no catalog
# model in the question: written with a size after it ("Quorvane 175B"), with inner capitals ("ULMFiT"), or with a tag
# on a catalog-like stem ("Qwen2-Audio"). It is declined by its name, never read as a size filter nor answered by
# the nearest catalog entry.
@pytest.mark.parametrize("q, name", [
    ("Which lab built Quorvane 175B?", "Quorvane"),
    ("Sylphix 70B 是哪家公司做的", "Sylphix"),
    ("ULMFiT 用的什么预训练目标", "ULMFiT"),
    ("When did Qwen2-Audio come out?", "Qwen2-Audio"),
])
def test_a_field_of_a_name_outside_the_catalog_is_declined_by_that_name(full, q, name):
    answer = full.ask(q)
    assert answer.abstained and name in answer.text, answer.text[:200]


# Chinese: a proper noun (a place or a person's name) glued to a catalog name ("神州BERT", "天河T5") names another
# model, which the catalog does not hold; a lab glued the same way ("谷歌BERT") still names the catalog model.
@pytest.mark.parametrize("q, name", [
    ("神州BERT 的参数量是多少", "BERT"),
    ("天河T5是谁做的", "T5"),
])
def test_a_chinese_proper_noun_glued_to_a_catalog_name_is_another_model(full, q, name):
    answer = full.ask(q)
    assert answer.abstained and name in answer.text, answer.text[:200]


def test_a_lab_glued_to_a_catalog_name_still_names_the_model(full):
    answer = full.ask("谷歌BERT的参数量是多少")
    assert not answer.abstained and answer.models == ["bert"], answer.text[:200]


# How many people use a model, and what using it through an API costs: not recorded, declined (never the model's
# overview, its corpus, nor a count of models).
@pytest.mark.parametrize("q", [
    "What's the daily active user count of GPT-4o?",
    "Claude 3 有多少活跃用户",
    "What's the API cost of GPT-4o per request?",
    "调用 Gemini 1.5 的接口怎么收费",
])
def test_usage_numbers_and_api_prices_are_declined(full, q):
    answer = full.ask(q)
    assert answer.abstained and answer.intent is not Intent.COUNT, answer.text[:200]


# A comparison whose second name keeps only its version ("Llama 2 vs 3", "GPT-2 or 3", "Gemma 2 和 3"): the second is
# the same name at that version, a catalog model of its own; both are compared.
@pytest.mark.parametrize("q, pair", [
    ("Llama 2 vs 3 release date", {"llama-2", "llama-3"}),
    ("GPT-2 or 3: which is bigger?", {"gpt-2", "gpt-3"}),
    ("Gemma 2 和 3 哪个参数多", {"gemma-2", "gemma-3"}),
    ("Is Phi-3 older than 4?", {"phi-3", "phi-4"}),
])
def test_a_second_name_written_as_its_version_alone_is_compared(full, q, pair):
    assert set(full._understand(q).models) == pair


# A named model qualified by another model's name ("the GPT-style Megatron", "BERT 风格的 Megatron"): one variant of
# the named model, not a third model nor models similar to the qualifier.
@pytest.mark.parametrize("q, pair", [
    ("Is the GPT-style Megatron bigger than GPT-2?", {"megatron", "gpt-2"}),
    ("Which came first, T5 or the BERT-like Megatron?", {"megatron", "t5"}),
])
def test_a_model_qualified_by_another_models_name_is_that_model(full, q, pair):
    query = full._understand(q)
    assert set(query.models) == pair and not any(x.kind == "similar" for x in query.relations), query


# The models added since the paper, counted with words of addition before the paper's list ("on top of the paper's
# original 77", "outside the survey's list"): 42, the additions, never the paper's 77.
@pytest.mark.parametrize("q", [
    "How many models were added on top of the paper's original 77?",
    "Beyond the survey's initial list, how many models were added?",
])
def test_a_count_of_models_added_to_the_papers_list_counts_the_additions(full, q):
    answer = full.ask(q)
    assert answer.intent is Intent.COUNT and "42" in answer.text.split("\n")[0], answer.text[:200]


# A paper looked up by its arXiv number with a second question about who made the model: the lab is answered too.
@pytest.mark.parametrize("q, lab", [
    ("Which model does arXiv 2302.13971 describe, and who built it?", "Meta"),
    ("2005.14165 是哪个模型的论文？是哪家机构做的？", "OpenAI"),
])
def test_a_paper_looked_up_with_who_made_it_names_the_lab(full, q, lab):
    answer = full.ask(q)
    assert lab in answer.text.split("```")[0] + answer.text.split("```")[-1].split("**")[0], answer.text[:300]


# A comparison asserted wrongly in a why-question about something unrecorded ("why is X bigger than Y but worse on
# benchmarks?"): the correction states both models' values, not only that the comparison fails.
@pytest.mark.parametrize("q, values", [
    ("Why is GPT-2 bigger than GPT-3 but worse on benchmarks?", ("1.5B", "175B")),
    ("GPT-2 比 GPT-3 大，为什么基准成绩更差？", ("15亿", "1750亿")),
])
def test_a_wrong_comparison_is_corrected_with_both_values(full, q, values):
    first = full.ask(q).text.split("\n")[0]
    assert all(v in first for v in values), first


# A lineage question that also asserts the model's lab ("Google's X, built on Y?"): a wrong lab is corrected too.
def test_a_lineage_question_corrects_a_wrong_lab_asserted_with_it(full):
    answer = full.ask("Was Alpaca, Google's chat model, fine-tuned from OPT?")
    assert "Stanford" in answer.text.split("*Read as")[0], answer.text[:300]


# The data a model learned from, named as a collection or set of images or text ("image set", "text collection"):
# its corpus, answered beside any other field asked.
@pytest.mark.parametrize("q", ["What image set was SAM pretrained with?", "Which text collection did T5 learn from?"])
def test_a_collection_of_images_or_text_asks_for_the_corpus(full, q):
    from assistant.query import Attribute

    assert Attribute.CORPUS in full._understand(q).attributes
