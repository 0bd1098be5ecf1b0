"""Catalog -> documents with stable ids: ``{model}#summary``, ``{model}#facts``,
``{model}#paper`` and ``concept/{name}``. A pure function of the catalog."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from enum import Enum

from catalog import Catalog, Concept, ModelEntry
from catalog.vocab import OBJECTIVE_LABELS


class DocKind(str, Enum):
    """What a document holds; crosses into the assistant as ``Hit.kind`` (like ``Answer.intent``)."""

    SUMMARY = "summary"
    FACTS = "facts"
    PAPER = "paper"
    CONCEPT = "concept"


@dataclass(frozen=True)
class Document:
    doc_id: str
    model_id: str | None
    kind: DocKind
    text: str

    def __post_init__(self):
        object.__setattr__(self, "kind", DocKind(self.kind))

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


def _facts_text(e: ModelEntry) -> str:
    aka = f" (also known as {', '.join(e.aliases)})" if e.aliases else ""
    objectives = ", ".join(OBJECTIVE_LABELS[o] for o in e.objectives)
    parts = [
        f"{e.name}{aka} is a {e.architecture.value} Transformer in the {e.family} family, "
        f"published {e.date.human()} by {', '.join(e.labs)}.",
        f"Pretraining task: {e.task}. Objectives: {objectives}.",
        f"Application: {e.application}.",
        f"Parameters: {e.params.raw}. Training corpus: {e.corpus}. License: {e.license}.",
    ]
    if e.domains:
        parts.append("Domains: " + ", ".join(d.value for d in e.domains) + ".")
    if e.traits:
        parts.append("Traits: " + ", ".join(t.value for t in e.traits) + ".")
    if e.key_points:
        parts.append("Key points: " + "; ".join(e.key_points) + ".")
    if e.architecture_note:
        parts.append(e.architecture_note + ".")
    return " ".join(parts)


def _paper_text(e: ModelEntry) -> str:
    p = e.paper
    title = p.title or f"{e.name} announcement"
    arxiv = f" arXiv {p.arxiv_id}." if p.arxiv_id else ""
    return f"{e.name} paper: {title}. {p.authors_short(6)}. {p.venue}, {p.year}.{arxiv}"


def _concept_text(c: Concept) -> str:
    aka = f" ({', '.join(c.aliases)})" if c.aliases else ""
    return f"{c.title}{aka}: {c.body.strip()}"


def model_documents(e: ModelEntry) -> list[Document]:
    return [
        Document(f"{e.id}#summary", e.id, DocKind.SUMMARY, f"{e.name}: {e.summary.strip()}"),
        Document(f"{e.id}#facts", e.id, DocKind.FACTS, _facts_text(e)),
        Document(f"{e.id}#paper", e.id, DocKind.PAPER, _paper_text(e)),
    ]


def documents_from_catalog(catalog: Catalog) -> list[Document]:
    """Every document for the catalog, in a stable order (models by date, then concepts)."""
    docs: list[Document] = []
    for entry in catalog.models.values():
        docs.extend(model_documents(entry))
    for concept in catalog.concepts.values():
        docs.append(Document(f"concept/{concept.id}", None, DocKind.CONCEPT, _concept_text(concept)))
    return docs
