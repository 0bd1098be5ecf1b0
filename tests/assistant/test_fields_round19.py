"""A mixture of experts' size says the share of its parameters used per token: the active count over the total of
the same configuration, computed from the entry's own two counts ("what fraction of Mixtral is active?": 13B of
47B, about 28%). A dense model's size says no share; a configuration other than the main one is named."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("question, share", [
    ("what share of Mixtral's parameters is active per token?", "28%"),
    ("What percentage of its weights does DeepSeek-V3 use for each token?", "5.5%"),
    ("how sparse is GLaM: how much of it runs per token?", "8%"),
    ("how big is Mixtral 8x7B?", "28%"),
])
def test_a_mixture_of_experts_size_says_its_active_share(full_assistant, question, share):
    answer = full_assistant.ask(question)
    assert f"about {share} of them are active per token" in answer.text, answer.text


def test_each_configuration_has_its_own_share():
    from assistant.facets import active_share_items
    from catalog import CatalogSettings, load_catalog

    catalog = load_catalog(CatalogSettings(paper_only=False))
    items = active_share_items(catalog.models["deepseek-v2"])
    assert [(name, round(x, 3)) for name, x in items] == [("", round(21 / 236, 3)), ("V2-Lite", round(2.4 / 16, 3))]
    assert active_share_items(catalog.models["gpt-3"]) == []


def test_the_share_is_said_in_chinese(full_assistant):
    text = full_assistant.ask("DeepSeek-V3 每个词元激活的参数占多少比例？").text
    assert "每个词元约激活其中的 5.5%" in text, text


@pytest.mark.parametrize("question", ["how big is GPT-3?", "how many parameters does Llama 2 have?"])
def test_a_dense_model_says_no_share(full_assistant, question):
    assert "active per token" not in full_assistant.ask(question).text
