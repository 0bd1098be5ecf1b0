"""Round 24, late: Chinese words of what a model takes in and gives out.

- 只能 before an ability ("只能处理文本") is "only": text-only models, not every model with a text domain.
- Images as the output (以图片作为输出, 输出是图片): the image-output trait, not every vision model.
- 写字 / 写文字 beside seeing images ("既能看图又能写字"): images in, text out (vision-language), not vision or
  image generation.
- A count facet shown in a Chinese answer speaks Chinese (领域 for the domains listed).

Expected values come from the catalog itself.
"""

from __future__ import annotations

import pytest


def _ids(full, pred):
    return {e.id for e in full.catalog.models.values() if pred(e)}


@pytest.mark.parametrize("question", ["哪些模型只能处理文本", "哪些新增模型只能处理文本"])
def test_only_said_before_an_ability_is_text_only(full, question):
    answer = full.ask(question)
    text_only = _ids(full, lambda e: [d.value for d in e.domains] == ["text"])
    assert text_only and set(answer.models) <= text_only | {m for m in answer.models if not full.catalog.models[m].in_paper}, answer.models
    assert "domains listed" not in answer.text, answer.text[:300]


@pytest.mark.parametrize("question", ["以图片作为输出的论文模型", "输出是图像的论文模型有哪些"])
def test_images_as_the_output_are_the_image_output_trait(full, question):
    answer = full.ask(question)
    items = answer.query["where"]["items"]
    # the image-output trait, or (round 25) the outputs field it holds by: the same models either way
    assert any((c.get("facet"), c.get("values")) in [("trait", ["image-output"]), ("output", ["image"])] for c in items), items
    want = {e.id for e in full.catalog.models.values() if e.in_paper and "image" in {m.value for m in e.outputs}}
    assert set(answer.models) == want, answer.models
    assert "vit" not in answer.models and "clip" not in answer.models, answer.models


def test_seeing_images_and_writing_text_is_vision_language(full):
    answer = full.ask("哪些模型既能看图又能写字")
    items = answer.query["where"]["items"]
    assert not any("image-generation" in c.get("values", []) for c in items), items
    assert "vit" not in answer.models and "swin-transformer" not in answer.models, answer.models
