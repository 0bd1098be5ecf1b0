"""The one-pass YAML reader builds exactly what ``yaml.load`` (SafeLoader) builds, or defers to it."""

from __future__ import annotations

import datetime

import pytest
import yaml

from catalog.load import BUILTIN_DIR
from catalog.yamlsafe import Loader, UnsafeYaml, check_events, load_checked
from eval.usercat import write_user_catalog


def _same(a, b) -> bool:
    """Equal, with the same types all the way down (1 == True == 1.0, but not for YAML)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(type(x) is type(y) for x, y in zip(a, b)) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    if isinstance(a, float) and a != a:
        return b != b
    return a == b


def _outcome(fn, text):
    try:
        return "value", fn(text)
    except (yaml.YAMLError, UnsafeYaml, ValueError) as exc:
        return "error", f"{type(exc).__name__}: {exc}"


def test_every_builtin_entry_file_reads_the_same_in_one_pass():
    files = sorted(BUILTIN_DIR.glob("*/*.yaml"))
    assert len(files) > 100
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert check_events(text, build=True) is not None, f"{path.name} left the one-pass path"
        assert _same(load_checked(text), yaml.load(text, Loader=Loader)), path.name


def test_generated_user_entries_read_the_same_in_one_pass(tmp_path):
    for path in sorted(write_user_catalog(tmp_path, 120).glob("*/*.yaml")):
        text = path.read_text(encoding="utf-8")
        assert check_events(text, build=True) is not None
        assert _same(load_checked(text), yaml.load(text, Loader=Loader))


PLAIN = [
    "a: 1\nb: 01\nc: 0x1F\nd: 0o7\ne: 1_000\nf: -3\ng: +4\nh: 0b101\ni: 1:30\nj: -0",
    "a: 1.5\nb: .inf\nc: -.Inf\nd: .nan\ne: 1e3\nf: 1.0e+3\ng: 6.8523015e+5\nh: 190:20:30.15\ni: 0.\nj: ._",
    "a: yes\nb: No\nc: on\nd: OFF\ne: true\nf: False\ng: y\nh: n",
    "a: ~\nb: null\nc:\nd: Null\ne: NULL\nf: ''",
    "a: 2001-12-14\nb: 2001-12-14t21:59:43.10-05:00\nc: 2002-12-14 21:59:43.10 -5\nd: 2019-10\ne: '2019-10-01'",
    "a: 'yes'\nb: \"1\"\nc: |\n  block\n  text\nd: >\n  folded\n  text\ne: \"\\u00e9\\t\"",
    "- 1\n- [a, {b: c}]\n- {}\n- []\n- - - 1",
    "1: a\n2.5: b\ntrue: c\n~: d\n2001-01-01: e\n'<<': f",
    "--- a\n...\n",
    "just a string",
]
DEFERRED = [
    "", "a: &x 1\nb: *x", "<<: {a: 1}\nb: 2", "a: !!str 1", "--- 1\n--- 2", "? [a, b]\n: c", "? {a: 1}\n: c",
    "a: =", "a: b: c", "!!map {a: 1}", "a: !foo x", "a: &x [1, 2]\nb: *x", "a: *undefined", "{a: 1",
]


@pytest.mark.parametrize("text", PLAIN)
def test_plain_documents_are_built_from_the_events(text):
    built = check_events(text, build=True)
    assert built is not None
    assert _same(built[0], yaml.load(text, Loader=Loader))
    assert isinstance(yaml.load(text, Loader=Loader), (dict, list, str))


@pytest.mark.parametrize("text", DEFERRED)
def test_other_documents_get_what_yaml_load_gives(text):
    got, want = _outcome(load_checked, text), _outcome(lambda t: yaml.load(t, Loader=Loader), text)
    assert got[0] == want[0], (got, want)
    assert _same(got[1], want[1]) if got[0] == "value" else got[1] == want[1]


def test_typed_scalars_keep_their_python_types():
    data = load_checked("n: 3\nf: 2.5\nb: true\nz: ~\nd: 2020-01-02\ns: '3'\n")
    assert [type(v) for v in data.values()] == [int, float, bool, type(None), datetime.date, str]
