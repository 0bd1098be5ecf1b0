"""A Chinese question in the real app: a Chinese answer naming the right models, with linked sources.

Uses Debian's Chromium like tests/ui/test_browser.py; with fonts-noto-cjk installed (``make test``
installs it) the screenshots in ``test-artifacts/`` show the Chinese text, not empty boxes.
"""

from __future__ import annotations

import pytest

from tests.ui.pages import ANSWER_MS, Tab

pytestmark = pytest.mark.browser
PREFIX_LM_ZH = "哪些模型用了前缀语言模型？"


def test_chinese_question_gets_a_chinese_answer_with_linked_sources(browser, app_url, artifacts, assistant):
    from playwright.sync_api import expect

    tab = Tab(browser, app_url, artifacts, "zh-prefix-lm")
    try:
        answer = tab.ask(PREFIX_LM_ZH)
        expect(answer).to_contain_text("目录中有 2 个模型符合条件")
        expect(answer).to_contain_text("理解为")
        for model in ("ul2", "alexatm-20b"):
            expect(answer).to_contain_text(assistant.catalog.models[model].name)
        sources = tab.page.locator("#chat-sources a.source-link")
        expect(sources).to_have_count(2)
        hrefs = {sources.nth(i).get_attribute("href") for i in range(2)}
        assert hrefs == {"https://arxiv.org/abs/2208.01448", "https://arxiv.org/abs/2205.05131"}
        markers = answer.locator("a", has_text="[1]")
        assert markers.first.get_attribute("href") in hrefs, "the [1] marker links to its paper"
        tab.shot("1-answer", full_page=True)
        follow = tab.ask("其中哪些是谷歌的？")
        expect(follow).to_contain_text("UL2")
        expect(follow).not_to_contain_text("AlexaTM")
        tab.shot("2-follow-up", full_page=True)
        assert tab.external == [], f"requests left the machine: {tab.external}"
    finally:
        tab.close()


def test_a_chinese_example_question_is_listed_and_answered_in_chinese(browser, app_url, artifacts):
    from playwright.sync_api import expect

    from ui.chat import EXAMPLES

    chinese = [q for q in EXAMPLES if any("\u4e00" <= ch <= "\u9fff" for ch in q)]
    assert chinese, "the chat offers Chinese example questions"
    tab = Tab(browser, app_url, artifacts, "zh-example")
    try:
        tab.page.locator("#examples").get_by_text(chinese[0]).click()
        answer = tab.page.locator('#chatbot [data-testid="bot"]').first
        answer.wait_for(timeout=ANSWER_MS)
        expect(answer).to_contain_text("理解为")
        tab.shot("1")
    finally:
        tab.close()
