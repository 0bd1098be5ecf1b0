"""The plain JSON HTTP API: ``POST /api/ask``, ``GET /api/models``, ``/api/models/{id}``, ``/api/cite/{id}``, ``/health``.

``POST /api/ask`` returns exactly the command line's answer object (``assistant.service.ask_one``).
Errors are JSON ``{"error": reason}`` (``{"id", "error"}`` for ``/api/ask``): 400 for bad input,
404 for an unknown model (saying so when the server runs with ``--paper-only`` and the id is one
of the additions it leaves out), 413 for an oversized body (``ui.guard``), 500 when answering fails
(logged, the reason names a log reference), 503 with ``Retry-After`` when every answering slot
and every waiting place is taken. Nothing waits unboundedly: a request beyond the bounded
queue is refused at once.
"""

from __future__ import annotations

from typing import Annotated, Optional

import anyio
import orjson
from fastapi import APIRouter, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from assistant.service import ask_one
from catalog import Architecture, CatalogAssistantError, Domain, LicenseClass, Modality, Objective, Trait
from ui.faults import failure_message, log_failure
from ui.records import CiteFormat, Hidden, ModelQuery, citation, list_models, missing, model_record

MAX_HISTORY = 20


class AskRequest(BaseModel):
    """One question, with the earlier user turns of its conversation (oldest first)."""

    model_config = ConfigDict(extra="forbid")
    question: str = Field(description="the question, e.g. 'which models use prefix-LM objectives?'")
    history: list[str] = Field(default_factory=list, max_length=MAX_HISTORY,
                               description="earlier user turns of the same conversation, oldest first")


class Citation(BaseModel):
    model: Optional[str] = None
    concept: Optional[str] = None
    title: str
    authors: list[str]
    year: int
    venue: str
    arxiv_id: Optional[str] = None
    url: str
    verified: bool


class Retrieved(BaseModel):
    doc_id: str
    model: Optional[str] = None
    score: float


class AnswerObject(BaseModel):
    """The command line's ``ask --json`` object (the README's contract)."""

    id: Optional[str] = None
    question: str
    answer: str
    intent: str
    models: list[str]
    citations: list[Citation]
    abstained: bool
    retrieved: list[Retrieved]
    latency_ms: float
    clarification: bool
    bibtex: list[str]


class ErrorObject(BaseModel):
    id: Optional[str] = None
    error: str


class Admission:
    """At most ``concurrency`` answers at once and ``queue_size`` waiting; beyond that, refuse now."""

    def __init__(self, concurrency: int, queue_size: int):
        self.limiter = anyio.CapacityLimiter(max(1, concurrency))
        self.capacity = max(1, concurrency) + max(0, queue_size)
        self.inflight = 0

    async def run(self, fn, *args):
        """``fn(*args)`` in a worker thread; None when saturated (the caller answers 503)."""
        if self.inflight >= self.capacity:
            return None
        self.inflight += 1
        try:
            return (await anyio.to_thread.run_sync(fn, *args, limiter=self.limiter),)
        finally:
            self.inflight -= 1


def _json(data, status: int = 200, headers: dict | None = None) -> Response:
    return Response(orjson.dumps(data), status_code=status, media_type="application/json", headers=headers)


def _reason(exc: ValidationError | RequestValidationError) -> str:
    """A validation error in one line, naming the field but never echoing the input."""
    parts = []
    for e in exc.errors()[:3]:
        loc = ".".join(str(p) for p in e.get("loc", ()) if p not in ("body", "query", "path"))
        parts.append(f"{loc}: {e.get('msg', 'invalid')}" if loc else e.get("msg", "invalid"))
    return "; ".join(parts) or "invalid request"


async def validation_error(request: Request, exc: RequestValidationError) -> Response:
    body = {"id": None, "error": _reason(exc)} if request.url.path == "/api/ask" else {"error": _reason(exc)}
    return _json(body, 400)


def install_error_handlers(app: FastAPI) -> None:
    """400 with a one-line reason instead of FastAPI's 422 that repeats the request body."""
    app.add_exception_handler(RequestValidationError, validation_error)


