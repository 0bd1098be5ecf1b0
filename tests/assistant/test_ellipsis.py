"""Elliptic follow-ups (assistant/ellipsis.py): a turn that names only an attribute, an action,
a ranking or a narrowing is resolved against the previous turn, and the reading says how."""

from __future__ import annotations

import pytest

from assistant import Assistant, Session


@pytest.fixture(scope="module")
def talk(full_catalog):
    """ask(q1, q2, ...) over the full catalog (the paper's models and the additions), structured answers only."""
    bot = Assistant(full_catalog)

    def _talk(*questions: str):
        session, answer = Session(), None
        for q in questions:
            answer = bot.ask(q, session)
        return answer

    return _talk


def _ids(catalog, test) -> set[str]:
    return {e.id for e in catalog.models.values() if test(e)}


# -- 1. a bare attribute or action, about the previous question's subject ----------------------------
@pytest.mark.parametrize("turns, model, needle", [
    (("tell me about ELECTRA", "what licence?"), "electra", "license"),
    (("who made GPT-J?", "size?"), "gpt-j", "6B"),
    (("who built Gopher", "and its release date?"), "gopher", "December 2021"),
    (("tell me about Mixtral 8x7B", "and how many are active per token?"), "mixtral-8x7b", "13B active"),
    (("describe DeepSeek-V3", "how many parameters are active?"), "deepseek-v3", "37B active"),
])
def test_a_bare_attribute_asks_about_the_previous_subject(talk, turns, model, needle):
    a = talk(*turns)
    assert a.intent == "fact" and a.models == [model] and needle in a.text, a.text
    assert "previous question's subject" in a.text


@pytest.mark.parametrize("turns, model", [
    (("who built T5?", "paper?"), "t5"),
    (("how big is OPT?", "and the paper?"), "opt"),
    (("when did Gopher come out?", "source?"), "gopher"),
])
def test_a_bare_citation_word_cites_the_previous_subject(talk, turns, model):
    a = talk(*turns)
    assert a.intent == "citation" and a.models == [model] and "```bibtex" in a.text


@pytest.mark.parametrize("turns, concepts", [
    (("how was ELECTRA pretrained?", "explain that objective"), ["replaced-token-detection"]),
    (("what is T5 trained with?", "what is that pretraining objective?"), ["dae", "span-corruption"]),
    (("what kind of model is GPT-J?", "explain this architecture"), ["decoder-pretraining"]),
])
def test_explain_that_objective_explains_the_previous_subjects_value(talk, turns, concepts):
    a = talk(*turns)
    assert a.intent == "concept", a.text
    q = a.query
    assert [q["concept"], *q["other_concepts"]] == concepts


def test_its_objective_still_asks_for_the_attribute(talk):
    a = talk("who built ELECTRA?", "what's its objective?")
    assert a.intent == "fact" and a.models == ["electra"]


@pytest.mark.parametrize("turns, subject", [
    (("who created BLOOM?", "what else did they build?"), "bloom"),
    (("tell me about Chinchilla", "what other models did its lab release?"), "chinchilla"),
    (("who made CLIP?", "anything else from them?"), "clip"),
])
def test_what_else_did_they_make_lists_the_labs_other_models(full_catalog, talk, turns, subject):
    from assistant.facets import FACETS
    from assistant.query import Constraint

    same_lab = Constraint(facet="lab", values=list(full_catalog.models[subject].org_names))
    a = talk(*turns)
    expected = _ids(full_catalog, lambda e: FACETS["lab"].match(e, same_lab)) - {subject}
    assert set(a.models) == expected and subject not in a.models


@pytest.mark.parametrize("turns, pair", [
    (("what is Alpaca based on?", "which is older?"), {"alpaca", "llama"}),
    (("what was Vicuna fine-tuned from?", "which one is bigger?"), {"vicuna", "llama"}),
    (("what is Sparrow built on?", "which came first?"), {"sparrow", "chinchilla"}),
])
def test_which_is_older_compares_the_subject_with_the_model_its_answer_named(talk, turns, pair):
    a = talk(*turns)
    assert a.intent == "compare" and set(a.models) == pair


