"""Readings that need more than one word per constraint, through the real pipeline on the real
catalog: a value named by its parts, a generic domain word made explicit, a ranking judged by a
named size variant, a missing value as a filter value, and a month as a date."""

from __future__ import annotations

import pytest

from assistant.query import leaves


def _ids(catalog, keep) -> set[str]:
    return {e.id for e in catalog.models.values() if keep(e)}


@pytest.mark.parametrize("question", ["which models have both an encoder and a decoder?",
                                      "models that have a separate encoder AND decoder",
                                      "list models with an encoder plus a decoder"])
def test_a_value_named_by_its_parts(catalog, ask, question):
    a = ask(question)
    assert set(a.models) == _ids(catalog, lambda e: e.architecture.value == "encoder-decoder"), question
    assert "architecture = encoder-decoder" in a.text


def test_parts_listed_as_kinds_stay_either_kind(catalog, ask):
    a = ask("list encoder and decoder models")
    assert set(a.models) == _ids(catalog, lambda e: e.architecture.value in ("encoder", "decoder"))


@pytest.mark.parametrize("question", ["bidirectional encoder models that work on text", "encoders that handle text"])
def test_a_generic_domain_word_constrains_when_a_predicate_names_it(catalog, ask, question):
    a = ask(question)
    want = _ids(catalog, lambda e: e.architecture.value == "encoder" and any(d.value == "text" for d in e.domains))
    assert set(a.models) == want and "vit" not in a.models, question


def test_text_only_is_text_and_no_other_domain(catalog, ask):
    a = ask("text-only encoder models")
    assert set(a.models) == _ids(catalog, lambda e: e.architecture.value == "encoder" and [d.value for d in e.domains] == ["text"])


@pytest.mark.parametrize("question, lab", [
    ("the smallest Google model, judged by each model's largest size", "Google"),
    ("which Meta model has the smallest largest version?", "Meta"),
    ("smallest OpenAI model (by its largest size)", "OpenAI"),
])
def test_a_ranking_keeps_its_direction_and_takes_the_named_measure(catalog, ask, question, lab):
    a = ask(question)
    known = [e for e in catalog.models.values() if lab in e.org_names and e.params.max_millions]
    best = min(e.params.max_millions for e in known)
    assert set(a.models) == {e.id for e in known if e.params.max_millions == best}, question
    assert "smallest" in a.text and "largest variant" in a.text


@pytest.mark.parametrize("question", ["most recently released decoder", "which decoder came out most recently?",
                                      "the newest decoder model"])
def test_most_recent_is_the_latest_date(catalog, ask, question):
    a = ask(question)
    decoders = [e for e in catalog.models.values() if e.architecture.value == "decoder"]
    latest = max(e.date.key for e in decoders)
    assert set(a.models) == {e.id for e in decoders if e.date.key == latest}, question


@pytest.mark.parametrize("question", ["models with an unknown or N/A licence", "which models have no known license?",
                                      "models whose license is not known"])
def test_an_unknown_license_is_a_filter_value(catalog, ask, question):
    a = ask(question)
    assert set(a.models) == _ids(catalog, lambda e: e.license_class.value == "unknown"), question
    assert "license = unknown" in a.text


def test_an_unknown_license_combines_with_other_constraints(catalog, ask):
    a = ask("causal LMs with no known licence")
    assert set(a.models) == _ids(catalog, lambda e: e.license_class.value == "unknown"
                                 and any(o.value == "causal-lm" for o in e.objectives))


@pytest.mark.parametrize("question", ["models with no parameter count recorded", "which models have an undisclosed size?",
                                      "models whose parameter count is not disclosed"])
def test_a_missing_size_is_a_filter_value(catalog, ask, question):
    a = ask(question)
    assert set(a.models) == _ids(catalog, lambda e: e.params.max_millions is None), question
    assert "size = unknown" in a.text


def test_a_missing_size_is_not_read_as_a_bound(understander):
    q = understander.understand("decoders with no size above 10B")
    assert not any(c.values == ["unknown"] for c, _ in leaves(q.where))


@pytest.mark.parametrize("question", ["which models were released in March 2022?", "Which.Models.Were.Released.In.March.2022",
                                      "models from 2022-03", "models released in Mar. 2022"])
def test_a_month_is_that_month(catalog, ask, question):
    a = ask(question)
    assert set(a.models) == _ids(catalog, lambda e: e.date.key == 202203), question


@pytest.mark.parametrize("question, facet, value, fixed", [
    ("wich modles use sparce atention", "trait", "sparse-attention", "sparce → sparse"),
    ("models trained with maskd languge modeling", "objective", "mlm", "maskd → masked"),
    ("which modles are decodr-only?", "architecture", "decoder", "decodr → decoder"),
])
def test_a_misspelt_vocabulary_word_is_read_and_the_reading_says_so(catalog, ask, question, facet, value, fixed):
    from assistant.facets import FACETS
    from assistant.query import Constraint

    a = ask(question)
    assert a.models and all(FACETS[facet].match(catalog.models[m], Constraint(facet=facet, values=[value])) for m in a.models)
    assert fixed in a.text and "spelling read as" in a.text


