"""Round 24, counts and spans of time: how many sizes a model comes in when the count is said in other ways, the sizes
of one kind (its distilled ones), shares said in other words or with a note on their base, two spans of time counted
side by side, a terse question of months apart, and a month of the year whatever the year.

- A model's size count said as a noun ("the size count for Pythia", "GPT-2 variant count?"), with "size" before the
  noun ("how many size versions"), or as "how many variants of <model>": the model's own sizes, not models derived from
  it with several sizes.
- "Distilled" said of the sizes counted ("how many distilled checkpoints did DeepSeek-R1 ship?", Chinese 蒸馏版本):
  the sizes the catalog labels as distilled, the others named as left out; a model with none says so.
- In a question about a set, a field's own term is that field, not a paper title that shares its words ("what % of
  the survey's models are trained with causal language modeling?" is no PaLM citation).
- Shares asked with "proportionally", "percentage-wise", "share of additions": a share of the part.
- A note on the base in brackets ("(count undisclosed ones in the denominator)", 也计入分母): no condition on the set.
- Two spans of time set side by side in a count ("2019 vs 2020", "in June 2024 compared with July 2024", "in 2020 and
  how many in 2022"): each counted.
- "months apart?" alone, and Chinese 差几个月 / 隔了多久: the months between two releases.
- A month with no year ("came out in a December, any year", "October releases", Chinese 7 月发布的): that month of
  any year, not a date in one year; "may" as a verb and "May 2023" are not it.

Expected values come from the catalog itself.
"""

from __future__ import annotations

import pytest

from assistant.facets import released_sizes


def _sizes(full, model_id):
    return released_sizes(full.catalog.models[model_id])


@pytest.mark.parametrize("question, model_id", [
    ("the size count for Pythia", "pythia"),
    ("GPT-2 variant count?", "gpt-2"),
    ("how many size versions does Flan-T5 have?", "flan-t5"),
    ("galactica: size count", "galactica"),
    ("how many variants of the original LLaMA?", "llama"),
    ("how many variants of Whisper are there", "whisper"),
])
def test_a_size_count_said_another_way_counts_the_models_own_sizes(full, question, model_id):
    answer = full.ask(question)
    q = answer.query
    assert q["owned_count"] == "params", q
    assert model_id in answer.models, answer.models
    assert not any(c.get("facet") == "variants" for c in (q["where"] or {}).get("items", [])), q["where"]
    assert f"**{len(_sizes(full, model_id))}**" in answer.text, answer.text[:300]


def _distilled(full, model_id):
    e = full.catalog.models[model_id]
    return [v.millions for v in e.params.variants if "distill" in (v.label or "").lower()]


@pytest.mark.parametrize("question", [
    "how many distilled checkpoints did DeepSeek-R1 ship?",
    "DeepSeek-R1: number of distilled versions",
    "DeepSeek-R1 的蒸馏模型有几个尺寸",
])
def test_the_distilled_sizes_of_a_model_are_counted_apart(full, question):
    answer = full.ask(question)
    q = answer.query
    assert q["owned_count"] == "params" and q["owned_kind"] == "distilled", q
    n = len(_distilled(full, "deepseek-r1"))
    assert n >= 2 and f"**{n}**" in answer.text, answer.text[:300]
    assert answer.models == ["deepseek-r1"], answer.models


def test_a_model_with_no_distilled_size_says_none(full):
    answer = full.ask("how many distilled checkpoints does Llama 2 have?")
    assert answer.query["owned_kind"] == "distilled", answer.query
    assert answer.models == ["llama-2"], answer.models
    assert "no** distilled size" in answer.text, answer.text[:300]
    for m in _sizes(full, "llama-2"):
        assert f"{m / 1000:g}B" in answer.text, answer.text[:300]


def _ids(full, pred):
    return {e.id for e in full.catalog.models.values() if pred(e)}


@pytest.mark.parametrize("question, objective", [
    ("what % of the survey's models are trained with causal language modeling?", "causal-lm"),
    ("what % of the paper's models use masked language modeling?", "mlm"),
])
def test_a_fields_term_in_a_share_question_is_no_paper_title(full, question, objective):
    answer = full.ask(question)
    q = answer.query
    assert q["lookup"] is None and q["share_of"] is not None, q
    n = len(_ids(full, lambda e: e.in_paper and objective in [o.value for o in e.objectives]))
    assert f"**{n}**" in answer.text and "of the paper's 77 models" in answer.text or f"{n} of the 77" in answer.text, answer.text[:300]


@pytest.mark.parametrize("question, pred", [
    ("proportionally, how many of the additions are decoders?", lambda e: not e.in_paper and e.architecture.value == "decoder"),
    ("percentage-wise, how many paper models are encoder-decoders?", lambda e: e.in_paper and e.architecture.value == "encoder-decoder"),
    ("share of additions with an open licence", lambda e: not e.in_paper and e.license_class.value == "open"),
])
def test_a_share_said_in_other_words(full, question, pred):
    answer = full.ask(question)
    q = answer.query
    assert q["share_of"] is not None, q
    n = len(_ids(full, pred))
    total = 77 if "paper" in question else len(full.catalog.models) - 77
    assert f"**{n}**" in answer.text, answer.text[:300]
    assert f"{round(100 * n / total)}%" in answer.text, answer.text[:400]


