"""Sharing, remembering, exporting and rating a conversation, in real Chromium against the real app:
a share link round trip, reload persistence and Clear, the two download files, and ratings from
two sessions at once landing in the real SQLite database.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest

from tests.ui.pages import BOTS, DESKTOP, PHONE, PREFIX_LM, Tab

pytestmark = pytest.mark.browser
GOOGLE = "which of those are from Google?"


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_share_link_round_trip(browser, app_url, artifacts, size):
    from playwright.sync_api import expect

    viewport = PHONE if size == "phone" else DESKTOP
    first = Tab(browser, app_url, artifacts, f"share-{size}-from", viewport)
    first.context.grant_permissions(["clipboard-read", "clipboard-write"])
    try:
        first.ask(PREFIX_LM)
        answer = first.ask(GOOGLE)
        answer.get_by_role("link", name="Link to this answer").click()
        expect(first.page.locator("#share-toast")).to_contain_text("copied")
        url = first.page.evaluate("navigator.clipboard.readText()")
        first.shot("copied")
    finally:
        first.close()
    params = parse_qs(urlparse(url).query)
    assert url.startswith(app_url) and params == {"h": [PREFIX_LM], "q": [GOOGLE], "p": ["1"]}  # the tab's toggle
    second = Tab(browser, url, artifacts, f"share-{size}-opened", viewport)  # a fresh browser profile
    try:
        bots = second.page.locator(BOTS)
        expect(bots).to_have_count(2)
        expect(bots.nth(1)).to_contain_text("UL2")
        expect(bots.nth(1)).not_to_contain_text("AlexaTM")
        expect(second.page.locator("#chat-sources a.source-link")).to_have_count(1)
        assert second.page.evaluate("window.location.search") == "", "the link's query stays in the address bar"
        second.shot("opened")
    finally:
        second.close()


def test_share_link_carries_the_paper_only_toggle_and_opens_with_it(browser, served, artifacts, views):
    """A tab that shows the additions shares a link with ``p=0``; a fresh browser opens it with its toggle
    off (the server's default is on), the answer about an addition, and Browse over the whole catalog."""
    from playwright.sync_api import expect

    server, app_url = served
    server.warmup.join(600)  # the whole catalog's index opens after the default one
    toggle_name = "Paper only: hide the 42 models added since the paper"
    first = Tab(browser, app_url, artifacts, "share-toggle-from")
    first.context.grant_permissions(["clipboard-read", "clipboard-write"])
    try:
        first.page.get_by_label(toggle_name).uncheck()
        first.settle()
        expect(first.ask("how big is Llama 2?")).to_contain_text("70B")
        first.page.get_by_role("link", name="Link to this answer").last.click()
        expect(first.page.locator("#share-toast")).to_contain_text("copied")
        url = first.page.evaluate("navigator.clipboard.readText()")
    finally:
        first.close()
    assert parse_qs(urlparse(url).query) == {"q": ["how big is Llama 2?"], "p": ["0"]}
    second = Tab(browser, url, artifacts, "share-toggle-opened")  # a fresh profile: nothing remembered
    try:
        page = second.page
        expect(page.get_by_label(toggle_name)).not_to_be_checked()
        expect(page.locator(BOTS)).to_have_count(1)
        expect(page.locator(BOTS).first).to_contain_text("70B")
        second.tab("Browse")
        expect(page.locator("#browse-count")).to_have_text(f"{len(views.catalog(False))} of "
                                                           f"{len(views.catalog(False))} models (42 since the paper)")
        second.shot("opened")
        second.open(app_url + "?q=how+big+is+Llama+2%3F&p=1")  # the same question, paper only
        expect(page.get_by_label(toggle_name)).to_be_checked()
        expect(page.locator(BOTS).last).to_contain_text("Llama 2 is not in the catalog")
    finally:
        second.close()


def test_conversation_survives_a_reload_and_clear_forgets_it(browser, app_url, artifacts):
    from playwright.sync_api import expect

    tab = Tab(browser, app_url, artifacts, "remember")
    try:
        page = tab.page
        tab.ask(PREFIX_LM)
        tab.ask("who built Chinchilla and how big is it?")
        sources = page.locator("#chat-sources a.source-link").all_inner_texts()
        tab.open(app_url)
        bots = page.locator(BOTS)
        expect(bots).to_have_count(2)
        expect(bots.nth(1)).to_contain_text("Chinchilla")
        assert page.locator("#chat-sources a.source-link").all_inner_texts() == sources
        tab.ask(PREFIX_LM)
        expect(tab.ask(GOOGLE)).to_contain_text("UL2")  # the rebuilt session still resolves follow-ups
        tab.shot("restored")
        page.locator("#clear").click()
        expect(bots).to_have_count(0)
        tab.settle()
        tab.open(app_url)
        expect(page.locator("#chat-sources .sources-empty")).to_be_visible()
        assert bots.count() == 0, "Clear did not forget the conversation"
    finally:
        tab.close()


def test_exports_hold_the_conversation_with_sources_and_every_citation(browser, app_url, artifacts, assistant):
    import bibtexparser

    tab = Tab(browser, app_url, artifacts, "export")
    try:
        tab.ask(PREFIX_LM)
        tab.ask("BibTeX for ELECTRA")
        with tab.page.expect_download() as md:
            tab.page.locator("#export-md").click()
        assert md.value.suggested_filename == "conversation.md"
        text = open(md.value.path(), encoding="utf-8").read()
        assert f"> {PREFIX_LM}" in text and "> BibTeX for ELECTRA" in text and text.count("**Sources**") == 2
        for m in ("ul2", "alexatm-20b", "electra"):
            assert assistant.catalog.models[m].paper.title in text
        with tab.page.expect_download() as bib:
            tab.page.locator("#export-bib").click()
        assert bib.value.suggested_filename == "citations.bib"
        keys = {e.key for e in bibtexparser.parse_string(open(bib.value.path(), encoding="utf-8").read()).entries}
        assert keys == {assistant.catalog.models[m].paper.bibtex_key for m in ("ul2", "alexatm-20b", "electra")}
    finally:
        tab.close()


def test_ratings_from_two_sessions_at_once_land_in_sqlite(browser, app_url, artifacts, feedback_store):
    from playwright.sync_api import expect

    one = Tab(browser, app_url, artifacts, "rate-one")
    two = Tab(browser, app_url, artifacts, "rate-two", PHONE)
    try:
        one.ask(PREFIX_LM)
        two.ask("who built Chinchilla and how big is it?")
        one.ask(GOOGLE)
        one.page.locator('#chatbot button[aria-label="Like"]').last.click()
        two.page.locator('#chatbot button[aria-label="Dislike"]').last.click()
        expect(one.page.locator("#chat-notice")).to_contain_text("saved")
        expect(two.page.locator("#chat-notice")).to_contain_text("saved")
        one.page.locator("#feedback-note textarea").fill("right: only UL2")
        one.page.locator("#send-note").click()
        expect(one.page.locator("#chat-notice")).to_contain_text("note is saved")
        two.shot("rated")
    finally:
        one.close()
        two.close()
    rows = {r["question"]: r for r in feedback_store.rows()}
    up, down = rows[GOOGLE], rows["who built Chinchilla and how big is it?"]
    assert up["rating"] == "up" and up["note"] == "right: only UL2" and up["history"] == [PREFIX_LM]
    assert up["models"] == ["ul2"] and down["rating"] == "down" and down["note"] == ""
    assert up["session"] != down["session"] and up["app_version"] == down["app_version"] != ""
    assert up["query"] is not None and up["query"].get("intent"), "the answer's typed reading is stored"


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_reading_chips_remove_a_constraint_and_ask_again(browser, app_url, artifacts, assistant, size):
    from playwright.sync_api import expect

    tab = Tab(browser, app_url, artifacts, f"chips-{size}", PHONE if size == "phone" else DESKTOP)
    try:
        page = tab.page
        first = tab.ask("which models not from Google were released in 2022?")
        expect(first).not_to_contain_text("PaLM")
        chips = page.locator("#reading-chips .reading-chip:visible")
        expect(chips).to_have_text(["2022  ✕", "lab ≠ Google  ✕"])
        tab.shot("chips")
        chips.nth(1).click()
        bots = page.locator(BOTS)
        expect(bots).to_have_count(2)
        expect(bots.nth(1)).to_contain_text("PaLM")  # Google's 2022 models are back
        expect(page.locator('#chatbot [data-testid="user"]').nth(1)).to_contain_text("without: lab ≠ Google")
        expect(chips).to_have_text(["2022  ✕"])
        tab.settle()
        tab.open(app_url)  # the removal is remembered as a step, and replayed
        expect(bots).to_have_count(2)
        expect(bots.nth(1)).to_contain_text("PaLM")
    finally:
        tab.close()
