"""Kinds of multi-hop, premise and follow-up question, in wordings other people would type:

- a causal "since" clause whose assertion the catalog cannot read ("since BLOOM only covers English"):
  the clause is no date bound ("since" is not "after"); the model it names is the subject of the question that follows
  (a release verb in the clause keeps "since" temporal: "since GPT-3 came out, which models ...");
- a parent said as a part noun after a model ("uses a GPT-4 backbone", "sits on a T5 base", "with a LLaMA base
  model"): a lineage ("derived from GPT-4"), checked as a premise when the clause states it of a model;
- a parent named as the object of its child's active verb ("the model BLOOMZ fine-tunes", "the network Vicuna
  tunes", "the checkpoint Alpaca adapts"): the parent, whose field is asked;
- a follow-up naming another lab in place of the last set question's lab ("what about the ones from OpenAI?" after
  DeepMind's RLHF models): the lab swapped, the rest of the set kept, no narrowing to the last answer;
- a field of a model's child ("the child of Phi-3", "Megatron's spin-off", "Gemma's child model"): the child's field;
- a follow-up asking whether the model discussed got a successor ("did they put out a sequel?", "is there a newer
  version of that model?", "他们后来出了后续模型吗"): the models derived from it;
- a question corrected midway ("..., sorry, I meant RoBERTa?", "... scratch that, what's X's license?"): the question
  asked again, or the model named in place of the last one named before the correction;
- the parent two named models have in common ("what did A and B both build on?", "what base model do they share?",
  "都是基于哪个模型"): their lineage, not a comparison of the two;
- the domains of a model asked ("what domain does X cover?", "which modalities does the base model of LLaVA handle?",
  "属于哪个领域"): its recorded domains, a field of its own (a hop reaches it too);
- a capability to see ("with vision capability", "vision-capable", "视觉能力"): vision and vision-language models alike;
- the parent of the model a demonstrative names, no field asked ("and that one's own base model?", "the parent of that
  one?"): the lineage of that model (the previous answer's model), not its facts.

Expected sets come from the catalog's own fields and derived-from links.
"""

from __future__ import annotations

import pytest

from assistant.session import Session


def _ask(assistant, question: str, history=()):
    session = Session()
    for turn in history:
        assistant.ask(turn, session)
    return assistant.ask(question, session)


@pytest.mark.parametrize("question, model, value", [
    ("since PaLM only handles English, how big is it?", "palm", "540B"),
    ("since Galactica got pulled after three days, who made it?", "galactica", "Meta"),
    ("Since Chinchilla is tiny, who built it?", "chinchilla", "DeepMind"),
    ("Since Whisper works only on English, when did it come out?", "whisper", "2022"),
])
def test_a_causal_clause_is_no_date_bound(full, question, model, value):
    a = full.ask(question)
    assert model in a.models and value.lower() in a.text.lower(), (question, a.models, a.text[:300])
    assert not any(c.get("facet") == "date" for c in a.query["where"]["items"]), a.query["where"]


def test_a_release_clause_keeps_since_temporal(full):
    a = full.ask("Since GPT-3 came out, which Google models were released?")
    assert any(c.get("facet") == "date" for c in a.query["where"]["items"]), a.query["where"]


@pytest.mark.parametrize("question, model, wrong, parent", [
    ("Given that Zephyr runs on a LLaMA backbone, how big is it?", "zephyr", "llama", "mistral-7b"),
    ("Since Alpaca sits on a GPT-3 base, who made it?", "alpaca", "gpt-3", "llama"),
    ("Vicuna uses a T5 base model, right? when was it released", "vicuna", "t5", "llama"),
])
def test_a_parent_said_as_a_part_noun_is_a_lineage_premise(full, question, model, wrong, parent):
    a = full.ask(question)
    assert a.query["models"] == [model], (question, a.query["models"])
    assert [p["constraint"]["values"] for p in a.query["premises"] if p["constraint"]["facet"] == "derived"] == [[wrong]], a.query["premises"]
    assert parent in a.models, (question, a.models)


def test_a_part_noun_lineage_in_a_list(full, full_catalog):
    a = full.ask("which models use a Mistral 7B backbone?")
    expected = {e.id for e in full_catalog.models.values() if "mistral-7b" in e.derived_from}
    assert set(a.models) == expected, (a.models, expected)


@pytest.mark.parametrize("question, parent, value", [
    ("Who built the model Vicuna fine-tunes?", "llama", "Meta"),
    ("How large is the network that Alpaca tunes?", "llama", "65B"),
    ("what license does the model Zephyr adapts have?", "mistral-7b", "Apache"),
    ("When did the checkpoint Code Llama extends come out?", "llama-2", "2023"),
])
def test_a_parent_as_the_object_of_its_childs_verb(full, question, parent, value):
    a = full.ask(question)
    assert a.query["models"] == [parent], (question, a.query["models"])
    assert value.lower() in a.text.lower(), (question, a.text[:300])