@pytest.mark.parametrize("question", [
    "share of additions above 50B (count the undisclosed ones in the denominator)",
    "what share of the additions are over 50B, with undisclosed sizes kept in the denominator?",
    "新增模型里参数超过 50B 的比例（没公开参数的也计入分母）",
])
def test_a_note_on_the_base_of_a_share_is_no_condition(full, question):
    answer = full.ask(question)
    q = answer.query
    assert q["share_of"] is not None, q
    assert not any(c.get("values") == ["unknown"] for c in q["where"]["items"]), q["where"]
    n = len(_ids(full, lambda e: not e.in_paper and max(released_sizes(e), default=0) > 50000))
    assert n and f"**{n}**" in answer.text and "42" in answer.text, answer.text[:300]


def _in(e, lo, hi):
    return lo <= e.date.key <= hi


@pytest.mark.parametrize("question, spans, paper", [
    ("how many paper models came out in 2019 vs 2020?", [(201901, 201912), (202001, 202012)], True),
    ("how many additions were released in June 2024 compared with July 2024?", [(202406, 202406), (202407, 202407)], False),
    ("in the paper, how many models came out in 2020 and how many in 2022?", [(202001, 202012), (202201, 202212)], True),
])
def test_two_spans_of_time_side_by_side_are_each_counted(full, question, spans, paper):
    answer = full.ask(question)
    q = answer.query
    assert len(q["apart"]) == 2 and all(c["facet"] == "date" for c in q["apart"]), q
    counts = [len(_ids(full, lambda e, lo=lo, hi=hi: e.in_paper == paper and _in(e, lo, hi))) for lo, hi in spans]
    assert counts[0] != counts[1] or counts[0] > 0
    for n in counts:
        assert f"**: {n}" in answer.text, (counts, answer.text[:500])


@pytest.mark.parametrize("question, a, b", [
    ("GPT-2 vs RoBERTa, months apart?", "gpt-2", "roberta"),
    ("GPT-3 to Gopher: months apart?", "gpt-3", "gopher"),
    ("RoBERTa 和 BERT 差了几个月", "roberta", "bert"),
    ("Gopher 和 Chinchilla 隔多久", "gopher", "chinchilla"),
])
def test_a_terse_question_of_months_apart_is_the_gap(full, question, a, b):
    answer = full.ask(question)
    assert answer.query["gap"], answer.query
    x, y = full.catalog.models[a].date, full.catalog.models[b].date
    months = abs((x.year * 12 + x.month) - (y.year * 12 + y.month))
    assert f"{months} month" in answer.text or f"{months}个月" in answer.text, answer.text[:300]


@pytest.mark.parametrize("question, month, part", [
    ("which paper models came out in a December, any year?", 12, True),
    ("October releases among the additions, whatever the year", 10, False),
    ("哪些新增模型是 7 月发布的", 7, False),
    ("论文里每年五月份发布的模型", 5, True),
])
def test_a_month_with_no_year_is_that_month_of_any_year(full, question, month, part):
    answer = full.ask(question)
    items = answer.query["where"]["items"]
    assert {"facet": "month"} .items() <= next(c for c in items if c.get("facet") == "month").items(), items
    assert not any(c.get("facet") == "date" for c in items), items
    expected = _ids(full, lambda e: e.in_paper == part and e.date.month == month)
    assert len({e.date.year for e in full.catalog.models.values() if e.id in expected}) >= 2, expected
    assert set(answer.models) == expected, (set(answer.models) ^ expected)


@pytest.mark.parametrize("question", ["which models may generate images?", "models released in May 2023"])
def test_may_as_a_verb_or_with_its_year_is_no_month_of_any_year(full, question):
    q = full.ask(question).query
    assert not any(c.get("facet") == "month" for c in (q["where"] or {}).get("items", [])), q["where"]


def test_more_size_variants_weighs_the_two_counts(full):
    answer = full.ask("between OPT and Pythia, which one has more size variants?")
    q = answer.query
    assert q["owned_count"] == "params" and q["owned_more"] == "more", q
    n = {m: len(_sizes(full, m)) for m in ("opt", "pythia")}
    winner = max(n, key=n.get)
    assert f"**{full.catalog.models[winner].name}** has more sizes" in answer.text, answer.text[:400]


@pytest.mark.parametrize("question, spans", [
    ("how many models came out in H1 2022 versus H2 2022?", [(202201, 202206), (202207, 202212)]),
    ("how many models were released in Q3 2021 vs Q4 2021", [(202107, 202109), (202110, 202112)]),
])
def test_two_parts_of_years_side_by_side_are_each_counted(full, question, spans):
    answer = full.ask(question)
    assert len(answer.query["apart"]) == 2, answer.query
    for lo, hi in spans:
        n = len(_ids(full, lambda e: lo <= e.date.key <= hi))
        assert f"**: {n}" in answer.text, (n, answer.text[:500])


