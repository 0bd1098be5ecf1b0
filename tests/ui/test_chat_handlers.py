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


def test_a_turn_adds_escaped_user_text_linked_answer_and_share_link(handlers):
    view = handlers.submit("which models use **prefix-LM** objectives?", Conversation())
    messages = view.messages
    assert view.box == "" and [m["role"] for m in messages] == ["user", "assistant"]
    assert "\\*\\*prefix\\-LM\\*\\*" in messages[0]["content"]
    assert "(https://arxiv.org/abs/2205.05131)" in messages[1]["content"]
    assert "[🔗 Link to this answer](?q=which+models+use+%2A%2Aprefix-LM%2A%2A+objectives%3F)" in messages[1]["content"]
    assert "2208.01448" in view.sources and view.bibtex["value"].count("@") == 2
    assert sorted(view.conv.last.models) == ["alexatm-20b", "ul2"]
    assert view.stored == {"v": 1, "questions": ["which models use **prefix-LM** objectives?"]}


def test_followups_use_the_tabs_own_session_and_links_carry_the_conversation(handlers):
    conv = Conversation()
    handlers.submit("which models use prefix-LM objectives?", conv)
    view = handlers.submit("which of those are from Google?", conv)
    assert conv.last.models == ["ul2"]
    assert "(?h=which+models+use+prefix-LM+objectives%3F&q=which+of+those+are+from+Google%3F)" in view.messages[-1][
        "content"]
    other = Conversation()
    handlers.submit("which of those are from Google?", other)
    assert other.last.models != ["ul2"], "another tab's conversation leaked into this one"


def test_overlong_input_is_refused_and_kept_in_the_box(handlers):
    conv = Conversation()
    view = handlers.submit("x" * 51, conv)
    assert "the limit is 50" in view.notice["value"] and view.notice["visible"] is True
    assert view.messages == [] and conv.last is None and conv.session.turns == 0, "the assistant was never asked"
    assert view.box is not None and view.box.__class__.__name__ != "str", "the box is left as it is (gr.skip)"


def test_empty_input_changes_nothing(handlers):
    view = handlers.submit("   ", Conversation())
    assert view.messages == [] and view.conv.session.turns == 0


def test_clear_starts_a_fresh_session_and_forgets_the_stored_questions(handlers):
    view = handlers.clear()
    assert view.messages == [] and view.conv.session.turns == 0 and view.sources == EMPTY_SOURCES
    assert view.bibtex == {"__type__": "update", "value": "", "visible": False} and view.stored == {"v": 1, "questions": []}


def test_restore_replays_a_share_link_before_what_the_browser_remembered(handlers):
    stored = {"v": 1, "questions": ["BibTeX for ELECTRA"]}
    shared = handlers.restore(stored, "?h=which+models+use+prefix-LM+objectives%3F&q=which+of+those+are+from+Google%3F")
    assert shared.conv.steps == ["which models use prefix-LM objectives?", "which of those are from Google?"]
    assert shared.conv.last.models == ["ul2"]
    remembered = handlers.restore(stored, "")
    assert remembered.conv.steps == ["BibTeX for ELECTRA"] and "electra" in remembered.conv.last.models
    assert handlers.restore({"questions": "not a list"}, None).conv.turns == []
    assert handlers.restore(None, "?q=" + "x" * 60).conv.turns == [], "an overlong shared question is not asked"


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


def test_removing_a_chip_asks_again_without_that_constraint_and_replays(structured):
    handlers = ChatHandlers(structured, Warmup(structured).start(), max_chars=2000)
    conv = Conversation()
    first = handlers.submit("which models not from Google were released in 2022?", conv)
    labels = [b["value"] for b in first.chips[1:] if b["visible"]]
    assert first.chips[0]["visible"] and labels == ["2022  ✕", "lab ≠ Google  ✕"]
    narrowed = set(conv.last.models)
    dropped = handlers.drop(1, conv)  # without "lab ≠ Google"
    assert set(conv.last.models) > narrowed and "ul2" in conv.last.models
    assert all(conv.turns[-1].answer.query["where"]["items"][i]["facet"] == "date" for i in range(2))
    assert dropped.stored["questions"][-1] == {"drop": 1}
    assert conv.turns[-1].question.endswith("(without: lab ≠ Google)")
    assert "&x=1)" in dropped.messages[-1]["content"], "the share link carries the chip removal"
    again = handlers.replay(dropped.stored["questions"])
    assert again.last.models == conv.last.models
    assert handlers.drop(7, conv).conv.turns == conv.turns, "no such chip: nothing happens"


@pytest.fixture(scope="module")
def both(catalog, full_catalog):
    """Two prebuilt assistants as the server holds them; the whole catalog is the default."""
    from ui.views import Views

    return Views(full=Assistant(full_catalog), paper=Assistant(catalog), paper_only=False)


def test_the_paper_only_setting_is_per_conversation_and_replays_the_conversation(both):
    handlers = ChatHandlers(both, Warmup(both.full, both.paper).start(), max_chars=200)
    mine, other = Conversation(), Conversation()
    assert "70B" in handlers.submit("how big is Llama 2?", mine).conv.last.text
    switched = handlers.switch(True, mine)
    assert switched.conv.last.abstained and "not in the catalog" in switched.conv.last.text
    assert switched.stored == {"v": 1, "questions": ["how big is Llama 2?"], "paper_only": True}
    assert not handlers.submit("how big is Llama 2?", other).conv.last.abstained, "the setting leaked to another tab"
    assert handlers.submit("how big is Llama 2?", switched.conv, True).conv.last.abstained
    restored = handlers.restore(switched.stored, None)
    assert restored.conv.paper_only is True and restored.conv.last.abstained
    back = handlers.submit("who built Llama 2?", restored.conv, False).conv
    assert back.paper_only is False and [t.answer.abstained for t in back.turns] == [False, False]


def test_share_links_carry_the_setting_and_a_link_overrides_what_the_browser_remembered(both):
    handlers = ChatHandlers(both, Warmup(both.full, both.paper).start(), max_chars=200)
    full = handlers.submit("how big is Llama 2?", Conversation(), False)
    assert "(?q=how+big+is+Llama+2%3F&p=0)" in full.messages[-1]["content"]
    assert "(?q=how+big+is+Llama+2%3F&p=1)" in handlers.switch(True, full.conv).messages[-1]["content"]
    fresh = handlers.submit("who built BERT?", Conversation())  # no setting yet: the server's default (off)
    assert fresh.messages[-1]["content"].endswith("&p=0)")
    remembered = {"v": 1, "questions": ["who built BERT?"], "paper_only": True}
    opened = handlers.restore(remembered, "?q=how+big+is+Llama+2%3F&p=0")
    assert opened.conv.paper_only is False and "70B" in opened.conv.last.text
    assert opened.stored["paper_only"] is False, "the link's setting is remembered from then on"
    assert handlers.restore({"v": 1, "questions": ["how big is Llama 2?"]}, "?p=1").conv.last.abstained
    assert handlers.restore(remembered, "?q=how+big+is+Llama+2%3F").conv.paper_only is True


def test_one_assistant_offers_no_choice(structured):
    handlers = ChatHandlers(structured, Warmup(structured).start(), max_chars=200)
    view = handlers.submit("who built BERT?", Conversation(), True)
    assert view.conv.paper_only is None and "paper_only" not in view.stored
