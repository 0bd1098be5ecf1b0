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
