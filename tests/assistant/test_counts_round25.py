"""Round 25, counts and spans of time, said in new ways.

- A span of months inside one year, Chinese "2022 年 4 到 6 月" (the first month's 月 left out, or said in Chinese numerals,
  or with 至 / -): those months, not the whole year.
- The catalog named as what holds the models ("what did the survey include from Q1 2023", "what does the catalog have
  from ..."): a question about models, so a date alone is a list, not off-topic.
- Spans of time side by side with "in each" / "each" ("2019 vs 2020: how many models came out in each"; Chinese 各 /
  每年各): each span counted, "each" no pointer to an earlier answer.
- A set said first and a count asked inside it ("out of Google's models, how many are encoders", 谷歌的模型中有几个是编码器):
  the count, and the set it is a part of (a share).
- A named model's count "size-wise" / "in terms of size" (Chinese 按尺寸算, 从尺寸上看): its own released sizes.
- "months / years between them" after two named models: the gap between their releases.

Expected values come from the catalog itself.
"""

from __future__ import annotations

import pytest

from assistant.facets import released_sizes


def _ids(full, pred):
    return [m for m, e in full.catalog.models.items() if pred(e)]


def _in(e, lo, hi):
    return e.date is not None and lo <= e.date.key <= hi


def _spans_read(q, spans):
    """Each span's two ends are among the typed query's date values (counted apart or in its where tree); a breakdown
    by a part of the year over spans that run on may hold only the first start and the last end."""
    import json
    said = json.dumps([q["apart"], q["where"]])
    if q["group_by"] and f"{spans[0][0]}.0" in said and f"{spans[-1][1]}.0" in said:
        return True
    return all(f"{lo}.0" in said and f"{hi}.0" in said for lo, hi in spans)


@pytest.mark.parametrize("question, lo, hi", [
    ("2022 年 4 到 6 月发布的模型", 202204, 202206),
    ("2021年7至9月的模型", 202107, 202109),
    ("2022年十到十二月发布了哪些模型", 202210, 202212),
    ("2020 年 5-8 月出的模型", 202005, 202008),
    ("2022 年 4 到 6 月發佈的模型", 202204, 202206),
])
def test_a_chinese_span_of_months_in_one_year(full, question, lo, hi):
    answer = full.ask(question)
    assert set(answer.models) == set(_ids(full, lambda e: _in(e, lo, hi))), (answer.models, answer.text[:300])


@pytest.mark.parametrize("question, lo, hi", [
    ("what did the survey cover in Q2 2022", 202204, 202206),
    ("what does the catalog have from the third quarter of 2022?", 202207, 202209),
    ("what did the survey include from the last quarter of 2021", 202110, 202112),
])
def test_the_catalog_as_the_holder_of_a_dated_set_is_about_models(full, question, lo, hi):
    answer = full.ask(question)
    assert not answer.abstained, answer.text[:300]
    assert set(answer.models) == set(_ids(full, lambda e: _in(e, lo, hi))), answer.models


@pytest.mark.parametrize("question, spans", [
    ("2019 vs 2020: how many models came out in each", [(201901, 201912), (202001, 202012)]),
    ("how many in each: 2020 vs 2022?", [(202001, 202012), (202201, 202212)]),
    ("March 2023 vs April 2023, how many releases in each?", [(202303, 202303), (202304, 202304)]),
    ("Q1 2023 vs Q2 2023 - how many in each", [(202301, 202303), (202304, 202306)]),
    ("2019 年和 2020 年各出了几个模型", [(201901, 201912), (202001, 202012)]),
    ("2020年对比2021年，每年各有多少个模型", [(202001, 202012), (202101, 202112)]),
    ("2020年跟2022年各有幾個模型", [(202001, 202012), (202201, 202212)]),
])
def test_spans_side_by_side_counted_in_each(full, question, spans):
    answer = full.ask(question)
    assert not answer.clarification and not answer.abstained, answer.text[:300]
    q = answer.query
    assert len(q["apart"]) == 2 or q["group_by"] == "year", q  # each span counted, or a breakdown over the two years
    assert _spans_read(q, spans), q
    for lo, hi in spans:
        n = len(_ids(full, lambda e, lo=lo, hi=hi: _in(e, lo, hi)))
        assert f"{n}" in answer.text, (lo, hi, n, answer.text[:500])


@pytest.mark.parametrize("question, lab, arch, paper", [
    ("out of Google's models, how many are encoders", "Google", "encoder", None),
    ("among Meta's models in the paper, how many are decoders?", "Meta", "decoder", True),
    ("of OpenAI's models, how many are decoders?", "OpenAI", "decoder", None),
    ("谷歌的模型中有几个是编码器", "Google", "encoder", None),
    ("在 Meta 的模型里，解码器有几个", "Meta", "decoder", None),
    ("within Meta's lineup, how many decoders?", "Meta", "decoder", None),
    ("for Google, how many are encoders?", "Google", "encoder", None),
    ("among OpenAI's models how many are decoders", "OpenAI", "decoder", None),
    ("of Google's models - how many are encoders?", "Google", "encoder", None),
    ("Meta 的模型當中有幾個是解碼器", "Meta", "decoder", None),
])
def test_a_count_inside_a_set_said_first_gives_its_base(full, question, lab, arch, paper):
    answer = full.ask(question)
    q = answer.query
    assert q["share_of"] is not None, q
    base = _ids(full, lambda e: lab in e.lab_keys and (paper is None or e.in_paper == paper))
    part = [m for m in base if full.catalog.models[m].architecture.value == arch]
    assert len(part) < len(base)
    assert f"{len(part)}" in answer.text and f"{len(base)}" in answer.text, (len(part), len(base), answer.text[:400])


