"""The README as a newcomer reads it: links resolve inside the repository, nothing points outside
it, the JSON answer's fields are all documented, and the commands it shows run as written."""

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

REPO = Path(__file__).resolve().parents[2]
README = REPO / "README.md"
DOCS = [README, *sorted((REPO / "docs").glob("*.md")), *sorted((REPO / "catalog").glob("*.md"))]
PREFIX = ".venv/bin/catalog-assistant"
_LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
_FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.S | re.M)


def _anchors(text: str) -> set[str]:
    """GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens."""
    heads = re.findall(r"^#+\s+(.*)$", _FENCE.sub("", text), re.M)
    return {re.sub(r"[^\w\- ]", "", h.strip().lower()).replace(" ", "-") for h in heads}


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: str(p.relative_to(REPO)))
def test_every_relative_link_resolves_inside_the_repository(doc):
    text = doc.read_text(encoding="utf-8")
    bad = []
    for target in _LINK.findall(_FENCE.sub("", text)):
        if re.match(r"^[a-z]+:", target):
            continue
        path, _, anchor = target.partition("#")
        dest = (doc.parent / path).resolve() if path else doc
        if not dest.is_relative_to(REPO) or not dest.exists():
            bad.append(f"{target}: not a file in the repository")
        elif anchor and dest.suffix == ".md" and anchor not in _anchors(dest.read_text(encoding="utf-8")):
            bad.append(f"{target}: no heading #{anchor}")
    assert not bad, bad


def test_nothing_points_outside_the_repository():
    offenders = []
    for path in REPO.rglob("*"):
        rel = path.relative_to(REPO)
        if rel.parts[0] in (".git", ".venv", ".cache", "reports", "test-artifacts", "build") or rel.parts[0].endswith(".egg-info") or not path.is_file():
            continue
        if path.suffix not in (".md", ".py", ".toml", ".yaml", ".cfg", ".txt", "") or path == Path(__file__):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        if re.search(r"\.\./shared\b|\bshared/(?:CONTRACT|STYLE|catalog-source)", text):
            offenders.append(str(rel))
    assert not offenders, offenders


def _json_section() -> str:
    text = README.read_text(encoding="utf-8")
    return text[text.index("## The JSON answer"):text.index("\n## ", text.index("## The JSON answer") + 5)]


def test_every_field_of_a_real_answer_is_documented(tmp_path):
    env = {**os.environ, "CATALOG_ASSISTANT_CACHE": str(tmp_path)}
    run = subprocess.run([sys.executable, "-m", "assistant", "ask", "--json", "who built Chinchilla and how big is it?"],
                         capture_output=True, text=True, env=env, cwd=REPO)
    assert run.returncode == 0, run.stderr
    answer = json.loads(run.stdout)
    section = _json_section()
    documented = set(re.findall(r"^\| `(\w+)` \|", section, re.M))
    assert set(answer) <= documented, f"undocumented answer fields: {sorted(set(answer) - documented)}"
    for nested in ("citations", "retrieved"):
        for key in answer[nested][0]:
            assert f"`{key}`" in section, f"{nested}.{key} is not documented"
    for contract in ("query", "language", "beyond_paper", "POST /api/ask"):
        assert contract in README.read_text(encoding="utf-8")


def _console_examples():
    """(command, shown output) for each `$ .venv/bin/catalog-assistant ...` line in a console block."""
    text = README.read_text(encoding="utf-8")
    for lang, body in _FENCE.findall(text):
        if lang != "console":
            continue
        lines = body.rstrip("\n").split("\n")
        starts = [i for i, ln in enumerate(lines) if ln.startswith("$ ")] + [len(lines)]
        for a, b in zip(starts, starts[1:]):
            command = lines[a][2:]
            if command.startswith(PREFIX) and b > a + 1:
                yield command, "\n".join(lines[a + 1:b])


def test_console_examples_print_what_the_readme_shows(tmp_path):
    examples = [(c, out) for c, out in _console_examples() if shlex.split(c)[1] in ("ask", "cite", "list")]
    assert len(examples) >= 2
    env = {**os.environ, "CATALOG_ASSISTANT_CACHE": str(tmp_path)}
    for command, shown in examples:
        argv = [sys.executable, "-m", "assistant", *shlex.split(command)[1:]]
        run = subprocess.run(argv, capture_output=True, text=True, env=env, cwd=REPO)
        assert run.returncode == 0, run.stderr
        assert run.stdout.rstrip("\n") == shown, (
            f"README.md shows another output for `{command}`: paste the current one into its console block:\n{run.stdout}")


def _commands_in_readme() -> list[str]:
    text = README.read_text(encoding="utf-8")
    found = re.findall(r"`(" + re.escape(PREFIX) + r" [^`]*)`", text)
    for _, body in _FENCE.findall(text):
        joined = body.replace("\\\n", " ")
        found += [m.strip() for m in re.findall(re.escape(PREFIX) + r"[^\n|]*", joined)]
    return [c for c in found if "COMMAND" not in c and "…" not in c and "..." not in c]


def test_every_catalog_assistant_command_in_the_readme_parses():
    commands = _commands_in_readme()
    assert len(commands) >= 5
    for command in commands:
        argv = shlex.split(re.sub(r"\s*\[[^\]]*\]", "", command.lstrip("$ ")))[1:]  # a synopsis: no [optional] parts
        if argv in (["--version"], ["--help"]):
            continue
        args = build_parser().parse_args(argv)
        assert callable(args.func), command


def test_every_command_says_where_it_lives():
    """A newcomer has no `catalog-assistant` or project `python` on PATH: commands start with .venv/bin/."""
    text = README.read_text(encoding="utf-8")
    bare = re.compile(r"^(?:\$ )?(?:catalog-assistant|python3?|pip|pytest) ")
    spans = re.findall(r"`([^`\n]+)`", _FENCE.sub("", text))
    lines = [ln.strip() for lang, body in _FENCE.findall(text) if lang in ("bash", "console", "sh", "")
             for ln in body.splitlines()]
    offenders = [c for c in spans + lines if bare.match(c)]
    assert not offenders, f"write these as .venv/bin/... (or a make target): {offenders}"


def test_every_make_target_in_the_readme_exists():
    targets = set(re.findall(r"^([\w-]+):", (REPO / "Makefile").read_text(), re.M))
    named = set(re.findall(r"`make ([a-z][\w-]*)", README.read_text(encoding="utf-8")))
    assert {"serve", "test", "test-fast", "ask", "eval", "bench"} <= named
    assert named <= targets, f"README names make targets the Makefile lacks: {sorted(named - targets)}"
