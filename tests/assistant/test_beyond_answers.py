"""Answers with the additions loaded: the paper's result first and unchanged, the additions under
their own heading, answers about one addition marked, unknown models still abstaining, and
``--paper-only`` giving exactly the answers of a catalog that never had the additions."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest
import yaml

from assistant import Assistant, Session
from assistant.service import ask_one
from catalog import CatalogSettings, load_catalog
from catalog.load import BUILTIN_DIR
from eval.metrics import GoldItem
from eval.run import gold_files

SINCE = "**Since the paper**"


@pytest.fixture(scope="module")
def paper_assistant(catalog, search_index):
    assert not catalog.beyond_ids
    return Assistant(catalog, search=search_index)


def _body(text: str) -> str:
    """The answer without its Sources list and reading line."""
    text = text.split("\n\n**Sources**")[0]
    return "\n\n".join(p for p in text.split("\n\n") if not p.startswith("*Read as:"))


def _ask(assistant, question, history=()):
    return ask_one(assistant, question, history)


def test_a_list_states_the_paper_first_then_the_additions(full_assistant, paper_assistant):
    full = _ask(full_assistant, "Which models are from Meta?")
    paper = _ask(paper_assistant, "Which models are from Meta?")
    assert _body(full["answer"]).startswith(_body(paper["answer"]))
    assert full["models"][: len(paper["models"])] == paper["models"]
    assert full["beyond_paper"] == ["dinov2", "sam", "llama-2", "code-llama", "llama-3"]
    assert set(full["models"]) - set(paper["models"]) == set(full["beyond_paper"])
    before, after = full["answer"].split(SINCE)
    assert "Llama 2" not in before and "Llama 2" in after and "OPT" not in after.split("**Sources**")[0]


def test_a_count_keeps_the_paper_result(full_assistant, paper_assistant):
    full, paper = _ask(full_assistant, "How many models has Meta released?"), _ask(paper_assistant, "How many models has Meta released?")
    assert _body(full["answer"]).startswith(_body(paper["answer"]))
    assert SINCE in full["answer"]


def _latest(entries):
    best = max((e.date.year, e.date.month) for e in entries)
    return sorted(e.id for e in entries if (e.date.year, e.date.month) == best)


def test_a_superlative_ranks_every_loaded_model_once(full_assistant, full_catalog):
    """"the newest model" has one answer over everything loaded, not a winner per part; an addition that wins says
    it is beyond the paper. Asked of one part, the ranking stays in that part."""
    entries = list(full_catalog.models.values())
    newest = _ask(full_assistant, "What is the newest model?")
    assert SINCE not in newest["answer"] and newest["models"] == _latest(entries)
    assert newest["beyond_paper"] == newest["models"] and "*Beyond the paper:*" in newest["answer"]
    largest = _ask(full_assistant, "What is the largest model?")
    assert SINCE not in largest["answer"] and largest["models"] == ["wu-dao-2.0"] and not largest["beyond_paper"]
    google = [e for e in entries if "Google" in e.lab_keys]
    latest_google = _ask(full_assistant, "which Google model came out most recently?")
    assert latest_google["models"] == _latest(google) and SINCE not in latest_google["answer"]
    for question in ("what is the newest model in the original paper?", "Latest model in the paper?"):
        scoped = _ask(full_assistant, question)
        assert scoped["models"] == _latest([e for e in entries if e.in_paper]) and not scoped["beyond_paper"], question
    for question in ("What's the newest model added since the paper?", "newest of the additions?"):
        assert _ask(full_assistant, question)["models"] == _latest([e for e in entries if not e.in_paper]), question


def test_counting_the_additions_too_reads_both_parts(full_assistant):
    for question in ("Counting the newer additions as well, what's the biggest open model?",
                     "biggest open model, additions included", "what's the biggest open-source model, with the additions too?"):
        answer = _ask(full_assistant, question)
        leaf = answer["query"]["where"]["items"]
        assert any(c.get("facet") == "catalog" and set(c["values"]) == {"paper", "beyond"} for c in leaf), question
        assert answer["models"] == ["switch"], question


def test_only_additions_match(full_assistant):
    answer = _ask(full_assistant, "Which models are from Alibaba?")
    assert answer["answer"].startswith("None of the paper's 77 models matches.")
    assert answer["models"] == answer["beyond_paper"] == ["qwen", "qwen2", "qwen2.5", "qwen3"]


def test_one_added_model_is_answered_with_its_citation_and_marked(full_assistant):
    answer = _ask(full_assistant, "Who developed Mistral 7B?")
    assert not answer["abstained"] and "Mistral AI" in answer["answer"]
    assert [c["arxiv_id"] for c in answer["citations"]] == ["2310.06825"]
    assert answer["beyond_paper"] == ["mistral-7b"]
    assert answer["answer"].count("*Beyond the paper:*") == 1


def test_undisclosed_size_says_so(full_assistant):
    answer = _ask(full_assistant, "How big is GPT-4?")
    assert not answer["abstained"] and "not disclosed" in answer["answer"].lower()


def test_a_comparison_across_the_two_sets(full_assistant):
    answer = _ask(full_assistant, "Is Llama 2 bigger than the original LLaMA?")
    assert set(answer["models"]) == {"llama", "llama-2"} and answer["beyond_paper"] == ["llama-2"]
    assert "70B" in answer["answer"] and "65B" in answer["answer"]


@pytest.mark.parametrize("question", ["How many parameters does Llama 4 have?", "When was Claude 2 released?",
                                      "Tell me about Grok", "Who made Mistral Large?"])
def test_a_model_in_neither_set_still_abstains(full_assistant, question):
    answer = _ask(full_assistant, question)
    assert answer["abstained"] and not answer["models"] and "not in the catalog" in answer["answer"]


def test_paper_only_hides_the_additions(paper_assistant):
    answer = _ask(paper_assistant, "Who developed Mistral 7B?")
    assert answer["abstained"] and answer["beyond_paper"] == []


def _catalog_without_additions(tmp_path):
    """The repository's catalog as it would be with no addition at all: the paper's models and
    the paper's concepts, read as a user directory."""
    root = tmp_path / "catalog"
    shutil.copytree(BUILTIN_DIR / "models", root / "models")
    (root / "concepts").mkdir()
    added = {p.stem for p in (BUILTIN_DIR / "beyond").glob("*.yaml")}
    for path in (BUILTIN_DIR / "concepts").glob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if data.get("in_paper", True):
            data["related_models"] = [m for m in data.get("related_models", []) if m not in added]
            (root / "concepts" / path.name).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return load_catalog(CatalogSettings(builtin=False, extra_dirs=(root,)))


