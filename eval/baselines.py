"""What a generic RAG stack returns: dense-only and BM25-only top-k over the same documents.

A baseline "answer" for a question is built from one ranked search (``SearchIndex.dense`` or
``SearchIndex.lexical``): documents are taken in rank order until ``k`` distinct models have
been seen. The answer's models are those ``k`` model ids, its text is the concatenation of the
documents taken (so a fact or keyword check can pass when the text is there), its citations
are those models' papers, and it never abstains. Follow-up items are asked their final
question only: a plain top-k search has no conversation. The answers have the contract's
shape, so they are scored by the same metrics as the assistant.

Dense queries are embedded in one batch by the real model before searching (as an offline
RAG evaluation would); each dense answer's ``latency_ms`` is its FAISS search plus an equal
share of that batch.
"""

from __future__ import annotations

import time
from typing import Sequence

from catalog import Catalog
from catalog.citation import no_title
from eval.metrics import GoldItem
from eval.run import Reporter, SystemRun, progress_bar, score_system, to_stderr

TOP_K = 5
DEPTH = 60  # documents ranked per question: enough for 10 distinct models (Recall@10)
RANKED_MODELS = 10  # 'retrieved' keeps the documents up to the 10th distinct model
MODES = {"dense": "dense", "bm25": "lexical"}  # baseline name -> SearchIndex method


def open_baseline_index(settings, report: Reporter = to_stderr):
    """The same documents and vectors as the assistant's, through ``open_index`` with the real embedder."""
    from catalog import load_catalog
    from index import SentenceTransformerEmbedder, open_index

    catalog = load_catalog(settings.catalog)
    embedder = SentenceTransformerEmbedder(settings.index.model_path)
    index, _ = open_index(catalog, settings.index, embedder, report=report)
    return index


def _citation(catalog: Catalog, model_id: str) -> dict:
    entry = catalog.models[model_id]
    paper = entry.paper
    return {"model": model_id, "title": paper.title or no_title(entry.name),
            "arxiv_id": paper.arxiv_id, "url": paper.link}


def _retrieved(hits) -> list[dict]:
    out: list[dict] = []
    seen: set[str] = set()
    for h in hits:
        if h.model_id:
            if len(seen) >= RANKED_MODELS and h.model_id not in seen:
                break
            seen.add(h.model_id)
        out.append({"doc_id": h.doc_id, "model": h.model_id, "score": round(float(h.score), 6)})
    return out


class BatchedQueries:
    """An embedder whose query vectors come from one batched call to the real embedder."""

    def __init__(self, embedder, queries: Sequence[str]):
        self.embedder = embedder
        self.name, self.dimension = embedder.name, embedder.dimension
        unique = list(dict.fromkeys(queries))
        start = time.perf_counter()
        rows = embedder.encode(unique) if unique else []
        self.ms_per_query = (time.perf_counter() - start) * 1000 / max(1, len(unique))
        self._rows = dict(zip(unique, rows))

    def encode(self, texts: Sequence[str], *, progress: bool = False):
        return self.embedder.encode(texts, progress=progress)

    def encode_query(self, text: str):
        row = self._rows.get(text)
        return row if row is not None else self.embedder.encode([text])[0]


def batched_dense_index(index, queries: Sequence[str]):
    """The same documents and vectors, with every query pre-embedded in one batch."""
    from index import SearchIndex

    embedder = BatchedQueries(index.embedder, queries)
    return SearchIndex(index.documents, index.store, embedder), embedder.ms_per_query


def top_k_answer(index, catalog: Catalog, question: str, mode: str, k: int = TOP_K, qid=None,
                 extra_ms: float = 0.0) -> dict:
    """One question through one plain top-k search, shaped like the contract's answer object."""
    start = time.perf_counter()
    hits = getattr(index, MODES[mode])(question, k=DEPTH)
    models: list[str] = []
    texts: list[str] = []
    for hit in hits:
        if len(models) >= k:
            break
        texts.append(index.document(hit.doc_id).text)
        if hit.model_id and hit.model_id not in models:
            models.append(hit.model_id)
    latency = (time.perf_counter() - start) * 1000 + extra_ms
    return {
        "id": qid, "question": question, "answer": "\n\n".join(texts), "intent": f"baseline-{mode}",
        "models": models, "citations": [_citation(catalog, m) for m in models], "abstained": False,
        "retrieved": _retrieved(hits),
        "latency_ms": round(latency, 3),
    }


def run_baseline(index, catalog: Catalog, items: Sequence[GoldItem], mode: str, *, k: int = TOP_K,
                 progress: bool = True) -> SystemRun:
    """One baseline over ``items``; dense queries are embedded in one batch first."""
    start = time.perf_counter()
    extra_ms = 0.0
    if mode == "dense":
        index, extra_ms = batched_dense_index(index, [item.question for item in items])
    results = [top_k_answer(index, catalog, item.question, mode, k, item.id, extra_ms)
               for item in progress_bar(items, desc=mode, total=len(items), enabled=progress)]
    return score_system(mode, items, results, time.perf_counter() - start)


def run_baselines(settings, catalog: Catalog, items: Sequence[GoldItem], *, index=None, progress: bool = True,
                  report: Reporter = to_stderr) -> list[SystemRun]:
    """Dense-only and BM25-only runs over ``items``. ``index`` is the assistant's own search
    index when given (same documents, vectors and model, loaded once); else one is opened."""
    index = index if index is not None else open_baseline_index(settings, report)
    index.query_vector("warm-up")  # load the embedding model before timing
    index.lexical_index  # noqa: B018 -- build BM25 before timing
    return [run_baseline(index, catalog, items, mode, progress=progress) for mode in MODES]
