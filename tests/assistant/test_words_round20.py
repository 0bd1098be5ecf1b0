"""Kinds of question in plain words, each in wordings other people would type (English and Chinese):

- images taken in as input ("take images as input", "can it read pictures?", 能输入图片吗): the models that see, vision and
  vision-language ones alike; asked of one model it is a yes / no, with the verdict said (a word that names several
  values is one condition, not a choice between them).

Each test reads its wordings through one answer each (no search index).
"""

from __future__ import annotations

from assistant.query import leaves


def _domains(q):
    return {v for c, neg in leaves(q.where) if c.facet == "domain" and not neg for v in c.values}


SEE = {"vision", "vision-language"}


def test_images_taken_in_is_vision_or_vision_language(full):
    cases = ["which models can take pictures as input?", "list the models that read images",
             "models able to ingest photos", "which of the additions accept an image as input?",
             "能输入图片的模型有哪些", "哪些模型可以接收图像输入"]
    bad = [(q, got) for q in cases if (got := _domains(full._understand(q))) != SEE]
    assert not bad, bad


def test_open_models_that_take_images(full, full_catalog):
    a = full.ask("which open-weight models can take images in?")
    want = {e.id for e in full_catalog.models.values() if e.license_class.value == "open"
            and {d.value for d in e.domains} & SEE}
    assert set(a.models) == want, a.models


def test_does_one_model_take_images_is_a_verdict(full):
    cases = [("Can LLaVA read images?", "Yes"), ("Does Claude 3 take pictures as input?", "Yes"),
             ("Is Llama 3 able to take images as input?", "No"), ("Does CLIP accept image inputs?", "Yes"),
             ("Does T5 take image input?", "No"), ("Gemini 1.5 能输入图片吗", "是"), ("BERT 可以接收图像输入吗", "不")]
    bad = [(q, a.text[:120]) for q, want in cases if not (a := full.ask(q)).text.startswith(want)]
    assert not bad, bad


def test_a_choice_between_values_is_still_answered_by_the_value(full):
    a = full.ask("Is BERT an encoder or a decoder?")
    assert not a.text.startswith(("Yes", "No")) and "encoder" in a.text


def test_seeing_images_and_reading_text_stays_vision_language(full):
    q = full._understand("which models can see images and read text?")
    assert _domains(q) <= {"vision-language"}, q.where  # never the intake reading of "see images" alone


def test_text_and_images_taken_in_together_is_vision_language(full):
    cases = ["models that take text and images as input", "which models accept images and text together?",
             "list models that read both images and text"]
    bad = [(q, got) for q in cases if (got := _domains(full._understand(q))) != {"vision-language"}]
    assert not bad, bad


def test_an_acronym_asked_to_be_spelled_out_gives_the_recorded_names(full):
    cases = [("what does the abbreviation ELECTRA mean?", "Efficiently Learning"),
             ("the acronym BLOOM - what does it mean?", "BigScience Large"),
             ("what does the acronym RoBERTa mean", "Robustly optimized"),
             ("what does BLOOM mean as an acronym?", "BigScience Large"),
             ("BLOOM 这个缩写是什么意思", "BigScience Large")]
    bad = [(q, a.text[:120]) for q, want in cases if want not in (a := full.ask(q)).text]
    assert not bad, bad


def test_a_count_of_training_examples_is_the_corpus(full):
    cases = [("how many image-text pairs did CLIP learn from in training?", "400M"),
             ("How many images was DINOv2 pre-trained on?", "142M"),
             ("how many pairs was CLIP trained with", "400M"),
             ("how many masks was SAM trained with?", "1.1B")]
    bad = [(q, a.text[:120]) for q, want in cases if want not in (a := full.ask(q)).text]
    assert not bad, bad


def test_learning_to_see_images_is_a_description_not_the_intake(full):
    q = full._understand("which model was taught to see images without any labels, by matching a copy of itself?")
    assert _domains(q) != SEE, q.where
