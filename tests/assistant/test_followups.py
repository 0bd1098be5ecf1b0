"""Conversations: references to earlier answers resolve, or the assistant asks."""

from __future__ import annotations

import pytest


def test_issue_conversation(ask):
    first = "which models use prefix-LM objectives?"
    assert ask(first, "which of those are from Google?").models == ["ul2"]
    a = ask(first, "which of those are from Google?", "give me the BibTeX for the second one")
    assert a.intent == "citation" and a.models == ["alexatm-20b"] and "```bibtex" in a.text


def test_pronouns_follow_the_focus(ask):
    a = ask("who built Chinchilla?", "and its paper?")
    assert a.intent == "citation" and a.models == ["chinchilla"]
    assert "70B" in ask("tell me about Chinchilla", "how many parameters does it have?").text


def test_and_other_model_repeats_the_question(ask):
    a = ask("who built BERT?", "and RoBERTa?")
    assert a.models == ["roberta"] and "Facebook AI" in a.text


def test_which_of_them_restricts_to_the_previous_list(catalog, ask):
    a = ask("list encoder-decoder models", "which of them are from Meta?")
    assert set(a.models) == {e.id for e in catalog.models.values()
                             if e.architecture.value == "encoder-decoder" and "Meta" in e.org_names}


def test_how_many_counts_the_previous_list(ask):
    a = ask("which models use span corruption?", "how many are there?")
    assert a.intent == "count" and "**3**" in a.text


def test_refinement_of_previous_list(catalog, ask):
    a = ask("which encoder models are in the catalog?", "only the ones released before 2020")
    assert a.models and all(catalog.models[m].architecture.value == "encoder" and catalog.models[m].date.year < 2020
                            for m in a.models)


def test_concept_followup(catalog, ask):
    a = ask("explain masked language modeling", "which Google models use it?")
    assert set(a.models) == {e.id for e in catalog.models.values() if "Google" in e.org_names and "mlm" in [o.value for o in e.objectives]}


def test_compare_followup(ask):
    a = ask("compare BERT and RoBERTa", "which one is bigger?")
    assert a.intent == "compare" and a.text.startswith("RoBERTa is larger")


def test_nothing_to_refer_to_asks_for_clarification(ask):
    for q in ("and its paper?", "give me the BibTeX for the second one", "how many?", "which of those?"):
        a = ask(q)
        assert a.abstained and a.clarification and not a.citations, q


def test_a_pronoun_with_no_history_does_not_block_an_answerable_question(catalog, ask):
    a = ask("which of those are from Google?")
    assert not a.clarification and set(a.models) == {e.id for e in catalog.models.values() if "Google" in e.org_names}


def test_lineage_chain(ask):
    assert ask("tell me about Sparrow", "what is it based on?", "and who built that one?").models == ["chinchilla"]


def test_pairs_across_turns(ask):
    a = ask("Tell me about GPT-J", "What about GPT-Neo?", "Compare the two")
    assert a.intent == "compare" and a.models == ["gpt-j", "gpt-neo"]
    b = ask("who built BERT", "and RoBERTa?", "which is older?")
    assert b.models == ["bert", "roberta"] and b.text.startswith("BERT is older (October 2018 vs July 2019 for RoBERTa)")


def test_each_refers_to_the_previous_answer(ask):
    a = ask("compare GPT-3 and GPT-J", "what license does each have?")
    assert set(a.models) == {"gpt-3", "gpt-j"} and "Closed source" in a.text and "Apache-2.0" in a.text


def test_which_one_with_a_constraint_narrows_the_previous_list(catalog, ask):
    a = ask("models from Meta", "which one is an encoder-decoder?")
    meta = {e.id for e in catalog.models.values() if "Meta" in e.org_names}
    assert a.models and set(a.models) <= meta
    assert all(catalog.models[m].architecture.value == "encoder-decoder" for m in a.models)
    # a constraint on another field narrows the narrowed list again, it does not replace it
    b = ask("list the multilingual models", "only the decoders", "which ones are open source?")
    assert b.models and all(catalog.models[m].architecture.value == "decoder" and "multilingual" in
                            [d.value for d in catalog.models[m].domains] and catalog.models[m].license_class.value == "open"
                            for m in b.models)
    c = ask("which one is an encoder-decoder?")  # no history: the whole catalog
    assert len(c.models) > len(a.models)
    d = ask("what is Flan-T5?", "which models came out in 2018?")  # a new set question, not a narrowing
    assert set(d.models) == {"bert", "gpt"}


def test_follow_up_cues_are_lexicon_data():
    from pathlib import Path

    import assistant.session as session

    source = Path(session.__file__).read_text(encoding="utf-8")
    assert "re.compile" not in source and "import re" not in source


