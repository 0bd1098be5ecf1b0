"""Chat handlers and the index warm-up, with the real assistant on the real catalog (no browser).

The assistant here has no search index: structured questions never need one.
"""

from __future__ import annotations

import threading

import pytest

from assistant.core import Assistant
from catalog import EmbedderUnavailable
from ui.chat import ChatHandlers, Conversation
from ui.render import EMPTY_SOURCES
from ui.warmup import Warmup


@pytest.fixture(scope="module")
def structured(catalog):
    return Assistant(catalog)


@pytest.fixture
def handlers(structured):
    return ChatHandlers(structured, Warmup(structured).start(), max_chars=50)


def test_a_turn_adds_escaped_user_text_and_linked_answer(handlers):
    conv = Conversation()
    messages, conv, sources, bibtex, box = handlers.submit("which models use **prefix-LM** objectives?", conv)
    assert box == "" and [m["role"] for m in messages] == ["user", "assistant"]
    assert "\\*\\*prefix\\-LM\\*\\*" in messages[0]["content"]
    assert "(https://arxiv.org/abs/2205.05131)" in messages[1]["content"]
    assert "2208.01448" in sources and bibtex.count("@") == 2
    assert sorted(conv.last.models) == ["alexatm-20b", "ul2"]


def test_followups_use_the_tabs_own_session(handlers):
    conv = Conversation()
    handlers.submit("which models use prefix-LM objectives?", conv)
    handlers.submit("which of those are from Google?", conv)
    assert conv.last.models == ["ul2"]
    other = Conversation()
    handlers.submit("which of those are from Google?", other)
    assert other.last.models == []


def test_overlong_input_gets_a_message_not_an_answer(handlers):
    conv = Conversation()
    messages, conv, sources, _, _ = handlers.submit("x" * 51, conv)
    assert "the limit is 50" in messages[-1]["content"] and conv.last is None
    assert conv.session.turns == 0, "the assistant was never asked"
    assert messages[0]["content"].endswith("…")


def test_empty_input_changes_nothing(handlers):
    messages, conv, *_ = handlers.submit("   ", Conversation())
    assert messages == [] and conv.session.turns == 0


def test_clear_starts_a_fresh_session(handlers):
    messages, conv, sources, bibtex = handlers.clear()
    assert messages == [] and conv.session.turns == 0 and sources == EMPTY_SOURCES and bibtex == ""


def test_warmup_opens_the_index_once_and_reports_failure(catalog):
    calls: list[int] = []
    gate = threading.Event()

    def factory():
        calls.append(1)
        gate.wait(5)
        raise EmbedderUnavailable("no embedding model here")

    assistant = Assistant(catalog, search_factory=factory)
    warmup = Warmup(assistant, timeout=0.05).start()
    assert warmup.wait() is False and not warmup.ready  # still loading: callers are told, not blocked
    gate.set()
    warmup.timeout = 10
    assert warmup.wait() is True and "no embedding model here" in warmup.error
    assert calls == [1]
