"""``python -m eval.bench usercat``: a user catalog of 10,000 entries through the real command line.

Each figure is a fresh ``python -m assistant`` process, timed from outside (wall seconds, and
the CPU seconds it used, user + system: on a shared machine wall time also counts waiting for
a core) and with its own peak RSS (VmHWM): ``validate`` cold (parses every YAML file and writes the
catalog cache) and warm (reads the cache), then warm structured ``ask`` questions, including
the ones that list or count thousands of matches. Open questions need the 30,000 documents
embedded first (about 17 minutes at the measured embedding rate), so they are not run here.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from eval.usercat import write_user_catalog

QUESTIONS = ["how many models are from Google?", "who built BLOOM?", "list every model", "compare BERT and T5",
             "which lab has the most models?", "models based on BERT"]
# Runs the CLI, then prints this process's own peak RSS (VmHWM, KB) on the last stderr line.
_MEASURED = ("import re, sys\nfrom assistant.cli import main\nrc = main(sys.argv[1:])\nsys.stdout.flush()\n"
             "hwm = re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1)\n"
             "print(f'peak_kb={hwm}', file=sys.stderr)\nsys.exit(rc)\n")


def _run(args: list[str], env: dict) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds, peak RSS MB) of one CLI process; raises if it fails."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    run = subprocess.run([sys.executable, "-c", _MEASURED, *args], capture_output=True, text=True, env=env)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if run.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed: {run.stderr[-1500:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    peak = int(run.stderr.strip().splitlines()[-1].split("=")[1]) / 1024
    return wall, cpu, peak


def _figures(runs: list[tuple[float, float, float]]) -> dict:
    walls, cpus, peaks = zip(*runs)
    return {"wall_s": round(statistics.median(walls), 2), "cpu_s": round(statistics.median(cpus), 2),
            "peak_rss_mb": round(max(peaks), 1)}


def bench_usercat(ctx: dict, quick: bool) -> dict:
    n = 2_000 if quick else 10_000
    with tempfile.TemporaryDirectory(prefix="catalog-usercat-") as tmp:
        user = write_user_catalog(Path(tmp) / "user", n)
        env = {**os.environ, "HF_HUB_OFFLINE": "1", "CATALOG_ASSISTANT_CACHE": str(Path(tmp) / "cache"),
               "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
        flag = ["--catalog-dir", str(user)]
        out: dict = {"entries": n}
        out["validate_cold"] = _figures([_run(["validate", *flag], env)])
        out["validate_warm"] = _figures([_run(["validate", *flag], env) for _ in range(1 if quick else 3)])
        wall, _, _ = _run(["ask", "--json", QUESTIONS[1], *flag], env)  # ask's catalog settings (paper-only
        out["ask_first_s"] = round(wall, 2)  # by default) differ from validate's: its first call fills its cache
        asks = {q: _figures([_run(["ask", "--json", q, *flag], env) for _ in range(1 if quick else 3)]) for q in QUESTIONS}
        out["ask_warm"] = asks
        out["ask_warm_max_s"] = max(a["wall_s"] for a in asks.values())
        out["ask_warm_max_cpu_s"] = max(a["cpu_s"] for a in asks.values())
        out["load_average_1min"] = round(os.getloadavg()[0], 1)  # other work on the machine inflates wall times
    return out
