"""Citations rendered from paper records: BibTeX, plain text and JSON."""

from __future__ import annotations

from catalog.citation import authors_bibtex, authors_short, join_sentence
from catalog.schema import Paper

_LATEX_SPECIAL = {"&": r"\&", "%": r"\%", "#": r"\#", "_": r"\_", "$": r"\$"}


def _escape(text: str) -> str:
    return "".join(_LATEX_SPECIAL.get(ch, ch) for ch in text)


def bibtex_authors(paper: Paper) -> str:
    return authors_bibtex(paper.authors, _escape)


def to_bibtex(paper: Paper, fallback_title: str) -> str:
    """One BibTeX entry. ``fallback_title`` is used when the source has no formal title."""
    title = paper.title or fallback_title
    fields: list[tuple[str, str]] = [
        ("title", "{" + _escape(title) + "}"),
        ("author", bibtex_authors(paper)),
        ("year", str(paper.year)),
    ]
    if paper.entry_type == "inproceedings":
        fields.append(("booktitle", _escape(paper.venue)))
    elif paper.entry_type == "article":
        fields.append(("journal", _escape("arXiv preprint arXiv:" + paper.arxiv_id
                                          if paper.venue == "arXiv" and paper.arxiv_id else paper.venue)))
    else:
        fields.append(("howpublished", _escape(paper.venue)))
    if paper.arxiv_id:
        fields += [("eprint", paper.arxiv_id), ("archivePrefix", "arXiv")]
    fields.append(("url", paper.link))
    if not paper.verified:
        fields.append(("note", "Unverified source: no single technical paper"))
    body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields)
    return f"@{paper.entry_type}{{{paper.bibtex_key},\n{body}\n}}"


def to_text(paper: Paper, fallback_title: str) -> str:
    """A one-line human citation: authors, title, venue, year, link."""
    title = paper.title or fallback_title
    parts = [authors_short(paper.authors), f"\u201c{title}\u201d", f"{paper.venue}, {paper.year}"]
    if paper.arxiv_id:
        parts.append(f"arXiv:{paper.arxiv_id}")
    return f"{join_sentence(parts)} {paper.link}"
