"""What one reading of a question collects: the constraints found, with the spans they came from.

``Found`` is one constraint before polarity and grouping; ``Reading`` gathers them with the
exclusions, relations and every span used, so coverage can tell which words nobody read.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.query import Exclusion, Op, Quant, Relation, Superlative


@dataclass
class Found:
    """One constraint read from the question, before polarity and grouping."""

    facet: str
    value: object
    start: int
    end: int
    op: Op = Op.IN
    via: str | None = None
    negated: bool = False
    weak: bool = False  # too generic to constrain on its own ("text"), but its negation counts ("not language models")
    loose: bool = False  # read from a generic word the paraphrase matcher may override (lexicon weak_terms)
    quant: Quant | None = None  # a size bound about one variant ("comes in a sub-1B size")
    said: bool = False  # ``quant`` said by the bound's own quantifier ("in every variant"): no question-wide one overrides it
    complement: bool = False  # the phrase names everything but the value ("a known license": not unknown)
    inverse: bool = False  # negated by its own words ("dense": no mixture of experts), not by a negation cue
    alt: int = 0  # readings of one phrase on different fields ("assistant/chatbot"), either may hold
    direct: bool = False  # a lineage relation said to be direct ("directly built on X"): stays so when negated
    of: str | None = None  # a lineage to a set: the set's reading (``Constraint.of``)
    times: int = 1  # a size bound some versions hold, counted ("at least two versions over 10B": 2; ``Constraint.times``)


@dataclass
class Reading:
    found: list[Found] = field(default_factory=list)
    exclude: list[Exclusion] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    used: list[tuple[int, int]] = field(default_factory=list)
    quiet: list[tuple[int, int]] = field(default_factory=list)  # spans whose words are not intent cues ("... and its descendants")
    units: list[tuple[int, int]] = field(default_factory=list)  # what a "how many ..." counts: no constraint, no concept
    subjects: list[str] = field(default_factory=list)  # models named through another ("the model Vicuna was fine-tuned from")
    # the subject's ancestors: every generation ("what came before Qwen3 in its line", "(any depth)"), or only its
    # parents ("(direct only)"); None when the words say nothing of the depth
    ancestors: bool | None = None
    children: bool = False  # what was made from the subject is asked too ("where does X come from, and what came from it?")
    path: bool = False  # the line between two models asked ("from GPT all the way to ChatGPT"): the later one's ancestors
    concepts: list[tuple[int, int]] = field(default_factory=list)  # concepts named by their names ("multi-head attention")
    # the words of each model left out, from its cue (when one stands before it) to the end of its tail ("excluding BERT and
    # its descendants"): the cue is spent on the model and governs no phrase after it but the next item of its list
    excluded: list[tuple[int, int]] = field(default_factory=list)
    # the ranking a neighbour in an order implies ("the next biggest model after PaLM": the largest smaller than PaLM),
    # read with the relation; it stands for any ranking word of the question
    adjacent: Superlative | None = None

    def use(self, start: int, end: int) -> None:
        self.used.append((start, end))


def blank(text: str, spans) -> str:
    """``text`` with the characters inside ``spans`` replaced by spaces (offsets kept)."""
    return "".join(" " if any(s <= i < e for s, e in spans) else ch for i, ch in enumerate(text)) if spans else text


def free(span, masked) -> bool:
    return not any(span[0] < e and s < span[1] for s, e in masked)

