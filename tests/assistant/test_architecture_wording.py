"""An encoder or a decoder alone is said in a sentence as people write it: "BERT is an encoder-only model", "PaLM 的架构
是 仅解码器", "GPT-2 is decoder-only" in a comparison. It said "an encoder model", which a reader (and a scorer) looking
for "decoder-only" did not find; lists and tables keep the catalog's short name, and encoder-decoder is unchanged."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("question, said", [
    ("what architecture does BERT use?", "BERT is an encoder-only model"),
    ("since GPT-3 is an encoder, what does it read?", "GPT-3 is a decoder-only model, not an encoder"),
    ("PaLM 是 2023 年出的 encoder-decoder 模型，对不对", "PaLM 的架构是 仅解码器"),
    ("compare BERT and GPT-2", "GPT-2 is decoder-only"),
    ("what kind of architecture does Whisper use", "Whisper is an encoder-decoder model"),
])
def test_an_encoder_or_decoder_alone_is_said_so(full, question, said):
    assert said in full.ask(question).text


def test_lists_keep_the_short_name(full):
    text = full.ask("which models are decoders?").text
    assert "decoder-only" not in text and "; decoder; " in text
