"""What a model takes in and gives out (round 23), in wordings of their own (English and Chinese):

- a picture looked at and talked about in text ("look at a photo and describe what is in it", "answer questions about
  pictures", "a picture goes in and text comes back", 看图回答问题, 图片进、文字出): the image-to-text reading (the entries
  whose own words say images go in and text comes out), not every vision-language model (the image generators);
- both directions asked at once ("caption images and also draw them from text", 既能看图写描述又能根据文字画图): the
  image-to-text reading and image generation together, each required;
- images given together with text ("pictures along with a text prompt", "photos alongside text"): vision-language, not
  the vision models that take images alone;
- audio taken in ("take audio as input", "accept sound input"): the speech domain, not speech recognition as a training
  objective;
- images alone and no text ("only handle images, no text at all", 完全不涉及文本的纯视觉模型): vision as the one domain;
- vectors given out instead of text in Chinese (输出的是向量而不是文字): the embeddings domain;
- a no on what a model takes in or gives out ("can CLIP draw pictures?", "can T5 look at photos?", BERT 能画图吗): the
  verdict says what the model is for instead (its application) and, for a text-only model, that it is text-only; a
  Chinese question of ability (能 / 可以) is answered 不能.

Each test reads its wordings through one answer each (no search index).
"""

from __future__ import annotations

import pytest

from assistant.query import leaves


def _where(q):
    return sorted((c.facet, c.op.value, tuple(sorted(c.values)), neg) for c, neg in leaves(q.where))


IMAGE_TO_TEXT = ("trait", "all", ("image-to-text",), False)


@pytest.mark.parametrize("q", [
    "which models can look at a photo and describe what is in it?",
    "models able to answer questions about pictures",
    "which models take a picture in and give text back?",
    "list models that view an image and then describe it in words",
    "能看图回答问题的模型有哪些",
    "图片进、文字出的模型有哪些",
    "哪些模型能看懂照片并写出描述",
])
def test_a_picture_read_and_talked_about_in_text_is_image_to_text(full, q):
    w = _where(full._understand(q))
    assert IMAGE_TO_TEXT in w and not any(f == "domain" and not neg for f, _, _, neg in w), (q, w)


def test_image_to_text_before_a_date_leaves_out_the_image_generators(full):
    a = full.ask("models from before 2023 that can see a picture and explain it or answer questions about it")
    want = {e.id for e in full.catalog.models.values() if e.date.year < 2023
            and "image" in {m.value for m in e.inputs} and "text" in {m.value for m in e.outputs}}
    assert {"cm3", "flamingo", "gato"} <= want and not want & {"dall-e", "dall-e-2", "glide", "imagen", "clip"}
    assert set(a.models) == want, a.models


@pytest.mark.parametrize("q", [
    "which models can both caption images and draw images from text?",
    "有没有既能给图片写说明、又能根据文字画图的模型",
])
def test_both_directions_at_once_need_each(full, q):
    a = full.ask(q)
    assert a.models == ["cm3"], (q, a.models, _where(full._understand(q)))


@pytest.mark.parametrize("q", [
    "which models accept pictures along with a text prompt?",
    "models that take photos alongside text",
])
def test_images_given_with_text_are_vision_language(full, q):
    w = _where(full._understand(q))
    assert ("domain", "in", ("vision-language",), False) in w and ("domain", "in", ("vision", "vision-language"), False) not in w, (q, w)


@pytest.mark.parametrize("q", ["which models can take audio as input?", "models that accept sound input",
                               "which of the additions take in audio?"])
def test_audio_taken_in_is_the_speech_domain_alone(full_assistant, q):
    w = _where(full_assistant._understand(q))  # with the search index: no paraphrase of "take ... as input" either
    assert ("domain", "in", ("speech",), False) in w and not any(f == "objective" for f, *_ in w), (q, w)


@pytest.mark.parametrize("q", ["which models only handle images, with no text at all?", "完全不涉及文本的纯视觉模型有哪些",
                               "只处理图像、不涉及文本的模型"])
def test_images_alone_and_no_text_is_vision_alone(full, q):
    a = full.ask(q)
    assert set(a.models) == {"vit", "swin-transformer", "global-context-vit", "dinov2", "sam"}, (q, a.models, _where(full._understand(q)))


