"""The models beyond the paper in answers: the paper's result first, the additions apart.

The catalog holds the paper's 77 models and the additions (``ModelEntry.in_paper`` false).
Answers keep the two apart:

- a set answer (list, count, breakdown, descendants, open search, a concept's models) is
  composed twice by the same function, once over the paper's entries and once over the
  additions, and ``merge`` joins them: the paper's answer unchanged, then a "Since the paper"
  section, citations renumbered after the paper's;
- a ranking ("the newest model") has one answer: it ranks every loaded model at once, and a
  winning addition carries its ``mark_beyond`` line (``Assistant._split``);
- an answer about named models gets one line per addition saying it is beyond the paper
  (``mark_beyond``).

With ``--paper-only`` the catalog holds no addition, so every function here returns the
answer it was given.
"""

from __future__ import annotations

import re
from typing import Callable, Sequence

from assistant.answer import MARKER, Answer
from assistant.lexicon import lexicon
from catalog import Catalog, ModelEntry

_FENCE = re.compile(r"(```.*?```)", re.S)
PAPER_NONE = lexicon("en").say("beyond_none")


def heading(language: str = "en") -> str:
    """The line that opens the additions' part of a set answer."""
    return lexicon(language).say("beyond_heading")


# The additions' part is composed by the same functions as the paper's; these make it say so.
_ADDED_WORDING = ((" in the catalog", " among the additions"), ("catalog models", "added models"),
                  ("catalog entries", "added entries"))


def _reword(text: str, language: str) -> str:
    if language != "en":
        return text
    for old, new in _ADDED_WORDING:
        text = text.replace(old, new)
    return text


def note(entry: ModelEntry, marker: str = "", language: str = "en") -> str:
    """The one line an answer about an addition carries."""
    lex = lexicon(language)
    source = lex.say("beyond_source_paper" if entry.paper.verified else "beyond_source_card")
    from assistant.display import display

    return lex.say("beyond_note", name=entry.name, date=display(language).date(entry), source=source,
                   marker=f" {marker}" if marker else "")


def split(entries: Sequence[ModelEntry]) -> tuple[list[ModelEntry], list[ModelEntry]]:
    """(the paper's entries, the additions), each in the given order."""
    return [e for e in entries if e.in_paper], [e for e in entries if not e.in_paper]


def split_answer(catalog: Catalog, compose: Callable[[list[ModelEntry], list[ModelEntry]], Answer],
                 entries: Sequence[ModelEntry], language: str = "en", also: Sequence[ModelEntry] = ()) -> Answer:
    """``compose`` over the paper's entries, then over the additions under their own heading. ``also`` (the models a
    second reading of the question adds) is split the same way and given to ``compose`` beside each part."""
    paper, added = split(entries)
    paper_also, added_also = split(also)
    first = compose(paper, paper_also)
    if not added and not added_also:
        return first
    return merge(catalog, first, compose(added, added_also), paper_empty=not paper and not paper_also, language=language)


def body(text: str, language: str = "en") -> tuple[str, str]:
    """(text before the Sources list, the Sources list with its leading blank line or ''); the list's heading is the
    answer's language's ("**来源**" in a Chinese answer)."""
    cut = text.find("\n\n" + lexicon(language).say("sources"))
    return (text, "") if cut < 0 else (text[:cut], text[cut:])


def renumber(text: str, mapping: dict[int, int]) -> str:
    """Citation markers renumbered, code blocks (BibTeX) left alone."""
    parts = _FENCE.split(text)
    for i in range(0, len(parts), 2):
        parts[i] = MARKER.sub(lambda m: f"[{mapping.get(int(m.group(1)), int(m.group(1)))}]", parts[i])
    return "".join(parts)


