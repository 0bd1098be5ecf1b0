"""Load test: ``python -m eval.load [--url URL] [--sessions 50] [--seconds 30]``.

N concurrent ``gradio_client`` sessions hold multi-turn conversations against the running app's
``/ask`` endpoint (over loopback only) for a bounded time, then it prints throughput, p50/p95/max
latency, errors and busy rejections. Without ``--url`` it starts ``catalog-assistant serve`` in a
separate process on a free loopback port. Every request has a timeout, so an overloaded server shows up as errors or
clear busy answers, never as a hang. Exit status 1 when any request failed.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urlparse

CONVERSATIONS = [
    ["which models use prefix-LM objectives?", "which of those are from Google?", "give me the BibTeX for the second one"],
    ["who built Chinchilla and how big is it?", "and its paper?"],
    ["compare BERT and RoBERTa", "which one is bigger?"],
    ["what is replaced token detection?", "which models use it?"],
    ["encoder-decoder models from Google", "how many are there?"],
    ["which model predicts 3D structure of amino-acid chains?", "who built it?"],
    ["who built GPT-4?", "what about GPT-3?"],
    ["models based on LLaMA", "which of them is the largest?"],
]
BUSY_WORDS = ("queue is full", "busy", "too many", "try again")


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    busy: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def ok(self, ms: float) -> None:
        with self.lock:
            self.latencies.append(ms)

    def fail(self, message: str) -> None:
        with self.lock:
            if any(w in message.lower() for w in BUSY_WORDS):
                self.busy += 1
            else:
                self.errors.append(message[:200])


def _check_loopback(url: str) -> None:
    host = urlparse(url).hostname or ""
    if not (host in ("localhost", "::1") or host.startswith("127.")):
        raise SystemExit(f"refusing to load-test {host!r}: only loopback addresses are allowed")


def session_worker(url: str, index: int, deadline: float, tally: Tally, timeout: float) -> None:
    from gradio_client import Client

    try:
        client = Client(url, verbose=False)
    except Exception as exc:  # noqa: BLE001 - every failure is counted, none is fatal
        tally.fail(f"connect: {exc}")
        return
    turn = 0
    while time.monotonic() < deadline:
        convo = CONVERSATIONS[(index + turn) % len(CONVERSATIONS)]
        for k, question in enumerate(convo):
            if time.monotonic() >= deadline:
                return
            start = time.perf_counter()
            try:
                result = client.submit(question, convo[:k], api_name="/ask").result(timeout=timeout)
            except Exception as exc:  # noqa: BLE001
                tally.fail(f"{type(exc).__name__}: {exc}")
                continue
            if isinstance(result, dict) and result.get("error"):
                tally.fail(result["error"])
            elif not isinstance(result, dict) or "answer" not in result:
                tally.fail(f"unexpected reply: {str(result)[:100]}")
            else:
                tally.ok((time.perf_counter() - start) * 1000)
        turn += 1


def _process_worker(url: str, indices: list[int], seconds: float, timeout: float, out) -> None:
    """One client process: a thread per session; sends back (latencies, errors, busy, hung)."""
    tally = Tally()
    deadline = time.monotonic() + seconds
    threads = [threading.Thread(target=session_worker, args=(url, i, deadline, tally, timeout), daemon=True)
               for i in indices]
    for t in threads:
        t.start()
    for t in threads:
        t.join(seconds + timeout + 30)
    out.put((tally.latencies, tally.errors, tally.busy, sum(t.is_alive() for t in threads)))


def run_load(url: str, sessions: int, seconds: float, timeout: float = 30.0, processes: int = 4) -> dict:
    """Drive ``url`` with ``sessions`` concurrent conversations for ``seconds``; return the figures.

    Sessions are spread over a few client processes (threads within each), so the client's own
    Python overhead does not serialize the load behind one interpreter lock.
    """
    import multiprocessing as mp

    _check_loopback(url)
    ctx = mp.get_context("spawn")
    out = ctx.Queue()
    groups = [list(range(sessions))[k::processes] for k in range(min(processes, sessions))]
    start = time.perf_counter()
    procs = [ctx.Process(target=_process_worker, args=(url, g, seconds, timeout, out), daemon=True) for g in groups]
    for p in procs:
        p.start()
    lat: list[float] = []
    errors: list[str] = []
    busy = hung = 0
    for _ in procs:
        try:
            l, e, b, h = out.get(timeout=seconds + 2 * timeout + 120)
        except Exception:  # noqa: BLE001 - a client process that never reports counts as hung
            hung += 1
            continue
        lat += l
        errors += e
        busy += b
        hung += h
    for p in procs:
        p.join(10)
        if p.is_alive():
            p.kill()
    wall = time.perf_counter() - start
    lat.sort()
    pct = (lambda q: round(lat[min(len(lat) - 1, int(q * len(lat)))], 1)) if lat else (lambda q: None)
    return {
        "sessions": sessions, "client_processes": len(groups), "seconds": round(wall, 1), "requests_ok": len(lat),
        "throughput_rps": round(len(lat) / wall, 1) if wall else 0.0,
        "p50_ms": round(statistics.median(lat), 1) if lat else None, "p95_ms": pct(0.95), "max_ms": pct(1.0),
        "errors": len(errors), "busy_rejections": busy, "error_samples": errors[:5], "hung_sessions": hung,
    }


def start_server(timeout: float = 300.0, extra_args: tuple[str, ...] = ()):
    """``catalog-assistant serve`` in a separate process on a free loopback port: (process, url)."""
    import subprocess
    import urllib.request

    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "assistant", "serve", "--port", str(port), *extra_args],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the server exited with status {proc.returncode}")
        try:
            urllib.request.urlopen(url + "config", timeout=2).read()
            return proc, url
        except OSError:
            time.sleep(0.5)
    proc.kill()
    raise RuntimeError(f"the server did not answer on {url} within {timeout:.0f}s")


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    p = argparse.ArgumentParser(prog="python -m eval.load", description=__doc__.split("\n")[0])
    p.add_argument("--url", help="a running app on loopback (default: start one in this process)")
    p.add_argument("--sessions", type=int, default=50)
    p.add_argument("--seconds", type=float, default=30.0)
    p.add_argument("--timeout", type=float, default=30.0, help="per-request timeout in seconds")
    p.add_argument("--json", help="also write the figures to this file")
    args = p.parse_args(argv)
    server = None
    url = args.url
    if not url:
        server, url = start_server()
    try:
        figures = run_load(url, args.sessions, args.seconds, args.timeout)
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
    print(json.dumps(figures, indent=1))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(figures, f, indent=1)
    return 1 if figures["errors"] or figures["hung_sessions"] else 0


if __name__ == "__main__":
    sys.exit(main())
