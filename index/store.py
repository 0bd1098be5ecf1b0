"""The persisted vector store: FAISS's own index file plus ``manifest.json``.

Layout of the index directory::

    manifest.json            what the vectors are (embedder, dimension, per-document hashes,
                             catalog hash, the vectors file name and its sha256, versions)
    vectors-<sha12>.faiss    FAISS's own file; the name changes with its content
    rerank-<sha12>.npy       approximate (8-bit) stores only: every vector at float16, memory-mapped,
                             to re-rank the codes' candidates exactly (index/rerank.py)

Writes are atomic: the vectors file is written under a temporary name and renamed, then the
manifest is replaced the same way. The manifest is the commit point, so a crash at any
moment leaves the previous manifest pointing at the previous (untouched) vectors file.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import platform
import secrets
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from typing import Optional

import numpy as np
from pydantic import BaseModel, ConfigDict, ValidationError

from catalog.errors import StaleIndexError
from index.rerank import RERANK_DEPTH, needs_rerank, rerank, rerank_for, write_rerank

MANIFEST = "manifest.json"
FORMAT = 1
# Exact float search up to this many vectors: ~5 ms p95 at 30k on two cores, ~49 ms at 300k (it
# reads 1.5 KB a vector). Above it, a scan of 8-bit codes (a quarter of the bytes: ~15 ms at 300k
# on one thread) proposes candidates that the float16 re-rank orders exactly (recall@10 1.0 at
# 300k where HNSW over the same codes reached 0.96 at efSearch 4096; docs/PERFORMANCE.md).
COMPACT_THRESHOLD = 50_000
# The code scan grows linearly (~50 ms at 1M): above this many vectors a graph (HNSW over 8-bit
# codes, re-ranked the same way) proposes the candidates instead.
HNSW_THRESHOLD = 1_000_000
# Wide beam: on the near-duplicate-heavy synthetic 300k set, recall@10 after the re-rank was 0.95
# at 3072, 0.96 at 4096 and 0.99 at 6144 (p95 21, 26 and 42 ms a query on a loaded machine).
HNSW_EF_SEARCH = 4096
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
    lexical: Optional[dict[str, str]] = None  # BM25 array files (name -> sha256), memory-mapped when read
    rerank_file: Optional[str] = None  # float16 vectors re-ranking an 8-bit store's candidates (those only)
    rerank_sha256: Optional[str] = None


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _versions() -> dict[str, str]:
    import faiss

    return {"faiss": faiss.__version__, "numpy": np.__version__, "python": platform.python_version()}


def make_faiss_index(vectors: np.ndarray, compact_threshold: int = COMPACT_THRESHOLD,
                     hnsw_threshold: int = HNSW_THRESHOLD, batch: int = 20_000):
    """Exact inner product for small sets; above ``compact_threshold``, 8-bit scalar-quantized codes
    (a quarter of the memory; approximate, so searched with a re-rank), scanned in full up to
    ``hnsw_threshold`` and through an HNSW graph above it (scale figures in docs/PERFORMANCE.md)."""
    n, dim = vectors.shape
    return build_faiss_index(lambda: (vectors[i:i + batch] for i in range(0, n, batch)), n, dim,
                             compact_threshold, hnsw_threshold)


def build_faiss_index(batches, n: int, dim: int, compact_threshold: int = COMPACT_THRESHOLD,
                      hnsw_threshold: int = HNSW_THRESHOLD, train_size: int = 20_000):
    """The same index from ``batches()``, an iterable of row blocks (called twice for 8-bit codes: a
    training sample of every k-th row, then the rows in order), so no full float matrix is ever needed."""
    import faiss

    if n > hnsw_threshold:
        index = faiss.IndexHNSWSQ(dim, faiss.ScalarQuantizer.QT_8bit, 32, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = 64
        index.hnsw.efSearch = HNSW_EF_SEARCH
    elif n > compact_threshold:
        index = faiss.IndexScalarQuantizer(dim, faiss.ScalarQuantizer.QT_8bit, faiss.METRIC_INNER_PRODUCT)
    else:
        index = faiss.IndexFlatIP(dim)
    if not index.is_trained:
        stride, sample, seen = max(1, n // train_size), [], 0
        for block in batches():
            sample.append(np.array(block[(-seen) % stride::stride], dtype=np.float32))  # a copy: a view keeps the block
            seen += len(block)
        index.train(np.ascontiguousarray(np.concatenate(sample), dtype=np.float32))
        del sample
    for block in batches():
        if len(block):
            index.add(np.ascontiguousarray(block, dtype=np.float32))
    return index


@dataclass
class VectorStore:
    """FAISS rows aligned with ``doc_ids``; searched by inner product over normalized vectors."""

    index: object
    doc_ids: list[str]
    model_ids: list[str | None]
    manifest: Manifest | None = None
    rerank: np.ndarray | None = None  # float16 rows (memory-mapped when read) scoring the 8-bit codes' candidates

    @property
    def dimension(self) -> int:
        return self.index.d

    def vectors(self) -> np.ndarray:
        if self.rerank is not None:  # closer to the embedder's output than 8-bit codes decoded
            return np.asarray(self.rerank, dtype=np.float32)
        n = self.index.ntotal
        return self.index.reconstruct_n(0, n) if n else np.zeros((0, self.index.d), np.float32)

    def search(self, query: np.ndarray, k: int, allowed_rows: np.ndarray | None = None):
        """Top-k rows as (row, score) pairs; ``allowed_rows`` restricts the candidates. With a re-rank
        store, the index proposes its top ``RERANK_DEPTH`` and those are ordered by exact scores."""
        import faiss

        q = np.ascontiguousarray(query.reshape(1, -1), dtype=np.float32)
        k = min(k, self.index.ntotal)
        if k <= 0:
            return []
        depth = min(max(k, RERANK_DEPTH), self.index.ntotal) if self.rerank is not None else k
        params = None
        if allowed_rows is not None:
            if len(allowed_rows) == 0:
                return []
            selector = faiss.IDSelectorBatch(np.asarray(allowed_rows, dtype=np.int64))
            params = (faiss.SearchParametersHNSW(sel=selector, efSearch=max(HNSW_EF_SEARCH, depth))
                      if isinstance(self.index, faiss.IndexHNSW) else faiss.SearchParameters(sel=selector))
            depth = min(depth, len(allowed_rows))
        with _one_thread() if self.rerank is not None else contextlib.nullcontext():
            scores, rows = self.index.search(q, depth, params=params) if params else self.index.search(q, depth)
        if self.rerank is not None:
            return rerank(self.rerank, q, rows[0], k)
        return [(int(r), float(s)) for r, s in zip(rows[0], scores[0]) if r >= 0]


@contextlib.contextmanager
def _one_thread():
    """One query on one OpenMP thread (a thread-local setting): FAISS opens a parallel region even for
    one query, whose idle second thread doubled a 300k code scan's time on a busy machine (14 -> 28 ms)."""
    import faiss

    before = faiss.omp_get_max_threads()
    faiss.omp_set_num_threads(1)
    try:
        yield
    finally:
        faiss.omp_set_num_threads(before)


