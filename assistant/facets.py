"""Facets: one object per catalog field, owning it end to end.

A facet reads its values from an entry (``values``), matches an entry against a ``Constraint``
(``match``), says why an entry matched (``why``), describes a constraint ("lab ≠ Google") and
displays a value. Reading a facet from a question is data: the lexicon's ``values`` section
holds each facet's terms (``assistant.parse`` finds them). Retrieval, the answers and the
browse tab loop over ``FACETS``; adding a field means adding one facet here (and the field to
``catalog.schema``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable

from assistant.lexicon import lexicon, phrase_pattern
from assistant.numbers import MONTH_NAMES
from assistant.query import Attribute, Constraint, Op, Quant
from catalog import ModelEntry
from catalog.citation import ET_AL, author_names
from catalog.vocab import OBJECTIVE_LABELS, Objective

UNKNOWN = "unknown"  # the value a constraint on a missing field names ("models with no parameter count recorded")
NEGATED = re.compile(r"\b(not|no|never|without|excluding|except)\b", re.I)


def size_label(millions: float | None) -> str:
    """A size in millions as the catalog records it, every recorded digit kept ("1.571T", "15.5B", "125M")."""
    if millions is None:
        return "not disclosed"
    if millions >= 1e6:
        return f"{millions / 1e6:.6g}T"
    if millions >= 1e3:
        return f"{millions / 1e3:.6g}B"
    return f"{millions:.6g}M"


def month_name(n: float) -> str:
    """A month of the year (1-12) by its English name."""
    return MONTH_NAMES[int(n) - 1] if 1 <= int(n) <= 12 else f"{n:g}"


def modality_name(value: str) -> str:
    """A kind of data taken in or given out, as English names it ("images", "segmentation masks")."""
    return lexicon("en").data.get("labels", {}).get("modality", {}).get(value, value)


def month_label(key: float) -> str:
    key = int(key)
    return f"{key // 100}-{max(1, key % 100):02d}"


# The ``catalog`` facet: a model of the paper's 77, or one added since the paper (``in_paper`` false).
PAPER, BEYOND = "paper", "beyond"
CATALOG_NAMES = {PAPER: "in the paper", BEYOND: "since the paper"}

_OPS = {Op.GT: (">", "≤"), Op.GE: ("≥", "<"), Op.LT: ("<", "≥"), Op.LE: ("≤", ">"), Op.EQ: ("=", "≠"), Op.EXACT: ("=", "≠")}


class Facet:
    """A categorical field: an entry has a list of values; a constraint lists wanted values."""

    name: str = ""
    label: str = ""
    group: str | None = None  # the group-by key this facet answers ("lab", "year"...)

    def __init__(self, name: str, label: str, values: Callable[[ModelEntry], list[str]],
                 display: Callable[[ModelEntry], str] | None = None, names: Callable[[str], str] | None = None,
                 group: str | None = None):
        self.name, self.label, self.group = name, label, group
        self._values = values
        self._display = display or (lambda e: ", ".join(values(e)))
        self._names = names or (lambda v: v)

    def values(self, e: ModelEntry) -> list[str]:
        return self._values(e)

    def value_name(self, value) -> str:
        return self._names(str(value))

    def match(self, e: ModelEntry, c: Constraint) -> bool:
        if c.op is Op.ONLY:  # "text-only": every value the entry has is among the named ones
            have = {x.lower() for x in self.values(e)}
            return bool(have) and have <= {str(v).lower() for v in c.values}
        have = [str(v).lower() in {x.lower() for x in self.values(e)} for v in c.values]
        return all(have) if c.op is Op.ALL else any(have)

    def rules_out(self, e: ModelEntry, c: Constraint) -> bool:
        """Whether the negated constraint leaves the entry out: by default, when it matches."""
        return self.match(e, c)

    def display(self, e: ModelEntry) -> str:
        return self._display(e)

    def why(self, e: ModelEntry, c: Constraint) -> str:
        return f"{self.label}: {self.display(e)}"

    def describe(self, c: Constraint, negated: bool = False, model_name: Callable[[str], str] = str) -> str:
        via = f" (as {model_name(c.via)})" if c.via and c.via != "paraphrase" else ""
        if c.of:  # "from labs that also have a paper model": the set the values come from, not the values one by one
            return f"{self.label} {'≠' if negated else '='} (the {self.label} of a model where {c.of})"
        names = [self.value_name(v) for v in c.values]
        if negated and len(names) > 1:
            return f"{self.label} ∉ {{{', '.join(names)}}}{via}"
        if c.op is Op.ONLY and len(names) > 2:  # a modality's domains ("text-only (no images)"): all of them within the set
            return f"{self.label} {'not ' if negated else ''}all within {{{', '.join(names)}}}{via}"
        text = (" and " if c.op in (Op.ALL, Op.ONLY) else " or ").join(names) + (" only" if c.op is Op.ONLY else "")
        return f"{self.label} {'≠' if negated else '='} {text}{via}"


@lru_cache(maxsize=1)
def _stated_patterns() -> tuple[tuple[str, tuple[re.Pattern, ...]], ...]:
    """The design mechanisms the catalog states in prose only (lexicon ``values.trait`` with ``text``): each value
    with the phrases the catalog's own notes use for it."""
    return tuple((value, tuple(phrase_pattern(str(p)) for p in spec["text"]), tuple(spec.get("fields", ())))
                 for value, spec in lexicon("en").values.get("trait", {}).items() if isinstance(spec, dict) and spec.get("text"))