def test_names_and_ordinary_words_are_not_corrected(understander):
    for question in ("what is Chinchila?", "models by Colin Raffel", "which models use masked language modeling?",
                     "Barak Lenz's papers", "models where a router sends each token to two experts",
                     "chatbots that search the web before replying", "generation steered by codes prepended to the prompt"):
        assert understander.understand(question).corrections == [], question


@pytest.mark.parametrize("question, fixed, relation", [
    ("which models decsend from LLaMA?", "decsend → descend", "descendants"),
    ("list the decendants of T5", "decendants → descendants", "descendants"),
    ("what are the ancesters of Vicuna", "ancesters → ancestors", "ancestors"),
    ("GPT-3's sucessors in the catalog", "sucessors → successors", "descendants"),
    ("who is the predecesor of Chinchilla", "predecesor → predecessor", "ancestors"),
])
def test_a_misspelt_cue_word_is_read(catalog, ask, question, fixed, relation):
    """Cue words written as patterns (lineage words) are corrected too, by one edit, and the reading says so."""
    def closure(start: str, step) -> set[str]:
        seen, todo = set(), [start]
        while todo:
            for nxt in step(todo.pop()):
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        return seen

    parents = lambda m: catalog.models[m].derived_from  # noqa: E731
    children = lambda m: [c for c, e in catalog.models.items() if m in e.derived_from]  # noqa: E731
    a = ask(question)
    assert fixed in a.text, a.text
    subject = next(m for m in catalog.models if catalog.models[m].name.lower() in question.lower().replace("'s", ""))
    want = closure(subject, children if relation == "descendants" else parents)
    assert a.models and set(a.models) <= set(want) | {subject}, (a.models, want)


def test_the_field_named_in_the_question_takes_the_words(understander):
    q = understander.understand("assistant/chatbot-type models (assistant trait)")
    facets = {c.facet for c, _ in leaves(q.where)}
    assert facets == {"trait"}


def test_words_read_on_two_fields_with_no_field_named_are_either(catalog, ask):
    a = ask("assistant/chatbot models")
    want = {e.id for e in catalog.models.values()
            if any(t.value == "assistant" for t in e.traits) or any(d.value == "dialogue" for d in e.domains)}
    assert set(a.models) == want


@pytest.mark.parametrize("question", ["what is the Perceiver in your catalog?", "what is Hyena in your catalog?",
                                      "what is the Evolved Transformer in your catalog?"])
def test_a_name_the_catalog_has_no_entry_for_abstains(ask, question):
    a = ask(question)
    assert a.abstained and not a.models and "not in the catalog" in a.text, question


@pytest.fixture(scope="module")
def understander(catalog):
    from assistant.understand import Understander

    return Understander(catalog)


@pytest.mark.parametrize("question, negated", [("models with a known license", True), ("models without a known licence", False),
                                               ("which models have a disclosed parameter count?", True),
                                               ("models that don't have a known size", False)])
def test_a_known_value_is_the_complement_of_unknown(understander, question, negated):
    """"a known license" is any license but unknown; negating it ("without a known license") is unknown."""
    from assistant.query import leaves

    got = [(c.facet, [str(v) for v in c.values], neg) for c, neg in leaves(understander.understand(question).where)]
    assert len(got) == 1 and got[0][1] == ["unknown"] and got[0][0] in ("license", "size") and got[0][2] is negated


def test_the_chinese_original_paper_asks_whether_a_model_is_in_it(plain):
    answer = plain.ask("GPT-3在原论文里吗？")
    assert answer.models == ["gpt-3"] and "77" in answer.text


@pytest.mark.parametrize("question, field, largest, rank", [
    ("the second largest model in the catalog", "params", True, 2),
    ("what is the third smallest decoder?", "params", False, 3),
    ("second most recent model from Google", "date", True, 2),
    ("which was the 2nd earliest model?", "date", False, 2),
])
def test_a_place_in_a_ranking_is_that_place_with_its_ties(understander, catalog, question, field, largest, rank):
    from assistant.retrieve import select, smallest_size, superlative

    q = understander.understand(question)
    s = q.superlative
    assert (s.field, s.largest, s.rank, s.top) == (field, largest, rank, 1)
    key = (lambda e: e.date.key) if field == "date" else (lambda e: e.params.max_millions) if largest else smallest_size
    pool = [e for e in select(catalog, q.model_copy(update={"superlative": None})) if key(e) is not None]
    place = sorted((key(e) for e in pool), reverse=largest)[rank - 1]  # models tied span the places they take
    assert {e.id for e in superlative(pool, s)} == {e.id for e in pool if key(e) == place}
