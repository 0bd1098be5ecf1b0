"""The report folder: ``report.md``, ``run.json``, ``scores_by_intent.png`` and ``latency.png``;
and the comparison of a run's aggregate metrics with an earlier ``run.json``."""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Sequence

from catalog import CatalogAssistantError
from eval.metrics import LOWER_IS_BETTER, METRICS, GoldItem, ItemScore
from eval.run import GoldSet, SystemRun

REGRESSION_TOLERANCE = 0.01
WORST = 15
BASELINE_ANSWER_CHARS = 400  # run.json keeps the start of a baseline's concatenated documents
RUN_FORMAT = 1
RETRIEVAL = ("recall_at_5", "recall_at_10", "mrr", "ndcg_at_10")
LATENCY = ("latency_p50_ms", "latency_p95_ms")
LABELS = dict(METRICS)
SYSTEM_LABELS = {"assistant": "assistant", "dense": "dense top-5", "bm25": "BM25 top-5"}


@dataclass(frozen=True)
class Regression:
    metric: str
    old: float
    new: float

    def line(self) -> str:
        return f"{self.metric}: {self.old:.3f} -> {self.new:.3f} ({self.new - self.old:+.3f})"


# -- comparing with an earlier run ------------------------------------------------------------
def read_run(path: Path) -> dict:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        data["systems"]["assistant"]["aggregate"]["metrics"]  # noqa: B018 -- shape check
    except OSError as exc:
        raise CatalogAssistantError(f"cannot read baseline run {path}: {exc.strerror or exc}") from None
    except (ValueError, KeyError, TypeError):
        raise CatalogAssistantError(f"{path} is not a run.json written by `catalog-assistant eval`") from None
    return data


def flat_scores(aggregate_json: dict) -> dict[str, float]:
    """Every higher-is-better number of an aggregate: headline metrics, per intent, per category."""
    out = {k: v for k, v in aggregate_json["metrics"].items() if v is not None and k not in LOWER_IS_BETTER}
    for group in ("by_intent", "by_category"):
        for name, row in aggregate_json.get(group, {}).items():
            out[f"{group.removeprefix('by_')}/{name}"] = row["score"]
    return out


def find_regressions(old_run: dict, new: SystemRun, tolerance: float = REGRESSION_TOLERANCE) -> list[Regression]:
    """Assistant metrics that fell by more than ``tolerance`` since ``old_run``."""
    before = flat_scores(old_run["systems"]["assistant"]["aggregate"])
    after = flat_scores(new.aggregate.to_json())
    return [Regression(k, before[k], after[k]) for k in before
            if k in after and before[k] - after[k] > tolerance + 1e-12]


# -- run.json ---------------------------------------------------------------------------------
def git_commit(start: Path | None = None) -> str | None:
    """The checked-out commit, read from the .git folder (no git process); None if unknown."""
    here = (start or Path(__file__)).resolve()
    for folder in [here, *here.parents]:
        git = folder / ".git"
        if git.is_file() and git.read_text().startswith("gitdir:"):
            git = (folder / git.read_text().split(":", 1)[1].strip()).resolve()
        if git.is_dir():
            return _resolve_head(git)
    return None


def _resolve_head(git: Path) -> str | None:
    try:
        head = (git / "HEAD").read_text().strip()
        if not head.startswith("ref:"):
            return head or None
        ref = head.split(":", 1)[1].strip()
        if (git / ref).is_file():
            return (git / ref).read_text().strip()
        packed = git / "packed-refs"
        for line in packed.read_text().splitlines() if packed.is_file() else []:
            if line.endswith(" " + ref):
                return line.split(" ", 1)[0]
    except OSError:
        return None
    return None


def item_record(item: GoldItem, score: ItemScore, result: dict, max_answer_chars: int | None = None) -> dict:
    """One scored item for run.json; a baseline's answer (its retrieved texts) is shortened."""
    record = asdict(score)
    record["kind"] = score.kind.value
    record["notes"] = list(score.notes)
    answer = result.get("answer")
    if max_answer_chars is not None and isinstance(answer, str) and len(answer) > max_answer_chars:
        more = len(answer) - max_answer_chars
        result = {**result, "answer": f"{answer[:max_answer_chars]} … [{more} more characters]"}
    return {"id": item.id, "question": item.question, "history": item.history, **record, "response": result}


def _items(gold: GoldSet, run: SystemRun) -> list[dict]:
    limit = None if run.name == "assistant" else BASELINE_ANSWER_CHARS
    return [item_record(i, s, r, limit) for i, s, r in zip(gold.items, run.scores, run.results)]


