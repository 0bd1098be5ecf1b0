"""Round 19, time: release order and the time between two releases, in wordings other people type.

- an alternative question about the order of two releases ("was X out before or after Y?", "older or newer than",
  X 在 Y 之前还是之后, X 和 Y 谁在前) weighs the two models on their dates and says how far apart they are; it is no
  yes / no question and no claim to correct;
- the time between two releases asked as a trip from one to the other ("months from X to Y?", "X to Y, how long?",
  "how much time from X to Y"): the months, never an unrecorded training time;
- a gap asked with no dimension named ("what's the gap between X and Y?") is said on every dimension both models
  have, so a model without a recorded size still gets the months;
- Chinese months are written as Chinese writes them, with no space ("9个月").

Expected months and dates come from the catalog.
"""

from __future__ import annotations

import calendar

import pytest


def _months(catalog, a, b):
    x, y = catalog.models[a].date, catalog.models[b].date
    return abs((y.year - x.year) * 12 + y.month - x.month)


@pytest.mark.parametrize("question, a, b", [
    ("Was OPT published before or after BLOOM?", "opt", "bloom"),
    ("Did RoBERTa appear earlier or later than XLNet?", "roberta", "xlnet"),
    ("Is Gopher older or newer than Chinchilla?", "gopher", "chinchilla"),
    ("GPT-3 - before or after T5?", "gpt-3", "t5"),
    ("Phi-1 came out after or before Qwen?", "phi-1", "qwen"),
])
def test_before_or_after_weighs_both_dates(full_assistant, question, a, b):
    answer = full_assistant.ask(question)
    catalog = full_assistant.catalog
    assert answer.query["intent"] == "compare", answer.query
    assert {a, b} <= set(answer.models), answer.models
    head = answer.text.split("\n\n")[0]
    assert not head.startswith(("Yes", "No", "In fact")), head
    for m in (a, b):
        d = catalog.models[m].date
        assert f"{calendar.month_name[d.month]} {d.year}" in head, head
    assert f"{_months(catalog, a, b)} month" in head, head


@pytest.mark.parametrize("question, a, b", [
    ("BART 是在 GPT-2 之前还是之后发布的？", "bart", "gpt-2"),
    ("OPT 在 BLOOM 之前还是之后？", "opt", "bloom"),
    ("LaMDA 和 PaLM 谁在前？", "lamda", "palm"),
    ("Qwen2 和 Gemma 2 谁在先", "qwen2", "gemma-2"),
])
def test_before_or_after_in_chinese(full_assistant, question, a, b):
    answer = full_assistant.ask(question)
    catalog = full_assistant.catalog
    assert answer.query["intent"] == "compare", answer.query
    assert {a, b} <= set(answer.models), answer.models
    head = answer.text.split("\n\n")[0]
    assert not head.startswith(("是的", "不是", "实际上")), head
    for m in (a, b):
        d = catalog.models[m].date
        assert f"{d.year}年{d.month}月" in head, head


@pytest.mark.parametrize("question, a, b", [
    ("months from GPT-2 to GPT-3?", "gpt-2", "gpt-3"),
    ("How many months from BERT to RoBERTa?", "bert", "roberta"),
    ("Gemma to Gemma 2, how long?", "gemma", "gemma-2"),
    ("how much time from LLaMA to Llama 2", "llama", "llama-2"),
    ("How long from Qwen to Qwen2?", "qwen", "qwen2"),
])
def test_a_trip_from_one_release_to_the_next_is_the_months_between(full_assistant, question, a, b):
    answer = full_assistant.ask(question)
    n = _months(full_assistant.catalog, a, b)
    assert answer.query["intent"] == "compare" and not answer.query["unrecorded"], answer.query
    assert f"{n} month" in answer.text.split("\n\n")[0], answer.text[:300]


@pytest.mark.parametrize("question, a, b", [
    ("What's the gap between GPT-4 and GPT-3?", "gpt-4", "gpt-3"),
    ("what is the gap between ChatGPT and GPT-3.5", "chatgpt", "gpt-3.5"),
])
def test_a_gap_with_no_dimension_named_falls_to_the_dates(full_assistant, question, a, b):
    answer = full_assistant.ask(question)
    n = _months(full_assistant.catalog, a, b)
    assert f"{n} month" in answer.text.split("\n\n")[0], answer.text[:300]


