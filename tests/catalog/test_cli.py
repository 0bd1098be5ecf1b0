"""`list --json` and `cite` through the real command line."""

from __future__ import annotations

import json
import subprocess
import sys

import bibtexparser


def _run(*args):
    return subprocess.run([sys.executable, "-m", "assistant", *args], capture_output=True, text=True)


def test_list_json_has_every_entry_with_typed_fields():
    run = _run("list", "--json")
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    assert len(data) == 119 and sum(d["in_paper"] for d in data) == 77
    assert len(json.loads(_run("list", "--json", "--paper-only").stdout)) == 77
    ul2 = next(d for d in data if d["id"] == "ul2")
    assert ul2["architecture"] == "encoder-decoder"
    assert "prefix-lm" in ul2["objectives"]
    assert ul2["date"] == {"year": 2022, "month": 5}
    assert ul2["params"]["max_millions"] == 20000
    assert ul2["paper"]["arxiv_id"] == "2205.05131"


def test_cite_accepts_names_and_aliases_in_any_case():
    for name in ("electra", "ELECTRA", "Electra"):
        run = _run("cite", name, "--format", "bibtex")
        assert run.returncode == 0, run.stderr
        (entry,) = bibtexparser.parse_string(run.stdout).entries
        assert entry.fields_dict["eprint"].value == "2003.10555"
    assert "arXiv:1911.02116" in _run("cite", "XLM-R").stdout
    data = json.loads(_run("cite", "flan t5", "--format", "json").stdout)
    assert data["arxiv_id"] == "2210.11416" and data["model"] == "flan-t5"


def test_cite_unknown_model_is_a_clear_error():
    run = _run("cite", "Grok")
    assert run.returncode == 1
    assert "no model named 'Grok'" in run.stderr
    assert _run("cite", "GPT-4", "--paper-only").returncode == 1
    assert "arXiv:2303.08774" in _run("cite", "GPT-4").stdout
