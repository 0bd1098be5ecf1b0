"""Lineage and follow-up kinds, each in wordings other than the ones first seen failing (English and Chinese).

- the whole line up from a model, asked as a chain, a walk back to the root, a question repeated on the parent
  ("what is it built on, and what is that one built on in turn?"), a grandparent (祖父, 祖辈): every ancestor;
- the models a model led to, by other verbs ("flow into", "give birth to", "fed into", "pave the way for"), or
  "directly or via other models" (every generation);
- siblings named from the model ("X's sister models", "share X's parent", X 的兄弟模型): the other children of its
  parents;
- an ordinal that is part of a version's name ("the first Llama", "the first Qwen") names that model, it ranks nothing;
- a follow-up whose subject is the previous answer's model, written with a contraction ("what's that one built
  on?"), or asking for the successor in Chinese (后继模型, 接替它的新版本), or a field of the parent just named
  ("when was its parent released?", 它的父模型有多大);
- a request for a model and "the model it was built on" / "its base model" (both are subjects);
- a false premise of lineage written as a noun phrase ("X is a Llama 2 fine-tune", "an instruction-tuned LLaMA").
Expected models come from the catalog's derived_from links.
"""

from __future__ import annotations

import pytest

from assistant.facets import _ancestors
from assistant.session import Session


def _last(full, *turns):
    session = Session()
    answers = [full.ask(q, session) for q in turns]
    return answers[-1]


def _children(cat, *parents):
    return {e.id for e in cat.models.values() if set(e.derived_from) & set(parents)}


@pytest.mark.parametrize("question, model", [
    ("what's the full chain of models behind Gemma 3?", "gemma-3"),
    ("Sparrow: what is it built on, and what is that one built on in turn?", "sparrow"),
    ("what did BlenderBot3 come from? go all the way to the top", "blenderbot3"),
    ("Code Llama was made from what? Go back recursively please", "code-llama"),
    ("Gemma 3 的祖辈模型有哪些", "gemma-3"),
    ("ChatGPT 的祖父是哪个模型", "chatgpt"),
])
def test_the_whole_line_up_is_every_ancestor(full, full_catalog, question, model):
    a = full.ask(question)
    assert a.intent == "lineage" and a.query["transitive"]
    assert set(a.models) == _ancestors(full_catalog.models, model)


@pytest.mark.parametrize("question, model", [
    ("which catalog models did GPT-3 flow into?", "gpt-3"),
    ("what did Gopher give birth to?", "gopher"),
    ("models that Vicuna fed into", "vicuna"),
    ("which models did LLaMA pave the way for?", "llama"),
])
def test_the_models_a_model_led_to(full, full_catalog, question, model):
    a = full.ask(question)
    assert a.intent == "lineage" and model not in a.models
    assert set(a.models) >= _children(full_catalog, model)


def test_directly_or_via_other_models_is_every_generation(full, full_catalog):
    a = full.ask("which models come out of BERT, whether directly or via other models?")
    assert {c["facet"] for c in a.query["where"]["items"]} == {"descends"}
    assert "xlm-roberta" in a.models  # BERT -> RoBERTa -> XLM-RoBERTa


@pytest.mark.parametrize("question, model", [
    ("which other models share Zephyr's parent?", "zephyr"),
    ("name Vicuna's sister models", "vicuna"),
    ("Alpaca's siblings in the catalog?", "alpaca"),
    ("Zephyr 的兄弟模型有哪些", "zephyr"),
    ("跟 Gemma 是兄弟的模型", "gemma"),
])
def test_siblings_named_from_the_model(full, full_catalog, question, model):
    a = full.ask(question)
    siblings = _children(full_catalog, *full_catalog.models[model].derived_from) - {model}
    assert siblings and set(a.models) == siblings


@pytest.mark.parametrize("question, expected", [
    ("which models were fine-tuned from the first Llama?", "llama"),
    ("list the children of the first Qwen", "qwen"),
    ("which models build on the first Gemma?", "gemma"),
])
def test_an_ordinal_in_a_version_name_ranks_nothing(full, full_catalog, question, expected):
    a = full.ask(question)
    assert a.query.get("superlative") is None
    assert set(a.models) >= _children(full_catalog, expected)


@pytest.mark.parametrize("turns, expected", [
    (("What is Code Llama derived from?", "what's that one built on?"), {"llama"}),
    (("what is Qwen3 based on?", "ok, and what's that model derived from?"), {"qwen2"}),
    (("介绍一下 Gemma", "它有后继模型吗"), {"gemma-2"}),
    (("介绍一下 Qwen2", "有没有接替它的新版本？"), {"qwen2.5"}),
])
def test_a_follow_up_on_the_line_of_the_model_just_named(full, turns, expected):
    a = _last(full, *turns)
    assert a.intent == "lineage" and set(a.models) == expected


@pytest.mark.parametrize("turns, parent, value", [
    (("tell me about Zephyr", "when was its parent released?"), "mistral-7b", "2023"),
    (("介绍一下 Vicuna", "它的父模型有多大？"), "llama", "65"),
    (("tell me about Sparrow", "who built the model it was derived from?"), "chinchilla", "DeepMind"),
])
def test_a_field_of_the_parent_of_the_model_discussed(full, turns, parent, value):
    a = _last(full, *turns)
    # the answer first says which model the parent is (the model discussed, then its parent), then the parent's field
    assert a.query["models"] == [parent] and parent in a.models[:2] and value in a.text