@lru_cache(maxsize=1)
def io_trait_specs() -> tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]:
    """The traits that name what a model takes in and gives out (lexicon ``values.trait`` with ``io``: video input, image
    output, image to text): each with the inputs and the outputs it needs."""
    return tuple((value, tuple(spec["io"].get("inputs", ())), tuple(spec["io"].get("outputs", ())))
                 for value, spec in lexicon("en").values.get("trait", {}).items() if isinstance(spec, dict) and spec.get("io"))


def io_traits(e: ModelEntry) -> list[str]:
    """The traits an entry has by its recorded inputs and outputs ("image-to-text": images in, text out)."""
    ins, outs = {m.value for m in e.inputs}, {m.value for m in e.outputs}
    return [value for value, need_in, need_out in io_trait_specs() if set(need_in) <= ins and set(need_out) <= outs]


def architecture_notes(e: ModelEntry) -> list[str]:
    """The entry's own words on its design: its architecture note and its key points."""
    return [*([e.architecture_note] if e.architecture_note else []), *e.key_points]


def stated_traits(e: ModelEntry) -> dict[str, list[str]]:
    """The mechanisms the entry's note or key points name ("multigroup attention for efficient inference": multi-query
    attention), or the other fields a value lists (``fields``: video input from the application), each with the notes
    that name it."""
    notes = architecture_notes(e)
    # a value whose words may also stand in other fields of the entry (``fields``: "video in" in its application) reads those too
    more = lambda fields: [t for f in fields if isinstance(t := getattr(e, f, None), str) and t]
    found = {value: [n for n in notes + more(fields) if any(p.search(n) for p in patterns)]
             for value, patterns, fields in _stated_patterns()}
    return {v: ns for v, ns in found.items() if ns}


def design_notes(e: ModelEntry) -> list[str]:
    """The key points that speak of the entry's design: a mechanism they name (``stated_traits``) or a word of the
    lexicon's ``design_evidence`` ("native 8,192-token context", "RoPE, GeGLU and alternating local/global attention")."""
    evidence = [phrase_pattern(str(p)) for p in lexicon("en").data.get("design_evidence", [])]
    stated = {n for ns in stated_traits(e).values() for n in ns}
    return [n for n in e.key_points if n in stated or any(p.search(n) for p in evidence)]


class TraitFacet(Facet):
    """The recorded traits, and the mechanisms the entry's own notes name (quoted when they decide a match)."""

    def why(self, e: ModelEntry, c: Constraint) -> str:
        stated = stated_traits(e)
        quoted = [f"“{n}”" for v in c.values for n in stated.get(str(v), []) if str(v) not in {t.value for t in e.traits}]
        if any(str(v) in io_traits(e) for v in c.values):  # a trait of what goes in and out: the recorded inputs and outputs
            quoted.append(f"inputs: {', '.join(m.value for m in e.inputs)}; outputs: {', '.join(m.value for m in e.outputs)}")
        return f"{self.label}: {self.display(e)}" + (f" ({'; '.join(dict.fromkeys(quoted))})" if quoted else "")


class ObjectiveFacet(Facet):
    def why(self, e: ModelEntry, c: Constraint) -> str:
        out = []
        for v in c.values:
            o = Objective(v)
            if o in e.objectives:
                note = e.objective_notes.get(o)
                out.append(f"objective: {OBJECTIVE_LABELS[o]}" + (f" ({note})" if note else ""))
        return "; ".join(out) or f"objectives: {self.display(e)}"


class TextFacet(Facet):
    """A free-text field matched by a term that occurs in it (venue, license name, family)."""

    def match(self, e: ModelEntry, c: Constraint) -> bool:
        text = " ".join(self.values(e)).lower()
        return any(str(v).lower() in text for v in c.values)


class VenueFacet(TextFacet):
    """A venue named as a word of the paper's venue text: "ACL" is not found inside "NAACL" nor "TACL"."""

    def match(self, e: ModelEntry, c: Constraint) -> bool:
        text = " ".join(self.values(e))
        return any(phrase_pattern(str(v)).search(text) for v in c.values)


# How each licence name the lexicon reads shows in the catalog's licence text. Word-bounded, so "MIT"
# is not found inside "Limited" nor "CC" inside "accessible"; a name right after "code" ("code MIT;
# models under the DeepSeek Model License") licenses the code only, not the model, and does not count.
LICENSE_TEXT: dict[str, str] = {
    "MIT": r"\bMIT\b",
    "Modified MIT": r"\bModified\s+MIT\b",
    "Apache-2.0": r"\bApache\b",
    "BSD": r"\bBSD\b",
    "OpenRAIL": r"RAIL\b",
    "BigCode OpenRAIL-M": r"\bBigCode\s+OpenRAIL",
    "BigScience RAIL": r"\bBigScience\s+RAIL\b",
    "CreativeML OpenRAIL": r"\bCreativeML\s+Open\s*RAIL",
    "CC-BY-NC": r"\bCC[\s-]*BY[\s-]*NC\b",
    "CC-BY": r"\bCC[\s-]*BY\b",
    "non-commercial": r"\bnon[\s-]?commercial\b",
    "Llama community license": r"\bLlama\s*\d(?:\.\d)?\s+Community\s+License\b",
    "Gemma terms of use": r"\bGemma\s+Terms\b",
    "DeepSeek model license": r"\bDeepSeek\s+Model\s+License\b",
    "Qwen license": r"\bTongyi\s+Qianwen\b|\bQwen\s+license\b",
    "weights not released": r"\bnot\s+released\b|\bclosed\s+source\b",
    "API access": r"\bAPI\b",
    "API only": r"\Aclosed\b.*?\bAPI\b",  # "Closed source, accessible through API": no weights, the API the way in
}
# a licence named in the text is not the model's own right after "code" (its code's licence, not its weights') nor in a
# clause about a later release ("Limited at release: ...; later Yi releases (Yi-1.5) are Apache-2.0")
_NOT_ITS_OWN = re.compile(r"\bcode\s+$|\blater\b[^;]*$", re.I)


