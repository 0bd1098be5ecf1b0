"""Kinds of quantified, relative and dated questions, each in wordings other than the ones that showed the kind:
a quantifier over a model's sizes with a verb or a relative clause between it and the bound ("no released checkpoint
ever goes above 1B"), a size named as a version with its unit word ("a 70-billion-parameter checkpoint"), a bracketed
value that restates a compared model's own size or month ("bigger than T5 (11B)"), a year said by two digits ("19年"),
"between X and Y" with both ends said to count, a value together with one more of its field ("MLM plus another
objective"), a domain list said to lack a tag, a licence class as a list item, "how small" (a size asked, no trait),
a sole focus ("vision is the sole focus"), an active-per-token count, one model's own largest version, "that year" in
a follow-up, and the nearest models when a size bound leaves none. Parser level on the whole catalog, one ``ask`` for
the conversational and answer-level rows."""

from __future__ import annotations

import pytest

from assistant.session import Session
from tests.assistant.spec import project

PARSED = [
    # a size quantifier with a verb or a relative clause before the bound
    ("encoder models where no released checkpoint ever goes above 1B", "where", "no variant with size > 1B AND architecture = encoder"),
    ("which decoders have no published size that gets over 10B?", "where", "no variant with size > 10B AND architecture = decoder"),
    ("decoder models that never released anything bigger than 2B", "where", "no variant with size > 2B AND architecture = decoder"),
    ("2023 decoder models whose variants all lie inside 7B to 70B", "where",
     "date ≥ 2023-01 AND date ≤ 2023-12 AND every variant with size ≥ 7B AND every variant with size ≤ 70B AND architecture = decoder"),
    # a size named as a version
    ("models that ship a 70-billion-parameter checkpoint", "where", "some variant with size = 70B"),
    ("哪些模型有70B的版本", "where", "some variant with size = 70B"),
    # a bracketed value restating the compared model's own one
    ("models bigger than T5 (11B)", "where", "size > 11B (as T5)"),
    ("比 GPT-2（15亿）小的模型", "where", "size < 1.5B (as GPT-2)"),
    ("GPT-3（2020年5月）之前的模型", "where", "date ≤ 2020-04 (as GPT-3)"),
    # a year by its last two digits (a span of years is none)
    ("19年发布的模型", "where", "date ≥ 2019-01 AND date ≤ 2019-12"),
    ("23年以后的开源模型", "where", "date ≥ 2023-01 AND license = open"),
    ("近20年的模型", "where", ""),
    # both ends of "between X and Y" said to count
    ("anything that came out between BERT and GPT-2, both ends included", "where", "date ≥ 2018-10 (as BERT) AND date ≤ 2019-02 (as GPT-2)"),
    ("models released from GPT-3 to ChatGPT", "where", "date ≥ 2020-06 (as GPT-3) AND date ≤ 2022-10 (as ChatGPT)"),
    ("ChatGPT 和 GPT-4 之间（含两端）发布的模型", "where", "date ≥ 2022-11 (as ChatGPT) AND date ≤ 2023-03 (as GPT-4)"),
    # a value and one more of its field
    ("MLM models that also have another objective", "where", "objectives listed ≥ 2 AND objective = masked language modeling (MLM)"),
    # 除了 X 还有其他 <field>: X and one more; 除了 X 还有其他 <models>: X left out, the rest kept positive
    ("除了文本之外还覆盖其他领域的模型", "where", "domains listed ≥ 2 AND domain = text"),
    ("除了BERT还有其他编码器吗", "where", "architecture = encoder"),
    # a domain list lacking a tag; a licence class as one item of a list
    ("领域不包括纯文本的模型", "where", "domain ≠ text"),
    ("开源协议、解码器架构、2022年以后的模型", "where", "date ≥ 2022-01 AND architecture = decoder AND license = open"),
    # "how tiny": the size asked, no efficient trait
    ("which DeepMind model is the tiniest, and how small is it?", "where", "lab = DeepMind"),
    # the sole focus of a model
    ("models where vision is the sole focus", "where", "domains listed = 1 AND domain = vision"),
    ("biggest model focused exclusively on code", "where", "domains listed = 1 AND domain = code"),
    # a count active per token
    ("MoE models with active counts under 20B", "where", "active size (per token) < 20B AND trait = mixture-of-experts"),
    # one model's own largest version: its sizes, no ranking of models
    ("what is the largest variant of Galactica?", "attributes", ["params"]),
]


@pytest.mark.parametrize("question, field, expected", PARSED, ids=[p[0] for p in PARSED])
def test_the_reading(full, full_catalog, question, field, expected):
    assert project(full._understand(question), full_catalog)[field] == expected


TURNS = [
    # "that year", "the smallest checkpoint of it": the model discussed
    (["tell me about BLOOM"], "any encoders from that year?", "date ≥ 2022-01 (as BLOOM) AND date ≤ 2022-12 (as BLOOM)"),
    (["tell me about LLaMA"], "and the smallest checkpoint of it?", "7B, 13B, 33B, 65B"),
    # nothing above the bound: the nearest models its other conditions admit
    ([], "do the Gemma family models include anything over 40B, and if not what's the closest?", "**Gemma 2** (27B)"),
    ([], "Gemma 系列有没有超过30B的？没有的话最接近的是？", "**Gemma 2** (270亿（27B）)"),
]


@pytest.mark.parametrize("history, question, expected", TURNS, ids=[t[1] for t in TURNS])
def test_the_answer(full, history, question, expected):
    session = Session()
    for turn in history:
        full.ask(turn, session)
    assert expected in full.ask(question, session).text
