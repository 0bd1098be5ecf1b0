"""Round 25: what a model takes in and gives out is a typed field of the catalog, not a guess from its domains.

- Every entry records ``inputs`` and ``outputs`` (catalog.vocab.Modality); the ``input`` and ``output`` facets filter on
  them, and the ``io`` attribute states them with the entry's own task phrase.
- The modality traits (video input, image output, audio output, image to text) hold by those fields.
- "only" said of an input ("takes only images as input", "purely image input", 只吃图片) is all of the inputs.
- Text given out ("does X output text?", "answers in text", 能输出文字吗) is the output facet: a yes/no says what the
  model gives out instead.

Expected values come from the catalog's own fields.
"""

from __future__ import annotations

import pytest

from catalog.vocab import Modality


def _ids(full, pred):
    return {e.id for e in full.catalog.models.values() if pred(e)}


def _ins(e):
    return {m.value for m in e.inputs}


def _outs(e):
    return {m.value for m in e.outputs}


def test_every_entry_records_what_it_takes_in_and_gives_out(full):
    missing = [e.id for e in full.catalog.models.values() if not e.inputs or not e.outputs]
    assert not missing, missing
    assert {m.value for e in full.catalog.models.values() for m in (*e.inputs, *e.outputs)} <= {m.value for m in Modality}


@pytest.mark.parametrize("question, model", [
    ("what goes into Whisper and what does it produce?", "whisper"),
    ("what kind of data does AlphaFold accept as input", "alphafold"),
    ("input and output of DALL-E 2?", "dall-e-2"),
])
def test_inputs_and_outputs_asked_of_a_model_are_stated(full, question, model):
    answer = full.ask(question)
    e = full.catalog.models[model]
    assert answer.models[:1] == [model], answer.models
    assert "io" in answer.query.get("attributes", []), answer.query
    from assistant.facets import modality_name
    for m in (*e.inputs, *e.outputs):
        assert modality_name(m.value) in answer.text, (m, answer.text[:400])


@pytest.mark.parametrize("question", ["which modalities does GPT-4o accept?", "what input types can Flamingo handle"])
def test_modalities_a_model_takes_in_name_every_input(full, question):
    answer = full.ask(question)
    e = full.catalog.models[answer.models[0]]
    from assistant.facets import modality_name
    assert all(modality_name(m.value) in answer.text for m in e.inputs), answer.text[:400]


@pytest.mark.parametrize("question, model", [
    ("can DALL-E write text as its output?", "dall-e"),
    ("does Stable Diffusion give out text", "stablediffusion"),
    ("does DINOv2 output text", "dinov2"),
])
def test_text_out_asked_of_a_model_that_gives_none_is_a_no(full, question, model):
    answer = full.ask(question)
    assert answer.models[:1] == [model], answer.models
    assert answer.text.startswith("No"), answer.text[:300]
    assert any(c.get("facet") == "output" and c.get("values") == ["text"] for c in answer.query["where"]["items"]), answer.query


def test_text_out_asked_of_a_model_that_writes_text_is_a_yes(full):
    answer = full.ask("does Flamingo output text?")
    assert answer.text.startswith("Yes"), answer.text[:300]


def test_a_text_out_question_in_chinese_is_the_output_facet(full):
    answer = full.ask("DALL-E 2 能输出文本吗")
    assert any(c.get("facet") == "output" and c.get("values") == ["text"] for c in answer.query["where"]["items"]), answer.query
    assert answer.text.startswith("不"), answer.text[:200]


@pytest.mark.parametrize("question", ["models taking only pictures as input", "which models accept just images",
                                      "哪些模型只接受图片"])
def test_only_images_in_is_every_input_an_image(full, question):
    answer = full.ask(question)
    want = _ids(full, lambda e: _ins(e) == {"image"})
    assert want and set(answer.models) == want, (sorted(answer.models), sorted(want))


