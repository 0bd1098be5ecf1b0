"""Typed catalog records (pydantic v2). Everything crossing the package boundary is one of these."""

from __future__ import annotations

import re
from typing import Optional

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from catalog.citation import authors_short
from catalog.vocab import (
    Architecture,
    Domain,
    LicenseClass,
    Modality,
    Objective,
    Trait,
    canonical_lab,
    lab_umbrella,
)

SLUG = r"^[a-z0-9][a-z0-9.\-]*[a-z0-9]$"
ARXIV = r"^\d{4}\.\d{4,5}$"
_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
)


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", use_enum_values=False)


class YearMonth(_Frozen):
    """A publication date at month precision, written ``YYYY-MM`` in catalog files."""

    year: int = Field(ge=2000, le=2100)
    month: int = Field(ge=1, le=12)

    @model_validator(mode="before")
    @classmethod
    def _parse(cls, value):
        if isinstance(value, str):
            m = re.fullmatch(r"(\d{4})-(\d{2})", value.strip())
            if not m:
                raise ValueError(f"date must be written YYYY-MM, got {value!r}")
            return {"year": int(m.group(1)), "month": int(m.group(2))}
        return value

    @property
    def key(self) -> int:
        return self.year * 100 + self.month

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    def human(self) -> str:
        return f"{_MONTHS[self.month - 1]} {self.year}"


class ParamVariant(_Frozen):
    label: Optional[str] = None
    millions: float = Field(gt=0)


class Params(_Frozen):
    """Parameter counts: the catalog's phrase plus numbers parsed from it (in millions)."""

    raw: str
    variants: list[ParamVariant] = Field(default_factory=list)
    max_millions: Optional[float] = Field(default=None, gt=0)

    @model_validator(mode="after")
    def _max_matches(self):
        if self.variants and self.max_millions is not None:
            top = max(v.millions for v in self.variants)
            if abs(top - self.max_millions) > 1e-6:
                raise ValueError(
                    f"max_millions ({self.max_millions:g}) differs from the largest variant ({top:g})"
                )
        return self


class Paper(_Frozen):
    """The source paper (or release note) a model is cited by."""

    title: Optional[str] = None
    authors: list[str] = Field(min_length=1)
    year: int = Field(ge=1990, le=2100)
    venue: str
    arxiv_id: Optional[str] = Field(default=None, pattern=ARXIV)
    url: str = Field(pattern=r"^https?://\S+$")
    verified: bool = False
    bibtex_key: str = Field(pattern=r"^[A-Za-z][A-Za-z0-9_:\-]*$")
    entry_type: str = Field(default="misc", pattern=r"^(article|inproceedings|misc|techreport)$")

    @property
    def link(self) -> str:
        return f"https://arxiv.org/abs/{self.arxiv_id}" if self.arxiv_id else self.url

    def authors_short(self, limit: int = 3) -> str:
        return authors_short(self.authors, limit)


class Provenance(_Frozen):
    """Where an entry added beyond the paper was checked, and what stayed uncertain."""

    sources: list[str] = Field(min_length=1, description="URLs where the paper's title, id, authors, date and lab were confirmed")
    uncertainties: list[str] = Field(default_factory=list, description="Judgement calls and facts that could not be confirmed")

    @field_validator("sources")
    @classmethod
    def _urls(cls, sources: list[str]) -> list[str]:
        bad = [s for s in sources if not re.fullmatch(r"https?://\S+", s)]
        if bad:
            raise ValueError(f"sources must be URLs, got {bad}")
        return sources


class ModelEntry(_Frozen):
    id: str = Field(pattern=SLUG)
    name: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)
    family: str
    architecture: Architecture
    architecture_note: Optional[str] = None
    task: str = Field(min_length=1, description="The catalog's own phrase for the pretraining task")
    objectives: list[Objective] = Field(min_length=1)
    objective_notes: dict[Objective, str] = Field(default_factory=dict)
    task_is_finetuning: bool
    application: str
    domains: list[Domain] = Field(default_factory=list)
    traits: list[Trait] = Field(default_factory=list)
    inputs: list[Modality] = Field(default_factory=list, description="The kinds of data the model takes in")
    outputs: list[Modality] = Field(default_factory=list, description="The kinds of data the model gives out")
    date: YearMonth
    params: Params
    corpus: str
    license: str
    license_class: LicenseClass
    labs: list[str] = Field(min_length=1)
    link: str = Field(pattern=r"^https?://\S+$")
    derived_from: list[str] = Field(default_factory=list)
    key_points: list[str] = Field(default_factory=list)
    summary: str = Field(min_length=1)
    paper: Paper
    in_paper: bool = Field(True, description="False for models added beyond the paper's 77 (catalog/beyond/)")
    provenance: Optional[Provenance] = Field(None, description="Required for additions: sources and uncertainties")

    @model_validator(mode="after")
    def _additions_carry_provenance(self):
        if not self.in_paper and self.provenance is None:
            raise ValueError("an entry beyond the paper (in_paper: false) needs a provenance (sources)")
        return self

    @field_validator("objective_notes")
    @classmethod
    def _notes_for_listed(cls, notes, info):
        listed = set(info.data.get("objectives") or [])
        extra = [o.value for o in notes if o not in listed]
        if extra:
            raise ValueError(f"notes for objectives not listed in objectives: {extra}")
        return notes

    @property
    def lab_keys(self) -> set[str]:
        """Canonical organizations plus the labs they subsume, for lab filters (see ``lab_umbrella``)."""
        return {key for org in self.org_names for key in (org, *lab_umbrella(org))}

    @property
    def org_names(self) -> list[str]:
        """Labs mapped to canonical organizations (Facebook -> Meta, ...)."""
        out: list[str] = []
        for lab in self.labs:
            canon = canonical_lab(lab)
            if canon not in out:
                out.append(canon)
        return out

    def all_names(self) -> list[str]:
        return [self.name, *self.aliases]


class Concept(_Frozen):
    """A topic beyond a single model: an objective, an architecture style, a technique."""

    id: str = Field(pattern=SLUG)
    title: str
    aliases: list[str] = Field(default_factory=list)
    objective: Optional[Objective] = None
    architecture: Optional[Architecture] = None
    trait: Optional[Trait] = Field(None, description="the design trait the concept explains (models carrying it are its examples)")
    related_models: list[str] = Field(default_factory=list)
    body: str = Field(min_length=40)
    paper: Optional[Paper] = None
    in_paper: bool = Field(True, description="False for concepts written for the additions beyond the paper")
