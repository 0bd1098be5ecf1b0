"""``python -m eval.bench serve``: the server under load, next to in-process answering.

Starts ``catalog-assistant serve`` in its own process on a free loopback port, measures
in-process answers/s (``ask_one`` on one thread, in this process, over the same questions),
then drives ``POST /api/ask`` with ``eval.httpload`` (a separate process, closed loop,
keep-alive) at each concurrency for a fixed time, and finally the Gradio chat path with 50
sessions (``eval.chatload``, a separate process: tabs submitting to the chat box through
Gradio's queue, each conversation kept on the server).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from eval.load import CONVERSATIONS, start_server

REPO = Path(__file__).resolve().parent.parent
CONCURRENCY = (1, 10, 50, 200)


def request_bodies() -> list[dict]:
    """The bench's questions (every intent) plus follow-ups that carry their history."""
    from eval.bench import INTENT_QUESTIONS

    bodies = [{"question": q} for qs in INTENT_QUESTIONS.values() for q in qs]
    bodies += [{"question": c[k], "history": c[:k]} for c in CONVERSATIONS for k in range(1, len(c))]
    return bodies


def in_process_rate(bodies: list[dict], cache_dir: str | None, seconds: float) -> dict:
    """Answers/s of ``ask_one`` on one thread, warm, over ``bodies`` in turn."""
    from assistant.service import ask_one, make_assistant
    from assistant.settings import Settings

    assistant = make_assistant(Settings.from_env(cache_dir=cache_dir))
    for b in bodies:  # warm: index, model and query-vector cache, as in the running server
        ask_one(assistant, b["question"], b.get("history", ()))
    n, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        b = bodies[n % len(bodies)]
        ask_one(assistant, b["question"], b.get("history", ()))
        n += 1
    wall = time.perf_counter() - start
    return {"answers_per_s": round(n / wall, 1), "mean_ms": round(1000 * wall / n, 3), "answers": n}


def http_load(url: str, bodies_file: str, connections: int, seconds: float) -> dict:
    out = subprocess.run([sys.executable, "-m", "eval.httpload", url + "api/ask", "--bodies", bodies_file,
                          "--connections", str(connections), "--seconds", str(seconds)],
                         capture_output=True, text=True, cwd=REPO, timeout=seconds + 120)
    if out.returncode != 0:
        raise RuntimeError(out.stderr[-2000:])
    return json.loads(out.stdout.strip().splitlines()[-1])


def wait_ready(url: str, timeout: float = 300.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if json.loads(urllib.request.urlopen(url + "health", timeout=5).read())["index"] == "ready":
                return
        except OSError:
            pass
        time.sleep(0.5)
    raise RuntimeError("the server's index did not open in time")


def chat_load(url: str, sessions: int, seconds: float) -> dict:
    """``eval.chatload`` in its own process: browser-like tabs through Gradio's queue."""
    out = subprocess.run([sys.executable, "-m", "eval.chatload", url, "--sessions", str(sessions),
                          "--seconds", str(seconds)], capture_output=True, text=True, cwd=REPO, timeout=seconds + 180)
    lines = out.stdout.strip().splitlines()
    if not lines:
        raise RuntimeError(out.stderr[-2000:])
    return json.loads(lines[-1])


def bench_serve(ctx: dict, quick: bool) -> dict:
    seconds = ctx.get("seconds") or (5.0 if quick else 15.0)
    bodies = request_bodies()
    cache = str(ctx["cache"]) if ctx.get("cache") else os.environ.get("CATALOG_ASSISTANT_CACHE")
    if cache:
        os.environ["CATALOG_ASSISTANT_CACHE"] = cache  # the server process opens the same index
    proc, url = start_server(extra_args=tuple(ctx.get("serve_args", ())))
    try:
        wait_ready(url)
        out: dict = {"questions": len(bodies), "seconds_per_point": seconds,
                     "in_process": in_process_rate(bodies, cache, seconds)}
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
            f.write("\n".join(json.dumps(b) for b in bodies))
        rate = out["in_process"]["answers_per_s"]
        for c in ctx.get("connections", CONCURRENCY):
            point = http_load(url, f.name, c, seconds)
            point["vs_in_process"] = round(point["rps"] / rate, 3) if rate else None
            out[f"api_{c}"] = point
            print(f"  POST /api/ask x{c}: {point['rps']} req/s, p95 {point['p95_ms']} ms, "
                  f"status {point['status']}, errors {point['errors']}, hung {point['hung']}", flush=True)
        os.unlink(f.name)
        out["gradio_chat_50"] = chat = chat_load(url, 50, ctx.get("chat_seconds") or seconds * 2)
        print(f"  Gradio chat x50 sessions: {chat['rps']} events/s, p50 {chat['p50_ms']} ms, p95 {chat['p95_ms']} ms, "
              f"errors {chat['errors']}, hung {chat['hung']}", flush=True)
        for sample in chat.get("error_samples", []):
            print(f"    error: {sample}", flush=True)
        out["server_rss_mb"] = _rss_mb(proc.pid)
        return out
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def _rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        return None
    return None
