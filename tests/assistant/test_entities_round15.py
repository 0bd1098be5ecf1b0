"""Entity kinds (round 15): an author whose surname carries an accent is found by it, and "first-authored" is the first
author's cue; an unrecorded fact asked in Chinese by a verb of spending time or a counted kind of language is declined or
quoted, never the model's overview or a count of models; a name outside the catalog asked for its paper, or described
as a model in an apposition, is declined; a date range written with ISO months; a lower bound at another model's month
that keeps that month; a size bound held at a model's smallest release; the paper's list named with "own"/"original"
after the possessive; a count broken down by the year named with its event noun; one lab asked for apart from its
earlier name or research arm.

Each test names a kind of question, with wordings no failing example used."""

from __future__ import annotations

import pytest

from assistant.query import Quant
from assistant.retrieve import select


def _leaves(where):
    out = []
    for item in getattr(where, "items", []):
        item = getattr(item, "item", item)  # a negated leaf: the leaf
        out += _leaves(item) if hasattr(item, "items") else [item]
    return out


# An author whose surname is written with an accent ("Köpf"), with or without the first-author cue in a verb form
# ("first-authored"): that author's papers.
@pytest.mark.parametrize("q, models, first", [
    ("Andreas Köpf is first author of which catalog paper?", ["openassistant-llama"], True),
    ("the model Andreas Köpf first-authored", ["openassistant-llama"], True),
    ("Baptiste Rozière 作为第一作者写了哪篇论文？", ["code-llama"], True),
])
def test_an_accented_author_is_found(full, q, models, first):
    query = full._understand(q)
    assert query.lookup is not None and query.lookup.kind == "author" and query.models == models, query
    assert query.lookup.first is first


# An unrecorded fact asked in Chinese: the time training took by a verb of spending ("训练用了多长时间", "耗费多少时间训练"),
# the number of natural or programming languages a corpus covers: declined as that fact, not the overview or a count.
@pytest.mark.parametrize("q, fact", [
    ("T5 训练用了多长时间？", "training"),
    ("XLM-RoBERTa 支持多少种自然语言？", "number of languages"),
])
def test_an_unrecorded_fact_in_chinese_is_that_fact(full, q, fact):
    query = full._understand(q)
    assert any(fact in u for u in query.unrecorded) and query.models, query


# A name the catalog does not hold, asked for its paper (arXiv number, BibTeX, "which paper introduced"), in English or
# Chinese: declined by that name, never the list of every model with an arXiv paper.
@pytest.mark.parametrize("q, name", [
    ("What's the arXiv number of the ConvNeXt paper?", "ConvNeXt"),
    ("Which paper introduced MaskGIT?", "MaskGIT"),
    ("SimCLR 的论文是哪篇？", "SimCLR"),
])
def test_an_unknown_name_asked_for_its_paper_is_declined(full, q, name):
    answer = full.ask(q)
    assert answer.abstained and name in answer.text.split("\n")[0], answer.text[:200]


# A capitalised word described as a model by an apposition ("(the Chinese chat model)", ", Berkeley's dialogue model:"),
# even one English also has: a model the catalog does not hold, not the lab and domain the apposition names.
@pytest.mark.parametrize("q, name", [
    ("What is Baize (the Chinese chat model) built on?", "Baize"),
])
def test_a_name_described_as_a_model_is_declined(full, q, name):
    answer = full.ask(q)
    assert answer.abstained and name in answer.text.split("\n")[0], answer.text[:200]


# A date range whose ends are ISO months ("2019-06 to 2019-12", "2021-01 至 2021-06"): from the first month to the second.
@pytest.mark.parametrize("q, lo, hi", [
    ("models released from 2019-06 to 2019-12", 201906, 201912),
    ("2021-01 至 2021-06 发布了哪些模型", 202101, 202106),
])
def test_an_iso_month_range(plain, q, lo, hi):
    bounds = {(c.op.value, c.values[0]) for c in _leaves(plain._understand(q).where) if c.facet == "date"}
    assert bounds == {("ge", lo), ("le", hi)}, bounds


