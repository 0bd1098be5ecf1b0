"""Bounded per-request state in Gradio: what a stateless API call leaves behind is freed.

Gradio keeps one ``SessionState`` (a copy of every block's config, ~100 KB here) per session id,
up to 10,000 of them, and an API call that arrives without a session (``/gradio_api/call/ask``,
a new ``gradio_client.Client``) gets a fresh id every time, so each call kept ~100 KB until the
cap: ~1.8 GB. ``StatelessAwareStateHolder`` keeps Gradio's own LRU for sessions that hold
something (a chat ``gr.State``, a component update), and keeps sessions that were only read,
never written, in a small LRU of their own: evicting one of those loses nothing, because
Gradio rebuilds the same default state on the next access.

Also here: Gradio's queue records every event for its monitoring dashboard and recomputes a
pandas summary over the last 10,000 events after each one. Monitoring is off in this app, so
``quiet_queue`` keeps one record and never recomputes. And the queue keeps, per session id, a
message queue (up to 2,000, least recently used first out) and a set of pending event ids
(without bound), never removed when the session's events are done: one of each per stateless
call. ``sweep_queue`` removes a session's entries once it has nothing pending (a browser tab's
are created again by its next event), and those of finished results nobody read for 2 minutes.
The same sweeper returns freed heap pages to the system every 30 s (``ui.memory.trim``).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import time
from collections import OrderedDict
from copy import copy

from gradio.state_holder import SessionState, StateHolder

BLANK_SESSIONS = 256  # read-only sessions kept (an API call in flight uses its own reference)


class _Session(SessionState):
    """A ``SessionState`` that notes whether anything was written to it, and builds per-block configs lazily.

    Gradio's own ``__init__`` renders every block's config up front (for deep links, which this
    app does not offer): most of the cost of a new session. Here a config is rendered when a
    block is written or when ``components`` (the deep-link view) is read; the result is the same.
    """

    written = False

    def __init__(self, blocks):  # Gradio's SessionState.__init__, without the eager config_values
        self.blocks_config = copy(blocks.default_config)
        self._block_ids = blocks.blocks
        self.config_values = {}
        self.state_data = {}
        self._state_ttl = {}
        self.is_closed = False
        self.STATE_TTL_WHEN_CLOSED = 1 if os.getenv("GRADIO_IS_E2E_TEST", None) else 3600

    def __setitem__(self, key, value):
        self.written = True
        super().__setitem__(key, value)

    @property
    def components(self):
        for key, block in self.blocks_config.blocks.items():
            if key in self._block_ids and key not in self.config_values:
                self.config_values[key] = self.blocks_config.config_for_block(key, [], block)
        return SessionState.components.fget(self)


class StatelessAwareStateHolder(StateHolder):
    def __init__(self, blank_capacity: int = BLANK_SESSIONS):
        super().__init__()
        self.blank_capacity = blank_capacity
        self._blank: OrderedDict[str, None] = OrderedDict()

    def __getitem__(self, session_id: str) -> SessionState:
        with self.lock:
            if session_id not in self.session_data:
                self.session_data[session_id] = _Session(self.blocks)
                self._blank[session_id] = None
        return super().__getitem__(session_id)

    def update(self, session_id: str):
        super().update(session_id)
        with self.lock:
            while len(self._blank) > self.blank_capacity:
                oldest, _ = self._blank.popitem(last=False)
                session = self.session_data.get(oldest)
                if session is not None and not getattr(session, "written", True):
                    del self.session_data[oldest]
                    self.time_last_used.pop(oldest, None)

    @property
    def sessions(self) -> int:
        return len(self.session_data)


def install(gradio_app, blocks) -> StatelessAwareStateHolder:
    """Replace the mounted Gradio app's state holder (before it serves anything)."""
    holder = StatelessAwareStateHolder()
    holder.set_blocks(blocks)
    gradio_app.state_holder = holder
    return holder


def quiet_queue(blocks) -> None:
    """No per-event analytics: one record kept, the pandas summary never recomputed."""
    queue = blocks._queue
    queue.ANALYTICS_MAX_EVENTS = 1
    queue.ANAYLTICS_CACHE_FREQUENCY = 10**12  # (sic) Gradio's spelling


def sweep_once(queue, unread: dict[str, float], unread_after: float = 120.0, now: float | None = None) -> int:
    """Drop the queue's per-session entries of sessions with nothing pending; returns how many.

    ``unread`` remembers since when a session's events have been finished but not read."""
    now = time.monotonic() if now is None else now
    removed = 0
    for session, ids in list(queue.pending_event_ids_session.items()):
        if any(i in queue.event_ids_to_events for i in ids):
            unread.pop(session, None)  # queued or running
            continue
        if ids and now - unread.setdefault(session, now) < unread_after:
            continue  # finished; its caller may still come for the result
        queue.pending_event_ids_session.pop(session, None)
        queue.pending_messages_per_session.pop(session, None)
        unread.pop(session, None)
        removed += 1
    return removed


@contextlib.asynccontextmanager
async def sweep_queue(blocks, every: float = 5.0, trim_every: float = 30.0, trim=None):
    """While the server runs, sweep Gradio's queue every ``every`` seconds and give freed heap back
    every ``trim_every`` seconds (``trim``, default ``ui.memory.trim``); an ASGI lifespan part."""
    from ui import memory

    trim = trim or memory.trim
    unread: dict[str, float] = {}

    async def loop():
        last_trim = time.monotonic()
        while True:
            await asyncio.sleep(every)
            sweep_once(blocks._queue, unread)
            if time.monotonic() - last_trim >= trim_every:
                trim()
                last_trim = time.monotonic()

    task = asyncio.create_task(loop())
    try:
        yield
    finally:
        task.cancel()