@pytest.mark.parametrize("question, model_id", [
    ("how many OPT models are there, size-wise", "opt"),
    ("size-wise, how many Pythia models exist?", "pythia"),
    ("how many BLOOM models in terms of size", "bloom"),
    ("从尺寸上看 Pythia 有几个模型", "pythia"),
    ("Gopher 按規模算有幾個模型", "gopher"),
    ("how many flavours of OPT, size-wise", "opt"),
    ("OPT, size-wise: how many?", "opt"),
    ("count of LLaMA models by size", "llama"),
    ("从规模来看，OPT 一共有几个模型", "opt"),
])
def test_a_models_count_said_size_wise_is_its_sizes(full, question, model_id):
    answer = full.ask(question)
    assert answer.query["owned_count"] == "params", answer.query
    assert model_id in answer.models, answer.models
    n = len(released_sizes(full.catalog.models[model_id]))
    assert f"**{n}**" in answer.text, answer.text[:300]


@pytest.mark.parametrize("question, a, b", [
    ("BERT and GPT-2 - months between them", "bert", "gpt-2"),
    ("GPT-3 and InstructGPT: number of months between the two?", "gpt-3", "instructgpt"),
    ("Gopher, Chinchilla -- months between these two", "gopher", "chinchilla"),
    ("InstructGPT 跟 ChatGPT 之间相差几个月", "instructgpt", "chatgpt"),
    ("GPT-3 → InstructGPT: months?", "gpt-3", "instructgpt"),
    ("BERT vs RoBERTa, gap in months", "bert", "roberta"),
])
def test_months_between_them_is_the_gap(full, question, a, b):
    answer = full.ask(question)
    assert answer.query["gap"], answer.query
    x, y = full.catalog.models[a].date, full.catalog.models[b].date
    months = abs((x.year * 12 + x.month) - (y.year * 12 + y.month))
    assert f"{months} month" in answer.text or f"{months}个月" in answer.text, answer.text[:300]


@pytest.mark.parametrize("question", [
    "out of Meta's models, how many are decoders and how many are not?",
    "among the additions, how many are open and how many aren't?",
])
def test_a_set_said_first_then_split_stays_a_split(full, question):
    answer = full.ask(question)
    assert answer.query["split"] is not None and answer.query["share_of"] is None, answer.query


@pytest.mark.parametrize("question, spans", [
    ("Q1 vs Q2 2023: how many each", [(202301, 202303), (202304, 202306)]),
    ("January vs February 2023: how many each", [(202301, 202301), (202302, 202302)]),
    ("first half vs second half of 2022: how many models in each half", [(202201, 202206), (202207, 202212)]),
    ("how many models in 2020, how many in 2021?", [(202001, 202012), (202101, 202112)]),
    ("2022 vs 2023 model counts", [(202201, 202212), (202301, 202312)]),
    ("2022年第一季度和第二季度各有多少个模型", [(202201, 202203), (202204, 202206)]),
    ("2022年第四季度和2023年第一季度各有幾個模型", [(202210, 202212), (202301, 202303)]),
])
def test_two_spans_the_year_said_once_or_casually_are_each_counted(full, question, spans):
    answer = full.ask(question)
    assert not answer.abstained, answer.text[:300]
    q = answer.query
    assert len(q["apart"]) == 2 or q["group_by"] in ("half", "quarter", "year"), q
    assert _spans_read(q, spans), q
    for lo, hi in spans:
        n = len(_ids(full, lambda e, lo=lo, hi=hi: _in(e, lo, hi)))
        assert f"{n}" in answer.text, (lo, hi, n, answer.text[:500])


@pytest.mark.parametrize("question, lo, hi", [
    ("what landed in the 2nd quarter of 2023", 202304, 202306),
    ("stuff from Q4 2022", 202210, 202212),
    ("models from Q1 and Q2 2023", 202301, 202306),
    ("2021 Q1 models", 202101, 202103),
    ("2022 H2 releases", 202207, 202212),
    ("what did the catalogue include from H2 2021", 202107, 202112),
    ("2021年首季發布的模型", 202101, 202103),
    ("2022 年第 3 季的模型", 202207, 202209),
])
def test_a_part_of_a_year_said_casually_lists_its_models(full, question, lo, hi):
    answer = full.ask(question)
    assert not answer.abstained, answer.text[:300]
    assert set(answer.models) == set(_ids(full, lambda e: _in(e, lo, hi))), answer.models
