"""``catalog-assistant eval`` end to end, as a user runs it (subprocess, real model, temp folders)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FILES = ("report.md", "run.json", "scores_by_intent.png", "latency.png")

pytestmark = pytest.mark.slow


def run_eval(*args, cache: Path) -> subprocess.CompletedProcess:
    env = os.environ | {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    cmd = [sys.executable, "-m", "assistant", "eval", "--cache-dir", str(cache), *map(str, args)]
    return subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def dev_report(tmp_path_factory, eval_cache_dir):
    out = tmp_path_factory.mktemp("eval-report")
    proc = run_eval("--split", "dev", "--limit", "10", "--no-baselines", "--report", out, cache=eval_cache_dir)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return out, proc


def test_eval_writes_the_report_files(dev_report):
    out, proc = dev_report
    for name in FILES:
        assert (out / name).is_file() and (out / name).stat().st_size > 0, name
    assert (out / "latency.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    run = json.loads((out / "run.json").read_text())
    assert run["split"] == "dev" and list(run["systems"]) == ["assistant"]
    assert [i["id"] for i in run["systems"]["assistant"]["items"]] == [f"dev-{n:03d}" for n in range(1, 11)]
    assert "overall" in proc.stdout and "report written to" in proc.stdout
    assert "## The 15 worst assistant failures" in (out / "report.md").read_text()


def test_a_drop_against_a_baseline_run_is_flagged(dev_report, tmp_path, eval_cache_dir, capsys):
    from assistant.cli import main  # in-process: the same command without a second interpreter

    out, _ = dev_report
    better = json.loads((out / "run.json").read_text())
    better["systems"]["assistant"]["aggregate"]["metrics"]["overall"] = 2.0  # unreachable: always a drop
    old = tmp_path / "old-run.json"
    old.write_text(json.dumps(better))
    args = ["eval", "--cache-dir", str(eval_cache_dir), "--split", "dev", "--limit", "3", "--no-baselines",
            "--report", str(tmp_path / "r"), "--baseline", str(old)]
    assert main(args) == 0
    printed = capsys.readouterr().out
    assert "REGRESSIONS" in printed and "overall: 2.000" in printed
    assert "**REGRESSION** overall" in (tmp_path / "r" / "report.md").read_text()
    assert main([*args, "--fail-on-regression"]) == 1


def test_an_unreadable_gold_file_is_a_one_line_error(tmp_path, eval_cache_dir):
    proc = run_eval("--gold", tmp_path / "missing.jsonl", "--report", tmp_path / "r", cache=eval_cache_dir)
    assert proc.returncode == 1 and proc.stderr.strip().startswith("error: cannot read gold file")
    assert "Traceback" not in proc.stderr and not (tmp_path / "r").exists()