def test_vectors_given_out_instead_of_text_in_chinese_are_embeddings(full):
    for q in ["哪些模型输出的是向量而不是文字", "输出向量、不生成文本的模型"]:
        w = _where(full._understand(q))
        assert ("domain", "in", ("embeddings",), False) in w and not any(f == "objective" for f, *_ in w), (q, w)


def test_a_no_on_a_modality_says_what_the_model_is_for(full):
    a = full.ask("can CLIP draw pictures?")
    assert a.text.startswith("No") and "classification" in a.text.split("Read as")[0], a.text[:300]
    a = full.ask("can T5 look at photos?")
    assert a.text.startswith("No") and "text-only" in a.text.split("Read as")[0], a.text[:300]
    a = full.ask("BERT 能画图吗")
    assert a.text.startswith("不能"), a.text[:300]
    a = full.ask("CLIP 可以生成图片吗")
    assert a.text.startswith("不能") and "classification" in a.text.split("理解为")[0], a.text[:300]
    a = full.ask("Gemma 3 能看图吗")  # a yes keeps its verdict and its quote
    assert a.text.startswith("是"), a.text[:300]


@pytest.mark.parametrize("q", ["which models can categorise pictures?", "models that classify photos, before 2023",
                               "哪些模型能对图像进行分类"])
def test_classifying_pictures_is_the_image_classification_objective(full, q):
    """A verb of putting pictures in classes reads as supervised image classification (the catalog's gold convention:
    CLIP's zero-shot matching is asked as such)."""
    w = _where(full._understand(q))
    assert any(f == "objective" and "image-classification" in v and not neg for f, _, v, neg in w), (q, w)
    assert "vit" in full.ask(q).models and "clip" not in full.ask(q).models


def test_the_objective_named_or_zero_shot_stays_one_way(full):
    assert set(full.ask("which models are trained with supervised image classification?").models) == {
        "vit", "swin-transformer", "global-context-vit"}
    assert full.ask("which models can classify images zero-shot?").models == ["clip"]


def test_input_and_output_asked_quote_the_entry_words(full):
    for q in ["what goes into AlphaFold and what comes out?", "AlphaFold 的输入和输出分别是什么"]:
        a = full.ask(q)
        assert "amino-acid sequence" in a.text.split("Read as")[0].split("理解为")[0], (q, a.text[:400])
    assert "amino-acid" not in full.ask("what is AlphaFold used for?").text


@pytest.mark.parametrize("q", ["models that turn an image into a text description", "image input, text output models",
                               "图片输入、文本输出的模型", "能根据图片回答问题的模型"])
def test_image_in_and_text_out_in_other_words(full, q):
    w = _where(full._understand(q))
    assert IMAGE_TO_TEXT in w and not any(f == "domain" and not neg for f, _, _, neg in w), (q, w)


def test_the_speech_domain_is_named_in_chinese(full):
    a = full.ask("LLaMA 可以处理语音吗")
    lead = a.text.split("理解为")[0]
    assert a.text.startswith("不能") and "语音" in lead and "speech" not in lead and "只处理文本" in lead, a.text[:300]


@pytest.mark.parametrize("question", ["哪些模型会画画", "能作画的模型有哪些", "绘图模型有哪些"])
def test_chinese_verbs_of_drawing_are_image_generation(full, question):
    answer = full.ask(question)
    items = answer.query["where"]["items"]
    assert any(c.get("facet") == "domain" and c.get("values") == ["image-generation"] for c in items), items
    want = {e.id for e in full.catalog.models.values() if any(d.value == "image-generation" for d in e.domains)}
    assert want and set(answer.models) <= want and want & set(answer.models), answer.models


@pytest.mark.parametrize("question", ["which models can output audio?", "models with speech output", "能输出语音的模型有哪些"])
def test_audio_given_out_is_read_from_the_entries_own_words(full, question):
    answer = full.ask(question)
    items = answer.query["where"]["items"]
    assert any(c.get("facet") == "trait" and c.get("values") == ["audio-output"] for c in items), items
    # only an entry whose application says audio comes out: speech recognition takes audio in and writes text
    assert answer.models == ["gpt-4o"], answer.models


@pytest.mark.parametrize("question, verdict", [
    ("can Whisper generate speech?", "No"), ("Whisper 能生成语音吗", "不能"), ("can GPT-4o produce audio?", "Yes")])
def test_an_ability_to_give_out_audio_asked_yes_or_no(full, question, verdict):
    answer = full.ask(question)
    assert answer.text.startswith(verdict), answer.text[:200]
