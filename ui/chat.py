"""The Chat tab's state and event handlers: a conversation, its sources, shares, exports, feedback.

Each browser tab holds its own ``Conversation`` in a ``gr.State`` (Gradio deep-copies the
initial value per session), so follow-ups never leak between visitors. What survives a page
reload is only the list of questions (in the browser's storage); the conversation is rebuilt
by asking them again, so nothing the browser stores is ever rendered as it was stored.
The layout lives in ``ui.chat_layout``.

A conversation runs on one catalog: the whole one or the paper's alone (``ui.views``), as the
tab's "paper only" toggle says. Switching the toggle asks the conversation's questions again
on the other catalog, so what is on screen always matches the setting.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import NamedTuple

import gradio as gr

from assistant.answer import Answer
from assistant.service import answer_json
from assistant.core import Assistant
from assistant.session import Session
from catalog import CatalogAssistantError
from ui.export import conversation_bibtex, conversation_markdown, parse_share, share_query, shared_paper_only
from ui.feedback import FeedbackStore, Rated, app_version
from ui.files import ExportFiles
from ui.reading import MAX_CHIPS, chips, without
from ui.render import answer_markdown, bibtex_for, escape_user, sources_html
from ui.views import Views
from ui.warmup import Warmup

EXAMPLES = (
    "which models use prefix-LM objectives?",
    "which prefix-LM models are from Google?",
    "who built Chinchilla and how big is it?",
    "BibTeX for ELECTRA",
    "compare BERT and RoBERTa",
    "what is replaced token detection?",
    "哪些模型用了人类反馈强化学习？",
    "比较 GPT-3 和 PaLM",
    "什么是替换词检测？",
)
MAX_TURNS = 60  # turns kept on screen and replayed after a reload (the Session itself stays small)
EMPTY_STORE = {"v": 1, "questions": []}


@dataclass
class Turn:
    """One question and what the assistant showed for it (``answer`` is None for a notice).

    ``step`` is what replays the turn: the question itself, or ``{"drop": n}`` for "the previous
    answer's reading without its chip n"."""

    question: str
    text: str
    answer: Answer | None = None
    step: object = None

    def __post_init__(self):
        if self.step is None:
            self.step = self.question


@dataclass
class Conversation:
    """One browser tab's conversation: the assistant's session and the turns shown."""

    session: Session = field(default_factory=Session)
    turns: list[Turn] = field(default_factory=list)
    id: str = field(default_factory=lambda: uuid.uuid4().hex)
    rated: int | None = None  # the feedback row a note attaches to
    paper_only: bool | None = None  # the catalog it runs on (None: the server's default)

    @property
    def last(self) -> Answer | None:
        return self.turns[-1].answer if self.turns else None

    @property
    def questions(self) -> list[str]:
        return [t.question for t in self.turns]

    @property
    def steps(self) -> list:
        return [t.step for t in self.turns]


class View(NamedTuple):
    """Everything a turn updates, in the order of ``ChatHandlers.OUTPUTS``."""

    messages: list
    conv: Conversation
    sources: str
    bibtex: dict
    box: object
    notice: object
    stored: dict
    markdown_file: object
    bib_file: object
    chips: tuple = ()

    def flat(self) -> list:
        """The values in the order of the layout's outputs (the chip buttons last)."""
        return [*self[:-1], *self.chips]


