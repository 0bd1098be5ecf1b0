"""Kinds of question about modality (what a model takes in and gives out), in wordings of their own (English and Chinese):

- "text-only" restated by the modalities it rules out ("text-only (no pictures, no sound)"): the modality, so text models
  that also code or chat stay in, while a bare "text-only" keeps meaning text alone;
- "pure X models": X is the model's only domain;
- images given out ("models whose output is a picture", 输出图像): image generation, never the vision models that read them;
- two senses asked together ("see pictures and also hear audio", 能看图也能听声音): both at once;
- vectors given out ("models that output embeddings", "turn sentences into vectors instead of writing text"): the
  embeddings domain, and text said as what is not produced is no domain;
- 看图 ("sees pictures"): the models that take images in;
- what goes in and what comes out of one model: its domains, use and task.

Each test reads its wordings through one answer each (no search index).
"""

from __future__ import annotations

from assistant.query import Op, leaves


def _domain_leaves(q):
    return [(c.op, frozenset(c.values), neg) for c, neg in leaves(q.where) if c.facet == "domain"]


def _catalog_ids(cat, pred):
    return {e.id for e in cat.models.values() if pred({d.value for d in e.domains}, e)}


TEXTUAL = {"text", "code", "dialogue", "math", "multilingual", "summarization", "translation", "embeddings", "science"}


def test_text_only_restated_by_what_it_rules_out_is_the_modality(full, full_catalog):
    for q in ["which models are text-only (no images, no audio), in either part of the catalog?",
              "text-only ones among the additions (no vision, no audio)", "纯文本的模型（不含图像、不含语音），包括新增的"]:
        a = full.ask(q)
        want = _catalog_ids(full_catalog, lambda d, e: d <= TEXTUAL and (e.in_paper is False or "additions" not in q))
        assert set(a.models) == want, (q, sorted(set(a.models) ^ want))


def test_bare_text_only_keeps_meaning_text_alone(full):
    q = full._understand("text-only decoders")
    assert (Op.ONLY, frozenset({"text"}), False) in _domain_leaves(q), q.where


def test_pure_domain_models_have_that_domain_alone(full, full_catalog):
    for q in ["pure vision models", "list the pure computer vision models", "which are pure speech models?"]:
        a = full.ask(q + " across the whole catalog")
        dom = "speech" if "speech" in q else "vision"
        want = _catalog_ids(full_catalog, lambda d, e: d == {dom})
        assert set(a.models) == want, (q, sorted(set(a.models) ^ want))


def test_images_given_out_are_image_generation(full):
    # round 22: images given out are the image-output trait (the entries whose own words say images come out: the
    # image generators, and GPT-4o's "image out"), never the vision models that read them
    cases = ["models whose output is an image", "which ones give pictures as their output?",
             "输出图像的模型有哪些", "输出是图片的模型", "哪些模型输出的是图片"]
    # (round 25: or the outputs field that trait holds by, "output = image")
    read = {(Op.ALL, "trait", frozenset({"image-output"}), False), (Op.ALL, "output", frozenset({"image"}), False),
            (Op.IN, "output", frozenset({"image"}), False)}
    bad = [(q, d, w) for q in cases if (d := _domain_leaves(q_ := full._understand(q)))
           or len(w := [(c.op, c.facet, frozenset(c.values), n) for c, n in leaves(q_.where) if c.facet in ("trait", "output")]) != 1
           or w[0] not in read]
    assert not bad, bad


def test_seeing_and_hearing_together_need_both(full, full_catalog):
    want = _catalog_ids(full_catalog, lambda d, e: d & {"vision", "vision-language"} and "speech" in d)
    for q in ["which models can both see images and hear speech? whole catalog",
              "models able to look at pictures and also listen to audio, including the additions",
              "能看图也能听声音的模型（包括新增的）", "能看图又能听语音的模型有哪些，论文和新增的都算"]:
        a = full.ask(q)
        assert set(a.models) == want, (q, a.models, a.text[-300:])


def test_vectors_given_out_are_the_embeddings_domain(full):
    cases = ["which models output embeddings?", "which models return sentence vectors instead of writing text",
             "which ones return vectors rather than generated text?", "输出向量而不是生成文本的模型"]
    for q in cases:
        d = _domain_leaves(full._understand(q))
        assert d == [(Op.IN, frozenset({"embeddings"}), False)], (q, d)


