"""A model's line: its generations before and after it, left out as a whole, and follow-ups over the
previous set (a new date in place of the old one, "the same year", "which of those is newer?", "which
of the paper's models did they come from?"). Expected sets are computed from the catalog's own links."""

from __future__ import annotations

import pytest


def _talk(assistant, *questions):
    from assistant import Session

    session, answer = Session(), None
    for q in questions:
        answer = assistant.ask(q, session)
    return answer


def _ancestors(catalog, model: str) -> set[str]:
    out, todo = set(), list(catalog.models[model].derived_from)
    while todo:
        m = todo.pop()
        if m in catalog.models and m not in out:
            out.add(m)
            todo += catalog.models[m].derived_from
    return out


def _descendants(catalog, model: str) -> set[str]:
    return {e.id for e in catalog.models.values() if model in _ancestors(catalog, e.id)}


@pytest.mark.parametrize("question, model", [
    ("what came before Qwen3 in its line", "qwen3"),
    ("what came before Gemma 3 in its lineage?", "gemma-3"),
    ("which models preceded Qwen2.5 in its family line?", "qwen2.5"),
    ("what is upstream of Gemma 2?", "gemma-2"),
    ("what's in the ancestry of Dolly (any depth)?", "dolly"),
    ("Pythia's ancestors, at any depth", "pythia"),
])
def test_the_generations_before_a_model_are_its_ancestors(full, full_catalog, question, model):
    a = _talk(full, question)
    assert _ancestors(full_catalog, model) and set(a.models) == _ancestors(full_catalog, model)
    assert "number of layers" not in a.text and "Read as" in a.text


@pytest.mark.parametrize("question, model", [
    ("all models in GPT-3's lineage downstream, any depth", "gpt-3"),
    ("what came after GPT-2 in its line?", "gpt-2"),
    ("which models followed Gemma down its lineage?", "gemma"),
    ("everything in BERT's line downstream", "bert"),
])
def test_the_generations_after_a_model_are_its_descendants(full, full_catalog, question, model):
    a = _talk(full, question)
    assert _descendants(full_catalog, model) and set(a.models) == _descendants(full_catalog, model)


def test_before_a_model_without_its_line_stays_a_date(full, full_catalog):
    a = _talk(full, "which models came out before Qwen3?")
    assert set(a.models) <= {e.id for e in full_catalog.models.values() if e.date.key < full_catalog.models["qwen3"].date.key}
    assert len(a.models) > 3


@pytest.mark.parametrize("question, model", [
    ("StarCoder2's predecessor in the catalog?", "starcoder2"),
    ("what's the parent of Gemma 2 in your catalog?", "gemma-2"),
])
def test_a_lineage_noun_in_the_catalog_asks_no_paper_question(full, full_catalog, question, model):
    a = _talk(full, question)
    assert set(a.models) == set(full_catalog.models[model].derived_from)
    assert "No:" not in a.text  # not "No: StarCoder 2 is not among the paper's 77 models"


def test_newer_models_derived_from_a_paper_model(full, full_catalog):
    paper = {e.id for e in full_catalog.models.values() if e.in_paper}
    want = {e.id for e in full_catalog.models.values() if not e.in_paper and set(e.derived_from) & paper}
    for q in ("Which newer models are derived from a model in the original paper?",
              "recent models built on one of the paper's models"):
        assert set(_talk(full, q).models) == want, q


def test_newer_models_from_labs_that_had_a_paper_model(full, full_catalog):
    labs = {k for e in full_catalog.models.values() if e.in_paper for k in e.lab_keys}
    want = {e.id for e in full_catalog.models.values() if not e.in_paper and set(e.lab_keys) & labs}
    a = _talk(full, "Newer models from labs that also had a model in the original paper")
    assert set(a.models) == want


@pytest.mark.parametrize("question, lab, model", [
    ("Google models except anything in the T5 line", "Google", "t5"),
    ("OpenAI decoders excluding GPT-3's line", "OpenAI", "gpt-3"),
    ("OpenAI models other than the GPT-3 family and its offshoots", "OpenAI", "gpt-3"),
    ("list Facebook/Meta models except the BART ones (bart and its derivatives)", "Meta", "bart"),
])
def test_a_model_left_out_with_its_line(plain, catalog, question, lab, model):
    a = plain.ask(question)
    gone = {model} | _descendants(catalog, model)
    left = set(a.models)
    assert left and not left & gone
    mine = {e.id for e in catalog.models.values() if lab in e.org_names} - gone
    if "decoder" in question:
        mine = {m for m in mine if catalog.models[m].architecture.value == "decoder"}
    assert left <= mine and len(left) >= len(mine) - 2  # "the GPT-3 family" may also leave out a model named after it


@pytest.mark.parametrize("question", ["Derived-from-GPT-2 models excluding Microsoft's",
                                      "GPT-2-derived models excluding Microsoft's"])