def test_a_gap_with_no_dimension_named_gives_both_when_both_are_known(full_assistant):
    answer = full_assistant.ask("What's the gap between Gopher and Chinchilla?")
    head = answer.text.split("\n\n")[0]
    assert "times the size" in head and "3 months" in head, head


@pytest.mark.parametrize("question, n", [("Gemma 和 Gemma 2 相差几个月？", 4), ("GPT-2 比 GPT-3 早多少个月", 15)])
def test_chinese_months_have_no_space(full_assistant, question, n):
    answer = full_assistant.ask(question)
    assert f"{n}个月" in answer.text.split("\n\n")[0], answer.text[:300]


@pytest.mark.parametrize("question, a, b", [
    ("deepseek v2 to r1: how many months?", "deepseek-v2", "deepseek-r1"),
    ("DeepSeek-V3 or R1, which came first?", "deepseek-v3", "deepseek-r1"),
])
def test_a_sibling_named_by_its_own_letter_tag_after_a_versioned_name(full_assistant, question, a, b):
    # "V3 ... R1": the bare tag is the first name's stem with that tag, as "Llama 2 vs 3" is Llama 3
    answer = full_assistant.ask(question)
    assert answer.query["models"] == [a, b], answer.query


def _sized(catalog, lo, hi, lab=None):
    a, b = catalog.models[lo].params.max_millions, catalog.models[hi].params.max_millions
    return {e.id for e in catalog.models.values() if e.params.max_millions and a < e.params.max_millions < b
            and (lab is None or lab in e.lab_keys)}


@pytest.mark.parametrize("question, lo, hi, lab", [
    ("which Google models fall between T5 and PaLM in size?", "t5", "palm", "Google"),
    ("models sized between BERT and GPT-2", "bert", "gpt-2", None),
    ("Meta models with a parameter count between LLaMA and OPT", "llama", "opt", "Meta"),
    ("OpenAI models with more parameters than GPT-2 but fewer than GPT-3", "gpt-2", "gpt-3", "OpenAI"),
    ("参数量在 BERT 和 GPT-2 之间的模型有哪些？", "bert", "gpt-2", None),
    ("规模介于 T5 最大版和 PaLM 之间的谷歌模型", "t5", "palm", "Google"),
])
def test_a_size_range_bounded_by_two_models(full_assistant, question, lo, hi, lab):
    # the two models' largest sizes bound it, both left out; never their release months
    answer = full_assistant.ask(question)
    catalog = full_assistant.catalog
    assert answer.query["intent"] == "list", answer.query
    assert set(answer.models) == _sized(catalog, lo, hi, lab), answer.text[:300]
    assert any(c.get("facet") == "size" for c in answer.query["where"]["items"]), answer.query["where"]


def test_a_family_no_model_is_named_after_said_as_a_line(full_assistant):
    # "the Phi line": the Phi family (no model is called Phi); "the T5 line" stays T5's line of descent
    catalog = full_assistant.catalog
    answer = full_assistant.ask("which Microsoft releases sit outside the Phi line?")
    wanted = {e.id for e in catalog.models.values() if "Microsoft" in e.lab_keys and e.family != "Phi"}
    assert set(answer.models) == wanted and not answer.abstained, answer.text[:300]
    kept = full_assistant.ask("list the Phi lineup")
    assert set(kept.models) == {e.id for e in catalog.models.values() if e.family == "Phi"}, kept.text[:300]
    t5 = full_assistant.ask("Google models outside the T5 line")
    assert t5.query["exclude"] == [{"model": "t5", "descendants": True}], t5.query


@pytest.mark.parametrize("question, year, domain", [
    ("Which 2021 models have nothing to do with text?", 2021, "text"),
    ("2022 releases unrelated to text", 2022, "text"),
])
def test_nothing_to_do_with_a_value_leaves_it_out(full_assistant, question, year, domain):
    catalog = full_assistant.catalog
    answer = full_assistant.ask(question)
    wanted = {e.id for e in catalog.models.values() if e.date.year == year and domain not in e.domains}
    assert set(answer.models) == wanted, answer.text[:300]


@pytest.mark.parametrize("question, model, said", [
    ("Since Mixtral is a dense model, all of its weights fire on every token, right?", "mixtral-8x7b", "mixture-of-experts"),
    ("Since GPT-2 is an encoder, it can't generate text - correct?", "gpt-2", "not an encoder"),
])
def test_a_premise_clause_before_a_tagged_claim_is_checked_not_a_date(full_assistant, question, model, said):
    # "since X is ..., <claim>, right?": the clause is a premise about X, never "after X"
    answer = full_assistant.ask(question)
    assert answer.models == [model] and not answer.query["relations"], answer.query
    assert said in answer.text.split("\n\n")[0], answer.text[:300]


