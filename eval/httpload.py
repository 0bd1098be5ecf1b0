"""A small closed-loop HTTP/1.1 load generator (asyncio, keep-alive), run in its own process.

``python -m eval.httpload URL --connections 50 --seconds 10 --bodies FILE`` opens N connections to
a loopback server; each sends POST requests back to back (the JSON bodies of FILE in turn, one a
line), and the run prints one JSON object: requests/s, p50/p95/p99/max latency, status counts,
errors (connection failures, timeouts) and hung requests (no answer within ``--timeout``).
It speaks just enough HTTP for a JSON API: Content-Length responses, keep-alive.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from collections import Counter
from urllib.parse import urlsplit


def _pct(sorted_ms: list[float], q: float) -> float | None:
    return round(sorted_ms[min(len(sorted_ms) - 1, int(q * len(sorted_ms)))], 2) if sorted_ms else None


async def _read_response(reader: asyncio.StreamReader) -> tuple[int, bytes, bool]:
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    length, close = 0, False
    for line in lines[1:]:
        name, _, value = line.partition(":")
        name = name.strip().lower()
        if name == "content-length":
            length = int(value)
        elif name == "connection" and value.strip().lower() == "close":
            close = True
    return status, await reader.readexactly(length), close


async def _connection(host, port, path, bodies, k, deadline, timeout, out):
    reader = writer = None
    i = k
    while time.monotonic() < deadline:
        body = bodies[i % len(bodies)]
        i += 1
        request = (f"POST {path} HTTP/1.1\r\nHost: {host}:{port}\r\nContent-Type: application/json\r\n"
                   f"Content-Length: {len(body)}\r\n\r\n").encode() + body
        start = time.perf_counter()
        try:
            if writer is None:
                reader, writer = await asyncio.wait_for(asyncio.open_connection(host, port), timeout)
            writer.write(request)
            status, _, close = await asyncio.wait_for(_read_response(reader), timeout)
        except asyncio.TimeoutError:
            out["hung"] += 1
            writer = _drop(writer)
            continue
        except (OSError, asyncio.IncompleteReadError, ValueError) as exc:
            out["errors"][type(exc).__name__] += 1
            writer = _drop(writer)
            await asyncio.sleep(0.01)
            continue
        out["status"][status] += 1
        if status == 200:
            out["latencies"].append((time.perf_counter() - start) * 1000)
        if close:
            writer = _drop(writer)
    _drop(writer)


def _drop(writer):
    if writer is not None:
        writer.close()
    return None


async def run(url: str, bodies: list[bytes], connections: int, seconds: float, timeout: float) -> dict:
    parts = urlsplit(url)
    host, port, path = parts.hostname, parts.port or 80, parts.path or "/"
    if not (host in ("localhost", "::1") or host.startswith("127.")):
        raise SystemExit(f"refusing to load {host!r}: only loopback addresses are allowed")
    out = {"latencies": [], "status": Counter(), "errors": Counter(), "hung": 0}
    start = time.monotonic()
    deadline = start + seconds
    await asyncio.gather(*(_connection(host, port, path, bodies, k, deadline, timeout, out)
                           for k in range(connections)))
    wall = time.monotonic() - start
    lat = sorted(out["latencies"])
    return {"connections": connections, "seconds": round(wall, 2), "ok": len(lat),
            "rps": round(len(lat) / wall, 1) if wall else 0.0,
            "p50_ms": _pct(lat, 0.50), "p95_ms": _pct(lat, 0.95), "p99_ms": _pct(lat, 0.99), "max_ms": _pct(lat, 1.0),
            "status": {str(k): v for k, v in sorted(out["status"].items())},
            "errors": sum(out["errors"].values()), "error_kinds": dict(out["errors"]), "hung": out["hung"]}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m eval.httpload", description=__doc__.split("\n")[0])
    p.add_argument("url", help="e.g. http://127.0.0.1:7860/api/ask")
    p.add_argument("--bodies", required=True, help="JSON Lines file: one request body a line")
    p.add_argument("--connections", type=int, default=50)
    p.add_argument("--seconds", type=float, default=10.0)
    p.add_argument("--timeout", type=float, default=10.0, help="a request without an answer by then is hung")
    args = p.parse_args(argv)
    with open(args.bodies, "rb") as f:
        bodies = [line.strip() for line in f if line.strip()]
    coro = run(args.url, bodies, args.connections, args.seconds, args.timeout)
    try:
        import uvloop

        figures = uvloop.run(coro)
    except ImportError:
        figures = asyncio.run(coro)
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
