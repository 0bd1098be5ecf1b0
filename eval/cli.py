"""``catalog-assistant eval``: the gold set through the assistant and two top-k baselines, scored.

Registered through the ``catalog_assistant.commands`` entry point (``eval.cli:register``).
Nothing heavy is imported here at module level: the embedding model, matplotlib and rich load
only when the command runs.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from eval.run import SPLITS


def register(subparsers, common_parser) -> None:
    p = subparsers.add_parser("eval", parents=[common_parser],
                              help="score the assistant on the gold set (with dense and BM25 baselines)")
    p.add_argument("--gold", metavar="FILE", type=Path, help="a gold JSON Lines file (instead of --split)")
    p.add_argument("--split", choices=SPLITS, default="test", help="which packaged gold split to run (default: test)")
    p.add_argument("--report", metavar="DIR", type=Path, help="report folder (default: reports/eval-<split>)")
    p.add_argument("--baseline", metavar="RUN.json", type=Path,
                   help="an earlier run.json: flag metrics that fell by more than 0.01")
    p.add_argument("--fail-on-regression", action="store_true", help="exit 1 when --baseline finds a regression")
    p.add_argument("--no-baselines", action="store_true", help="skip the dense and BM25 baselines")
    p.add_argument("--limit", metavar="N", type=_positive, help="only the first N gold items")
    p.add_argument("--with-additions", action="store_true",
                   help="answer with the models beyond the paper even for a gold set that names none of them "
                        "(by default such a set, written against the paper's 77, runs with --paper-only)")
    p.set_defaults(func=cmd_eval)


def _positive(text: str) -> int:
    import argparse

    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text!r}")
    return value


def _err(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def cmd_eval(args) -> int:
    from assistant.service import settings_from_args as _settings
    from eval.report import find_regressions, read_run, write_report
    from eval.run import GoldSet, gold_files, load_gold, run_all

    label = args.gold.stem if args.gold else args.split
    out_dir = args.report or Path("reports") / f"eval-{label}"
    old_run = read_run(args.baseline) if args.baseline else None
    gold = load_gold([args.gold] if args.gold else gold_files(args.split), report=_err)
    if args.limit:
        gold = GoldSet(gold.items[: args.limit], gold.files, gold.skipped)
    settings = catalog_scope(_settings(args), gold, args)
    start = time.perf_counter()
    runs, timing = run_all(settings, gold, baselines=not args.no_baselines, progress=True, report=_err)
    regressions = find_regressions(old_run, runs[0]) if old_run else []
    write_report(out_dir, runs, gold, split=label, settings=settings, timing=timing,
                 regressions=regressions, baseline_path=args.baseline)
    print_summary(runs, gold, out_dir, regressions, args.baseline, time.perf_counter() - start)
    return 1 if regressions and args.fail_on_regression else 0


def catalog_scope(settings, gold, args):
    """The paper's gold sets (no model beyond the paper expected) run on the paper's catalog.

    ``--paper-only`` or ``CATALOG_ASSISTANT_PAPER_ONLY`` decide when given; ``--with-additions``
    keeps the additions; otherwise a gold set naming any addition runs with them, and one that
    names none (written against the 77) runs with ``paper_only``, as it was written.
    """
    import os

    from assistant.settings import ENV_PAPER_ONLY, index_name
    from catalog import CatalogSettings, load_catalog

    if args.with_additions:
        only = False
    elif args.paper_only is not None or os.environ.get(ENV_PAPER_ONLY, "").strip():
        return settings
    else:
        full = load_catalog(CatalogSettings(extra_dirs=settings.catalog.extra_dirs, paper_only=False))
        named = {m for item in gold.items for m in (*item.expected_models, *item.optional_models)}
        only = not (named & full.beyond_ids)
    _err("catalog: " + ("the paper's 77 models only" if only else "the paper's models and the additions beyond it"))
    return settings.model_copy(update={"catalog": settings.catalog.model_copy(update={"paper_only": only}),
                                       "index": settings.index.model_copy(update={"name": index_name(only)})})


def summary_rows(runs) -> list[tuple[str, list[str]]]:
    """(label, one cell per system) for the one-screen summary."""
    from eval.metrics import METRICS
    from eval.report import fmt

    rows = [("overall", [fmt(r.aggregate.metrics["overall"]) for r in runs])]
    for intent, (n, _) in runs[0].aggregate.by_intent.items():
        rows.append((f"  {intent} (n={n})", [fmt(r.aggregate.by_intent.get(intent, (0, None))[1]) for r in runs]))
    for metric, label in METRICS[1:]:
        rows.append((label, [fmt(r.aggregate.metrics[metric], metric) for r in runs]))
    return rows


def print_summary(runs, gold, out_dir: Path, regressions, baseline_path, seconds: float) -> None:
    from rich.console import Console
    from rich.table import Table

    from eval.report import SYSTEM_LABELS

    console = Console()
    table = Table(title=f"catalog-assistant eval: {len(gold.items)} questions", title_justify="left")
    table.add_column("metric")
    for r in runs:
        table.add_column(SYSTEM_LABELS.get(r.name, r.name), justify="right")
    for label, cells in summary_rows(runs):
        table.add_row(label, *cells, style="bold" if label == "overall" else None)
    console.print(table)
    if gold.skipped:
        console.print(f"[yellow]{len(gold.skipped)} gold line(s) skipped[/] (listed in report.md)")
    if runs[0].aggregate.errors:
        console.print(f"[red]{runs[0].aggregate.errors} assistant error(s)[/] (scored 0; see report.md)")
    if baseline_path:
        if regressions:
            console.print(f"[bold red]REGRESSIONS against {baseline_path}[/] (more than 0.01 down):")
            for r in regressions:
                console.print(f"  [red]{r.line()}[/]")
        else:
            console.print(f"no regressions against {baseline_path}")
    console.print(f"report written to {out_dir}/ (report.md, run.json, scores_by_intent.png, latency.png) "
                  f"in {seconds:.1f}s")
