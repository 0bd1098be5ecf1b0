"""A model's other names: what its acronym stands for, its full or spelled-out name, its aliases ("what does T5 stand
for?", "RoBERTa is short for what?", T5 的全称是什么) come from the entry's recorded aliases, cited; a model with none
says so. The names are never taken from anywhere else."""

from __future__ import annotations

import pytest

from assistant.query import Attribute, Intent


@pytest.mark.parametrize("question, model", [
    ("what does ELECTRA stand for", "electra"),
    ("RoBERTa is short for what?", "roberta"),
    ("give me the spelled-out name of BERT", "bert"),
    ("GPT-3 是什么的缩写？", "gpt-3"),
    ("T5 的全称", "t5"),
    ("what does ELECTRA's name mean?", "electra"),
    ("ELECTRA 这个名字是什么意思", "electra"),
])
def test_the_recorded_other_names_are_given(full, question, model):
    q = full._understand(question)
    assert q.intent is Intent.FACT and q.models == [model] and Attribute.NAMES in q.attributes
    answer = full.ask(question)
    for alias in full.catalog.models[model].aliases:
        assert alias in answer.text
    assert answer.citations


def test_only_recorded_names_are_quoted(full):
    import re

    answer = full.ask("what is Chinchilla short for?")
    quoted = re.findall(r"“(.+?)”", answer.text)
    assert quoted and set(quoted) <= set(full.catalog.models["chinchilla"].aliases)


@pytest.mark.parametrize("question, model, said", [
    ("what is Llama 3's context length?", "llama-3", "128K"),
    ("how long a context can Jamba handle?", "jamba", "256K"),
])
def test_a_context_length_the_entry_states_is_quoted(full, question, model, said):
    """A window of tokens ("context window up to 128K tokens") is a context length, not a count of training tokens:
    the entry's own words are quoted, cited, instead of an abstention."""
    answer = full.ask(question)
    assert not answer.abstained and said in answer.text and model in answer.models


@pytest.mark.parametrize("question, name", [
    ("what is the architecture of OPT-IML?", "OPT-IML"),
    ("who made GPT-JT?", "GPT-JT"),
])
def test_a_catalog_name_with_a_capital_tag_is_another_model(full, question, name):
    """A catalog name with a tag of up to four capitals the catalog does not have is another model, declined."""
    q = full._understand(question)
    assert name in q.unknown_names and not q.models


def test_a_size_word_or_recorded_name_stays_the_model(full):
    assert full._understand("who built T5-XXL?").models == ["t5"]
    assert full._understand("who built MT-NLG?").models == ["mt-nlg"]
