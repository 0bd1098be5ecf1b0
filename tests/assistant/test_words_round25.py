"""Plain words, licences said another way, off-topic questions and variants named after another model (round 25), in
wordings of their own (English and Chinese):

- a licence name "or otherwise" a class ("non-commercial or otherwise restricted", 非商用或者其他有限制许可): one licence
  field, said twice, never an "or" between two whole clauses; the rest of the question holds for it;
- a licence name with its meaning in brackets after it ("non-commercial (can't be used commercially)", 非商用许可（禁止商业
  使用）): the name asked, the bracket only explains it;
- a lab's name in its everyday sense (an apple's calories, the Amazon rainforest): off-topic, no lab;
- an objective described by its steps, each of which the cues read as a value of its own (the spans cut out, moved to the
  end, then written left to right: causally masked language modeling, which holds the other two as its parts);
- an architecture described by its two parts (one part reads the input, a separate part writes the output): the
  encoder-decoder, in English and Chinese, also when the parts are named ("a reading part plus a separate writing part",
  "an encoder and a distinct decoder");
- a model's size variant labelled after another model ("does Megatron come in a BERT-like version?"): that variant's
  size, no architecture asked of the model.
"""

from __future__ import annotations

import pytest

from assistant.query import leaves

NON_COMMERCIAL = {"alexatm-20b", "alpaca", "blenderbot3", "galactica", "global-context-vit", "llama", "megatron", "mt-nlg",
                  "openassistant-llama", "opt", "vicuna"}
CAUSAL_MASKED = {"cm3", "code-llama", "starcoder", "starcoder2"}


def _where(q):
    return sorted((c.facet, c.op.value, tuple(sorted(map(str, c.values))), neg) for c, neg in leaves(q.where))


@pytest.mark.parametrize("q", ["which Meta models have a non-commercial or otherwise restricted licence?",
                               "paper models from Meta with a noncommercial, or otherwise limited, license"])
def test_a_licence_name_or_otherwise_a_class_is_one_licence_field(full, q):
    parsed = full._understand(q)
    assert parsed.where.kind == "and" and all(c.kind == "is" for c in parsed.where.items), (q, parsed.where)
    assert ("lab", "in", ("Meta",), False) in _where(parsed) and ("license", "in", ("limited",), False) in _where(parsed), \
        (q, _where(parsed))
    assert not {"megatron", "alpaca", "qwen"} & set(full.ask(q).models), (q, full.ask(q).models)


@pytest.mark.parametrize("q", ["非商用或者其他有限制许可的模型，只看论文里的", "非商业或者其它限制性许可的模型"])
def test_a_licence_name_or_another_restricted_licence_in_chinese_is_the_class(full, q):
    assert ("license", "in", ("limited",), False) in _where(full._understand(q)), (q, _where(full._understand(q)))
    assert "license_name" not in {f for f, *_ in _where(full._understand(q))}, (q, _where(full._understand(q)))


@pytest.mark.parametrize("q", ["非商用许可证（禁止商业使用）的模型有哪些", "哪些模型用的是非商業授權（不可商用）",
                               "which models carry a non-commercial licence (i.e. they can't be used commercially)?"])
def test_a_licence_name_with_its_meaning_in_brackets_is_the_name(full, q):
    assert set(full.ask(q).models) == NON_COMMERCIAL, (q, full.ask(q).models)


def test_a_class_with_a_name_in_brackets_stays_the_class(full):
    assert {"llama-2", "qwen"} <= set(full.ask("which additions have a limited (non-commercial) licence?").models)


@pytest.mark.parametrize("q", ["how many calories are in a green apple?", "is an apple a healthy snack", "how much vitamin c does an apple have",
                               "一个苹果的热量是多少卡路里", "how big is the amazon rainforest", "how long is the Amazon river?",
                               "亚马逊雨林有多大"])
def test_a_lab_name_in_its_everyday_sense_is_off_topic(full, q):
    a = full.ask(q)
    assert a.abstained and not a.models, (q, a.text[:200])


@pytest.mark.parametrize("q", ["which models did Apple release?", "which Amazon models are there"])
def test_the_lab_is_still_read(full, q):
    assert "lab" in {f for f, *_ in _where(full._understand(q))}, (q, _where(full._understand(q)))


@pytest.mark.parametrize("q", ["哪些模型的训练是把挖出的几段文字移到文档最后，再从左往右逐词生成",
                               "把抠掉的片段放到最后再按顺序生成的预训练目标，哪些模型用了",
                               "把文件中挖掉的片段移到末尾、再從左到右生成出來的訓練方式，哪些模型用了",
                               "把文本中几段内容抠出来搬到结尾，然后从左往右依次生成，这种目标哪些模型用"])
def test_causal_masking_described_by_its_steps_is_one_objective(full, q):
    assert set(full.ask(q).models) == CAUSAL_MASKED, (q, full.ask(q).models, _where(full._understand(q)))


@pytest.mark.parametrize("q", ["models that have one part to read the entire input and another part to write the output",
                               "which models combine a component that takes in the full input and a separate component that produces the output?",
                               "有一部分负责读完整个输入、另一部分单独负责生成输出的模型",
                               "哪些模型有一个部分讀取整個輸入，另外還有一個單獨的部分負責寫輸出",
                               "什么模型是先把输入整个读一遍再另外生成输出的"])
def test_an_architecture_described_by_its_reading_and_writing_parts_is_the_encoder_decoder(full_assistant, q):
    parsed = full_assistant._understand(q)
    assert _where(parsed) == [("architecture", "in", ("encoder-decoder",), False)], (q, _where(parsed))


@pytest.mark.parametrize("q", ["how many models have a reading part plus a separate writing part",
                               "models that have an encoder and a separate decoder", "models with an encoder plus a distinct decoder"])
def test_named_parts_with_separate_between_are_the_encoder_decoder(full, q):
    assert _where(full._understand(q)) == [("architecture", "in", ("encoder-decoder",), False)], (q, _where(full._understand(q)))


@pytest.mark.parametrize("q, size", [("is there a BERT-like version of Megatron?", "3.9"),
                                     ("does Megatron come in a GPT-style variant?", "8.3"),
                                     ("does Megatron come in a GPT-style flavour, and when was it released?", "8.3")])
def test_a_variant_labelled_after_another_model_is_that_size(full, q, size):
    a = full.ask(q)
    assert a.models == ["megatron"] and size in a.text.split("\n\n")[0], (q, a.text[:300])
    assert "not an encoder" not in a.text and "not a decoder" not in a.text, (q, a.text[:300])
