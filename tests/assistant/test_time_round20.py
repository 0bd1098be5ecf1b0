"""Round 20, time: release order and the time between two releases, in wordings other people type.

- a count of time in a Chinese question naming two models (差几个月, 中间隔了多少时间, 发布后几个月出了, 出来多久以后)
  is how far apart their releases are, never an unrecorded training time; a word of work before it (各训练了多久)
  keeps the training time;
- a model's release as a bound in Chinese: 晚于 / 早于 / 先于 X, 比 X 晚出 / 晚一点 / 稍早 (the release verb or a degree glued
  to the word of time), and 比 X 更早的模型 where X also names a family ("earlier than BERT models"): the models released
  after or before X, never X's family nor X alone;
- "than it" after a relation of the same question to one model ("the same year as GPT-3 but earlier than it",
  和 GPT-3 同一年但比它早发布的) is that model, not the conversation's;
- the gap asked as the months or years themselves ("months between X and Y", "years separating X and Y") or as the
  releases' gap ("X and Y release gap?", 发布间隔, 时间差): the months between the two, never the list of models between
  them ("models released in the months between X and Y" stays a list);
- a gap asked of "they" / 它们 / 这两个 after a turn on each of two models is the gap between that pair, never the last
  model's date alone;
- a count of time after a word of work in its clause is that work's time, whatever the models named (推理一张图要多长时间:
  inference time, 各训练了多久: training time), and a score asked as points (得了多少分, 能拿几分) or a benchmark named
  alone ("what did X get on VQAv2?") is the unrecorded benchmark score: both abstain;
- a field of named models asked "respectively" in Chinese word order (X 和 Y 的训练数据分别有多少, glossed "respectively how
  many") is each model's own value, not a count of models ("Google 和 Meta 分别有多少个模型" still counts);
- the time between a named model and one the question describes instead of naming ("How long after Salesforce's 2019
  model did GPT-3 come out?") is the gap to the one catalog model the description holds, said in the reading; a
  description that holds of the named model itself ("Anthropic's Claude 3") stays a fact of that model.

Expected months come from the catalog's dates.
"""

from __future__ import annotations

import pytest


def _months(catalog, a, b):
    x, y = catalog.models[a].date, catalog.models[b].date
    return abs((y.year - x.year) * 12 + y.month - x.month)


@pytest.mark.parametrize("question, a, b", [
    ("XLNet 和 ALBERT 差几个月", "xlnet", "albert"),
    ("GPT-2 跟 GPT-3 相差了多少个月？", "gpt-2", "gpt-3"),
    ("PaLM 到 PaLM 2 中间隔了多少时间", "palm", "palm-2"),
    ("Qwen 发布后几个月出了 Qwen2", "qwen", "qwen2"),
    ("Mistral 7B 出来以后过了多久才有 Mixtral", "mistral-7b", "mixtral-8x7b"),
    ("Gemma 和 Gemma 2 之间差了多久？", "gemma", "gemma-2"),
])
def test_a_count_of_time_between_two_named_models_is_their_gap(full_assistant, question, a, b):
    answer = full_assistant.ask(question)
    n = _months(full_assistant.catalog, a, b)
    assert answer.query["intent"] == "compare" and answer.query.get("gap") and not answer.abstained, answer.query
    assert {a, b} <= set(answer.models), answer.models
    assert f"{n}个月" in answer.text.split("\n\n")[0], answer.text[:300]


def test_a_count_of_time_after_a_word_of_work_stays_the_training_time(full_assistant):
    answer = full_assistant.ask("GPT-3 和 PaLM 各训练了多久")
    assert answer.abstained and "training cost" in answer.query["unrecorded"], answer.query


def _ym(d):
    return d.year * 12 + d.month


