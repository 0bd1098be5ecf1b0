"""MCP tools for agents (``serve --mcp``, needs ``pip install -e ".[mcp]"``): streamable HTTP at ``/mcp``.

Four tools, each returning JSON (MCP structured content, with an output schema):
``ask`` (the answer object), ``list_models`` (typed filters), ``get_model`` (one record) and
``cite`` (a paper as BibTeX, text or JSON). The server is stateless (no MCP session is kept
between requests) and answers with plain JSON responses. A failure is an MCP tool error
with a readable reason; the traceback goes to the server log only.
"""

from __future__ import annotations

import contextlib
import importlib.util
from typing import Any, Literal, Optional

from pydantic import BaseModel, ValidationError

from catalog import Architecture, CatalogAssistantError, Domain, LicenseClass, Modality, Objective, Trait
from ui.faults import failure_message, log_failure
from ui.http_api import MAX_HISTORY, Admission, AnswerObject
from ui.records import NOT_FOUND, Hidden, ModelQuery, citation, list_models, missing, model_record

MCP_PATH = "/mcp"


def mcp_available() -> bool:
    """True when the ``mcp`` extra is installed."""
    return importlib.util.find_spec("mcp") is not None


class ModelSummary(BaseModel):
    id: str
    name: str
    organizations: list[str]
    date: str
    architecture: str
    params_millions: Optional[float] = None
    license_class: str
    objectives: list[str]
    paper: dict[str, Optional[str]]
    in_paper: bool


class ModelList(BaseModel):
    total: int
    offset: int
    limit: int
    models: list[ModelSummary]


class CitationResult(BaseModel):
    model: str
    format: Literal["bibtex", "text", "json"]
    citation: str | dict[str, Any]


def build_mcp(assistant, *, max_chars: int, admission: Admission, host: str = "127.0.0.1",
              hidden: Hidden | None = None):
    """A FastMCP server with the four tools; ``routes`` and ``lifespan`` are mounted by ``ui.server``;
    ``hidden``: what a ``--paper-only`` server leaves out (named as the reason an addition is not found)."""
    from mcp.server.fastmcp import FastMCP
    from mcp.server.fastmcp.exceptions import ToolError

    from assistant.service import ask_one

    catalog = assistant.catalog
    mcp = FastMCP("transformer-catalog", instructions="Grounded, cited answers about the Transformer model catalog.",
                  stateless_http=True, json_response=True, streamable_http_path=MCP_PATH, host=host,
                  log_level="WARNING")

    @mcp.tool()
    async def ask(question: str, history: list[str] | None = None) -> AnswerObject:
        """Answer a question about the Transformer model catalog, citing each model's paper.

        history: earlier user turns of the same conversation, oldest first (for follow-ups like "which of those...").
        """
        turns = list(history or [])
        if len(turns) > MAX_HISTORY:
            raise ToolError(f"history has more than {MAX_HISTORY} turns")
        if any(len(t) > max_chars for t in (question, *turns)):
            raise ToolError(f"a question is longer than {max_chars} characters")
        try:
            result = await admission.run(ask_one, assistant, question, turns)
        except CatalogAssistantError as exc:
            raise ToolError(str(exc)) from None
        except Exception as exc:  # noqa: BLE001 - isolation boundary of this door
            raise ToolError(failure_message(log_failure("MCP ask", exc))) from None
        if result is None:
            raise ToolError("the server is busy; retry shortly")
        return AnswerObject.model_validate(result[0])

    @mcp.tool(name="list_models")
    def list_models_tool(architecture: list[Architecture] | None = None, lab: list[str] | None = None,
                         objective: list[Objective] | None = None, license: list[LicenseClass] | None = None,
                         domain: list[Domain] | None = None, trait: list[Trait] | None = None,
                         input: list[Modality] | None = None, output: list[Modality] | None = None,  # noqa: A002
                         derived_from: str | None = None, year_from: int | None = None, year_to: int | None = None,
                         size_min_b: float | None = None, size_max_b: float | None = None,
                         in_paper: bool | None = None, limit: int = 100, offset: int = 0) -> ModelList:
        """List catalog models matching typed filters (AND across fields; architectures, labs, licenses and
        domains are any-of; objectives, traits, inputs and outputs all-of (input / output: the kinds of data a model
        takes in and gives out, text, image, video, audio...); sizes in billions of parameters; in_paper: true for
        the paper's models only, false for the models added since the paper)."""
        try:
            q = ModelQuery(architecture=architecture or [], lab=lab or [], objective=objective or [],
                           license=license or [], domain=domain or [], trait=trait or [],
                           input=input or [], output=output or [], derived_from=derived_from,
                           year_from=year_from, year_to=year_to, size_min_b=size_min_b, size_max_b=size_max_b,
                           in_paper=in_paper, limit=limit, offset=offset)
            return ModelList.model_validate(list_models(catalog, q))
        except (ValidationError, ValueError) as exc:
            raise ToolError(_one_line(exc)) from None

    @mcp.tool()
    def get_model(model: str) -> dict[str, Any]:
        """One model's full catalog record, by id, name or alias (e.g. "bert", "Chinchilla")."""
        record = model_record(catalog, model)
        if record is None:
            raise ToolError(_not_found(model, hidden))
        return record

    @mcp.tool()
    def cite(model: str, format: Literal["bibtex", "text", "json"] = "bibtex") -> CitationResult:  # noqa: A002
        """A model's source paper as BibTeX, plain text or JSON."""
        cited = citation(catalog, model, format)
        if cited is None:
            raise ToolError(_not_found(model, hidden))
        return CitationResult(model=catalog.lookup(model).id, format=format, citation=cited)

    return mcp


def _not_found(model: str, hidden: Hidden | None) -> str:
    """``no model named 'x' in the catalog``, with the reason when it is an addition a paper-only server leaves out."""
    return f"no model named {model[:100]!r} in the catalog" + missing(model, hidden).removeprefix(NOT_FOUND)


def _one_line(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        return "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" if e.get("loc") else e["msg"]
                         for e in exc.errors()[:3])
    return str(exc)


def mount_mcp(api, mcp) -> contextlib.AbstractAsyncContextManager:
    """Add the MCP route to ``api`` (before Gradio's catch-all mount); returns the lifespan to enter."""
    app = mcp.streamable_http_app()
    api.router.routes.extend(app.routes)
    return mcp.session_manager.run()
