"""Synthetic user catalogs: N valid entry files in a ``--catalog-dir`` folder, made from the real ones.

Entry ``k`` copies the facts of built-in model ``k mod 77`` under a new id and name
(``bert-u123``, "BERT U123"), moves its date by a few months, and may derive from its
built-in original, so list, count, lineage and fact questions all see thousands of matches.
Used by the robustness tests and by ``python -m eval.bench usercat``.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from catalog.load import BUILTIN_DIR


def _base_entries() -> list[dict]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return [yaml.load(p.read_text(encoding="utf-8"), Loader=loader)
            for p in sorted((BUILTIN_DIR / "models").glob("*.yaml"))]


def synthetic_entry(base: dict, k: int) -> dict:
    data = dict(base)
    data["id"] = f"{base['id']}-u{k}"
    data["name"] = f"{base['name']} U{k}"
    data["aliases"] = []
    year, month = (int(x) for x in str(base["date"]).split("-"))
    month_index = year * 12 + month - 1 + (k % 7) - 3
    data["date"] = f"{min(max(month_index // 12, 2000), 2100):04d}-{month_index % 12 + 1:02d}"
    data["derived_from"] = [base["id"]] if k % 3 == 0 else []
    data["summary"] = f"A locally added variant (number {k}) of {base['name']}. " + base["summary"]
    return data


def write_user_catalog(root: Path, n: int) -> Path:
    """Write ``n`` valid model files under ``root`` (100 per subfolder); returns ``root``."""
    root = Path(root)
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    bases = _base_entries()
    for k in range(n):
        data = synthetic_entry(bases[k % len(bases)], k)
        folder = root / f"batch{k // 100:04d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{data['id']}.yaml").write_text(
            yaml.dump(data, Dumper=dumper, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return root
