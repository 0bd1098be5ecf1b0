"""Two values said to be held together read as the one value that is both: "both text and vision" is the
vision-language domain (the catalog files every model that reads images and text under it; no model holds
"text" and "vision" as two separate tags), "both a decoder and an encoder" is encoder-decoder. The parts may
come in either order and a word naming several values ("images": vision or image generation) counts for its
part. Listed without "both" ("text and vision models") the values stay alternatives; parts with no joint value
("both text and speech") stay both required.

Sizes listed together ("7B and 70B versions", "1B, 7B and 70B") are each a size the model has: every one of them
holds, each for some variant (no one size is two sizes). Listed before a noun for models with no word of having
("7B and 13B parameter models") they are kinds of model, any one of them; "or" keeps them alternatives."""

from __future__ import annotations

import pytest

from tests.assistant.spec import where_read as _read


@pytest.mark.parametrize("question, reading", [
    ("which models handle both text and vision", "domain = vision-language"),
    ("models able to take both images and language as input", "domain = vision-language"),
    ("anything covering both vision and text?", "domain = vision-language"),
    ("同时处理文本和图像的模型", "domain = vision-language"),
    ("models with both a decoder and an encoder", "architecture = encoder-decoder"),
    ("models that cover both text and speech", "domain = text and speech"),
    ("text and vision models", "domain = text or vision"),
])
def test_parts_said_together_read_as_the_joint_value(full, question, reading):
    assert _read(full, question) == reading


def test_the_joint_reading_lists_the_models_that_read_images_and_text(full):
    answer = full.ask("which models work with both images and text?")
    vision_language = {e.id for e in full.catalog.models.values() if "vision-language" in e.domains}
    assert vision_language and set(answer.models) == vision_language


@pytest.mark.parametrize("question, reading", [
    ("models available in 1B, 7B and 70B versions",
     "some variant with size = 1B AND some variant with size = 7B AND some variant with size = 70B"),
    ("which models ship 8B and 70B checkpoints?", "some variant with size = 8B AND some variant with size = 70B"),
    ("which models were released at 8B and 70B", "some variant with size = 8B AND some variant with size = 70B"),
    ("anything that comes in 7B, 13B, and 70B sizes",
     "some variant with size = 7B AND some variant with size = 13B AND some variant with size = 70B"),
    ("list the 7B and 13B parameter models", "(size = 7B OR size = 13B)"),
    ("which models have a 7B or 8B version", "(some variant with size = 7B OR some variant with size = 8B)"),
    ("a 1.5B and a 7B version, whichever", "(some variant with size = 1.5B OR some variant with size = 7B)"),
])
def test_sizes_listed_together_each_hold(full, question, reading):
    assert _read(full, question) == reading


def test_sizes_listed_together_select_the_models_with_every_size(full):
    answer = full.ask("which models have 7B, 13B and 70B versions?")
    assert answer.models and all(
        {7000, 13000, 70000} <= {round(v.millions) for v in full.catalog.models[m].params.variants if v.millions}
        for m in answer.models)
