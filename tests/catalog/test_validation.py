"""Broken entry files are reported with file, field and reason; user directories add and override."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from catalog import CatalogError, CatalogSettings, load_catalog
from catalog.load import BUILTIN_DIR

BERT = BUILTIN_DIR / "models" / "bert.yaml"


def _user_entry(tmp_path: Path, stem: str, **changes) -> Path:
    data = yaml.safe_load(BERT.read_text())
    data.update(changes)
    for key in [k for k, v in changes.items() if v is None]:
        data.pop(key)
    path = tmp_path / f"{stem}.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    return path


def _problems(tmp_path: Path):
    with pytest.raises(CatalogError) as info:
        load_catalog(CatalogSettings(extra_dirs=(tmp_path,)))
    return info.value.problems, str(info.value)


def test_bad_enum_names_file_and_field(tmp_path):
    path = _user_entry(tmp_path, "bert-x", id="bert-x", name="BERT-X", aliases=[], architecture="transformerish")
    problems, message = _problems(tmp_path)
    assert (str(path), "architecture") == problems[0][:2]
    assert "transformerish" in message and "encoder" in message


def test_missing_field_names_it(tmp_path):
    path = _user_entry(tmp_path, "bert-y", id="bert-y", name="BERT-Y", aliases=[], paper=None)
    problems, _ = _problems(tmp_path)
    assert (str(path), "paper", "required field is missing") in problems


def test_bad_date_is_explained(tmp_path):
    _user_entry(tmp_path, "bert-z", id="bert-z", name="BERT-Z", aliases=[], date="October 2018")
    problems, _ = _problems(tmp_path)
    assert problems[0][1] == "date"
    assert "YYYY-MM" in problems[0][2]


def test_month_out_of_range(tmp_path):
    _user_entry(tmp_path, "bert-m", id="bert-m", name="BERT-M", aliases=[], date="2019-13")
    problems, _ = _problems(tmp_path)
    assert problems[0][1].startswith("date")


def test_duplicate_id_in_one_directory(tmp_path):
    (tmp_path / "sub").mkdir()
    _user_entry(tmp_path, "dup", id="dup", name="Dup One", aliases=[])
    _user_entry(tmp_path / "sub", "dup", id="dup", name="Dup Two", aliases=[])
    problems, _ = _problems(tmp_path)
    assert any(field == "id" and "duplicate id 'dup'" in reason for _, field, reason in problems)


def test_id_must_match_file_name(tmp_path):
    path = _user_entry(tmp_path, "mismatch", id="other-id", name="Other", aliases=[])
    problems, _ = _problems(tmp_path)
    assert (str(path), "id") == problems[0][:2]


def test_invalid_yaml_reports_line(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text("id: broken\nname: [unclosed\n")
    problems, _ = _problems(tmp_path)
    assert problems[0][0] == str(path) and problems[0][1] == "(yaml)" and "line" in problems[0][2]


def test_unknown_field_is_named(tmp_path):
    _user_entry(tmp_path, "bert-q", id="bert-q", name="BERT-Q", aliases=[], colour="red")
    problems, _ = _problems(tmp_path)
    assert ("colour", "unknown field (check the spelling)") in {(f, r) for _, f, r in problems}


def test_lineage_must_point_at_catalog_models(tmp_path):
    path = _user_entry(tmp_path, "bert-l", id="bert-l", name="BERT-L", aliases=[], derived_from=["no-such-model"])
    problems, _ = _problems(tmp_path)
    assert (str(path), "derived_from", "unknown model id 'no-such-model'") in problems


def test_name_clash_with_another_model_is_reported(tmp_path):
    _user_entry(tmp_path, "bert-c", id="bert-c", name="RoBERTa")
    problems, _ = _problems(tmp_path)
    assert any(field == "aliases" and "already used" in reason for _, field, reason in problems)


def test_override_and_addition_from_user_directory(tmp_path):
    _user_entry(tmp_path, "bert", summary="A local override of BERT written for this test. " * 3)
    _user_entry(tmp_path, "my-bert", id="my-bert", name="MyBERT", aliases=["My BERT"], labs=["Acme"])
    catalog = load_catalog(CatalogSettings(extra_dirs=(tmp_path,), paper_only=True))
    assert catalog.models["bert"].summary.startswith("A local override")
    assert catalog.lookup("my bert").id == "my-bert"
    assert len(catalog.models) == 78


def test_alias_lookup_is_case_and_punctuation_insensitive(catalog):
    assert catalog.lookup("xlm-r").id == "xlm-roberta"
    assert catalog.lookup("Flan T5").id == "flan-t5"
    assert catalog.lookup("gpt3").id == "gpt-3"
    assert catalog.lookup("LAMDA").id == "lamda"
    assert catalog.lookup("GPT-NeoX").id == "gpt-neox-20b"
    assert catalog.lookup("not a model") is None


def test_validate_command_reports_and_exits_1(tmp_path):
    _user_entry(tmp_path, "bad", id="bad", name="Bad", aliases=[], license_class="sort-of")
    run = subprocess.run([sys.executable, "-m", "assistant", "validate", str(tmp_path)], capture_output=True, text=True)
    assert run.returncode == 1
    assert "bad.yaml: license_class:" in run.stderr
    assert "Traceback" not in run.stderr


def test_validate_command_prints_counts():
    run = subprocess.run([sys.executable, "-m", "assistant", "validate"], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert "catalog valid: 77 paper models and 42 additions, 52 concepts, 0 errors" in run.stdout
    assert "\nby architecture: decoder 43, encoder 16, encoder-decoder 15, other 3" in run.stdout
    assert "additions by architecture: decoder 36, encoder 2, encoder-decoder 2, other 2" in run.stdout
    assert "by year:" in run.stdout and "additions by year:" in run.stdout
    paper = subprocess.run([sys.executable, "-m", "assistant", "validate", "--paper-only"], capture_output=True, text=True)
    assert "catalog valid: 77 paper models and 0 additions" in paper.stdout
    assert "additions by" not in paper.stdout


def test_environment_variable_adds_directory(tmp_path, monkeypatch):
    shutil.copy(BERT, tmp_path / "bert.yaml")
    _user_entry(tmp_path, "env-model", id="env-model", name="EnvModel", aliases=[])
    monkeypatch.setenv("CATALOG_ASSISTANT_CATALOG_DIR", str(tmp_path))
    run = subprocess.run([sys.executable, "-m", "assistant", "list"], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert "env-model" in run.stdout
