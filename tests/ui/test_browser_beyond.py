"""The additions since the paper in the real app, in headless Chromium.

The session's server runs as ``serve --paper-only`` would (``tests/ui/conftest.py``): a new tab
starts with its "paper only" toggle on; a tab that turns it off sees the additions in its
answers, Browse table and timeline, and no other tab does.
"""

from __future__ import annotations

import pytest

from tests.ui.pages import Tab, table_rows

pytestmark = pytest.mark.browser
LLAMA2 = "how big is Llama 2?"


def toggle(tab: Tab):
    return tab.page.get_by_label("Paper only: hide the 42 models added since the paper")


def plot_src(tab: Tab, plot: str) -> str:
    image = tab.page.locator(f"{plot} img")
    image.wait_for()
    return image.get_attribute("src")


def test_paper_only_toggle_changes_answers_browse_and_timeline_of_its_own_tab_only(browser, served, artifacts, views):
    from playwright.sync_api import expect

    server, app_url = served
    server.warmup.join(600)  # the whole catalog's index opens after the default one, in the background
    paper_tab = Tab(browser, app_url, artifacts, "beyond-paper-only")
    full_tab = Tab(browser, app_url, artifacts, "beyond-with-additions")
    try:
        expect(toggle(paper_tab)).to_be_checked()  # the server's default (--paper-only)
        expect(toggle(full_tab)).to_be_checked()
        toggle(full_tab).uncheck()
        full_tab.settle()
        answer = full_tab.ask(LLAMA2)
        expect(answer).to_contain_text("70B")
        expect(answer).to_contain_text("Beyond the paper")
        expect(full_tab.page.locator("#chat-sources a.source-link")).to_have_attribute(
            "href", "https://arxiv.org/abs/2307.09288")
        full_tab.shot("1-answer")
        abstained = paper_tab.ask(LLAMA2)
        expect(abstained).to_contain_text("Llama 2 is not in the catalog")
        expect(paper_tab.page.locator("#chat-sources a.source-link")).to_have_count(0)
        paper_tab.shot("1-abstains")

        toggle(full_tab).check()  # the conversation is asked again on the paper's catalog
        full_tab.settle()
        expect(full_tab.page.locator('#chatbot [data-testid="bot"]').last).to_contain_text("Llama 2 is not in the catalog")
        expect(full_tab.page.locator('#chatbot [data-testid="bot"]')).to_have_count(1)
        toggle(full_tab).uncheck()
        full_tab.settle()
        expect(full_tab.page.locator('#chatbot [data-testid="bot"]').last).to_contain_text("70B")

        full_tab.tab("Timeline")
        paper_tab.tab("Timeline")
        for plot in ("#timeline-plot", "#family-plot"):  # waits for the toggle's redraw (a loaded machine is slow)
            plot_src(full_tab, plot)
            expect(full_tab.page.locator(f"{plot} img")).not_to_have_attribute("src", plot_src(paper_tab, plot))
        expect(full_tab.page.locator("#timeline-intro")).to_contain_text("diamonds")
        full_tab.shot("2-timeline", full_page=True)
        paper_src = plot_src(paper_tab, "#family-plot")
        toggle(paper_tab).uncheck()
        paper_tab.settle()
        expect(paper_tab.page.locator("#family-plot img")).not_to_have_attribute("src", paper_src)
        toggle(paper_tab).check()
        paper_tab.settle()
        expect(paper_tab.page.locator("#family-plot img")).to_have_attribute("src", paper_src)
        expect(paper_tab.page.locator("#family-plot img")).to_have_attribute("src", plot_src(paper_tab, "#family-plot"))
    finally:
        paper_tab.close()
        full_tab.close()


