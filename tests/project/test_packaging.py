"""The package builds without setuptools warnings and its wheel carries every data file."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PACKAGES = ("catalog", "index", "assistant", "ui", "eval")
IGNORE = shutil.ignore_patterns("__pycache__", "*.pyc")


def _data_files() -> set[str]:
    return {
        p.relative_to(REPO).as_posix()
        for pkg in PACKAGES
        for p in (REPO / pkg).rglob("*")
        if p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts
    }


def test_wheel_builds_quietly_and_ships_every_data_file(tmp_path):
    src = tmp_path / "src"
    for pkg in PACKAGES:
        shutil.copytree(REPO / pkg, src / pkg, ignore=IGNORE)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO / name, src / name)
    code = f"import setuptools.build_meta as b; print(b.build_wheel({str(tmp_path / 'dist')!r}))"
    run = subprocess.run([sys.executable, "-c", code], cwd=src, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    log = run.stdout + run.stderr
    warnings = [ln for ln in log.splitlines() if "warn" in ln.lower() and "byte-compiling is disabled" not in ln]
    assert not warnings, "\n".join(warnings)
    wheel = tmp_path / "dist" / run.stdout.strip().splitlines()[-1]
    names = set(zipfile.ZipFile(wheel).namelist())
    missing = sorted(_data_files() - names)
    assert not missing, f"data files left out of the wheel (add a glob to package-data): {missing}"
    assert "catalog/models/bert.yaml" in names and "eval/gold/test.jsonl" in names
    assert not any(n.startswith(("tests/", "scripts/", "docs/")) for n in names)
