"""Kinds of ranking, scope and size question, each in several phrasings, answered on the whole catalog:
emphasis around a ranking is no field, the two parts named as parts, the paper's part named before a noun
phrase, "first X model", the variant a ranking is judged by named as a release, a ranking over a lineage
set, the paper as a date, and a size labelled active per token, which is no released size."""

from __future__ import annotations

import pytest

from assistant.facets import released_sizes


def _first(answer) -> str:
    return answer.models[0] if answer.models else ""


@pytest.mark.parametrize("question, winner", [
    ("earliest model in the catalog from the paper, full stop", "gpt"),
    ("Which model in the paper has the single largest release overall?", "wu-dao-2.0"),
    ("the biggest model of them all, bar none", "wu-dao-2.0"),
    ("what's the single oldest model overall?", "gpt"),
    ("the smallest Google model, period", "albert"),
    ("what's the absolute earliest decoder model?", "gpt"),
])
def test_emphasis_around_a_ranking_is_no_field(full_assistant, question, winner):
    answer = full_assistant.ask(question)
    assert not answer.abstained and _first(answer) == winner, answer.text[:200]


@pytest.mark.parametrize("question", [
    "Count the OpenAI models across both parts",
    "how many OpenAI models are there in either part of the catalog?",
    "count OpenAI models, old or new",
    "number of OpenAI models across both halves of the catalog",
])
def test_both_parts_named_as_parts_count_the_whole_catalog(full_assistant, full_catalog, question):
    answer = full_assistant.ask(question)
    openai = [m for m, e in full_catalog.models.items() if "OpenAI" in e.labs]
    assert answer.intent == "count" and not answer.abstained
    assert f"**{len(openai)}**" in answer.text, answer.text[:200]


@pytest.mark.parametrize("question, winner", [
    ("Among the paper's encoder-decoder models, which came out most recently?", "instructor"),
    ("Among the paper's instruction-tuned models, which one has the biggest largest-variant?", "flan-palm"),
    ("In the paper's table, which model derived from LLaMA is largest?", "openassistant-llama"),
    ("what is the newest of the paper's Meta models?", "llama"),
    ("which of the paper's encoders is the largest?", "glide"),
    ("Largest Meta (or Facebook) model across both parts?", "llama-3"),
])
def test_the_part_a_ranking_is_over(full_assistant, question, winner):
    assert _first(full_assistant.ask(question)) == winner


@pytest.mark.parametrize("question, winner", [
    ("first MoE model among the additions", "mixtral-8x7b"),
    ("what was Google's first decoder model?", "transformer-xl"),
    ("Meta's first open model", "bart"),
    ("first multilingual model added since the paper", "bloomz"),
    ("what was Meta's last encoder model?", "dinov2"),
])
def test_first_and_last_before_a_noun_phrase_rank_by_date(full_assistant, question, winner):
    answer = full_assistant.ask(question)
    assert answer.models == [winner], answer.text[:200]


@pytest.mark.parametrize("question, winner", [
    ("What's the smallest OpenAI model in the original paper catalog, judged by its largest release?", "gpt"),
    ("Which EleutherAI model in the paper has the tiniest checkpoint of all (smallest variant)?", "pythia"),
    ("What is the smallest model in the paper's catalog when you count its smallest size variant?", "albert"),
    ("the tiniest DeepMind model (by largest variant)", "alphafold"),
])
def test_the_variant_a_ranking_is_judged_by_names_one_winner(full_assistant, question, winner):
    answer = full_assistant.ask(question)
    assert answer.models == [winner], answer.text[:200]  # the measure is named: no second basis


@pytest.mark.parametrize("question", [
    "which of the additions actually predate the paper (Feb 2023)?",
    "additions released before the paper",
    "which added models came out prior to the survey?",
    "additions that were published before the original paper (February 2023)",
])
def test_the_paper_as_a_date(full_assistant, full_catalog, question):
    answer = full_assistant.ask(question)
    early = {m for m, e in full_catalog.models.items() if not e.in_paper and e.date.key < 202302}
    assert early and set(answer.models) == early


@pytest.mark.parametrize("question", [
    "models between 1B and 10B parameters (largest release)",
    "models of roughly 6-7B parameters (max between 6B and 7B inclusive)",
    "decoders from 10B to 100B (by their largest variant)",
])
def test_a_bracket_restating_a_size_range_keeps_it_a_list(full_assistant, question):
    answer = full_assistant.ask(question)
    assert answer.intent == "list" and not answer.abstained and len(answer.models) >= 2


def test_a_size_active_per_token_is_no_released_size(full_catalog):
    mixtral = full_catalog.models["mixtral-8x7b"]
    assert any("active" in (v.label or "").lower() for v in mixtral.params.variants)
    assert min(released_sizes(mixtral)) == mixtral.params.max_millions  # 13B active is no smaller Mixtral


def test_the_smallest_by_smallest_variant_skips_active_counts(full_assistant):
    answer = full_assistant.ask("which addition is the biggest, counting its smallest version?")
    assert "37B" not in answer.text.split("\n")[0]  # DeepSeek-V3's 37B is active per token, not a release


@pytest.mark.parametrize("question", [
    "Which newer models are derived from a model in the original paper?",
    "newer models built on a paper model",
    "which recent models were fine-tuned from one of the paper's models?",
])
def test_newer_models_from_a_paper_model_are_additions(full_assistant, full_catalog, question):
    answer = full_assistant.ask(question)
    want = {m for m, e in full_catalog.models.items() if not e.in_paper
            and any(full_catalog.models[p].in_paper for p in e.derived_from if p in full_catalog.models)}
    assert want and set(answer.models) == want, answer.text[:200]


@pytest.mark.parametrize("question, winner", [
    ("which model came out right after BERT?", "transformer-xl"),
    ("what was released immediately before GPT-3?", "electra"),
    ("which Google model came out immediately after T5?", "pegasus"),
])
def test_right_after_a_model_is_the_next_one_by_date(full_assistant, question, winner):
    answer = full_assistant.ask(question)
    assert answer.models == [winner], answer.text[:200]