@pytest.mark.parametrize("question, anchor, later, lab", [
    ("比 OPT 晚一点发布的 Meta 模型", "opt", True, "Meta"),
    ("先于 GPT-3 问世的 OpenAI 模型有哪些？", "gpt-3", False, "OpenAI"),
    ("比 T5 稍早的谷歌模型", "t5", False, "Google"),
    ("迟于 Gopher 出的 DeepMind 模型", "gopher", True, "DeepMind"),
    ("比 GPT-2 更早的模型有哪些", "gpt-2", False, None),
    ("比 LLaMA 早出的 Meta 模型有哪些？", "llama", False, "Meta"),
    ("which models are older than BERT models?", "bert", False, None),
])
def test_a_model_release_as_a_bound_in_chinese(full_assistant, question, anchor, later, lab):
    catalog = full_assistant.catalog
    at = _ym(catalog.models[anchor].date)
    wanted = {m for m, e in catalog.models.items() if (_ym(e.date) > at if later else _ym(e.date) < at)
              and (lab is None or any(lab.lower() in o.lower() for o in e.org_names))}
    answer = full_assistant.ask(question)
    assert answer.query["intent"] == "list", answer.query
    assert set(answer.models) == wanted, (sorted(set(answer.models) ^ wanted), answer.query)


@pytest.mark.parametrize("question, anchor, later, same", [
    ("models from the same year as T5 but newer than it", "t5", True, "year"),
    ("和 T5 同一年但比它晚发布的模型", "t5", True, "year"),
    ("跟 Chinchilla 同一家机构、比它早的模型有哪些", "chinchilla", False, "lab"),
    ("Which models came out the same year as PaLM, but before it?", "palm", False, "year"),
])
def test_than_it_after_a_relation_of_the_same_question_is_that_model(full_assistant, question, anchor, later, same):
    catalog = full_assistant.catalog
    a = catalog.models[anchor]
    at = _ym(a.date)
    wanted = {m for m, e in catalog.models.items() if (_ym(e.date) > at if later else _ym(e.date) < at)
              and (e.date.year == a.date.year if same == "year" else set(e.org_names) & set(a.org_names))}
    answer = full_assistant.ask(question)
    assert answer.query["intent"] == "list", answer.query
    assert set(answer.models) == wanted, (sorted(set(answer.models) ^ wanted), answer.query)


@pytest.mark.parametrize("question, a, b, zh", [
    ("months between OPT and BLOOM", "opt", "bloom", False),
    ("Years separating GPT-2 and GPT-4?", "gpt-2", "gpt-4", False),
    ("Gemma and Gemma 2 release gap?", "gemma", "gemma-2", False),
    ("Qwen2 vs Qwen2.5 - publication gap?", "qwen2", "qwen2.5", False),
    ("LLaMA 和 Llama 2 的发布间隔是多少", "llama", "llama-2", True),
    ("GPT-2 与 GPT-3 的时间差", "gpt-2", "gpt-3", True),
])
def test_the_gap_said_as_months_or_as_the_release_gap(full_assistant, question, a, b, zh):
    answer = full_assistant.ask(question)
    n = _months(full_assistant.catalog, a, b)
    assert answer.query["intent"] == "compare" and answer.query.get("gap"), answer.query
    assert (f"{n}个月" if zh else f"{n} month") in answer.text.split("\n\n")[0], answer.text[:300]


def test_models_in_the_months_between_two_releases_stay_a_list(full_assistant):
    answer = full_assistant.ask("which models were released in the months between GPT-3 and ChatGPT?")
    assert answer.query["intent"] == "list" and len(answer.models) > 5, answer.query


