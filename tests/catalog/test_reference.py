"""The project's catalog against the reference facts: coverage, papers, and every deviation listed in ERRATA.md."""

from __future__ import annotations

import json
import os
import re

import bibtexparser
import pytest

from catalog import Objective, to_bibtex
from catalog.load import BUILTIN_DIR
from tests.conftest import REFERENCE

FIELDS = {  # reference field -> project value getter
    "name": lambda e: e.name,
    "family": lambda e: e.family,
    "architecture": lambda e: e.architecture.value,
    "task": lambda e: e.task,
    "task_is_finetuning": lambda e: e.task_is_finetuning,
    "application": lambda e: e.application,
    "date": lambda e: str(e.date),
    "num_params": lambda e: e.params.raw,
    "max_params_millions": lambda e: e.params.max_millions,
    "corpus": lambda e: e.corpus,
    "license": lambda e: e.license,
    "license_class": lambda e: e.license_class.value,
    "lab": lambda e: e.labs,
    "link": lambda e: e.link,
}


@pytest.fixture(scope="module")
def reference():
    if not REFERENCE.is_file():
        if os.environ.get("CI"):
            pytest.fail(f"reference facts not found at {REFERENCE} (CI must provide shared/ beside the checkout)")
        pytest.skip(f"reference facts not found at {REFERENCE} (they live in shared/ beside the checkout)")
    return {r["id"]: r for r in json.loads(REFERENCE.read_text(encoding="utf-8"))}


@pytest.fixture(scope="module")
def errata() -> set[tuple[str, str]]:
    rows = re.findall(r"^\| ([a-z0-9.\-]+) \| ([a-z_ /.]+?) \|", (BUILTIN_DIR / "ERRATA.md").read_text(), re.M)
    return {(mid, field.split(" / ")[0].strip()) for mid, field in rows if mid != "id"}


def test_every_reference_id_is_in_the_catalog(catalog, reference):
    assert set(reference) <= set(catalog.models)
    assert len(reference) == 77


def test_verified_arxiv_ids_match(catalog, reference):
    for mid, ref in reference.items():
        if ref["paper"]["verified"]:
            assert catalog.models[mid].paper.arxiv_id == ref["paper"]["arxiv_id"], mid


def test_facts_match_reference_or_are_listed_in_errata(catalog, reference, errata):
    unlisted = []
    for mid, ref in reference.items():
        entry = catalog.models[mid]
        for field, get in FIELDS.items():
            if get(entry) != ref[field] and (mid, field) not in errata:
                unlisted.append((mid, field, ref[field], get(entry)))
        for key in ("title", "authors", "year", "venue", "url"):
            if getattr(entry.paper, key) != ref["paper"][key] and (mid, "paper") not in errata:
                unlisted.append((mid, f"paper.{key}", ref["paper"][key], getattr(entry.paper, key)))
    assert not unlisted, f"deviations missing from catalog/ERRATA.md: {unlisted}"


def test_errata_rows_are_real_deviations(catalog, reference, errata):
    assert errata, "ERRATA.md lists no deviation"
    for mid, field in errata:
        assert field in FIELDS, (mid, field)
        assert FIELDS[field](catalog.models[mid]) != reference[mid][field], f"{mid}.{field} is listed but not changed"


def test_summaries_are_written_and_sized(catalog):
    for e in catalog.models.values():
        words = len(e.summary.split())
        assert 80 <= words <= 200, (e.id, words)
        assert e.name.split()[0].lower() in e.summary.lower(), e.id


def test_every_objective_has_a_concept_and_a_model(catalog):
    concept_objectives = {c.objective for c in catalog.concepts.values() if c.objective}
    used = {o for e in catalog.models.values() for o in e.objectives}
    assert set(Objective) == concept_objectives
    assert set(Objective) == used


def test_prefix_lm_is_exactly_alexatm_and_ul2(catalog):
    found = {e.id for e in catalog.models.values() if Objective.PREFIX_LM in e.objectives}
    assert found == {"alexatm-20b", "ul2"}


def test_bibtex_parses_for_every_model(catalog):
    for e in catalog.models.values():
        text = to_bibtex(e.paper, f"{e.name} (no formal title)")
        lib = bibtexparser.parse_string(text)
        assert not lib.failed_blocks, e.id
        (entry,) = lib.entries
        assert entry.key == e.paper.bibtex_key
        assert entry.fields_dict["year"].value == str(e.paper.year)
        if e.paper.arxiv_id:
            assert entry.fields_dict["eprint"].value == e.paper.arxiv_id


def test_bibtex_keys_are_unique_per_paper(catalog):
    keys: dict[str, str] = {}
    for e in catalog.models.values():
        title = e.paper.title or e.id
        assert keys.setdefault(e.paper.bibtex_key, title) == title, e.id


def test_catalog_paper_concept_cites_arxiv_2302_07730(catalog):
    paper = catalog.concepts["transformer-catalog"].paper
    assert paper.arxiv_id == "2302.07730"
    assert paper.authors[0] == "Xavier Amatriain"


def test_lineage_edges_point_inside_the_catalog(catalog):
    for e in catalog.models.values():
        assert set(e.derived_from) <= set(catalog.models), e.id
    assert {e.id for e in catalog.models.values() if "llama" in e.derived_from} == {"alpaca", "vicuna", "openassistant-llama"}
