"""The catalog against both reference files (kept in tests/data/reference/): coverage, facts,
papers and provenance, and every deviation listed in catalog/ERRATA.md. Nothing here skips."""

from __future__ import annotations

import json
import re

import bibtexparser
import pytest

from catalog import CatalogSettings, Objective, load_catalog, to_bibtex
from catalog.load import BUILTIN_DIR
from tests.conftest import EXTENSION, REFERENCE

FIELDS = {  # reference field -> project value getter
    "name": lambda e: e.name,
    "aliases": lambda e: e.aliases,
    "family": lambda e: e.family,
    "architecture": lambda e: e.architecture.value,
    "architecture_note": lambda e: e.architecture_note,
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
    "key_points": lambda e: e.key_points,
}
PAPER_FIELDS = ("title", "authors", "year", "venue", "arxiv_id", "url", "verified")
ADDITION_FIELDS = {  # extension-only fields
    "sources": lambda e: e.provenance.sources,
    "corrections": lambda e: e.provenance.uncertainties,
}
# fields the project renamed or extended on purpose for the paper's models (documented in ERRATA.md)
PAPER_ONLY_SKIP: set[str] = set()


def _read(path) -> dict[str, dict]:
    return {r["id"]: r for r in json.loads(path.read_text(encoding="utf-8"))}


@pytest.fixture(scope="module")
def reference() -> dict[str, dict]:
    return _read(REFERENCE)


@pytest.fixture(scope="module")
def extension() -> dict[str, dict]:
    return _read(EXTENSION)


@pytest.fixture(scope="module")
def errata() -> set[tuple[str, str]]:
    rows = re.findall(r"^\| ([a-z0-9.\-]+) \| ([a-z_ /.]+?) \|", (BUILTIN_DIR / "ERRATA.md").read_text(), re.M)
    return {(mid, field.split(" / ")[0].strip()) for mid, field in rows if mid != "id"}


def _deviations(catalog, facts: dict[str, dict], errata, fields: dict) -> list[tuple]:
    unlisted = []
    for mid, ref in facts.items():
        entry = catalog.models[mid]
        for field, get in fields.items():
            if field in ref and get(entry) != ref[field] and (mid, field) not in errata:
                unlisted.append((mid, field, ref[field], get(entry)))
        for key in PAPER_FIELDS:
            if getattr(entry.paper, key) != ref["paper"][key] and (mid, "paper") not in errata:
                unlisted.append((mid, f"paper.{key}", ref["paper"][key], getattr(entry.paper, key)))
    return unlisted


def test_reference_files_are_in_the_repository():
    assert REFERENCE.is_file() and EXTENSION.is_file()
    assert "shared" not in REFERENCE.relative_to(REFERENCE.parents[3]).parts


def test_paper_models_are_exactly_the_77(full_catalog, reference):
    assert len(reference) == 77
    assert full_catalog.paper_ids == set(reference)
    assert all(full_catalog.models[m].in_paper for m in reference)


def test_additions_are_exactly_the_42(full_catalog, extension):
    assert len(extension) == 42
    assert full_catalog.beyond_ids == set(extension)
    for mid in extension:
        assert (BUILTIN_DIR / "beyond" / f"{mid}.yaml").is_file(), mid


def test_paper_only_catalog_has_no_addition(catalog, full_catalog, reference):
    paper = load_catalog(CatalogSettings(paper_only=True))
    assert set(paper.models) == set(reference) and not paper.beyond_ids
    assert all(c.in_paper for c in paper.concepts.values())
    for c in paper.concepts.values():
        assert set(c.related_models) <= set(reference), c.id
    assert set(full_catalog.concepts) - set(paper.concepts) == {
        c.id for c in full_catalog.concepts.values() if not c.in_paper}


def test_paper_facts_match_reference_or_are_listed_in_errata(full_catalog, reference, errata):
    fields = {k: v for k, v in FIELDS.items() if k not in PAPER_ONLY_SKIP}
    unlisted = _deviations(full_catalog, reference, errata, fields)
    assert not unlisted, f"deviations missing from catalog/ERRATA.md: {unlisted}"


def test_addition_facts_match_extension_or_are_listed_in_errata(full_catalog, extension, errata):
    unlisted = _deviations(full_catalog, extension, errata, {**FIELDS, **ADDITION_FIELDS})
    assert not unlisted, f"deviations missing from catalog/ERRATA.md: {unlisted}"


def test_errata_rows_are_real_deviations(full_catalog, reference, extension, errata):
    assert errata, "ERRATA.md lists no deviation"
    facts = {**reference, **extension}
    getters = {**FIELDS, **ADDITION_FIELDS}
    for mid, field in errata:
        assert mid in facts, (mid, field)
        assert field in getters, (mid, field)
        assert getters[field](full_catalog.models[mid]) != facts[mid][field], f"{mid}.{field} is listed but not changed"


def test_verified_arxiv_ids_match(full_catalog, reference, extension):
    for mid, ref in {**reference, **extension}.items():
        if ref["paper"]["verified"]:
            assert full_catalog.models[mid].paper.arxiv_id == ref["paper"]["arxiv_id"], mid


def test_only_claude_3_is_unverified_among_the_additions(full_catalog):
    unverified = {m for m in full_catalog.beyond_ids if not full_catalog.models[m].paper.verified}
    assert unverified == {"claude-3"}
    assert full_catalog.models["claude-3"].paper.arxiv_id is None


def test_summaries_are_written_and_sized(full_catalog):
    for e in full_catalog.models.values():
        words = len(e.summary.split())
        assert 80 <= words <= 200, (e.id, words)
        assert e.name.split()[0].lower() in e.summary.lower(), e.id


