"""The real app in headless Chromium: chat with sources, follow-ups, clearing, browsing, timeline, XSS.

Every test opens its own browser context (its own Gradio session); screenshots of each step
go to ``test-artifacts/``.
"""

from __future__ import annotations

import pytest

from tests.ui.pages import ANSWER_MS, PREFIX_LM, UI_MS, Tab

pytestmark = pytest.mark.browser


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
    expect(after).to_contain_text("BERT")  # all Google models, not the cleared prefix-LM list
    tab.shot("3-after-clear")


def test_sessions_do_not_leak_between_tabs(browser, app_url, artifacts):
    from playwright.sync_api import expect

    first = Tab(browser, app_url, artifacts, "leak-first")
    second = Tab(browser, app_url, artifacts, "leak-second")
    try:
        expect(first.ask(PREFIX_LM)).to_contain_text("UL2")
        other = second.ask("which of those are from Google?")
        expect(other).to_contain_text("BERT")  # all Google models: not narrowed by the other tab's list
        second.shot("1")
    finally:
        first.close()
        second.close()


def test_every_example_works_on_a_fresh_chat(tab, assistant):
    from playwright.sync_api import expect

    from ui.chat import EXAMPLES

    for i, question in enumerate(EXAMPLES):
        tab.page.locator("#clear").click()
        expect(tab.page.locator('#chatbot [data-testid="bot"]')).to_have_count(0)
        tab.page.locator("#examples").get_by_text(question, exact=True).click()
        answer = tab.page.locator('#chatbot [data-testid="bot"]').first
        answer.wait_for(timeout=ANSWER_MS)
        text = answer.inner_text()
        assert "[1]" in text, f"example {question!r} got no cited answer on a fresh chat: {text[:200]}"


def test_example_question_is_asked_on_click(tab, assistant):
    from playwright.sync_api import expect

    tab.page.locator("#examples").get_by_text("BibTeX for ELECTRA").click()
    answer = tab.page.locator('#chatbot [data-testid="bot"]').first
    answer.wait_for(timeout=ANSWER_MS)
    expect(answer).to_contain_text("ELECTRA")
    expect(tab.page.locator("#chat-bibtex")).to_contain_text(assistant.catalog.models["electra"].paper.bibtex_key)
    tab.shot("1")


def test_overlong_message_is_refused_with_a_message_and_kept_in_the_box(tab):
    from playwright.sync_api import expect

    text = ("why " * 750)[:2999] + "?"
    box = tab.page.locator("#question textarea")
    box.fill(text)
    box.press("Enter")
    expect(tab.page.locator("#chat-notice")).to_contain_text("3,000 characters long; the limit is 2,000")
    assert box.input_value() == text, "the message was cut or lost"
    expect(tab.page.locator('#chatbot [data-testid="bot"]')).to_have_count(0)
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