class LicenseNameFacet(TextFacet):
    """A named licence (MIT, Apache-2.0, the Llama community license...) found in the licence text."""

    def match(self, e: ModelEntry, c: Constraint) -> bool:
        return any(self.names(e.license, str(v)) for v in c.values)

    @staticmethod
    def names(text: str, value: str) -> bool:
        pattern = LICENSE_TEXT.get(value) or rf"(?<!\w){re.escape(value)}(?!\w)"
        return any(not _NOT_ITS_OWN.search(text[:m.start()])
                   for m in re.finditer(pattern, text, re.I))


class FamilyFacet(TextFacet):
    """A family is the catalog's family field, whole ("GLM (General Language Model)" is GLM): the BERT
    family is the models filed under BERT, not Megatron's "GPT/BERT/T5" nor BART's "BERT (encoder) +
    GPT (decoder)", which mix several. The model the family is named after belongs to it too, even
    when the catalog files it under a wider family (T5 and LLaMA are filed under "Transformer")."""

    def match(self, e: ModelEntry, c: Constraint) -> bool:
        family = _FAMILY_NOTE.sub("", e.family).strip().lower()
        return any(str(v).lower() in (family, e.name.lower()) for v in c.values)

    def rules_out(self, e: ModelEntry, c: Constraint) -> bool:
        """"outside the GPT family" leaves out every model the family field files under GPT, also
        among other families ("GPT; Control Transformers"): a model of several families is not
        outside any of them. A hybrid built of parts ("BERT (encoder) + GPT (decoder)", "GPT/BERT/T5")
        is a family of its own, as for the positive constraint."""
        names = {p.lower() for p in family_parts(e.family, parts=False)} | {e.name.lower()}
        return any(str(v).lower() in names for v in c.values)


_FAMILY_NOTE = re.compile(r"\s*\([^)]*\)")  # "Jamba (Transformer + Mamba)" is the Jamba family


@lru_cache(maxsize=4096)  # a negated family asks it of every entry: the family strings are few
def family_parts(family: str, parts: bool = True) -> tuple[str, ...]:
    """The family names a catalog ``family`` field lists: "T5, CLIP, Diffusion models" and "GPT; Control
    Transformers" list families; with ``parts``, also the parts of a hybrid ("LLaMA (Vicuna) + CLIP":
    LLaMA and CLIP; "GPT/BERT/T5")."""
    split = r"[;,/+]" if parts else r"[;,]"
    names = (re.sub(r"\s+models?$", "", p.strip()) for p in re.split(split, _FAMILY_NOTE.sub("", family)))
    return tuple(n for n in names if n)


def spaced(term: str) -> str:
    """A corpus name as a regex, spaces and hyphens optional ("Common Crawl" finds "CommonCrawl"):
    the same in the question (assistant.parse) and in the catalog's corpus text."""
    return r"[\s\-]*".join(re.escape(w) for w in re.split(r"[\s\-]+", term) if w)


# the catalog's "Same as BERT": the corpus of another model, taken over (the words are the lexicon's same_corpus_words,
# which "the same data as X" is also read into)
SAME_AS = re.compile(r"\b(?:" + "|".join(map(re.escape, lexicon("en").data["same_corpus_words"])) + r")\s+", re.I)
_HEAD = re.compile(r"^\s*([A-Z][\w-]*[A-Za-z0-9])(?=\s*[:(]|\s*$)")  # a corpus that is one named dataset ("MassiveText (1.4T tokens)")