def _ngrams(text: str, n: int) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z0-9]+", text.lower())
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


def test_addition_summaries_are_not_pasted_from_the_facts(full_catalog, extension):
    """Own words: no summary repeats eight words in a row of its record's prose fields."""
    for mid, ref in extension.items():
        prose = " | ".join([ref["application"], ref["corpus"], ref["task"], *ref["key_points"], *ref["corrections"]])
        shared = _ngrams(full_catalog.models[mid].summary, 8) & _ngrams(prose, 8)
        assert not shared, (mid, sorted(shared)[:2])


def test_every_objective_has_a_concept_and_a_model(catalog, full_catalog):
    concept_objectives = {c.objective for c in full_catalog.concepts.values() if c.objective}
    used = {o for e in full_catalog.models.values() for o in e.objectives}
    assert set(Objective) == concept_objectives == used
    paper_used = {o for e in catalog.models.values() for o in e.objectives}
    assert paper_used == {c.objective for c in catalog.concepts.values() if c.objective}


def test_prefix_lm_is_exactly_alexatm_and_ul2(full_catalog):
    found = {e.id for e in full_catalog.models.values() if Objective.PREFIX_LM in e.objectives}
    assert found == {"alexatm-20b", "ul2"}


def test_bibtex_parses_for_every_model(full_catalog):
    for e in full_catalog.models.values():
        text = to_bibtex(e.paper, f"{e.name} (no formal title)")
        lib = bibtexparser.parse_string(text)
        assert not lib.failed_blocks, e.id
        (entry,) = lib.entries
        assert entry.key == e.paper.bibtex_key
        assert entry.fields_dict["year"].value == str(e.paper.year)
        if e.paper.arxiv_id:
            assert entry.fields_dict["eprint"].value == e.paper.arxiv_id


def test_bibtex_keys_are_unique_per_paper(full_catalog):
    keys: dict[str, str] = {}
    for e in full_catalog.models.values():
        title = e.paper.title or e.id
        assert keys.setdefault(e.paper.bibtex_key, title) == title, e.id


def test_catalog_paper_concept_cites_arxiv_2302_07730(catalog):
    paper = catalog.concepts["transformer-catalog"].paper
    assert paper.arxiv_id == "2302.07730"
    assert paper.authors[0] == "Xavier Amatriain"


def test_lineage_edges_point_inside_the_catalog(catalog, full_catalog):
    for cat in (catalog, full_catalog):
        for e in cat.models.values():
            assert set(e.derived_from) <= set(cat.models), e.id
    assert {e.id for e in catalog.models.values() if "llama" in e.derived_from} == {"alpaca", "vicuna", "openassistant-llama"}


@pytest.mark.parametrize("child,parent", [
    ("llama-2", "llama"), ("code-llama", "llama-2"), ("zephyr", "mistral-7b"), ("llava", "vicuna"),
    ("bloomz", "bloom"), ("deepseek-r1", "deepseek-v3"), ("tulu-3", "llama-3"), ("mixtral-8x7b", "mistral-7b"),
])
def test_lineage_of_the_additions(full_catalog, child, parent):
    assert parent in full_catalog.models[child].derived_from


def test_mixture_of_experts_sizes_give_total_and_active(full_catalog):
    for mid, total, active in [("mixtral-8x7b", 47000, 13000), ("deepseek-v3", 671000, 37000),
                               ("jamba", 52000, 12000), ("qwen3", 235000, 22000), ("glam", 1200000, 96000)]:
        params = full_catalog.models[mid].params
        labels = {v.label: v.millions for v in params.variants}
        assert params.max_millions == total, mid
        assert any("active" in (lab or "") and m == active for lab, m in labels.items()), mid


def test_parts_of_a_model_are_not_size_variants(full_catalog):
    """SAM's parameter text names its parts (the 632M image encoder, the 4M prompt encoder and mask decoder):
    a size variant is a released model, so only the whole model is one."""
    assert [v.millions for v in full_catalog.models["sam"].params.variants] == [636]


def test_undisclosed_sizes_stay_null(full_catalog):
    for mid in ("gpt-4", "gpt-4o", "palm-2", "gemini-1.0", "gemini-1.5", "claude-3", "wizardlm"):
        params = full_catalog.models[mid].params
        assert params.max_millions is None and not params.variants, mid


def test_google_deepmind_answers_for_google_and_deepmind(full_catalog):
    gemma = full_catalog.models["gemma"]
    assert gemma.org_names == ["Google DeepMind"]
    assert {"Google", "DeepMind", "Google DeepMind"} <= gemma.lab_keys
    assert full_catalog.models["chinchilla"].lab_keys == {"DeepMind"}
    assert full_catalog.models["t5"].lab_keys == {"Google"}



def test_a_size_active_per_token_is_no_size_variant(full_catalog):
    """How many sizes a model comes in counts its released sizes: GLaM (1.2T, ~96B active per token) and Mixtral
    (47B, 13B active) come in one size each; BERT in two."""
    from assistant.facets import FACETS

    count = FACETS["variants"].number
    assert [count(full_catalog.models[m]) for m in ("glam", "mixtral-8x7b", "bert")] == [1.0, 1.0, 2.0]


def test_qwen25_sizes_are_its_seven_open_weight_releases(full_catalog):
    """ERRATA: the reference named only the two ends ("from 0.5B to 72B"); a 7B or 14B Qwen2.5 was missed."""
    sizes = sorted(v.millions for v in full_catalog.models["qwen2.5"].params.variants)
    assert sizes == [500, 1500, 3000, 7000, 14000, 32000, 72000]