@pytest.mark.parametrize("turns, a, b, zh", [
    (["what is Mistral 7B?", "and Mixtral?", "how many months apart did they come out?"], "mistral-7b", "mixtral-8x7b", False),
    (["who made OPT?", "what about BLOOM?", "how long between their releases?"], "opt", "bloom", False),
    (["GPT-2 是什么", "GPT-3 呢", "它们差几个月"], "gpt-2", "gpt-3", True),
    (["T5 是谁做的", "Flan-T5 呢", "这两个隔了多少个月？"], "t5", "flan-t5", True),
])
def test_a_gap_asked_of_the_two_just_discussed(full_assistant, turns, a, b, zh):
    from assistant.session import Session

    session = Session()
    for turn in turns[:-1]:
        full_assistant.ask(turn, session)
    answer = full_assistant.ask(turns[-1], session)
    n = _months(full_assistant.catalog, a, b)
    assert {a, b} <= set(answer.models), (answer.models, answer.query)
    assert (f"{n}个月" if zh else f"{n} month") in answer.text.split("\n\n")[0], answer.text[:300]


@pytest.mark.parametrize("question, unrecorded", [
    ("CLIP 处理一张图片要多久？", "inference speed"),
    ("Whisper 转录十分钟的音频需要多长时间", "inference speed"),
    ("LLaMA 生成一个 token 要几毫秒", "inference speed"),
    ("Gopher 和 Chinchilla 各训练了多久", "training cost"),
    ("GPT-4 在 MMLU 上能拿几分？", "benchmark scores"),
    ("PaLM 考了多少分", "benchmark scores"),
    ("What did Flamingo get on OK-VQA?", "benchmark scores"),
    ("Gemini 1.0 VQAv2 result?", "benchmark scores"),
])
def test_an_unrecorded_time_or_score_abstains(full_assistant, question, unrecorded):
    answer = full_assistant.ask(question)
    assert answer.abstained and unrecorded in answer.query["unrecorded"], answer.query


@pytest.mark.parametrize("question, models, text", [
    ("GPT-2 和 GPT-3 的训练数据分别有多少", ["gpt-2", "gpt-3"], ["WebText", "500B"]),
    ("Gemma 和 Gemma 2 的训练语料分别是多少？", ["gemma", "gemma-2"], []),
])
def test_a_field_of_named_models_asked_respectively_is_their_values(full_assistant, question, models, text):
    answer = full_assistant.ask(question)
    assert answer.query["intent"] != "count" and answer.models == models, (answer.models, answer.query)
    assert "corpus" in answer.query["attributes"], answer.query
    assert all(t in answer.text for t in text), answer.text[:400]


@pytest.mark.parametrize("question", ["Google 和 Meta 分别有多少个模型", "GPT-2 的直接子模型里，decoder 和非 decoder 的各有几个？",
                                      "encoder 和非 encoder 分别有几个"])
def test_models_counted_respectively_stay_a_count(full_assistant, question):
    answer = full_assistant.ask(question)
    assert answer.query["intent"] == "count", answer.query


@pytest.mark.parametrize("question, described, named", [
    ("How many months after Salesforce's 2019 model did GPT-3 come out?", "ctrl", "gpt-3"),
    ("how long after the 2020 Microsoft decoder did ChatGPT come out?", "turing-nlg", "chatgpt"),
])
def test_a_gap_to_a_model_described_instead_of_named(full_assistant, question, described, named):
    answer = full_assistant.ask(question)
    n = _months(full_assistant.catalog, described, named)
    assert answer.query["intent"] == "compare" and set(answer.models) == {described, named}, answer.query
    assert answer.query["identified"] == [described], answer.query
    assert f"{n} month" in answer.text.split("\n\n")[0], answer.text[:300]
    assert "the one catalog model where" in answer.text, answer.text


def test_a_description_that_holds_of_the_named_model_stays_its_own(full_assistant):
    answer = full_assistant.ask("How long after release did Anthropic's Claude 3 come out?")
    assert answer.models == ["claude-3"], answer.query


def test_a_length_asked_of_two_models_is_no_gap(full_assistant):
    q = full_assistant._understand("GPT-3 和 PaLM 的上下文窗口有多长")
    assert not q.gap and "context length" in q.unrecorded, q
