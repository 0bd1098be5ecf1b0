"""The Gradio chat path under load: ``python -m eval.chatload URL --sessions 50 --seconds 20``.

Each session behaves like one browser tab: it has its own session hash, submits its questions
to the chat box's event through Gradio's queue (``POST /gradio_api/queue/join``), reads the
result from the queue's event stream (``GET /gradio_api/queue/data``), and keeps its
conversation on the server (the chat's ``gr.State``), so follow-ups are real follow-ups. One
asyncio process drives all sessions; every wait is bounded. Prints one JSON object.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import secrets
import sys
import time
from urllib.parse import urlsplit

from eval.load import CONVERSATIONS


def chat_event(config: dict) -> tuple[int, int]:
    """(fn_index, trigger_id) of the chat box's submit event: a 'submit' whose first output is the chatbot."""
    kinds = {c["id"]: c["type"] for c in config["components"]}
    for dep in config["dependencies"]:
        for target, trigger in dep["targets"]:
            if trigger == "submit" and dep["outputs"] and kinds.get(dep["outputs"][0]) == "chatbot":
                return dep["id"], target
    raise RuntimeError("the app has no chat submit event")


def last_reply(output: dict) -> str:
    """The assistant's last message in the chatbot value of a completed event."""
    messages = output["data"][0]
    if isinstance(messages, dict):  # an update object
        messages = messages.get("value", [])
    content = messages[-1]["content"] if messages else ""
    if isinstance(content, list):
        content = " ".join(part.get("text", "") for part in content if isinstance(part, dict))
    return content if isinstance(content, str) else json.dumps(content)


async def ask_in_session(client, fn_index: int, trigger: int, session: str, question: str, timeout: float) -> str:
    """Submit one chat message in ``session``; return the assistant's reply text (raises on failure).

    The event's inputs: the question, the tab's conversation (None: a new one) and its "paper only"
    toggle (None: the server's default catalog)."""
    join = await client.post("gradio_api/queue/join", json={
        "data": [question, None, None], "event_data": None, "fn_index": fn_index, "trigger_id": trigger,
        "session_hash": session})
    if join.status_code != 200:
        raise RuntimeError(f"join: HTTP {join.status_code}")
    event_id = join.json()["event_id"]
    reply = None
    async with asyncio.timeout(timeout):
        async with client.stream("GET", "gradio_api/queue/data", params={"session_hash": session}) as stream:
            async for line in stream.aiter_lines():
                if not line.startswith("data:"):
                    continue
                msg = json.loads(line[5:])
                kind = msg.get("msg")
                if kind == "close_stream":  # the server is done with this tab's events
                    break
                if kind == "unexpected_error":
                    raise RuntimeError(f"server error: {str(msg.get('message'))[:200]}")
                if msg.get("event_id") not in (None, event_id):
                    continue
                if kind == "process_completed":
                    if not msg.get("success"):
                        raise RuntimeError(f"event failed: {str(msg.get('output'))[:200]}")
                    reply = last_reply(msg["output"])
                if kind == "queue_full":
                    raise RuntimeError("queue is full")
    # A browser tab reads its stream until the server closes it. Closing it as soon as the result
    # arrives races the server: the tab's next event can be joined before the server has seen the
    # old stream end, and the server then drops that event with the disconnected stream.
    if reply is None:
        raise RuntimeError("the event stream ended without a result")
    return reply


async def _session(client, fn, trigger, k, deadline, timeout, out):
    turn = 0
    while time.monotonic() < deadline:
        session = secrets.token_hex(6)  # a new tab per conversation
        for question in CONVERSATIONS[(k + turn) % len(CONVERSATIONS)]:
            if time.monotonic() >= deadline:
                return
            start = time.perf_counter()
            try:
                await ask_in_session(client, fn, trigger, session, question, timeout)
                out["latencies"].append((time.perf_counter() - start) * 1000)
            except TimeoutError:
                out["hung"] += 1
            except Exception as exc:  # noqa: BLE001 - every failure is counted
                out["errors"].append(f"{type(exc).__name__}: {exc}"[:200])
        turn += 1


async def run(url: str, sessions: int, seconds: float, timeout: float = 30.0) -> dict:
    import httpx

    host = urlsplit(url).hostname or ""
    if not (host in ("localhost", "::1") or host.startswith("127.")):
        raise SystemExit(f"refusing to load {host!r}: only loopback addresses are allowed")
    limits = httpx.Limits(max_connections=2 * sessions + 4, max_keepalive_connections=2 * sessions + 4)
    async with httpx.AsyncClient(base_url=url, timeout=timeout, limits=limits) as client:
        fn, trigger = chat_event((await client.get("config")).json())
        out = {"latencies": [], "errors": [], "hung": 0}
        start = time.monotonic()
        await asyncio.gather(*(_session(client, fn, trigger, k, start + seconds, timeout, out) for k in range(sessions)))
        wall = time.monotonic() - start
    lat = sorted(out["latencies"])
    pct = (lambda q: round(lat[min(len(lat) - 1, int(q * len(lat)))], 1)) if lat else (lambda q: None)
    return {"sessions": sessions, "seconds": round(wall, 1), "ok": len(lat), "rps": round(len(lat) / wall, 1),
            "p50_ms": pct(0.5), "p95_ms": pct(0.95), "max_ms": pct(1.0), "errors": len(out["errors"]),
            "error_samples": out["errors"][:5], "hung": out["hung"]}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m eval.chatload", description=__doc__.split("\n")[0])
    p.add_argument("url", help="the app on loopback, e.g. http://127.0.0.1:7860/")
    p.add_argument("--sessions", type=int, default=50)
    p.add_argument("--seconds", type=float, default=20.0)
    p.add_argument("--timeout", type=float, default=30.0)
    args = p.parse_args(argv)
    figures = asyncio.run(run(args.url.rstrip("/") + "/", args.sessions, args.seconds, args.timeout))
    print(json.dumps(figures))
    return 1 if figures["errors"] or figures["hung"] else 0


if __name__ == "__main__":
    sys.exit(main())
