"""Entity kinds (round 14): a misspelt lab is that lab, never an unknown model or a look-alike model; an unrecorded
hyperparameter asked through the paper or its authors (or with a size question before it) is declined, not answered
with the citation; a name outside the catalog is declined however it is attached (a tag before "model", a word before
"Transformer"); several arXiv ids are each looked up; a Chinese count after listed names is no version of the last one;
an author's papers narrowed to a family named before "papers"; a title's main part unquoted is looked up; a size below
a billion is printed in both units.

Each test names a kind of question, with wordings no failing example used."""

from __future__ import annotations

import pytest


# A lab name misspelt by one edit (a dropped, swapped or changed letter): that lab's models, no "unknown model".
@pytest.mark.parametrize("q, lab", [
    ("list the models by Antropic", "Anthropic"),
    ("which Nvidea models are in the catalog?", "NVIDIA"),
    ("Gogle models", "Google"),
    ("what has Anthropc built?", "Anthropic"),
])
def test_a_misspelt_lab_is_that_lab(full, q, lab):
    query = full._understand(q)
    assert not query.unknown_names and not query.models and lab in str(query.where), query


# ... but a lab's name with letters added to it is another name, declined ("Googlex").
def test_a_lab_name_with_letters_added_is_no_lab(full):
    answer = full.ask("tell me about the Googlex model")
    assert answer.abstained and "Googlex" in answer.text.split("\n")[0]


# An unrecorded hyperparameter asked through the paper or its authors as its source ("did OPT's authors choose",
# "according to the GPT-3 paper", zh 作者), or with a size question right before it ("多大的 batch size"): declined,
# never the paper's citation or the model's size.
@pytest.mark.parametrize("q", [
    "which optimizer did OPT's authors choose?",
    "what weight decay does the BLOOM paper report?",
    "according to the GPT-3 paper, what was the batch size?",
    "T5 用了多大的 batch size？",
    "RoBERTa 的作者把学习率设成多少？",
])
def test_a_hyperparameter_asked_through_its_paper_is_declined(full, q):
    answer = full.ask(q)
    assert answer.abstained and full._understand(q).unrecorded, answer.text[:200]


# A name outside the catalog: a capitalised name with a tag before "model" ("StarWeave-L model" of a real lab), or one
# word before "Transformer" that nothing in the catalog or the lexicon uses ("Universal Transformer"): declined by it.
@pytest.mark.parametrize("q, name", [
    ("Tell me about Meta's new StarWeave-L model", "StarWeave-L"),
    ("Tell me about the SkyLattice-XL language model from Google", "SkyLattice-XL"),
    ("who proposed the Universal Transformer?", "Universal Transformer"),
    ("when did the Compressive Transformer come out?", "Compressive"),
])
def test_a_name_outside_the_catalog_is_declined_not_answered_by_a_lab_or_concept(full, q, name):
    answer = full.ask(q)
    assert answer.abstained and name in answer.text.split("\n")[0], answer.text[:200]


# Several arXiv ids in one question: each one's model, in order.
@pytest.mark.parametrize("q, models", [
    ("what models are 1810.04805 and 1910.10683?", ["bert", "t5"]),
    ("which catalog entries do the papers 1910.13461 and 1907.11692 describe?", ["bart", "roberta"]),
    ("2203.15556、2112.11446 各自对应哪个模型", ["chinchilla", "gopher"]),
])
def test_several_arxiv_ids_are_each_looked_up(full, q, models):
    assert full.ask(q).models == models


# A Chinese count with its measure word right after listed names ("T5 和 BART 两个模型", "三款"): the names counted,
# never a version of the last one ("BART 2", "BLOOM 3").
@pytest.mark.parametrize("q, models", [
    ("GPT-2 和 T5 两个模型哪个更早发布？", ["gpt-2", "t5"]),
    ("LLaMA、OPT、BLOOM 三款模型分别是哪家做的？", ["llama", "opt", "bloom"]),
    ("给我 T5 和 BART 两个模型的论文", ["t5", "bart"]),
])
def test_a_count_after_listed_names_is_no_version(full, q, models):
    query = full._understand(q)
    assert query.models == models and not query.unknown_names, query


# An author's papers narrowed to a family named before "papers": its members the author wrote, not the family's name
# model as well.
def test_an_authors_papers_of_a_named_family(full):
    assert set(full.ask("Which Qwen technical reports have An Yang among the authors?").models) == {"qwen2", "qwen2.5", "qwen3"}


# A title's main part (before its colon) written unquoted beside words the question reads too ("in your catalog"):
# the paper looked up, not a list of models by a domain its words suggest.
def test_a_titles_main_part_unquoted_is_looked_up(full):
    assert full.ask("An Image is Worth 16x16 Words: which model in your catalog is that?").models == ["vit"]


# A size below a billion the catalog writes in billions ("0.5B"): its millions too ("500M").
def test_a_size_below_a_billion_is_printed_in_both_units(full):
    text = full.ask("What sizes does Qwen3 come in?").text
    assert "0.6B" in text and "600M" in text, text[:300]
