"""Opening the search indexes once, in the background, before any request can race for them.

``Assistant.search`` builds the index lazily on first use and is not guarded by a lock, so
two concurrent first questions could both build it. The app starts one ``Warmup`` thread and
every handler waits (boundedly) for it before asking. With two assistants (the whole catalog
and the paper's alone, ``ui.views``), the server's default one is opened first; a handler
waits only for the assistant it uses.
"""

from __future__ import annotations

import threading

from assistant.core import Assistant


class Warmup:
    """Open each assistant's ``search`` (and the embedding model) once, in order, in a daemon thread;
    remember the error if it fails."""

    def __init__(self, assistant: Assistant, *others: Assistant, timeout: float = 300.0):
        self.assistants = [assistant, *others]
        self.assistant = assistant
        self.timeout = timeout
        self.error: str | None = None
        self._done = [threading.Event() for _ in self.assistants]
        self._thread: threading.Thread | None = None

    def start(self) -> "Warmup":
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="catalog-index-warmup", daemon=True)
            self._thread.start()
        return self

    def _run(self) -> None:
        for assistant, done in zip(self.assistants, self._done):
            try:
                index = assistant.search
                if index is not None and hasattr(index, "query_vector"):
                    index.query_vector("a warm-up question")  # loads the embedding model before the first visitor
            except Exception as exc:  # structured questions still work; open ones will report it
                self.error = self.error or f"{type(exc).__name__}: {exc}"
            finally:
                done.set()

    def _event(self, assistant) -> threading.Event:
        for known, done in zip(self.assistants, self._done):
            if known is assistant:
                return done
        return self._done[0]

    def wait(self, assistant: Assistant | None = None) -> bool:
        """True once ``assistant``'s index (default: the first one's) is ready (or failed); False if it
        is still loading after the timeout."""
        if self._thread is None:
            return True
        return self._event(assistant if assistant is not None else self.assistant).wait(self.timeout)

    def join(self, timeout: float | None = None) -> None:
        """Wait until every index is open (before a process exits: a thread stopped mid-build aborts it)."""
        if self._thread is not None:
            self._thread.join(timeout)

    @property
    def ready(self) -> bool:
        """The first (the default) assistant's index is open."""
        return self._done[0].is_set()