def run_document(runs: Sequence[SystemRun], gold: GoldSet, *, split: str, settings, timing: dict,
                 regressions: Sequence[Regression], baseline_path: Path | None) -> dict:
    return {
        "format": RUN_FORMAT,
        "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "split": split,
        "gold_files": [str(p) for p in gold.files],
        "skipped_gold_lines": gold.skipped,
        "git_commit": git_commit(),
        "settings": settings.model_dump(mode="json"),
        "timing": {k: round(v, 3) for k, v in timing.items()},
        "compared_with": str(baseline_path) if baseline_path else None,
        "regressions": [asdict(r) for r in regressions],
        "systems": {r.name: {"aggregate": r.aggregate.to_json(), "seconds": round(r.seconds, 3),
                             "items": _items(gold, r)} for r in runs},
    }


# -- report.md --------------------------------------------------------------------------------
def fmt(value: float | None, metric: str = "") -> str:
    if value is None:
        return "n/a"
    return f"{value:.1f}" if metric.endswith("_ms") else f"{value:.3f}"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    return lines + ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows] + [""]


def _names(runs: Sequence[SystemRun]) -> list[str]:
    return [SYSTEM_LABELS.get(r.name, r.name) for r in runs]


def _metric_table(runs: Sequence[SystemRun], metrics: Sequence[str]) -> list[str]:
    rows = [[LABELS[m], *(fmt(r.aggregate.metrics[m], m) for r in runs), str(runs[0].aggregate.support[m])]
            for m in metrics]
    return _table(["metric", *_names(runs), "n"], rows)


def _group_table(runs: Sequence[SystemRun], group: str) -> list[str]:
    keys = getattr(runs[0].aggregate, group)
    rows = [[k, str(n), *(fmt(getattr(r.aggregate, group).get(k, (0, None))[1]) for r in runs)]
            for k, (n, _) in keys.items()]
    return _table([group.removeprefix("by_"), "n", *_names(runs)], rows)


def _expected(item: GoldItem) -> str:
    if item.abstain:
        return "abstain"
    parts = [f"models {', '.join(item.expected_models)}"] if item.expected_models else []
    parts += [f"values {'; '.join(' | '.join(g) for g in item.expected_values)}"] if item.expected_values else []
    parts += [f"arXiv {', '.join(item.expected_arxiv)}"] if item.expected_arxiv else []
    parts += [f"keywords {', '.join(item.expected_keywords)}"] if item.expected_keywords else []
    return "; ".join(parts) or "an answer"


def _got(result: dict) -> str:
    if result.get("error"):
        return f"error: {result['error']}"
    cited = [c.get("arxiv_id") or c.get("model") or "?" for c in result.get("citations", [])]
    return (f"intent {result.get('intent')}; {'abstained' if result.get('abstained') else 'answered'}; "
            f"models {_some(result.get('models') or [])}; cited {_some(cited)}")


def _some(ids: Sequence[str], limit: int = 12) -> str:
    more = f" … (+{len(ids) - limit})" if len(ids) > limit else ""
    return (", ".join(ids[:limit]) + more) or "-"


def worst_failures(gold: GoldSet, run: SystemRun, n: int = WORST) -> list[tuple[GoldItem, ItemScore, dict]]:
    """The ``n`` lowest-scoring items below 1.0, lowest first (ties in gold order)."""
    rows = [(i, s, r) for i, s, r in zip(gold.items, run.scores, run.results) if s.score < 1.0]
    return sorted(rows, key=lambda row: row[1].score)[:n]


def _failure_lines(gold: GoldSet, run: SystemRun) -> list[str]:
    failing = sum(1 for s in run.scores if s.score < 1.0)
    lines = [f"## The {WORST} worst assistant failures ({failing} items scored below 1)", ""]
    for rank, (item, score, result) in enumerate(worst_failures(gold, run), start=1):
        excerpt = " ".join(str(result.get("answer", "")).split())[:300]
        lines += [f"### {rank}. {item.id} ({item.intent} / {item.category}), score {score.score:.2f}", "",
                  f"- **Question:** {_cell(item.question)}",
                  f"- **History:** {_cell(' → '.join(item.history)) if item.history else '(none)'}",
                  f"- **Expected:** {_cell(_expected(item))}",
                  f"- **Got:** {_cell(_got(result))}",
                  f"- **Why:** {_cell('; '.join(score.notes)) or 'partial credit'}",
                  f"- **Answer:** {_cell(excerpt)}", ""]
    return lines if len(lines) > 2 else lines + ["No failures.", ""]


