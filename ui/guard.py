"""The server's front gate: an ASGI middleware in front of every route (JSON API, MCP, Gradio).

For a loopback app it refuses, before any route runs:
- a ``Host`` that is not this machine's loopback name (DNS rebinding: a foreign site whose name
  resolves to 127.0.0.1 sends its own name as ``Host``);
- a cross-origin request: an ``Origin`` other than the page's own (so no foreign origin ever
  gets an allow-origin header), ``Origin: null``, or ``Sec-Fetch-Site: cross-site``;
- a request body that is not JSON (415): a web page can send ``text/plain`` or form posts to
  any address without asking, but not JSON;
- a body larger than ``max_body`` bytes (413), counted as it arrives, chunked or not;
- file uploads (403): the app has no file inputs.
Refusals are small JSON objects ``{"error": reason}`` that never repeat the request's content.
"""

from __future__ import annotations

import ipaddress
import json
from urllib.parse import urlsplit

BODY_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
UPLOAD_PATHS = ("/gradio_api/upload", "/upload")
DRAIN_LIMIT = 16 * 1024 * 1024  # an oversized body up to this size is read and dropped before the 413


def is_loopback(host: str) -> bool:
    """``localhost`` or a loopback IP address (127.0.0.0/8, ::1); never a name that merely starts with 127."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


class Refusal(Exception):
    def __init__(self, status: int, reason: str):
        super().__init__(reason)
        self.status, self.reason = status, reason


def _hostname(netloc: str) -> str:
    """``[::1]:7860`` -> ``::1``; ``LocalHost:80`` -> ``localhost``."""
    try:
        return (urlsplit("//" + netloc).hostname or "").lower()
    except ValueError:
        return ""


class Guard:
    """Wraps an ASGI app. ``loopback_only``: accept only loopback ``Host`` names."""

    def __init__(self, app, *, max_body: int, loopback_only: bool = True):
        self.app = app
        self.max_body = max_body
        self.loopback_only = loopback_only

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        try:
            self.check(scope)
            if scope["method"] in BODY_METHODS:
                receive = await self._buffered(scope, receive)
        except Refusal as r:
            if r.status == 413:
                await _drain(receive)
            return await refuse(send, r.status, r.reason)
        return await self.app(scope, receive, send)

    def check(self, scope) -> None:
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        host = headers.get("host", "")
        if self.loopback_only and not is_loopback(_hostname(host)):
            raise Refusal(400, "this server answers only under a loopback host name (127.0.0.1, localhost or [::1])")
        origin = headers.get("origin")
        if origin is not None and not self._same_origin(origin, host):
            raise Refusal(403, "cross-origin requests are refused: call this server from its own page or from a program")
        if headers.get("sec-fetch-site") == "cross-site":
            raise Refusal(403, "cross-site requests are refused")
        path = scope.get("path", "")
        if path.startswith(UPLOAD_PATHS):
            raise Refusal(403, "file uploads are off: this app takes no files")
        if scope["method"] in BODY_METHODS:
            kind = headers.get("content-type", "").split(";")[0].strip().lower()
            length = headers.get("content-length")
            if kind != "application/json" and (length is None or length.strip() != "0"):
                raise Refusal(415, "send the request body as JSON (Content-Type: application/json)")
            if length is not None and (not length.strip().isdigit() or int(length) > self.max_body):
                raise Refusal(413, f"the request body is larger than {self.max_body:,} bytes")

    def _same_origin(self, origin: str, host: str) -> bool:
        parts = urlsplit(origin) if origin != "null" else None
        if parts is None or parts.scheme not in ("http", "https") or not parts.netloc:
            return False
        if parts.netloc.lower() != host.lower():
            return False
        return not self.loopback_only or is_loopback(_hostname(parts.netloc))

    async def _buffered(self, scope, receive):
        """Read the whole body (at most ``max_body`` bytes), then replay it to the app."""
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return _replay([], message, receive)
            size += len(message.get("body", b""))
            if size > self.max_body:
                raise Refusal(413, f"the request body is larger than {self.max_body:,} bytes")
            chunks.append(message.get("body", b""))
            if not message.get("more_body", False):
                return _replay(chunks, None, receive)


async def _drain(receive, limit: int = DRAIN_LIMIT) -> None:
    """Read and drop what the client is still sending (up to ``limit`` bytes), so that a client which
    writes its whole body before reading gets the 413 instead of a reset connection."""
    seen = 0
    while seen <= limit:
        message = await receive()
        if message["type"] != "http.request":
            return
        seen += len(message.get("body", b""))
        if not message.get("more_body", False):
            return


def _replay(chunks: list[bytes], pending, receive):
    """A ``receive`` that first yields the buffered body (or a pending disconnect), then the real stream."""
    state = {"sent": False}

    async def replay():
        if not state["sent"]:
            state["sent"] = True
            if pending is not None:
                return pending
            return {"type": "http.request", "body": b"".join(chunks), "more_body": False}
        return await receive()

    return replay


async def refuse(send, status: int, reason: str, extra_headers: tuple = ()) -> None:
    body = json.dumps({"error": reason}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
               (b"connection", b"close"), *extra_headers]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
