"""What a model takes in and gives out, licences by name, and facts not recorded (round 24), in wordings of their own
(English and Chinese):

- "non-commercial" said alone (非商用, 非商业) is the licence text that says so, not the whole limited class: Llama 2's
  community licence and Qwen's allow commercial use and are limited too; "limited" / "restricted" stay the class;
- accelerator cards counted by the measure word 卡 (多少卡, 几张卡, 卡数) ask for the training hardware, not recorded;
- actions given out, said as a copula ("whose output is actions", 输出的是动作): the reinforcement-learning domain;
- pictures cut into regions in Chinese (图像分割, 分割图片): the segmentation objective, not every image model;
- "only" before a domain and the field's noun after it ("with only the code domain", 只有 code 领域): that one domain;
- working with images in any way ("can Gato work with images?"): every image domain, vision-language too.

Each test reads its wordings through one answer each (no search index).
"""

from __future__ import annotations

import pytest

from assistant.query import leaves

NON_COMMERCIAL = {"alexatm-20b", "alpaca", "blenderbot3", "galactica", "global-context-vit", "llama", "megatron", "mt-nlg",
                  "openassistant-llama", "opt", "vicuna"}


def _where(q):
    return sorted((c.facet, c.op.value, tuple(sorted(map(str, c.values))), neg) for c, neg in leaves(q.where))


@pytest.mark.parametrize("q", ["which models are licensed for non-commercial use only?", "models under a noncommercial licence",
                               "哪些模型的许可证是非商业的", "非商用的模型有哪些"])
def test_non_commercial_alone_is_the_licence_text_over_the_whole_catalog(full, q):
    a = full.ask(q)
    assert set(a.models) == NON_COMMERCIAL, (q, a.models)


def test_limited_stays_the_licence_class(full):
    assert {"llama-2", "qwen"} <= set(full.ask("which additions have a restricted licence?").models)


@pytest.mark.parametrize("q", ["LLaMA 用了几张卡训练的", "训练 Chinchilla 花了多少块卡", "Gopher 的训练卡数是多少"])
def test_cards_counted_in_chinese_ask_for_the_unrecorded_hardware(full, q):
    a = full.ask(q)
    assert a.abstained or "目录没有这个字段" in a.text, (q, a.text[:200])
    assert "训练硬件" in a.text, (q, a.text[:200])


@pytest.mark.parametrize("q", ["models whose output is actions", "which models' outputs are control actions?",
                               "能输出动作的模型有哪些"])
def test_actions_given_out_are_reinforcement_learning(full, q):
    a = full.ask(q)
    assert set(a.models) == {"decision-transformers", "trajectory-transformers", "gato"}, (q, a.models)


@pytest.mark.parametrize("q", ["哪些模型能分割图片", "有没有做语义分割的模型", "图片分割模型"])
def test_segmentation_in_chinese_is_the_segmentation_objective(full, q):
    assert full.ask(q).models == ["sam"], (q, full.ask(q).models, _where(full._understand(q)))


@pytest.mark.parametrize("q", ["models with only the code domain", "只有代码领域的模型", "只有 vision 领域的新增模型"])
def test_only_before_a_domain_and_its_field_noun_is_that_one_domain(full, q):
    w = _where(full._understand(q))
    assert ("domains", "eq", ("1.0",), False) in w, (q, w)


def test_only_one_domain_lists_the_code_models_alone(full):
    assert set(full.ask("which models have only the code domain?").models) == {"starcoder", "phi-1", "code-llama"}


@pytest.mark.parametrize("q, verdict", [("can Flamingo work with pictures?", "Yes"), ("does Gato deal with images?", "Yes"),
                                        ("can DALL-E work with images?", "Yes"), ("can T5 work with images?", "No")])
def test_working_with_images_is_any_image_domain(full, q, verdict):
    a = full.ask(q)
    assert a.text.startswith(verdict), (q, a.text[:200])


@pytest.mark.parametrize("q", ["which models are limited / non-commercial and from 2022?", "largest model with a non-commercial or limited licence"])
def test_non_commercial_beside_the_limited_class_restates_it(full, q):
    w = _where(full._understand(q))
    assert ("license", "in", ("limited",), False) in w and not any(f == "license_name" for f, *_ in w), (q, w)


@pytest.mark.parametrize("q", ["multimodal additions able to see pictures", "which vision-language models accept images?",
                               "能看图片的多模态新增模型"])
def test_a_value_named_beside_generic_image_words_narrows_them(full, q):
    w = _where(full._understand(q))
    assert ("domain", "in", ("vision-language",), False) in w, (q, w)


@pytest.mark.parametrize("q", ["models that can both understand and create pictures", "能理解也能生成图像的模型有哪些"])
def test_understanding_beside_generating_images_reads_images_into_text(full, q):
    assert full.ask(q).models == ["cm3"], (q, full.ask(q).models, _where(full._understand(q)))


@pytest.mark.parametrize("q, family", [("Gemma-family additions", "Gemma"), ("list the Qwen-family entries", "Qwen")])
def test_a_family_as_a_compound_before_a_noun_is_its_members(full, q, family):
    w = _where(full._understand(q))
    assert ("family", "in", (family,), False) in w, (q, w)


def test_a_community_licence_called_by_its_issuer(full):
    a = full.ask("which LLaMA-family models come under Meta's community licence?")
    assert set(a.models) == {"code-llama", "llama-2", "llama-3", "tulu-3"}, a.models


@pytest.mark.parametrize("q, kinds", [("what does Flamingo accept as input?", ("images", "text")),
                                      ("what goes into Whisper?", ("audio",)),
                                      ("Swin Transformer 的输入是什么", ("图像",)), ("CLIP 接受什么输入", ("图像", "文本"))])
def test_what_goes_in_is_said_in_kinds_of_data(full, q, kinds):
    text = full.ask(q).text.split("Read as")[0].split("理解为")[0]
    assert all(k in text for k in kinds), (q, text[:300])


def test_text_models_name_no_kind_of_data(full):
    assert "works with" not in full.ask("what are BERT's domains?").text


def test_only_said_of_generic_image_words_is_kept_beside_a_value(full):
    w = _where(full._understand("image-only models: vision, no text"))
    assert any(f == "domain" and op == "only" for f, op, _, _ in w), w


def test_a_licence_a_later_release_moved_to_is_not_the_models(full):
    a = full.ask("which additions are licensed under Apache-2.0?")
    assert "yi" not in a.models and {"mistral-7b", "olmo"} <= set(a.models), a.models


def test_generic_image_words_restating_a_value_in_brackets_widen_it(full):
    w = _where(full._understand("vision models (images) that aren't encoders"))
    assert ("domain", "in", ("image-generation", "vision"), False) in w, w


def test_working_with_images_as_input_stays_the_intake_reading(full):
    w = _where(full._understand("models that work with pictures / images as input for recognition tasks"))
    assert not any(f == "domain" and "image-generation" in v for f, _, v, _ in w), w
