"""A yes/no on whether a model was built by fine-tuning is answered in words, from the catalog's flag: "No. ChatGPT is
recorded as pretrained ..., not built by fine-tuning a pretrained model", not the flag's raw values ("not yes (...)")."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("question, model", [
    ("Is ChatGPT a fine-tuned model?", "chatgpt"),
    ("Is Alpaca a fine-tuned model?", "alpaca"),
    ("ChatGPT 是微调出来的模型吗？", "chatgpt"),
])
def test_the_fine_tuning_verdict_is_said_in_words(full, question, model):
    lead = full.ask(question).text.split("\n")[0]  # the verdict, before the reading line
    tuned = full.catalog.models[model].task_is_finetuning
    assert lead.startswith(("Yes", "是的") if tuned else ("No", "不是")), lead
    assert "not yes" not in lead and "(built by" not in lead, lead
    if not tuned:
        assert "built by fine-tuning a pretrained model" in lead or "由预训练模型微调而来" in lead, lead
