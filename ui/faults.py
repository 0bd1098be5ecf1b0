"""Fault isolation for the server: one failing answer never takes a door down.

``FaultIsolated`` wraps the assistant every door uses (chat, Gradio's ``/ask``, the JSON API,
MCP). An unexpected exception while answering is logged with its traceback to the server's log
file and re-raised as ``AnsweringError`` (a ``CatalogAssistantError``), whose message is short,
readable and names a reference into the log, never the traceback. Every door already turns a
``CatalogAssistantError`` into its own kind of error: a chat bubble, ``{"id", "error"}``, an
HTTP 500 with a reason, an MCP tool error.
"""

from __future__ import annotations

from functools import partial

from assistant.faults import LOG, log_failure, open_error_log as _open_error_log
from catalog import CatalogAssistantError


class AnsweringError(CatalogAssistantError):
    """An internal error while answering one question; the details are in the server log."""


# The server logs through the assistant's one fault logger, to ``<cache>/logs/serve.log``;
# called by ``serve`` (and tests), never on import.
open_error_log = partial(_open_error_log, name="serve")


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