def test_images_taken_in_leave_out_text_to_image_generators(full):
    answer = full.ask("list every model that accepts images")
    want = _ids(full, lambda e: "image" in _ins(e))
    assert set(answer.models) == want, sorted(set(answer.models) ^ want)
    assert "imagen" not in answer.models and "stablediffusion" not in answer.models


def test_no_text_taken_in_is_the_negated_input(full):
    answer = full.ask("which models have no text input at all?")
    want = _ids(full, lambda e: "text" not in _ins(e))
    assert set(answer.models) == want, sorted(set(answer.models) ^ want)


def test_answers_in_text_are_the_models_whose_outputs_include_text(full):
    answer = full.ask("models that look at a picture and reply in text, paper and additions")
    assert set(answer.models) <= _ids(full, lambda e: "text" in _outs(e) and "image" in _ins(e)), answer.models
    assert "cm3" in answer.models, answer.models  # draws images too, and writes captions: text is among its outputs


@pytest.mark.parametrize("trait, ins, outs", [
    ("video-input", {"video"}, set()), ("image-output", set(), {"image"}), ("audio-output", set(), {"audio"}),
    ("image-to-text", {"image"}, {"text"}),
])
def test_modality_traits_hold_by_the_recorded_fields(full, trait, ins, outs):
    from assistant.facets import FACETS
    have = _ids(full, lambda e: trait in FACETS["trait"].values(e))
    want = _ids(full, lambda e: ins <= _ins(e) and outs <= _outs(e))
    assert have == want and want, (trait, sorted(have ^ want))


@pytest.mark.parametrize("question, facet, values, every", [
    ("models able to accept both audio and video", "input", {"audio", "video"}, True),
    ("which models give out text as well as images", "output", {"text", "image"}, True),
    ("models that take images or audio as input", "input", {"image", "audio"}, False),
    ("models whose inputs contain video", "input", {"video"}, True),
    ("哪些模型的输出包括图像", "output", {"image"}, True),
])
def test_kinds_of_data_listed_are_the_input_or_output_facet(full, question, facet, values, every):
    answer = full.ask(question)
    got = [c for c in answer.query["where"]["items"] if c.get("facet") == facet]
    assert got and set(got[0]["values"]) == values, answer.query
    key = _ins if facet == "input" else _outs
    want = _ids(full, (lambda e: values <= key(e)) if every else (lambda e: values & key(e)))
    assert set(answer.models) == want, (sorted(answer.models), sorted(want))


@pytest.mark.parametrize("question, attribute_words", [
    ("what's the input of DINOv2", ["images"]),
    ("which inputs does Gemini 1.5 support?", ["video", "audio"]),
    ("what data types does Flamingo work with", ["video", "images"]),
    ("Claude 3 支持哪些输入", ["图像"]),
])
def test_the_inputs_asked_as_a_thing_of_the_model_are_stated(full, question, attribute_words):
    answer = full.ask(question)
    assert "io" in answer.query.get("attributes", []), answer.query
    assert all(w in answer.text for w in attribute_words), answer.text[:300]


def test_a_modality_trait_denied_says_what_goes_in_and_out(full):
    answer = full.ask("can CLIP generate speech?")
    assert answer.text.startswith("No") and "gives out embeddings" in answer.text, answer.text[:300]


@pytest.mark.parametrize("question, model", [("DINOv2 outputs what", "dinov2"), ("and Imagen gives out what?", "imagen")])
def test_what_said_after_the_verb_asks_the_inputs_and_outputs(full, question, model):
    answer = full.ask(question)
    assert answer.models[:1] == [model] and "io" in answer.query.get("attributes", []), answer.query


def test_captions_written_are_text_from_images(full):
    answer = full.ask("is DALL-E able to write captions?")
    assert answer.text.startswith("No") and "gives out images" in answer.text, answer.text[:300]
    answer = full.ask("哪些模型能把图像转成文字")
    want = _ids(full, lambda e: "image" in _ins(e) and "text" in _outs(e))
    assert set(answer.models) == want, sorted(set(answer.models) ^ want)