def write_store(directory: Path, store: VectorStore, *, embedder: str, catalog_hash: str,
                hashes: dict[str, str], lexical=None) -> Manifest:
    """Persist atomically: vectors (and BM25 arrays) under content-addressed names, then the manifest."""
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
    ours = {final.name}
    try:
        if needs_rerank(store.index):
            manifest = manifest.model_copy(update=dict(zip(("rerank_file", "rerank_sha256"), _write_rerank(directory, store))))
            ours.add(manifest.rerank_file)
        if lexical is not None:
            manifest = manifest.model_copy(update={"lexical": _write_lexical(directory, lexical)})
            ours |= set(manifest.lexical)
        _atomic_write_text(directory / MANIFEST, manifest.model_dump_json(indent=1))
    except BaseException:
        for name in ours - named_files(directory):  # not committed: our new files are orphans
            (directory / name).unlink(missing_ok=True)
        raise
    for old in [*directory.glob("vectors-*.faiss"), *directory.glob("lexical-*"), *directory.glob("rerank-*.npy")]:
        if old.name not in ours:
            old.unlink(missing_ok=True)
    store.manifest = manifest
    return manifest


def _write_rerank(directory: Path, store: VectorStore, batch: int = 20_000) -> tuple[str, str]:
    """The store's float16 vectors as ``rerank-<sha12>.npy``; (file name, sha256)."""
    if store.rerank is None:
        raise ValueError(f"an {type(store.index).__name__} store needs its re-rank vectors to be written")
    vectors, n = store.rerank, len(store.rerank)
    try:
        return write_rerank(directory, (vectors[i:i + batch] for i in range(0, n, batch)), n, store.dimension)
    except OSError as exc:
        if exc.errno is None:
            raise _as_oserror(RuntimeError(_space_hint(directory, str(exc))), directory) from None
        raise


