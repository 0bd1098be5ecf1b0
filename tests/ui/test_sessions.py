"""Per-request retention in Gradio: stateless API calls leave no session behind; chat sessions stay."""

from __future__ import annotations

import asyncio
import json
import time

from eval.chatload import ask_in_session, chat_event
from tests.ui.webclient import call, post_json
from ui.sessions import BLANK_SESSIONS, sweep_once


def _gradio_call(url: str, question: str) -> dict:
    event = post_json(url, "/gradio_api/call/ask", {"data": [question, []]}).json()["event_id"]
    stream = call(url, "GET", f"/gradio_api/call/ask/{event}").body.decode()
    data = [line[5:] for line in stream.splitlines() if line.startswith("data:")]
    return json.loads(data[-1])[0]


def test_api_calls_do_not_accumulate_sessions_and_chat_sessions_survive(served):
    import httpx

    server, url = served

    async def chat(question: str) -> str:
        async with httpx.AsyncClient(base_url=url, timeout=60) as client:
            fn, trigger = chat_event((await client.get("config")).json())
            return await ask_in_session(client, fn, trigger, "tab-kept-alive", question, 60)

    assert "UL2" in asyncio.run(chat("which models use prefix-LM objectives?"))
    before = server.state_holder.sessions
    for i in range(BLANK_SESSIONS + 150):
        assert _gradio_call(url, "who built BERT?")["models"] == ["bert"]
    assert server.state_holder.sessions <= before + BLANK_SESSIONS + 2
    queue = server.blocks._queue
    sweep_once(queue, {})  # what the server's sweeper does every few seconds
    assert len(queue.pending_event_ids_session) <= 2 and len(queue.pending_messages_per_session) <= 2
    follow_up = asyncio.run(chat("which of those are from Google?"))  # the tab's conversation is intact
    assert "UL2" in follow_up and "AlexaTM" not in follow_up


def test_lazy_sessions_render_the_same_configs_as_gradio(served):
    from gradio.state_holder import SessionState

    from ui.sessions import _Session

    server, _ = served
    ours, gradios = _Session(server.blocks), SessionState(server.blocks)
    assert set(vars(gradios)) <= set(vars(ours)) | {"_state_ttl"}
    def rendered(session):
        return sorted(json.dumps(c, sort_keys=True, default=str) for c in session.components)

    assert rendered(ours) and rendered(ours) == rendered(gradios)


def test_finished_results_nobody_reads_are_swept_after_a_while(served):
    server, url = served
    queue = server.blocks._queue
    events = [post_json(url, "/gradio_api/call/ask", {"data": ["who built BERT?", []]}).json()["event_id"]
              for _ in range(20)]
    unread: dict[str, float] = {}
    for _ in range(100):  # wait until all 20 have run (their results unread)
        if not any(e in queue.event_ids_to_events for e in events):
            break
        asyncio.run(asyncio.sleep(0.1))
    sweep_once(queue, unread)
    assert set(events) <= set(queue.pending_event_ids_session)  # kept: a caller may still read them
    assert "bert" in call(url, "GET", f"/gradio_api/call/ask/{events[0]}").body.decode()
    sweep_once(queue, unread, now=time.monotonic() + 300)
    assert not set(events) & set(queue.pending_event_ids_session)
