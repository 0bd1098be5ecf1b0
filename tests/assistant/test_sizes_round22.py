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
