"""What goes into a model and what comes out of it, in wordings of their own (English and Chinese):

- images given out ("can give back pictures", 可以输出图像): the entries whose own words say images come out (the
  text-to-image generators, and GPT-4o's "text, audio and image out"), never the vision models that only read them;
- images read and text written ("read a photo and write a caption", "image in, text out", 图生文): the entries whose
  application says so (captioning, image-to-text, visual question answering), not CLIP nor the image generators;
- "more than one modality" (支持不止一种模态): the catalog's multimodal tag, not a count of domain tags;
- a list of what is handled at once ("deals with text, pictures and audio together", 同时处理文字、图片和音频): each part
  held, text and pictures together being vision-language;
- actions or vectors given out "instead of text": the output's domain, and text said as what is not produced is no
  domain (Gato writes text too and stays in);
- the hardware a run used, asked in Chinese (用什么硬件训练): an unrecorded fact, so the answer abstains.

Each test reads its wordings through one answer each (no search index).
"""

from __future__ import annotations

from assistant.query import leaves


def _where(q):
    return sorted((c.facet, c.op.value, tuple(sorted(c.values)), neg) for c, neg in leaves(q.where))


def _stated(cat, value):
    """The entries the trait facet gives the value (the modality traits hold by the inputs and outputs fields)."""
    from assistant.facets import FACETS
    return {e.id for e in cat.models.values() if value in FACETS["trait"].values(e)}


def test_images_given_out_are_the_entries_that_say_images_come_out(full, full_catalog):
    want = _stated(full_catalog, "image-output")
    assert {"gpt-4o", "dall-e", "imagen", "stablediffusion"} <= want and not want & {"clip", "vit", "llava", "flamingo"}
    for q in ["which models can give back pictures? whole catalog", "models able to output an image, paper and additions",
              "哪些模型可以输出图像（包括新增的）"]:
        a = full.ask(q)
        assert set(a.models) == want, (q, sorted(set(a.models) ^ want))
    a = full.ask("among the additions, which ones output pictures?")
    assert a.models == ["gpt-4o"], a.models


def test_images_read_and_text_written_are_image_to_text(full, full_catalog):
    want = _stated(full_catalog, "image-to-text")
    assert {"flamingo", "cm3", "gato", "llava", "gemma-3"} <= want and not want & {"clip", "dall-e", "dall-e-2", "imagen", "vit"}
    for q in ["which models read a photo and write a caption for it?", "image in, text out models",
              "models that can see an image and generate a description", "图生文的模型有哪些"]:
        assert ("trait", "all", ("image-to-text",), False) in _where(full._understand(q)), (q, _where(full._understand(q)))


def test_more_than_one_modality_is_the_multimodal_tag(full):
    for q in ["models that work with several modalities", "which ones cover two or more modalities?",
              "any Google models spanning multiple modalities?", "models handling more than a single modality"]:
        w = _where(full._understand(q))
        assert ("trait", "all", ("multimodal",), False) in w and not any(f == "domains" for f, *_ in w), (q, w)


def test_a_list_of_modalities_handled_at_once_needs_each(full, full_catalog):
    want = {e.id for e in full_catalog.models.values()
            if {"vision-language", "speech"} <= {d.value for d in e.domains}}
    for q in ["models that deal with text, pictures and audio together, whole catalog",
              "which models handle text, images and speech at once? include the additions",
              "同时能处理文字、图片和音频的模型（包括新增的）"]:
        a = full.ask(q)
        assert set(a.models) == want, (q, a.models, a.text[-300:])


def test_text_not_produced_is_no_domain_after_an_output(full):
    for q, dom in [("which models produce agent actions instead of text?", "reinforcement-learning"),
                   ("models that predict the next action rather than text", "reinforcement-learning"),
                   ("models whose output is a dense vector rather than generated text", "embeddings"),
                   ("which ones give back vectors instead of text", "embeddings")]:
        w = _where(full._understand(q))
        assert w == [("domain", "in", (dom,), False)], (q, w)
    a = full.ask("which models output control actions instead of text?")
    assert "gato" in a.models, a.models


def test_training_hardware_asked_in_chinese_is_unrecorded(full):
    for q in ["OPT 用什么硬件训练的", "BLOOM 的训练硬件是什么", "Chinchilla 訓練用的是哪種硬件"]:
        a = full.ask(q)
        assert a.abstained and "hardware" in full._understand(q).unrecorded, (q, a.text[:200])


def test_a_licence_the_catalog_does_not_record_is_the_unknown_class(full, full_catalog):
    want = {e.id for e in full_catalog.models.values() if e.license_class.value == "unknown"}
    for q in ["which models does the catalogue not record any licence for?", "entries that don't list a license",
              "models where the catalog does not give a licence", "哪些模型的许可证信息缺失"]:
        a = full.ask(q)
        assert set(a.models) == want, (q, a.text[:200])


def test_a_licence_named_by_a_model_and_weighed_is_that_models_own(full):
    for q, first in [("is the Llama 2 licence less restrictive than LLaMA's?", "llama-2"),
                     ("is the llama 2 license more open than the first LLaMA's one?", "llama-2")]:
        a = full.ask(q)
        assert a.models[:2] == [first, "llama"], (q, a.models)
        lead = a.text.split("\n")[0]
        assert "non-commercial" in lead and "Community License" in lead and lead.count("Yes.") + lead.count("No.") == 1, (q, lead)
    a = full.ask("is Falcon's licence more permissive than OPT's?")
    assert a.text.startswith("Yes.") and not [c for c, _ in leaves(full._understand("is Falcon's licence more permissive than OPT's?").where)]


def test_a_catalog_name_with_another_point_version_is_unknown(full):
    for q in ["which paper describes Claude 3.7 Sonnet?", "bibtex for Claude 3.5 Haiku", "who built Gemma 2.5?"]:
        a = full.ask(q)
        assert a.abstained and not a.models, (q, a.text[:200])
    for q, m in [("what is Claude 3 Sonnet?", "claude-3"), ("tell me about Gemini 1.5 Pro", "gemini-1.5"), ("how big is chinchila?", "chinchilla")]:
        assert full.ask(q).models == [m], q


def test_training_examples_said_used_to_train_are_the_models_corpus(full):
    for q, model, value in [("how many image-text pairs were used to train CLIP?", "clip", "400M"),
                            ("How many images were collected to train SAM?", "sam", "11M"),
                            ("how many hours of audio were used for training Whisper?", "whisper", "680,000")]:
        a = full.ask(q)
        assert a.models == [model] and value in a.text, (q, a.text[:200])


def _objs(full, q):
    return {v for c, neg in leaves(full._understand(q).where) if c.facet == "objective" and not neg for v in c.values}


def test_chinese_plain_words_next_sentence_and_prefix(full_assistant):
    for q in ["第二句是否紧跟在第一句之后，用这个做预训练的模型", "判断B句是不是接在A句后面的任务，哪些模型在用"]:
        assert _objs(full_assistant, q) == {"nsp"}, (q, full_assistant._understand(q).where)
    for q in ["前面一段双向看、后面从左往右生成的前缀式目标，哪些模型用了", "前缀式语言模型目标用在哪些模型上"]:
        assert _objs(full_assistant, q) == {"prefix-lm"}, (q, full_assistant._understand(q).where)
