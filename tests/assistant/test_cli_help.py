"""`--version` and `--help`: every subcommand shows examples, and every example is valid."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.cli import build_parser
from assistant.cli_help import EXAMPLES, MAIN_EXAMPLES

REPO = Path(__file__).resolve().parents[2]


def _run(*args, **kw):
    return subprocess.run([sys.executable, "-m", "assistant", *args], capture_output=True, text=True, **kw)


def test_version_matches_the_package_metadata():
    run = _run("--version")
    assert run.returncode == 0
    declared = re.search(r'^version = "([^"]+)"', (REPO / "pyproject.toml").read_text(), re.MULTILINE).group(1)
    assert run.stdout.strip() == f"catalog-assistant {declared}"


def _subcommands():
    return build_parser()._subparsers._group_actions[0].choices


def test_every_subcommand_has_examples_in_its_help():
    """A new subcommand (a plugin too) needs an entry in assistant/cli_help.py's EXAMPLES."""
    subs = _subcommands()
    assert {"ask", "chat", "cite", "list", "validate", "build-index", "serve", "eval"} <= set(subs)
    for name, parser in subs.items():
        text = parser.format_help()
        assert "examples:" in text, f"{name}: add its examples to EXAMPLES in assistant/cli_help.py"
        assert f"catalog-assistant {name}" in text, name
    assert "examples:" in build_parser().format_help()


def test_every_option_of_ask_and_cite_has_help_text():
    subs = _subcommands()
    for name in ("ask", "cite", "list", "validate"):
        for action in subs[name]._actions:
            assert action.help, f"{name} {action.option_strings or action.dest} has no help text"


@pytest.mark.parametrize("example", [e for items in EXAMPLES.values() for e, _ in items] + [e for e, _ in MAIN_EXAMPLES])
def test_every_example_parses(example):
    command = example.split("|")[-1].strip()
    argv = shlex.split(command)[1:]
    if argv[0] == "COMMAND":
        return
    args = build_parser().parse_args(argv)
    assert callable(args.func)


def test_the_batch_example_runs_as_written(tmp_path):
    (example, _) = EXAMPLES["ask"][2]
    command = example.replace("catalog-assistant", f"{shlex.quote(sys.executable)} -m assistant")
    env = {**os.environ, "CATALOG_ASSISTANT_CACHE": str(tmp_path)}
    run = subprocess.run(command, shell=True, capture_output=True, text=True, env=env, cwd=REPO)
    assert run.returncode == 0, run.stderr
    (line,) = run.stdout.splitlines()
    answer = json.loads(line)
    assert answer["id"] == "q1" and answer["models"] == ["electra"]
    assert [c["arxiv_id"] for c in answer["citations"]] == ["2003.10555"]
