"""Two values said to be held together read as the one value that is both: "both text and vision" is the
vision-language domain (the catalog files every model that reads images and text under it; no model holds
"text" and "vision" as two separate tags), "both a decoder and an encoder" is encoder-decoder. The parts may
come in either order and a word naming several values ("images": vision or image generation) counts for its
part. Listed without "both" ("text and vision models") the values stay alternatives; parts with no joint value
("both text and speech") stay both required."""

from __future__ import annotations

import pytest

from assistant.reading import describe


def _read(full, question: str) -> str:
    q = full._understand(question)
    return describe(q.where, full.catalog) if q.where.items else ""


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
