"""The two catalogs a visitor of the web app can choose between, built once and shared.

The app serves two prebuilt assistants: one over the whole catalog (the paper's 77 models and
the additions since the paper), one over the paper's catalog alone (what ``--paper-only``
loads). Every session uses one of them, chosen per request by that session's "paper only"
toggle; nothing is rebuilt per request or per session, and a session's choice never affects
another's. The server's default (``--paper-only`` / ``CATALOG_ASSISTANT_PAPER_ONLY``) is the
toggle's starting value. The JSON API, MCP and Gradio's ``/ask`` door answer with the default.
"""

from __future__ import annotations

from dataclasses import dataclass

from catalog import Catalog


@dataclass(frozen=True)
class Views:
    """``full``: the assistant over the paper's models and the additions; ``paper``: over the paper's
    alone (None when the app offers no choice); ``paper_only``: which one a new session starts on."""

    full: object
    paper: object | None = None
    paper_only: bool = False

    @classmethod
    def single(cls, assistant) -> "Views":
        """One assistant and no choice: the app shows its catalog as it is."""
        return cls(full=assistant, paper=None, paper_only=False)

    @property
    def choice(self) -> bool:
        """True when a visitor can switch between the two catalogs."""
        return self.paper is not None

    def pick(self, paper_only: bool | None = None):
        """The assistant for a session's setting (``None``: the server's default)."""
        paper_only = self.paper_only if paper_only is None else bool(paper_only)
        return self.paper if paper_only and self.paper is not None else self.full

    def catalog(self, paper_only: bool | None = None) -> Catalog:
        return self.pick(paper_only).catalog

    @property
    def default(self):
        return self.pick(None)

    def assistants(self) -> list:
        """Every assistant, the default first (the order they are warmed in)."""
        other = self.pick(not self.paper_only)
        return [self.default] + ([other] if other is not self.default else [])

    def map(self, wrap) -> "Views":
        """The same views with each assistant wrapped (e.g. fault isolation)."""
        return Views(wrap(self.full), None if self.paper is None else wrap(self.paper), self.paper_only)


def make_views(settings, *, progress: bool = False, report=None) -> Views:
    """Both assistants for ``serve``: the settings' own catalog variant is the default, the other
    variant is built beside it; they share one embedding model (loaded once). ``progress`` shows a
    bar while the default's index is built (the other one is built quietly, in the background).

    The other variant's index takes its vectors from the default's for every document with the same
    id and text (the paper's 77 models and their concepts read the same in both variants), so a
    first start embeds the documents once; opening it opens the default's first."""
    from assistant.service import make_assistant
    from index import SentenceTransformerEmbedder

    embedder = SentenceTransformerEmbedder(settings.index.model_path)
    options = {"embedder": embedder} | ({"report": report} if report else {})
    default = settings.catalog.paper_only
    first = make_assistant(settings.with_paper_only(default), progress=progress, **options)
    other = make_assistant(settings.with_paper_only(not default), donor=lambda: first.search, **options)
    made = {default: first, not default: other}
    return Views(full=made[False], paper=made[True], paper_only=default)