def test_a_lineage_written_onto_the_name_keeps_it(plain, catalog, question):
    want = {e.id for e in catalog.models.values() if "gpt-2" in e.derived_from and "Microsoft" not in e.org_names}
    assert set(plain.ask(question).models) == want


@pytest.mark.parametrize("first, then, year", [
    ("show models from 2023", "and the ones from 2020?", 2020),
    ("list the models from 2022", "and those from 2019?", 2019),
    ("models released in 2021", "what about 2019?", 2019),
])
def test_a_new_date_after_a_dated_set_asks_again(plain, catalog, first, then, year):
    from assistant import Session

    session = Session()
    plain.ask(first, session)
    a = plain.ask(then, session)
    assert set(a.models) == {e.id for e in catalog.models.values() if e.date.year == year}


@pytest.mark.parametrize("first, then, arch, year", [
    ("decoder models from 2019", "and encoders from the same year?", "encoder", 2019),
    ("encoders released in 2020", "and decoders from that same year", "decoder", 2020),
])
def test_the_same_year_after_a_set_question_is_its_year(plain, catalog, first, then, arch, year):
    from assistant import Session

    session = Session()
    plain.ask(first, session)
    a = plain.ask(then, session)
    assert set(a.models) == {e.id for e in catalog.models.values() if e.date.year == year and e.architecture.value == arch}


@pytest.mark.parametrize("then, newest", [("which of those is newer?", True), ("which of them is older?", False),
                                          ("which one of these came out first?", False)])
def test_a_comparative_over_the_previous_list_picks_one(plain, catalog, then, newest):
    from assistant import Session

    session = Session()
    listed = plain.ask("which models are from DeepMind?", session).models
    a = plain.ask(then, session)
    dates = {m: catalog.models[m].date.key for m in listed}
    best = (max if newest else min)(dates.values())
    assert len(listed) > 2 and set(a.models) == {m for m, d in dates.items() if d == best}


def test_which_of_a_set_the_previous_models_came_from(plain, catalog, full, full_catalog):
    from assistant import Session

    session = Session()
    listed = plain.ask("list the EleutherAI models", session).models
    a = plain.ask("and which OpenAI models did they come from?", session)
    parents = {p for m in listed for p in catalog.models[m].derived_from}
    assert set(a.models) == {p for p in parents if "OpenAI" in catalog.models[p].org_names}
    b = _talk(full, "Which models added since the paper come from BigScience?", "and which of the paper's models did they come from?")
    added = [e.id for e in full_catalog.models.values() if not e.in_paper and "BigScience" in e.org_names]
    assert set(b.models) == {p for m in added for p in full_catalog.models[m].derived_from if full_catalog.models[p].in_paper}


@pytest.mark.parametrize("first, then, newest", [
    ("which models are from DeepMind?", "the older of the two?", False),
    ("which models are from DeepMind?", "and the newer one of them?", True),
])
def test_a_comparative_of_the_previous_list_said_without_which(plain, catalog, first, then, newest):
    from assistant import Session

    session = Session()
    listed = plain.ask(first, session).models
    a = plain.ask(then, session)
    dates = {m: catalog.models[m].date.key for m in listed}
    best = (max if newest else min)(dates.values())
    assert set(a.models) == {m for m, d in dates.items() if d == best}


@pytest.mark.parametrize("first, then, want", [
    ("models from 2019", "same but 2021", lambda e: e.date.year == 2021),
    ("encoders from 2020", "ok same, but decoders", lambda e: e.date.year == 2020 and e.architecture.value == "decoder"),
])
def test_same_but_asks_again_with_the_new_value(plain, catalog, first, then, want):
    from assistant import Session

    session = Session()
    plain.ask(first, session)
    assert set(plain.ask(then, session).models) == {e.id for e in catalog.models.values() if want(e)}


@pytest.mark.parametrize("first, then, model, way", [
    ("tell me about ChatGPT", "what came before it in its line?", "chatgpt", "up"),
    ("tell me about Pythia", "what's upstream of that one?", "pythia", "up"),
    ("tell me about ChatGPT", "which model came right before it in its line?", "chatgpt", "parents"),
    ("tell me about GPT-2", "and what came after it in its line?", "gpt-2", "down"),
    ("who built BERT?", "what came right after it in its line?", "bert", "children"),
])
def test_the_line_of_the_model_spoken_of(plain, catalog, first, then, model, way):
    from assistant import Session

    session = Session()
    plain.ask(first, session)
    a = plain.ask(then, session)
    want = {"up": _ancestors(catalog, model), "down": _descendants(catalog, model),
            "parents": set(catalog.models[model].derived_from),
            "children": {e.id for e in catalog.models.values() if model in e.derived_from}}[way]
    assert want and set(a.models) == want
