"""A question that identifies a model by describing what it does, in words no catalog field holds, is answered
by the model whose own catalog text (summary, key points, corpus, notes) the description singles out; the reading
line quotes the words it was identified by. Models named inside the description are words of it, never its
subject nor an unknown model; a description that is a field value keeps its exact typed filter; a weak match
changes nothing."""

from __future__ import annotations

import pytest

from assistant import Session
from assistant.query import Intent, leaves


@pytest.mark.parametrize("question, model", [
    ("which model squeezes the key-value cache into a small latent vector to save memory?", "deepseek-v2"),
    ("the model that compresses keys and values into a latent vector so its inference cache shrinks", "deepseek-v2"),
    ("is there a model where one set of weights can either think step by step or answer quickly, and you switch "
     "between the two?", "qwen3"),
    ("the one where an LLM keeps rewriting seed instructions into harder and more varied ones to build training data "
     "- which model?", "wizardlm"),
    ("which model was tuned on instructions that another language model evolved to be deeper and broader?", "wizardlm"),
    ("a small code model trained mostly on 'textbook quality' and synthetic exercise data instead of huge scraped corpora",
     "phi-1"),
    ("which coding model was trained in four days on eight A100s using curated textbook-like data?", "phi-1"),
    ("which LLMs released everything - data, training code, logs and hundreds of intermediate checkpoints?", "olmo"),
    ("which model was trained to imitate GPT-4's step-by-step explanations, with ChatGPT as a middle teacher?", "orca"),
    ("which chat model hooks a CLIP image encoder into a language model with just a small projection layer and then "
     "tunes on GPT-4-written image instructions?", "llava"),
    ("which model connects CLIP to Vicuna?", "llava"),
    ("Which models were trained to tell whether two consecutive chunks of text are in their real order or flipped?",
     "albert"),
    ("a model whose generated text is steered by control codes for style and topic", "ctrl"),
    ("which model pairs a Mistral 7B backbone with DPO on UltraFeedback?", "zephyr"),
    ("which vision-language model feeds CLIP features through a projection into Vicuna and is tuned on GPT-4 generated "
     "data?", "llava"),
    ("which model mixes Mamba blocks with attention and mixture-of-experts layers?", "jamba"),
    ("which model was trained on a curated scientific corpus with special tokens for citations and step-by-step working "
     "memory?", "galactica"),
    ("which encoder keeps separate vectors for a token's content and its relative position in attention?", "deberta"),
])
def test_a_described_model_is_identified_from_its_entry(full_assistant, question, model):
    a = full_assistant.ask(question, Session())
    assert a.models == [model] and not a.abstained
    assert a.query["identified"] == [model] and a.query["described"]
    reading = next(line for line in a.text.splitlines() if line.startswith("*Read as"))
    assert "identified by its description" in reading and a.query["described"][:40] in reading  # the words, quoted


@pytest.mark.parametrize("question, mentioned", [
    ("which model connects CLIP to Vicuna?", {"clip", "vicuna"}),
    ("is there a model where one set of weights can either think step by step or answer quickly, and you switch "
     "between the two?", {"switch"}),
    ("which model was trained to imitate GPT-4's step-by-step explanations, with ChatGPT as a middle teacher?",
     {"gpt-4", "chatgpt"}),
    ("which chat model hooks a CLIP image encoder into a language model with just a small projection layer and then "
     "tunes on GPT-4-written image instructions?", {"clip"}),
    ("which model pairs a Mistral 7B backbone with DPO on UltraFeedback?", {"mistral-7b"}),
    ("which vision-language model feeds CLIP features through a projection into Vicuna and is tuned on GPT-4 generated "
     "data?", {"clip", "vicuna", "gpt-4"}),
])
def test_a_model_named_inside_a_description_is_not_the_subject(full_assistant, question, mentioned):
    q = full_assistant.understander.understand(question)
    assert q.intent is Intent.LIST and not q.models and not q.unknown_names and not q.unrecorded
    assert mentioned <= set(q.references) and q.described