class CorpusFacet(TextFacet):
    """Training corpus text: a term anywhere in it, unless the clause holding it negates it
    ("not trained on the Pile" does not match "Pile")."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.owners: dict[int, dict] = {}  # id(entry) -> its catalog's models, as LineageFacet keeps them

    def bind(self, models: dict) -> None:
        self.owners.update({id(e): models for e in models.values()})

    def match(self, e: ModelEntry, c: Constraint) -> bool:
        return any(self.same_data(e, str(v)) if SAME_AS.match(str(v)) else self.mentions(e.corpus, str(v)) for v in c.values)

    def same_data(self, e: ModelEntry, value: str) -> bool:
        """"Same as Chinchilla" (the same training data as Chinchilla): a corpus that says so, or that takes over the
        corpus of a model whose data is the same one named dataset as Chinchilla's (GopherCite, "Same as Gopher":
        MassiveText). A chain through a corpus with additions ("Same as BERT + CC-News") is no sameness."""
        if self.mentions(e.corpus, value):
            return True
        models = self.owners.get(id(e)) or {}
        target = self._named(models, value[SAME_AS.match(value).end():])
        head = _HEAD.match(target.corpus) if target else None
        return bool(head) and any(_HEAD.match(x.corpus) and _HEAD.match(x.corpus).group(1) == head.group(1)
                                  for x in self._sources(e, models) if x.id != target.id)

    def _sources(self, e: ModelEntry, models: dict) -> list[ModelEntry]:
        """The models whose corpus ``e`` says it takes over."""
        return [x for m in SAME_AS.finditer(e.corpus) if (x := self._named(models, e.corpus[m.end():])) and x.id != e.id]

    @staticmethod
    def _named(models: dict, text: str) -> ModelEntry | None:
        """The model whose name (or alias) ``text`` starts with, the longest name first."""
        low = text.lower()
        names = sorted(((n.lower(), x) for x in models.values() for n in (x.name, *x.aliases) if n), key=lambda p: -len(p[0]))
        return next((x for n, x in names if low.startswith(n) and not low[len(n):len(n) + 1].isalnum()), None)

    @staticmethod
    @lru_cache(maxsize=8192)
    def mentions(corpus: str, term: str) -> bool:
        pattern = re.compile(rf"(?<!\w){spaced(term)}\d*(?!\w)", re.I)  # "WebText" finds "WebText2"
        for clause in re.split(r";|\.\s", corpus):
            m = pattern.search(clause)
            if m and not NEGATED.search(clause[: m.start()]):
                return True
        return False

    def describe(self, c: Constraint, negated: bool = False, model_name=str) -> str:
        return f"corpus {'excludes' if negated else 'includes'} " + " or ".join(map(str, c.values))


class NumberFacet(Facet):
    """A number compared with a bound (dates as year*100+month, sizes in millions)."""

    def __init__(self, name, label, number: Callable[[ModelEntry], float | None], show: Callable[[float], str],
                 display: Callable[[ModelEntry], str], group=None, numbers=None):
        super().__init__(name, label, lambda e: [], display, group=group)
        self.number, self.show = number, show
        self.numbers = numbers or (lambda e: [x] if (x := number(e)) is not None else [])

    def value_name(self, value) -> str:
        return UNKNOWN if str(value) == UNKNOWN else self.show(float(value))

    def _test(self, x: float, c: Constraint) -> bool:
        v = float(c.values[0])
        if c.op is Op.BETWEEN:
            lo_open, hi_open = c.open_ends or (False, False)
            hi = float(c.values[-1])
            return (v < x if lo_open else v <= x) and (x < hi if hi_open else x <= hi)
        near = EQ_VERSION if c.quant is Quant.SOME else stated_near(v) if self.name == "size" else EQ_NEAR
        return {Op.GT: x > v, Op.GE: x >= v, Op.LT: x < v, Op.LE: x <= v,
                Op.EQ: abs(x - v) <= near * v, Op.EXACT: abs(x - v) <= 1e-6 * max(v, 1), Op.IN: x == v, Op.ALL: x == v}[c.op]

    def match(self, e: ModelEntry, c: Constraint) -> bool:
        if [str(v) for v in c.values] == [UNKNOWN]:
            return not self.numbers(e)
        if c.quant is Quant.SMALLEST:
            xs = self.numbers(e)
            return bool(xs) and self._test(min(xs), c)
        if c.quant is Quant.ACTIVE:  # "more than 20B active parameters": the sizes labelled active per token
            return any(self._test(v.millions, c) for v in e.params.variants if is_active(v))
        if c.quant is Quant.LARGEST or c.quant is Quant.TOP:  # a value equal to any size, unless said of the largest (TOP)
            xs = self.numbers(e) if c.op in (Op.EQ, Op.EXACT) and c.quant is Quant.LARGEST else [x for x in [self.number(e)] if x is not None]
            return any(self._test(x, c) for x in xs)
        xs = self.numbers(e)
        if not xs:
            return False
        if c.quant is Quant.EVERY:
            return all(self._test(x, c) for x in xs)
        return sum(1 for x in xs if self._test(x, c)) >= c.times  # some size ("at least two versions over 10B": two)

    def describe(self, c: Constraint, negated: bool = False, model_name=str) -> str:
        pos, neg = _OPS.get(c.op, ("=", "≠"))
        if [str(v) for v in c.values] == [UNKNOWN]:
            return f"{self.label} {'≠' if negated else '='} {UNKNOWN}"
        via = f" (as {model_name(c.via)})" if c.via and c.via != "paraphrase" else ""
        value = self.value_name(c.values[0])
        if c.op is Op.BETWEEN and self.name == "date" and c.values[0] == c.values[-1]:  # one month: "date = 2024-03"
            c = c.model_copy(update={"op": Op.EQ})
        elif c.op is Op.BETWEEN and self.name == "date" and int(c.values[0]) % 100 == 1 and int(c.values[-1]) == int(c.values[0]) + 11:
            pos, neg, value = "in", "not in", str(int(c.values[0]) // 100)  # a whole year: "date in 2023"
        elif c.op is Op.BETWEEN:
            pos, neg, value = "in", "not in", f"{value}–{self.value_name(c.values[-1])}"
            if c.open_ends and any(c.open_ends):  # "(10B, 100B)": an end left out
                value = f"{'(' if c.open_ends[0] else '['}{self.value_name(c.values[0])}, {self.value_name(c.values[-1])}{')' if c.open_ends[1] else ']'}"
        if c.quant is Quant.SOME and c.times > 1:
            return f"{'fewer than' if negated else 'at least'} {c.times} variants with {self.label} {pos} {value}{via}"
        if c.quant is Quant.SOME:
            return f"{'no' if negated else 'some'} variant with {self.label} {pos} {value}{via}"
        if c.quant is Quant.EVERY:
            return f"{'not every' if negated else 'every'} variant with {self.label} {pos} {value}{via}"
        if c.quant is Quant.SMALLEST:
            return f"smallest variant {self.label} {neg if negated else pos} {value}{via}"
        if c.quant is Quant.TOP:
            return f"largest variant {self.label} {neg if negated else pos} {value}{via}"
        if c.quant is Quant.ACTIVE:
            return f"active {self.label} (per token) {neg if negated else pos} {value}{via}"
        return f"{self.label} {neg if negated else pos} {value}{via}"

    def known(self, e: ModelEntry) -> bool:
        return bool(self.numbers(e))

    def why(self, e: ModelEntry, c: Constraint) -> str:
        return f"{self.label}: {self.display(e)}"


def is_active(variant) -> bool:
    """A size variant the catalog labels as the parameters active per token (Mixtral's 13B of 47B)."""
    return "active" in (variant.label or "").lower()


def _configuration(label: str) -> str:
    """A size label without its count words, as written: "V2-Lite active per token" and "V2-Lite total" name one
    configuration, "V2-Lite" (compared case-folded)."""
    text = re.sub(r"\([^)]*\)", " ", label or "")
    return " ".join(re.sub(r"\b(active per token|active|total)\b", " ", text, flags=re.I).split())


def active_share_items(e: ModelEntry) -> list[tuple[str, float]]:
    """(configuration, share) for each mixture-of-experts configuration: the share of its parameters it uses per token,
    an active size over the total of the same configuration (DeepSeek-V2: ("", 21B of 236B), ("V2-Lite", 2.4B of 16B));
    none without both counts. The configuration is the size label without its count words, as the entry writes it."""
    totals = {_configuration(v.label).casefold(): v.millions for v in e.params.variants
              if "total" in (v.label or "").lower() and not is_active(v)}
    return [(name, v.millions / totals[name.casefold()]) for v in e.params.variants if is_active(v)
            and (name := _configuration(v.label)).casefold() in totals and totals[name.casefold()]]


def active_shares(e: ModelEntry) -> list[float]:
    """The shares of ``active_share_items``."""
    return [share for _, share in active_share_items(e)]


def released_sizes(e: ModelEntry) -> list[float]:
    """The sizes a model was released at: its variants, except a count the catalog labels active per token (Mixtral's
    13B of 47B is no smaller model); the largest size when no variant is listed."""
    sizes = [v.millions for v in e.params.variants if not is_active(v)]
    return sizes or ([e.params.max_millions] if e.params.max_millions else [])


def owned_values(e: ModelEntry, attribute: Attribute) -> list:
    """A model's own recorded values of one field, as a count of them counts them ("how many sizes does LLaMA come in?",
    "the model credited to the most labs"): its released sizes (smallest first), its labs, its objectives, or the
    authors its paper names (not "et al.")."""
    if attribute is Attribute.PARAMS:
        return sorted(released_sizes(e))
    return {Attribute.LABS: list(e.org_names), Attribute.OBJECTIVE: list(e.objectives),
            Attribute.AUTHORS: [a for a in e.paper.authors if a != ET_AL]}[attribute]


def _moe_marked(variant) -> bool:
    """A size variant the catalog labels as a mixture-of-experts count (a total, an active count, "MoE": the lexicon's
    ``size_kind_words``)."""
    label = (variant.label or "").lower()
    return is_active(variant) or any(w in label for w in lexicon("en").data["size_kind_words"]["moe_labels"])


def sizes_by_kind(e: ModelEntry) -> tuple[list[float], list[float]]:
    """(dense sizes, mixture-of-experts sizes) of a model's released sizes. A model without the mixture-of-experts
    trait is dense throughout; one with it has its labelled counts (totals, or the active count of a configuration
    without a total) as its experts' configurations and its other sizes dense (Qwen3: six dense sizes, two MoE),
    and all its sizes are experts' when no label singles any out (Switch) unless its size text calls them dense."""
    if "mixture-of-experts" not in e.traits:
        return released_sizes(e), []
    variants = e.params.variants
    if not any(_moe_marked(v) for v in variants):  # the entry's own words say which (Qwen2.5's "dense models at ...")
        dense = any(phrase_pattern(w).search(e.params.raw or "") for w in lexicon("en").data["size_kind_words"]["dense"])
        return (released_sizes(e), []) if dense else ([], released_sizes(e))
    totals = {_configuration(v.label).casefold() for v in variants if _moe_marked(v) and not is_active(v)}
    moe = [v.millions for v in variants if _moe_marked(v) and not is_active(v)]
    moe += [v.millions for v in variants if is_active(v) and _configuration(v.label).casefold() not in totals]
    return [v.millions for v in variants if not _moe_marked(v)], moe


def sizes_of_kind(e: ModelEntry, kind: str) -> tuple[list[float], list[float]]:
    """(the sizes of a kind, the others) of a model's released sizes: "dense" and "moe" as ``sizes_by_kind`` splits
    them; "distilled" the sizes labelled with a word of the lexicon's ``size_kind_words.distilled`` (DeepSeek-R1's
    distilled students), or every size of a model that is itself distilled (DistilBERT) when none is labelled."""
    if kind in ("dense", "moe"):
        dense, moe = sizes_by_kind(e)
        return (dense, moe) if kind == "dense" else (moe, dense)
    words = lexicon("en").data["size_kind_words"].get(kind, [])
    labelled = [v for v in e.params.variants if not is_active(v) and any(w in (v.label or "").lower() for w in words)]
    sizes = released_sizes(e)
    if not labelled:
        return (sizes, []) if any(o.value == "knowledge-distillation" for o in e.objectives) else ([], sizes)
    kept = [v.millions for v in labelled]
    return kept, [x for x in sizes if x not in kept]


def _ancestors(catalog_models: dict, model_id: str) -> set[str]:
    seen: set[str] = set()
    todo = list(catalog_models[model_id].derived_from) if model_id in catalog_models else []
    while todo:
        m = todo.pop()
        if m not in seen and m in catalog_models:
            seen.add(m)
            todo += catalog_models[m].derived_from
    return seen


def namesake_family(models: dict, model_id: str) -> set[str]:
    """The models of the family named after a model ("LLaMA": Llama 3, Tülu 3, ...), whether or not a parent is
    recorded for them."""
    e = models.get(model_id)
    return {x.id for x in models.values() if e and x.family.lower() == e.name.lower()} - {model_id}


ANY_MODEL = "*"  # a lineage value: "derived from any other model" (negated: a root, trained from scratch)


class LineageFacet(Facet):
    """Derived from a model: directly (``derived``) or through any chain of parents (``descends``);
    the value ``ANY_MODEL`` stands for any parent at all."""

    def __init__(self, name, label, transitive: bool):
        super().__init__(name, label, lambda e: list(e.derived_from))
        self.transitive = transitive
        self.owners: dict[int, tuple[ModelEntry, dict]] = {}  # id(entry) -> (entry, its catalog's models)

    def bind(self, models: dict) -> None:
        """Remember which catalog each entry belongs to: a process may hold several (the whole
        catalog and the paper's 77, side by side in ``serve``), and a chain of parents is
        followed in the entry's own catalog, whichever was loaded last. The entry is kept with
        its catalog, so its id stays unique while it is registered."""
        self.owners.update({id(e): (e, models) for e in models.values()})

    def values(self, e: ModelEntry) -> list[str]:
        owner = self.owners.get(id(e)) if self.transitive else None
        return sorted(_ancestors(owner[1], e.id)) if owner and owner[0] is e else list(e.derived_from)

    def match(self, e: ModelEntry, c: Constraint) -> bool:
        if ANY_MODEL in c.values:
            return bool(e.derived_from)
        return super().match(e, c)

    def rules_out(self, e: ModelEntry, c: Constraint) -> bool:
        """"not descended from LLaMA" leaves out LLaMA's whole line, LLaMA itself included; a direct
        parent ("don't list Gopher as their parent") and a described set of parents leave out only
        the children."""
        named = self.transitive and not c.of and e.id in {str(v) for v in c.values}
        return named or self.match(e, c)

    def describe(self, c: Constraint, negated: bool = False, model_name=str) -> str:
        names = (" and " if c.op is Op.ALL else " or ").join("another model" if v == ANY_MODEL else model_name(str(v)) for v in c.values)
        if c.of:  # "derived from a Google model": the set, not its members one by one
            names = f"(a model where {c.of})"
        if negated and self.transitive and not c.of and ANY_MODEL not in c.values:
            return f"outside the line of {names}"  # the model itself left out too (``rules_out``)
        if negated:
            return f"not {'descended' if self.transitive else 'derived'} from {names}"
        return f"{'descends from' if self.transitive else 'derived from'} {names}"


class OffspringFacet(LineageFacet):
    """The inverse of a lineage: a model some of whose children (``parent``) or descendants at any depth
    (``ancestor``) are among the values ("paper models that have successors among the additions")."""

    def values(self, e: ModelEntry) -> list[str]:
        owner = self.owners.get(id(e))
        if not owner or owner[0] is not e:
            return []
        models = owner[1]
        return sorted(m for m in models if e.id in (_ancestors(models, m) if self.transitive else models[m].derived_from))

    def match(self, e: ModelEntry, c: Constraint) -> bool:
        return bool(self.values(e)) if ANY_MODEL in c.values else Facet.match(self, e, c)

    def rules_out(self, e: ModelEntry, c: Constraint) -> bool:
        return self.match(e, c)

    def why(self, e: ModelEntry, c: Constraint) -> str:
        wanted = {str(v) for v in c.values}
        return f"{self.label}: " + ", ".join(v for v in self.values(e) if v in wanted or ANY_MODEL in wanted)

    def describe(self, c: Constraint, negated: bool = False, model_name=str) -> str:
        names = f"(a model where {c.of})" if c.of else " or ".join("another model" if v == ANY_MODEL else model_name(str(v))
                                                                   for v in c.values)
        return f"{'not ' if negated else ''}{self.label} {names}"




class SharedFacet(Facet):
    """A field with many values, of which a set question names some ("the authors of XLNet"): a model's line shows the
    values it shares with the question, not all of its own."""

    def why(self, e: ModelEntry, c: Constraint) -> str:
        wanted = {str(v) for v in c.values}
        return f"{self.label}: " + ", ".join(v for v in self.values(e) if v in wanted)


class NameFacet(Facet):
    """A word inside a model's name or one of its aliases ("the models with GPT in their name": GPT-2, InstructGPT,
    DialoGPT ...), case aside."""

    def match(self, e: ModelEntry, c: Constraint) -> bool:
        names = [n.lower() for n in self.values(e)]
        return any(str(v).lower() in n for v in c.values for n in names)

    def describe(self, c: Constraint, negated: bool = False, model_name=str) -> str:
        return f"name {'does not contain' if negated else 'contains'} " + " or ".join(f'"{v}"' for v in c.values)


class ModelFacet(Facet):
    def describe(self, c: Constraint, negated: bool = False, model_name=str) -> str:
        names = ", ".join(model_name(str(v)) for v in c.values)
        return f"model {'≠' if negated else '='} {names}"


# how near a size must be to the number asked: a model's size said plainly ("7B models") allows rounding; a released
# version named by its size ("has a 7B version", "comes in a 175B size") is that version's label, so Pythia's 6.9B is
# no 7B version and BLOOM's 176B no 175B one
EQ_NEAR, EQ_VERSION = 0.02, 0.004


def stated_near(millions: float) -> float:
    """How near a size said plainly must be: rounding, but no finer than the number's own last digit allows ("7B models"
    takes Pythia's 6.9B, "20B" any size within 2%; "175B models" are 175B to the unit, so BLOOM's 176B and Jurassic-1's
    178B are no 175B models): half a step of the last digit written, at most ``EQ_NEAR``."""
    unit = 1e6 if millions >= 1e6 else 1e3 if millions >= 1e3 else 1.0
    x = millions / unit
    written = f"{x:.6g}"
    if "e" in written or x <= 0:
        return EQ_NEAR
    whole, _, decimals = written.partition(".")
    step = 10.0 ** -len(decimals) if decimals else 10.0 ** (len(whole) - len(whole.rstrip("0")))
    return min(EQ_NEAR, step / 2 / x)

# facets that count a model's values in one field ("more than one lab", "whose only objective is ..."): numbers, not values
COUNT_FACETS = ("variants", "labs", "domains", "parents", "objectives")

FACETS: dict[str, Facet] = {f.name: f for f in [
    Facet("architecture", "architecture", lambda e: [e.architecture.value], group="architecture"),
    ObjectiveFacet("objective", "objective", lambda e: [o.value for o in e.objectives],
                   display=lambda e: ", ".join(OBJECTIVE_LABELS[o] for o in e.objectives),
                   names=lambda v: OBJECTIVE_LABELS.get(Objective(v), v) if v in Objective._value2member_map_ else v,
                   group="objective"),
    Facet("lab", "lab", lambda e: sorted(e.lab_keys), display=lambda e: ", ".join(e.labs), group="lab"),
    # the labs a model is credited to, without the labs a merged lab stands for ("Google DeepMind, not the old Google or
    # DeepMind ones": Gemma is credited to Google DeepMind only)
    Facet("lab_credited", "lab as credited", lambda e: sorted(e.org_names), display=lambda e: ", ".join(e.labs)),
    # the lab names the catalog records, each as written ("Microsoft", not "Microsoft Research"; "Meta", not "Facebook")
    Facet("lab_written", "lab as recorded", lambda e: list(e.labs), display=lambda e: ", ".join(e.labs)),
    Facet("license", "license", lambda e: [e.license_class.value],
          display=lambda e: f"{e.license_class.value} ({e.license})", group="license"),
    LicenseNameFacet("license_name", "license", lambda e: [e.license],
                     display=lambda e: f"{e.license_class.value} ({e.license})"),
    Facet("domain", "domain", lambda e: [d.value for d in e.domains], group="domain"),
    # what a model takes in and gives out ("models that take video as input", "does Imagen output text?")
    Facet("input", "input", lambda e: [m.value for m in e.inputs], group="input", names=modality_name,
          display=lambda e: ", ".join(modality_name(m.value) for m in e.inputs)),
    Facet("output", "output", lambda e: [m.value for m in e.outputs], group="output", names=modality_name,
          display=lambda e: ", ".join(modality_name(m.value) for m in e.outputs)),
    TraitFacet("trait", "trait", lambda e: list(dict.fromkeys([*(t.value for t in e.traits), *stated_traits(e), *io_traits(e)])),
               group="trait"),
    NumberFacet("date", "date", lambda e: e.date.key, month_label, display=lambda e: str(e.date), group="year"),
    # the month of the year a model came out, whatever the year ("released in a January, any year")
    NumberFacet("month", "release month", lambda e: float(e.date.month), month_name, display=lambda e: str(e.date)),
    # released sizes only: Mixtral's 13B active per token is no second size of it; a model whose size is not disclosed
    # has no known number of sizes ("only one size" is no reading of mBART's "same as BART (large)")
    NumberFacet("variants", "size variants", lambda e: float(len(released_sizes(e))) or None, lambda v: f"{v:g}",
                display=lambda e: e.params.raw),
    NumberFacet("labs", "labs credited", lambda e: float(len(e.labs)), lambda v: f"{v:g}", display=lambda e: ", ".join(e.labs)),
    # the share of its parameters a mixture of experts uses per token (the smallest share of its configurations)
    NumberFacet("active_share", "share of parameters active per token", lambda e: min(active_shares(e), default=None),
                lambda v: f"{v * 100:.3g}%", display=lambda e: e.params.raw, numbers=active_shares),
    # how many models a model is recorded as derived from ("derived from more than one parent model"); a root has none
    NumberFacet("parents", "parent models", lambda e: float(len(e.derived_from)), lambda v: f"{v:g}",
                display=lambda e: ", ".join(e.derived_from) or "none"),
    # how many domains a model lists ("whose only domain is code": one, and it is code)
    NumberFacet("domains", "domains listed", lambda e: float(len(e.domains)), lambda v: f"{v:g}",
                display=lambda e: ", ".join(d.value for d in e.domains)),
    # how many training objectives a model lists ("whose only objective is MLM", "more than one training objective")
    NumberFacet("objectives", "objectives listed", lambda e: float(len(e.objectives)), lambda v: f"{v:g}",
                display=lambda e: ", ".join(o.value for o in e.objectives)),
    NumberFacet("size", "size", lambda e: e.params.max_millions, size_label, display=lambda e: e.params.raw,
                numbers=released_sizes),
    CorpusFacet("corpus", "corpus", lambda e: [e.corpus]),
    VenueFacet("venue", "venue", lambda e: [e.paper.venue]),
    Facet("arxiv", "arXiv paper", lambda e: ["yes" if e.paper.arxiv_id else "no"],
          display=lambda e: f"arXiv:{e.paper.arxiv_id}" if e.paper.arxiv_id else f"none ({e.paper.venue})",
          names=lambda v: {"yes": "yes", "no": "no (no arXiv id recorded)"}.get(v, v)),
    # the source paper a model is cited by ("introduced in the same paper as Flan-T5"): its arXiv id, else its title or link
    Facet("paper", "source paper", lambda e: [e.paper.arxiv_id or e.paper.title or e.paper.url],
          display=lambda e: f"arXiv:{e.paper.arxiv_id}" if e.paper.arxiv_id else e.paper.title or e.paper.url),
    # whether the catalog records a size active per token (a variant so labelled: "13B active per token")
    Facet("active", "active parameters", lambda e: ["yes" if any(is_active(v) for v in e.params.variants) else "no"],
          display=lambda e: e.params.raw, names=lambda v: {"yes": "recorded", "no": "not recorded"}.get(v, v)),
    LineageFacet("derived", "derived from", transitive=False),
    LineageFacet("descends", "descends from", transitive=True),
    OffspringFacet("parent", "parent of", transitive=False),
    OffspringFacet("ancestor", "ancestor of", transitive=True),
    FamilyFacet("family", "family", lambda e: [e.family, e.name], display=lambda e: e.family, group="family"),
    Facet("finetuned", "fine-tuned", lambda e: ["yes" if e.task_is_finetuning else "no"],
          display=lambda e: "fine-tuning task" if e.task_is_finetuning else "pretrained (not a fine-tuning task)",
          names=lambda v: {"yes": "yes (built by fine-tuning a pretrained model)", "no": "no (trained from scratch)"}.get(v, v)),
    ModelFacet("model", "model", lambda e: [e.id]),
    NameFacet("name", "name", lambda e: [e.name, *e.aliases], display=lambda e: e.name),
    # the authors of the model's paper ("the other models these authors worked on": a name they share)
    SharedFacet("author", "author", lambda e: author_names(e.paper.authors)),
    Facet("catalog", "catalog", lambda e: [PAPER if e.in_paper else BEYOND],
          names=lambda v: CATALOG_NAMES.get(v, v)),
]}


def bind(models: dict) -> None:
    """Give the lineage facets a catalog (they follow chains of parents)."""
    for f in FACETS.values():
        if isinstance(f, (LineageFacet, CorpusFacet)):
            f.bind(models)


def group_values(key: str, e: ModelEntry) -> list[str]:
    """The values an entry is counted under for a breakdown ("models per lab")."""
    if key == "year":
        return [str(e.date.year)]
    if key == "half":  # "the first half versus the second half": the half of its year a model came out in
        return [f"{e.date.year} H{1 if e.date.month <= 6 else 2}"]
    if key == "quarter":
        return [f"{e.date.year} Q{(e.date.month - 1) // 3 + 1}"]
    if key == "month":  # "which month of the year saw the most releases?": the month, whatever the year (sorts in order)
        return [f"{e.date.month:02d}"]
    if key == "objective":
        return [o.value for o in e.objectives]
    if key == "lab":
        return list(e.org_names)
    facet = next(f for f in FACETS.values() if f.group == key)
    return [e.family] if key == "family" else facet.values(e)


def silent_trait(models: dict, e: ModelEntry, c: Constraint) -> bool:
    """Whether a trait constraint fails on a paper model only because the catalog tags that trait on the additions alone
    (grouped-query attention, SwiGLU, ...: the paper's entries were never tagged for them), so the entry is silent on
    it rather than a no ("does PaLM use SwiGLU?"). The traits are the catalog's own: those no paper model carries."""
    if c.facet != "trait" or not e.in_paper or set(map(str, c.values)) & {v for v, _, _ in io_trait_specs()}:
        return False  # what a model takes in and gives out is recorded for every entry: never silent
    trait = FACETS["trait"]
    paper = {t for x in models.values() if x.in_paper for t in trait.values(x)}
    added = {t for x in models.values() if not x.in_paper for t in trait.values(x)}
    return set(c.values) <= added - paper
