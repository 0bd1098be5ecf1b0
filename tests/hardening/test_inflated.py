"""Robustness property: gold and hardening questions (a fixed, stable sample of them, so the time stays
bounded as question sets are added), against the real catalog inflated with thousands of generated
entries and against an empty user directory, are answered or declined, never raise, and yield a
valid contract object.

The search index is real (FAISS + BM25 over every document) with the deterministic hashing
embedder: embedding 30,000 documents with MiniLM would take far longer than a test may, and the
property under test is that nothing raises whatever the retrieval returns.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

from assistant import Assistant
from assistant.answer import MARKER
from assistant.paginate import LIST_LIMIT
from assistant.service import ask_one
from catalog import CatalogSettings, load_catalog
from eval.usercat import write_user_catalog
from index import HashingEmbedder, IndexSettings, open_index
from tests.hardening.corpus import corpus

REPO = Path(__file__).resolve().parents[2]
# Questions about scale that a catalog of thousands must survive, whatever the gold set holds.
EXTRA = ["list every model", "list all the models in the catalog", "how many models are from Google?",
         "which lab has the most models?", "models per year", "largest model", "the 10 most recent models",
         "models from Google or Meta released after 2019", "models based on BERT", "compare BERT and T5",
         "which models are decoders?", "models with more than 1B parameters"]


def _gold() -> list[tuple[str, list[str]]]:
    out = []
    for path in sorted((REPO / "eval" / "gold").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                out.append((item["question"], list(item.get("history") or [])))
    return out


QUESTIONS = _gold() + [(q, []) for q in corpus() + EXTRA]
SET_WORDS = re.compile(r"\b(which|list|all|every|how many|count|models|largest|smallest|biggest|earliest|latest)\b", re.I)
# Every catalog (even the plain one, with an empty user directory) runs a fixed number of questions, so CI's time stays bounded as question sets are added:
# the scale questions above, then set questions (long lists, counts, rankings: where the catalog's size shows)
# and others in a stable order that does not depend on which file a question came from.
SAMPLE_EMPTY, SAMPLE_2000, SAMPLE_10000 = 2000, 800, 200


def _stable(question: tuple[str, list[str]]) -> str:
    return hashlib.sha1(json.dumps(question, ensure_ascii=False).encode("utf-8")).hexdigest()


def sample(n: int, set_share: float = 0.5) -> list[tuple[str, list[str]]]:
    """``n`` questions: every scale question, then set questions up to ``set_share`` of the rest, then others."""
    extra = [(q, []) for q in EXTRA]
    pool = sorted({_stable(x): x for x in QUESTIONS if x not in extra}.items())
    sets = [x for _, x in pool if SET_WORDS.search(x[0])]
    others = [x for _, x in pool if not SET_WORDS.search(x[0])]
    room = n - len(extra)
    take = min(len(sets), int(room * set_share))
    return extra + sets[:take] + others[:room - take]


def _assistant(tmp: Path, user: Path) -> Assistant:
    catalog = load_catalog(CatalogSettings(extra_dirs=(user,), paper_only=False))
    index, _ = open_index(catalog, IndexSettings(cache_dir=tmp / "cache"), HashingEmbedder(dimension=64))
    return Assistant(catalog, search=index)


def _check(result: dict, catalog) -> None:
    assert set(result) >= {"id", "question", "answer", "models", "citations", "abstained"} and "error" not in result
    json.dumps(result, ensure_ascii=False).encode("utf-8")  # printable as a batch line
    if result["abstained"]:
        assert not result["citations"] and not result["models"]
    assert all(m in catalog.models for m in result["models"])
    # At most one page of the paper's and user's models, plus the additions under their own heading.
    additions = sum(1 for e in catalog.models.values() if not e.in_paper)
    assert len(result["citations"]) <= LIST_LIMIT + additions + 10, len(result["citations"])
    body = re.sub(r"```.*?```", "", result["answer"], flags=re.S)
    assert {int(n) for n in MARKER.findall(body)} == set(range(1, len(result["citations"]) + 1))


def _run_all(assistant: Assistant, questions=QUESTIONS) -> int:
    failures = []
    for question, history in questions:
        try:
            _check(ask_one(assistant, question, history), assistant.catalog)
        except Exception as exc:  # collect every failure, then report them together
            failures.append(f"{question[:80]!r}: {type(exc).__name__}: {str(exc)[:200]}")
    assert not failures, f"{len(failures)} of {len(questions)} questions failed:\n" + "\n".join(failures[:20])
    return len(questions)


def test_the_question_set_is_complete():
    assert len(QUESTIONS) > SAMPLE_EMPTY and ("list every model", []) in QUESTIONS


def test_the_samples_are_fixed_in_size_stable_and_varied():
    small, large = sample(SAMPLE_10000, set_share=0.75), sample(SAMPLE_2000)
    assert len(small) == SAMPLE_10000 and len(large) == SAMPLE_2000 and len(set(map(json.dumps, large))) == SAMPLE_2000
    assert small == sample(SAMPLE_10000, set_share=0.75)  # the same questions on every run
    assert all((q, []) in small for q in EXTRA) and any(h for _, h in large)  # scale questions and follow-ups
    assert any(re.search(r"[\u4e00-\u9fff]", q) for q, _ in small)  # Chinese questions too
    assert any(history for _, history in QUESTIONS)  # follow-ups from the gold set keep their history


def test_a_sample_of_questions_with_an_empty_user_directory(tmp_path):
    (tmp_path / "empty").mkdir()
    assert _run_all(_assistant(tmp_path, tmp_path / "empty"), sample(SAMPLE_EMPTY, set_share=0.3)) == SAMPLE_EMPTY


@pytest.mark.timeout(900)
def test_a_sample_of_questions_with_2000_generated_entries(tmp_path):
    assistant = _assistant(tmp_path, write_user_catalog(tmp_path / "user", 2000))
    assert len(assistant.catalog) > 2000
    assert _run_all(assistant, sample(SAMPLE_2000)) == SAMPLE_2000


@pytest.mark.slow
@pytest.mark.timeout(1200)
def test_every_question_with_10000_generated_entries(tmp_path):
    assistant = _assistant(tmp_path, write_user_catalog(tmp_path / "user", 10_000))
    assert len(assistant.catalog) > 10_000
    listed = ask_one(assistant, "list every model")
    # The paper's and the user's models come first (paginated); the additions follow under their own heading.
    additions = sum(1 for e in assistant.catalog.models.values() if not e.in_paper)
    assert f"{len(assistant.catalog) - additions:,} models match; the first {LIST_LIMIT}" in listed["answer"]
    assert len(listed["models"]) == LIST_LIMIT + additions
    # Mostly set questions (where the catalog's size shows: long lists, counts, rankings), a fixed number.
    assert _run_all(assistant, sample(SAMPLE_10000, set_share=0.75)) == SAMPLE_10000
