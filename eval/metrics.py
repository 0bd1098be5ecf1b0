"""Scoring one answer against one gold item, and aggregating a run. Pure functions, no I/O.

A gold item is a ``GoldItem``; an answer is the contract's JSON object (``ask_one`` output or a
baseline's imitation of it), read once into a ``Response``. Each item is scored by its own
kind of metric (``item_kind``), giving a score in [0, 1]:

    list      F1 of the answer's models against expected_models (optional_models ignored)
    fact      every expected_values group found in the text and the expected models named
    citation  every expected arXiv id cited (or, with none given, the expected models cited)
    compare   models equal as a set and every expected_values group found
    concept   the fraction of expected_keywords in the text
    abstain   1 when the answer abstained

A non-abstain item scores 0 when the answer abstained (or failed with an error).
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from enum import Enum
from statistics import mean
from typing import Iterable, Sequence

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

SET_INTENTS = frozenset({"list", "count", "lineage"})
RETRIEVAL_KS = (5, 10)
NDCG_K = 10


class GoldItem(BaseModel):
    """One line of eval/gold/*.jsonl."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    id: str = Field(min_length=1)
    question: str
    history: list[str] = Field(default_factory=list)
    intent: str = Field(min_length=1)
    category: str = Field(min_length=1)
    expected_models: list[str] = Field(default_factory=list)
    optional_models: list[str] = Field(default_factory=list)
    expected_values: list[list[str]] = Field(default_factory=list)
    expected_arxiv: list[str] = Field(default_factory=list)
    expected_keywords: list[str] = Field(default_factory=list)
    abstain: bool = False
    source: str = ""

    @field_validator("expected_values")
    @classmethod
    def _groups_not_empty(cls, groups: list[list[str]]) -> list[list[str]]:
        if any(not g or any(not f.strip() for f in g) for g in groups):
            raise ValueError("every expected_values group needs at least one non-empty form")
        return groups

    @model_validator(mode="after")
    def _abstain_expects_nothing(self) -> "GoldItem":
        if self.abstain and (self.expected_models or self.expected_values or self.expected_arxiv):
            raise ValueError("an abstain item cannot expect models, values or citations")
        return self


class Kind(str, Enum):
    LIST = "list"
    FACT = "fact"
    CITATION = "citation"
    COMPARE = "compare"
    CONCEPT = "concept"
    ABSTAIN = "abstain"


@dataclass(frozen=True)
class Response:
    """The parts of a contract answer object that scoring reads."""

    text: str = ""
    models: tuple[str, ...] = ()
    cited_models: tuple[str, ...] = ()
    cited_arxiv: tuple[str, ...] = ()
    abstained: bool = False
    retrieved_models: tuple[str, ...] = ()
    latency_ms: float | None = None
    error: str | None = None

    @classmethod
    def from_json(cls, data: dict) -> "Response":
        if data.get("error"):
            return cls(error=str(data["error"]))
        citations = data.get("citations") or []
        return cls(
            text=str(data.get("answer") or ""),
            models=tuple(data.get("models") or ()),
            cited_models=tuple(c["model"] for c in citations if c.get("model")),
            cited_arxiv=tuple(c["arxiv_id"] for c in citations if c.get("arxiv_id")),
            abstained=bool(data.get("abstained")),
            retrieved_models=dedupe(r.get("model") for r in data.get("retrieved") or ()),
            latency_ms=data.get("latency_ms"),
        )


@dataclass(frozen=True)
class Retrieval:
    recall_at_5: float
    recall_at_10: float
    mrr: float
    ndcg_at_10: float


@dataclass(frozen=True)
class ItemScore:
    id: str
    intent: str
    category: str
    kind: Kind
    score: float
    abstained: bool
    error: str | None = None
    f1: float | None = None
    fact: bool | None = None
    citation: bool | None = None
    compare: bool | None = None
    keyword_recall: float | None = None
    retrieval: Retrieval | None = None
    latency_ms: float | None = None
    notes: tuple[str, ...] = ()


# -- text matching ----------------------------------------------------------------------------
_DASHES = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u00ad": ""})
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>~])")


def normalize(text: str) -> str:
    """Lowercase, NFKC (so non-breaking spaces are spaces), Markdown escapes removed."""
    text = unicodedata.normalize("NFKC", text).translate(_DASHES)
    return _MD_ESCAPE.sub(r"\1", text).lower()


def contains_form(text: str, form: str) -> bool:
    """Case-insensitive substring match of ``form`` in ``text``, with two guards against
    accidental hits: a form starting with a letter or digit must not continue a word or a
    number ("6B" is not found in "16B" or "1.6B", "GPT" not in "InstructGPT"), and a bare
    number must stand alone ("7" is not found in "2017", "7B" or "1.7")."""
    form = normalize(form).strip()
    if not form:
        return False
    pattern = re.escape(form)
    if form[0].isalnum():
        pattern = r"(?<![0-9a-z])(?<![0-9][.,])" + pattern
    if form.isdigit():
        pattern += r"(?![0-9a-z])(?![.,][0-9])"
    return re.search(pattern, normalize(text)) is not None


def missing_groups(text: str, groups: Sequence[Sequence[str]]) -> list[list[str]]:
    """The expected_values groups none of whose forms appear in ``text``."""
    return [list(g) for g in groups if not any(contains_form(text, f) for f in g)]


def keyword_recall(text: str, keywords: Sequence[str]) -> float:
    """Fraction of keywords found as plain lowercase substrings (1.0 when none are expected)."""
    if not keywords:
        return 1.0
    low = normalize(text)
    return sum(1 for k in keywords if k.lower() in low) / len(keywords)


# -- sets and rankings ------------------------------------------------------------------------
def dedupe(ids: Iterable[str | None]) -> tuple[str, ...]:
    """Distinct non-empty ids, first occurrence kept, order kept."""
    seen: dict[str, None] = {}
    for i in ids:
        if i and i not in seen:
            seen[i] = None
    return tuple(seen)


def set_prf(got: Sequence[str], expected: Sequence[str], optional: Sequence[str] = ()) -> tuple[float, float, float]:
    """Precision, recall, F1 of ``got`` against ``expected``; optional ids count for neither."""
    opt = set(optional)
    exp = set(expected) - opt
    pred = set(got) - opt
    if not exp and not pred:
        return 1.0, 1.0, 1.0
    tp = len(pred & exp)
    p = tp / len(pred) if pred else 0.0
    r = tp / len(exp) if exp else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def retrieval_scores(ranked: Sequence[str], relevant: Sequence[str], ignore: Sequence[str] = ()) -> Retrieval:
    """Recall@5/10, MRR and nDCG@10 of a ranked list of model ids (binary relevance)."""
    skip = set(ignore)
    ranking = [m for m in dedupe(ranked) if m not in skip]
    rel = set(relevant) - skip
    if not rel:
        raise ValueError("retrieval metrics need at least one relevant model")
    recall = {k: len(rel & set(ranking[:k])) / len(rel) for k in RETRIEVAL_KS}
    first = next((i for i, m in enumerate(ranking, start=1) if m in rel), None)
    dcg = sum(1 / math.log2(i + 1) for i, m in enumerate(ranking[:NDCG_K], start=1) if m in rel)
    ideal = sum(1 / math.log2(i + 1) for i in range(1, min(len(rel), NDCG_K) + 1))
    return Retrieval(recall[5], recall[10], 1 / first if first else 0.0, dcg / ideal)


def percentile(values: Sequence[float], q: float) -> float | None:
    """Linear-interpolated percentile (as numpy's default); None for no values."""
    if not values:
        return None
    xs = sorted(values)
    pos = (len(xs) - 1) * q / 100
    lo, hi = math.floor(pos), math.ceil(pos)
    return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo)


# -- one item ---------------------------------------------------------------------------------
def item_kind(item: GoldItem) -> Kind:
    """Which metric an item is scored by."""
    if item.abstain:
        return Kind.ABSTAIN
    if item.intent == "citation" or item.expected_arxiv:
        return Kind.CITATION
    if item.intent == "compare":
        return Kind.COMPARE
    if item.intent == "concept":
        return Kind.CONCEPT
    if item.intent in SET_INTENTS and item.expected_models and not item.expected_values:
        return Kind.LIST
    return Kind.FACT


def _missing_models(item: GoldItem, named: Sequence[str]) -> list[str]:
    return [m for m in item.expected_models if m not in set(named)]


def _fact(item: GoldItem, r: Response) -> tuple[bool, list[str]]:
    groups = missing_groups(r.text, item.expected_values)
    models = _missing_models(item, r.models)
    notes = [f"value not found: {' / '.join(g)}" for g in groups]
    notes += [f"model not named: {m}" for m in models]
    return not groups and not models, notes


def _citation(item: GoldItem, r: Response) -> tuple[bool, list[str]]:
    if item.expected_arxiv:
        missing = [a for a in item.expected_arxiv if a not in r.cited_arxiv]
        return not missing, [f"arXiv not cited: {a}" for a in missing]
    missing = _missing_models(item, r.cited_models)
    return not missing, [f"model not cited: {m}" for m in missing]


def _compare(item: GoldItem, r: Response) -> tuple[bool, list[str]]:
    opt = set(item.optional_models)
    got, exp = set(r.models) - opt, set(item.expected_models) - opt
    groups = missing_groups(r.text, item.expected_values)
    notes = [f"value not found: {' / '.join(g)}" for g in groups]
    if got != exp:
        notes.append(f"models {sorted(got)} != expected {sorted(exp)}")
    return got == exp and not groups, notes


def _list_notes(item: GoldItem, r: Response) -> list[str]:
    opt = set(item.optional_models)
    missing = [m for m in item.expected_models if m not in r.models and m not in opt]
    extra = [m for m in r.models if m not in item.expected_models and m not in opt]
    notes = [f"missing: {', '.join(missing)}"] if missing else []
    return notes + ([f"extra: {', '.join(extra)}"] if extra else [])


def _kind_score(item: GoldItem, kind: Kind, r: Response) -> tuple[float, dict]:
    """The item's score by its own kind of metric (abstention handled by the caller)."""
    if kind is Kind.LIST:
        f1 = set_prf(r.models, item.expected_models, item.optional_models)[2]
        return f1, {"notes": _list_notes(item, r)}
    if kind is Kind.CONCEPT:
        rec = keyword_recall(r.text, item.expected_keywords)
        missing = [k for k in item.expected_keywords if k.lower() not in normalize(r.text)]
        return rec, {"keyword_recall": rec, "notes": [f"keyword not found: {k}" for k in missing]}
    check, key = {Kind.FACT: (_fact, "fact"), Kind.CITATION: (_citation, "citation"),
                  Kind.COMPARE: (_compare, "compare")}[kind]
    ok, notes = check(item, r)
    return float(ok), {key: ok, "notes": notes}


def _secondary(item: GoldItem, kind: Kind, r: Response) -> dict:
    """Metrics reported for an item besides its own score (list F1, fact check, retrieval)."""
    out: dict = {}
    if item.expected_models and item.intent in SET_INTENTS:
        out["f1"] = set_prf(r.models, item.expected_models, item.optional_models)[2]
    if item.intent == "fact" and kind is Kind.FACT:
        out["fact"] = _fact(item, r)[0]
    if item.expected_models and not item.abstain:
        out["retrieval"] = retrieval_scores(r.retrieved_models, item.expected_models, item.optional_models)
    return out


def score_item(item: GoldItem, data: dict) -> ItemScore:
    """Score one answer object against its gold item."""
    r = Response.from_json(data)
    kind = item_kind(item)
    base = dict(id=item.id, intent=item.intent, category=item.category, kind=kind,
                abstained=r.abstained, error=r.error, latency_ms=r.latency_ms)
    if r.error:
        return ItemScore(score=0.0, notes=(f"error: {r.error}",), **base)
    extra = _secondary(item, kind, r)
    if kind is Kind.ABSTAIN:
        return ItemScore(score=float(r.abstained), notes=() if r.abstained else ("did not abstain",), **base, **extra)
    value, details = _kind_score(item, kind, r)
    notes = tuple(details.pop("notes"))
    extra.update(details)
    if r.abstained:
        return ItemScore(score=0.0, notes=("abstained",) + notes, **base, **extra)
    return ItemScore(score=value, notes=notes, **base, **extra)


# -- a whole run ------------------------------------------------------------------------------
METRICS: tuple[tuple[str, str], ...] = (
    ("overall", "overall score"),
    ("abstain_precision", "abstention precision"),
    ("abstain_recall", "abstention recall"),
    ("list_f1", "list F1"),
    ("fact_acc", "fact accuracy"),
    ("citation_acc", "citation accuracy"),
    ("compare_acc", "compare accuracy"),
    ("concept_recall", "concept keyword recall"),
    ("recall_at_5", "Recall@5"),
    ("recall_at_10", "Recall@10"),
    ("mrr", "MRR"),
    ("ndcg_at_10", "nDCG@10"),
    ("latency_p50_ms", "latency p50 (ms)"),
    ("latency_p95_ms", "latency p95 (ms)"),
)
LOWER_IS_BETTER = frozenset({"latency_p50_ms", "latency_p95_ms"})


@dataclass(frozen=True)
class Aggregate:
    metrics: dict[str, float | None]
    support: dict[str, int]
    by_intent: dict[str, tuple[int, float]] = field(default_factory=dict)
    by_category: dict[str, tuple[int, float]] = field(default_factory=dict)
    errors: int = 0

    def to_json(self) -> dict:
        return {"metrics": self.metrics, "support": self.support, "errors": self.errors,
                "by_intent": {k: {"n": n, "score": s} for k, (n, s) in self.by_intent.items()},
                "by_category": {k: {"n": n, "score": s} for k, (n, s) in self.by_category.items()}}


def _mean(values: list[float]) -> tuple[float | None, int]:
    return (mean(values) if values else None), len(values)


def _groups(scores: Sequence[ItemScore], key: str) -> dict[str, tuple[int, float]]:
    buckets: dict[str, list[float]] = {}
    for s in scores:
        buckets.setdefault(getattr(s, key), []).append(s.score)
    return {k: (len(v), mean(v)) for k, v in sorted(buckets.items())}


def abstention_pr(golds: Sequence[bool], predicted: Sequence[bool]) -> tuple[float | None, float | None]:
    """Precision and recall with abstain=True as the positive class (None when undefined)."""
    tp = sum(1 for g, p in zip(golds, predicted) if g and p)
    pred, pos = sum(predicted), sum(golds)
    return (tp / pred if pred else None), (tp / pos if pos else None)


def aggregate(items: Sequence[GoldItem], scores: Sequence[ItemScore]) -> Aggregate:
    """Headline metrics, their support (how many items each averages), per-intent and per-category."""
    cols: dict[str, list[float]] = {
        "overall": [s.score for s in scores],
        "list_f1": [s.f1 for s in scores if s.f1 is not None and s.kind is not Kind.ABSTAIN],
        "fact_acc": [float(s.fact) for s in scores if s.intent == "fact" and s.kind is Kind.FACT],
        "citation_acc": [s.score for s in scores if s.kind is Kind.CITATION],
        "compare_acc": [s.score for s in scores if s.kind is Kind.COMPARE],
        "concept_recall": [s.score for s in scores if s.kind is Kind.CONCEPT],
    }
    ret = [s.retrieval for s in scores if s.retrieval is not None]
    for name in ("recall_at_5", "recall_at_10", "mrr", "ndcg_at_10"):
        cols[name] = [getattr(r, name) for r in ret]
    metrics: dict[str, float | None] = {}
    support: dict[str, int] = {}
    for name, values in cols.items():
        metrics[name], support[name] = _mean(values)
    p, r = abstention_pr([i.abstain for i in items], [s.abstained for s in scores])
    metrics["abstain_precision"], metrics["abstain_recall"] = p, r
    support["abstain_precision"] = sum(s.abstained for s in scores)
    support["abstain_recall"] = sum(i.abstain for i in items)
    lat = [s.latency_ms for s in scores if s.latency_ms is not None]
    metrics["latency_p50_ms"], metrics["latency_p95_ms"] = percentile(lat, 50), percentile(lat, 95)
    support["latency_p50_ms"] = support["latency_p95_ms"] = len(lat)
    ordered = {k: metrics[k] for k, _ in METRICS}
    return Aggregate(ordered, {k: support[k] for k, _ in METRICS}, _groups(scores, "intent"),
                     _groups(scores, "category"), sum(1 for s in scores if s.error))
