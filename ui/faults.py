"""Fault isolation for the server: one failing answer never takes a door down.

``FaultIsolated`` wraps the assistant every door uses (chat, Gradio's ``/ask``, the JSON API,
MCP). An unexpected exception while answering is logged with its traceback to the server's log
file and re-raised as ``AnsweringError`` (a ``CatalogAssistantError``), whose message is short,
readable and names a reference into the log, never the traceback. Every door already turns a
``CatalogAssistantError`` into its own kind of error: a chat bubble, ``{"id", "error"}``, an
HTTP 500 with a reason, an MCP tool error.
"""

from __future__ import annotations

import logging
import logging.handlers
import secrets
from pathlib import Path

from catalog import CatalogAssistantError

LOG = logging.getLogger("catalog_assistant.server")
LOG_NAME = "serve.log"


class AnsweringError(CatalogAssistantError):
    """An internal error while answering one question; the details are in the server log."""


def open_error_log(cache_dir: Path) -> Path:
    """Send this logger's records to ``<cache_dir>/logs/serve.log`` (rotated, 5 x 1 MB); returns the path.

    Called by ``serve`` (and tests), never on import.
    """
    path = Path(cache_dir) / "logs" / LOG_NAME
    path.parent.mkdir(parents=True, exist_ok=True)
    for h in list(LOG.handlers):
        if isinstance(h, logging.FileHandler) and Path(h.baseFilename) == path.resolve():
            return path
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    LOG.addHandler(handler)
    LOG.setLevel(logging.INFO)
    LOG.propagate = False
    return path


def log_failure(where: str, exc: BaseException) -> str:
    """Log ``exc`` with its traceback under a fresh reference; returns the reference."""
    ref = secrets.token_hex(4)
    LOG.error("ref %s: %s failed: %s", ref, where, type(exc).__name__, exc_info=exc)
    return ref


def failure_message(ref: str) -> str:
    return f"an internal error occurred while answering this question (reference {ref} in the server log)"


class FaultIsolated:
    """The assistant, with unexpected errors in ``ask`` logged and turned into ``AnsweringError``.

    Everything else (``catalog``, ``search``, ``settings``...) is the wrapped assistant's own.
    """

    def __init__(self, assistant):
        self.__dict__["_inner"] = assistant

    def __getattr__(self, name):
        return getattr(self._inner, name)

    def __setattr__(self, name, value):
        setattr(self._inner, name, value)

    def ask(self, question, session=None):
        try:
            return self._inner.ask(question, session)
        except CatalogAssistantError:
            raise
        except Exception as exc:  # noqa: BLE001 - this is the isolation boundary
            raise AnsweringError(failure_message(log_failure("answering a question", exc))) from None