def test_since_the_paper_filter_shows_exactly_the_additions_and_combines(browser, app_url, artifacts, views):
    from playwright.sync_api import expect

    whole = views.catalog(False)
    tab = Tab(browser, app_url, artifacts, "beyond-browse")
    try:
        page = tab.page
        tab.tab("Browse")
        count = page.locator("#browse-count")
        expect(count).to_have_text("77 of 77 models")
        expect(page.locator("#f-in-paper")).not_to_be_visible()  # paper only: no such filter
        toggle(tab).uncheck()
        expect(count).to_have_text("119 of 119 models (42 since the paper)")
        page.locator("#f-in-paper input").click()
        page.get_by_role("option", name="since the paper (42)").click()
        expect(count).to_have_text("42 of 119 models (42 since the paper)")
        rows = table_rows(page, "#browse-table")
        assert set(rows) == {whole.models[m].name for m in whole.beyond_ids}, "not exactly the 42 additions"
        assert not set(rows) & {whole.models[m].name for m in whole.paper_ids}
        assert {cells[-1] for cells in rows.values()} == {"since the paper"}, "the Catalog column marks each addition"
        tab.shot("1-since-the-paper", full_page=True)

        page.locator("#f-lab input").click()
        page.get_by_role("option", name="Meta", exact=True).click()
        meta = {e.name for e in whole.models.values() if not e.in_paper and "Meta" in e.org_names}
        expect(count).to_have_text(f"{len(meta)} of 119 models ({len(meta)} since the paper)")
        assert set(table_rows(page, "#browse-table")) == meta and "LLaMA" not in meta
        page.locator("#browse-table").get_by_text("Llama 2", exact=True).first.click()
        expect(page.locator("#detail")).to_contain_text("Since the paper: Llama 2 is not among the paper's 77 models")
        tab.shot("2-meta-additions", full_page=True)

        page.locator("#f-in-paper input").click()
        page.get_by_role("option", name="in the paper (77)").click()
        paper_meta = {e.name for e in whole.models.values() if e.in_paper and "Meta" in e.org_names}
        expect(count).to_have_text(f"{len(paper_meta)} of 119 models")
        rows = table_rows(page, "#browse-table")
        assert set(rows) == paper_meta and {cells[-1] for cells in rows.values()} == {"in the paper"}

        toggle(tab).check()  # paper only again: the filter goes, the table is the paper's
        expect(count).to_have_text(f"{len(paper_meta)} of 77 models")
        expect(page.locator("#f-in-paper")).not_to_be_visible()
    finally:
        tab.close()


def test_link_to_a_browse_view_carries_the_filters_and_the_toggle(browser, served, artifacts, views):
    """"Link to this view" copies the filters, the sort and the tab's toggle; a fresh browser opens the Browse
    tab so set, even though the server's default is paper only."""
    from urllib.parse import parse_qs, urlparse

    from playwright.sync_api import expect

    server, app_url = served
    server.warmup.join(600)
    whole = views.catalog(False)
    meta = {e.name for e in whole.models.values() if not e.in_paper and "Meta" in e.org_names}
    first = Tab(browser, app_url, artifacts, "browse-link-from")
    first.context.grant_permissions(["clipboard-read", "clipboard-write"])
    try:
        page = first.page
        first.tab("Browse")
        toggle(first).uncheck()
        count = page.locator("#browse-count")
        expect(count).to_have_text("119 of 119 models (42 since the paper)")
        page.locator("#f-in-paper input").click()
        page.get_by_role("option", name="since the paper (42)").click()
        page.locator("#f-lab input").click()
        page.get_by_role("option", name="Meta", exact=True).click()
        expect(count).to_have_text(f"{len(meta)} of 119 models ({len(meta)} since the paper)")
        page.locator("#browse-link a").click()
        expect(page.locator("#share-toast")).to_contain_text("Link to this view copied")
        url = page.evaluate("navigator.clipboard.readText()")
    finally:
        first.close()
    assert url.startswith(app_url)
    assert parse_qs(urlparse(url).query) == {"view": ["browse"], "lab": ["Meta"], "in_paper": ["false"], "p": ["0"]}
    second = Tab(browser, url, artifacts, "browse-link-opened")  # a fresh profile
    try:
        page = second.page
        expect(page.get_by_role("tab", name="Browse")).to_have_attribute("aria-selected", "true")
        expect(toggle(second)).not_to_be_checked()
        count = page.locator("#browse-count")
        expect(count).to_have_text(f"{len(meta)} of 119 models ({len(meta)} since the paper)")
        second.settle()
        assert set(table_rows(page, "#browse-table")) == meta
        expect(page.locator("#f-lab input")).to_have_value("Meta")
        second.shot("opened", full_page=True)
        second.open(app_url + "?view=browse&lab=Meta&p=1")  # the same lab, paper only
        expect(toggle(second)).to_be_checked()
        paper_meta = {e.name for e in whole.models.values() if e.in_paper and "Meta" in e.org_names}
        expect(count).to_have_text(f"{len(paper_meta)} of 77 models")
        expect(page.locator("#f-in-paper")).not_to_be_visible()
    finally:
        second.close()