# A lower bound at another model's month that keeps the month ("in or after", "the same month as X or later",
# zh 当月或之后): models from that month on, the month included.
@pytest.mark.parametrize("q, month", [
    ("models released on or after the month Gopher came out", 202112),
    ("models from the same month as GPT-3 or later", 202005),
    ("在 BERT 发布当月或之后发布的模型", 201810),
])
def test_a_bound_at_a_models_month_keeps_the_month(plain, q, month):
    bounds = {(c.op.value, c.values[0]) for c in _leaves(plain._understand(q).where) if c.facet == "date"}
    assert bounds == {("ge", month)}, bounds


# A size bound held at a model's smallest release ("at their smallest", "at the low end"): the smallest variant's
# bound, a list (no ranking).
@pytest.mark.parametrize("q", ["models that dip below 100M at the low end"])
def test_a_bound_at_the_smallest_release(plain, q):
    query = plain._understand(q)
    sizes = [c for c in _leaves(query.where) if c.facet == "size"]
    assert sizes and all(c.quant is Quant.SMALLEST for c in sizes) and query.superlative is None, query


# The paper's list with a word between the possessive and the noun ("the paper's own catalog", "the survey's original
# catalogue"): the paper's part.
@pytest.mark.parametrize("q", ["decoders from the survey's own catalogue"])
def test_the_papers_list_named_with_a_modifier(full, q):
    assert any(c.facet == "catalog" and c.values == ["paper"] for c in _leaves(full._understand(q).where)), q


# A count broken down by the year named with its event ("per release year", 每个发布年份): by year.
@pytest.mark.parametrize("q", ["counts of models per release year", "每个发布年份各有多少个模型"])
def test_a_breakdown_by_the_release_year(plain, q):
    assert plain._understand(q).group_by == "year", q


# One lab asked for and left out under another name the catalog counts as the same lab (an earlier name, a research
# arm): the models recorded under the lab's own name, none recorded under its other names; never "lab = X AND lab ≠ X".
@pytest.mark.parametrize("q, lab, models", [
    ("How many models are credited to Microsoft proper rather than Microsoft Research?", "Microsoft",
     {"dialogpt", "turing-nlg", "deberta", "swin-transformer", "mt-nlg", "e5", "wizardlm", "phi-1", "phi-3", "phi-4"}),
    ("Meta 名下的模型，不含 Facebook 时期的", "Meta", {"galactica", "llama", "dinov2", "sam", "llama-2", "code-llama", "llama-3"}),
])
def test_a_lab_apart_from_its_other_names(full, q, lab, models):
    query = full._understand(q)
    assert ("lab_written", (lab,)) in {(c.facet, tuple(c.values)) for c in _leaves(query.where)}, query.where
    assert {e.id for e in select(full.catalog, query)} == models


# Two spans of time that meet, joined by "or" ("late 2021 or 2022", "Q4 2022 or Q1 2023", 2021年下半年或2022年): either
# one holds, from the first's start to the last's end; never only the span named last.
@pytest.mark.parametrize("q, lo, hi", [
    ("decoders from late 2021 or 2022", 202109, 202212),
    ("2021年下半年或2022年发布的模型", 202107, 202212),
])
def test_two_spans_of_time_either_holding(plain, q, lo, hi):
    bounds = {(c.op.value, c.values[0]) for c in _leaves(plain._understand(q).where) if c.facet == "date"}
    assert bounds == {("ge", lo), ("le", hi)}, bounds


# A share of models whose clause names the catalog as where the fact is recorded ("for which the catalog records no
# parameter count", "does the catalog give no size for"): the share of models of unknown size, not the catalog paper.
@pytest.mark.parametrize("q", ["share of models where the catalog lists no size",
                               "what percent of the models does the catalog give no size for?"])
def test_a_share_with_the_catalog_as_source(plain, q):
    query = plain._understand(q)
    assert query.share_of is not None and query.concept is None, query
    assert [c.values for c in _leaves(query.where) if c.facet == "size"] == [["unknown"]], query.where
