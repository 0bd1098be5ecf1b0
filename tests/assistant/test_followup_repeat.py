"""Follow-ups that re-ask, narrow or point back (assistant/session.py, assistant/ellipsis.py).

- "same question but for Google": the previous typed query with the named value in place of the
  previous value of its facet, every other constraint (negations included) kept;
- "ok now restrict to before 2020": the previous set's constraints AND the new one;
- "it" after an answer that named one model: the previous question's grammatical subject, which is
  that answered model when the question described it ("what is the parent of Alpaca?");
- "and its children?": the children, as the answer's models, not the model they descend from.
Expected sets are computed from the catalog, never written out.
"""

from __future__ import annotations

import pytest

from assistant.facets import FACETS


def _ids(catalog, test) -> set[str]:
    return {e.id for e in catalog.models.values() if test(e)}


def _lab(e, name: str) -> bool:
    return name in e.org_names


def _obj(e, value: str) -> bool:
    return value in [o.value for o in e.objectives]


def _size(e) -> float:
    return e.params.max_millions or 0


# -- 1. the previous question again, one value changed ------------------------------------------------
@pytest.mark.parametrize("turns, test", [
    (("which OpenAI models don't work with text at all?", "same question but for Google"),
     lambda e: _lab(e, "Google") and "text" not in [d.value for d in e.domains]),
    (("which OpenAI models don't work with text at all?", "same thing for Meta"),
     lambda e: _lab(e, "Meta") and "text" not in [d.value for d in e.domains]),
    (("which models from Google were released in 2020?", "and the same for 2021?"),
     lambda e: _lab(e, "Google") and e.date.year == 2021),
    (("which encoders are from Google?", "repeat that for decoders"),
     lambda e: _lab(e, "Google") and e.architecture.value == "decoder"),
    (("which OpenAI models are open source?", "do that again for DeepMind"),
     lambda e: _lab(e, "DeepMind") and e.license_class.value == "open"),
    (("list Meta's models from 2022", "try that again with 2021"),
     lambda e: _lab(e, "Meta") and e.date.year == 2021),
    (("which Google models have more than 10B parameters?", "likewise for OpenAI"),
     lambda e: _lab(e, "OpenAI") and _size(e) > 10_000),
    (("which models aren't from Google and came out in 2020?", "same for Meta"),
     lambda e: not _lab(e, "Meta") and e.date.year == 2020),
    (("which models are derived from LLaMA?", "same question for T5"), lambda e: "t5" in e.derived_from),
])
def test_a_repeated_question_swaps_one_value_and_keeps_the_rest(catalog, ask, turns, test):
    a = ask(*turns)
    expected = _ids(catalog, test)
    assert expected and set(a.models) == expected, a.text
    assert "previous question asked again" in a.text


def test_a_repeated_count_stays_a_count(catalog, ask):
    a = ask("how many encoder models are open?", "ask the same question for decoders")
    n = len(_ids(catalog, lambda e: e.architecture.value == "decoder" and e.license_class.value == "open"))
    assert a.intent == "count" and f"**{n}**" in a.text


def test_repeat_is_not_off_topic_and_repeat_after_me_still_is(ask):
    assert not ask("which encoders are from Google?", "repeat that for decoders").abstained
    assert ask("repeat after me: hello world").abstained


