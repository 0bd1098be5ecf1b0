"""The evaluation runner: read the gold set, ask every question, score every answer.

The assistant is driven exactly like the contract's batch mode: ``ask_one(assistant,
question, history, id)`` in one process, with the embedding model and the index loaded once.
"""

from __future__ import annotations

import json
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

from pydantic import ValidationError

from catalog import CatalogAssistantError
from eval.metrics import Aggregate, GoldItem, ItemScore, aggregate, score_item

GOLD_DIR = Path(__file__).resolve().parent / "gold"
SPLITS = ("dev", "test", "all")
Reporter = Callable[[str], None]


def to_stderr(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


@dataclass(frozen=True)
class GoldSet:
    items: list[GoldItem]
    files: list[Path]
    skipped: list[str] = field(default_factory=list)  # one readable line per rejected gold line


@dataclass(frozen=True)
class SystemRun:
    """One system's answers to every gold item, scored."""

    name: str
    results: list[dict]
    scores: list[ItemScore]
    aggregate: Aggregate
    seconds: float


def gold_files(split: str) -> list[Path]:
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r} (choose from {', '.join(SPLITS)})")
    names = ("dev", "test") if split == "all" else (split,)
    return [GOLD_DIR / f"{n}.jsonl" for n in names]


def _gold_problem(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        return "; ".join(f"{'.'.join(map(str, e['loc'])) or 'item'}: {e['msg']}" for e in exc.errors())
    if isinstance(exc, json.JSONDecodeError):
        return f"not valid JSON ({exc.msg})"
    return str(exc)


def parse_gold_lines(lines, source: str, seen: set[str] | None = None) -> tuple[list[GoldItem], list[str]]:
    """Valid items and one message per bad line (invalid JSON, schema errors, duplicate ids)."""
    seen = set() if seen is None else seen
    items: list[GoldItem] = []
    skipped: list[str] = []
    for lineno, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            item = GoldItem.model_validate(json.loads(raw))
            if item.id in seen:
                raise ValueError(f"duplicate id {item.id!r}")
        except (ValueError, ValidationError) as exc:
            skipped.append(f"{source}:{lineno}: {_gold_problem(exc)}")
            continue
        seen.add(item.id)
        items.append(item)
    return items, skipped


def load_gold(paths: Sequence[Path], report: Reporter = to_stderr) -> GoldSet:
    """Every valid item of the gold files; a bad line is reported and skipped."""
    items: list[GoldItem] = []
    skipped: list[str] = []
    seen: set[str] = set()
    for path in paths:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise CatalogAssistantError(f"cannot read gold file {path}: {exc.strerror or exc}") from None
        got, bad = parse_gold_lines(text.splitlines(), str(path), seen)
        items += got
        skipped += bad
    for msg in skipped:
        report(f"warning: skipped gold line {msg}")
    if not items:
        raise CatalogAssistantError(f"no valid gold items in {', '.join(map(str, paths))}")
    return GoldSet(items, list(paths), skipped)


def progress_bar(iterable, *, desc: str, total: int, enabled: bool):
    if not enabled:
        return iterable
    from tqdm import tqdm

    return tqdm(iterable, desc=desc, total=total, unit="q", file=sys.stderr, leave=False, dynamic_ncols=True)


def ask_gold(assistant, item: GoldItem) -> dict:
    """The contract's answer object for one gold item; a failure becomes ``{"id", "error"}``."""
    from assistant.service import ask_one

    try:
        return ask_one(assistant, item.question, item.history, item.id)
    except CatalogAssistantError as exc:
        return {"id": item.id, "error": str(exc)}
    except Exception as exc:  # one broken answer must not stop the evaluation; it scores 0
        return {"id": item.id, "error": f"{type(exc).__name__}: {exc}"}


def score_system(name: str, items: Sequence[GoldItem], results: list[dict], seconds: float) -> SystemRun:
    scores = [score_item(item, result) for item, result in zip(items, results, strict=True)]
    return SystemRun(name, results, scores, aggregate(items, scores), seconds)


def run_assistant(assistant, items: Sequence[GoldItem], *, progress: bool = True) -> SystemRun:
    """Every gold item through the assistant (one process, model and index loaded once)."""
    start = time.perf_counter()
    results = [ask_gold(assistant, item)
               for item in progress_bar(items, desc="assistant", total=len(items), enabled=progress)]
    return score_system("assistant", items, results, time.perf_counter() - start)


def warm_up(assistant) -> float:
    """Open the index and load the embedding model before timing answers; returns seconds."""
    start = time.perf_counter()
    index = assistant.search
    if index is not None:
        index.query_vector("warm-up")
    return time.perf_counter() - start


def unknown_models(items: Sequence[GoldItem], catalog) -> list[str]:
    """One message per gold model id the catalog does not know (a stale or mistyped gold item)."""
    return [f"{item.id} expects {m!r}, which is not a catalog id" for item in items
            for m in (*item.expected_models, *item.optional_models) if m not in catalog.models]


def run_all(settings, gold: GoldSet, *, baselines: bool = True, progress: bool = True,
            report: Reporter = to_stderr) -> tuple[list[SystemRun], dict[str, float]]:
    """The assistant (and the dense and BM25 baselines) over the gold set, with timings."""
    from assistant.service import make_assistant

    timing: dict[str, float] = {}
    start = time.perf_counter()
    assistant = make_assistant(settings, progress=progress, report=report)
    for msg in unknown_models(gold.items, assistant.catalog):
        report(f"warning: gold item {msg}")
    timing["load_seconds"] = time.perf_counter() - start + warm_up(assistant)
    runs = [run_assistant(assistant, gold.items, progress=progress)]
    timing["assistant_seconds"] = runs[0].seconds
    if baselines:
        from eval.baselines import run_baselines

        runs += run_baselines(settings, assistant.catalog, gold.items, index=assistant.search,
                              progress=progress, report=report)
        for r in runs[1:]:
            timing[f"{r.name}_seconds"] = r.seconds
    timing["total_seconds"] = time.perf_counter() - start
    return runs, timing
