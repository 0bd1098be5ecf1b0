"""The Makefile and .ci/run as a newcomer and CI use them, run for real in a scratch copy of the
repository whose .venv forwards to the Python running these tests (nothing is installed)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="GNU make is not installed")

PASSING = "def test_ok():\n    assert 1 + 1 == 2\n"
FAILING = "def test_broken():\n    assert 1 + 1 == 3\n"
BROWSER_FAILING = "import pytest\n\n@pytest.mark.browser\ndef test_needs_chromium():\n    assert False\n"


@pytest.fixture
def scratch(tmp_path) -> Path:
    """Makefile, .ci/run and pyproject.toml in a fresh folder; .venv is set up and 'installed'."""
    for name in ("Makefile", "pyproject.toml", ".ci/run"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / name, tmp_path / name)
    os.utime(tmp_path / "pyproject.toml", (0, 0))  # older than the stamp: setup is done
    bin_dir = tmp_path / ".venv" / "bin"
    bin_dir.mkdir(parents=True)
    for tool in ("python", "catalog-assistant"):
        target = f"{sys.executable}" if tool == "python" else f"{sys.executable} -m assistant"
        (bin_dir / tool).write_text(f'#!/bin/sh\nexec {target} "$@"\n')
        (bin_dir / tool).chmod(0o755)
    (tmp_path / ".venv" / ".installed").touch()
    (tmp_path / "tests").mkdir()
    return tmp_path


def _run(cwd: Path, *cmd: str, **env) -> subprocess.CompletedProcess:
    full_env = {**os.environ, "PYTHONPATH": str(REPO), "CI": "", **env}
    return subprocess.run(list(cmd), cwd=cwd, capture_output=True, text=True, env=full_env, timeout=300)


def test_make_serve_takes_a_port(scratch):
    run = _run(scratch, "make", "-n", "serve", "PORT=8123")
    assert run.returncode == 0, run.stderr
    assert ".venv/bin/catalog-assistant serve --port 8123" in run.stdout


def test_make_ask_takes_a_question_and_explains_itself_without_one(scratch):
    run = _run(scratch, "make", "ask", """Q=who built "ELECTRA"? $HOME""")
    assert run.returncode == 0, run.stderr
    assert "ELECTRA" in run.stdout and "[1]" in run.stdout and "Stanford" in run.stdout
    run = _run(scratch, "make", "ask")
    assert run.returncode != 0 and 'make ask Q="' in run.stderr


def test_make_test_without_chromium_or_root_says_what_to_do(scratch):
    (scratch / "tests" / "test_a.py").write_text(PASSING)
    run = _run(scratch, "make", "test", "CHROMIUM=/nonexistent/chromium", "CAN_INSTALL=")
    assert run.returncode != 0
    assert "apt-get install chromium fonts-noto-cjk" in run.stderr and "make test-fast" in run.stderr
    assert "Traceback" not in run.stderr
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    shown = readme.split("$ make test\n", 1)[1].split("```", 1)[0].replace("/usr/bin/chromium", "/nonexistent/chromium")
    ours = "\n".join(ln for ln in run.stderr.splitlines() if not ln.startswith("make: ***"))
    assert ours.strip() == shown.strip(), "the README shows another message"


def test_make_test_fast_runs_everything_but_the_browser_tests(scratch):
    (scratch / "tests" / "test_a.py").write_text(PASSING)
    (scratch / "tests" / "test_b.py").write_text(BROWSER_FAILING)
    run = _run(scratch, "make", "test-fast", "CHROMIUM=/nonexistent/chromium", "CAN_INSTALL=")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "1 passed, 1 deselected" in run.stdout


@pytest.mark.parametrize(("files", "ok"), [
    ({"test_a.py": PASSING}, True),
    ({"test_a.py": PASSING, "test_b.py": FAILING}, False),
    ({"test_a.py": PASSING, "test_b.py": BROWSER_FAILING}, False),  # CI runs the browser tests
    ({}, False),  # no tests collected (pytest exit 5)
])
def test_ci_fails_on_any_failing_or_missing_test(scratch, files, ok):
    for name, text in files.items():
        (scratch / "tests" / name).write_text(text)
    run = _run(scratch, ".ci/run", CHROMIUM=sys.executable, CJK_FONTS_CHECK="true")
    assert (run.returncode == 0) is ok, run.stdout + run.stderr
    if not files:
        assert "collected no tests" in run.stderr
