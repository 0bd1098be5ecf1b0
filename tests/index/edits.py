"""A paper-only catalog in which one built-in entry's summary was edited by the user (an override
file in a catalog folder): what the freshness, donor and re-rank tests re-embed."""

from __future__ import annotations

from pathlib import Path

import yaml

from catalog import Catalog, CatalogSettings, load_catalog
from catalog.load import BUILTIN_DIR


def edited_catalog(tmp_path: Path, note: str, model_id: str = "bert") -> Catalog:
    user = tmp_path / "user"
    user.mkdir(exist_ok=True)
    data = yaml.safe_load((BUILTIN_DIR / "models" / f"{model_id}.yaml").read_text())
    data["summary"] += f" {note}"
    (user / f"{model_id}.yaml").write_text(yaml.safe_dump(data, sort_keys=False))
    return load_catalog(CatalogSettings(extra_dirs=(user,), paper_only=True))  # the same base as the `catalog` fixture
