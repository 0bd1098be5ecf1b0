"""Intent frames: which intent a question has, as a table read top-down.

Each frame names the features a question must show (``needs``) and must not show (``forbids``);
the first frame that fits decides. Features are computed once per question by
``assistant.understand`` from the lexicon's cues and from what the parser found.

Features:
    group         a breakdown ("which lab has the most models", "models per year")
    count         "how many ..." (and not count_not: "how many parameters")
    unknown       a model-like name that is not in the catalog
    lookup        an arXiv id, paper title or author that names catalog papers
    models        at least one catalog model is the subject; two_models: two or more
    citation      citation words (paper, bibtex, authors, arXiv...); citation_bare: "give me the paper"
    compare       compare words (vs, difference); compare_pair: words that compare two models
    lineage       lineage words (based on, derived from); lineage_constraint: a "derived from X" constraint
    pronoun       it / they / those ...; pronoun_subject: the pronoun is the question's subject ("what was it built on?")
    superlative   largest, earliest, top-3 ...
    concept       a concept is named; definitional: "what is", "explain"; how_works: "how does X's ... work?";
                  why: "why ..." (a reason asked for: with a concept named, the concept explains it)
    list_words    which / list / all / models that ...
    constraints   any constraint (facet, exclusion, relation); set_constraints: one a concept cannot stand
                  for (a lab, a date, a size, an exclusion...)
    only_numbers  the only constraints are dates or sizes; about_models: the text talks about models
    attributes    an attribute is asked for (size, lab, date ...); field_attributes: one other than the objective,
                  architecture or traits (what a concept explains)
    asks_meaning  the meaning of a term is asked ("what does X mean", "the meaning of X")
    concept_owned a concept named right after the one model, as its own ("Chinchilla's scaling laws")
    explain_first an explanation is asked for ("explain", "describe") and a concept is named before the model
    examples      the only models named are examples of a kind ("models like X"), no other set constraint
    in_catalog    "in the original paper / catalog": asks whether a model is among the paper's models
    pick_among    "which of A, B and C ...": the named models are the set a list chooses from
    joint_lineage the parent two named models have in common is asked ("what were A and B both derived from?")
    share         a proportion is asked ("what share of ...", "what % of ..."): "what is the share of encoder models?" counts
                  the set as a part of the catalog, it does not define the concept the set is named by
"""

from __future__ import annotations

from typing import NamedTuple

from assistant.query import Intent


class Frame(NamedTuple):
    intent: Intent
    needs: frozenset[str]
    forbids: frozenset[str] = frozenset()
    ranked: bool = False  # the frame keeps a superlative ("the largest ...")


def _f(intent: Intent, needs: str, forbids: str = "", ranked: bool = False) -> Frame:
    return Frame(intent, frozenset(needs.split()), frozenset(forbids.split()), ranked)


FRAMES: tuple[Frame, ...] = (
    _f(Intent.COUNT, "group"),
    _f(Intent.COUNT, "count", "count_not"),
    _f(Intent.OUT_OF_SCOPE, "unknown", "models lookup"),
    _f(Intent.CITATION, "lookup", "compare_pair"),
    _f(Intent.LIST, "pick_among two_models constraints", ranked=True),  # "which of BERT, GPT-2 and T5 are encoders?"
    _f(Intent.CITATION, "citation models", "compare in_catalog"),
    _f(Intent.CITATION, "citation citation_bare", "compare constraints concept in_catalog"),
    _f(Intent.LINEAGE, "joint_lineage two_models", "yes_no lineage_constraint"),  # "what were A and B both derived from?"
    _f(Intent.COMPARE, "two_models compare_pair"),
    _f(Intent.COMPARE, "two_models superlative"),  # "T5 or BART, which came out first?"
    _f(Intent.LINEAGE, "lineage models"),
    _f(Intent.COUNT, "superlative lineage_constraint", "models", ranked=True),  # "the largest model derived from LLaMA"
    _f(Intent.LINEAGE, "lineage lineage_constraint"),
    _f(Intent.LINEAGE, "lineage pronoun_subject"),  # "what was it distilled from?": the pronoun is the subject
    _f(Intent.LINEAGE, "lineage pronoun", "constraints"),  # "what is it built on?"; not "models other than those built on LLaMA"
    _f(Intent.COUNT, "superlative", "models", ranked=True),
    _f(Intent.CONCEPT, "concept definitional", "models list_words set_constraints share"),
    _f(Intent.CONCEPT, "concept why", "models list_words set_constraints"),  # "why would anyone use GQA?": the reason is the concept's
    _f(Intent.CONCEPT, "concept how_works", "models list_words set_constraints"),  # "how is MLM trained?", "MoE 是怎么运作的": the mechanism explained
    _f(Intent.CONCEPT, "concept asks_meaning", "models list_words set_constraints"),  # "what do active parameters mean in an MoE?"
    _f(Intent.CONCEPT, "concept", "models list_words constraints share"),
    _f(Intent.COMPARE, "two_models", "attributes"),
    # "how does GLM's blank infilling work?", "how did XLNet use PLM?", "how was T5 trained with span corruption?" (the
    # objective asked for is the concept's; a lab, a size or a date asked for is a fact of the model)
    _f(Intent.CONCEPT, "concept how_works models", "two_models list_words set_constraints field_attributes"),
    # "can you explain RLVR, the thing DeepSeek-R1 does?": an explanation asked of a concept named before the model
    _f(Intent.CONCEPT, "concept explain_first models", "two_models list_words set_constraints field_attributes"),
    # "what does compute-optimal mean for Chinchilla?": the meaning of a term asked, beside the model that uses it
    _f(Intent.CONCEPT, "concept asks_meaning models", "two_models list_words set_constraints field_attributes"),
    # "how does RLVR train reasoning models like DeepSeek-R1?": the models named only as examples of the concept
    _f(Intent.CONCEPT, "concept how_works examples", "models list_words"),
    # "what does the Chinchilla scaling law say?", "explain Chinchilla's scaling laws": a concept named as the model's own,
    # nothing else asked of the model
    _f(Intent.CONCEPT, "concept concept_owned models", "two_models list_words set_constraints attributes yes_no compare"),
    _f(Intent.FACT, "models"),
    _f(Intent.OUT_OF_SCOPE, "only_numbers", "about_models"),
    _f(Intent.LIST, "constraints", ranked=True),
    _f(Intent.CONCEPT, "concept"),
    _f(Intent.LIST, ""),
)


def decide(features: set[str]) -> Frame:
    """The first frame whose needs are all present and whose forbidden features are all absent."""
    for frame in FRAMES:
        if frame.needs <= features and not (frame.forbids & features):
            return frame
    return FRAMES[-1]
