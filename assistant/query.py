"""The typed query: what ``understand`` makes of a question, and what ``retrieve`` executes.

A question compiles to a ``Query``: an ``Intent``; a constraint tree (``And`` / ``Or`` / ``Not``
over per-facet ``Constraint`` leaves); named models excluded (optionally with everything derived
from them); relations to other models ("same lab as X"); a ranking inside the filtered set; the
attributes asked for; asserted facts to check (false premises); and the constraint-bearing words
the parser could not read. Composition reads this object, never the raw question text.
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field


class Intent(str, Enum):
    LIST = "list"
    FACT = "fact"
    CITATION = "citation"
    COMPARE = "compare"
    CONCEPT = "concept"
    COUNT = "count"
    LINEAGE = "lineage"
    CLARIFY = "clarify"
    OUT_OF_SCOPE = "out_of_scope"


class Reason(str, Enum):
    """Why a question got its intent, when that needs explaining (out of scope, not recorded...)."""

    NONE = ""
    EMPTY = "empty"
    TOO_LONG = "too_long"
    INSTRUCTION = "instruction"
    GREETING = "greeting"
    THANKS = "thanks"
    OFF_TOPIC = "off_topic"
    UNSUPPORTED = "unsupported"  # an attribute the catalog does not record
    UNKNOWN_MODEL = "unknown_model"
    NOT_UNDERSTOOD = "not_understood"  # a constraint-bearing phrase the parser could not read


class Attribute(str, Enum):
    """A typed field a fact question asks for."""

    LABS = "labs"
    PARAMS = "params"
    DATE = "date"
    ARCHITECTURE = "architecture"
    OBJECTIVE = "objective"
    LICENSE = "license"
    CORPUS = "corpus"
    APPLICATION = "application"
    FAMILY = "family"
    LINK = "link"
    VENUE = "venue"
    AUTHORS = "authors"
    PAPER = "paper"
    TRAITS = "traits"  # the recorded architecture traits (attention variants, MoE, position encodings...)
    DOMAINS = "domains"  # the recorded domains (text, vision, code, dialogue...): what the model works on
    IN_PAPER = "in_paper"  # whether the model is among the paper's 77 (the catalog's in_paper flag)
    IO = "io"  # what the model takes in and gives out (the catalog's inputs and outputs: text, image, audio...)
    NAMES = "names"  # the model's other names in the catalog ("what does T5 stand for?": its spelled-out name)


class Op(str, Enum):
    IN = "in"  # the entry has any of the values
    ALL = "all"  # the entry has all of the values
    GT = "gt"
    GE = "ge"
    LT = "lt"
    LE = "le"
    EQ = "eq"  # a numeric value, within a tolerance
    EXACT = "exact"  # a numeric value said to be exact ("exactly 7B": 6.9B is not it)
    BETWEEN = "between"  # a number within [values[0], values[1]], both ends included: one variant inside a size range
    ONLY = "only"  # the entry has some of the values and no other ("text-only": the domains are text alone)


class Quant(str, Enum):
    """Which size variants a size constraint looks at."""

    LARGEST = "largest"  # the model's size is its largest variant (the default)
    SOME = "some"  # some variant satisfies it
    EVERY = "every"  # every variant satisfies it
    SMALLEST = "smallest"  # the model's smallest variant satisfies it
    TOP = "top"  # the largest variant alone, said of a value ("whose largest size is exactly 14B"): no other size equals it
    ACTIVE = "active"  # a size the catalog labels active per token (a mixture of experts) satisfies it


class Constraint(BaseModel):
    """One facet compared with values: ``lab in [Google]``, ``size > 10000`` (millions)."""

    model_config = ConfigDict(frozen=True)
    kind: Literal["is"] = "is"
    facet: str
    op: Op = Op.IN
    values: list[Union[float, str]] = Field(default_factory=list)
    quant: Quant = Quant.LARGEST
    via: Optional[str] = None  # where the value came from: a model id ("same lab as X") or "paraphrase"
    of: Optional[str] = None  # a lineage to a set ("derived from a Google model"): the set's reading; values are its members
    # ``between``: whether each end is left out ("over 10B and under 100B", held by one released size): (low, high)
    open_ends: Optional[tuple[bool, bool]] = None
    # ``some``: how many released sizes must hold it ("at least two versions over 10B": 2)
    times: int = 1


class And(BaseModel):
    model_config = ConfigDict(frozen=True)
    kind: Literal["and"] = "and"
    items: list["Node"] = Field(default_factory=list)


class Or(BaseModel):
    model_config = ConfigDict(frozen=True)
    kind: Literal["or"] = "or"
    items: list["Node"] = Field(default_factory=list)


class Not(BaseModel):
    model_config = ConfigDict(frozen=True)
    kind: Literal["not"] = "not"
    item: "Node"


Node = Annotated[Union[Constraint, And, Or, Not], Field(discriminator="kind")]
And.model_rebuild()
Or.model_rebuild()
Not.model_rebuild()


def years_spanned(node: Node | None) -> list[int]:
    """The years a tree's date range runs over ("from 2020 to 2021": [2020, 2021]); [] unless the tree has both a
    lower and an upper date bound, unnegated."""
    ends = {c.op: int(c.values[0]) for c, neg in leaves(node) if not neg and c.facet == "date" and c.op in (Op.GE, Op.LE)}
    return list(range(ends[Op.GE] // 100, ends[Op.LE] // 100 + 1)) if len(ends) == 2 else []


def leaves(node: Node | None, negated: bool = False):
    """(constraint, negated) for every leaf of a tree."""
    if node is None:
        return
    if isinstance(node, Constraint):
        yield node, negated
    elif isinstance(node, Not):
        yield from leaves(node.item, not negated)
    else:
        for item in node.items:
            yield from leaves(item, negated)


class Exclusion(BaseModel):
    """A named model left out of a set, with or without everything derived from it."""

    model_config = ConfigDict(frozen=True)
    model: str
    descendants: bool = False


class Relation(BaseModel):
    """A constraint defined by another model: "same lab as X", "newer than X", "similar to X"."""

    model_config = ConfigDict(frozen=True)
    kind: Literal["same", "similar", "derived", "after", "before", "larger", "smaller", "within"]
    model: str
    facet: Optional[str] = None


class Superlative(BaseModel):
    """A ranking inside the filtered set: "the three largest", "the earliest"."""

    model_config = ConfigDict(frozen=True)
    # "params" | "date", or the number of a model's own recorded values (``retrieve.OWNED_RANKINGS``: "sizes", "labs",
    # "objectives"): "which model comes in the most sizes?", "the model credited to the most labs"; or how many catalog
    # models derive from it (``retrieve.KIN_RANKINGS``: "children", "descendants"): "the model derived from most often"
    field: str
    largest: bool  # True: largest / most recent / most values; False: smallest / earliest / fewest
    top: int = 1
    # which size variant stands for a model ("smallest, judging by each model's largest size");
    # None: the direction's own (largest: the largest variant, smallest: the smallest variant)
    # "active": the size a mixture of experts uses per token ("the fewest active parameters"), not a released size
    measure: Optional[Literal["largest", "smallest", "active"]] = None
    rank: int = 1  # "the second largest": the models at that place of the ranking (models tied share the places they span)
    whole: bool = False  # "Google models sorted by size": every model of the set in this order, not a top
    # "the oldest and the newest Google model", "the first and last additions", "largest and smallest": both ends of the
    # ranking, each named with its value, and how far apart they are (the months between, or the size ratio)
    ends: bool = False
    # "the second newest model by month": places count the distinct values (months), not models ("the second newest"
    # alone is the model after the newest one, or the newest month again when two models share it)
    distinct: bool = False

    def by_largest(self) -> bool:
        """Sizes are compared by each model's largest variant."""
        return self.measure == "largest" if self.measure in ("largest", "smallest") else self.largest