# -- 2. narrowing the previous list ----------------------------------------------------------------
@pytest.mark.parametrize("turns, test", [
    (("which Google models are open?", "ok now restrict to before 2020"),
     lambda e: _lab(e, "Google") and e.license_class.value == "open" and e.date.year < 2020),
    (("which models were released in 2022?", "narrow it down to encoders"),
     lambda e: e.date.year == 2022 and e.architecture.value == "encoder"),
    (("which Meta models are decoders?", "limit that to the open ones"),
     lambda e: _lab(e, "Meta") and e.architecture.value == "decoder" and e.license_class.value == "open"),
    (("which models use RLHF?", "now just the ones from 2022"), lambda e: _obj(e, "rlhf") and e.date.year == 2022),
    (("which decoders were released after 2021?", "keep only those above 10B"),
     lambda e: e.architecture.value == "decoder" and e.date.year > 2021 and _size(e) > 10_000),
    (("which encoders use masked language modeling?", "filter those to Google"),
     lambda e: e.architecture.value == "encoder" and _obj(e, "mlm") and _lab(e, "Google")),
    (("list the models from 2021", "can you cut that down to decoders from Google?"),
     lambda e: e.date.year == 2021 and e.architecture.value == "decoder" and _lab(e, "Google")),
    (("models with an open license", "let's limit it to encoder-decoders"),
     lambda e: e.license_class.value == "open" and e.architecture.value == "encoder-decoder"),
    (("which models came out in 2020?", "only keep the Google ones"), lambda e: e.date.year == 2020 and _lab(e, "Google")),
    (("which models use RLHF?", "and narrow that to DeepMind"), lambda e: _obj(e, "rlhf") and _lab(e, "DeepMind")),
])
def test_a_narrowing_turn_keeps_the_previous_constraints(catalog, ask, turns, test):
    a = ask(*turns)
    expected = _ids(catalog, test)
    assert expected and set(a.models) == expected, a.text
    assert "narrowing the previous answer's set" in a.text


# -- 3. "it" after an answer that named one model ----------------------------------------------------
@pytest.mark.parametrize("first, follow", [
    ("what is the parent of Alpaca?", "how big is it?"),
    ("what's Vicuna's base model?", "who made it?"),
    ("what is the base model of Sparrow?", "when did it come out?"),
    ("which is the parent model of Flan-T5?", "who built it"),
    ("what was the starting checkpoint for Alpaca?", "how big is it"),
])
def test_it_is_the_answered_model_when_the_question_described_it(catalog, ask, first, follow):
    asked = ask(first)
    assert len(asked.models) == 1 and asked.models[0] not in asked.query["models"], asked.text
    parent = asked.models[0]
    a = ask(first, follow)
    assert a.models == [parent] and "named in the previous answer" in a.text, a.text


@pytest.mark.parametrize("first, follow, subject", [
    ("tell me about BERT", "how big is it", "bert"),
    ("what is Alpaca based on?", "how big is it?", "alpaca"),
    ("who made GPT-J?", "when was it released?", "gpt-j"),
])
def test_it_stays_the_subject_the_question_named(ask, first, follow, subject):
    a = ask(first, follow)
    assert a.models == [subject] and "previous question's subject" in a.text, a.text


def test_the_pair_after_a_described_parent_still_holds_both(ask):
    a = ask("what is the parent of Alpaca?", "which is older?")
    assert a.intent == "compare" and set(a.models) == {"alpaca", "llama"}


@pytest.mark.parametrize("first", ["Is there a multilingual RoBERTa?", "do you have a multilingual RoBERTa?"])
def test_is_there_a_variant_finds_it_and_it_is_that_model_afterwards(catalog, ask, first):
    family = FACETS["family"]
    expected = _ids(catalog, lambda e: "multilingual" in [d.value for d in e.domains]
                    and ("roberta" in FACETS["descends"].values(e) or family.match(e, _family("RoBERTa"))))
    assert len(expected) == 1 and "roberta" not in expected
    assert set(ask(first).models) == expected
    a = ask(first, "who made it", "when was it released?")
    assert a.models == list(expected) and a.intent == "fact"


def _family(name: str):
    from assistant.query import Constraint

    return Constraint(facet="family", values=[name])


# -- 4. lineage follow-ups: the set asked for is the answer's models ---------------------------------------
@pytest.mark.parametrize("first, follow, subject, facet", [
    ("what's PaLM", "and its children?", "palm", "derived"),
    ("who built GPT-2?", "what are its children?", "gpt-2", "derived"),
    ("what is T5?", "any derivatives of it?", "t5", "derived"),
    ("tell me about Gopher", "what are its descendants?", "gopher", "descends"),
])
def test_its_children_are_the_answer_not_the_parent(catalog, ask, first, follow, subject, facet):
    a = ask(first, follow)
    expected = _ids(catalog, lambda e: subject in FACETS[facet].values(e))
    assert a.intent == "lineage" and expected and set(a.models) == expected and subject not in a.models, a.text


