"""Comparisons asked as a yes/no about a value every named model must have ("are GPT-2 and BERT both decoders?")
judge every model, not the first (GPT-2 is a decoder, BERT is not: no), and say the verdict once; a relative
constraint is judged on the models other than its reference ("is BERT bigger than GPT?"). Asking to rank or order
named models ("rank GPT, GPT-2 and GPT-3 by size") compares them; asking who has more models among named values
("who built more models, Google or OpenAI?") counts each named value, not a list of their models."""

from __future__ import annotations

import re

import pytest

from assistant.facets import FACETS
from assistant.query import Constraint


@pytest.mark.parametrize("question, verdict", [
    ("are GPT-2 and BERT both decoders?", "No."),
    ("are T5 and BART both encoder-decoders?", "Yes."),
    ("were BERT and GPT-2 both released in 2019?", "No."),
    ("is BERT bigger than GPT?", "Yes."),
    ("is GPT older than BERT?", "Yes."),
])
def test_a_yes_no_comparison_judges_every_model_once(full, question, verdict):
    text = full.ask(question).text
    assert text.startswith(verdict) and len(re.findall(r"\b(?:Yes|No)\.", text.split("\n\n")[0])) == 1, text[:200]


@pytest.mark.parametrize("question, first", [
    ("rank GPT, GPT-2 and GPT-3 by size", "GPT-3 is the largest"),
    ("order LLaMA, OPT and BLOOM by parameter count", "BLOOM is the largest"),
    ("list T5, BART and GPT-2 from oldest to newest", "GPT-2 is the oldest"),
])
def test_ranking_named_models_compares_them(full, question, first):
    """The order asked leads ("By size, largest first: GPT-3 (175B), ..."), then the verdict on that dimension."""
    answer = full.ask(question)
    lead = answer.text.split("\n")[0]
    assert answer.intent.value == "compare" and lead.startswith(("By size", "In order of release")) and first in lead, lead


@pytest.mark.parametrize("question, labs", [
    ("who built more models, Google or OpenAI?", ("Google", "OpenAI")),
    ("which has more models in the catalog, Google or Meta?", ("Google", "Meta")),
])
def test_who_has_more_models_counts_each_named_value(full, question, labs):
    answer = full.ask(question)
    rows = dict(re.findall(r"^\| (.+?) \| (\d+) \|$", answer.text.split("**Since the paper**")[0], flags=re.M))
    assert set(rows) == set(labs) and answer.query["group_by"] == "lab"
    for lab in labs:  # the paper's models credited to that lab (as the lab filter counts them)
        one = Constraint(facet="lab", values=[lab])
        assert int(rows[lab]) == sum(1 for e in full.catalog.models.values() if e.in_paper and FACETS["lab"].match(e, one))


@pytest.mark.parametrize("question, a, b, field", [
    ("are GPT-3 and OPT the same size?", "gpt-3", "opt", "size"),
    ("were T5 and BART released the same year?", "t5", "bart", "year"),
    ("were BERT and GPT-2 released the same year?", "bert", "gpt-2", "year"),
    ("GPT-3 和 OPT 最大的版本一样大吗", "gpt-3", "opt", "size"),
])
def test_a_sameness_question_is_yes_on_a_tie(full, question, a, b, field):
    """"Are GPT-3 and OPT the same size?": equal values are the yes (it said "No. ... a tie")."""
    ea, eb = full.catalog.models[a], full.catalog.models[b]
    same = ea.params.max_millions == eb.params.max_millions if field == "size" else ea.date.year == eb.date.year
    text = full.ask(question).text
    assert text.startswith(("Yes", "是的") if same else ("No", "不是")), text[:120]
