"""The ``/ask`` API endpoint: one question (with earlier turns) in, the contract's JSON object out.

Answered by ``assistant.service.ask_one``, exactly as the command line's ``--batch`` does:
earlier turns first in a fresh ``Session`` (not returned), then ``question``, timed alone.
"""

from __future__ import annotations

import json
from typing import Callable

from assistant.core import Assistant
from assistant.service import ask_one
from catalog import CatalogAssistantError
from ui.warmup import Warmup

MAX_HISTORY = 20


def parse_history(history) -> list[str]:
    """A list of strings, or a JSON string holding one; raises ValueError with a readable reason."""
    if history is None or history == "":
        return []
    if isinstance(history, str):
        try:
            history = json.loads(history)
        except json.JSONDecodeError as exc:
            raise ValueError(f"history is not valid JSON ({exc.msg})") from None
    if not isinstance(history, (list, tuple)) or not all(isinstance(h, str) for h in history):
        raise ValueError("history must be a list of strings (earlier user turns, oldest first)")
    return list(history)


def make_ask(assistant: Assistant, warmup: Warmup, max_chars: int) -> Callable[[str, list[str] | str | None], dict]:
    """The endpoint function, bound to one assistant."""

    def ask(question: str, history: list[str] | str | None = None) -> dict:
        """Answer a question about the Transformer model catalog, with citations to the papers.

        Args:
            question: the question, e.g. "which models use prefix-LM objectives?"
            history: earlier user turns of the same conversation, oldest first (a list, or a JSON list string)

        Returns:
            The answer object: id, question, answer (Markdown with [n] markers), intent, models,
            citations, abstained, retrieved, latency_ms, clarification, bibtex; or {id, error}.
        """
        try:
            turns = parse_history(history)
            if not isinstance(question, str):
                raise ValueError("question must be a string")
            if len(turns) > MAX_HISTORY:
                raise ValueError(f"history has more than {MAX_HISTORY} turns")
            too_long = [t for t in (question, *turns) if len(t) > max_chars]
            if too_long:
                raise ValueError(f"a question is longer than {max_chars} characters")
        except ValueError as exc:
            return {"id": None, "error": str(exc)}
        if not warmup.wait():
            return {"id": None, "error": "the search index is still loading; try again in a moment"}
        try:
            return ask_one(assistant, question, turns)
        except CatalogAssistantError as exc:
            return {"id": None, "error": str(exc)}

    return ask
