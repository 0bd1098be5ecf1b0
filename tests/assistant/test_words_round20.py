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


def _inputs(q):
    return {v for c, neg in leaves(q.where) if c.facet == "input" and not neg for v in c.values}


def test_images_taken_in_is_vision_or_vision_language(full):
    cases = ["which models can take pictures as input?", "list the models that read images",
             "models able to ingest photos", "which of the additions accept an image as input?",
             "能输入图片的模型有哪些", "哪些模型可以接收图像输入"]
    # round 25: images taken in are the catalog's inputs field (the vision domains before it)
    bad = [(q, got) for q in cases if (got := _domains(q_ := full._understand(q))) != SEE and not _inputs(q_) == {"image"}]
    assert not bad, bad


def test_open_models_that_take_images(full, full_catalog):
    a = full.ask("which open-weight models can take images in?")
    want = {e.id for e in full_catalog.models.values() if e.license_class.value == "open"
            and "image" in {m.value for m in e.inputs}}  # round 25: the inputs field (Stable Diffusion takes none in)
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
    # round 25: or both taken in, the catalog's inputs field
    bad = [(q, got) for q in cases if (got := _domains(q_ := full._understand(q))) != {"vision-language"}
           and _inputs(q_) != {"image", "text"}]
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


def test_chinese_descriptions_of_an_objective_or_a_domain(full_assistant, full_catalog):
    """Chinese plain-words descriptions read by their cue phrases (zh.yaml ``describe``) as the value they describe, with
    the search index and the meaning matcher as the service runs them."""
    full = full_assistant
    gen = {e.id for e in full_catalog.models.values() if any(d.value == "image-generation" for d in e.domains)}
    diff = {e.id for e in full_catalog.models.values() if any(o.value == "diffusion" for o in e.objectives)}
    cases = [("把文章里的整句话删除，再让模型生成被删的那些句子，哪个模型是这样预训练的", {"pegasus"}),
             ("从随机噪声开始一步一步去噪得到图像的模型有哪些", diff),
             ("哪个模型能预测蛋白质如何折叠", {"alphafold"}),
             ("哪些模型可以照着文字描述画出图像", gen),
             ("前半部分双向可见作为条件、后半部分从左到右生成，用这种目标训练的模型有哪些", {"ul2", "alexatm-20b"})]
    bad = [(q, a.models, a.text[-160:]) for q, want in cases if set((a := full.ask(q)).models) != want]
    assert not bad, bad


def test_zero_shot_image_classification_is_contrastive_image_text_training(full_assistant):
    full = full_assistant
    cases = ["which model can classify photos zero-shot?", "models for zero-shot image recognition",
             "用网上的图片和配文做对比学习、能零样本分类图片的模型"]
    bad = [(q, a.models) for q in cases if (a := full.ask(q)).models != ["clip"]]
    assert not bad, bad
    assert set(full.ask("which models are trained with supervised image classification?").models) == {
        "vit", "swin-transformer", "global-context-vit"}


VIDEO = {"gemini-1.0", "gemini-1.5", "gpt-4o", "flamingo"}  # the catalog's own notes / application say video goes in


def test_video_taken_in_is_read_from_the_entries_own_words(full):
    cases = ["which models can take video as input?", "list the models that understand videos",
             "models with video input", "哪些模型能处理视频输入"]
    bad = [(q, a.models) for q in cases if set((a := full.ask(q)).models) != VIDEO]
    assert not bad, bad
    a = full.ask("which Google models can watch videos?")
    assert set(a.models) == {"gemini-1.0", "gemini-1.5"}, a.models
    assert "llama-3" not in full.ask("models that accept video").models  # adapters studied, not released


def test_does_one_model_take_video(full):
    cases = [("Can GPT-4o take video input?", "Yes"), ("Does LLaVA accept videos?", "No")]
    bad = [(q, a.text[:120]) for q, want in cases if not (a := full.ask(q)).text.startswith(want)]
    assert not bad, bad


def test_why_a_model_uses_a_device_explains_the_device(full):
    cases = [("Why does ALBERT use sentence order prediction instead of NSP?", "topic"),
             ("why did LLaMA adopt rotary position embeddings?", "rotat")]
    bad = [(q, a.text[:200]) for q, want in cases if want not in (a := full.ask(q)).text]
    assert not bad, bad


def test_a_style_in_a_closing_bracket_is_an_example_not_an_architecture(full):
    cases = ["which models rebuild blanked spans one token at a time, left to right (GLM style)?",
             "which models predict randomly hidden words from both sides (BERT-style)?"]
    read = {q: full._understand(q) for q in cases}
    bad = [(q, r.where) for q, r in read.items() if any(c.facet == "architecture" for c, _ in leaves(r.where))]
    assert not bad, bad
    q = full._understand("BERT-style models from Google")  # a style said as the kind asked for stays the architecture
    assert any(c.facet == "architecture" and c.values == ["encoder"] for c, _ in leaves(q.where)), q.where


def test_how_each_compared_model_has_a_trait_quotes_its_own_key_points(full):
    cases = [("How did DistilBERT, DQ-BART and ALBERT each become efficient?", ["distillation", "quantizes", "parameter sharing"]),
             ("ALBERT 和 DistilBERT 这两个高效模型分别是怎么变轻量的", ["parameter sharing", "distillation"])]
    bad = [(q, a.text[:400]) for q, want in cases if not all(w in (a := full.ask(q)).text for w in want)]
    assert not bad, bad


def test_images_looked_at_then_another_verb_is_a_description(full):
    q = full._understand("models that look at a photo and simply output its class label")
    assert _domains(q) != SEE, q.where
