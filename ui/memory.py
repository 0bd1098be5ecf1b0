"""Giving freed heap back to the operating system (glibc only; elsewhere every call is a no-op).

What the soak found (``python -m eval.soak``, docs/PERFORMANCE.md): over thousands of Gradio
``call`` requests the Python heap stays flat (object counts and ``tracemalloc`` totals level off
once the bounded caches are full), yet RSS kept rising for the first ~6,000 requests. The memory
is freed, but glibc keeps it: each answering thread may get its own malloc arena (up to eight per
core), every arena grows to its own peak, and freed pages inside an arena are not returned. Two
process-wide settings bound that: ``limit_arenas`` (at most two arenas, set when ``serve`` starts)
and ``trim`` (return free pages of every arena, called by the server's sweeper every 30 s).
"""

from __future__ import annotations

import ctypes
import sys

M_ARENA_MAX = -8  # mallopt parameter, from glibc's malloc.h
ARENAS = 2


def _glibc():
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
    except OSError:
        return None
    return libc if hasattr(libc, "malloc_trim") and hasattr(libc, "mallopt") else None  # not musl


_LIBC = _glibc()


def limit_arenas(arenas: int = ARENAS) -> bool:
    """At most ``arenas`` malloc arenas for threads created from now on; False when not on glibc."""
    return bool(_LIBC and _LIBC.mallopt(M_ARENA_MAX, arenas) == 1)


def trim() -> bool:
    """Return the free pages of every malloc arena to the system; True when some were released."""
    return bool(_LIBC and _LIBC.malloc_trim(0))


def available() -> bool:
    return _LIBC is not None
