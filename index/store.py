"""The persisted vector store: FAISS's own index file plus ``manifest.json``.

Layout of the index directory::

    manifest.json            what the vectors are (embedder, dimension, per-document hashes,
                             catalog hash, the vectors file name and its sha256, versions)
    vectors-<sha12>.faiss    FAISS's own file; the name changes with its content

Writes are atomic: the vectors file is written under a temporary name and renamed, then the
manifest is replaced the same way. The manifest is the commit point, so a crash at any
moment leaves the previous manifest pointing at the previous (untouched) vectors file.
"""

from __future__ import annotations

import errno
import hashlib
import os
import platform
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from pydantic import BaseModel, ConfigDict, ValidationError

from catalog.errors import StaleIndexError

MANIFEST = "manifest.json"
FORMAT = 1
# Exact search below this many vectors; HNSW above it (see docs/PERFORMANCE.md): exact search
# costs ~5 ms p95 at 30k vectors and ~52 ms at 300k on two cores, HNSW stays under ~5 ms.
HNSW_THRESHOLD = 50_000
# Wide beam: on the near-duplicate-heavy synthetic 300k set, recall@10 is 0.42 at 128, 0.57 at
# 512 and 0.95 at 2048, still at ~4 ms a query.
HNSW_EF_SEARCH = 2048
LFS_MARK = b"version https://git-lfs.github.com/spec/"


