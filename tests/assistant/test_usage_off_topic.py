"""Questions about using a model oneself, and about the other things called transformers, in both languages.

The catalog records facts about models (who, when, how big, trained how, under which licence); it does not
say how to run, deploy or fine-tune one. Such a question is declined as outside the catalog even when it
names a model, unless it asks for a set of models ("which open models ..."), which is answered on the fields
the catalog records.
"""

import pytest

from assistant.query import Intent, Reason


@pytest.mark.parametrize("q", [
    "how do I fine-tune GPT-2 on my company's support tickets?",
    "how can we deploy Mistral 7B on our own server",
    "how to quantize LLaMA so it runs on my laptop",
    "pip install transformers fails when I load T5, what now?",
    "怎么在自己的服务器上部署 LLaMA",
    "Mistral 7B 本地跑需要多少显存",
    "用自己的数据微调 BERT 报错了怎么办",
])
def test_how_to_run_a_model_is_outside_the_catalog(full, q):
    query = full._understand(q)
    assert query.intent is Intent.OUT_OF_SCOPE and query.reason is Reason.OFF_TOPIC, (q, query.intent, query.models)
    assert full.ask(q).abstained


@pytest.mark.parametrize("q", [
    "变形金刚电影里 Transformer 是怎么变身的",
    "擎天柱和大黄蜂谁是 Transformer 的老大",
    "Transformer 玩具哪里买",
])
def test_the_toys_named_transformer_are_not_the_architecture(full, q):
    assert full._understand(q).intent is Intent.OUT_OF_SCOPE, q


@pytest.mark.parametrize("q", [
    "how do I cite GPT-2?",
    "how was T5 trained?",
    "Transformer 架构是怎么工作的",
    "哪些开源模型可以部署",  # a set of models: answered on the licence
])
def test_questions_about_the_models_stay_on_topic(full, q):
    assert full._understand(q).intent is not Intent.OUT_OF_SCOPE, q
