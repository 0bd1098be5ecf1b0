"""The typed answer. A citation that the catalog does not back cannot be constructed.

``Answer`` must be validated with ``context={"catalog": catalog}``: its validator checks that
every citation equals the catalog's own paper record for that model (or concept), that every
``[n]`` marker in the text resolves to a citation and every citation is used, that cited models
are among ``models``, and that an abstaining answer cites nothing and names no model.
"""

from __future__ import annotations

import re
from typing import Optional

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, model_validator

from assistant.query import Intent
from catalog import Catalog, Paper, no_title

MARKER = re.compile(r"\[(\d+)\]")
_FENCE = re.compile(r"```.*?```", re.S)


class Citation(BaseModel):
    model_config = ConfigDict(frozen=True)
    model: Optional[str] = None
    concept: Optional[str] = None
    title: str
    authors: list[str]
    year: int
    venue: str
    arxiv_id: Optional[str] = None
    url: str
    verified: bool = True

    @property
    def key(self) -> tuple:
        """Every field, hashable: two citations are equal exactly when their keys are."""
        return (self.model, self.concept, self.title, tuple(self.authors), self.year, self.venue, self.arxiv_id,
                self.url, self.verified)

    @classmethod
    def of(cls, paper: Paper, title: str, *, model: str | None = None, concept: str | None = None) -> "Citation":
        return cls(model=model, concept=concept, title=paper.title or title, authors=list(paper.authors),
                   year=paper.year, venue=paper.venue, arxiv_id=paper.arxiv_id, url=paper.link,
                   verified=paper.verified)


class RetrievedDoc(BaseModel):
    model_config = ConfigDict(frozen=True)
    doc_id: str
    model: Optional[str] = None
    score: float


class Answer(BaseModel):
    model_config = ConfigDict(frozen=True)
    text: str
    intent: Intent
    language: str = "en"
    query: Optional[dict] = None  # the typed reading the answer executed (Query.model_dump)
    models: list[str] = Field(default_factory=list)
    citations: list[Citation] = Field(default_factory=list)
    abstained: bool = False
    clarification: bool = False
    retrieved: list[RetrievedDoc] = Field(default_factory=list)
    bibtex: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _grounded(self, info: ValidationInfo):
        catalog: Catalog | None = (info.context or {}).get("catalog")
        if catalog is None:
            raise ValueError("an Answer is validated against the catalog: pass context={'catalog': ...}")
        if self.abstained and (self.citations or self.models):
            raise ValueError("an abstaining answer cites nothing and names no model")
        for m in self.models:
            if m not in catalog.models:
                raise ValueError(f"answer names {m!r}, which is not in the catalog")
        for i, c in enumerate(self.citations, start=1):
            expected = _expected(catalog, c)
            if expected is None or c != expected:
                raise ValueError(f"citation [{i}] is not backed by the catalog's paper records")
            if c.model and c.model not in self.models:
                raise ValueError(f"citation [{i}] cites {c.model!r}, which the answer is not about")
        used = {int(n) for n in MARKER.findall(_FENCE.sub("", self.text))}
        if used != set(range(1, len(self.citations) + 1)):
            raise ValueError(f"citation markers {sorted(used)} do not match {len(self.citations)} citations")
        return self


def _expected(catalog: Catalog, c: Citation) -> Citation | None:
    if c.model and c.model in catalog.models:
        e = catalog.models[c.model]
        return Citation.of(e.paper, no_title(e.name), model=e.id)
    if c.concept and c.concept in catalog.concepts and catalog.concepts[c.concept].paper:
        k = catalog.concepts[c.concept]
        return Citation.of(k.paper, k.title, concept=k.id)
    return None