def test_a_fact_style_parent_question_names_both_and_answers_with_the_parent(catalog, ask):
    a = ask("what is Alpaca derived from?")
    parents = list(catalog.models["alpaca"].derived_from)
    assert a.models == parents and "**Alpaca**" in a.text
    assert all(f"**{catalog.models[p].name}**" in a.text for p in parents)


@pytest.mark.parametrize("question, parent, facet", [
    ("which models build directly on GPT-3?", "gpt-3", "derived"),
    ("what models are based directly on BERT?", "bert", "derived"),
    ("direct offspring of GPT-2", "gpt-2", "derived"),
    ("direct or indirect descendants of T5", "t5", "descends"),
    ("which models descend from Gopher (any depth)", "gopher", "descends"),
])
def test_direct_and_any_depth_lineage_wordings(catalog, ask, question, parent, facet):
    a = ask(question)
    expected = _ids(catalog, lambda e: parent in FACETS[facet].values(e))
    assert a.intent == "lineage" and set(a.models) == expected, a.text


@pytest.mark.parametrize("first, second, by_largest", [
    ("what's the biggest model in the catalog by its largest version?", "and the smallest, same measure?", True),
    ("what is the largest model?", "and the smallest?", False),
])
def test_a_flipped_ranking_of_the_whole_catalog_ranks_the_whole_catalog(catalog, ask, first, second, by_largest):
    from assistant.retrieve import smallest_size

    key = (lambda e: e.params.max_millions) if by_largest else smallest_size
    known = [e for e in catalog.models.values() if key(e) is not None]
    low = min(key(e) for e in known)
    a = ask(first, second)
    winners = {e.id for e in known if key(e) == low}
    # the reading the answer says it judged by, and no other reading's winner beside it (writers mean the smallest variant)
    assert set(a.models) == winners, a.text


def test_that_one_after_a_corpus_question_naming_two_datasets(catalog, ask):
    def has(e, word):
        return word in (e.corpus or "").lower()

    expected = _ids(catalog, lambda e: has(e, "html") and has(e, "common crawl"))
    assert len(expected) == 1
    a = ask("which model was trained on simplified HTML from Common Crawl?", "what architecture does that one use")
    assert a.models == list(expected) and catalog.models[a.models[0]].architecture.value in a.text


@pytest.mark.parametrize("last", ["and what did that come from?", "where does that one come from?",
                                  "what did that derive from?"])
def test_that_after_a_parent_answer_is_the_parent(ask, catalog, last):
    """"what's Sparrow built on?" answers with its parent; "what did that come from?" asks the parent's parent."""
    parent = catalog.models["sparrow"].derived_from[0]
    a = ask("Tell me about Sparrow", "what's it built on?", last)
    assert a.intent == "lineage"
    assert set(a.models) == set(catalog.models[parent].derived_from)


def test_that_with_no_conversation_asks_what_it_refers_to(ask):
    a = ask("what did that come from?")
    assert a.abstained and not a.models


def test_the_size_one_is_the_previous_model(full_assistant):
    """"the 27B one" after a question about Gemma 2 is Gemma 2 (its 27B variant), not a size filter."""
    from assistant import Session

    session = Session()
    full_assistant.ask("Tell me about Gemma 2", session)
    a = full_assistant.ask("how many tokens was the 27B one trained on?", session)
    assert a.models == ["gemma-2"] and "13T" in a.text


@pytest.mark.parametrize("question, fragment", [("who made the 70B version?", "Meta"),
                                                ("what license does the 70B one have?", "Llama 2 Community License")])
def test_the_size_version_is_the_previous_model_not_a_filter(full_assistant, question, fragment):
    from assistant import Session

    session = Session()
    full_assistant.ask("Tell me about Llama 2", session)
    a = full_assistant.ask(question, session)
    assert a.models == ["llama-2"] and fragment in a.text
    assert not [c for c in full_assistant.understander.understand(question).where.items if getattr(c, "facet", "") == "size"]
