"""Concept texts in other languages: ``catalog/concepts_<lang>.yaml``, keyed by concept id.

Each entry gives a ``title`` and a ``summary`` written from the English concept entry (the same
facts, in that language's own words). Answers in that language show them; a concept with no
translation falls back to its English entry.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from catalog.errors import CatalogError

HERE = Path(__file__).resolve().parent

__all__ = ["ConceptText", "concept_texts"]


class ConceptText(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    title: str = Field(min_length=1)
    summary: str = Field(min_length=20)


@lru_cache(maxsize=None)
def concept_texts(language: str, folder: Path = HERE) -> dict[str, ConceptText]:
    """Concept id -> its text in ``language`` (empty when there is no file for it)."""
    path = folder / f"concepts_{language}.yaml"
    if not path.is_file():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    out, problems = {}, []
    for cid, spec in data.items():
        try:
            out[cid] = ConceptText.model_validate(spec)
        except ValidationError as e:
            problems.append((str(path), cid, str(e.errors()[0]["msg"])))
    if problems:
        raise CatalogError(problems)
    return out
