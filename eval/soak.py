"""Soak: ``python -m eval.soak [--requests 20000] [--paths api,call,client,mcp] [--json FILE]``.

Starts ``catalog-assistant serve --mcp`` in its own process on a free loopback port and sends
``--requests`` questions through each programmatic path in turn:
  api     POST /api/ask (the JSON API)
  call    Gradio's HTTP call route: POST /gradio_api/call/ask, then GET its result stream
  client  gradio_client's ``/ask`` (one Client per 500 requests, as programs reconnect)
  mcp     the MCP ``ask`` tool (JSON-RPC over streamable HTTP)
The questions rotate through structured ones, open ones (every tenth one never seen before, so the
query-vector cache is exercised) and follow-ups carrying their history. Every ``--every`` requests
it samples the server's RSS, open file descriptors and threads (from /proc) and the window's
p50/p95. The report gives, per path, the growth after the first sample (the warm-up) and the
latency over time. Exit status 1 when a bound given with ``--max-growth-mb`` is exceeded.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import time
from pathlib import Path

from eval.load import CONVERSATIONS, start_server
from eval.servebench import wait_ready

CONNECTIONS = 4


def question(i: int) -> dict:
    """The i-th request: a structured or open question, or a follow-up with its history."""
    if i % 10 == 9:
        return {"question": f"a model that learns skill number {i} from raw pixels", "history": []}
    convo = CONVERSATIONS[i % len(CONVERSATIONS)]
    k = (i // len(CONVERSATIONS)) % len(convo)
    return {"question": convo[k], "history": convo[:k]}


def proc_stats(pid: int) -> dict:
    status = Path(f"/proc/{pid}/status").read_text().splitlines()
    field = {line.split(":")[0]: line.split(":", 1)[1].strip() for line in status}
    return {"rss_mb": round(int(field["VmRSS"].split()[0]) / 1024, 1), "threads": int(field["Threads"]),
            "fds": len(os.listdir(f"/proc/{pid}/fd"))}


# -- one request per path ---------------------------------------------------------------------
async def via_api(client, q: dict) -> None:
    r = await client.post("api/ask", json=q)
    if r.status_code != 200 or "answer" not in r.json():
        raise RuntimeError(f"api: HTTP {r.status_code}")


async def via_call(client, q: dict) -> None:
    r = await client.post("gradio_api/call/ask", json={"data": [q["question"], q["history"]]})
    if r.status_code != 200:
        raise RuntimeError(f"call: HTTP {r.status_code}")
    stream = await client.get(f"gradio_api/call/ask/{r.json()['event_id']}")
    if "event: complete" not in stream.text or '"answer"' not in stream.text:
        raise RuntimeError(f"call: {stream.text[-200:]}")


async def via_mcp(client, q: dict) -> None:
    r = await client.post("mcp", headers={"Accept": "application/json, text/event-stream"}, json={
        "jsonrpc": "2.0", "id": 1, "method": "tools/call", "params": {"name": "ask", "arguments": q}})
    result = r.json().get("result", {})
    if r.status_code != 200 or result.get("isError") or "answer" not in result.get("structuredContent", {}):
        raise RuntimeError(f"mcp: HTTP {r.status_code} {str(result)[:200]}")


class GradioClients:
    """gradio_client's path: a Client per connection, replaced every 500 requests; calls run in threads."""

    def __init__(self, url: str):
        self.url, self.clients, self.used = url, {}, {}

    async def __call__(self, slot: int, q: dict) -> None:
        def call():
            from gradio_client import Client

            if slot not in self.clients or self.used[slot] >= 500:
                self.clients[slot], self.used[slot] = Client(self.url, verbose=False), 0
            self.used[slot] += 1
            result = self.clients[slot].predict(q["question"], q["history"], api_name="/ask")
            if "answer" not in result:
                raise RuntimeError(f"client: {str(result)[:200]}")

        await asyncio.to_thread(call)