def merge(catalog: Catalog, paper: Answer, added: Answer, *, paper_empty: bool = False, language: str = "en") -> Answer:
    """The paper's answer, then the additions' answer under ``heading``: one validated ``Answer``."""
    from assistant.compose import Draft

    citations = list(paper.citations)
    position: dict[tuple, int] = {}
    for n, c in enumerate(citations, start=1):  # a citation already listed keeps its (first) number
        position.setdefault(c.key, n)
    mapping: dict[int, int] = {}
    for i, c in enumerate(added.citations, start=1):
        if c.key not in position:
            citations.append(c)
            position[c.key] = len(citations)
        mapping[i] = position[c.key]
    lead = lexicon(language).say("beyond_none") if paper_empty or paper.abstained else body(paper.text, language)[0]
    rest = renumber(_reword(body(added.text, language)[0], language), mapping)
    draft = Draft(catalog, paper.intent, language)
    draft.citations = citations
    text = f"{lead}\n\n{heading(language)}\n\n{rest}" + ("\n\n" + draft.sources() if citations else "")
    models = [*paper.models] + [m for m in added.models if m not in paper.models]
    data = {**paper.model_dump(), "text": text, "models": models, "citations": [c.model_dump() for c in citations],
            "abstained": False, "bibtex": [*paper.bibtex, *added.bibtex]}
    return Answer.model_validate(data, context={"catalog": catalog})


NAMED_INTENTS = frozenset({"fact", "citation", "compare", "lineage"})


def mark_named(catalog: Catalog, answer: Answer, language: str = "en") -> Answer:
    """``mark_beyond`` for answers about named models (a set answer already has its own section)."""
    intent = getattr(answer.intent, "value", answer.intent)
    if intent not in NAMED_INTENTS or heading(language) in answer.text:
        return answer
    return mark_beyond(catalog, answer, language)


def mark_beyond(catalog: Catalog, answer: Answer, language: str = "en") -> Answer:
    """One line for each addition the answer is about, before the Sources list."""
    if answer.abstained:
        return answer
    lines = []
    for mid in catalog.beyond(answer.models):
        index = next((i for i, c in enumerate(answer.citations, start=1) if c.model == mid), None)
        lines.append(note(catalog.models[mid], f"[{index}]" if index else "", language))
    if not lines:
        return answer
    text, sources = body(answer.text, language)
    text = text + "\n\n" + "\n".join(lines) + sources
    return Answer.model_validate({**answer.model_dump(), "text": text}, context={"catalog": catalog})


def add_line(catalog: Catalog, answer: Answer, line: str, language: str = "en") -> Answer:
    """The answer with one more paragraph before its (last) Sources list (none when ``line`` is empty)."""
    if not line or answer.abstained:
        return answer
    cut = answer.text.rfind("\n\n" + lexicon(language).say("sources"))
    text, sources = (answer.text, "") if cut < 0 else (answer.text[:cut], answer.text[cut:])
    return Answer.model_validate({**answer.model_dump(), "text": text + "\n\n" + line + sources}, context={"catalog": catalog})


def paper_view(catalog: Catalog) -> Catalog:
    """The same catalog with only the paper's models (every concept kept): for answers that
    compute their model lists from the catalog itself, such as a concept's users."""
    models = {m: e for m, e in catalog.models.items() if e.in_paper}
    return Catalog(models=models, concepts=catalog.concepts, sources=catalog.sources)


def concept_answer(catalog: Catalog, compose: Callable[[Catalog], Answer], users: Sequence[ModelEntry],
                   label: str, language: str = "en") -> Answer:
    """A concept explained over the paper's catalog, then the additions that use it, apart."""
    from assistant.compose import Draft, line

    first = compose(paper_view(catalog) if catalog.beyond_ids else catalog)
    first = Answer.model_validate(first.model_dump(), context={"catalog": catalog})
    added = [e for e in users if not e.in_paper]
    if not added:
        return first
    d = Draft(catalog, first.intent, language)
    d.add(f"{label}:")
    d.add("\n".join(line(e, d) for e in added))
    return merge(catalog, first, d.finish(), language=language)


def ranked_split(catalog: Catalog, ranked: Sequence[tuple[str, float]], k: int,
                 k_added: int = 3) -> tuple[list[tuple[str, float]], list[tuple[str, float]]]:
    """An open question's ranking: the paper's best ``k`` and, apart, the best ``k_added`` additions."""
    paper = [(m, s) for m, s in ranked if catalog.models[m].in_paper]
    added = [(m, s) for m, s in ranked if not catalog.models[m].in_paper]
    return paper[:k], added[:k_added]