@pytest.mark.parametrize("history, question, lab, kept", [
    (["decoder models from Google?"], "and the ones from Meta?", "Meta", "architecture"),
    (["which models did DeepMind train with RLHF?"], "how about the ones OpenAI made?", "OpenAI", "objective"),
    (["which encoders did Meta build?"], "ok, and the ones by Google?", "Google", "architecture"),
])
def test_a_follow_up_swaps_the_lab(full, history, question, lab, kept):
    a = _ask(full, question, history)
    assert a.query["within"] is None, (question, a.query["within"])
    facets = {c.get("facet"): c for c in a.query["where"]["items"]}
    assert facets["lab"]["values"] == [lab] and kept in facets, a.query["where"]
    assert a.models, a.text[:200]


@pytest.mark.parametrize("question, child, value", [
    ("Which lab released the child of Phi-3?", "phi-4", "Microsoft"),
    ("What license does Gemma's child model have?", "gemma-2", "Gemma"),
    ("what architecture does Megatron's spin-off use?", "mt-nlg", "decoder"),
    ("Who made Qwen's successor model?", "qwen2", "Alibaba"),
])
def test_a_field_of_a_models_child(full, question, child, value):
    a = full.ask(question)
    assert a.models == [child] and value.lower() in a.text.lower(), (question, a.models, a.text[:300])


@pytest.mark.parametrize("history, question, child", [
    (["Who built StarCoder?"], "did they put out a sequel?", "starcoder2"),
    (["Tell me about Gemma 2"], "is there a newer version of that model?", "gemma-3"),
    (["when did Qwen come out?"], "Has the team made a follow-up since?", "qwen2"),
    (["DeepSeek-V2 是哪家做的？"], "他们后来出了后续模型吗？", "deepseek-v3"),
])
def test_a_follow_up_asking_for_the_successor(full, history, question, child):
    a = _ask(full, question, history)
    assert child in a.models, (question, a.models, a.text[:300])


@pytest.mark.parametrize("history, question, grandparent", [
    (["What is Zephyr?", "what was it fine-tuned from?"], "what about the parent of that one?", None),
    (["Tell me about Code Llama", "what is it based on?"], "and that one's own base model?", "llama"),
    (["Who made LLaVA?", "Which model is LLaVA derived from?"], "what did that model come from in turn?", None),
])
def test_the_parent_of_the_model_an_answer_named(full, full_catalog, history, question, grandparent):
    a = _ask(full, question, history)
    assert a.query["intent"] == "lineage", (question, a.query["intent"])
    if grandparent:
        assert grandparent in a.models, (question, a.models)


@pytest.mark.parametrize("question, model, value", [
    ("Who built BERT, sorry, I meant RoBERTa?", "roberta", "Washington"),
    ("When was Alpaca released — no wait, I mean when was Vicuna released?", "vicuna", "March 2023"),
    ("what's the license of Llama 2... scratch that, what's Mistral 7B's license?", "mistral-7b", "Apache"),
    ("Which lab made the parent of Zephyr — wait, I mean the parent of Alpaca?", "llama", "Meta"),
])
def test_a_question_corrected_midway(full, question, model, value):
    a = full.ask(question)
    assert model in a.models and value.lower() in a.text.lower(), (question, a.models, a.text[:300])


@pytest.mark.parametrize("question, parent", [
    ("Which model do Alpaca and Vicuna have in common as a parent?", "llama"),
    ("Zephyr and Mixtral: what base model do they share?", "mistral-7b"),
    ("What did RoBERTa and ALBERT both build on?", "bert"),
    ("Vicuna 和 Alpaca 都是基于哪个模型？", "llama"),
])
def test_the_parent_two_models_have_in_common(full, question, parent):
    a = full.ask(question)
    assert a.query["intent"] == "lineage" and a.models == [parent], (question, a.query["intent"], a.models)


@pytest.mark.parametrize("question, model, value", [
    ("What domains does Zephyr's parent cover?", "mistral-7b", "text"),
    ("what's the domain of Whisper?", "whisper", "speech"),
    ("Which modalities does the base model of LLaVA handle?", "vicuna", "dialogue"),
    ("LLaVA 属于哪个领域？", "llava", "视觉-语言"),
])
def test_the_domains_of_a_model_asked(full, question, model, value):
    a = full.ask(question)
    assert "domains" in a.query["attributes"] and model in a.models and value in a.text, (question, a.models, a.text[:300])


@pytest.mark.parametrize("question", [
    "list vision-capable models from Google",
    "the smallest model with visual capabilities",
    "open models that have image capabilities",
    "有视觉能力的模型里哪个最大？",
])
def test_a_capability_to_see_takes_vision_language_models_too(full, question):
    a = full.ask(question)
    domains = [c["values"] for c in a.query["where"]["items"] if c.get("facet") == "domain"]
    assert domains == [["vision", "vision-language"]], (question, a.query["where"])
