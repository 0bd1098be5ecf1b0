"""Compose: Markdown answers from catalog records only, with [n] markers and a Sources list.

A ``Draft`` hands out citation numbers in order of first use; ``Draft.finish`` builds the
frozen ``Answer`` through its validator, so a marker without a source (or a source the
catalog does not back) cannot reach the user.
"""

from __future__ import annotations

import re

from assistant.answer import Answer, Citation, RetrievedDoc
from assistant.display import both_units
from assistant.facets import size_label
from assistant.query import Intent
from catalog import Catalog, ModelEntry, to_bibtex
from catalog.citation import ET_AL, authors_short, no_title

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|<>~$])")


def md_escape(text: str, limit: int = 80) -> str:
    """User text echoed back: Markdown- and HTML-inert, and short."""
    text = text if len(text) <= limit else text[: limit - 1] + "…"
    return _MD_SPECIAL.sub(r"\\\1", text).replace("&", "&amp;")


size = size_label


def and_list(items: list[str]) -> str:
    """'A', 'A and B', 'A, B and C' (the catalog's "et al." marker left out)."""
    items = [i for i in items if i != ET_AL]
    if not items:
        return ""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


class Draft:
    def __init__(self, catalog: Catalog, intent: Intent, language: str = "en"):
        from assistant.display import display
        from assistant.lexicon import lexicon

        self.catalog = catalog
        self.intent = intent
        self.lex = lexicon(language)  # the answer's fixed sentences
        self.show = display(language)  # and how it shows values
        self.parts: list[str] = []
        self.citations: list[Citation] = []
        self.models: list[str] = []
        self.bibtex: list[str] = []
        self._num: dict[str, int] = {}

    def about(self, model_id: str) -> None:
        if model_id not in self.models:
            self.models.append(model_id)

    def cite(self, model_id: str) -> str:
        self.about(model_id)
        key = f"m:{model_id}"
        if key not in self._num:
            e = self.catalog.models[model_id]
            self.citations.append(Citation.of(e.paper, no_title(e.name), model=model_id))
            self._num[key] = len(self.citations)
        return f"[{self._num[key]}]"

    def cite_concept(self, concept_id: str) -> str:
        key = f"c:{concept_id}"
        if key not in self._num:
            c = self.catalog.concepts[concept_id]
            self.citations.append(Citation.of(c.paper, c.title, concept=concept_id))
            self._num[key] = len(self.citations)
        return f"[{self._num[key]}]"

    def add(self, text: str) -> None:
        self.parts.append(text)

    def sources(self) -> str:
        lines = [self.lex.say("sources"), ""]
        for i, c in enumerate(self.citations, start=1):
            who = authors_short(c.authors)
            link = f"[arXiv:{c.arxiv_id}]({c.url})" if c.arxiv_id else f"[{self.lex.say('link')}]({c.url})"
            flag = self.lex.say("unverified_flag") if not c.verified else ""
            lines.append(f"- [{i}] {who.rstrip('.')}. *{c.title}*. {c.venue}, {c.year}. {link}{flag}")
        return "\n".join(lines)

    def finish(self, *, retrieved: list[RetrievedDoc] | None = None) -> Answer:
        text = "\n\n".join(self.parts)
        if self.citations:
            text += "\n\n" + self.sources()
        if retrieved is None:
            retrieved = [RetrievedDoc(doc_id=f"{m}#facts", model=m, score=1.0) for m in self.models]
        return Answer.model_validate(
            {"text": text, "intent": self.intent, "models": self.models, "citations": self.citations,
             "abstained": False, "retrieved": retrieved, "bibtex": self.bibtex},
            context={"catalog": self.catalog},
        )


def abstain(catalog: Catalog, message: str, *, intent: Intent = Intent.OUT_OF_SCOPE, clarification: bool = False,
            retrieved: list[RetrievedDoc] | None = None) -> Answer:
    return Answer.model_validate(
        {"text": message, "intent": intent, "abstained": True, "clarification": clarification,
         "retrieved": retrieved or []},
        context={"catalog": catalog},
    )


# -- pieces shared by several answers ---------------------------------------------------------
def line(e: ModelEntry, d: Draft, reasons: list[str] | None = None) -> str:
    show = d.show
    sep = "；" if show.zh else "; "
    bits = [(", " if not show.zh else "、").join(show.lab(x) for x in e.labs), show.date(e),
            show.architecture(e.architecture), show.size(e.params.max_millions)]
    why = f" — {sep.join(reasons)}" if reasons else ""
    return f"- **{e.name}** ({sep.join(bits)}){why} {d.cite(e.id)}"


# table rows: (label, value in the answer's language)
FIELD_ROWS = [
    ("Lab", lambda e, s: s.labs(e) if s.zh else ", ".join(e.labs)),
    ("Date", lambda e, s: s.date(e)),
    ("Architecture", lambda e, s: s.architecture(e.architecture)),
    ("Family", lambda e, s: e.family),
    ("Pretraining task", lambda e, s: e.task),
    ("Objectives", lambda e, s: s.objectives(e)),
    ("Parameters", lambda e, s: both_units(e.params.raw)),
    ("Largest size", lambda e, s: s.size(e.params.max_millions)),
    ("Corpus", lambda e, s: e.corpus),
    ("License", lambda e, s: s.license(e)),
    ("Application", lambda e, s: e.application),
]


def cell(text: str) -> str:
    return text.replace("|", "/").replace("\n", " ")


def table(entries: list[ModelEntry], d: Draft, rows=FIELD_ROWS) -> str:
    head = "| | " + " | ".join(f"**{e.name}** {d.cite(e.id)}" for e in entries) + " |"
    sep = "|---|" + "---|" * len(entries)
    labels = d.show.labels.get("rows", {}) if d.show.zh else {}
    body = [f"| {labels.get(label, label)} | " + " | ".join(cell(get(e, d.show)) for e in entries) + " |" for label, get in rows]
    return "\n".join([head, sep, *body])


def bibtex_block(e: ModelEntry, d: Draft) -> str:
    entry = to_bibtex(e.paper, no_title(e.name))
    d.bibtex.append(entry)
    return f"```bibtex\n{entry}\n```"
