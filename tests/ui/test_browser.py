"""The real app in headless Chromium: chat with sources, follow-ups, clearing, browsing, timeline, XSS.

Every test opens its own browser context (its own Gradio session); screenshots of each step
go to ``test-artifacts/``.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
ANSWER_MS = 120_000  # the first question may wait for the index to finish building
UI_MS = 20_000
PREFIX_LM = "which models use prefix-LM objectives?"


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} not found: install Debian's chromium (apt-get install chromium)")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield browser
        browser.close()


class Tab:
    """One browser tab on the app, recording dialogs and requests that leave the machine."""

    def __init__(self, browser, url: str, artifacts: Path, name: str):
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.page = self.context.new_page()
        self.page.set_default_timeout(UI_MS)
        self.url, self.artifacts, self.name = url, artifacts, name
        self.dialogs: list[str] = []
        self.external: list[str] = []
        self.page.on("dialog", self._dialog)
        self.page.on("request", self._request)
        self.page.goto(url)
        self.page.locator("#question textarea").wait_for()

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _request(self, request) -> None:
        host = urlparse(request.url).hostname
        if request.url.startswith(("http:", "https:", "ws:", "wss:")) and host not in ("127.0.0.1", "localhost"):
            self.external.append(request.url)

    def shot(self, step: str, full_page: bool = False) -> None:
        self.page.screenshot(path=str(self.artifacts / f"{self.name}-{step}.png"), full_page=full_page)

    def ask(self, question: str):
        """Send a question; returns the locator of the new assistant message once it has rendered."""
        bots = self.page.locator('#chatbot [data-testid="bot"]')
        before = bots.count()
        box = self.page.locator("#question textarea")
        box.fill(question)
        box.press("Enter")
        bots.nth(before).wait_for(timeout=ANSWER_MS)
        return bots.nth(before)

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def tab(browser, app_url, artifacts, request):
    t = Tab(browser, app_url, artifacts, request.node.name.removeprefix("test_"))
    yield t
    t.close()


def test_prefix_lm_answer_shows_models_and_linked_sources(tab, assistant):
    from playwright.sync_api import expect

    answer = tab.ask(PREFIX_LM)
    for model in ("ul2", "alexatm-20b"):
        expect(answer).to_contain_text(assistant.catalog.models[model].name)
    sources = tab.page.locator("#chat-sources a.source-link")
    expect(sources).to_have_count(2)
    hrefs = {sources.nth(i).get_attribute("href") for i in range(2)}
    assert hrefs == {"https://arxiv.org/abs/2208.01448", "https://arxiv.org/abs/2205.05131"}
    for i in range(2):
        assert sources.nth(i).get_attribute("target") == "_blank"
        assert "noopener" in sources.nth(i).get_attribute("rel")
    markers = answer.locator("a", has_text="[1]")
    assert markers.first.get_attribute("href") in hrefs, "the [1] marker links to its paper"
    expect(tab.page.locator("#chat-bibtex")).to_contain_text(assistant.catalog.models["ul2"].paper.bibtex_key)
    tab.page.locator("#chat-sources").scroll_into_view_if_needed()
    tab.shot("1-answer")
    assert tab.external == [], f"requests left the machine: {tab.external}"


def test_followup_narrows_the_list_and_clear_resets_the_session(tab):
    from playwright.sync_api import expect

    tab.ask(PREFIX_LM)
    followup = tab.ask("which of those are from Google?")
    expect(followup).to_contain_text("UL2")
    expect(followup).not_to_contain_text("AlexaTM")
    expect(tab.page.locator("#chat-sources a.source-link")).to_have_count(1)
    assert tab.page.locator("#chat-sources a.source-link").get_attribute("href") == "https://arxiv.org/abs/2205.05131"
    tab.shot("1-followup")
    tab.page.locator("#clear").click()
    expect(tab.page.locator('#chatbot [data-testid="bot"]')).to_have_count(0)
    expect(tab.page.locator("#chat-sources a")).to_have_count(0)
    tab.shot("2-cleared")
    after = tab.ask("which of those are from Google?")  # nothing to refer to any more
    expect(after).not_to_contain_text("UL2")
    expect(tab.page.locator("#chat-sources a")).to_have_count(0)
    tab.shot("3-after-clear")


def test_sessions_do_not_leak_between_tabs(browser, app_url, artifacts):
    from playwright.sync_api import expect

    first = Tab(browser, app_url, artifacts, "leak-first")
    second = Tab(browser, app_url, artifacts, "leak-second")
    try:
        expect(first.ask(PREFIX_LM)).to_contain_text("UL2")
        other = second.ask("which of those are from Google?")
        expect(other).not_to_contain_text("UL2")
        second.shot("1")
    finally:
        first.close()
        second.close()


def test_example_question_is_asked_on_click(tab, assistant):
    from playwright.sync_api import expect

    tab.page.locator("#examples").get_by_text("BibTeX for ELECTRA").click()
    answer = tab.page.locator('#chatbot [data-testid="bot"]').first
    answer.wait_for(timeout=ANSWER_MS)
    expect(answer).to_contain_text("ELECTRA")
    expect(tab.page.locator("#chat-bibtex")).to_contain_text(assistant.catalog.models["electra"].paper.bibtex_key)
    tab.shot("1")


def test_overlong_message_gets_a_clear_message(tab):
    from playwright.sync_api import expect

    answer = tab.ask("why " * 600)
    expect(answer).to_contain_text("the limit is 2,000")
    expect(tab.page.locator("#chat-sources a")).to_have_count(0)


def test_browse_filters_change_the_rows(tab, assistant):
    from playwright.sync_api import expect

    page = tab.page
    page.get_by_role("tab", name="Browse").click()
    table = page.locator("#browse-table")
    count = page.locator("#browse-count")
    expect(count).to_contain_text(f"{len(assistant.catalog)} of {len(assistant.catalog)}")
    expect(table.get_by_text("BERT", exact=True).first).to_be_visible()
    tab.shot("1-all")
    page.locator("#f-arch input").click()
    page.get_by_role("option", name="encoder-decoder", exact=True).click()
    n = sum(1 for e in assistant.catalog.models.values() if e.architecture.value == "encoder-decoder")
    expect(count).to_contain_text(f"{n} of {len(assistant.catalog)}")
    expect(table.get_by_text("T5", exact=True).first).to_be_visible()
    expect(table.get_by_text("BERT", exact=True)).to_have_count(0)
    tab.shot("2-encoder-decoder")
    table.get_by_text("T5", exact=True).first.click()
    expect(page.locator("#detail")).to_contain_text(assistant.catalog.models["t5"].paper.title)
    expect(page.locator("#detail-bibtex")).to_contain_text(assistant.catalog.models["t5"].paper.bibtex_key)
    tab.shot("3-detail", full_page=True)


def test_timeline_renders_both_charts(tab):
    page = tab.page
    page.get_by_role("tab", name="Timeline").click()
    for plot in ("#timeline-plot img", "#family-plot img"):
        image = page.locator(plot)
        image.wait_for(timeout=UI_MS)
        page.wait_for_function("el => el.complete && el.naturalWidth > 400", arg=image.element_handle())
    tab.shot("1", full_page=True)
    assert tab.external == []


@pytest.mark.parametrize("payload", [
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "[x](javascript:alert(1))",
    "<a href=\"javascript:alert(1)\">x</a> <script>alert(1)</script>",
    "<style>body{display:none !important}</style> who built BERT?",
], ids=["img-onerror", "svg-onload", "md-javascript-link", "html-javascript-link", "style-tag"])
def test_user_html_and_markdown_stay_inert(tab, payload):
    from playwright.sync_api import expect

    tab.ask(payload)
    chat = tab.page.locator("#chatbot")
    expect(chat.locator('[data-testid="user"]').first).to_contain_text(payload)  # shown as plain text
    assert chat.locator('img[src="x"]').count() == 0
    assert chat.locator("svg[onload], [onerror], script").count() == 0
    injected = "els => els.filter(e => e.textContent.includes('display:none !important')).length"
    assert tab.page.locator("style").evaluate_all(injected) == 0
    assert tab.page.locator("#chatbot").is_visible()  # no injected CSS hid the page
    links = chat.locator('a[href^="javascript:" i]')
    assert links.count() == 0
    for link in chat.get_by_role("link", name="x", exact=True).all():
        link.click(no_wait_after=True)
    tab.page.wait_for_timeout(500)
    assert tab.dialogs == [], f"a dialog fired: {tab.dialogs}"
    tab.shot("1")
