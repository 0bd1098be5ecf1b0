"""Round 22, sizes: a ranking judged by the size said as 按最大尺寸(算) / 按最小尺寸 (not "the largest" itself); a count of
one model's own sizes said with the model inside the count ("how many Whisper checkpoints", "how many dense Gemma 3
models", "Llama 2 has how many versions in total, dense and MoE"), and two models weighed by their number of sizes."""

from __future__ import annotations

import pytest


def _ranked(catalog, keep, rank, largest):
    sized = sorted(((m.params.max_millions, m.id) for m in catalog.models.values() if keep(m) and m.params.max_millions),
                   reverse=largest)
    return sized[rank - 1][1]


@pytest.mark.parametrize("question, keep, rank, largest", [
    ("按最大尺寸算，编码器里第三小的是哪个", lambda m: m.architecture.value == "encoder", 3, False),
    ("解码器中按最大尺寸排第二小的", lambda m: m.architecture.value == "decoder", 2, False),
    ("新增的模型里按最大尺寸算第三小的是哪个", lambda m: not m.in_paper, 3, False),
])
def test_a_ranking_judged_by_the_largest_size_keeps_its_direction(full, full_catalog, question, keep, rank, largest):
    answer = full.ask(question)
    assert answer.query["superlative"]["largest"] is largest, answer.query
    assert answer.query["superlative"]["measure"] == "largest", answer.query
    assert answer.models == [_ranked(full_catalog, keep, rank, largest)], answer.text


@pytest.mark.parametrize("question, model, kind, n", [
    ("how many whisper checkpoints are there?", "whisper", "", 5),
    ("how many dense llama 3 models exist?", "llama-3", "dense", 3),
    ("how many moe qwen3 checkpoints were released", "qwen3", "moe", 2),
    ("Qwen3 has how many versions altogether, dense and MoE together?", "qwen3", "", 8),
    ("how many Pythia sizes are there, and which is the smallest?", "pythia", "", 8),
])
def test_a_count_of_one_models_sizes_said_with_the_model_inside(full, question, model, kind, n):
    answer = full.ask(question)
    assert answer.models == [model] and answer.query["owned_count"] == "params", answer.query
    assert answer.query["owned_kind"] == kind, answer.query
    assert f"**{n}**" in answer.text, answer.text


@pytest.mark.parametrize("question", [
    "how many MoE decoder models came after Mixtral?",
    "how many different decoder models came after GPT-3?",
])
def test_a_count_of_models_beside_a_named_model_stays_a_count_of_models(full, question):
    answer = full.ask(question)
    assert answer.intent == "count" and not answer.query.get("owned_count"), answer.query
    assert len(answer.models) > 2


@pytest.mark.parametrize("question, winner, loser, n, m", [
    ("which has fewer versions, GPT-2 or GPT-Neo?", "GPT-Neo", "GPT-2", 3, 4),
    ("does LLaMA come in more sizes than Llama 2?", "LLaMA", "Llama 2", 4, 3),
    ("Pythia 和 GPT-2 哪个尺寸更多", "Pythia", "GPT-2", 8, 4),
    ("which of BLOOM and OPT has more labs behind it?", "BLOOM", "OPT", 2, 1),
])
def test_two_models_weighed_by_their_number_of_sizes(full, question, winner, loser, n, m):
    answer = full.ask(question)
    assert answer.query["owned_more"] in ("more", "fewer"), answer.query
    assert f"**{winner}**" in answer.text and loser in answer.text, answer.text
    assert f"{n} against {m}" in answer.text or f"{n} 对 {m}" in answer.text, answer.text


@pytest.mark.parametrize("question, keep, largest", [
    ("which addition has the smallest single checkpoint?", lambda m: not m.in_paper, False),
    ("the tiniest single version of any Google model", lambda m: "Google" in m.org_names, False),
])
def test_single_after_a_superlative_is_the_checkpoint_ranked_not_a_count_of_one(full, full_catalog, question, keep, largest):
    answer = full.ask(question)
    assert not any(c.get("facet") == "variants" for c in answer.query["where"].get("items", [])), answer.query
    smallest = min((min(v.millions for v in m.params.variants) if m.params.variants else m.params.max_millions, m.id)
                   for m in full_catalog.models.values() if keep(m) and m.params.max_millions)
    assert answer.models == [smallest[1]], answer.text