class ChatHandlers:
    """The chat tab's event handlers, bound to one assistant or to both ``Views``."""

    def __init__(self, assistant: Assistant | Views, warmup: Warmup, max_chars: int,
                 feedback: FeedbackStore | None = None, files: ExportFiles | None = None):
        self.views = assistant if isinstance(assistant, Views) else Views.single(assistant)
        self.assistant = self.views.default
        self.warmup = warmup
        self.max_chars = max_chars
        self.feedback = feedback
        self.files = files or ExportFiles()

    def setting(self, paper_only) -> bool | None:
        """The toggle's value as a conversation's setting (None when the app offers no choice)."""
        return None if paper_only is None or not self.views.choice else bool(paper_only)

    def using(self, conv: Conversation) -> Assistant:
        """The assistant of the conversation's catalog."""
        return self.views.pick(conv.paper_only)

    # -- answering ---------------------------------------------------------------------------
    def answer(self, question: str, conv: Conversation) -> Turn:
        """Answer one question in the conversation's session."""
        assistant = self.using(conv)
        if not self.warmup.wait(assistant):
            return Turn(question, "The search index is still loading; please ask again in a moment.")
        try:
            answer = assistant.ask(question, conv.session)
        except CatalogAssistantError as exc:
            return Turn(question, f"Sorry, I could not answer that: {escape_user(str(exc))}")
        return Turn(question, answer_markdown(answer), answer)

    def too_long(self, question: str) -> str | None:
        if len(question) <= self.max_chars:
            return None
        return (f"Your message is {len(question):,} characters long; the limit is {self.max_chars:,}. "
                "It is still in the box: shorten it and press Ask again.")

    def submit(self, question: str | None, conv: Conversation | None, paper_only: bool | None = None) -> View:
        """Ask ``question``; ``paper_only`` is the tab's toggle (a conversation on the other catalog
        is asked again on this one first)."""
        conv = self.on_catalog(conv, paper_only)
        question = (question or "").strip()
        if not question:
            return self.view(conv, box=gr.skip())
        problem = self.too_long(question)
        if problem:  # the text stays in the box; nothing is asked
            return self.view(conv, box=gr.skip(), notice=gr.update(value=problem, visible=True))
        conv.turns = [*conv.turns, self.answer(question, conv)][-MAX_TURNS:]
        return self.view(conv)

    def without_chip(self, index: int, conv: Conversation) -> Turn | None:
        """The latest answer asked again without one chip of its reading (None if there is no such chip)."""
        last = conv.turns[-1] if conv.turns else None
        assistant = self.using(conv)
        found = chips(last.answer.query, assistant.catalog) if last and last.answer else []
        if not isinstance(index, int) or not 0 <= index < len(found):
            return None
        chip = found[index]
        answer = assistant.answer_query(without(last.answer.query, chip), conv.session)
        question = f"{last.question} (without: {chip.label})"
        return Turn(question, answer_markdown(answer), answer, {"drop": index})

    def drop(self, index: int, conv: Conversation | None) -> View:
        conv = conv if conv is not None else Conversation()
        turn = self.without_chip(index, conv)
        if turn is not None:
            conv.turns = [*conv.turns, turn][-MAX_TURNS:]
        return self.view(conv)

    def replay(self, steps: list, paper_only: bool | None = None) -> Conversation:
        """A fresh conversation on ``paper_only``'s catalog that has taken ``steps`` (questions and
        chip removals) in order."""
        conv = Conversation(paper_only=paper_only)
        for step in steps[-MAX_TURNS:]:
            if isinstance(step, str) and step.strip() and not self.too_long(step.strip()):
                conv.turns.append(self.answer(step.strip(), conv))
            elif isinstance(step, dict) and isinstance(step.get("drop"), int):
                turn = self.without_chip(step["drop"], conv)
                conv.turns += [turn] if turn else []
        return conv

    def restore(self, stored, search: str | None) -> View:
        """On page load: a share link's steps, else the steps this browser remembered; on the
        catalog the link names (``p=``), else the one this browser had chosen."""
        stored = stored if isinstance(stored, dict) else {}
        linked = shared_paper_only(search)
        remembered = stored.get("paper_only") if isinstance(stored.get("paper_only"), bool) else None
        paper_only = self.setting(linked if linked is not None else remembered)
        shared = parse_share(search, self.max_chars)
        if shared is not None:
            return self.view(self.replay(shared, paper_only))
        steps = stored.get("questions")
        return self.view(self.replay(steps if isinstance(steps, list) else [], paper_only))

    def clear(self, paper_only: bool | None = None) -> View:
        """A new conversation: empty chat, fresh Session, no sources, nothing remembered."""
        return self.view(Conversation(paper_only=self.setting(paper_only)))

    def on_catalog(self, conv: Conversation | None, paper_only: bool | None) -> Conversation:
        """``conv`` on the catalog ``paper_only`` names (asked again there if it ran on the other one)."""
        paper_only = self.setting(paper_only)
        conv = conv if conv is not None else Conversation(paper_only=paper_only)
        if paper_only is None or self.views.pick(paper_only) is self.using(conv):
            return conv
        return self.replay(conv.steps, paper_only)

    def switch(self, paper_only: bool, conv: Conversation | None) -> View:
        """The toggle changed: the conversation asked again on the chosen catalog."""
        return self.view(self.on_catalog(conv, paper_only))

    # -- what the page shows -----------------------------------------------------------------
    def messages(self, conv: Conversation) -> list[dict]:
        out: list[dict] = []
        only = self.setting(self.views.paper_only if conv.paper_only is None else conv.paper_only)
        for i, turn in enumerate(conv.turns):
            link = share_query(conv.steps[: i + 1], only)
            out += [{"role": "user", "content": escape_user(turn.question)},
                    {"role": "assistant", "content": f"{turn.text}\n\n[🔗 Link to this answer]({link})"}]
        return out

    def view(self, conv: Conversation, *, box="", notice=None) -> View:
        last = conv.last
        bibtex = bibtex_for(last, self.using(conv).catalog)
        stored = {"v": 1, "questions": conv.steps} | ({} if conv.paper_only is None else {"paper_only": conv.paper_only})
        return View(self.messages(conv), conv, sources_html(last), gr.update(value=bibtex, visible=bool(bibtex)), box,
                    notice if notice is not None else gr.update(value="", visible=False),
                    stored, *self.export_buttons(conv), self.chip_buttons(conv))

    def chip_buttons(self, conv: Conversation) -> tuple:
        """The chip row (visible when the latest answer has a reading with constraints) and each chip."""
        found = chips(conv.last.query, self.using(conv).catalog) if conv.last is not None else []
        buttons = tuple(gr.update(value=f"{c.label}  ✕", visible=True) for c in found)
        buttons += (gr.update(value="", visible=False),) * (MAX_CHIPS - len(found))
        return (gr.update(visible=bool(found)), *buttons)

    def export_buttons(self, conv: Conversation) -> tuple:
        if not conv.turns:
            return (gr.update(value=None, interactive=False),) * 2
        turns = [(t.question, t.answer, t.text) for t in conv.turns]
        md = self.files.write("conversation.md", conversation_markdown(turns, app_version()))
        bib = conversation_bibtex(turns, self.using(conv).catalog)
        bib_button = (gr.update(value=self.files.write("citations.bib", bib), interactive=True) if bib
                      else gr.update(value=None, interactive=False))
        return gr.update(value=md, interactive=True), bib_button

    # -- feedback ----------------------------------------------------------------------------
    def rate(self, conv: Conversation | None, data: gr.LikeData):
        """Store a thumbs up/down on one answer; offer a note box."""
        turn_index = data.index // 2 if isinstance(data.index, int) else -1
        if conv is None or self.feedback is None or not 0 <= turn_index < len(conv.turns) or data.liked not in (
                True, False):
            return conv, gr.skip(), gr.skip()
        turn = conv.turns[turn_index]
        history = tuple(conv.questions[:turn_index])
        contract = (answer_json(turn.answer, None, turn.question, 0.0, self.using(conv).catalog) if turn.answer is not None else
                    {"answer": turn.text, "intent": "notice", "models": [], "abstained": False})
        rating = "up" if data.liked is True else "down"
        conv.rated = self.feedback.record(Rated(turn.question, history, contract), rating, conv.id)
        thanks = f"Thanks: your {'👍' if rating == 'up' else '👎'} on answer {turn_index + 1} is saved on this machine."
        return conv, gr.update(value=thanks, visible=True), gr.update(visible=True)

    def note(self, text: str | None, conv: Conversation | None):
        """Attach the optional note to the latest rating of this conversation."""
        text = (text or "").strip()
        if conv is None or self.feedback is None or conv.rated is None or not text:
            return gr.skip(), gr.skip(), gr.skip()
        self.feedback.add_note(conv.rated, conv.id, text)
        return gr.update(value="Thanks: your note is saved with the rating.", visible=True), "", gr.update(
            visible=False)

