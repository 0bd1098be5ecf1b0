"""Exact re-ranking behind the approximate stores (8-bit codes, used above the compact threshold).

8-bit codes reorder documents whose scores are close (near-duplicates, many copies of one text):
at 300k synthetic documents, HNSW over 8-bit codes missed about one in ten of the exact top 10.
The codes therefore only propose candidates (their top ``RERANK_DEPTH``, from a full scan or
through HNSW); those rows are then scored exactly against every vector kept at half precision
(float16: 768 bytes a 384-dimension vector, an inner-product error far below the gaps that
decide a top 10).

The half-precision vectors live in a plain ``.npy`` file (no pickle), written in row blocks
(never a whole float matrix in memory) under a temporary name, hashed while written, synced and
renamed to ``rerank-<sha12>.npy``; the manifest names it with its sha256. It is read
memory-mapped, so a query touches only its candidates' pages.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path
from typing import Iterable

import numpy as np

from catalog.errors import StaleIndexError

# Candidates the codes propose for each query before the exact re-rank. At 300k synthetic documents
# the code scan's top 30 already held the exact top 10 for all 66 recall queries; 100 leaves room
# for larger catalogs at ~0.1 ms (docs/PERFORMANCE.md).
RERANK_DEPTH = 100
DTYPE = np.float16


def needs_rerank(index) -> bool:
    """True for the approximate stores (8-bit codes, scanned or through HNSW); the exact
    ``IndexFlatIP`` needs no re-rank."""
    import faiss

    return isinstance(index, (faiss.IndexHNSW, faiss.IndexScalarQuantizer))


def write_rerank(directory: Path, blocks: Iterable[np.ndarray], n: int, dim: int) -> tuple[str, str]:
    """Stream ``blocks`` (rows in order, n x dim in all) into ``rerank-<sha12>.npy``; (file name, sha256)."""
    header = {"descr": np.lib.format.dtype_to_descr(np.dtype(DTYPE)), "fortran_order": False, "shape": (n, dim)}
    fd, tmp_name = tempfile.mkstemp(prefix=".rerank-", suffix=".tmp", dir=directory)
    tmp = Path(tmp_name)
    digest = hashlib.sha256()
    try:
        with os.fdopen(fd, "wb") as f:
            np.lib.format.write_array_header_1_0(_Hashing(f, digest), header)
            rows = 0
            for block in blocks:
                data = np.ascontiguousarray(block, dtype=DTYPE)
                if data.ndim != 2 or data.shape[1] != dim:
                    raise ValueError(f"re-rank block of shape {data.shape}, expected (*, {dim})")
                _Hashing(f, digest).write(data.tobytes())
                rows += len(data)
            if rows != n:
                raise ValueError(f"re-rank file got {rows} rows, expected {n}")
            f.flush()
            os.fsync(f.fileno())
        sha = digest.hexdigest()
        final = directory / f"rerank-{sha[:12]}.npy"
        os.replace(tmp, final)
        return final.name, sha
    finally:
        tmp.unlink(missing_ok=True)


class _Hashing:
    """A write-only file that also feeds what it writes to a hash."""

    def __init__(self, f, digest):
        self.f, self.digest = f, digest

    def write(self, data) -> int:
        self.digest.update(data)
        return self.f.write(data)


def read_rerank(path: Path, sha256: str, n: int, dim: int) -> np.ndarray:
    """The re-rank vectors, memory-mapped, or ``StaleIndexError`` if the file is not the one named."""
    if not path.is_file():
        raise StaleIndexError(f"re-rank file {path} is missing")
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    if h.hexdigest() != sha256:
        raise StaleIndexError(f"re-rank file {path} does not match its manifest (sha256 {h.hexdigest()[:12]} != "
                              f"{sha256[:12]}): truncated or modified")
    try:
        vectors = np.load(path, mmap_mode="r", allow_pickle=False)
    except (ValueError, OSError) as exc:
        raise StaleIndexError(f"re-rank file {path} cannot be read: {exc}") from None
    if vectors.dtype != DTYPE or vectors.shape != (n, dim):
        raise StaleIndexError(f"re-rank file {path} holds {vectors.shape} {vectors.dtype}, expected ({n}, {dim}) float16")
    return vectors


def rerank_for(index, directory: Path, name: str | None, sha256: str | None) -> np.ndarray | None:
    """The re-rank vectors a manifest names for ``index`` (verified, memory-mapped): None for the exact
    store; ``StaleIndexError`` for an 8-bit store without them, or an exact store that names some."""
    if not needs_rerank(index):
        if name:
            raise StaleIndexError(f"manifest in {directory} names a re-rank file for an exact {type(index).__name__}")
        return None
    if not name or not sha256:
        raise StaleIndexError(f"index at {directory} is {type(index).__name__} without a re-rank file (built before re-ranking)")
    return read_rerank(directory / name, sha256, index.ntotal, index.d)


def rerank(vectors: np.ndarray, query: np.ndarray, rows: np.ndarray, k: int) -> list[tuple[int, float]]:
    """The ``k`` best of ``rows`` by exact inner product with ``query``, ties broken by row."""
    rows = np.asarray(rows, dtype=np.int64)
    rows = rows[rows >= 0]
    if len(rows) == 0:
        return []
    order = np.argsort(rows)  # ascending rows: sequential pages of the memory map
    rows = rows[order]
    scores = np.asarray(vectors[rows], dtype=np.float32) @ np.asarray(query, dtype=np.float32).reshape(-1)
    best = np.lexsort((rows, -scores))[:k]
    return [(int(rows[i]), float(scores[i])) for i in best]
