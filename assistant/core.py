"""The Assistant: understand -> resolve follow-ups -> retrieve -> compose, one Answer per turn.

Structured questions (filters, facts, citations, counts) never touch the embedding model;
only open questions and out-of-scope checks run the hybrid search.
"""

from __future__ import annotations

import re
import threading
from typing import Callable

from pydantic import BaseModel, ConfigDict, Field

from assistant.answer import Answer, RetrievedDoc
from assistant.compose import abstain, md_escape
from assistant.language import Language, detect
from assistant.phrasing import PhrasingSettings, rephrase
from assistant.query import Intent, Query
from assistant.respond import (
    answer_citation,
    answer_compare,
    answer_concept,
    answer_count,
    answer_fact,
    answer_lineage,
    answer_list,
    answer_search,
)
from assistant.retrieve import select
from assistant.session import Session, resolve
from assistant.understand import Understander
from catalog import Catalog

HELP = ("I answer from the Transformer model catalog (77 models from Amatriain et al., 2023): who built a model, "
        "its size, date, architecture, pretraining objective, license and paper (with BibTeX), lists by lab, "
        "objective, architecture, year or size, comparisons, and what the catalog's concepts mean.")

OTHER_LANGUAGE = "I can answer in English or Chinese (我可以用英文或中文回答)."