@pytest.mark.parametrize("turns, model", [
    (("what is Code Llama built on?", "what license is it under?"), "code-llama"),
    (("what is Vicuna based on?", "who made it?"), "vicuna"),
    (("which model is Zephyr derived from?", "when was it released?"), "zephyr"),
])
def test_it_is_the_previous_questions_subject_not_the_parent_in_the_answer(talk, turns, model):
    a = talk(*turns)
    assert a.models == [model], a.text
    assert "previous question's subject" in a.text


def test_a_demonstrative_reaches_the_model_the_answer_introduced(talk):
    a = talk("what is Vicuna based on?", "who made that one?")
    assert a.models == ["llama"] and "named in the previous answer" in a.text


# -- superlatives over the previous set ----------------------------------------------------------
def _winners(entries, key, largest=True):
    known = [e for e in entries if key(e) is not None]
    best = (max if largest else min)(key(e) for e in known)
    return {e.id for e in known if key(e) == best}


@pytest.mark.parametrize("first, second, test, largest", [
    ("list encoder-decoder models from Google", "what license does the largest of them have?",
     lambda e: e.architecture.value == "encoder-decoder" and "Google" in e.org_names, True),
    ("list decoder models from Meta", "what's the licence on the biggest of them?",
     lambda e: e.architecture.value == "decoder" and "Meta" in e.org_names, True),
])
def test_the_attribute_of_the_largest_of_the_previous_set(catalog, ask, first, second, test, largest):
    a = ask(first, second)
    expected = _winners([e for e in catalog.models.values() if test(e)], lambda e: e.params.max_millions, largest)
    assert set(a.models) == expected
    for m in expected:
        assert f"{catalog.models[m].name}'s license" in a.text


@pytest.mark.parametrize("first, second, test, field, largest", [
    ("what is the largest Google model?", "and the smallest, same measure?", lambda e: "Google" in e.org_names, "params", False),
    ("which is the oldest OpenAI model?", "and the newest?", lambda e: "OpenAI" in e.org_names, "date", True),
    ("the earliest encoder model", "and the latest one?", lambda e: e.architecture.value == "encoder", "date", True),
])
def test_a_flipped_superlative_keeps_the_previous_set(catalog, ask, first, second, test, field, largest):
    a = ask(first, second)
    from assistant.retrieve import smallest_size

    key = (lambda e: e.date.key) if field == "date" else smallest_size
    expected = _winners([e for e in catalog.models.values() if test(e)], key, largest)
    assert set(a.models) == expected, a.text


# -- 2. narrowing over several turns keeps every earlier constraint -----------------------------------
@pytest.mark.parametrize("turns, test", [
    (("list the T5 family", "which are open", "and of those, which were released in 2021?"),
     lambda e: e.family == "T5" and e.license_class.value == "open" and e.date.year == 2021),
    (("show me Google's models", "which are encoder-decoders?", "and among them, which came out before 2021?"),
     lambda e: "Google" in e.org_names and e.architecture.value == "encoder-decoder" and e.date.year < 2021),
    (("list decoder models", "which were made by Meta", "of those, which are open?"),
     lambda e: e.architecture.value == "decoder" and "Meta" in e.org_names and e.license_class.value == "open"),
])
def test_narrowing_turns_accumulate_constraints(catalog, ask, turns, test):
    a = ask(*turns)
    assert set(a.models) == _ids(catalog, test), a.text
    assert "narrowing the previous answer's set" in a.text


def test_narrowing_by_lineage_leaves_out_the_model_and_its_descendants(catalog, ask):
    from assistant.facets import FACETS

    a = ask("list models from Meta", "which of these weren't built on LLaMA, not counting LLaMA itself?")
    expected = _ids(catalog, lambda e: "Meta" in e.org_names and e.id != "llama" and "llama" not in FACETS["descends"].values(e))
    assert set(a.models) == expected and "llama-2" not in a.models
