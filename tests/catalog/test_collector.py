"""The collector pause around building a catalog: restored afterwards, and ``keep`` pins no garbage."""

from __future__ import annotations

import gc
import weakref

from catalog import collector_paused


class _Node:
    def __init__(self):
        self.me = self  # a reference cycle: only the cyclic collector can free it


def test_the_collector_is_off_inside_and_back_on_after():
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():  # nested: the outer block decides
            pass
        assert not gc.isenabled()
    assert gc.isenabled()


def test_keep_collects_earlier_garbage_first_and_freezes_what_the_block_built():
    before = _Node()
    gone = weakref.ref(before)
    del before  # now garbage (a cycle), not yet collected
    frozen = gc.get_freeze_count()
    try:
        with collector_paused(keep=True):
            built = [_Node() for _ in range(1000)]
        assert gone() is None, "garbage from before the block must be collected, never frozen"
        assert gc.get_freeze_count() >= frozen + len(built) and gc.isenabled()
    finally:
        gc.unfreeze()  # leave this test process's collector as it was
