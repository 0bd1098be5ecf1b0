"""Hostile user YAML: refused with one line naming the file, in bounded memory (a real subprocess)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from catalog import CatalogError, CatalogSettings, load_catalog
from catalog.load import BUILTIN_DIR

# Runs the real CLI and reports the child's own peak RSS (KB) on the last stderr line.
# VmHWM is the peak of this process's own memory map: unlike ru_maxrss it does not inherit the
# parent's resident size across fork+exec (a large pytest process would otherwise be measured).
_MEASURED = ("import re, sys\nfrom assistant.cli import main\nrc = main(sys.argv[1:])\n"
             "hwm = re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1)\n"
             "print(f'maxrss_kb={hwm}', file=sys.stderr)\nsys.exit(rc)\n")


def _measured_cli(*args) -> tuple[subprocess.CompletedProcess, float]:
    run = subprocess.run([sys.executable, "-c", _MEASURED, *args], capture_output=True, text=True, timeout=300)
    last = run.stderr.strip().splitlines()[-1]
    assert last.startswith("maxrss_kb="), run.stderr[-2000:]
    return run, int(last.split("=")[1]) / 1024


def _laughs(levels: int = 9) -> str:
    lines = ['l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, levels + 1):
        lines.append(f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 10) + "]")
    return "\n".join(lines) + f"\nid: laughs\nname: Laughs\nkey_points: *l{levels}\n"


def _problem(tmp_path: Path) -> tuple[str, str, str]:
    with pytest.raises(CatalogError) as info:
        load_catalog(CatalogSettings(extra_dirs=(tmp_path,)))
    assert len(info.value.problems) == 1, info.value.problems
    return info.value.problems[0]


def test_billion_laughs_is_refused_in_one_line_under_200_mb(tmp_path):
    bomb = tmp_path / "laughs.yaml"
    bomb.write_text(_laughs())
    run, peak_mb = _measured_cli("validate", str(tmp_path))
    errors = [line for line in run.stderr.splitlines() if not line.startswith("maxrss_kb=")]
    assert run.returncode == 1 and len(errors) == 1, run.stderr
    assert errors[0].startswith(f"error: invalid catalog: {bomb}: (yaml): refused:") and "alias" in errors[0]
    assert "Traceback" not in run.stderr
    assert peak_mb < 200, peak_mb


def test_a_50_mb_file_is_refused_in_one_line_under_200_mb(tmp_path):
    big = tmp_path / "big.yaml"
    with big.open("w") as f:
        f.write("id: big\nname: Big\nsummary: ")
        f.write("x" * (50 * 2**20))
        f.write("\n")
    run, peak_mb = _measured_cli("validate", str(tmp_path))
    errors = [line for line in run.stderr.splitlines() if not line.startswith("maxrss_kb=")]
    assert run.returncode == 1 and len(errors) == 1, run.stderr
    assert str(big) in errors[0] and "50.0 MB" in errors[0] and "at most 1 MB" in errors[0]
    assert peak_mb < 200, peak_mb


def test_a_small_amplification_is_still_caught(tmp_path):
    (tmp_path / "wide.yaml").write_text(_laughs(levels=5))  # 10^6 strings from ~300 bytes
    path, field, reason = _problem(tmp_path)
    assert path.endswith("wide.yaml") and field == "(yaml)" and "alias" in reason


def test_ordinary_anchors_and_aliases_still_load(tmp_path):
    text = (BUILTIN_DIR / "models" / "bert.yaml").read_text()
    text = text.replace("id: bert\n", "id: bert-anchored\n").replace("name: BERT\n", "name: BERT Anchored\n")
    text = text.replace("aliases:\n- Bidirectional Encoder Representations from Transformers\n", "aliases: []\n")
    text = text.replace("domains:\n- text\n", "domains: &d\n- text\n").replace("traits: []\n", "traits: []\n")
    (tmp_path / "bert-anchored.yaml").write_text(text)
    catalog = load_catalog(CatalogSettings(extra_dirs=(tmp_path,)))
    assert catalog.models["bert-anchored"].domains == catalog.models["bert"].domains


def test_recursive_alias_is_refused(tmp_path):
    (tmp_path / "loop.yaml").write_text("id: loop\nkey_points: &a [x, *a]\n")
    _, field, reason = _problem(tmp_path)
    assert field == "(yaml)" and "contains it" in reason


@pytest.mark.parametrize("depth", [100, 100_000])
def test_deep_nesting_is_refused(tmp_path, depth):
    (tmp_path / "deep.yaml").write_text("id: deep\nkey_points: " + "[" * depth + "]" * depth + "\n")
    _, field, reason = _problem(tmp_path)
    assert field == "(yaml)" and "nest" in reason


def test_duplicate_keys_are_refused(tmp_path):
    data = yaml.safe_load((BUILTIN_DIR / "models" / "bert.yaml").read_text())
    data.update(id="bert-dup", name="BERT Dup", aliases=[])
    text = yaml.safe_dump(data, sort_keys=False) + "license: Closed\n"
    (tmp_path / "bert-dup.yaml").write_text(text)
    path, field, reason = _problem(tmp_path)
    assert path.endswith("bert-dup.yaml") and field == "(yaml)" and "duplicate key 'license'" in reason


def test_invalid_utf8_names_the_file(tmp_path):
    (tmp_path / "bytes.yaml").write_bytes(b"id: bytes\nname: \xff\xfe\n")
    path, field, reason = _problem(tmp_path)
    assert path.endswith("bytes.yaml") and field == "(file)" and "cannot read" in reason


def test_an_empty_catalog_dir_flag_is_an_error_not_the_current_directory(tmp_path):
    (tmp_path / "stray.yaml").write_text("id: stray\n")  # would fail validation if the cwd were loaded
    run = subprocess.run([sys.executable, "-m", "assistant", "list", "--catalog-dir", ""], capture_output=True,
                         text=True, cwd=tmp_path, timeout=120)
    assert run.returncode == 1 and run.stderr.strip().startswith("error: invalid catalog: --catalog-dir")
    assert "empty path" in run.stderr and "stray" not in run.stderr
