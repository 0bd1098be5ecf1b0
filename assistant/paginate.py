"""Long answers stay readable: a list of thousands of matches shows its first ``LIST_LIMIT``.

The answer still states the full count ("2,484 models match; the first 200 are listed"), and
only the models shown are cited, so every marker in the text is backed by a source.
"""

from __future__ import annotations

from typing import Sequence, TypeVar

T = TypeVar("T")

# Above the paper's 77 models plus the additions beyond the paper, so the built-in catalog's
# lists are never cut; thousands of user entries are.
LIST_LIMIT = 200


def page(items: Sequence[T], limit: int = LIST_LIMIT, language: str = "en") -> tuple[list[T], str | None]:
    """The items to show and, when some are left out, one line saying how many and which (in the
    answer's language: the lexicon's ``page_note``)."""
    if len(items) <= limit:
        return list(items), None
    from assistant.lexicon import lexicon

    return list(items[:limit]), lexicon(language).say("page_note", n=f"{len(items):,}", limit=f"{limit:,}")
