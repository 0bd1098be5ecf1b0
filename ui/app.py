"""The Gradio app: Chat, Browse, Timeline tabs and the ``/ask`` API endpoint.

``build_app`` is a factory (no module-level state): it takes a ready ``Assistant`` (or the two of
``ui.views.Views``, with a "paper only" toggle for each visitor) and returns a ``gr.Blocks``; a
link to an answer or to a Browse view opens the page with the toggle it names. ``launch`` serves it with safe defaults: loopback only, no share link, no
extra file paths, a bounded queue, analytics off.
"""

from __future__ import annotations

import importlib.util
import json
import os

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")  # before gradio is imported

import gradio as gr  # noqa: E402

from assistant.core import Assistant  # noqa: E402
from ui.api import make_ask  # noqa: E402
from ui.browse import browse_tab  # noqa: E402
from ui.chat_layout import chat_tab  # noqa: E402
from ui.feedback import FeedbackStore, store_path  # noqa: E402
from ui.style import CSS, JS  # noqa: E402
from ui.timeline import timeline_tab  # noqa: E402
from ui.views import Views  # noqa: E402
from ui.warmup import Warmup  # noqa: E402

TITLE = "Transformer Catalog Assistant"


def build_app(assistant: Assistant | Views, *, max_chars: int = 2000, concurrency: int = 4, queue_size: int = 64,
              feedback: FeedbackStore | None = None, warmup: Warmup | None = None) -> gr.Blocks:
    """The whole app for one assistant, or for both ``Views`` (each visitor's toggle picks one);
    starts warming the search indexes in the background (or uses ``warmup``).

    Ratings go to ``feedback`` (default: ``feedback.sqlite3`` in the cache directory)."""
    from index.build import cache_dir_from_env

    views = assistant if isinstance(assistant, Views) else Views.single(assistant)
    warmup = warmup or Warmup(*views.assistants()).start()
    assistant = views.default
    feedback = feedback or FeedbackStore(store_path(cache_dir_from_env()))
    with gr.Blocks(title=TITLE, analytics_enabled=False, delete_cache=(1800, 3600)) as app:
        gr.Markdown(header(views.catalog(False)), elem_id="app-header")
        paper_only = paper_only_toggle(views)
        with gr.Tabs() as tabs:
            with gr.Tab("Chat", id="chat"):
                loaded = chat_tab(views, warmup, max_chars, feedback, app, paper_only)
            with gr.Tab("Browse", id="browse"):
                browse_tab(views, paper_only, loaded, tabs)
            with gr.Tab("Timeline", id="timeline"):
                timeline_tab(views, paper_only)
            with gr.Tab("API", id="api"):
                api_md = gr.Markdown(api_help("<the address of this page>"), elem_id="api-help")
        app.load(None, None, api_md, js=API_URL_JS, api_visibility="private")
        gr.api(make_ask(assistant, warmup, max_chars), api_name="ask", api_visibility="public")
    app.queue(default_concurrency_limit=concurrency, max_size=queue_size)
    return app


def header(catalog) -> str:
    """The page's title and what it answers about (the whole catalog: the paper's and the additions)."""
    added = len(catalog.beyond_ids)
    what = (f"the {len(catalog) - added} Transformer models of the paper's catalog (Amatriain et al., 2023) and "
            f"{added} models added since the paper, marked as such" if added else
            f"the {len(catalog)} Transformer models of the catalog (Amatriain et al., 2023)")
    return f"# {TITLE}\nGrounded, cited answers about {what}. Every fact comes from the catalog; every [n] links its paper."


def paper_only_toggle(views: Views) -> gr.Checkbox:
    """The visitor's "paper only" setting, for this browser tab alone (shown when there is a choice)."""
    added = len(views.catalog(False).beyond_ids)
    return gr.Checkbox(value=views.paper_only and views.choice, visible=views.choice, elem_id="paper-only",
                       label=f"Paper only: hide the {added} models added since the paper",
                       info="For this browser tab only: answers, Browse, Timeline and the family tree show the "
                            f"paper's {len(views.catalog(False)) - added} models alone.", container=False)


def api_help(url: str) -> str:
    """The API tab's text, its sample pointing at ``url``."""
    return API_HELP.replace("{URL}", url)


API_HELP = """
### `/ask` endpoint
One question in, one JSON object out (the command line's `ask --json` contract): `answer` (Markdown),
`intent`, `models`, `citations`, `abstained`, `retrieved`, `latency_ms`, `clarification`, `bibtex`.
`history` lists earlier user turns, oldest first; they are answered first in a fresh conversation.

```python
from gradio_client import Client
client = Client("{URL}")
result = client.predict("which models use prefix-LM objectives?", [], api_name="/ask")
followup = client.predict("which of those are from Google?",
                          ["which models use prefix-LM objectives?"], api_name="/ask")
```
See also the "Use via API" link at the bottom of the page.
"""
# The sample uses the address this page was served from (the app may run on any port or path).
API_URL_JS = ("() => " + json.dumps(API_HELP)
              + ".split('{URL}').join(window.location.origin + window.location.pathname)")


def mcp_available() -> bool:
    """True when gradio's optional MCP support (``pip install "gradio[mcp]"``) is installed."""
    return importlib.util.find_spec("mcp") is not None


def launch(app: gr.Blocks, host: str = "127.0.0.1", port: int = 7860, mcp: bool = False, *,
           prevent_thread_lock: bool = False, quiet: bool = False):
    """Serve the app; returns what ``Blocks.launch`` returns (app, local URL, share URL)."""
    if mcp and not mcp_available():
        print('MCP server not started: the "mcp" extra is not installed (pip install "gradio[mcp]"). '
              "Serving the web UI and the /ask API without it.", flush=True)
        mcp = False
    return app.launch(server_name=host, server_port=port, share=False, mcp_server=mcp, ssr_mode=False,
                      prevent_thread_lock=prevent_thread_lock, quiet=quiet, show_error=False,
                      max_file_size="1mb",
                      theme=theme(), css=CSS, js=JS, inbrowser=False)


def theme() -> gr.themes.Base:
    """System font stacks: nothing is fetched from a font service (the web fonts bundled with gradio
    are subsets that lack glyphs in bold)."""
    return gr.themes.Default(
        primary_hue="indigo",
        font=("Segoe UI", "Helvetica Neue", "Arial", "Liberation Sans", "DejaVu Sans", "sans-serif"),
        font_mono=("SFMono-Regular", "Menlo", "Consolas", "Liberation Mono", "DejaVu Sans Mono", "monospace"),
    )
