"""The parser against its spec: question -> typed query, field by field, without answering.

Each row of ``parser_spec.jsonl`` pins the fields it names (the others must keep their
defaults), so a change that breaks the parser names the question and the field it broke.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.assistant.spec import DEFAULTS, project

ROWS = [json.loads(line) for line in (Path(__file__).parent / "parser_spec.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()]


@pytest.fixture(scope="module")
def understander(catalog):
    from assistant.understand import Understander

    return Understander(catalog)


def test_the_spec_is_large_and_covers_every_intent():
    assert len(ROWS) >= 150
    assert {r["intent"] for r in ROWS} >= {"list", "fact", "citation", "compare", "concept", "count", "lineage", "out_of_scope"}
    assert sum(1 for r in ROWS if "≠" in r.get("where", "") or "∉" in r.get("where", "") or "NOT" in r.get("where", "")) >= 20


@pytest.mark.parametrize("row", ROWS, ids=[r["q"][:60] for r in ROWS])
def test_parser_spec(understander, catalog, row):
    got = project(understander.understand(row["q"]), catalog)
    for name, default in [("intent", None), *DEFAULTS.items()]:
        want = row.get(name, default)
        assert got[name] == want, f"field {name!r} of {row['q']!r}: got {got[name]!r}, expected {want!r}"