def _write_lexical(directory: Path, lexical) -> dict[str, str]:
    """BM25 arrays under a temporary stem, then renamed to a content-addressed one; name -> sha256."""
    tmp_stem = f".lexical-{secrets.token_hex(6)}"
    try:
        try:
            paths = lexical.save(directory, tmp_stem)
        except OSError as exc:
            if exc.errno is None:  # numpy's short write ("N requested and M written") carries no errno
                raise _as_oserror(RuntimeError(_space_hint(directory, str(exc))), directory) from None
            raise
        digests = {p: _sha256(p) for p in paths}
        key = hashlib.sha256("".join(sorted(digests.values())).encode()).hexdigest()[:12]
        out = {}
        for path, digest in digests.items():
            final = directory / f"lexical-{key}{path.name[len(tmp_stem):]}"
            _fsync(path)
            os.replace(path, final)
            out[final.name] = digest
        return out
    finally:
        for leftover in directory.glob(f"{tmp_stem}.*"):
            leftover.unlink(missing_ok=True)


def read_lexical(directory: Path, manifest: Manifest):
    """The persisted BM25, memory-mapped, refusing files that do not match the manifest."""
    from index.lexical import LexicalIndex

    if not manifest.lexical:
        raise StaleIndexError(f"index at {directory} has no saved BM25")
    for name, digest in manifest.lexical.items():
        path = directory / name
        if not path.is_file() or _sha256(path) != digest:
            raise StaleIndexError(f"BM25 file {path} is missing or does not match its manifest")
    stem = next(iter(manifest.lexical)).split(".", 1)[0]
    try:
        lexical = LexicalIndex.load(directory, stem)
    except (ValueError, OSError) as exc:
        raise StaleIndexError(f"BM25 files in {directory} cannot be read: {exc}") from None
    if lexical.size != len(manifest.documents):
        raise StaleIndexError(f"BM25 files in {directory} hold {lexical.size} documents, manifest says {len(manifest.documents)}")
    return lexical


def _space_hint(directory: Path, text: str) -> str:
    import shutil

    return f"No space left: {text}" if shutil.disk_usage(directory).free < (1 << 20) else text


def _as_oserror(exc: RuntimeError, path: Path) -> OSError:
    text = str(exc)
    code = errno.ENOSPC if "No space left" in text else errno.EDQUOT if "quota" in text.lower() else errno.EIO
    return OSError(code, os.strerror(code), str(path))


def named_files(directory: Path) -> set[str]:
    """The data files the committed manifest names (vectors, re-rank vectors and BM25), if it can be read."""
    try:
        manifest = read_manifest(directory)
    except (StaleIndexError, OSError):
        return set()
    return {manifest.vectors_file, *(manifest.lexical or {}), *([manifest.rerank_file] if manifest.rerank_file else [])}


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
                       model_ids=[d.model_id for d in manifest.documents], manifest=manifest,
                       rerank=rerank_for(index, directory, manifest.rerank_file, manifest.rerank_sha256))

