"""Keeping the index folder sane: one writer at a time, and no leftovers from failed or crashed runs.

``writer_lock`` serialises builds across processes with ``flock`` on ``<index>/.lock`` (the
kernel drops it when a process dies, so a crash never leaves a stale lock). ``clean_leftovers``
runs under that lock before each write: it removes temporary files of crashed writers and
data files (vectors, re-rank vectors, BM25) the manifest does not name (superseded ones, and orphans of a write that failed
half-way), so a full disk is not kept full by the run that filled it.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Callable, Iterator

LOCK = ".lock"
TEMP_GLOBS = (".vectors-*.tmp", ".rerank-*.tmp", ".manifest.json.*.tmp", ".lexical-*")
DATA_GLOBS = ("vectors-*.faiss", "rerank-*.npy", "lexical-*")


@contextlib.contextmanager
def writer_lock(directory: Path, report: Callable[[str], None]) -> Iterator[bool]:
    """Hold the folder's writer lock (waiting for another writer); yields False if it cannot be made."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not on Linux/macOS: no cross-process lock
        yield False
        return
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd = os.open(directory / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:
        yield False  # an unwritable folder: nothing will be written there anyway
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            report(f"another process is building the index in {directory}; waiting for it")
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield True
    finally:
        os.close(fd)  # releases the lock


def clean_leftovers(directory: Path, keep: set[str]) -> int:
    """Remove temporary files and data files not in ``keep``; returns the bytes freed."""
    freed = 0
    if not directory.is_dir():
        return 0
    doomed = [p for g in TEMP_GLOBS for p in directory.glob(g)]
    doomed += [p for g in DATA_GLOBS for p in directory.glob(g) if p.name not in keep]
    for path in doomed:
        try:
            size = path.stat().st_size
            path.unlink()
            freed += size
        except OSError:
            pass
    return freed