def test_sees_pictures_in_chinese_takes_images_in(full):
    for q in ["能看图的模型", "Meta 家能看图的模型", "有哪些模型可以看图"]:
        # since round 25 images taken in are the catalog's inputs field (a text-to-image generator takes none in)
        q_ = full._understand(q)
        assert _domain_leaves(q_) == [] and any(c.facet == "input" and c.values == ["image"] and not neg
                                                for c, neg in leaves(q_.where)), (q, q_.where)


def test_what_goes_in_and_comes_out_of_one_model(full):
    for q, model, words in [("what goes in and what comes out of Whisper?", "whisper", ["speech", "transcription"]),
                            ("What does CLIP take in, and what does it put out?", "clip", ["vision"]),
                            ("Whisper 进去的是什么、出来的是什么", "whisper", ["speech", "transcription"])]:
        a = full.ask(q)
        assert a.models == [model], (q, a.models)
        assert all(w in a.text for w in words), (q, a.text[:400])


def test_a_bracket_naming_one_value_says_which_one_the_wider_words_mean(full):
    for q, want in [("Meta models that can read pictures (vision-language)", "vision-language"),
                    ("models that see images (vision)", "vision"), ("OpenAI 能看图的模型（vision-language）", "vision-language")]:
        d = [(op, v) for op, v, neg in _domain_leaves(full._understand(q))]
        assert d == [(Op.IN, frozenset({want}))], (q, d)


def test_what_came_out_of_a_model_alone_stays_its_line(full):
    a = full.ask("what came out of Gopher?")
    assert set(a.models) == {"chinchilla", "gophercite"}, a.models


def test_a_yes_on_a_modality_quotes_the_entry_words_on_it(full):
    for q, want in [("Is Gemma 3 able to see images?", ["Yes", "SigLIP"]), ("Can LLaVA look at photos?", ["Yes", "CLIP"]),
                    ("Does GPT-4o produce audio?", ["Yes", "audio"]), ("Gemma 3 能看图吗", ["是", "SigLIP"])]:
        a = full.ask(q)
        assert a.text.startswith(want[0]) and want[1] in a.text.split("Read as")[0].split("理解为")[0], (q, a.text[:300])


def test_answering_in_text_leaves_out_the_models_that_give_images(full):
    for q in ["which models accept images and text together and answer in text?", "哪些模型能同时输入图片和文字、用文字回答"]:
        # since round 25 the answer's form is the catalog's outputs field: text among what the model gives out; images
        # and text taken together are the vision-language domain or both inputs
        q_ = full._understand(q)
        both_in = any(c.facet == "input" and set(c.values) == {"image", "text"} and c.op is Op.ALL for c, neg in leaves(q_.where))
        assert both_in or _domain_leaves(q_) == [(Op.IN, frozenset({"vision-language"}), False)], (q, q_.where)
        assert any(c.facet == "output" and c.values == ["text"] and not neg for c, neg in leaves(q_.where)), (q, q_.where)


def _objectives(q):
    return {v for c, neg in leaves(q.where) if c.facet == "objective" and not neg for v in c.values}


def test_no_reward_model_beside_human_preferences_is_dpo(full):
    for q in ["省掉奖励模型、直接按人类偏好去优化的对齐方法有哪些模型在用",
              "拿人的偏好直接调模型、不训练奖励模型的方法用在哪些模型上"]:
        assert _objectives(full._understand(q)) == {"dpo"}, (q, full._understand(q).where)
    assert _objectives(full._understand("用人类偏好对齐过的模型")) == {"rlhf", "dpo"}


def test_two_sentences_in_the_wrong_order_is_sentence_order_prediction(full):
    for q in ["which models learn to spot when two sentences are out of order?",
              "models trained to say whether two consecutive segments got swapped",
              "pretraining that checks if both sentences come in the right order"]:
        a = full.ask(q)
        assert a.models == ["albert"] and "date" not in [x.value for x in full._understand(q).attributes], (q, a.text[:200])


def test_seeing_pictures_and_reading_text_in_chinese_stays_vision_language(full):
    for q in ["能看图又能读文字的模型", "能看图片和读文字的模型", "哪些模型能同时看图和读文字"]:
        d = _domain_leaves(full._understand(q))
        assert d == [(Op.IN, frozenset({"vision-language"}), False)], (q, d)


def test_seeing_images_and_also_understanding_text_is_vision_language(full):
    for q in ["既能看图又能理解文字的模型", "能同时看图又能处理文字的模型有哪些"]:
        d = _domain_leaves(full._understand(q))
        assert d == [(Op.IN, frozenset({"vision-language"}), False)], (q, d)
