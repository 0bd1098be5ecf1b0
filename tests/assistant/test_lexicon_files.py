"""The lexicon files themselves: every value keeps the descriptions it was given, and a repeated key
is refused when the file is read (YAML would keep the last one silently, dropping the first)."""

import pytest

from assistant.chinese import load_zh_lexicon
from assistant.lexicon import HERE, languages, lexicon
from catalog.yamlsafe import UnsafeYaml, load_checked


@pytest.mark.parametrize("language", languages())
def test_every_lexicon_file_reads_without_a_repeated_key(language):
    data = load_checked((HERE / f"{language}.yaml").read_text(encoding="utf-8"))
    assert data["language"] == language


def test_a_repeated_key_is_refused_and_named():
    with pytest.raises(UnsafeYaml, match="duplicate key 'dpo'"):
        load_checked("values:\n  objective:\n    dpo:\n      describe: [a]\n    dpo:\n      terms: [dpo]\n")


def test_the_chinese_glossary_reads_through_the_same_check(tmp_path):
    bad = tmp_path / "zh.yaml"
    bad.write_text("gloss:\n  混合专家: mixture of experts\n  混合专家: moe\n", encoding="utf-8")
    with pytest.raises(UnsafeYaml, match="混合专家"):
        load_zh_lexicon(bad)


@pytest.mark.parametrize("facet, value", [("trait", "grouped-query-attention"), ("trait", "state-space-hybrid"),
                                          ("objective", "dpo"), ("objective", "reasoning-rl"),
                                          ("objective", "promptable-segmentation"), ("domain", "speech")])
def test_values_added_with_the_additions_keep_their_descriptions(facet, value):
    """Plain-words matching reads these descriptions; a second entry for the same value once erased them."""
    described = {(f, v) for f, v, _ in lexicon("en").descriptions()}
    assert (facet, value) in described
