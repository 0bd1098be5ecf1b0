"""Which part of the catalog a question means, said in words ("aren't in the original paper", "across
the paper and the additions"); two models compared on a field they may share; a capitalised word that
only opens a corpus sentence ("Over 7T tokens") is no dataset name."""

from __future__ import annotations

import pytest

from assistant import Session
from assistant.query import Attribute, Intent, leaves


def _ask(assistant, question):
    return assistant.ask(question, Session())


def _catalog_leaves(q):
    return [(c.values, neg) for c, neg in leaves(q.where) if c.facet == "catalog"]


def test_not_in_the_original_paper_is_the_additions_in_one_list(full_assistant, full_catalog):
    a = _ask(full_assistant, "multilingual decoder LLMs that aren't in the original paper")
    assert a.models and all(m in full_catalog.beyond_ids for m in a.models)
    assert "None of the paper's" not in a.text  # one list, not the paper's part and the additions' part


@pytest.mark.parametrize("question", ["All RLHF models across the paper and the additions",
                                      "RLHF models, both paper and additions", "RLHF models in the paper and since"])
def test_the_whole_catalog_in_words_is_both_parts(full_assistant, full_catalog, question):
    q = full_assistant.understander.understand(question)
    assert all(set(map(str, values)) == {"beyond", "paper"} and not neg for values, neg in _catalog_leaves(q))
    a = _ask(full_assistant, question)
    assert set(a.models) & full_catalog.beyond_ids and set(a.models) - full_catalog.beyond_ids


@pytest.mark.parametrize("question, model, in_paper", [("is GPT-3 in the original paper?", "gpt-3", True),
                                                      ("was LLaMA 2 in the survey?", "llama-2", False),
                                                      ("Is Whisper from the original paper?", "whisper", False)])
def test_asking_whether_a_model_is_in_the_paper_is_answered_once(full_assistant, question, model, in_paper):
    q = full_assistant.understander.understand(question)
    assert q.attributes[0] is Attribute.IN_PAPER and not q.where.items and not q.premises
    a = _ask(full_assistant, question)
    assert a.models == [model] and a.text.count("Yes") + a.text.count("No") == 1
    assert a.text.startswith("Yes" if in_paper else "No")


@pytest.mark.parametrize("question, verdict, fragment", [
    ("Do ModernBERT and BERT have the same license?", "Yes", "the same license"),
    ("are GPT-2 and GPT-3 from the same lab?", "Yes", "OpenAI"),
    ("do BERT and GPT-2 share an architecture?", "No", "differ in architecture"),
    ("do RoBERTa and BERT use the same objective?", "Yes", "masked language modeling"),
])
def test_two_models_on_a_shared_field_get_a_verdict_on_that_field(full_assistant, question, verdict, fragment):
    a = _ask(full_assistant, question)
    assert a.intent is Intent.COMPARE and len(a.models) == 2
    assert a.text.startswith(verdict) and fragment in a.text.split("\n")[0]
    assert "is larger" not in a.text.split("\n")[0]  # the verdict asked for, not a size comparison


def test_a_word_that_only_opens_a_corpus_sentence_is_no_dataset(full_assistant):
    q = full_assistant.understander.understand("models over 100B parameters that are not closed source")
    assert all(c.facet != "corpus" for c, _ in leaves(q.where))


@pytest.mark.parametrize("question, family, head", [("which models are in the BERT family?", "BERT", "bert"),
                                                   ("list the T5 family models", "T5", "t5"),
                                                   ("models in the LLaMA family", "LLaMA", "llama")])
def test_a_family_is_the_catalog_family_field_whole(full_assistant, full_catalog, question, family, head):
    """Megatron ("GPT/BERT/T5") and BART ("BERT (encoder) + GPT (decoder)") mix families and belong to
    none of them alone; the model a family is named after belongs to it."""
    import re

    def field(e):  # the family field without its notes in brackets
        return re.sub(r"\s*\([^)]*\)", "", e.family).strip().lower()

    want = {e.id for e in full_catalog.models.values() if field(e) == family.lower()} | {head}
    a = _ask(full_assistant, question)
    assert set(a.models) == want
    assert "megatron" not in a.models and "bart" not in a.models


def test_whether_a_paper_is_on_arxiv_is_a_field(catalog, ask):
    """"models without an arXiv paper": the source paper's recorded arXiv id, a typed field, negated
    like any other; the answer lists exactly the entries with no arXiv id."""
    want = {e.id for e in catalog.models.values() if not e.paper.arxiv_id}
    a = ask("which models have no arXiv paper?")
    assert a.intent == "list" and set(a.models) == want, a.text
    b = ask("models without an arXiv paper that are not from OpenAI")
    assert set(b.models) == {m for m in want if "OpenAI" not in catalog.models[m].org_names}, b.text


@pytest.mark.parametrize("question,model,in_paper", [
    ("is Mistral 7B one of the paper's 77 models?", "mistral-7b", False),
    ("does the original catalog have ModernBERT?", "modernbert", False),
    ("is Falcon from the original list?", "falcon", False),
    ("is Gemma covered by the catalog paper or was it added later?", "gemma", False),
    ("is GPT-J one of the paper's 77 models?", "gpt-j", True),
])
def test_more_ways_to_ask_whether_a_model_is_in_the_paper(full_assistant, question, model, in_paper):
    a = _ask(full_assistant, question)
    assert a.models == [model] and a.query["attributes"] == ["in_paper"], a.query
    assert a.text.startswith("Yes" if in_paper else "No"), a.text


@pytest.mark.parametrize("question,start", [
    ("was BERT added after the paper?", "No. BERT is one of the paper's 77 models, not an addition since the paper"),
    ("ChatGPT has an arXiv paper, right?", "ChatGPT has no arXiv paper"),
    ("give me the 2019 BERT paper", "BERT dates from October 2018, not 2019"),
    ("the bibtex for Google's GPT-2", "GPT-2 was built by OpenAI, not Google"),
])
def test_a_wrong_fact_in_a_citation_or_catalog_question_is_corrected_first(full_assistant, question, start):
    a = _ask(full_assistant, question)
    assert a.text.startswith(start), a.text
