"""Author lists and citation sentences: the one place that decides when to write "et al.".

A catalog paper lists its authors in order; a list that ends with the marker ``"et al."`` is
one the catalog holds only in part. The rules:

- "et al." stands for two or more names: a list at most one name longer than ``limit`` is
  written out in full (four authors are never "A, B, C et al.");
- a list the catalog holds only in part always ends with "et al.";
- BibTeX gets every name the catalog holds, joined by " and ", plus "and others" only when the
  catalog's list is partial;
- pieces of a citation sentence are joined without doubling punctuation ("et al. “X”").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

ET_AL = "et al."


def no_title(name: str) -> str:
    """The title shown for a source that has none (a blog post, a release note)."""
    return f"{name} (no formal title)"


def author_names(authors: Sequence[str]) -> list[str]:
    """The named authors, without the catalog's "et al." marker."""
    return [a for a in authors if a != ET_AL]


def is_partial(authors: Sequence[str]) -> bool:
    """True when the catalog holds only the first authors of the paper."""
    return ET_AL in authors


def authors_short(authors: Sequence[str], limit: int = 3) -> str:
    """"A, B, C et al." past ``limit + 1`` names (or for a partial list), else every name."""
    names = author_names(authors)
    if len(names) > limit + 1:
        return ", ".join(names[:limit]) + " " + ET_AL
    shown = ", ".join(names)
    return f"{shown} {ET_AL}" if is_partial(authors) else shown


def authors_prose(authors: Sequence[str]) -> str:
    """Every name for running text: "A, B and C", or "A, B et al." for a partial list."""
    names = author_names(authors)
    if is_partial(authors):
        return ", ".join(names) + " " + ET_AL
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


def authors_bibtex(authors: Sequence[str], escape=lambda s: s) -> str:
    """BibTeX ``author``: every name joined by " and " (+ " and others" for a partial list)."""
    names = [escape(n) for n in author_names(authors)]
    if is_partial(authors):
        names.append("others")
    return " and ".join(names)


def join_sentence(parts: Iterable[str]) -> str:
    """Join citation pieces with ". ", adding a full stop only where a piece has none."""
    out = ""
    for part in (p.strip() for p in parts):
        if not part:
            continue
        if out:
            out += " " if out.endswith((".", "?", "!")) else ". "
        out += part
    if out and not out.endswith((".", "?", "!")):
        out += "."
    return out
