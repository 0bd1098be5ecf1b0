"""The Transformer catalog: typed, validated model and concept entries with their papers."""

from catalog.bibtex import to_bibtex, to_text
from catalog.cache import collector_paused
from catalog.errors import (
    CatalogAssistantError,
    CatalogError,
    EmbedderUnavailable,
    StaleIndexError,
)
from catalog.load import Catalog, CatalogSettings, entry_json, load_catalog, normalize_name
from catalog.citation import ET_AL, no_title
from catalog.schema import Concept, ModelEntry, Paper, Params, YearMonth
from catalog.vocab import Architecture, Domain, LicenseClass, Modality, Objective, Trait

__all__ = [
    "ET_AL",
    "Architecture",
    "Catalog",
    "CatalogAssistantError",
    "CatalogError",
    "CatalogSettings",
    "Concept",
    "Domain",
    "Modality",
    "EmbedderUnavailable",
    "LicenseClass",
    "ModelEntry",
    "Objective",
    "Paper",
    "Params",
    "StaleIndexError",
    "Trait",
    "YearMonth",
    "collector_paused",
    "entry_json",
    "load_catalog",
    "no_title",
    "normalize_name",
    "to_bibtex",
    "to_text",
]
