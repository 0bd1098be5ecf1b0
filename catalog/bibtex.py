"""Citations rendered from paper records: BibTeX, plain text and JSON."""

from __future__ import annotations

from catalog.schema import Paper

_LATEX_SPECIAL = {"&": r"\&", "%": r"\%", "#": r"\#", "_": r"\_", "$": r"\$"}


def _escape(text: str) -> str:
    return "".join(_LATEX_SPECIAL.get(ch, ch) for ch in text)


def bibtex_authors(paper: Paper) -> str:
    names = [a for a in paper.authors if a != "et al."]
    tail = " and others" if "et al." in paper.authors else ""
    return " and ".join(_escape(n) for n in names) + tail


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
    parts = [paper.authors_short(), f"\u201c{title}\u201d", paper.venue, str(paper.year)]
    out = ". ".join(p for p in parts if p) + "."
    if paper.arxiv_id:
        out += f" arXiv:{paper.arxiv_id}."
    return f"{out} {paper.link}"