def _descends(catalog, root):
    out, todo = set(), [root]
    while todo:
        x = todo.pop()
        for e in catalog.models.values():
            if x in e.derived_from and e.id not in out:
                out.add(e.id)
                todo.append(e.id)
    return out


@pytest.mark.parametrize("question, root, arch, negated", [
    ("Which decoders don't descend from the original 2018 GPT?", "gpt", "decoder", True),
    ("decoders not derived from the 2019 GPT-2", "gpt-2", "decoder", True),
    ("which encoders descend from the 2018 BERT?", "bert", "encoder", False),
])
def test_a_models_own_year_before_its_name_identifies_it(full_assistant, question, root, arch, negated):
    # "the original 2018 GPT": the year names which GPT, it bounds no date, and the negation is the lineage's
    catalog = full_assistant.catalog
    answer = full_assistant.ask(question)
    assert not any(c.get("facet") == "date" for c in answer.query["where"]["items"]), answer.query["where"]
    line = _descends(catalog, root)
    if negated:
        assert set(answer.models) == {e.id for e in catalog.models.values() if e.architecture == arch
                                      and e.id not in line and e.id != root}, answer.text[:300]
    else:
        assert set(answer.models) == {i for i in line if catalog.models[i].architecture == arch}, answer.text[:300]


def _dated(catalog, lo, hi, lab=None):
    return {e.id for e in catalog.models.values() if lo <= e.date.key <= hi and (lab is None or lab in e.lab_keys)}


@pytest.mark.parametrize("question, lo, hi, lab", [
    ("Google models from late 2023 (November) onwards", 202311, 209912, "Google"),
    ("which models came out from early 2022 (February) or later?", 202202, 209912, None),
    ("which models were published in the six months following the survey?", 202303, 202308, None),
    ("models released within a year after the catalog paper", 202303, 202402, None),
    ("during the 12 months after the paper (Mar 2023 to Feb 2024), what came out?", 202303, 202402, None),
])
def test_date_ranges_said_by_a_part_of_a_year_or_from_the_paper(full_assistant, question, lo, hi, lab):
    # "mid-2023 (June) onwards": the bracketed month is the part and the bound word after it applies; "in the twelve
    # months after the catalog paper": from the month after the paper's (Feb 2023), for that many months
    answer = full_assistant.ask(question)
    assert set(answer.models) == _dated(full_assistant.catalog, lo, hi, lab), answer.text[:300]


@pytest.mark.parametrize("question", [
    "which models are roughly GPT-3 sized?",
    "any GPT-3-class models?",
    "models about the size of GPT-3",
    "LLMs similar in size to GPT-3",
])
def test_a_size_said_by_a_models_size_is_a_band_around_it(full_assistant, question):
    answer = full_assistant.ask(question)
    assert answer.query["intent"] == "list", answer.query
    assert {"gpt-3", "opt", "bloom"} <= set(answer.models) and not {"gpt-2", "palm", "t5"} & set(answer.models), answer.models


def test_a_range_said_beside_a_models_size_is_the_range(full_assistant):
    catalog = full_assistant.catalog
    answer = full_assistant.ask("Anything Chinchilla sized, say between 60B and 80B?")
    wanted = {e.id for e in catalog.models.values() if e.params.max_millions and 60000 <= e.params.max_millions <= 80000}
    # (models one of whose other sizes fits are listed after, apart, as for any plain range)
    assert wanted <= set(answer.models) and "chinchilla" in wanted and "gpt-3" not in answer.models, answer.text[:300]
    assert answer.query["where"]["items"][0]["values"] == [60000.0], answer.query["where"]
    assert full_assistant.ask("what is the size of GPT-3?").models == ["gpt-3"]


def test_these_few_after_a_list_of_names_points_back_not_a_count(full_assistant):
    # "这几个": the models just named ("these"), never "how many"
    answer = full_assistant.ask("GPT-2、GPT-J、GPT-NeoX-20B 这几个解码器谁最大？")
    assert answer.query["intent"] == "compare" and set(answer.models) == {"gpt-2", "gpt-j", "gpt-neox-20b"}, answer.query
    assert "GPT-NeoX-20B最大" in answer.text.replace(" ", "").split("\n\n")[0], answer.text[:200]
