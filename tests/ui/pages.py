"""Driving the real app in headless Chromium: one browser tab (its own Gradio session) at a size."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ANSWER_MS = 120_000  # the first question may wait for the index to finish building
UI_MS = 20_000
PREFIX_LM = "which models use prefix-LM objectives?"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
SIZES = {"desktop": DESKTOP, "phone": PHONE}
BOTS = '#chatbot [data-testid="bot"]'


class Tab:
    """One browser tab on the app, recording dialogs and requests that leave the machine."""

    def __init__(self, browser, url: str, artifacts: Path, name: str, viewport: dict | None = None, *,
                 dark: bool = False, query: str = "", context=None):
        self.own_context = context is None
        self.context = context or browser.new_context(viewport=viewport or DESKTOP, accept_downloads=True,
                                                      is_mobile=(viewport or DESKTOP)["width"] < 500)
        self.page = self.context.new_page()
        self.page.set_default_timeout(UI_MS)
        self.url, self.artifacts, self.name = url, artifacts, name
        self.dialogs: list[str] = []
        self.external: list[str] = []
        self.page.on("dialog", self._dialog)
        self.page.on("request", self._request)
        params = "&".join(p for p in (query.lstrip("?"), "__theme=dark" if dark else "") if p)
        self.open(url + ("?" + params if params else ""))

    def open(self, address: str) -> None:
        self.page.goto(address)
        # rendered, not necessarily visible: a link to a Browse view selects that tab as the page loads
        self.page.locator("#question textarea").wait_for(state="attached")
        self.settle()

    def settle(self) -> None:
        """Wait until no Gradio event is running (the page-load restore included)."""
        self.page.wait_for_function("() => !document.querySelector('.progress-text, .eta-bar')", timeout=ANSWER_MS)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _request(self, request) -> None:
        host = urlparse(request.url).hostname
        if request.url.startswith(("http:", "https:", "ws:", "wss:")) and host not in ("127.0.0.1", "localhost"):
            self.external.append(request.url)

    def shot(self, step: str, full_page: bool = False, path: Path | None = None) -> None:
        self.page.screenshot(path=str(path or self.artifacts / f"{self.name}-{step}.png"), full_page=full_page)

    def ask(self, question: str):
        """Send a question; returns the locator of the new assistant message once it has rendered."""
        bots = self.page.locator(BOTS)
        before = bots.count()
        box = self.page.locator("#question textarea")
        box.fill(question)
        box.press("Enter")
        bots.nth(before).wait_for(timeout=ANSWER_MS)
        self.settle()
        return bots.nth(before)

    def tab(self, name: str) -> None:
        self.page.get_by_role("tab", name=name).click()

    def close(self) -> None:
        if self.own_context:
            self.context.close()
        else:
            self.page.close()


def table_rows(page, selector: str) -> dict[str, list[str]]:
    """Every row of a Gradio table (it renders only the rows in view): scrolled through from the top,
    each row's cells keyed by its first cell."""
    viewport = page.locator(f"{selector} .virtual-table-viewport")
    viewport.evaluate("el => { el.scrollTop = 0; }")
    rows: dict[str, list[str]] = {}
    while True:
        page.wait_for_timeout(150)
        for row in page.locator(f'{selector} .virtual-row').all():
            cells = row.locator('[role="gridcell"]').all_inner_texts()
            if cells:
                rows[cells[0].strip()] = [c.strip() for c in cells]
        at_end = viewport.evaluate("el => { const end = el.scrollTop + el.clientHeight >= el.scrollHeight - 2;"
                                   " el.scrollTop += el.clientHeight / 2; return end; }")
        if at_end:
            return rows