@pytest.mark.parametrize("question, part, zh", [
    ("in which month of the year did the most paper models come out?", True, False),
    ("number of additions per calendar month", False, False),
    ("论文里的模型按月份统计，哪个月份最多", True, True),
])
def test_a_breakdown_by_the_month_of_the_year(full, question, part, zh):
    answer = full.ask(question)
    assert answer.query["group_by"] == "month", answer.query
    months = [e.date.month for e in full.catalog.models.values() if e.in_paper == part]
    counts = {m: months.count(m) for m in set(months)}
    rows = [f"| {m}月 | {n} |" if zh else f"| {__import__('assistant.facets', fromlist=['x']).MONTH_NAMES[m - 1]} | {n} |"
            for m, n in sorted(counts.items())]
    table = answer.text.split("**Since the paper**")[0].split("**论文之后**")[0]
    at = [table.find(r) for r in rows]
    assert all(i >= 0 for i in at) and at == sorted(at), (rows, table[:600])


@pytest.mark.parametrize("question, key, part, zh", [
    ("which architecture has the fewest models in the paper?", "architecture", True, False),
    ("the least common licence class among the additions", "license", False, False),
    ("论文里哪个年份的模型最少", "year", True, True),
])
def test_the_low_end_of_a_breakdown(full, question, key, part, zh):
    from assistant.facets import group_values
    answer = full.ask(question)
    q = answer.query
    assert q["group_by"] == key and q["group_fewest"], q
    counts = {}
    for e in full.catalog.models.values():
        if e.in_paper == part:
            for v in group_values(key, e):
                counts[v] = counts.get(v, 0) + 1
    low = min(counts.values())
    lowest = sorted(v for v, n in counts.items() if n == low)
    lead = answer.text.split("\n")[0]
    assert ("最少" if zh else "fewest") in lead and all(v in lead or v.capitalize() in lead for v in lowest), (lowest, lead)
    assert "fewest first" in answer.text or "最少的在前" in answer.text, answer.text[-300:]


@pytest.mark.parametrize("question, members", [
    ("number of sizes for each Qwen generation", ["qwen", "qwen2", "qwen2.5", "qwen3"]),
    ("how many sizes do the Gemma models come in, each?", ["gemma", "gemma-2", "gemma-3"]),
])
def test_each_models_own_size_count_over_a_small_set(full, question, members):
    answer = full.ask(question)
    q = answer.query
    assert q["owned_count"] == "params" and set(q["models"]) == set(members), q
    for m in members:
        e = full.catalog.models[m]
        assert f"{e.name} was released in **{len(_sizes(full, m))}**" in answer.text, (m, answer.text[:600])


@pytest.mark.parametrize("question, said", [
    ("how many sizes does WizardLM come in?", "records no sizes for WizardLM"),
    ("WizardLM 有几个尺寸", "没有记录 WizardLM 的尺寸"),
])
def test_a_model_with_no_recorded_size_has_no_zero_count(full, question, said):
    answer = full.ask(question)
    assert said in answer.text and "**0**" not in answer.text, answer.text[:300]


@pytest.mark.parametrize("question, model_id", [("Gemma 3 一共几个版本", "gemma-3"), ("Pythia 总共多少个版本", "pythia")])
def test_chinese_total_of_versions_is_the_models_size_count(full, question, model_id):
    answer = full.ask(question)
    assert answer.query["owned_count"] == "params", answer.query
    assert f"**{len(_sizes(full, model_id))}**" in answer.text, answer.text[:300]


@pytest.mark.parametrize("question, part, arch, frac", [
    ("论文里有三分之一以上是编码器吗", True, "encoder", 1 / 3),
    ("新增模型里一半以上是解码器吗", False, "decoder", 1 / 2),
])
def test_a_chinese_fraction_with_its_bound_after_is_a_share_claim(full, question, part, arch, frac):
    answer = full.ask(question)
    members = [e for e in full.catalog.models.values() if e.in_paper == part]
    n = sum(1 for e in members if e.architecture.value == arch)
    verdict = "是的" if n / len(members) >= frac else "不是"
    assert answer.text.startswith(verdict), answer.text[:200]
    lead = answer.text.split("\n")[0]
    assert f"{len(members)} 个" in lead and f"{n} 个" in lead, answer.text[:200]


def test_which_year_most_said_in_chinese_is_a_breakdown(full):
    answer = full.ask("哪一年发布的新增模型最多")
    assert answer.query["group_by"] == "year", answer.query
    years = [e.date.year for e in full.catalog.models.values() if not e.in_paper]
    top = max(set(years), key=years.count)
    assert answer.text.startswith(f"按年份统计，{top} 的模型最多"), answer.text[:200]


@pytest.mark.parametrize("question, lo, hi", [
    ("autumn 2021: anything from September through November of that year?", 202109, 202111),
    ("2022年下半年（7月到12月）发布的模型", 202207, 202212),
])
def test_a_month_beside_a_dated_span_is_that_years(full, question, lo, hi):
    answer = full.ask(question)
    items = answer.query["where"]["items"]
    assert not any(c.get("facet") == "month" for c in items), items
    assert set(answer.models) == _ids(full, lambda e: lo <= e.date.key <= hi), answer.models