def api_router(assistant, warmup, *, max_chars: int, admission: Admission, hidden: Hidden | None = None) -> APIRouter:
    """The routes over ``assistant``'s catalog; ``hidden``: what a ``--paper-only`` server leaves out."""
    router = APIRouter()
    catalog = assistant.catalog

    @router.post("/api/ask", response_model=AnswerObject, tags=["answers"],
                 responses={400: {"model": ErrorObject}, 413: {"model": ErrorObject}, 500: {"model": ErrorObject},
                            503: {"model": ErrorObject}})
    async def ask(body: AskRequest):
        """Answer one question about the catalog, with citations (the command line's `ask --json` object)."""
        if any(len(t) > max_chars for t in (body.question, *body.history)):
            return _json({"id": None, "error": f"a question is longer than {max_chars} characters"}, 400)
        if not warmup.ready:
            return _json({"id": None, "error": "the search index is still loading; try again in a moment"}, 503,
                         {"Retry-After": "2"})
        try:
            result = await admission.run(ask_one, assistant, body.question, body.history)
        except CatalogAssistantError as exc:
            return _json({"id": None, "error": str(exc)}, 500)
        except Exception as exc:  # noqa: BLE001 - outside the assistant (serialization...): still a 500
            return _json({"id": None, "error": failure_message(log_failure("POST /api/ask", exc))}, 500)
        if result is None:
            return _json({"id": None, "error": "the server is busy; retry shortly"}, 503, {"Retry-After": "1"})
        return _json(result[0])

    @router.get("/api/models", tags=["catalog"])
    def models(architecture: Annotated[list[Architecture], Query()] = [],  # noqa: B006 - FastAPI query lists
               lab: Annotated[list[str], Query(max_length=200)] = [],  # noqa: B006
               objective: Annotated[list[Objective], Query()] = [],  # noqa: B006
               license: Annotated[list[LicenseClass], Query()] = [],  # noqa: B006
               domain: Annotated[list[Domain], Query()] = [],  # noqa: B006
               trait: Annotated[list[Trait], Query()] = [],  # noqa: B006
               input: Annotated[list[Modality], Query()] = [],  # noqa: B006,A002 - the field's name in the API
               output: Annotated[list[Modality], Query()] = [],  # noqa: B006
               derived_from: Optional[str] = None, year_from: Optional[int] = None, year_to: Optional[int] = None,
               size_min_b: Optional[float] = None, size_max_b: Optional[float] = None,
               in_paper: Optional[bool] = None, limit: int = 100, offset: int = 0):
        """Models matching typed filters (AND across fields; lists are any-of, objectives, traits, inputs and outputs all-of;
        `in_paper`: true for the paper's models only, false for the models added since the paper)."""
        try:
            q = ModelQuery(architecture=architecture, lab=lab, objective=objective, license=license, domain=domain,
                           trait=trait, input=input, output=output, derived_from=derived_from, year_from=year_from, year_to=year_to,
                           size_min_b=size_min_b, size_max_b=size_max_b, in_paper=in_paper, limit=limit, offset=offset)
            return _json(list_models(catalog, q))
        except ValidationError as exc:
            return _json({"error": _reason(exc)}, 400)
        except ValueError as exc:
            return _json({"error": str(exc)}, 400)

    @router.get("/api/models/{model_id}", tags=["catalog"], responses={404: {"model": ErrorObject}})
    def model(model_id: str):
        """One model's full catalog record (by id, name or alias)."""
        record = model_record(catalog, model_id)
        return _json(record) if record else _json({"error": missing(model_id, hidden)}, 404)

    @router.get("/api/cite/{model_id}", tags=["catalog"], responses={404: {"model": ErrorObject}})
    def cite(model_id: str, format: CiteFormat = "bibtex"):  # noqa: A002 - the documented parameter name
        """A model's source paper as BibTeX, plain text or JSON."""
        cited = citation(catalog, model_id, format)
        if cited is None:
            return _json({"error": missing(model_id, hidden)}, 404)
        return _json(cited) if format == "json" else PlainTextResponse(cited)

    @router.get("/health", tags=["service"])
    def health():
        """Liveness and readiness: the catalog size and whether the search index is open."""
        return _json({"status": "ok", "models": len(catalog), "index": "ready" if warmup.ready else "loading",
                      "index_error": warmup.error is not None, "answering": admission.inflight})

    return router