@pytest.mark.slow
def test_paper_only_answers_match_a_catalog_without_the_additions(tmp_path, catalog):
    """Every gold test question, answered by both (structured answers; no search index)."""
    bare = _catalog_without_additions(tmp_path)
    assert set(bare.models) == set(catalog.models) and set(bare.concepts) == set(catalog.concepts)
    with_flag, without = Assistant(catalog), Assistant(bare)
    items = [GoldItem(**json.loads(line)) for f in gold_files("test") for line in f.read_text().splitlines() if line]
    for item in items:
        a, b = Session(), Session()
        for turn in item.history:
            with_flag.ask(turn, a), without.ask(turn, b)
        x, y = with_flag.ask(item.question, a), without.ask(item.question, b)
        assert (x.text, x.models, x.abstained) == (y.text, y.models, y.abstained), item.id


@pytest.mark.slow
def test_paper_results_unchanged_with_the_additions(full_assistant, paper_assistant):
    """Over the gold test split: where the paper's catalog answers, the answer with the additions
    starts with the same text and the same models (a ranking names the paper's winner unless an
    addition beats it); the rest are about added models."""
    items = [GoldItem(**json.loads(line)) for f in gold_files("test") for line in f.read_text().splitlines() if line]
    now_answered = []
    for item in items:
        full = _ask(full_assistant, item.question, item.history)
        paper = _ask(paper_assistant, item.question, item.history)
        if paper["abstained"] and not full["abstained"]:
            now_answered.append(item.id)
            assert full["beyond_paper"], item.id
            continue
        if paper["abstained"]:  # both abstain; only the help sentence counts the additions
            assert full["abstained"] and not full["models"], item.id
            continue
        if full["query"].get("superlative"):  # one ranking over both parts: the paper's winner, unless an addition beats it
            winners_added = set(full["models"]) & set(full["beyond_paper"])
            assert full["models"] == paper["models"] if not winners_added else winners_added, item.id
            continue
        assert _body(full["answer"]).startswith(_body(paper["answer"])), item.id
        assert full["models"][: len(paper["models"])] == paper["models"], item.id
    assert len(now_answered) <= 12, now_answered


def test_cli_paper_only_flag_and_beyond_paper_field():
    def run(*args):
        out = subprocess.run([sys.executable, "-m", "assistant", "ask", "--json", *args], capture_output=True, text=True)
        assert out.returncode == 0, out.stderr
        return json.loads(out.stdout)

    full = run("Who made Qwen?")
    assert full["beyond_paper"] == ["qwen"] and not full["abstained"]
    hidden = run("--paper-only", "Who made Qwen?")
    assert hidden["abstained"] and hidden["beyond_paper"] == []


@pytest.mark.parametrize("question,quote", [("What's the context length of ModernBERT?", "8,192-token context"),
                                            ("How long is Claude 3's context window?", "200K-token context window")])
def test_an_unrecorded_attribute_stated_in_the_key_points_is_quoted(full_assistant, question, quote):
    answer = _ask(full_assistant, question)
    assert not answer["abstained"] and quote in answer["answer"] and len(answer["citations"]) == 1


def test_an_unrecorded_attribute_no_key_point_states_still_abstains(full_assistant):
    answer = _ask(full_assistant, "How many layers does BERT have?")
    assert answer["abstained"] and "does not record" in answer["answer"]


def test_descendants_follow_each_assistants_own_catalog_whichever_loaded_last(full_catalog):
    """Two assistants in one process (``serve`` builds the whole catalog and the paper's 77):
    "descendants of LLaMA" follows chains of parents in the asking assistant's catalog, not in
    the one constructed last."""
    full = Assistant(full_catalog)
    paper = Assistant(load_catalog(CatalogSettings(paper_only=True)))  # constructed after the full one
    question = "which models descend from LLaMA, at any remove?"
    grandchildren = {m for m, e in full_catalog.models.items()
                     if any("llama" in full_catalog.models[p].derived_from for p in e.derived_from if p in full_catalog.models)}
    assert grandchildren, "the additions have a grandchild of LLaMA (Code Llama through Llama 2)"
    got = set(ask_one(full, question)["models"])
    assert grandchildren <= got
    assert not set(ask_one(paper, question)["models"]) & full_catalog.beyond_ids
