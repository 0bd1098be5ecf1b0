"""The Chat tab's layout and wiring (the handlers are in ``ui.chat``)."""

from __future__ import annotations

import gradio as gr

from ui.chat import EMPTY_STORE, EXAMPLES, ChatHandlers
from ui.reading import MAX_CHIPS
from ui.feedback import FeedbackStore
from ui.render import EMPTY_SOURCES
from ui.views import Views
from ui.warmup import Warmup

STORAGE_KEY = "catalog-assistant-conversation"

# Land a new answer at its start (the chatbot does not auto-scroll to its end).
SCROLL_TO_ANSWER = """() => { setTimeout(() => {
  const bots = document.querySelectorAll('#chatbot [data-testid="bot"]');
  const last = bots[bots.length - 1];
  if (last) last.scrollIntoView({block: 'start', behavior: 'instant'});
}, 60); }"""

# The page's query string goes to the server once, then leaves the address bar (so a reload
# restores the conversation as it has grown, not the shared link's first state).
READ_SEARCH = """(stored, _) => { const s = window.__caSearch ?? window.location.search;
  window.__caSearch = s;  // for the Browse tab's page-load (a link to a Browse view)
  if (s) window.history.replaceState(null, '', window.location.pathname + window.location.hash);
  return [stored, s]; }"""


def chat_tab(views: Views, warmup: Warmup, max_chars: int, feedback: FeedbackStore | None,
             app: gr.Blocks, paper_only: gr.Checkbox):
    """Lay out the chat tab inside the current Blocks context and wire its events; ``paper_only``
    is the page's toggle (the conversation's catalog). Returns the page-load event that sets the
    toggle, for the other tabs to follow with ``.then`` (they then read the settled toggle)."""
    handlers = ChatHandlers(views, warmup, max_chars, feedback)
    conv = gr.State(None)
    stored = gr.BrowserState(EMPTY_STORE, storage_key=STORAGE_KEY)
    search = gr.Textbox(visible=False)
    with gr.Row(equal_height=False, elem_id="chat-row"):
        with gr.Column(scale=3, min_width=300):
            chatbot = gr.Chatbot(
                label="Conversation", show_label=False, elem_id="chatbot", height=560, sanitize_html=True,
                render_markdown=True,
                allow_tags=False, latex_delimiters=[], buttons=["copy"], feedback_options=("Like", "Dislike"),
                layout="bubble", autoscroll=False, line_breaks=False,
                placeholder="Ask about the Transformer models of the catalog: who built them, sizes, "
                            "objectives, licenses, papers and BibTeX.")
            with gr.Row(visible=False, elem_id="reading-chips", equal_height=True) as chip_row:
                gr.Markdown("Read as (✕ asks again without that part):", elem_id="reading-label")
                chip_buttons = [gr.Button("", visible=False, size="sm", variant="secondary", scale=0, min_width=40,
                                          elem_id=f"chip-{i}", elem_classes="reading-chip") for i in range(MAX_CHIPS)]
            notice = gr.Markdown("", visible=False, elem_id="chat-notice")
            with gr.Row(elem_id="ask-row"):
                box = gr.Textbox(placeholder="Ask a question about the catalog…", show_label=False, scale=5,
                                 lines=1, max_lines=6, elem_id="question", autofocus=True, submit_btn="Ask")
                clear = gr.Button("Clear conversation", scale=0, min_width=160, size="md", variant="secondary",
                                  elem_id="clear")
            with gr.Row(visible=False, elem_id="note-row") as note_row:
                note = gr.Textbox(placeholder="Optional: what was wrong or right about it?", show_label=False,
                                  scale=5, lines=1, max_lines=4, elem_id="feedback-note",
                                  label="Note about this answer")
                send_note = gr.Button("Send note", scale=0, min_width=120, elem_id="send-note")
        with gr.Column(scale=2, min_width=280, elem_id="sources-col"):
            gr.Markdown("### Sources", elem_id="sources-heading")
            sources = gr.HTML(EMPTY_SOURCES, elem_id="chat-sources", container=True, padding=True)
            bibtex = gr.Code("", language=None, label="BibTeX", lines=6, max_lines=18, interactive=False, visible=False,
                             elem_id="chat-bibtex", buttons=["copy"], show_line_numbers=False, wrap_lines=True)
            with gr.Row(elem_id="export-row"):
                md_file = gr.DownloadButton("Conversation (.md)", value=None, interactive=False, size="sm",
                                            elem_id="export-md")
                bib_file = gr.DownloadButton("Citations (.bib)", value=None, interactive=False, size="sm",
                                             elem_id="export-bib")
    examples = gr.Dataset(components=[box], samples=[[q] for q in EXAMPLES], type="index",
                          label="Example questions (click to ask)", elem_id="examples")
    outputs = [chatbot, conv, sources, bibtex, box, notice, stored, md_file, bib_file, chip_row, *chip_buttons]
    private = {"api_visibility": "private"}

    def submit(question, state, only):
        return handlers.submit(question, state, only).flat()

    def restore(state, query):
        view = handlers.restore(state, query)
        return [*view.flat(), view.conv.paper_only if view.conv.paper_only is not None else views.paper_only]

    box.submit(submit, [box, conv, paper_only], outputs, **private).then(None, js=SCROLL_TO_ANSWER, **private)
    examples.click(lambda i: EXAMPLES[i], examples, box, queue=False, **private).then(
        submit, [box, conv, paper_only], outputs, **private).then(None, js=SCROLL_TO_ANSWER, **private)
    for i, chip in enumerate(chip_buttons):
        chip.click(lambda state, i=i: handlers.drop(i, state).flat(), conv, outputs, **private).then(
            None, js=SCROLL_TO_ANSWER, **private)
    paper_only.input(lambda only, state: handlers.switch(only, state).flat(), [paper_only, conv], outputs, **private)
    for event in (clear.click, chatbot.clear):
        event(lambda only: handlers.clear(only).flat(), paper_only, outputs, **private).then(
            lambda: gr.update(visible=False), None, note_row, **private)
    chatbot.like(handlers.rate, conv, [conv, notice, note_row], **private)
    gr.on([send_note.click, note.submit], handlers.note, [note, conv], [notice, note, note_row], **private)
    loaded = app.load(restore, [stored, search], [*outputs, paper_only], js=READ_SEARCH, **private)
    loaded.then(None, js=SCROLL_TO_ANSWER, **private)
    return loaded
