"""The project's error tree, drawn once.

    CatalogAssistantError          base: the CLI and the UI catch this and show its message
    +-- CatalogError               an invalid catalog file (names the file and the field)
    +-- StaleIndexError            a damaged or out-of-date index that could not be used
    +-- EmbedderUnavailable        the embedding model cannot be loaded (says how to fix it)

Each message is one line a user can act on; ``CatalogError`` may carry several problems.
"""

from __future__ import annotations


class CatalogAssistantError(Exception):
    """Base class for every error this project raises on purpose."""


class CatalogError(CatalogAssistantError):
    """One or more catalog files are invalid. ``problems`` holds (file, field, reason)."""

    def __init__(self, problems: list[tuple[str, str, str]]):
        self.problems = problems
        lines = [f"{f}: {field}: {reason}" for f, field, reason in problems]
        super().__init__("invalid catalog:\n  " + "\n  ".join(lines) if len(lines) > 1 else
                         f"invalid catalog: {lines[0]}" if lines else "invalid catalog")


class StaleIndexError(CatalogAssistantError):
    """The persisted index does not match the catalog or embedder, or is damaged."""


class EmbedderUnavailable(CatalogAssistantError):
    """The embedding model could not be loaded."""
