"""Catalog prose reads as written: no hard line wraps, no hyphenated words broken by a wrap."""

from __future__ import annotations

import re

from scripts.normalize_text import unwrap

BROKEN = re.compile(r"\w- \w")


def _problems(where: str, text: str, *, paragraphs: bool) -> list[str]:
    out = []
    if BROKEN.search(text):
        out.append(f"{where}: broken hyphenation {BROKEN.search(text).group(0)!r}")
    body = text.strip()
    if paragraphs:
        body = body.replace("\n\n", " ")
    if "\n" in body:
        out.append(f"{where}: hard line break")
    return out


def test_summaries_and_key_points_are_unwrapped(catalog):
    problems = []
    for entry in catalog.models.values():
        problems += _problems(f"{entry.id} summary", entry.summary, paragraphs=True)
        for point in entry.key_points:
            problems += _problems(f"{entry.id} key point", point, paragraphs=False)
    for concept in catalog.concepts.values():
        problems += _problems(f"concept {concept.id}", concept.body, paragraphs=True)
    assert not problems, "run scripts/normalize_text.py:\n" + "\n".join(problems)


def test_unwrap_joins_wrapped_hyphenated_words():
    text = "shows strong in-\ncontext learning under a non-\ncommercial license\nand more.\n\nNext one.\n"
    assert unwrap(text) == "shows strong in-context learning under a non-commercial license and more.\n\nNext one.\n"
