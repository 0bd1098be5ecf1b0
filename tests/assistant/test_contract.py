"""The command-line JSON contract (documented in README.md), through real subprocesses."""

from __future__ import annotations

import json
import subprocess
import sys

KEYS = {"id", "question", "answer", "intent", "models", "citations", "abstained", "retrieved", "latency_ms"}


def _ask(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "assistant", "ask", *args], input=stdin,
                          capture_output=True, text=True, timeout=300)


def test_single_question_json():
    run = _ask("--json", "which models use prefix-LM objectives?")
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    assert KEYS <= set(data)
    assert set(data["models"]) == {"alexatm-20b", "ul2"} and data["abstained"] is False
    assert {c["arxiv_id"] for c in data["citations"]} == {"2208.01448", "2205.05131"}
    assert all({"model", "title", "arxiv_id", "url"} <= set(c) for c in data["citations"])
    assert all({"doc_id", "model", "score"} <= set(r) for r in data["retrieved"])
    assert isinstance(data["latency_ms"], float)


def test_markdown_output_has_sources():
    run = _ask("who built Chinchilla and how big is it?")
    assert run.returncode == 0 and "DeepMind" in run.stdout and "**Sources**" in run.stdout


def test_batch_from_stdin_with_history_and_bad_lines():
    lines = [
        json.dumps({"id": "a", "question": "which models use prefix-LM objectives?"}),
        json.dumps({"id": "b", "question": "which of those are from Google?", "history": ["which models use prefix-LM objectives?"]}),
        "{this is not json",
        json.dumps({"id": "d", "history": []}),
        json.dumps({"id": "e", "question": "who built Grok?"}),
        json.dumps({"id": "f", "question": "x", "history": "not a list"}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "h", "question": "a" * 200_000}),
        "",
        json.dumps({"id": "i", "question": "BibTeX for ELECTRA"}),
    ]
    run = _ask("--json", "--batch", "-", stdin="\n".join(lines) + "\n")
    assert run.returncode == 0, run.stderr
    out = [json.loads(line) for line in run.stdout.splitlines()]
    assert [o.get("id") for o in out] == ["a", "b", None, "d", "e", "f", None, "h", "i"]
    by = {o["id"]: o for o in out if o.get("id")}
    assert by["b"]["models"] == ["ul2"]
    assert by["e"]["abstained"] is True and by["e"]["citations"] == [] and by["e"]["models"] == []
    assert "not valid JSON" in out[2]["error"]
    assert "'question'" in by["d"]["error"] and "'history'" in by["f"]["error"]
    assert "longer than" in by["h"]["error"]
    assert by["i"]["citations"][0]["arxiv_id"] == "2003.10555"


def test_batch_file_missing_exits_nonzero(tmp_path):
    run = _ask("--json", "--batch", str(tmp_path / "nope.jsonl"))
    assert run.returncode == 1 and "cannot open batch file" in run.stderr


def test_python_m_assistant_equals_console_script():
    import shutil

    exe = shutil.which("catalog-assistant", path=str(__import__("pathlib").Path(sys.executable).parent))
    assert exe, "console script not installed"
    a = subprocess.run([exe, "cite", "bert"], capture_output=True, text=True)
    b = subprocess.run([sys.executable, "-m", "assistant", "cite", "bert"], capture_output=True, text=True)
    assert a.returncode == b.returncode == 0 and a.stdout == b.stdout
