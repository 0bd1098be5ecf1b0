"""Fields asked in words other people use:

- images taken in, not made ("does Gemini 1.5 accept images?", "models with image input", "can Llama 3 accept
  images?"): the models that see, vision-language models among them, never the image generators alone;
- the maker of a model said as a Chinese relative clause ("做 Chinchilla 的那个机构还做了哪些模型"): the lab of
  that model, as a set of its models;
- a model's positional encoding or attention variant asked ("what positional encoding does Llama 3 use?"): its
  recorded traits.
"""

from __future__ import annotations

import pytest

from assistant.query import leaves


@pytest.mark.parametrize("question", [
    "does Gemini 1.5 accept images?", "which models accept visual input?", "models with image understanding",
    "can Llama 3 accept images?", "list the additions that can process images",
])
def test_images_taken_in_are_the_models_that_see(full, question):
    # images taken in: the vision and vision-language domains, or (round 25) the catalog's inputs field
    q = full._understand(question)
    values = {v for c, neg in leaves(q.where) if c.facet == "domain" and not neg for v in c.values}
    taken_in = any(c.facet == "input" and "image" in c.values and not neg for c, neg in leaves(q.where))
    assert (taken_in or "vision-language" in values) and "image-generation" not in values, q.where


@pytest.mark.parametrize("question", ["what positional encoding does Llama 3 use?",
                                      "Which kind of position embeddings does Qwen use?"])
def test_a_positional_encoding_asked_is_the_traits(full, question):
    q = full._understand(question)
    assert [a.value for a in q.attributes] == ["traits"], q.attributes


@pytest.mark.parametrize("question, model", [
    ("做 Chinchilla 的那个机构还做了哪些模型？", "chinchilla"),
    ("开发 BERT 的公司还有哪些编码器模型？", "bert"),
    ("推出 T5 的团队还做过什么模型", "t5"),
    ("发布 ALBERT 的机构最大的模型是哪个？", "albert"),
])
def test_the_maker_of_a_model_said_as_a_chinese_relative_clause(full, question, model):
    """"做 X 的机构": the lab of X, a set of its models; never a question about X alone."""
    q = full._understand(question)
    labs = [c for c, neg in leaves(q.where) if c.facet == "lab" and not neg]
    assert labs and labs[0].via == model and set(labs[0].values) == set(full.catalog.models[model].labs), q



@pytest.mark.parametrize("question, value", [
    ("is BERT an encoder or a decoder?", "encoder"), ("is GPT-3 open or closed?", "Closed"),
    ("is XLNet from Google or Microsoft?", "Google"), ("BERT 是编码器还是解码器？", "编码器"),
    ("Was GPT-2 released under an open or a closed licence?", "Open"),
])
def test_a_choice_between_values_is_answered_by_the_value(full_assistant, question, value):
    """"Is BERT an encoder or a decoder?": the value, never a "Yes" to the choice; a plain yes/no keeps its verdict."""
    text = full_assistant.ask(question).text
    first = text.split("\n\n")[0]
    assert not first.startswith(("Yes", "No", "是的", "不是")) and value in first, first
    assert full_assistant.ask("is BERT an encoder?").text.startswith("Yes")


@pytest.mark.parametrize("question, lead", [
    ("does PaLM use SwiGLU?", "The catalog does not say"), ("Does BERT use rotary position embeddings?", "The catalog does not say"),
    ("PaLM 用了 SwiGLU 吗？", "目录没有记录"), ("is GPT-3 a mixture of experts model?", "No"),
    ("does Llama 2 use sliding window attention?", "No"), ("is Switch a mixture-of-experts model?", "Yes"),
])
def test_a_trait_the_catalog_records_only_for_the_additions_is_unknown_for_a_paper_model(full_assistant, question, lead):
    """Grouped-query attention, rotary embeddings, SwiGLU and sliding windows are tagged only on the models added since the
    paper: a paper model without the tag is not known to lack it; a trait recorded throughout (mixture of experts) is."""
    text = full_assistant.ask(question).text
    assert text.startswith(lead) and " , " not in text.split("\n\n")[0], text[:200]
