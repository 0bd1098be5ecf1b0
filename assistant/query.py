"""The typed query: what ``understand`` makes of a question, and what ``retrieve`` executes."""

from __future__ import annotations

from enum import Enum
from typing import Optional

from pydantic import BaseModel, ConfigDict, Field

from catalog.vocab import Architecture, Domain, LicenseClass, Objective, Trait


class Intent(str, Enum):
    LIST = "list"
    FACT = "fact"
    CITATION = "citation"
    COMPARE = "compare"
    CONCEPT = "concept"
    COUNT = "count"
    LINEAGE = "lineage"
    CLARIFY = "clarify"
    OUT_OF_SCOPE = "out_of_scope"


class Attribute(str, Enum):
    """A typed field a fact question asks for."""

    LABS = "labs"
    PARAMS = "params"
    DATE = "date"
    ARCHITECTURE = "architecture"
    OBJECTIVE = "objective"
    LICENSE = "license"
    CORPUS = "corpus"
    APPLICATION = "application"
    FAMILY = "family"
    LINK = "link"
    VENUE = "venue"
    AUTHORS = "authors"
    PAPER = "paper"


class Superlative(BaseModel):
    model_config = ConfigDict(frozen=True)
    field: str  # "params" | "date"
    largest: bool  # True: largest / most recent; False: smallest / earliest
    top: int = 1  # "the three largest" -> 3


class Filters(BaseModel):
    """Typed filters over catalog fields. Empty lists mean 'no constraint'."""

    model_config = ConfigDict(frozen=True)
    objectives: list[Objective] = Field(default_factory=list)
    objectives_any: bool = False  # True: any of them (user said "or"); False: all of them
    architectures: list[Architecture] = Field(default_factory=list)
    labs: list[str] = Field(default_factory=list)  # canonical organizations, any of them
    labs_all: bool = False
    license_classes: list[LicenseClass] = Field(default_factory=list)
    domains: list[Domain] = Field(default_factory=list)
    traits: list[Trait] = Field(default_factory=list)
    derived_from: list[str] = Field(default_factory=list)  # model ids
    family: Optional[str] = None
    date_from: Optional[int] = None  # inclusive, year*100+month
    date_to: Optional[int] = None  # inclusive
    params_min: Optional[float] = None  # millions, exclusive when params_min_strict
    params_min_strict: bool = True
    params_max: Optional[float] = None
    params_max_strict: bool = True
    params_equal: Optional[float] = None
    finetuned: Optional[bool] = None
    venue: Optional[str] = None
    corpus: Optional[str] = None  # a term that must occur in the training-corpus field
    license_text: Optional[str] = None  # a license name that must occur in the license field (MIT, Apache...)
    within: Optional[list[str]] = None  # restrict to a previous result set
    exclude: list[str] = Field(default_factory=list)  # reference models ("the same year as GPT-3")

    def is_empty(self) -> bool:
        return self == Filters()

    def has_constraints(self) -> bool:
        """Any constraint other than 'within' (a previous list)."""
        return self.model_copy(update={"within": None}) != Filters()


class Query(BaseModel):
    """A question, understood."""

    model_config = ConfigDict(frozen=True)
    text: str
    intent: Intent
    models: list[str] = Field(default_factory=list)  # linked entities, in mention order
    unknown_names: list[str] = Field(default_factory=list)  # model-like names not in the catalog
    attributes: list[Attribute] = Field(default_factory=list)
    filters: Filters = Field(default_factory=Filters)
    superlative: Optional[Superlative] = None
    group_by: Optional[str] = None  # "lab" | "architecture" | "year" | "license" | "family" | "objective" | "domain"
    all_models: bool = False  # "list every model"
    concept: Optional[str] = None
    other_concepts: list[str] = Field(default_factory=list)  # "MLM vs causal LM": the second concept onwards
    bibtex: bool = False
    reason: str = ""  # why this intent (for out-of-scope messages and debugging)
