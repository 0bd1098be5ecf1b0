"""The models beyond the paper in answers: the paper's result first, the additions apart,
``beyond_paper`` in the JSON, ``--paper-only`` hiding them, and the settings behind it."""

from __future__ import annotations

import pytest

from assistant.answer import MARKER
from assistant.beyond import PAPER_NONE, mark_beyond, merge, renumber, split, split_answer
from assistant.compose import Draft, bibtex_block, line
from assistant.query import Intent


def _list_answer(catalog, entries, title="models"):
    d = Draft(catalog, Intent.LIST)
    d.add(f"{len(entries)} {title}:")
    if entries:
        d.add("\n".join(line(e, d) for e in entries))
    return d.finish()


def test_split_keeps_order_and_separates_the_additions(full_catalog):
    entries = [full_catalog.models[m] for m in ("llama-2", "llama", "sam", "opt")]
    paper, added = split(entries)
    assert [e.id for e in paper] == ["llama", "opt"]
    assert [e.id for e in added] == ["llama-2", "sam"]


def test_split_answer_puts_the_paper_first_and_renumbers(full_catalog):
    ids = ("llama", "llama-2", "opt", "code-llama")
    entries = [full_catalog.models[m] for m in ids]
    answer = split_answer(full_catalog, lambda es, _: _list_answer(full_catalog, es), entries)
    paper_only = _list_answer(full_catalog, [full_catalog.models["llama"], full_catalog.models["opt"]])
    assert answer.text.startswith(paper_only.text.split("\n\n**Sources**")[0])
    assert answer.models == ["llama", "opt", "llama-2", "code-llama"]
    head, since = answer.text.split("**Sources**")[0].split("**Since the paper**")
    assert "Llama 2" not in head and "OPT" not in since
    assert {int(n) for n in MARKER.findall(since)} == {3, 4}
    assert [c.model for c in answer.citations] == ["llama", "opt", "llama-2", "code-llama"]


@pytest.mark.parametrize("language, heading", [("en", "**Sources**"), ("zh", "**来源**")])
def test_a_split_answer_has_one_sources_list_in_its_own_language(full_catalog, language, heading):
    """The parts' own Sources lists are cut before they are joined, whatever the answer's language (a Chinese answer
    printed three: the paper's, the additions' and the joined one)."""
    def part(es, _):
        d = Draft(full_catalog, Intent.LIST, language)
        d.add("\n".join(line(e, d) for e in es))
        return d.finish()

    entries = [full_catalog.models[m] for m in ("llama", "llama-2", "opt", "code-llama")]
    text = split_answer(full_catalog, part, entries, language).text
    assert text.count(heading) == 1 and text.index(heading) > text.index("Code Llama"), text


def test_split_answer_without_additions_is_the_answer_itself(full_catalog):
    entries = [full_catalog.models[m] for m in ("bert", "t5")]
    calls = []

    def compose(es, also):
        calls.append([e.id for e in es])
        return _list_answer(full_catalog, es)

    answer = split_answer(full_catalog, compose, entries)
    assert calls == [["bert", "t5"]] and "Since the paper" not in answer.text


def test_no_paper_match_says_so_before_the_additions(full_catalog):
    entries = [full_catalog.models[m] for m in ("qwen", "qwen2")]
    answer = split_answer(full_catalog, lambda es, _: _list_answer(full_catalog, es), entries)
    assert answer.text.startswith(PAPER_NONE)
    assert answer.models == ["qwen", "qwen2"] and not answer.abstained


def test_renumber_leaves_bibtex_blocks_alone():
    text = "see [1] and [2]\n\n```bibtex\n@misc{x, note={[1]}}\n```"
    assert renumber(text, {1: 5, 2: 6}) == "see [5] and [6]\n\n```bibtex\n@misc{x, note={[1]}}\n```"


def test_merge_reuses_a_citation_both_parts_share(full_catalog):
    a = _list_answer(full_catalog, [full_catalog.models["llama"]])
    b = _list_answer(full_catalog, [full_catalog.models["llama"], full_catalog.models["llama-2"]])
    merged = merge(full_catalog, a, b)
    assert [c.model for c in merged.citations] == ["llama", "llama-2"]
    since = merged.text.split("**Since the paper**")[1]
    assert "[1]" in since and "[2]" in since


def test_mark_beyond_adds_one_line_per_addition(full_catalog):
    d = Draft(full_catalog, Intent.FACT)
    d.add(f"Mistral 7B {d.cite('mistral-7b')} and LLaMA {d.cite('llama')}.")
    marked = mark_beyond(full_catalog, d.finish())
    notes = [ln for ln in marked.text.splitlines() if ln.startswith("*Beyond the paper:*")]
    assert len(notes) == 1 and "Mistral 7B" in notes[0] and notes[0].endswith("[1].")
    assert marked.text.index("*Beyond the paper:*") < marked.text.index("**Sources**")


def test_mark_beyond_flags_the_unverified_model_card(full_catalog):
    d = Draft(full_catalog, Intent.CITATION)
    d.add(f"Claude 3 {d.cite('claude-3')}")
    d.add(bibtex_block(full_catalog.models["claude-3"], d))
    marked = mark_beyond(full_catalog, d.finish())
    assert "model card, not a paper" in marked.text and "unverified" in marked.text


def test_paper_only_setting_from_flag_and_environment(monkeypatch):
    from assistant.settings import ENV_PAPER_ONLY, Settings

    monkeypatch.setenv(ENV_PAPER_ONLY, "1")
    assert Settings.from_env().catalog.paper_only is True
    monkeypatch.setenv(ENV_PAPER_ONLY, "0")
    assert Settings.from_env().catalog.paper_only is False
    assert Settings.from_env(paper_only=True).catalog.paper_only is True
    names = {Settings.from_env(paper_only=flag).index.index_dir.name for flag in (True, False)}
    assert len(names) == 2 and "index" in names


@pytest.mark.parametrize("expected,only", [(["llama"], True), (["llama-2"], False)])
def test_eval_runs_a_gold_set_on_the_catalog_it_was_written_for(expected, only, monkeypatch):
    import argparse

    from assistant.settings import ENV_PAPER_ONLY, Settings
    from eval.cli import catalog_scope
    from eval.metrics import GoldItem
    from eval.run import GoldSet

    monkeypatch.delenv(ENV_PAPER_ONLY, raising=False)
    gold = GoldSet([GoldItem(id="x", question="q", intent="fact", category="fact", expected_models=expected)], [], 0)
    args = argparse.Namespace(paper_only=None, with_additions=False)
    assert catalog_scope(Settings.from_env(), gold, args).catalog.paper_only is only
    forced = argparse.Namespace(paper_only=None, with_additions=True)
    assert catalog_scope(Settings.from_env(), gold, forced).catalog.paper_only is False