@pytest.mark.parametrize("first, second, keep", [
    ("list encoder-decoder models", "exclude the Google ones", lambda e: e.architecture.value == "encoder-decoder"
     and "Google" not in e.org_names),
    ("list encoder-decoder models", "remove the ones from Google", lambda e: e.architecture.value == "encoder-decoder"
     and "Google" not in e.org_names),
    ("which decoders came out in 2021?", "drop the closed ones", lambda e: e.architecture.value == "decoder"
     and e.date.year == 2021 and e.license_class.value != "closed"),
])
def test_an_imperative_that_takes_models_out_narrows_the_previous_list(ask, catalog, first, second, keep):
    answer = ask(first, second)
    assert set(answer.models) == {m for m, e in catalog.models.items() if keep(e)}


@pytest.mark.parametrize("last,question", [
    ("compare GPT-3 and OPT", "and which one has the more permissive license?"),
    ("GPT-3 vs OPT", "which one is more open?"),
    ("how do T5 and BART differ?", "which of the two is less restrictive?"),
])
def test_which_one_after_a_comparison_compares_the_pair_on_that_field(ask, last, question):
    """A comparative that is also a field value ("more permissive" = an open licence) asks which of
    the two compared models has more of it, not for the open models among them."""
    a = ask(last, question)
    assert a.intent == "compare" and len(a.models) == 2, a.text
    assert "license" in a.text.lower()


@pytest.mark.parametrize("history,question,expected", [
    (["tell me about Sparrow", "what is it derived from?"], "and what license does that parent model have?", "chinchilla"),
    (["what's Vicuna?", "what was it fine-tuned from?"], "who made that base model?", "llama"),
    (["tell me about Alpaca", "what is it built on?"], "when was that base model released?", "llama"),
])
def test_that_parent_or_base_model_is_the_model_the_lineage_answer_named(ask, history, question, expected):
    a = ask(*history, question)
    assert a.models == [expected] and a.intent == "fact", a.text


@pytest.mark.parametrize("first,then,facet", [
    ("encoder models from Meta in the original paper", "and the ones added since the paper?", "catalog"),
    ("open-source models from Meta", "and the closed ones?", "license"),
    ("which Google models are encoders?", "and the decoders?", "architecture"),
])
def test_and_a_new_value_of_a_one_value_field_replaces_the_old_one(full_assistant, first, then, facet):
    """"... in the original paper" then "and the ones added since?": a model has one value of the
    field, so narrowing the last list to the new value would be empty by construction; the new value
    takes the old one's place and the other constraints carry over."""
    from assistant import Session

    session = Session()
    before = full_assistant.ask(first, session)
    after = full_assistant.ask(then, session)
    assert "among the previous answer" not in after.text and not set(after.models) & set(before.models), after.text
    assert after.query["where"] and facet in str(after.query["where"]), after.query


@pytest.mark.parametrize("first,then,attribute", [
    ("compare BERT and GPT-2", "what about their licenses?", "license"),
    ("which models are from Meta?", "when were they released?", "date"),
    ("list decoders from Google", "what are their sizes?", "params"),
])
def test_a_field_of_the_models_just_listed_is_a_fact_about_each(ask, first, then, attribute):
    """"What about their licenses?" asks a field of the previous answer's models; it is no list
    with no constraint."""
    before = ask(first)
    a = ask(first, then)
    assert a.intent in ("fact", "compare") and a.models == before.models, a.text
    assert attribute in a.query["attributes"], a.query


@pytest.mark.parametrize("question,field", [("how many labs are in the catalog?", "lab"),
                                            ("how many different architectures are there?", "architecture"),
                                            ("number of distinct families among decoders", "family")])
def test_how_many_labs_counts_the_different_values(catalog, ask, question, field):
    from assistant.facets import group_values

    a = ask(question)
    entries = [e for e in catalog.models.values() if field != "family" or e.architecture.value == "decoder"]
    n = len({v for e in entries for v in group_values(field, e)})
    assert a.intent == "count" and a.text.startswith(f"**{n}** different values of {field}"), a.text


@pytest.mark.parametrize("then,field,largest", [("sort them by size", "params", True),
                                                ("order them by release date, oldest first", "date", False)])
def test_sort_the_previous_list(ask, then, field, largest):
    """"Sort them by size" ranks the previous answer's models on that field, not a new question."""
    before = ask("which models are from Meta?")
    a = ask("which models are from Meta?", then)
    sup = a.query["superlative"]
    assert sup and sup["field"] == field and sup["largest"] is largest and set(a.models) <= set(before.models), a.query


@pytest.mark.parametrize("history,question,expected", [
    (["what's DistilBERT?"], "what was it distilled from?", ["bert"]),
    (["who built Gopher?"], "how big is it compared to GPT-3?", ["gopher", "gpt-3"]),
])
def test_a_pronoun_subject_with_a_lineage_or_comparison_verb(ask, history, question, expected):
    a = ask(*history, question)
    assert sorted(a.models) == sorted(expected), a.text