@pytest.mark.parametrize("question, model, bound", [
    ("which models are smaller than BERT-large (340M)?", "bert", 340.0),
    ("which models have fewer parameters than BERT-base (110M)?", "bert", 110.0),
    ("比 BERT-base（110M）小的模型有哪些", "bert", 110.0),
    ("models larger than GPT-2-xl (1.5B)", "gpt-2", 1500.0),
])
def test_a_models_named_variant_with_its_size_in_brackets_bounds_by_that_size(full, full_catalog, question, model, bound):
    answer = full.ask(question)
    sizes = [c for c in answer.query["where"]["items"] if c.get("facet") == "size"]
    assert [(c["values"][0], c["via"]) for c in sizes] == [(bound, model)], answer.query
    smaller = "smaller" in question or "fewer" in question or "小" in question
    expected = {m.id for m in full_catalog.models.values() if m.params.max_millions
                and (m.params.max_millions < bound if smaller else m.params.max_millions > bound)}
    assert set(answer.models) == expected - {model}, answer.text


@pytest.mark.parametrize("question, largest", [
    ("what added model is the largest one?", True),
    ("which added model is tiniest, judged by its biggest version?", False),
])
def test_which_added_model_is_one_of_the_additions(full, question, largest):
    answer = full.ask(question)
    assert {"facet": "catalog", "values": ["beyond"]}.items() <= next(
        c for c in answer.query["where"]["items"] if c.get("facet") == "catalog").items(), answer.query


@pytest.mark.parametrize("question, models", [
    ("how big were Llama 1, 2 and 3?", ["llama", "llama-2", "llama-3"]),
    ("Gemma 1, 2 and 3 — largest version of each?", ["gemma", "gemma-2", "gemma-3"]),
    ("Llama 1、2、3 各自的最大版本分别是多少", ["llama", "llama-2", "llama-3"]),
])
def test_a_run_of_versions_after_a_name_names_each_generation(full, full_catalog, question, models):
    answer = full.ask(question)
    assert answer.query["models"] == models and answer.intent in ("fact", "compare"), answer.query
    assert not answer.query.get("superlative"), answer.query
    for m in models:
        assert m in answer.models


def test_a_count_after_a_name_and_a_comma_is_no_version(full):
    answer = full.ask("compare GPT-2, 3 other models")
    assert answer.query["models"] == ["gpt-2"], answer.query


@pytest.mark.parametrize("question, size, beyond", [
    ("list the 70B additions", 70_000.0, True),
    ("which 13B decoders are there?", 13_000.0, False),
])
def test_a_size_before_a_noun_of_models_is_a_size(full, question, size, beyond):
    answer = full.ask(question)
    sizes = [c for c in answer.query["where"]["items"] if c.get("facet") == "size"]
    assert [c["values"][0] for c in sizes] == [size], answer.query
    assert any(c.get("facet") == "catalog" for c in answer.query["where"]["items"]) is beyond, answer.query


@pytest.mark.parametrize("question, keep, rank", [
    ("the third smallest encoder, judged by its largest version", lambda m: m.architecture.value == "encoder", 3),
    ("among the additions, the second smallest one going by its biggest version", lambda m: not m.in_paper, 2),
    ("编码器里按最大尺寸算第三小的是哪个", lambda m: m.architecture.value == "encoder", 3),
])
def test_a_rankings_words_are_no_description(full_assistant, full_catalog, question, keep, rank):
    # with the meaning matcher on: "judged by ... the second smallest" is the ranking's, never a trait or an objective
    answer = full_assistant.ask(question)
    assert not any(c.get("via") == "paraphrase" for c in answer.query["where"].get("items", [])), answer.query
    assert answer.models == [_ranked(full_catalog, keep, rank, False)], answer.text


@pytest.mark.parametrize("question, model, n", [
    ("how many versions above 10B does llama 2 have?", "llama-2", 2),
    ("how many sizes below 5B does Gemma 3 come in?", "gemma-3", 2),
    ("Qwen3 有几个版本小于 10B", "qwen3", 4),
])
def test_a_count_of_one_models_sizes_within_a_bound(full, question, model, n):
    answer = full.ask(question)
    assert answer.models == [model] and answer.query["owned_within"], answer.query
    assert not answer.query.get("premises"), answer.query  # the bound is said of its sizes, no premise about the model
    assert f"**{n}**" in answer.text, answer.text
