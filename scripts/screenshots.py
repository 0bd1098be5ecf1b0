"""Screenshots of each tab at desktop (1280×900) and phone (390×844) sizes for the README.

    python scripts/screenshots.py [OUT_DIR]      # default: docs/screenshots

Serves the real app on a free loopback port, drives Debian's Chromium (/usr/bin/chromium) with
Playwright, asks one question so the chat shows an answer with sources, and writes palette PNGs.
"""

from __future__ import annotations

import io
import socket
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.ui.pages import ARGS, CHROMIUM, SIZES, Tab  # noqa: E402

TABS = ("Chat", "Browse", "Timeline", "API")
QUESTION = "which models not from Google were released in 2022?"  # an answer with reading chips


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def small_png(raw: bytes, path: Path) -> None:
    """Save as a 256-colour PNG (a third of the size, no visible loss for UI shots)."""
    from PIL import Image

    Image.open(io.BytesIO(raw)).convert("RGB").quantize(256, dither=Image.Dither.NONE).save(path, optimize=True)


def main(out: Path) -> int:
    from playwright.sync_api import sync_playwright

    from assistant.settings import Settings
    from ui.app import build_app, launch
    from ui.views import make_views

    out.mkdir(parents=True, exist_ok=True)
    app = build_app(make_views(Settings.from_env()))  # as `serve` builds it: the "paper only" toggle on top
    _, url, _ = launch(app, "127.0.0.1", free_port(), prevent_thread_lock=True, quiet=True)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
            for size, viewport in SIZES.items():
                tab = Tab(browser, url, out, size, viewport)
                tab.ask(QUESTION)
                for name in TABS:
                    tab.tab(name)
                    tab.page.wait_for_timeout(800)
                    tab.page.evaluate("window.scrollTo(0, 0)")
                    if name == "Browse" and size == "phone":  # the table, not only the filters
                        tab.page.locator("#browse-count").evaluate("el => el.scrollIntoView({block: 'start'})")
                    path = out / f"{name.lower()}-{size}.png"
                    small_png(tab.page.screenshot(), path)
                    print(path, path.stat().st_size // 1024, "KB")
                tab.close()
            browser.close()
    finally:
        app.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"))
