"""Freed heap goes back to the system: ``ui.memory`` and the server's sweeper that calls it.

The soak showed RSS rising on the Gradio ``call`` route while the Python heap stayed flat: glibc
kept freed pages inside its arenas. These tests pin the mechanism the server now relies on."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import textwrap

import pytest

from ui import memory
from ui.sessions import sweep_queue

pytestmark = pytest.mark.skipif(not memory.available(), reason="glibc only")

FRAGMENTED_HEAP = textwrap.dedent("""
    from ui import memory

    def rss_mb():
        return next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmRSS")) / 1024

    big, pins = [], []
    for _ in range(3000):
        big.append(bytearray(60_000))  # below glibc's mmap threshold: carved from the heap
        pins.append(bytearray(600))    # long-lived, between the big blocks: free() cannot shrink the heap
    del big
    freed = rss_mb()
    released = memory.trim()
    print(freed, rss_mb(), released)
""")


def test_trim_returns_freed_heap_pages_that_free_alone_keeps():
    out = subprocess.run([sys.executable, "-c", FRAGMENTED_HEAP], capture_output=True, text=True, check=True,
                         timeout=120).stdout.split()
    freed, trimmed, released = float(out[0]), float(out[1]), out[2]
    assert freed > 150  # ~180 MB freed by Python, still resident
    assert freed - trimmed > 120 and released == "True"


def test_arena_limit_is_accepted_by_this_libc():
    assert memory.limit_arenas(memory.ARENAS) is True


def test_the_servers_sweeper_trims_periodically_and_stops_with_the_server(served):
    server, _ = served
    calls: list[float] = []

    async def run() -> None:
        async with sweep_queue(server.blocks, every=0.01, trim_every=0.02, trim=lambda: calls.append(1)):
            while len(calls) < 3:
                await asyncio.sleep(0.01)
        stopped_at = len(calls)
        await asyncio.sleep(0.1)
        assert len(calls) == stopped_at

    asyncio.run(asyncio.wait_for(run(), timeout=30))
    assert len(calls) >= 3
