"""A yes/no about one field of a model states that field: whether it was built by fine-tuning, in words from the catalog's
flag ("No. ChatGPT is recorded as pretrained ..., not built by fine-tuning a pretrained model", not the flag's raw values
"not yes (...)"); a trait or a domain by the model's recorded traits or domains (not its application text)."""

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


@pytest.mark.parametrize("question, model, field", [
    ("Is GLaM a mixture of experts?", "glam", "traits"),
    ("Is CLIP a vision model?", "clip", "domains"),
    ("Is GPT-3 a vision model?", "gpt-3", "domains"),
])
def test_a_trait_or_domain_yes_no_states_the_field(full, question, model, field):
    e = full.catalog.models[model]
    values = [v.value for v in (e.traits if field == "traits" else e.domains)]
    lead = full.ask(question).text.split("\n")[0]
    assert "used for" not in lead and any(v.replace("-", " ") in lead.replace("-", " ") for v in values), lead
