"""Facts the catalog does not record, in classes the lexicon names (assistant/lexicon/en.yaml ``unrecorded``):
asked of a model, the answer declines and names what is recorded; the words of such a fact ask for nothing
else ("knowledge cutoff date" is no release date, "tokenizer vocab size" no parameter count)."""

import pytest


@pytest.mark.parametrize("q, label", [
    ("what's Llama 2's training data cutoff?", "knowledge cutoff"),
    ("Gemma's knowledge cut-off date", "knowledge cutoff"),
    ("how many crowdworkers rated Sparrow's replies?", "number of annotators"),
])
def test_an_unrecorded_fact_is_declined(full, q, label):
    query = full._understand(q)
    assert label in query.unrecorded, (q, query.unrecorded)
    assert query.attributes == [], query.attributes  # "date" inside the phrase asks for nothing else
    assert full.ask(q).abstained


@pytest.mark.parametrize("q", ["GSM8K score of Qwen2?", "pass@1 of Code Llama 34B", "what's Gemma's HellaSwag accuracy"])
def test_a_named_benchmark_is_read_as_a_benchmark_score(full, q):
    """(A key point that states a score may still be quoted: that is the evidence mechanism's business.)"""
    assert "benchmark scores" in full._understand(q).unrecorded


@pytest.mark.parametrize("q", [
    "models tuned from rankings that human raters gave",
    "which model was aligned with AI feedback instead of human labelers?",
])
def test_annotators_in_a_description_are_no_question(full, q):
    assert full._understand(q).unrecorded == []


def test_a_recorded_fact_beside_an_unrecorded_one_is_still_answered(full):
    a = full.ask("what's the context length and release date of Mistral 7B?")
    assert "context length" in a.text and "October 2023" in a.text