class Premise(BaseModel):
    """A fact the question takes for granted about a model ("when did Microsoft release T5?")."""

    model_config = ConfigDict(frozen=True)
    model: str
    constraint: Constraint
    negated: bool = False  # the question takes for granted that the model does NOT have it ("since Jamba is a pure Transformer")
    stated: bool = False  # said in a premise clause ("since X is ..., ..."), not read off a fact question's wording


class Lookup(BaseModel):
    """A reverse citation lookup: an arXiv id, a paper title or an author name."""

    model_config = ConfigDict(frozen=True)
    kind: Literal["arxiv", "title", "author"]
    value: str
    first: bool = False  # an author asked for as the first author only


class Referent(BaseModel):
    """What a follow-up's reference was resolved to, and by which rule ("it" = the previous
    question's subject, "that one" = a model the previous answer introduced, ...)."""

    model_config = ConfigDict(frozen=True)
    word: str  # the words that referred ("it", "what license?", "which is older?")
    models: list[str] = Field(default_factory=list)
    source: Literal["subject", "answer", "pair", "list", "concept", "repeat", "chain"] = "subject"


class Query(BaseModel):
    """A question, understood."""

    model_config = ConfigDict(frozen=True)
    text: str
    intent: Intent
    language: str = "en"
    models: list[str] = Field(default_factory=list)  # the models the question is about, in mention order
    references: list[str] = Field(default_factory=list)  # models used only to define constraints
    unknown_names: list[str] = Field(default_factory=list)  # model-like names not in the catalog
    attributes: list[Attribute] = Field(default_factory=list)
    unrecorded: list[str] = Field(default_factory=list)  # asked attributes the catalog does not record
    where: And = Field(default_factory=And)
    exclude: list[Exclusion] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)
    within: Optional[list[str]] = None  # restrict to a previous answer's models
    superlative: Optional[Superlative] = None
    group_by: Optional[str] = None  # a facet name: "lab", "architecture", "year", ...
    all_models: bool = False  # "list every model"
    concept: Optional[str] = None
    other_concepts: list[str] = Field(default_factory=list)  # "MLM vs causal LM": the second concept onwards
    premises: list[Premise] = Field(default_factory=list)
    lookup: Optional[Lookup] = None
    order: list[str] = Field(default_factory=list)  # comparison dimensions asked, first first ("size", "date")
    ascending: bool = False  # the comparison asks for the smaller / older one
    ratio_op: Optional[Op] = None  # "is PaLM over three times the size of GPT-3?": the size ratio of the first model
    ratio: float = 0.0  # named to the second, checked against this factor
    exists_asked: bool = False  # "are there any models from Salesforce?": whether the set is empty leads the list
    # a yes/no comparison asks whether the models are equal on the dimension ("are GPT-3 and OPT the same size?": "value";
    # "were T5 and BART released the same year?": "year"): a tie is the yes
    same_asked: Literal["", "value", "year"] = ""
    in_order: bool = False  # "put BERT, T5 and GPT-2 in release order": the named models listed in the order of ``order[0]``
    transitive: bool = False  # lineage through every generation ("Dolly's ancestry")
    yes_no: bool = False  # "is T5 open source?": answer with a verdict
    modal_asked: bool = False  # "can CLIP draw?", "CLIP 能画图吗": the yes/no asks an ability (a no in Chinese: 不能)
    explain: bool = False  # the question also asks for an explanation of the concept
    with_children: bool = False  # "its parent as well as its children": a lineage answer lists both
    path: bool = False  # "from GPT-1 to ChatGPT, how did the line evolve?": the line between two models, both ends in it
    nearest_asked: bool = False  # "which come closest?": when a size bound leaves nothing, the nearest models
    owned_count: Optional[Attribute] = None  # "how many sizes does LLaMA come in?": the number of a model's own values
    # the kind of size an owned count of sizes keeps: "dense" (the sizes that are no mixture-of-experts configuration,
    # "how many dense sizes does Qwen3 have?") or "moe" (its mixture-of-experts configurations); "" for every size
    # ... or "distilled" (the sizes the catalog labels as distilled students: "how many distilled R1 sizes?")
    owned_kind: Literal["", "dense", "moe", "distilled"] = ""
    # two models weighed by their owned counts ("does Pythia or OPT come in more sizes?"): the way asked, "more" or "fewer"
    owned_more: Literal["", "more", "fewer"] = ""
    # size bounds a count of a model's own sizes keeps ("how many sizes under 10B does Qwen3 have?"): those sizes only
    owned_within: list[Constraint] = Field(default_factory=list)
    hop_from: Optional[str] = None  # "who built the parent of Zephyr?": the model whose parents (``models``) are asked about
    hop_depth: int = 0  # generations up from ``hop_from`` (1: parents, 2: grandparents; -1: its children, one generation down)
    winner_others: bool = False  # "which lab made the newest model, and what else has that lab got?": the winner's lab's other models
    # "who else worked on StarCoder besides Hugging Face?", "which labs besides Stanford built it?": the labs of the one model
    # asked, these labs (canonical names) said as known: the model's other labs are the answer, no set of other models
    labs_besides: list[str] = Field(default_factory=list)
    winner_kin: bool = False  # "the parent of the smallest DPO model": the parents of a ranking's winner are asked too
    check_op: Optional[Op] = None  # "are there more than five Microsoft models?": a count's verdict against check_n
    check_n: int = 0
    group_fewest: bool = False  # "which lab has the fewest models?": the breakdown's lowest rows lead
    having_op: Optional[Op] = None  # "which labs have more than 5 models?": the breakdown's rows kept by their count
    having_n: int = 0
    gap: bool = False  # "how much bigger is GPT-3 than GPT-2?": a comparison states the ratio or the months between
    ranked_in: Optional[And] = None  # "is PaLM the largest Google model?": the set the one model is claimed to top (``superlative``)
    aggregate: Optional[Literal["mean", "median", "sum"]] = None  # "the average size of Google's models": one number over the set
    aggregate_field: Literal["params", "date"] = "params"  # what the aggregate is taken of (each model's largest size, or its date)
    # a count split on one condition ("how many are decoders and how many are not?", "encoder 和非 encoder 的各有几个"): the
    # models of the set (``where``) that hold it and those that do not, each counted
    split: Optional[Constraint] = None
    # conditions on different fields, each counted over the set ("how many multimodal vs mixture-of-experts models?",
    # "how many are open and how many are decoders?"): each one's models counted apart, never all of them at once
    apart: list[Constraint] = []
    share_of: Optional[And] = None  # "what share of Google's models are decoders?": the base set of a proportion
    share_check_op: Optional[Op] = None  # "are most Google models decoders?": the share checked against share_check
    share_check: float = 0.0  # the fraction of the base set the claim is about (most: more than 0.5)
    tallied: bool = False  # a ranking that also asks how many ("how many OpenAI models are there, and which is the oldest?")
    bibtex: bool = False
    cite: bool = False  # citation words (paper, cite, reference) appear
    corrections: list[str] = Field(default_factory=list)  # misspelt vocabulary words read as ("sparce → sparse")
    unparsed: list[str] = Field(default_factory=list)  # constraint-bearing phrases not understood
    closest: list[str] = Field(default_factory=list)  # closest readings of the unparsed phrases
    reason: Reason = Reason.NONE
    # words that describe the model(s) asked for without naming a field value with confidence ("squeezes the
    # key-value cache into a small latent vector"): the models are then identified from the entries' own text
    described: Optional[str] = None
    identified: list[str] = Field(default_factory=list)  # the models that description identified (best first)
    meaning_lead: Optional[float] = None  # how far a reading by meaning led the next value's score (its clarity)
    referent: Optional[Referent] = None  # a follow-up's reference, resolved against the conversation
    # models the question names by another of their names ("OASST" for OpenAssistant LLaMa, "unCLIP" for DALL-E 2): an
    # answer that lists other models (a lineage) names and cites them too
    aliased: list[str] = Field(default_factory=list)
    # the question's own words tie its size bounds to the largest version ("whose largest version is under 1B"): no
    # second reading that counts every released size is offered
    largest_said: bool = False

    def constrained(self) -> bool:
        """Any constraint besides 'within the previous list'."""
        return bool(self.where.items or self.exclude or self.pending())

    def pending(self) -> list[Relation]:
        """Relations whose model the conversation must supply ("the same lab")."""
        return [r for r in self.relations if not r.model]

    def facets(self) -> set[str]:
        return {c.facet for c, _ in leaves(self.where)}

    def positive(self, facet: str) -> list[Constraint]:
        return [c for c, neg in leaves(self.where) if c.facet == facet and not neg]

    def with_where(self, *nodes: Node) -> "Query":
        return self.model_copy(update={"where": And(items=[*self.where.items, *nodes])})