def markdown(runs: Sequence[SystemRun], gold: GoldSet, doc: dict, regressions: Sequence[Regression]) -> str:
    lines = [f"# Evaluation report: {doc['split']} split", "",
             f"- created {doc['created']}, commit {doc['git_commit'] or 'unknown'}",
             f"- gold: {', '.join(doc['gold_files'])} ({len(gold.items)} items, {len(gold.skipped)} lines skipped)",
             "- timing: " + ", ".join(f"{k.removesuffix('_seconds')} {v:.1f}s" for k, v in doc["timing"].items()),
             f"- assistant errors: {runs[0].aggregate.errors}", ""]
    lines += [f"- skipped: {s}" for s in gold.skipped] + ([""] if gold.skipped else [])
    if doc["compared_with"]:
        lines += [f"## Comparison with {doc['compared_with']}", ""]
        lines += ([f"- **REGRESSION** {r.line()}" for r in regressions] or ["No metric fell by more than 0.01."]) + [""]
    scores = [m for m, _ in METRICS if m not in RETRIEVAL + LATENCY]
    lines += ["## Scores", ""] + _metric_table(runs, scores)
    lines += ["## By intent", ""] + _group_table(runs, "by_intent")
    lines += ["## By category", ""] + _group_table(runs, "by_category")
    lines += ["## Retrieval (non-abstain items with gold models)", ""] + _metric_table(runs, RETRIEVAL)
    lines += ["## Latency (warm process, per question)", ""] + _metric_table(runs, LATENCY)
    lines += ["![scores by intent](scores_by_intent.png)", "", "![assistant latency](latency.png)", ""]
    return "\n".join(lines + _failure_lines(gold, runs[0]))


# -- plots ------------------------------------------------------------------------------------
def _pyplot():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def plot_scores_by_intent(runs: Sequence[SystemRun], path: Path) -> None:
    plt = _pyplot()
    intents = list(runs[0].aggregate.by_intent)
    width = 0.8 / len(runs)
    fig, ax = plt.subplots(figsize=(max(6.0, 1.2 * len(intents) + 2), 4.2))
    for n, run in enumerate(runs):
        values = [run.aggregate.by_intent.get(i, (0, 0.0))[1] for i in intents]
        xs = [x + (n - (len(runs) - 1) / 2) * width for x in range(len(intents))]
        ax.bar(xs, values, width, label=SYSTEM_LABELS.get(run.name, run.name))
    ax.set_xticks(range(len(intents)), intents, rotation=20)
    ax.set_ylim(0, 1.15)
    ax.set_ylabel("mean item score")
    ax.set_title("Score by intent")
    ax.legend(loc="upper center", ncol=len(runs), fontsize="small", frameon=False)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def plot_latency(run: SystemRun, path: Path) -> None:
    plt = _pyplot()
    values = [s.latency_ms for s in run.scores if s.latency_ms is not None] or [0.0]
    lo, hi = max(min(values), 1e-3), max(max(values), 1e-3)
    fig, ax = plt.subplots(figsize=(6.4, 4.0))
    if hi / lo > 50:  # spans orders of magnitude: log-spaced bins on a log axis
        bins = [lo * (hi / lo) ** (i / 30) for i in range(31)]
        ax.set_xscale("log")
    else:
        bins = 30
    ax.hist(values, bins=bins, color="#4472c4")
    for label, metric in (("p50", "latency_p50_ms"), ("p95", "latency_p95_ms")):
        value = run.aggregate.metrics[metric]
        if value is not None and not math.isnan(value):
            ax.axvline(value, color="black", linestyle="--" if label == "p50" else ":", label=f"{label} {value:.1f} ms")
    ax.set_xlabel("latency per question (ms)")
    ax.set_ylabel("questions")
    ax.set_title(f"{run.name} latency ({len(values)} questions)")
    ax.legend(fontsize="small")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def write_report(out_dir: Path, runs: Sequence[SystemRun], gold: GoldSet, *, split: str, settings, timing: dict,
                 regressions: Sequence[Regression] = (), baseline_path: Path | None = None) -> dict:
    """Write the four files; returns the run document (what run.json holds)."""
    out_dir = Path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        doc = run_document(runs, gold, split=split, settings=settings, timing=timing,
                           regressions=regressions, baseline_path=baseline_path)
        (out_dir / "run.json").write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        (out_dir / "report.md").write_text(markdown(runs, gold, doc, regressions), encoding="utf-8")
        plot_scores_by_intent(runs, out_dir / "scores_by_intent.png")
        plot_latency(runs[0], out_dir / "latency.png")
    except OSError as exc:
        raise CatalogAssistantError(f"cannot write the report to {out_dir}: {exc.strerror or exc}") from None
    return doc
