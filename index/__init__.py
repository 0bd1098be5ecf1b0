"""Catalog documents, embeddings, a persisted FAISS index and BM25, searched together."""

from index.build import IndexReport, IndexSettings, cache_dir_from_env, open_index
from index.documents import DocKind, Document, documents_from_catalog
from index.embedder import Embedder, HashingEmbedder, SentenceTransformerEmbedder, default_model_path
from index.search import Hit, SearchIndex, rank_models

__all__ = [
    "DocKind",
    "Document",
    "Embedder",
    "HashingEmbedder",
    "Hit",
    "IndexReport",
    "IndexSettings",
    "SearchIndex",
    "SentenceTransformerEmbedder",
    "cache_dir_from_env",
    "default_model_path",
    "documents_from_catalog",
    "open_index",
    "rank_models",
]
