"""Kinds of the words area (round 10), each written in wordings other than the failing examples':

- a value's term with a bracketed gloss inside it ("a causal (next-token) language modeling objective") is the term,
  and a negation before it reaches it (it was dropped, or read positive);
- a negated description read by meaning ("models that never learned from rewards ...") stays negated, and negated
  words that read as nothing are reported as not understood, never answered as if the negation were absent.
"""

from __future__ import annotations

import pytest

from assistant.query import Reason
from tests.assistant.spec import project


def _where(assistant, catalog, q: str) -> str:
    return project(assistant.understander.understand(q), catalog)["where"]


@pytest.mark.parametrize("q, where", [
    ("encoders that were not trained with masked (cloze-style) language modeling",
     "objective ≠ masked language modeling (MLM) AND architecture = encoder"),
    ("which 2022 models avoid a causal (left-to-right) language modeling objective?",
     "date ≥ 2022-01 AND date ≤ 2022-12 AND objective ≠ causal (autoregressive) language modeling"),
    ("decoders that skip causal (autoregressive) language modelling",
     "objective ≠ causal (autoregressive) language modeling AND architecture = decoder"),
    ("Google models trained without instruction (prompt-style) tuning", "objective ≠ instruction tuning AND lab = Google"),
])
def test_a_bracketed_gloss_inside_a_term_keeps_the_term_and_its_negation(full, full_catalog, q, where):
    assert _where(full, full_catalog, q) == where


@pytest.mark.parametrize("q, where", [
    ("models that never learned from rewards when acting in environments", "domain ≠ reinforcement-learning"),
    ("models that cannot see pictures or photos at all", "domain ≠ vision-language"),
])
def test_a_negated_description_read_by_meaning_stays_negated(full_assistant, full_catalog, q, where):
    assert _where(full_assistant, full_catalog, q) == where


@pytest.mark.parametrize("q", [
    "2021 models that do not use a zorbulated training objective",
    "decoders that were never trained with any flimbering loss",
])
def test_negated_words_read_as_nothing_are_reported(full_assistant, q):
    got = full_assistant.understander.understand(q)
    assert got.reason is Reason.NOT_UNDERSTOOD and got.unparsed, got


@pytest.mark.parametrize("q", [
    "which newer models restrict each layer's attention to a local window over the most recent positions?",
    "decoders whose layers each attend only over a window of the most recent tokens",
    "llms where every layer attends to only the latest tokens",
])
def test_a_mechanism_described_with_layers_and_recent_tokens_is_no_unrecorded_layer_count(full_assistant, full_catalog, q):
    """"layer" inside a description is no question about the number of layers, and "the most recent tokens" is part of
    the input, not a ranking of models by date."""
    got = full_assistant.understander.understand(q)
    assert not got.unrecorded and got.superlative is None, got
    assert "trait = sliding-window-attention" in project(got, full_catalog)["where"]


@pytest.mark.parametrize("q", ["models that turn recorded audio into text",
                               "models that recognize speech"])
def test_a_clause_that_names_a_broad_value_and_describes_a_narrow_one_reads_as_the_narrow_one(full_assistant, full_catalog, q):
    assert "objective = weakly supervised speech recognition and translation" in _where(full_assistant, full_catalog, q)


@pytest.mark.parametrize("q, where", [
    ("which newer models were tuned with RL for reasoning", "objective = reinforcement learning for reasoning (verifiable rewards) AND catalog = since the paper"),
    ("models aligned with reinforcement learning for reasoning", "objective = reinforcement learning for reasoning (verifiable rewards)"),
    ("which models were trained with rl for reasoning skills", "objective = reinforcement learning for reasoning (verifiable rewards)"),
    ("any decoders tuned with RL for reasoning?", "objective = reinforcement learning for reasoning (verifiable rewards) AND architecture = decoder"),
    ("models that were not trained with reinforcement learning for reasoning", "objective ≠ reinforcement learning for reasoning (verifiable rewards)"),
])
def test_a_term_naming_several_values_gives_way_to_an_overlapping_narrower_one(full, full_catalog, q, where):
    """"trained with reinforcement learning" names RLHF and RL for reasoning alike; "... for reasoning" says which."""
    assert _where(full, full_catalog, q) == where


@pytest.mark.parametrize("q", [
    "list models taught with the explanation traces of a more capable model such as GPT-4",
    "models fine-tuned on step by step explanations written by a stronger model like ChatGPT",
    "which models were made by having a smaller model copy the explanations of a more capable one like GPT-4?",
])
def test_a_model_named_as_an_example_inside_a_description_is_a_word_of_it(full_assistant, full_catalog, q):
    """"... of a bigger model like GPT-4": the teacher's example, neither the subject nor a model the answer resembles."""
    got = full_assistant.understander.understand(q)
    assert not got.models and not got.exclude and not got.relations, got
    assert "GPT-4" not in project(got, full_catalog)["where"] and "ChatGPT" not in project(got, full_catalog)["where"]


@pytest.mark.parametrize("q, where", [
    ("list the MoE models, and are any of them from the paper?", "trait = mixture-of-experts"),
    ("which Google encoders are in the catalog, and were any added since the paper?", "architecture = encoder AND lab = Google"),
    ("Which decoders from Meta are listed, and were any of them in the original survey?", "architecture = decoder AND lab = Meta"),
    ("what RLHF models exist, and are any in the paper's 77?", "objective = reinforcement learning from human feedback (RLHF)"),
])
def test_a_second_question_whether_any_are_in_a_part_does_not_narrow_the_list(full, full_catalog, q, where):
    """The list answers it part by part ("None of the paper's 77 models matches ... Since the paper: ...")."""
    assert _where(full, full_catalog, q) == where


@pytest.mark.parametrize("q, where", [
    ("How many Google models are there, counting the old ones and the later additions?", "lab = Google AND catalog = since the paper or in the paper"),
    ("how many OpenAI models, counting the early ones and the additions?", "lab = OpenAI AND catalog = since the paper or in the paper"),
    ("count the DeepMind models, including the original ones and the newer additions", "lab = DeepMind AND catalog = since the paper or in the paper"),
    ("how many encoders, counting older models and the later additions?", "architecture = encoder AND catalog = since the paper or in the paper"),
])
def test_counting_some_ones_and_the_additions_is_both_parts(full, full_catalog, q, where):
    assert _where(full, full_catalog, q) == where


CHINA = "lab = 01.AI or Alibaba or BAAI or DeepSeek or Huawei or Peking University or Shanghai AI Laboratory or Tsinghua University or University of Hong Kong"


@pytest.mark.parametrize("q, where", [
    ("which models were built by Chinese companies?", CHINA),
    ("how many models come from labs in China", CHINA),
    ("decoders from China-based labs other than Alibaba", f"architecture = decoder AND {CHINA} AND lab ≠ Alibaba"),
    ("list the additions developed in China", f"{CHINA} AND catalog = since the paper"),
])
def test_labs_named_as_a_group_by_where_they_work_are_any_of_them(full, full_catalog, q, where):
    assert _where(full, full_catalog, q) == where


@pytest.mark.parametrize("q", ["how deep is Mixtral 8x7B?", "number of layers in Gemma 3", "how many transformer layers does Jamba stack?",
                               "what's the layer count of GLaM?"])
def test_a_key_point_that_only_mentions_layers_does_not_answer_how_many(full, q):
    """"8 experts per layer" says nothing of the number of layers: the answer says the catalog does not record it."""
    assert full.ask(q).abstained
