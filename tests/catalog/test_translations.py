"""Chinese concept texts: one for every concept of the built-in catalog, naming the same thing."""

from __future__ import annotations

import re

from catalog.translations import concept_texts


def test_every_builtin_concept_has_a_chinese_text(full_catalog):
    texts = concept_texts("zh")
    assert set(full_catalog.concepts) <= set(texts), sorted(set(full_catalog.concepts) - set(texts))
    for cid, t in texts.items():
        assert re.search(r"[\u4e00-\u9fff]", t.title + t.summary), cid
        assert len(t.summary) >= 60, cid


def test_chinese_texts_keep_the_acronyms_and_model_names_of_the_english_entry(catalog):
    texts = concept_texts("zh")
    for cid in ("mlm", "replaced-token-detection", "rlhf", "mixture-of-experts", "prefix-lm"):
        english = catalog.concepts[cid].body
        names = [m for m in ("BERT", "ELECTRA", "InstructGPT", "Switch", "GLaM", "UL2") if m in english]
        assert all(n in texts[cid].summary for n in names), (cid, names)


def test_a_language_without_a_file_has_no_texts():
    assert concept_texts("xx") == {}
