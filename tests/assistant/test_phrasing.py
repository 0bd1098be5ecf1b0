"""The optional phrasing backend against a local OpenAI-compatible stub on loopback."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from assistant import Assistant, Session
from assistant.phrasing import PhrasingSettings, accept


@pytest.fixture()
def endpoint():
    replies: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            composed = body["messages"][-1]["content"]
            text = replies.pop(0).replace("{composed}", composed)
            data = json.dumps({"choices": [{"message": {"content": text}}]}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/v1", replies
    server.shutdown()


def test_faithful_rewrite_is_accepted(catalog, endpoint):
    url, replies = endpoint
    replies.append("In short: {composed}")
    a = Assistant(catalog, phrasing=PhrasingSettings(enabled=True, base_url=url, model="stub"))
    answer = a.ask("who built BLOOM?", Session())
    assert answer.text.startswith("In short: BLOOM was built by BigScience")


def test_rewrite_with_new_number_or_model_is_rejected(catalog, endpoint):
    url, replies = endpoint
    replies.append("BLOOM was built by BigScience with 500B parameters [1].")
    a = Assistant(catalog, phrasing=PhrasingSettings(enabled=True, base_url=url, model="stub"))
    answer = a.ask("who built BLOOM?", Session())
    assert answer.text.startswith("BLOOM was built by BigScience and Hugging Face [1].")
    assert "500B" not in answer.text


def test_unreachable_endpoint_falls_back_to_composed(catalog):
    a = Assistant(catalog, phrasing=PhrasingSettings(enabled=True, base_url="http://127.0.0.1:9/v1", model="x", timeout=1))
    assert a.ask("who built BLOOM?", Session()).text.startswith("BLOOM was built by")


def test_accept_rules():
    composed = "GPT-3 has 175B parameters [1]. See https://arxiv.org/abs/2005.14165"
    assert accept(composed, "GPT-3 is a 175B-parameter model [1].", ["GPT-3"])
    assert not accept(composed, "GPT-3 has 175B parameters.", ["GPT-3"])  # marker dropped
    assert not accept(composed, "GPT-3 has 176B parameters [1].", ["GPT-3"])
    assert not accept(composed, "GPT-3 has 175B parameters [1] [2].", ["GPT-3"])
    assert not accept(composed, "GPT-3 has 175B parameters [1], see https://example.com", ["GPT-3"])
