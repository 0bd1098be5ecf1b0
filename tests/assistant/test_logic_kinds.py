"""Kinds of quantified, relative and dated questions, each in wordings other than the ones that showed the kind:
a quantifier over a model's sizes with a verb or a relative clause between it and the bound ("no released checkpoint
ever goes above 1B"), a size named as a version with its unit word ("a 70-billion-parameter checkpoint"), a bracketed
value that restates a compared model's own size or month ("bigger than T5 (11B)"), a year said by two digits ("19年"),
"between X and Y" with both ends said to count, a value together with one more of its field ("MLM plus another
objective"), a domain list said to lack a tag, a licence class as a list item, "how small" (a size asked, no trait),
a sole focus ("vision is the sole focus"), an active-per-token count, one model's own largest version, "that year" in
a follow-up, and the nearest models when a size bound leaves none; a ranking said to count every released size, a part
of a year named after its year ("2021's first half"), a field's only value said after the field, a word picking one of a
family's members ("any Qwen model"), a size the catalog records ("on record"), a value said of the largest size ("tops
out at 13B"), the asker's own situation in a clause before the question ("I only have one GPU, ..."), and 非 glued by
the segmenter to the word before it. Parser level on the whole catalog, one ``ask`` for the conversational and
answer-level rows."""

from __future__ import annotations

import pytest

from assistant.session import Session
from tests.assistant.spec import project

def _since(years: int) -> str:
    """The reading of "the last <years> years" asked today: from the month that many years back."""
    import datetime as dt

    today = dt.date.today()
    return f"date ≥ {today.year - years}-{today.month:02d}"


