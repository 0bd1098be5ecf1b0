"""The app as a reader sees it, at desktop (1280×900) and phone (390×844) sizes, in real Chromium:
readable table and plots, contrast, focus ring, browse behaviour, answers landing at their start.

One browser for the module; each test opens its own tab (its own Gradio session).
"""

from __future__ import annotations

import json
import urllib.request

import pytest

from tests.ui.pages import BOTS, PHONE, PREFIX_LM, SIZES, Tab

pytestmark = pytest.mark.browser

# WCAG contrast of an element's text (or its ::placeholder) against the first opaque background behind it.
CONTRAST = """(el, pseudo) => {
  const parse = (c) => { const m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) throw new Error('colour ' + c);
    const p = m[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number); return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
  const lum = (rgb) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(rgb[0]) + 0.7152 * f(rgb[1]) + 0.0722 * f(rgb[2]); };
  let node = el, bg = null;
  while (node && node.nodeType === 1) { const c = parse(getComputedStyle(node).backgroundColor);
    if (c[3] > 0.5) { bg = c; break; } node = node.parentElement; }
  bg = bg || parse(getComputedStyle(document.body).backgroundColor);
  const fg = parse(getComputedStyle(el, pseudo).color);
  const mixed = [0, 1, 2].map((i) => fg[i] * fg[3] + bg[i] * (1 - fg[3]));
  const a = lum(mixed), b = lum(bg);
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}"""


def contrast(page, selector: str, pseudo: str | None = None) -> list[float]:
    return [el.evaluate(CONTRAST, pseudo) for el in page.locator(selector).element_handles()]


@pytest.fixture(params=list(SIZES))
def sized(request, browser, app_url, artifacts):
    t = Tab(browser, app_url, artifacts, f"layout-{request.node.name.removeprefix('test_')}", SIZES[request.param])
    yield t
    t.close()


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_text_contrast_and_focus_ring(browser, app_url, artifacts, dark):
    tab = Tab(browser, app_url, artifacts, f"contrast-{'dark' if dark else 'light'}", dark=dark)
    try:
        tab.ask(PREFIX_LM)
        page = tab.page
        checks = {"subtitle": ("#app-header p", None), "authors/venue": ("#chat-sources .source-meta", None),
                  "placeholder": ("#question textarea", "::placeholder"), "footer": ("footer a, footer button", None),
                  "source links": ("#chat-sources a", None), "answer links": (f"{BOTS} a", None),
                  "selected tab": ('button[role="tab"].selected', None)}
        low = {}
        for name, (selector, pseudo) in checks.items():
            ratios = contrast(page, selector, pseudo)
            assert ratios, f"nothing matched {selector}"
            if min(ratios) < 4.5:
                low[name] = round(min(ratios), 2)
        assert low == {}, f"text below 4.5:1 contrast: {low}"
        box = page.locator("#question textarea")
        box.focus()
        ring = box.evaluate("el => { const s = getComputedStyle(el); return [s.outlineStyle, s.outlineWidth]; }")
        assert ring[0] not in ("none", "") and float(ring[1].removesuffix("px")) >= 2, f"no focus ring: {ring}"
        tab.shot("focused")
    finally:
        tab.close()


def test_long_answer_lands_at_its_start_and_sources_sit_near_it(sized):
    page = sized.page
    answer = sized.ask("list every model")
    page.wait_for_timeout(300)
    chat = page.locator("#chatbot").bounding_box()
    top = answer.bounding_box()["y"]
    assert answer.bounding_box()["height"] > chat["height"], "the answer should be longer than the chat box"
    assert chat["y"] - 5 <= top <= chat["y"] + 120, f"answer starts at {top}, chat box at {chat['y']}"
    assert 0 <= top <= page.viewport_size["height"] - 100, "the answer's start is not on screen"
    gap = page.locator("#chat-sources").bounding_box()["y"] - (chat["y"] + chat["height"])
    assert gap < 260, f"the sources are {gap:.0f}px below the chat"
    sized.shot("long-answer")