# -- the soak ---------------------------------------------------------------------------------
async def soak_path(url: str, pid: int, path: str, requests: int, every: int) -> dict:
    import httpx

    gradio = GradioClients(url) if path == "client" else None
    send = {"api": via_api, "call": via_call, "mcp": via_mcp}.get(path)
    samples, window, errors = [], [], []
    sent = finished = 0

    async def worker(slot: int, client) -> None:
        nonlocal sent, finished
        while sent < requests:
            i = sent
            sent += 1
            start = time.perf_counter()
            try:
                await (gradio(slot, question(i)) if gradio else send(client, question(i)))
                window.append((time.perf_counter() - start) * 1000)
            except Exception as exc:  # noqa: BLE001 - counted, the soak goes on
                errors.append(f"{type(exc).__name__}: {exc}"[:200])
            finished += 1
            if finished % every == 0:  # counted when answered, so each window holds `every` requests
                lat = sorted(window)
                window.clear()
                samples.append({"requests": finished, **proc_stats(pid),
                                "p50_ms": round(lat[len(lat) // 2], 1) if lat else None,
                                "p95_ms": round(lat[int(0.95 * len(lat))], 1) if lat else None})
                print(f"  {path} {json.dumps(samples[-1])}", flush=True)

    async with httpx.AsyncClient(base_url=url, timeout=60) as client:
        start = time.perf_counter()
        await asyncio.gather(*(worker(k, client) for k in range(CONNECTIONS)))
        wall = time.perf_counter() - start
    first, last = samples[0], samples[-1]
    return {"requests": requests, "seconds": round(wall, 1), "errors": len(errors), "error_samples": errors[:3],
            "rss_growth_after_warmup_mb": round(last["rss_mb"] - first["rss_mb"], 1),
            "fds": [first["fds"], last["fds"]], "threads": [first["threads"], last["threads"]],
            "fds_max": max(s["fds"] for s in samples), "threads_max": max(s["threads"] for s in samples),
            "p95_first_last_ms": [first["p95_ms"], last["p95_ms"]],
            "p95_median_first_last_half_ms": p95_trend(samples), "samples": samples}


def p95_trend(samples: list[dict]) -> list[float | None]:
    """The median window p95 over the first and the second half of the run (after the warm-up window):
    a rise shows as a larger second figure; one noisy window does not."""
    p95s = [s["p95_ms"] for s in samples[1:] if s["p95_ms"] is not None]
    half = len(p95s) // 2
    return [statistics.median(p95s[:half]) if half else None, statistics.median(p95s[half:]) if p95s else None]


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    p = argparse.ArgumentParser(prog="python -m eval.soak", description=__doc__.split("\n")[0])
    p.add_argument("--requests", type=int, default=20_000, help="requests per path")
    p.add_argument("--paths", default="api,call,client,mcp")
    p.add_argument("--every", type=int, help="sample every N requests (default: 1000, or requests/4 if fewer)")
    p.add_argument("--max-growth-mb", type=float, help="fail when a path's RSS grows more than this after warm-up")
    p.add_argument("--json", help="also write the figures to this file")
    args = p.parse_args(argv)
    every = args.every or min(1000, max(1, args.requests // 4))
    proc, url = start_server(extra_args=("--mcp",))
    wait_ready(url)
    report: dict = {"requests_per_path": args.requests, "sample_every": every, "start": proc_stats(proc.pid)}
    try:
        for path in args.paths.split(","):
            report[path] = asyncio.run(soak_path(url, proc.pid, path, args.requests, every))
            r = report[path]
            print(f"{path:6} {r['requests']} requests in {r['seconds']} s, errors {r['errors']}, RSS growth after "
                  f"warm-up {r['rss_growth_after_warmup_mb']} MB, fds {r['fds']}, threads {r['threads']}, "
                  f"p95 first/last window {r['p95_first_last_ms']} ms, median p95 first/second half "
                  f"{r['p95_median_first_last_half_ms']} ms", flush=True)
    finally:
        report["end"] = proc_stats(proc.pid)
        proc.terminate()
        proc.wait(timeout=30)
    print(json.dumps({k: v for k, v in report.items()}, indent=1) if not args.json else f"figures in {args.json}")
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=1))
    over = [k for k in args.paths.split(",") if args.max_growth_mb is not None
            and report[k]["rss_growth_after_warmup_mb"] > args.max_growth_mb]
    bad = [k for k in args.paths.split(",") if report[k]["errors"]]
    if over or bad:
        print(f"failed: growth over bound on {over}, errors on {bad}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