class DocRecord(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    doc_id: str
    model_id: str | None
    hash: str


class Manifest(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    format: int
    embedder: str
    dimension: int
    normalized: bool
    metric: str
    index_type: str
    vectors_file: str
    vectors_sha256: str
    catalog_hash: str
    documents: list[DocRecord]
    versions: dict[str, str]
    created: str


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _versions() -> dict[str, str]:
    import faiss

    return {"faiss": faiss.__version__, "numpy": np.__version__, "python": platform.python_version()}


def make_faiss_index(vectors: np.ndarray, hnsw_threshold: int = HNSW_THRESHOLD):
    """Exact inner product for small sets; above ``hnsw_threshold``, HNSW over 8-bit scalar-quantized
    vectors (a quarter of the memory, approximate; see the scale figures in docs/PERFORMANCE.md)."""
    import faiss

    n, dim = vectors.shape
    data = np.ascontiguousarray(vectors, dtype=np.float32)
    if n > hnsw_threshold:
        index = faiss.IndexHNSWSQ(dim, faiss.ScalarQuantizer.QT_8bit, 32, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = 64
        index.hnsw.efSearch = HNSW_EF_SEARCH
        index.train(data[np.random.default_rng(0).choice(n, min(n, 20_000), replace=False)])
    else:
        index = faiss.IndexFlatIP(dim)
    if n:
        index.add(data)
    return index


@dataclass
class VectorStore:
    """FAISS rows aligned with ``doc_ids``; searched by inner product over normalized vectors."""

    index: object
    doc_ids: list[str]
    model_ids: list[str | None]
    manifest: Manifest | None = None

    @property
    def dimension(self) -> int:
        return self.index.d

    def vectors(self) -> np.ndarray:
        n = self.index.ntotal
        return self.index.reconstruct_n(0, n) if n else np.zeros((0, self.index.d), np.float32)

    def search(self, query: np.ndarray, k: int, allowed_rows: np.ndarray | None = None):
        """Top-k rows as (row, score) pairs; ``allowed_rows`` restricts the candidates."""
        import faiss

        q = np.ascontiguousarray(query.reshape(1, -1), dtype=np.float32)
        k = min(k, self.index.ntotal)
        if k <= 0:
            return []
        params = None
        if allowed_rows is not None:
            if len(allowed_rows) == 0:
                return []
            selector = faiss.IDSelectorBatch(np.asarray(allowed_rows, dtype=np.int64))
            params = (faiss.SearchParametersHNSW(sel=selector, efSearch=max(HNSW_EF_SEARCH, k))
                      if isinstance(self.index, faiss.IndexHNSW) else faiss.SearchParameters(sel=selector))
            k = min(k, len(allowed_rows))
        scores, rows = self.index.search(q, k, params=params) if params else self.index.search(q, k)
        return [(int(r), float(s)) for r, s in zip(rows[0], scores[0]) if r >= 0]


def write_store(directory: Path, store: VectorStore, *, embedder: str, catalog_hash: str,
                hashes: dict[str, str]) -> Manifest:
    """Persist atomically: vectors under a content-addressed name, then the manifest."""
    import faiss

    directory.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".vectors-", suffix=".tmp", dir=directory)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        try:
            faiss.write_index(store.index, str(tmp))
        except RuntimeError as exc:  # FAISS reports a failed write (a full disk...) as RuntimeError
            raise _as_oserror(exc, tmp) from None
        digest = _sha256(tmp)
        final = directory / f"vectors-{digest[:12]}.faiss"
        _fsync(tmp)
        os.replace(tmp, final)
    finally:
        tmp.unlink(missing_ok=True)
    manifest = Manifest(
        format=FORMAT,
        embedder=embedder,
        dimension=store.dimension,
        normalized=True,
        metric="inner_product",
        index_type=type(store.index).__name__,
        vectors_file=final.name,
        vectors_sha256=digest,
        catalog_hash=catalog_hash,
        documents=[DocRecord(doc_id=d, model_id=m, hash=hashes[d]) for d, m in zip(store.doc_ids, store.model_ids)],
        versions=_versions(),
        created=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    )
    try:
        _atomic_write_text(directory / MANIFEST, manifest.model_dump_json(indent=1))
    except BaseException:
        if named_vectors_file(directory) != final.name:  # not committed: the new vectors file is an orphan
            final.unlink(missing_ok=True)
        raise
    for old in directory.glob("vectors-*.faiss"):
        if old.name != final.name:
            old.unlink(missing_ok=True)
    store.manifest = manifest
    return manifest


def _as_oserror(exc: RuntimeError, path: Path) -> OSError:
    text = str(exc)
    code = errno.ENOSPC if "No space left" in text else errno.EDQUOT if "quota" in text.lower() else errno.EIO
    return OSError(code, os.strerror(code), str(path))


def named_vectors_file(directory: Path) -> str | None:
    """The vectors file the committed manifest names, if it can be read."""
    try:
        return read_manifest(directory).vectors_file
    except (StaleIndexError, OSError):
        return None


def _fsync(path: Path) -> None:
    with path.open("rb") as f:
        os.fsync(f.fileno())


def _atomic_write_text(path: Path, text: str) -> None:
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp_name, path)
    finally:
        Path(tmp_name).unlink(missing_ok=True)


def read_manifest(directory: Path) -> Manifest:
    """The manifest, or ``StaleIndexError`` saying in one line what is wrong with it."""
    path = directory / MANIFEST
    if not path.is_file():
        raise StaleIndexError(f"no index at {directory} (no {MANIFEST})")
    raw = path.read_bytes()
    if raw.startswith(LFS_MARK):
        raise StaleIndexError(f"{path} is a Git LFS pointer, not a manifest")
    try:
        manifest = Manifest.model_validate_json(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise StaleIndexError(f"{path} is damaged ({'.'.join(map(str, first['loc'])) or 'json'}: {first['msg']})") from None
    if manifest.format != FORMAT:
        raise StaleIndexError(f"{path} has index format {manifest.format}, expected {FORMAT}")
    return manifest


def read_store(directory: Path, manifest: Manifest) -> VectorStore:
    """Load the vectors the manifest names, refusing anything that does not match it."""
    import faiss

    path = directory / manifest.vectors_file
    if not path.is_file():
        raise StaleIndexError(f"index file {path} is missing")
    with path.open("rb") as f:
        head = f.read(len(LFS_MARK))
    if head.startswith(LFS_MARK):
        raise StaleIndexError(f"index file {path} is a Git LFS pointer, not FAISS data")
    digest = _sha256(path)
    if digest != manifest.vectors_sha256:
        raise StaleIndexError(f"index file {path} does not match its manifest (sha256 {digest[:12]} != {manifest.vectors_sha256[:12]}): truncated or modified")
    try:
        index = faiss.read_index(str(path))
    except RuntimeError as exc:
        raise StaleIndexError(f"index file {path} cannot be read by FAISS: {str(exc).splitlines()[0]}") from None
    if isinstance(index, faiss.IndexHNSW):
        index.hnsw.efSearch = HNSW_EF_SEARCH
    if index.d != manifest.dimension or index.ntotal != len(manifest.documents):
        raise StaleIndexError(
            f"index file {path} holds {index.ntotal} vectors of dimension {index.d}, "
            f"manifest says {len(manifest.documents)} of {manifest.dimension}"
        )
    return VectorStore(index=index, doc_ids=[d.doc_id for d in manifest.documents],
                       model_ids=[d.model_id for d in manifest.documents], manifest=manifest)
