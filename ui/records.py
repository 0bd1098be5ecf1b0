"""Catalog records for programs: typed listing with filters, one model's record, a citation.

Shared by the JSON API (``ui.http_api``) and the MCP tools (``ui.mcp_tools``). Listing builds the
assistant's own typed query (facet constraints, ``assistant.query``) and selects with its matcher
(``assistant.retrieve.select``), so ``GET /api/models?lab=Google&objective=prefix-lm`` selects
exactly what the question "prefix-LM models from Google" selects; ``in_paper`` is the ``catalog``
facet (the paper's models or the additions since the paper), as in the Browse tab's filter.
A door that serves the paper's catalog alone (``--paper-only``) knows the whole catalog only to
say why an addition's id is not found (``missing``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, model_validator

from assistant.facets import BEYOND, PAPER
from assistant.query import And, Constraint, Intent, Op, Query
from assistant.retrieve import select
from assistant.service import cite_entry
from catalog import Architecture, Catalog, Domain, LicenseClass, Modality, ModelEntry, Objective, Trait, entry_json
from catalog.vocab import canonical_lab

CiteFormat = Literal["bibtex", "text", "json"]
MAX_PAGE = 500


class ModelQuery(BaseModel):
    """Typed filters for listing models; every field is optional and they combine with AND."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    architecture: list[Architecture] = Field(default_factory=list, description="any of these architectures")
    lab: list[str] = Field(default_factory=list, max_length=20, description="any of these labs (e.g. Google, Meta)")
    objective: list[Objective] = Field(default_factory=list, description="all of these pretraining objectives")
    license: list[LicenseClass] = Field(default_factory=list, description="any of these license classes")
    domain: list[Domain] = Field(default_factory=list, description="any of these domains")
    trait: list[Trait] = Field(default_factory=list, description="all of these traits")
    input: list[Modality] = Field(default_factory=list, description="takes in all of these kinds of data (text, image, video, audio...)")
    output: list[Modality] = Field(default_factory=list, description="gives out all of these kinds of data")
    derived_from: Optional[str] = Field(None, max_length=200, description="a catalog model id or name it derives from")
    year_from: Optional[int] = Field(None, ge=2000, le=2100, description="released in or after this year")
    year_to: Optional[int] = Field(None, ge=2000, le=2100, description="released in or before this year")
    size_min_b: Optional[float] = Field(None, ge=0, le=1e6, description="largest variant has at least this many billion parameters")
    size_max_b: Optional[float] = Field(None, ge=0, le=1e6, description="largest variant has at most this many billion parameters")
    in_paper: Optional[bool] = Field(None, description="true: only the paper's models; false: only the models "
                                                       "added since the paper; unset: both")
    limit: int = Field(100, ge=1, le=MAX_PAGE, description="models per page")
    offset: int = Field(0, ge=0, description="models to skip")

    @model_validator(mode="after")
    def _ranges(self):
        if self.year_from and self.year_to and self.year_from > self.year_to:
            raise ValueError("year_from is after year_to")
        if self.size_min_b is not None and self.size_max_b is not None and self.size_min_b > self.size_max_b:
            raise ValueError("size_min_b is larger than size_max_b")
        if any(len(lab) > 200 for lab in self.lab):
            raise ValueError("a lab name is longer than 200 characters")
        return self


def to_query(q: ModelQuery, catalog: Catalog) -> Query:
    """The assistant's typed ``Query`` (an AND of facet constraints) for a ``ModelQuery``.

    Raises ValueError for an unknown parent model."""
    where: list[Constraint] = []

    def add(facet: str, values: list, op: Op = Op.IN) -> None:
        if values:
            where.append(Constraint(facet=facet, op=op, values=list(values)))

    add("architecture", [a.value for a in q.architecture])
    add("lab", [canonical_lab(lab) for lab in q.lab])
    add("objective", [o.value for o in q.objective], Op.ALL)
    add("license", [c.value for c in q.license])
    add("domain", [d.value for d in q.domain])
    add("trait", [t.value for t in q.trait], Op.ALL)
    add("input", [m.value for m in q.input], Op.ALL)
    add("output", [m.value for m in q.output], Op.ALL)
    if q.in_paper is not None:
        add("catalog", [catalog_value(q.in_paper)])
    if q.derived_from:
        parent = catalog.lookup(q.derived_from)
        if parent is None:
            raise ValueError(f"derived_from: no model named {q.derived_from!r} in the catalog")
        add("derived", [parent.id])
    if q.year_from:
        add("date", [q.year_from * 100 + 1], Op.GE)
    if q.year_to:
        add("date", [q.year_to * 100 + 12], Op.LE)
    if q.size_min_b is not None:
        add("size", [q.size_min_b * 1000], Op.GE)
    if q.size_max_b is not None:
        add("size", [q.size_max_b * 1000], Op.LE)
    return Query(text="", intent=Intent.LIST, where=And(items=where))


def catalog_value(in_paper: bool) -> str:
    """The ``catalog`` facet's value for an ``in_paper`` filter (shared with the Browse tab)."""
    return PAPER if in_paper else BEYOND


def summary(e: ModelEntry) -> dict:
    """One line of a listing: enough to choose a model, with its paper's link."""
    return {
        "id": e.id, "name": e.name, "organizations": e.org_names, "date": str(e.date),
        "architecture": e.architecture.value, "params_millions": e.params.max_millions,
        "license_class": e.license_class.value, "objectives": [o.value for o in e.objectives],
        "paper": {"title": e.paper.title, "arxiv_id": e.paper.arxiv_id, "url": e.paper.link},
        "in_paper": e.in_paper,
    }


def list_models(catalog: Catalog, q: ModelQuery) -> dict:
    """The matching models in catalog order (date, then name), one page of them."""
    matched = select(catalog, to_query(q, catalog))
    page = matched[q.offset: q.offset + q.limit]
    return {"total": len(matched), "offset": q.offset, "limit": q.limit, "models": [summary(e) for e in page]}


def find_model(catalog: Catalog, name: str) -> ModelEntry | None:
    """By id, name or alias (exact, ignoring case, spaces and hyphens)."""
    return catalog.lookup(name) if name and len(name) <= 200 else None


def model_record(catalog: Catalog, name: str) -> dict | None:
    entry = find_model(catalog, name)
    return entry_json(entry) if entry else None


def citation(catalog: Catalog, name: str, fmt: CiteFormat = "bibtex") -> str | dict | None:
    """A model's source paper as BibTeX, plain text or JSON (with the BibTeX); None if unknown."""
    entry = find_model(catalog, name)
    if entry is None:
        return None
    return cite_entry(entry, fmt)


NOT_FOUND = "no such model in the catalog"


@dataclass(frozen=True)
class Hidden:
    """The whole catalog, kept by a door that serves the paper's alone, only to say why an addition
    is not found (its record, citation and listing stay out)."""

    whole: Catalog

    @classmethod
    def of(cls, views) -> "Hidden | None":
        """For ``ui.views.Views`` whose default is the paper's catalog beside the whole one; else None."""
        return cls(views.catalog(False)) if views.choice and views.paper_only else None


def missing(name: str, hidden: Hidden | None) -> str:
    """Why ``name`` has no record here: unknown, or an addition the server leaves out (``--paper-only``)."""
    entry = find_model(hidden.whole, name) if hidden else None
    if entry is None or entry.in_paper:
        return NOT_FOUND
    return (f"{NOT_FOUND}: this server runs with --paper-only, which leaves out the "
            f"{len(hidden.whole.beyond_ids)} models added since the paper, and this is one of them")
