"""CI gate: the real assistant on the gold test split must stay above measured quality floors.

Runs in-process through the eval runner's own functions (``load_gold``, ``make_assistant``,
``run_assistant``), with the real embedding model and an index built under a temp folder.
The floors sit a few items below the figures measured when they were set; they may be raised,
never lowered below 0.90 (overall) and 0.95 (abstention recall).
"""

from __future__ import annotations

import pytest

from assistant.service import make_assistant
from assistant.settings import Settings
from eval.report import worst_failures
from eval.run import gold_files, load_gold, run_assistant

# Measured on the test split (215 items): overall 0.994, abstention recall 1.000 (27/27).
THRESHOLD_OVERALL = 0.97  # one item is 0.0047: allows about five more failures than measured
THRESHOLD_ABSTAIN_RECALL = 0.96  # 26/27 = 0.963: allows one missed abstention

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def test_split_run(eval_cache_dir):
    gold = load_gold(gold_files("test"))
    # the test split was written against the paper's 77 models: it runs on the paper's catalog,
    # as `catalog-assistant eval --split test` does (see eval.cli.catalog_scope)
    assistant = make_assistant(Settings.from_env(cache_dir=eval_cache_dir, paper_only=True))
    return gold, run_assistant(assistant, gold.items, progress=False)


def _worst(gold, run, n: int = 15) -> str:
    lines = []
    for item, score, result in worst_failures(gold, run, n):
        got = "error: " + result["error"] if result.get("error") else (
            "abstained" if result["abstained"] else f"models {result['models'][:8]}")
        history = f" (after {item.history})" if item.history else ""
        lines.append(f"  {item.id} [{item.intent}/{item.category}] score {score.score:.2f}: "
                     f"{item.question!r}{history} -> {got}; {'; '.join(score.notes)}")
    return "\n".join(lines) or "  (no failing items)"


def test_overall_score_meets_the_gate(test_split_run):
    gold, run = test_split_run
    overall = run.aggregate.metrics["overall"]
    assert overall >= THRESHOLD_OVERALL, (
        f"overall score {overall:.3f} < {THRESHOLD_OVERALL} on the test split; worst items:\n{_worst(gold, run)}")


def test_abstention_recall_meets_the_gate(test_split_run):
    gold, run = test_split_run
    recall = run.aggregate.metrics["abstain_recall"]
    missed = [s for s in run.scores if s.kind.value == "abstain" and s.score < 1]
    assert recall is not None and recall >= THRESHOLD_ABSTAIN_RECALL, (
        f"abstention recall {recall} < {THRESHOLD_ABSTAIN_RECALL}; answered instead of abstaining: "
        + ", ".join(f"{s.id} ({next(i.question for i in gold.items if i.id == s.id)!r})" for s in missed))


def test_no_answer_raised_an_error(test_split_run):
    _, run = test_split_run
    errors = [(s.id, s.error) for s in run.scores if s.error]
    assert not errors, f"answers that raised: {errors}"