@pytest.mark.parametrize("question, expected", [
    ("cite Code Llama and its base model", {"code-llama", "llama-2"}),
    ("give me the arXiv ids of Orca and of the model it was built on", {"orca", "llama"}),
    ("Who wrote the papers on DeepSeek-R1 and on the model it was trained from?", {"deepseek-r1", "deepseek-v3"}),
])
def test_a_model_and_the_one_it_was_built_on_are_both_asked(full, question, expected):
    a = full.ask(question)
    assert set(a.models) >= expected and a.intent == "citation"


@pytest.mark.parametrize("question, yes, parent", [
    ("Zephyr is a Llama 2 fine-tune, right?", False, "mistral-7b"),
    ("Alpaca is an instruction-tuned LLaMA, yes?", True, "llama"),
    ("Vicuna is a fine-tuned Alpaca, isn't it?", False, "llama"),
])
def test_a_premise_of_lineage_as_a_noun_phrase_is_checked(full, question, yes, parent):
    a = full.ask(question)
    assert a.intent == "lineage" and a.text.startswith("Yes" if yes else "No") and (yes or parent in a.models)


def test_a_premise_naming_a_grandparent_as_the_parent_names_the_parent_between(full):
    a = full.ask("Flamingo is basically a Gopher fine-tune, isn't it?")
    assert a.intent == "lineage" and "chinchilla" in a.models and a.text.startswith("Only indirectly")


@pytest.mark.parametrize("turns, expected", [
    (("tell me about Gopher", "and what was Chinchilla built on?", "how many times larger is that one?"), ["gopher", "chinchilla"]),
    (("tell me about Chinchilla", "what is it based on?", "how much newer is it?"), ["gopher", "chinchilla"]),
    (("介绍一下 Gemma", "它有后继模型吗", "它大了多少？"), ["gemma-2", "gemma"]),
])
def test_by_how_much_compares_the_model_just_named_with_the_one_before(full, turns, expected):
    a = _last(full, *turns)
    assert a.intent == "compare" and set(a.query["models"]) == set(expected)


@pytest.mark.parametrize("turns, expected", [
    (("what are the speech recognition models?", "which of them have open weights?"), {"whisper"}),
    (("explain diffusion models", "which of those are open?"), {"stablediffusion", "glide"}),
])
def test_a_concept_answer_that_lists_models_can_be_narrowed(full, full_catalog, turns, expected):
    a = _last(full, *turns)
    assert set(a.models) <= expected and a.models


@pytest.mark.parametrize("turns", [
    ("what's the licence of Qwen2?", "and the first Qwen?", "which of the two has the more permissive licence?"),
    ("who made Llama 2?", "and Falcon?", "which of the two is more permissive?"),
    ("Gemma 2 的许可证是什么", "那 Gemma 3 呢", "这俩哪个许可更宽松？"),
])
def test_a_pair_weighed_by_openness_after_two_turns(full, turns):
    a = _last(full, *turns)
    assert a.intent == "compare" and len(a.query["models"]) == 2


def test_the_same_lab_said_without_a_model_is_the_lab_of_the_model_discussed(full, full_catalog):
    a = _last(full, "Gemma 是谁做的", "同一家还有哪些开源的模型？")
    labs = set(full_catalog.models["gemma"].org_names)
    google = [e.id for e in full_catalog.models.values() if labs & set(e.org_names) and e.license_class.value == "open"]
    assert a.intent == "list" and "gemma" not in a.models and set(a.models) <= set(google) and a.models


@pytest.mark.parametrize("turns, expected", [
    (("list NVIDIA models", "what licence does the vision one have?"), "global-context-vit"),
    (("which models did DeepMind make?", "when did the protein one come out?"), "alphafold"),
    (("list Mistral AI models", "is the mixture-of-experts one open?"), "mixtral-8x7b"),
])
def test_the_one_of_the_last_list_named_by_a_value(full, turns, expected):
    a = _last(full, *turns)
    assert a.intent == "fact" and a.models[:1] == [expected]


@pytest.mark.parametrize("turns, concept", [
    (("tell me about ELECTRA", "can you explain the training objective it uses?"), "replaced-token-detection"),
    (("tell me about XLNet", "explain the loss that model optimizes"), "plm"),
])
def test_the_objective_named_through_the_model_is_explained(full, turns, concept):
    a = _last(full, *turns)
    assert a.intent == "concept" and a.query["concept"] == concept


@pytest.mark.parametrize("question, expected", [
    ("Sparrow 的父模型是谁", ["chinchilla"]),
    ("GPT-2 的前身是谁", ["gpt"]),
])
def test_who_after_a_parent_noun_asks_for_the_model(full, question, expected):
    a = full.ask(question)
    assert a.intent == "lineage" and a.models == expected


@pytest.mark.parametrize("question, expected", [
    ("the model before GPT-3, GPT-2: how big was it?", "gpt-2"),
    ("the one right after Gemma, Gemma 2 — who made it?", "gemma-2"),
    ("the version that came after Qwen2, Qwen2.5: when was it released?", "qwen2.5"),
])
def test_a_model_named_in_apposition_to_a_description_is_the_subject(full, question, expected):
    a = full.ask(question)
    assert a.query["models"] == [expected] and not a.query["where"]["items"]
