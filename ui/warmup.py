"""Opening the search index once, in the background, before any request can race for it.

``Assistant.search`` builds the index lazily on first use and is not guarded by a lock, so
two concurrent first questions could both build it. The app starts one ``Warmup`` thread and
every handler waits (boundedly) for it before asking.
"""

from __future__ import annotations

import threading

from assistant.core import Assistant


class Warmup:
    """Open ``assistant.search`` (and its embedding model) once in a daemon thread; remember the error if it fails."""

    def __init__(self, assistant: Assistant, timeout: float = 300.0):
        self.assistant = assistant
        self.timeout = timeout
        self.error: str | None = None
        self._done = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> "Warmup":
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="catalog-index-warmup", daemon=True)
            self._thread.start()
        return self

    def _run(self) -> None:
        try:
            index = self.assistant.search
            if index is not None and hasattr(index, "query_vector"):
                index.query_vector("a warm-up question")  # loads the embedding model before the first visitor
        except Exception as exc:  # structured questions still work; open ones will report it
            self.error = f"{type(exc).__name__}: {exc}"
        finally:
            self._done.set()

    def wait(self) -> bool:
        """True once the index is ready (or failed); False if it is still loading after the timeout."""
        if self._thread is None:
            return True
        return self._done.wait(self.timeout)

    @property
    def ready(self) -> bool:
        return self._done.is_set()
