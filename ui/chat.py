"""The Chat tab: a conversation with the assistant, its sources and their BibTeX.

Each browser tab holds its own ``Conversation`` in a ``gr.State`` (Gradio deep-copies the
initial value per session), so follow-ups never leak between visitors.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import gradio as gr

from assistant.answer import Answer
from assistant.core import Assistant
from assistant.session import Session
from catalog import CatalogAssistantError
from ui.render import EMPTY_SOURCES, answer_markdown, bibtex_for, escape_user, sources_html
from ui.warmup import Warmup

EXAMPLES = (
    "which models use prefix-LM objectives?",
    "which of those are from Google?",
    "who built Chinchilla and how big is it?",
    "BibTeX for ELECTRA",
    "compare BERT and RoBERTa",
    "what is replaced token detection?",
)
MAX_MESSAGES = 200  # messages kept on screen per tab (the Session itself stays small)


@dataclass
class Conversation:
    """One browser tab's conversation: the assistant's session and the messages shown."""

    session: Session = field(default_factory=Session)
    messages: list[dict] = field(default_factory=list)
    last: Answer | None = None


class ChatHandlers:
    """The chat tab's event handlers, bound to one assistant."""

    def __init__(self, assistant: Assistant, warmup: Warmup, max_chars: int):
        self.assistant = assistant
        self.warmup = warmup
        self.max_chars = max_chars

    def reply(self, question: str | None, conv: Conversation | None) -> str:
        """Answer one question in the conversation; returns the assistant's Markdown."""
        question = (question or "").strip()
        if len(question) > self.max_chars:
            conv.last = None
            return (f"Your message is {len(question):,} characters long; the limit is {self.max_chars:,}. "
                    "Please ask a shorter question.")
        if not self.warmup.wait():
            conv.last = None
            return "The search index is still loading; please ask again in a moment."
        try:
            answer = self.assistant.ask(question, conv.session)
        except CatalogAssistantError as exc:
            conv.last = None
            return f"Sorry, I could not answer that: {escape_user(str(exc))}"
        conv.last = answer
        return answer_markdown(answer)

    def submit(self, question: str | None, conv: Conversation | None):
        conv = conv if conv is not None else Conversation()
        question = question or ""
        if not question.strip():
            return conv.messages, conv, gr.skip(), gr.skip(), ""
        shown = question if len(question) <= self.max_chars else question[: self.max_chars] + "…"
        text = self.reply(question, conv)
        conv.messages = [*conv.messages,
                         {"role": "user", "content": escape_user(shown)},
                         {"role": "assistant", "content": text}][-MAX_MESSAGES:]
        return conv.messages, conv, sources_html(conv.last), bibtex_for(conv.last, self.assistant.catalog), ""

    def clear(self):
        """A new conversation: empty chat, fresh Session, no sources."""
        return [], Conversation(), EMPTY_SOURCES, ""


CHAT_CSS = """
#chat-sources .sources { margin: 0; padding-left: 0; list-style: none; }
#chat-sources .source { margin: 0 0 .8em 0; line-height: 1.35; }
#chat-sources .source-n { font-weight: 600; color: var(--color-accent); margin-right: .25em; }
#chat-sources .source-title { font-weight: 600; }
#chat-sources .source-meta { color: var(--body-text-color-subdued); font-size: .92em; }
#chat-sources .source-url a { color: var(--link-text-color); text-decoration: underline; padding: 0; }
#chat-sources .source-note { color: var(--body-text-color-subdued); font-style: italic; margin-left: .4em; }
#chat-sources .sources-empty { color: var(--body-text-color-subdued); }
#chat-sources { padding: .6em .8em; }
"""


def chat_tab(assistant: Assistant, warmup: Warmup, max_chars: int) -> None:
    """Lay out the chat tab inside the current Blocks context and wire its events."""
    handlers = ChatHandlers(assistant, warmup, max_chars)
    conv = gr.State(Conversation())
    with gr.Row(equal_height=False):
        with gr.Column(scale=3, min_width=420):
            chatbot = gr.Chatbot(
                label="Conversation", elem_id="chatbot", height=560, sanitize_html=True, render_markdown=True,
                allow_tags=False, latex_delimiters=[], buttons=["copy"], feedback_options=None, layout="bubble",
                placeholder="Ask about the 77 Transformer models of the catalog: who built them, sizes, "
                            "objectives, licenses, papers and BibTeX.")
            with gr.Row():
                box = gr.Textbox(placeholder="Ask a question about the catalog…", show_label=False, scale=5,
                                 lines=1, max_lines=4, elem_id="question", autofocus=True, submit_btn="Ask")
                clear = gr.Button("Clear conversation", scale=0, min_width=190, size="md", variant="secondary",
                                  elem_id="clear")
            examples = gr.Dataset(components=[box], samples=[[q] for q in EXAMPLES], type="index",
                                  label="Example questions (click to ask)", elem_id="examples")
        with gr.Column(scale=2, min_width=320):
            gr.Markdown("### Sources")
            sources = gr.HTML(EMPTY_SOURCES, elem_id="chat-sources", js_on_load=None, container=True, padding=True)
            bibtex = gr.Code("", language=None, label="BibTeX", lines=6, max_lines=18, interactive=False,
                             elem_id="chat-bibtex", buttons=["copy"], show_line_numbers=False, wrap_lines=True)
    outputs = [chatbot, conv, sources, bibtex, box]
    box.submit(handlers.submit, [box, conv], outputs, api_visibility="private")
    examples.click(lambda i: EXAMPLES[i], examples, box, api_visibility="private", queue=False).then(
        handlers.submit, [box, conv], outputs, api_visibility="private")
    clear.click(handlers.clear, None, [chatbot, conv, sources, bibtex], api_visibility="private")
    chatbot.clear(handlers.clear, None, [chatbot, conv, sources, bibtex], api_visibility="private")
