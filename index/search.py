"""Search over the documents: dense (FAISS), lexical (BM25) and hybrid (reciprocal rank fusion).

The assistant sees only ``Hit`` values, never FAISS row numbers or numpy arrays.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Collection, Iterable

import numpy as np

from index.documents import DocKind, Document
from index.embedder import Embedder
from index.lexical import LexicalIndex
from index.store import VectorStore

RRF_K = 60


@dataclass(frozen=True)
class Hit:
    doc_id: str
    model_id: str | None
    kind: DocKind
    score: float
    rank: int
    dense: float | None = None
    lexical: float | None = None


class SearchIndex:
    """Documents + their vectors + BM25. Dense search loads the embedder on first use only."""

    def __init__(self, documents: list[Document], store: VectorStore, embedder: Embedder,
                 lexical: LexicalIndex | None = None):
        if [d.doc_id for d in documents] != store.doc_ids:
            raise ValueError("documents and vector rows are not aligned")
        self.documents = documents
        self.store = store
        self.embedder = embedder
        self._row = {d.doc_id: i for i, d in enumerate(documents)}
        self._lexical = lexical  # the persisted BM25 (memory-mapped) when open_index found it; else built on first use
        self._by_model: dict[str | None, list[int]] = {}
        for i, d in enumerate(documents):
            self._by_model.setdefault(d.model_id, []).append(i)

    def __len__(self) -> int:
        return len(self.documents)

    @property
    def lexical_index(self) -> LexicalIndex:
        if self._lexical is None:
            self._lexical = LexicalIndex([d.text for d in self.documents])
        return self._lexical

    def document(self, doc_id: str) -> Document:
        return self.documents[self._row[doc_id]]

    def _allowed(self, only: Collection[str] | None, kinds: Collection[str] | None) -> np.ndarray | None:
        if only is None and kinds is None:
            return None
        rows: Iterable[int]
        if only is not None:
            rows = [r for m in only for r in self._by_model.get(m, [])]
        else:
            rows = range(len(self.documents))
        if kinds is not None:
            rows = [r for r in rows if self.documents[r].kind in kinds]
        return np.array(sorted(set(rows)), dtype=np.int64)

    def _hits(self, pairs, dense=None, lexical=None) -> list[Hit]:
        out = []
        for rank, (row, score) in enumerate(pairs, start=1):
            d = self.documents[row]
            out.append(Hit(d.doc_id, d.model_id, d.kind, score, rank,
                           dense=(dense or {}).get(row), lexical=(lexical or {}).get(row)))
        return out

    def query_vector(self, query: str) -> np.ndarray:
        encode_query = getattr(self.embedder, "encode_query", None)
        return encode_query(query) if encode_query else self.embedder.encode([query])[0]

    def dense(self, query: str, k: int = 10, only=None, kinds=None) -> list[Hit]:
        allowed = self._allowed(only, kinds)
        pairs = self.store.search(self.query_vector(query), k, allowed)
        return self._hits(pairs, dense=dict(pairs))

    def lexical(self, query: str, k: int = 10, only=None, kinds=None) -> list[Hit]:
        pairs = self.lexical_index.search(query, k, self._allowed(only, kinds))
        return self._hits(pairs, lexical=dict(pairs))

    def hybrid(self, query: str, k: int = 10, only=None, kinds=None, depth: int = 50) -> list[Hit]:
        """Reciprocal rank fusion of the dense and lexical rankings."""
        allowed = self._allowed(only, kinds)
        dense_pairs = self.store.search(self.query_vector(query), depth, allowed)
        lex_pairs = self.lexical_index.search(query, depth, allowed)
        fused: dict[int, float] = {}
        for pairs in (dense_pairs, lex_pairs):
            for rank, (row, _) in enumerate(pairs, start=1):
                fused[row] = fused.get(row, 0.0) + 1.0 / (RRF_K + rank)
        ordered = sorted(fused.items(), key=lambda kv: (-kv[1], kv[0]))[:k]
        return self._hits(ordered, dense=dict(dense_pairs), lexical=dict(lex_pairs))

    def search(self, query: str, k: int = 10, only=None, kinds=None, mode: str = "hybrid") -> list[Hit]:
        if mode == "dense":
            return self.dense(query, k, only, kinds)
        if mode == "lexical":
            return self.lexical(query, k, only, kinds)
        if mode == "hybrid":
            return self.hybrid(query, k, only, kinds)
        raise ValueError(f"unknown search mode {mode!r}")


def rank_models(hits: list[Hit]) -> list[tuple[str, float]]:
    """Collapse document hits to models, best hit per model, in hit order."""
    seen: dict[str, float] = {}
    for h in hits:
        if h.model_id and h.model_id not in seen:
            seen[h.model_id] = h.score
    return list(seen.items())
