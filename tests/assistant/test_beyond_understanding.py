"""Understanding questions about the additions: a model named with its paper title in brackets,
named licences, "built by fine-tuning", family names, and breakdowns by lab with the Google
DeepMind umbrella. Structured answers only (no search index)."""

from __future__ import annotations

import re

import pytest

from assistant.lexicon import lexicon
from assistant.query import Intent
from assistant.retrieve import select
from catalog.vocab import lab_umbrella


def _ids(assistant, question: str) -> set[str]:
    return {e.id for e in select(assistant.catalog, assistant.understander.understand(question))}


# -- a model named with its title in brackets is a fact question about the model ----------------
@pytest.mark.parametrize("question, model, attribute", [
    ("How many parameters does SAM (Segment Anything) have?", "sam", "params"),
    ("When did Chinchilla (Training Compute-Optimal Large Language Models) come out?", "chinchilla", "date"),
    ("Who built LLaMA (LLaMA: Open and Efficient Foundation Language Models)?", "llama", "labs"),
    ("How big is Chinchilla (2203.15556)?", "chinchilla", "params"),
    # a title that is the model's own name, or the catalog paper named as context
    ("What's the parameter count of the Segment Anything Model?", "sam", "params"),
    ("who made Segment Anything?", "sam", "labs"),
    ("Was Whisper covered in Amatriain et al.'s catalog?", "whisper", "in_paper"),
    ("Is GPT-3 in the Amatriain et al. survey?", "gpt-3", "in_paper"),
    ("How much text was Llama 3 pretrained on?", "llama-3", "corpus"),
])
def test_a_title_beside_a_named_model_is_an_alias_not_a_lookup(full, question, model, attribute):
    q = full.understander.understand(question)
    assert q.intent is Intent.FACT and q.models == [model] and q.lookup is None
    assert [a.value for a in q.attributes] == [attribute]
    assert not q.unrecorded  # the title's words ("Compute-Optimal") are not read as asked attributes


def test_a_title_alone_is_still_a_lookup(full):
    q = full.understander.understand("which model comes from the paper Segment Anything?")
    assert q.lookup is not None and q.models == ["sam"]


def test_the_sam_answer_states_its_size(full):
    answer = full.ask("How many parameters does SAM (Segment Anything) have?")
    assert "636M" in answer.text and answer.models == ["sam"] and "paper lookup" not in answer.text


# -- licences --------------------------------------------------------------------------------
def test_mit_does_not_match_inside_limited(full):
    ids = _ids(full, "MIT-licensed models")
    assert {"phi-3", "zephyr", "deepseek-r1", "whisper", "deberta"} <= ids
    assert not ids & {"llama", "alpaca", "vicuna", "llama-2", "qwen", "yi", "tulu-3"}  # "Limited" holds "mit"
    assert all(re.search(r"\bMIT\b", full.catalog.models[m].license) for m in ids)


def test_a_licence_that_covers_only_the_code_does_not_license_the_model(full):
    assert not _ids(full, "MIT-licensed models") & {"deepseek-v3", "deepseek-v2", "deepseek-llm"}
    assert "llava" not in _ids(full, "Apache-licensed models")  # code Apache-2.0, checkpoints for research


@pytest.mark.parametrize("question, expected, not_expected", [
    ("which models are under the Llama 2 community license?", {"llama-2", "code-llama", "llama-3", "tulu-3"}, {"llama", "alpaca"}),
    ("models released under the Llama community licence", {"llama-2", "llama-3"}, {"vicuna"}),
    ("models under a CC BY-NC license", {"galactica", "global-context-vit"}, {"gpt-4", "chatgpt"}),
    ("models with an OpenRAIL licence", {"bloom", "starcoder", "stablediffusion"}, {"gpt-2"}),
    ("models under the Gemma terms of use", {"gemma", "gemma-2", "gemma-3"}, {"gemini-1.0"}),
    ("which models' weights were not released?", {"orca", "gpt-4", "palm"}, {"llama", "phi-3"}),
])
def test_named_licences_select_by_the_licence_text(full, question, expected, not_expected):
    ids = _ids(full, question)
    assert expected <= ids and not ids & not_expected


@pytest.mark.parametrize("question, model", [
    ("Were Orca's weights released?", "orca"),
    ("can I download Llama 2?", "llama-2"),
    ("were GPT-4's weights ever published?", "gpt-4"),
    ("Is Phi-3 downloadable?", "phi-3"),
])
def test_release_and_download_questions_ask_for_the_licence(full, question, model):
    q = full.understander.understand(question)
    assert q.intent is Intent.FACT and q.models == [model]
    assert "license" in [a.value for a in q.attributes]
    assert not {"params", "date"} & {a.value for a in q.attributes}  # "weights", "released" are part of the licence cue
    assert full.catalog.models[model].license in full.ask(question).text


