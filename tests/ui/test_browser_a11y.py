"""Accessibility: axe-core (through axe-playwright-python) finds no serious or critical violation on
any of the four tabs, in light and dark mode, at desktop and phone sizes, with an answer on screen and
the additions since the paper shown (the "paper only" toggle off: its filter and marks on screen)."""

from __future__ import annotations

import pytest

from tests.ui.pages import PREFIX_LM, SIZES, Tab

pytestmark = pytest.mark.browser


def serious(axe, page) -> list[str]:
    found = axe.run(page).response["violations"]
    return [f"{v['id']} ({v['impact']}): {', '.join(str(n['target']) for n in v['nodes'][:3])}"
            for v in found if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("mode", ["light", "dark"])
def test_no_serious_axe_violations_on_any_tab(browser, app_url, artifacts, assistant, mode, size):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    tab = Tab(browser, app_url, artifacts, f"axe-{mode}-{size}", SIZES[size], dark=mode == "dark")
    try:
        page = tab.page
        tab.settle()  # Gradio fades components in while it loads; judge colours once they are settled
        page.wait_for_timeout(600)
        problems = {"chat (empty)": serious(axe, page)}
        page.get_by_label("Paper only: hide the 42 models added since the paper").uncheck()  # the additions' controls too
        tab.settle()
        tab.ask(PREFIX_LM)
        for name in ("Chat", "Browse", "Timeline", "API"):
            tab.tab(name)
            page.wait_for_timeout(600)
            tab.settle()
            problems[name] = serious(axe, page)
        tab.tab("Browse")
        page.locator("#browse-table").get_by_text("T5", exact=True).first.click()
        page.locator("#detail-bibtex").wait_for()
        problems["browse (details)"] = serious(axe, page)
        tab.shot("details")
        assert {k: v for k, v in problems.items() if v} == {}
    finally:
        tab.close()
