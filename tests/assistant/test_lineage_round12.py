"""Kinds of lineage question, each in wordings other people would type (English and Chinese):

- every generation up, asked as a chain ("what sits higher up that line", "that base model's own base",
  "every predecessor", "往上能一直追溯到");
- a lineage verb or noun the cue tables lacked ("continued from", "a fine-tune of", "further pretrained from",
  "由 X 衍生来的");
- siblings with the model as the subject ("does X have siblings", "X shares a base model with ...");
- a parent and the children asked together ("its parent as well as its children", "父模型以及子模型");
- the line downwards from a model named once ("what descends from it", "the lineage of BART downwards");
- a model left out with everything built on it ("nor anything derived from it", "BERT系", "unrelated to GPT-3");
- a lineage to a described set written "have <set> as their parent";
- a follow-up naming the parent by its role ("the teacher");
- a lab written as the owner of the model asked about ("Google's RoBERTa", "谷歌的 RoBERTa") or stated in a clause: a premise
  the lineage answer checks first (a lab describing the parent, "which Meta model ...", is no premise).

Expected sets come from the catalog's own derived-from links (tests/assistant/lineage.py). Structured answers only.
"""

from __future__ import annotations

import pytest

from assistant.query import leaves
from assistant.session import Session
from tests.assistant.lineage import ancestors, children, descendants


@pytest.mark.parametrize("question, model", [
    ("Sparrow: which model is it built on, and what sits higher up that line?", "sparrow"),
    ("GopherCite's base model and that base model's own base?", "gophercite"),
    ("list every predecessor of ChatGPT", "chatgpt"),
    ("Dolly 往上能一直追溯到哪些模型", "dolly"),
    ("ChatGPT 的谱系一路往上有哪些模型", "chatgpt"),
    ("GopherCite: what is its parent, and what came before that?", "gophercite"),
    ("LLaVA: who are its parents and their parents?", "llava"),
    ("Which models sit above Sparrow in its lineage?", "sparrow"),
])
def test_every_generation_up_asked_as_a_chain(full, question, model):
    a = full.ask(question)
    assert set(a.models) == ancestors(full.catalog, model), (question, a.models)


@pytest.mark.parametrize("question, parent", [
    ("Which models were continued from GPT-3?", "gpt-3"),
    ("what has been further pretrained from T5?", "t5"),
])
def test_continued_training_is_a_lineage(full, question, parent):
    a = full.ask(question)
    assert set(a.models) == children(full.catalog, parent), (question, a.models)


@pytest.mark.parametrize("question, model", [
    ("Alpaca is a fine-tune of what?", "alpaca"),
    ("Alpaca 是由什么模型衍生来的", "alpaca"),
])
def test_parent_asked_with_a_lineage_noun_or_verb(full, question, model):
    a = full.ask(question)
    assert set(a.models) == set(full.catalog.models[model].derived_from), (question, a.models)


@pytest.mark.parametrize("question, model", [
    ("Does Alpaca have siblings?", "alpaca"),
    ("Which models does GopherCite share a base model with?", "gophercite"),
    ("Does GopherCite have a sibling?", "gophercite"),
    ("What else came from Llama 2's parent?", "llama-2"),
])
def test_siblings_with_the_model_as_subject(full, question, model):
    parents = full.catalog.models[model].derived_from
    want = {m for p in parents for m in children(full.catalog, p)} - {model}
    a = full.ask(question)
    assert set(a.models) == want, (question, a.models)


@pytest.mark.parametrize("question, model", [
    ("give me RoBERTa's parent as well as its children", "roberta"),
    ("RoBERTa 的父模型以及子模型", "roberta"),
    ("GPT-3 的上一代和下一代分别是哪些模型", "gpt-3"),
    ("GPT-3 的父模型是谁，它又衍生出了哪些模型", "gpt-3"),
])
def test_parent_and_children_together(full, question, model):
    want = set(full.catalog.models[model].derived_from) | children(full.catalog, model)
    a = full.ask(question)
    assert set(a.models) == want, (question, a.models)


@pytest.mark.parametrize("question, model, deep", [
    ("GPT-3: what descends from it?", "gpt-3", True),
    ("the lineage of BART downwards", "bart", True),
    ("Vicuna — anything built on top of it?", "vicuna", False),
])
def test_the_line_downwards_from_a_model_named_once(full, question, model, deep):
    a = full.ask(question)
    want = descendants(full.catalog, model) if deep else children(full.catalog, model)
    assert set(a.models) == want, (question, a.models)


@pytest.mark.parametrize("question, model", [
    ("decoder models, but not GPT-3 nor anything derived from it", "gpt-3"),
    ("开源模型，不要BERT系的", "bert"),
    ("除了GPT-3系以外的解码器模型", "gpt-3"),
    ("decoder models unrelated to GPT-3", "gpt-3"),
    ("encoder models with no connection to BERT", "bert"),
    ("Google models, leaving out T5 and anything that came from it", "t5"),
])
def test_left_out_with_everything_built_on_it(full, question, model):
    q = full._understand(question)
    assert [(x.model, x.descendants) for x in q.exclude] == [(model, True)], (question, q.exclude)


def test_the_lines_above_and_below_together(full):
    a = full.ask("HTLM 的上下游模型分别是什么")
    assert set(a.models) == ancestors(full.catalog, "htlm") | children(full.catalog, "htlm"), a.models


def test_a_negation_spent_on_a_left_out_line_leaves_the_lab_positive(full):
    q = full._understand("Which Google models are not part of the T5 line?")
    assert [(c.facet, neg) for c, neg in leaves(q.where)] == [("lab", False)]
    assert [(x.model, x.descendants) for x in q.exclude] == [("t5", True)]


@pytest.mark.parametrize("question", [
    "additions that have an original-paper model as their parent",
    "which of the newer models have one of the paper's models as their direct parent",
])
def test_have_a_set_as_their_parent(full, question):
    paper = {m for m, e in full.catalog.models.items() if m not in full.catalog.beyond_ids}
    want = {m for m in full.catalog.beyond_ids if set(full.catalog.models[m].derived_from) & paper}
    a = full.ask(question)
    assert set(a.models) == want, (question, sorted(set(a.models) ^ want))


def test_the_teacher_is_the_parent_in_a_follow_up(full):
    session = Session()
    full.ask("What was DistilBERT distilled from?", session)
    a = full.ask("when did the teacher come out?", session)
    # the answer says which model the teacher is (DistilBERT's parent, BERT), then BERT's date
    assert a.query["models"] == ["bert"] and a.models in (["bert"], ["distilbert", "bert"]), a.models


@pytest.mark.parametrize("question, said", [
    ("Google's RoBERTa: what is it built on?", "not Google"),
    ("谷歌的 RoBERTa 是从哪个模型来的", "而不是"),
    ("since RoBERTa was made by Google, what is it built on?", "not Google"),
])
def test_a_lab_premise_in_a_lineage_question_is_checked(full, question, said):
    a = full.ask(question)
    assert said in a.text.split("\n\n")[0] and {"roberta", "bert"} <= set(a.models), a.text[:300]


def test_a_lab_describing_the_parent_is_no_premise(full):
    a = full.ask("which Meta model was Alpaca fine-tuned from?")
    assert a.models == ["llama"] and not a.query["premises"], a.text[:300]