# -- built by fine-tuning ----------------------------------------------------------------------
def test_built_by_fine_tuning_is_the_catalogs_finetuning_flag(full):
    finetuned = {e.id for e in full.catalog.models.values() if e.task_is_finetuning}
    for question in ("Which models were built by fine-tuning an existing pretrained model rather than trained from scratch?",
                     "models made by fine-tuning another model", "which models were not trained from scratch?"):
        assert _ids(full, question) == finetuned, question
    scratch = _ids(full, "models trained from scratch")
    assert scratch == set(full.catalog.models) - finetuned


# -- families ------------------------------------------------------------------------------------
@pytest.mark.parametrize("question, expected", [
    ("Which Phi models does the catalog have?", {"phi-1", "phi-3", "phi-4"}),
    ("list the Gemma family", {"gemma", "gemma-2", "gemma-3"}),
    ("which models are in the Qwen series?", {"qwen", "qwen2", "qwen2.5", "qwen3"}),
    ("all Llama versions", {"llama", "llama-2", "llama-3", "code-llama"}),
])
def test_family_names_come_from_the_catalogs_family_field(full, question, expected):
    ids = _ids(full, question)
    assert expected <= ids
    for m in ids:
        e = full.catalog.models[m]
        family = full.understander.understand(question).positive("family")[0].values[0]
        assert family.lower() in e.family.lower() or e.name.lower().startswith(str(family).lower())


def test_a_generic_word_in_a_family_field_is_not_a_family_name(full):
    parser, _ = full.understander._tools(lexicon("en"))
    names = {name.lower() for _, name in parser.families}
    assert {"phi", "gpt", "llama", "qwen", "gemma"} <= names and "transformer" not in names
    assert full.understander.understand("transformer models from Google").positive("family") == []


# -- breakdowns by lab -------------------------------------------------------------------------
def test_a_breakdown_by_lab_counts_labs_as_recorded(full):
    answer = full.ask("how many models per lab?")
    q = full.understander.understand("how many models per lab?")
    assert q.group_by == "lab"
    rows = {line.split("|")[1].strip(): int(line.split("|")[2]) for line in answer.text.splitlines()
            if line.startswith("| ") and line.split("|")[2].strip().isdigit()}
    assert rows.get("Google DeepMind") == 3  # Gemma, Gemma 2, Gemma 3: under Google DeepMind only
    additions = [e for e in full.catalog.models.values() if not e.in_paper]
    google = sum(1 for e in additions if "Google" in e.org_names)
    assert rows.get("Google") == google  # not inflated by the umbrella
    assert "Google DeepMind is its own row" in answer.text


def test_the_umbrella_still_applies_to_filters(full):
    assert {"gemma", "gemma-2", "gemma-3"} <= _ids(full, "Google models")
    assert {"gemma", "gemma-2", "gemma-3"} <= _ids(full, "DeepMind models")
    assert "Google" in lab_umbrella("Google DeepMind")


# -- the part of the catalog a question names is a constraint (the catalog facet) -----------------
@pytest.mark.parametrize("question, want", [
    ("which of the models added since the paper are under 1B parameters?", lambda e: not e.in_paper and e.params.max_millions
     and e.params.max_millions < 1000),
    ("list the additions from Meta", lambda e: not e.in_paper and "Meta" in e.org_names),
    ("decoders from the original paper released in 2022", lambda e: e.in_paper and e.architecture.value == "decoder"
     and e.date.year == 2022),
])
def test_the_part_of_the_catalog_is_read_as_a_constraint(full, question, want):
    expected = {e.id for e in full.catalog.models.values() if want(e)}
    assert expected and _ids(full, question) == expected


def test_an_answer_about_one_part_is_one_list(full):
    answer = full.ask("how many models were added since the paper?")
    assert "Since the paper" not in answer.text and str(len(full.catalog.beyond_ids)) in answer.text


def test_a_sentence_end_is_not_a_version_number(full):
    q = full.understander.understand("Where can I read about Whisper? I need a reference")
    assert q.models == ["whisper"] and not q.unknown_names and q.intent is Intent.CITATION


def test_the_longest_phrase_wins_across_fields(full):
    q = full.understander.understand("Which models use rotary position embeddings?")
    assert _ids(full, "Which models use rotary position embeddings?") == {
        e.id for e in full.catalog.models.values() if "rotary-embeddings" in [t.value for t in e.traits]}
    assert "domain" not in {c.facet for c in q.where.items}


@pytest.mark.parametrize("question", ["Which Mistral-family models are not mixture-of-experts?",
                                      "which models of the Mistral family are dense?",
                                      "Mistral family models without MoE layers"])
def test_a_named_family_is_the_family_not_the_lab_of_the_same_name(full, question):
    q = full.understander.understand(question)
    assert ("family", ["Mistral"]) in [(c.facet, [str(v) for v in c.values]) for c in q.where.items if hasattr(c, "facet")]
    assert "lab" not in {getattr(c, "facet", None) for c in q.where.items}