class AssistantSettings(BaseModel):
    """How the assistant decides and how much it shows."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    min_relevance: float = Field(0.42, ge=-1, le=1, description="Dense cosine below which an open question is abstained on")
    open_top_k: int = Field(5, ge=1, le=20, description="Models shown for an open question")
    retrieved_k: int = Field(10, ge=1, le=50, description="Documents reported in 'retrieved'")


class Assistant:
    """Answers questions from a catalog, with an optional search index for open questions."""

    def __init__(self, catalog: Catalog, search=None, settings: AssistantSettings | None = None,
                 search_factory: Callable[[], object] | None = None, phrasing: PhrasingSettings | None = None):
        self.catalog = catalog
        self.settings = settings or AssistantSettings()
        self.phrasing = phrasing or PhrasingSettings()
        self._search = search
        self._search_factory = search_factory
        self._search_lock = threading.Lock()
        self.understander = Understander(catalog)
        self._chinese = None
        self._chinese_lock = threading.Lock()

    @property
    def chinese(self):
        """The Chinese reader, built on the first Chinese question (it loads jieba and OpenCC)."""
        if self._chinese is None:
            with self._chinese_lock:
                if self._chinese is None:
                    from assistant.chinese import ChineseReader
                    from catalog.translations import concept_texts

                    names = [n for e in self.catalog.models.values() for n in (e.name, *e.aliases)]
                    concepts = {t.title: cid.replace("-", " ") for cid, t in concept_texts("zh").items()
                                if cid in self.catalog.concepts}
                    self._chinese = ChineseReader(names, concepts=concepts)
        return self._chinese

    @property
    def search(self):
        """The hybrid search index, built on first use when a factory was given."""
        if self._search is None and self._search_factory is not None:
            with self._search_lock:  # concurrent first questions build it once
                if self._search is None:
                    self._search = self._search_factory()
        return self._search

    def ask(self, question: str, session: Session | None = None) -> Answer:
        session = session if session is not None else Session()
        language = detect(question)
        if language is Language.OTHER:
            return abstain(self.catalog, OTHER_LANGUAGE, intent="out_of_scope")
        if language is Language.ZH:
            reading = self.chinese.read(question)
            query = self.understander.understand(reading.gloss)
            if reading.off_topic and not (query.models or query.filters.has_constraints() or query.concept):
                query = query.model_copy(update={"intent": Intent.OUT_OF_SCOPE, "reason": "off_topic"})
            elif reading.unknown_names:
                query = query.model_copy(update={"unknown_names": [*query.unknown_names, *reading.unknown_names]})
        else:
            query = self.understander.understand(question)
        resolved = resolve(query, session, self._concept_filter)
        if isinstance(resolved, str):
            answer = abstain(self.catalog, resolved, intent="clarify", clarification=True)
            session.remember(query, [], True)
            return answer
        answer = self._answer(resolved)
        if self.phrasing.enabled and not answer.abstained:
            names = [self.catalog.models[m].name for m in answer.models]
            text = rephrase(answer.text, names, self.phrasing)
            if text != answer.text:
                answer = Answer.model_validate({**answer.model_dump(), "text": text}, context={"catalog": self.catalog})
        session.remember(resolved, answer.models, answer.abstained,
                         concept=resolved.concept if answer.intent == "concept" else None)
        return answer

    def _concept_filter(self, concept_id: str) -> dict | None:
        """Filter fields that select the models a concept is about."""
        c = self.catalog.concepts.get(concept_id)
        if c is None:
            return None
        if c.objective:
            return {"objectives": [c.objective]}
        if c.architecture:
            return {"architectures": [c.architecture]}
        return {"within": list(c.related_models)} if c.related_models else None

    # -- dispatch -----------------------------------------------------------------------------
    def _answer(self, q: Query) -> Answer:
        if q.intent is Intent.OUT_OF_SCOPE or q.unknown_names:
            return self._out_of_scope(q)
        if q.reason == "unsupported":
            names = ", ".join(self.catalog.models[m].name for m in q.models)
            return abstain(self.catalog, f"The catalog does not record that for {names}. For each model it records the lab, "
                           "date, architecture, family, pretraining task and objectives, parameter counts, training corpus, "
                           "license, application and source paper — ask about any of those.")
        if q.intent is Intent.CONCEPT and q.concept:
            return answer_concept(self.catalog, q)
        entries = [self.catalog.models[m] for m in q.models]
        if q.intent is Intent.CITATION and entries:
            return answer_citation(self.catalog, q, entries)
        if q.intent is Intent.COMPARE and len(entries) >= 2:
            return answer_compare(self.catalog, q, entries)
        if q.intent is Intent.LINEAGE:
            if q.filters.derived_from and not q.models:
                return answer_lineage(self.catalog, q, select(self.catalog, q.filters))
            return answer_lineage(self.catalog, q, entries)
        if q.intent is Intent.COUNT:
            return answer_count(self.catalog, q, select(self.catalog, q.filters))
        if q.all_models and q.intent is Intent.LIST:
            return answer_list(self.catalog, q, list(self.catalog.models.values()))
        if entries:
            return answer_fact(self.catalog, q, entries)
        if q.filters.has_constraints() or q.filters.within is not None:
            matched = select(self.catalog, q.filters)
            if q.superlative:
                return answer_count(self.catalog, q, matched)
            if (q.intent is Intent.FACT or q.attributes) and len(matched) == 1:
                return answer_fact(self.catalog, q.model_copy(update={"intent": Intent.FACT}), matched)
            return answer_list(self.catalog, q, matched)
        if q.superlative:
            return answer_count(self.catalog, q, list(self.catalog.models.values()))
        if q.concept:
            return answer_concept(self.catalog, q)
        return self._open(q)

    def _open(self, q: Query) -> Answer:
        """No typed field applies: rank by meaning, answer only above the relevance threshold."""
        index = self.search
        if index is None:
            return abstain(self.catalog, f"I couldn't match that to the catalog. {HELP}")
        hits = index.hybrid(q.text, k=self.settings.retrieved_k)
        retrieved = [RetrievedDoc(doc_id=h.doc_id, model=h.model_id, score=round(h.score, 6)) for h in hits]
        best = max((h.dense for h in hits if h.dense is not None), default=-1.0)
        if best < self.settings.min_relevance:
            return abstain(self.catalog, f"The catalog doesn't cover that, so I won't guess. {HELP}", retrieved=retrieved)
        concept_hits = [h for h in hits[:3] if h.kind == "concept" and h.dense is not None and h.dense >= best - 0.02]
        if concept_hits and concept_hits[0].rank == 1:
            return answer_concept(self.catalog, q.model_copy(update={"concept": concept_hits[0].doc_id.split("/", 1)[1]}))
        models: list[tuple[str, float]] = []
        for h in hits:
            if h.model_id and h.model_id not in dict(models) and (h.dense or 0) >= self.settings.min_relevance:
                models.append((h.model_id, h.score))
        if not models:
            return abstain(self.catalog, f"The catalog doesn't cover that, so I won't guess. {HELP}", retrieved=retrieved)
        return answer_search(self.catalog, q, models[: self.settings.open_top_k], retrieved)

    def _out_of_scope(self, q: Query) -> Answer:
        if q.reason == "empty":
            msg = f"Please ask a question. {HELP}"
        elif q.reason == "greeting" and re.match(r"\s*(thanks?|thank you|thx|cool|great|ok(ay)?|bye|goodbye)\b", q.text, re.I):
            msg = f"You're welcome! Ask me anything else about the catalog's models, papers and concepts."
        elif q.reason == "greeting":
            msg = (f"Hello! {HELP} Try “which models use prefix-LM objectives?”, “who built Chinchilla and how big "
                   "is it?”, “BibTeX for ELECTRA” or “compare BERT and RoBERTa”.")
        elif q.reason == "too_long":
            msg = f"That message is too long for me to read reliably; please ask a shorter question. {HELP}"
        elif q.reason == "instruction":
            msg = f"I only answer from the catalog and never invent models, numbers or citations. {HELP}"
        elif q.unknown_names:
            names = ", ".join(md_escape(n) for n in q.unknown_names)
            msg = f"{names} {'is' if len(q.unknown_names) == 1 else 'are'} not in the catalog, so I can't answer that. {HELP}"
        else:
            msg = f"That is outside what the catalog covers. {HELP}"
        return abstain(self.catalog, msg)