def test_browse_table_is_readable_sortable_and_rows_open_details_in_view(sized, assistant):
    from playwright.sync_api import expect

    from ui.browse import sort_entries

    page = sized.page
    sized.tab("Browse")
    table = page.locator("#browse-table")
    expect(table.get_by_text("BERT", exact=True).first).to_be_visible()
    first_row = table.locator(".virtual-row").first.locator('[role="gridcell"]')
    heights = first_row.evaluate_all("tds => tds.map(td => td.offsetHeight)")
    widths = table.locator("th").evaluate_all("ths => ths.map(th => th.offsetWidth)")
    assert min(widths) >= 60, f"columns squeezed to {min(widths)}px (one letter per line)"
    assert max(heights) < 90, f"a first-row cell is {max(heights)}px tall"
    page.locator("#f-sort input").click()
    page.get_by_role("option", name="Parameters (largest first)").click()
    biggest = sort_entries(list(assistant.catalog.models.values()), "Parameters (largest first)")[0].name
    expect(first_row.first).to_have_text(biggest)
    page.locator("#f-sort input").click()
    page.get_by_role("option", name="Date (oldest first)").click()
    expect(first_row.first).to_have_text(next(iter(assistant.catalog.models.values())).name)
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"], "page scrolls sideways"
    sized.shot("1-table", full_page=True)
    page.evaluate("window.scrollTo(0, 0)")
    table.get_by_text("T5", exact=True).first.click()
    expect(page.locator("#detail")).to_contain_text(assistant.catalog.models["t5"].paper.title)
    page.wait_for_timeout(400)
    box = page.locator("#detail-pick").bounding_box()
    # scrollIntoView may leave the top a sub-pixel above the viewport edge: allow one pixel.
    assert -1 <= box["y"] <= page.viewport_size["height"] - 150, f"details start at {box['y']}, off screen"
    sized.shot("2-detail")


def test_year_inputs_explain_inverted_and_out_of_range_years(browser, app_url, artifacts, assistant):
    from playwright.sync_api import expect

    tab = Tab(browser, app_url, artifacts, "browse-years", PHONE)
    try:
        page = tab.page
        tab.tab("Browse")
        start, end = page.locator("#f-year-from input"), page.locator("#f-year-to input")
        start.fill("2022")
        start.press("Enter")
        end.fill("2019")
        end.press("Enter")
        hint = page.locator("#browse-hint")
        expect(hint).to_contain_text("is after 'To year' (2019): showing 2019 to 2022")
        n = sum(1 for e in assistant.catalog.models.values() if 2019 <= e.date.year <= 2022)
        expect(page.locator("#browse-count")).to_contain_text(f"{n} of {len(assistant.catalog)}")
        end.fill("2030")
        end.press("Enter")
        expect(hint).to_contain_text("2030 is outside that span")
        tab.settle()
        assert page.get_by_text("Error", exact=True).count() == 0, "an input or the table shows an error pill"
        assert page.locator("#browse-table tbody tr").count() > 0
        tab.shot("1")
    finally:
        tab.close()


def test_plots_keep_a_readable_size_with_titles_and_legends_uncovered(sized):
    page = sized.page
    sized.tab("Timeline")
    for plot in ("#timeline-plot", "#family-plot"):
        image = page.locator(f"{plot} img")
        image.wait_for()
        page.wait_for_function("el => el.complete && el.naturalWidth > 400", arg=image.element_handle())
        shown = image.bounding_box()["width"]
        natural = image.evaluate("el => el.naturalWidth")
        assert shown >= 0.8 * natural or shown >= 1000, f"{plot} shrunk to {shown:.0f}px of {natural}px"
        labels = page.locator(f'{plot} [data-testid="block-label"]:visible, {plot} label:visible')
        assert labels.count() == 0, f"a label covers the chart: {labels.all_inner_texts()}"
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"], "page scrolls sideways"
    if page.viewport_size["width"] < 500:
        scroller = page.locator("#timeline-plot").locator("xpath=ancestor::*[contains(@class,'plot-scroll')]").first
        assert scroller.evaluate("el => el.scrollWidth > el.clientWidth"), "the wide chart does not scroll sideways"
    sized.shot("timeline", full_page=True)


def test_api_sample_uses_the_served_address_and_both_views_share_colours(browser, app_url, artifacts):
    from playwright.sync_api import expect

    from ui.timeline import ARCH_COLORS

    tab = Tab(browser, app_url, artifacts, "api")
    try:
        tab.tab("API")
        expect(tab.page.locator("#api-help")).to_contain_text(f'Client("{app_url}")')
        if ":7860" not in app_url:
            expect(tab.page.locator("#api-help")).not_to_contain_text("7860")
    finally:
        tab.close()
    config = json.loads(urllib.request.urlopen(app_url.rstrip("/") + "/config", timeout=10).read())
    scatter = [c["props"] for c in config["components"] if c.get("props", {}).get("elem_id") == "timeline-scatter"]
    assert scatter[0]["color_map"] == {a.value: c for a, c in ARCH_COLORS.items()}
