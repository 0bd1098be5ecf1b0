"""The assistant as a service: settings, one assistant, one question -> the contract's JSON object.

Every front door (the command line, the web app, the JSON API, MCP, the eval runner) builds its
assistant with ``make_assistant`` and answers with ``ask_one``, so they all return the same
object for the same question. Nothing here imports gradio or the embedding model: the index
opens lazily on the first open question.
"""

from __future__ import annotations

import sys
import time
from typing import Iterable

from assistant.session import Session
from catalog import entry_json, load_catalog, to_bibtex, to_text
from catalog.citation import no_title

__all__ = ["answer_json", "ask_one", "cite_entry", "make_assistant", "settings_from_args"]


def _err(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def settings_from_args(args):
    """``Settings`` from the common flags (``--catalog-dir``, ``--cache-dir``, ``--model-path``) and the environment."""
    from assistant.settings import Settings

    return Settings.from_env(catalog_dirs=getattr(args, "catalog_dir", None) or (),
                             cache_dir=getattr(args, "cache_dir", None), model_path=getattr(args, "model_path", None),
                             paper_only=getattr(args, "paper_only", None))


def make_assistant(settings, *, progress: bool = False, report=_err, embedder=None, donor=None):
    """Catalog + assistant; the index (and the embedding model) open lazily on the first open question.

    ``embedder``: one already made, to share between assistants (default: a new one, on first use).
    ``donor``: a function giving another open index whose vectors this one may reuse (``open_index``)."""
    from assistant.core import Assistant
    from index import SentenceTransformerEmbedder, open_index

    catalog = load_catalog(settings.catalog, report=report)

    def factory():
        index, _ = open_index(catalog, settings.index, embedder or SentenceTransformerEmbedder(settings.index.model_path),
                              progress=progress, report=report, donor=donor() if donor else None)
        return index

    return Assistant(catalog, settings=settings.assistant, search_factory=factory, phrasing=settings.phrasing)


def answer_json(answer, qid, question: str, latency_ms: float, catalog=None) -> dict:
    """The contract's answer object for one ``Answer`` (``beyond_paper`` needs the ``catalog``)."""
    return {
        "id": qid,
        "question": question,
        "answer": answer.text,
        "intent": answer.intent,
        "models": answer.models,
        "citations": [c.model_dump() for c in answer.citations],
        "abstained": answer.abstained,
        "retrieved": [{"doc_id": r.doc_id, "model": r.model, "score": r.score} for r in answer.retrieved],
        "latency_ms": round(latency_ms, 3),
        "clarification": answer.clarification,
        "bibtex": answer.bibtex,
        "beyond_paper": catalog.beyond(answer.models) if catalog is not None else [],
        "query": answer.query,
        "language": answer.language,
    }


def ask_one(assistant, question: str, history: Iterable[str] = (), qid=None) -> dict:
    """The contract's answer object for one question (history answered first, unprinted).

    Earlier turns are answered in order in a fresh ``Session``; ``latency_ms`` times
    ``question`` alone.
    """
    session = Session()
    for turn in history:
        assistant.ask(str(turn), session)
    start = time.perf_counter()
    answer = assistant.ask(question, session)
    return answer_json(answer, qid, question, (time.perf_counter() - start) * 1000, assistant.catalog)


def cite_entry(entry, fmt: str = "text"):
    """A model's source paper: BibTeX or plain text (a string), or JSON-ready data with the BibTeX."""
    title = no_title(entry.name)
    if fmt == "bibtex":
        return to_bibtex(entry.paper, title)
    if fmt == "json":
        return entry_json(entry)["paper"] | {"model": entry.id, "bibtex": to_bibtex(entry.paper, title)}
    return to_text(entry.paper, title)