@pytest.mark.parametrize("question, facet, value", [
    ("models where groups of query heads share one key/value head so the cache you keep during generation gets smaller",
     "trait", "grouped-query-attention"),
    ("which models send each token through only a couple of specialist sub-networks picked by a router, so most of "
     "the weights sit idle for any one token?", "trait", "mixture-of-experts"),
    ("the model whose pretraining masks entire key sentences and makes it generate them, a lot like summarizing",
     "objective", "gap-sentence-generation"),
    ("models that learned by copying the outputs of a bigger teacher model", "objective", "knowledge-distillation"),
    ("which models use masked language modeling", "objective", "mlm"),
])
def test_a_described_field_value_keeps_its_typed_filter(full_assistant, question, facet, value):
    a = full_assistant.ask(question, Session())
    assert not a.query["identified"]
    q = full_assistant.understander.understand(question)
    assert (facet, value) in {(c.facet, str(v)) for c, neg in leaves(q.where) if not neg for v in c.values}


@pytest.mark.parametrize("question", ["what is the best pizza in Naples?", "which model is the best at chess?",
                                      "which models were derived from LLaMA?", "which model is bigger, GPT-3 or PaLM?"])
def test_no_description_or_a_weak_one_changes_nothing(full_assistant, question):
    a = full_assistant.ask(question, Session())
    assert not a.query["identified"]


def test_a_described_model_is_the_subject_of_the_next_turn(full_assistant):
    s = Session()
    full_assistant.ask("which model connects CLIP to Vicuna?", s)
    assert full_assistant.ask("who made it?", s).models == ["llava"]


def test_identifying_a_described_model_costs_no_extra_encode(full_assistant, monkeypatch):
    """The search for the described model reuses the vector the paraphrase matcher computed for the same words:
    the question costs one MiniLM encode, as a plain-words question always did."""
    embedder = full_assistant.search.embedder
    full_assistant.understander.paraphraser._vectors()  # the descriptions' vectors, computed once per process
    encoded: list[str] = []
    real = embedder.encode
    monkeypatch.setattr(embedder, "encode", lambda texts, **kw: encoded.extend(texts) or real(texts, **kw))
    answer = full_assistant.ask("which model crams its keys and values into one small latent vector so the cache it keeps "
                                "during generation is tiny?", Session())
    assert answer.models == ["deepseek-v2"] and len(encoded) == 1, encoded


@pytest.mark.parametrize("question", ["models that encode position by rotating the query and key vectors",
                                      "the model that compresses keys and values into a latent vector",
                                      "a model that squeezes its cache and encodes text"])
def test_a_regular_form_of_an_english_word_is_no_typo(plain, question):
    """"encode" is no misspelt "encoder" (the word list holds "encoded"), "compresses" no misspelt "compressed"."""
    q = plain.understander.understand(question)
    assert not q.corrections and "architecture" not in q.facets()


@pytest.mark.parametrize("question", ["which models use maskd language modeling?", "wich modles use sparce atention"])
def test_real_typos_are_still_corrected(plain, question):
    assert plain.understander.understand(question).corrections


@pytest.mark.parametrize("question, facet, value", [
    ("Which model was pretrained by removing whole important sentences from a document and having the decoder write "
     "them back?", "objective", "gap-sentence-generation"),
    ("which models were aligned by just showing them pairs of a better and a worse answer and training on that "
     "directly, without fitting a separate reward model or doing RL sampling?", "objective", "dpo"),
])
def test_a_literal_word_inside_a_description_gives_way_to_its_meaning(full_assistant, question, facet, value):
    """"the decoder" and "RL" are words of the description; no model has both them and the described objective."""
    q = full_assistant.understander.understand(question)
    assert {(c.facet, str(v)) for c, neg in leaves(q.where) if not neg for v in c.values} == {(facet, value)}


@pytest.mark.parametrize("question", ["which chat assistants released after the paper can also take pictures as input?",
                                      "chat assistants that also accept images as input",
                                      "assistants added since the paper that can see pictures"])
def test_a_tie_between_readings_by_meaning_is_settled_by_the_literal_ones(full_assistant, question):
    """"take pictures as input" is as close to image generation as to multimodal; no assistant generates images."""
    a = full_assistant.ask(question, Session())
    assert {"llava", "gpt-4o", "gemini-1.5"} <= set(a.models) and "zephyr" not in a.models


@pytest.mark.parametrize("question", [
    "which of the models added after the paper got that reinforcement-learning-from-people's-preferences step?",
    "models trained with reinforcement learning from people's feedback",
    "which models use reinforcement learning from human preferences?",
])
def test_reinforcement_learning_from_people_is_rlhf(full_assistant, question):
    """The training method, not the RL application domain."""
    q = full_assistant.understander.understand(question)
    values = {(c.facet, str(v)) for c, neg in leaves(q.where) if not neg for v in c.values}
    assert ("objective", "rlhf") in values and ("domain", "reinforcement-learning") not in values