_SINCE_20_YEARS = _since(20)

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
    ("近20年的模型", "where", _SINCE_20_YEARS),  # the last twenty years up to today (relative_dates), never 2020
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
    # a ranking said to look at every released size (or at a variant) is judged by the direction's own variant, said
    ("which model is the smallest if you count all of its released versions?", "superlative", "params min 1 by smallest"),
    ("of the encoders, which is tiniest taking every checkpoint into account", "superlative", "params min 1 by smallest"),
    ("which Google model offers the smallest checkpoint?", "superlative", "params min 1 by smallest"),
    ("算上所有尺寸，参数最少的解码器是哪个", "superlative", "params min 1 by smallest"),
    # a part of a year named after the year, as its owner
    ("what came out in 2021's first half?", "where", "date ≥ 2021-01 AND date ≤ 2021-06"),
    ("encoders from 2020's second half", "where", "date ≥ 2020-07 AND date ≤ 2020-12 AND architecture = encoder"),
    ("anything before 2022's fourth quarter", "where", "date ≤ 2022-09"),
    # a date range with a model's release at one end and a date at the other (the model's month left out unless both said)
    ("models released between ChatGPT and March 2023", "where", "date ≥ 2022-12 (as ChatGPT) AND date ≤ 2023-03"),
    ("models that came out between the release of GPT-3 and June 2021", "where", "date ≥ 2020-06 (as GPT-3) AND date ≤ 2021-06"),
    ("encoders released between mid-2019 and the launch of GPT-3", "where",
     "date ≥ 2019-06 AND date ≤ 2020-04 (as GPT-3) AND architecture = encoder"),
    ("models released between ChatGPT and March 2023, both ends included", "where", "date ≥ 2022-11 (as ChatGPT) AND date ≤ 2023-03"),
    # a value whose word is a negation ("dense": no mixture of experts) joined by "or" to another: only it is negated
    ("dense or instruction-tuned models", "where", "(trait ≠ mixture-of-experts OR objective = instruction tuning)"),
    ("models that are either non-MoE or trained with RLHF", "where",
     "(trait ≠ mixture-of-experts OR objective = reinforcement learning from human feedback (RLHF))"),
    ("decoders that are fully dense or distilled", "where",
     "(trait ≠ mixture-of-experts OR objective = knowledge distillation) AND architecture = decoder"),
    ("DeepSeek models that are dense or distilled", "where", "(trait ≠ mixture-of-experts OR objective = knowledge distillation) AND lab = DeepSeek"),
    # a value said of the largest size ("whose biggest checkpoint is 70B", "tops out at 13B"): no other size equals it
    ("decoders whose biggest checkpoint is precisely 70B", "where", "largest variant size = 70B AND architecture = decoder"),
    ("models that top out at 13B", "where", "largest variant size = 13B"),
    ("which models max out at exactly 7B?", "where", "largest variant size = 7B"),
    ("最大的版本是 70B 的模型", "where", "largest variant size = 70B"),
    # a field's only value, with a participle after the field noun, the value first, or said after the field (zh)
    ("models whose sole objective recorded in the catalog is masked language modeling", "where",
     "objectives listed = 1 AND objective = masked language modeling (MLM)"),
    ("models where MLM is the only training objective", "where", "objectives listed = 1 AND objective = masked language modeling (MLM)"),
    ("训练目标仅为指令微调的模型", "where", "objectives listed = 1 AND objective = instruction tuning"),
    ("预训练目标只有掩码语言建模的编码器", "where", "objectives listed = 1 AND objective = masked language modeling (MLM) AND architecture = encoder"),
    # a word picking one of a set before a family's name and a singular model word: the family's members
    ("does any Gemma model come in under 3B?", "where", "size < 3B AND family = Gemma"),
    ("which Phi model has a 14B version?", "where", "some variant with size = 14B AND family = Phi"),
    ("is there any Llama model released in 2024?", "where", "date ≥ 2024-01 AND date ≤ 2024-12 AND family = LLaMA"),
    # the asker's own situation in a clause before the question asks for no unrecorded fact; asked of it, it still is
    ("We only own one TPU; which encoders are under 1B?", "unrecorded", []),
    ("my laptop has an old GPU, so which decoders from 2023 have a version under 3B?", "unrecorded", []),
    ("I've got a single GPU — list models released in 2024 that are below 2B", "unrecorded", []),
    ("which models can I run on my GPU?", "unrecorded", ["hardware"]),
    # a size the catalog records, said with another participle or "on record"
    ("Google decoders whose size is documented", "where", "size ≠ unknown AND architecture = decoder AND lab = Google"),
    ("which encoders have a listed parameter count?", "where", "size ≠ unknown AND architecture = encoder"),
    ("Meta models with a parameter count on record", "where", "size ≠ unknown AND lab = Meta"),
    ("有记录参数量的 OpenAI 模型", "where", "size ≠ unknown AND lab = OpenAI"),
    # 非 glued by the segmenter to the word before it (中非, 是非) still negates
    ("2022年的模型中非解码器的是哪些", "where", "date ≥ 2022-01 AND date ≤ 2022-12 AND architecture ≠ decoder"),
    ("哪些模型是非开源的", "where", "license ≠ open"),
    ("谷歌模型中非多语言的有哪些", "where", "lab = Google AND domain ≠ multilingual"),
]


@pytest.mark.parametrize("question, field, expected", PARSED, ids=[p[0] for p in PARSED])
def test_the_reading(full, full_catalog, question, field, expected):
    assert project(full._understand(question), full_catalog)[field] == expected


# a verb saying where a model's sizes end ("tops out", "maxes out", "peaks at", 封顶) ties a bound to the largest size: no
# second reading counting every released size; a plain bound keeps both
ENDS = [
    ("decoder models that max out below 10B", False),
    ("Google models capping out somewhere from 50B to 100B", False),
    ("封顶在100亿以内的解码器", False),
    ("decoders under 10B", True),
]


@pytest.mark.parametrize("question, second", ENDS, ids=[e[0] for e in ENDS])
def test_where_sizes_end(full, question, second):
    from assistant.retrieve import any_size

    assert (any_size(full._understand(question)) is not None) == second


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
