"""Signals read from a question with the lexicon's patterns: superlatives, breakdowns, concepts,
and the corpus-name vocabulary drawn from the catalog."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from assistant.lexicon import Lexicon, TermSet, lexicon, make_term, phrase_pattern
from assistant.numbers import KIND_OPS, SizeWords, compiled, fraction
from assistant.query import Superlative
from catalog import Catalog

_CORPUS_STOP = {"same", "different", "depends", "not", "up", "n/a", "the", "and", "plus", "data", "large", "internal",
                "high-quality", "public", "filtered", "curated", "cleaned", "colossal", "clean", "crawled", "corpus", "original",
                "paper", "standard", "task-specific", "various", "more", "several", "english", "cleaned common",
                "colossal clean", "crawled corpus", "project", "common", "bank", "talk", "wizard", "api", "internet",
                "blended", "toronto", "crawl", "stack", "multi-session", "empathetic", "rlhf", "rlhp", "rl", "un", "v1",
                "v2", "ms", "dm", "cc", "qa", "ale", "protein data", "mrqa qa", "glm-130b chinese", "depends on", "not detailed",
                "catalog", "large uses", "same as", "different datasets", "flan", "describes", "starts"}


def corpus_terms(catalog: Catalog, labs_too: bool = False) -> list[str]:
    """Proper names of datasets seen in corpus fields ("pile", "c4", "common crawl"), longest first;
    names that are also labs ("LAION") only with ``labs_too``."""
    return corpus_vocabulary(catalog)[1 if labs_too else 0]


def corpus_vocabulary(catalog: Catalog) -> tuple[list[str], list[str]]:
    """``corpus_terms`` without and with the lab names, from one pass over the catalog.

    A capitalised word is a dataset's name, except a word of the question grammar (a stop word, a size
    or date cue such as "over") capitalised only because it opens the text or a sentence ("Over 7T
    tokens") and never capitalised elsewhere."""
    terms: set[str] = set()
    opening: set[str] = set()  # grammar words seen capitalised only at a sentence start
    inside: set[str] = set()  # words seen capitalised inside a sentence ("the Pile")
    lex = lexicon("en")
    bounds = ("more", "at_least", "less", "at_most", "or_more", "or_less", "after", "since", "before", "until", "within")
    grammar = lex.stopwords | {w for section in ("sizes", "dates") for key, words in lex.data[section].items()
                               if key in bounds for phrase in words for w in str(phrase).split()}
    names = {n.lower() for e in catalog.models.values() for n in (e.name, *e.aliases)}
    # a name of one or two capitalised words, or one such word before a noun of collections ("Flan collection")
    nouns = "|".join(map(re.escape, lex.data.get("corpus_collection_nouns", []))) or "(?!)"
    dataset = re.compile(rf"\b[A-Z][\w\-.]*[A-Za-z0-9](?:\s+(?:[A-Z][\w\-]*[A-Za-z0-9]|{nouns})\b)?|\b[a-z]*[A-Z]+\d+\w*")
    for corpus in dict.fromkeys(e.corpus for e in catalog.models.values()):  # thousands of entries share few corpora
        for m in dataset.finditer(corpus):
            starts = not corpus[:m.start()].strip() or corpus[:m.start()].rstrip()[-1] in ".;:!?("
            for term in {m.group(), m.group().split()[0]}:
                t = re.sub(r"^the\s+", "", term.lower().strip("."))
                if len(t) >= 2 and t not in _CORPUS_STOP and t not in names and not t.isdigit():
                    terms.add(t)
                    (opening if starts and t in grammar and term == m.group().split()[0] else inside).add(t)
    terms -= opening - inside
    labs = {lab.lower() for labs in dict.fromkeys((*e.labs, *e.org_names) for e in catalog.models.values()) for lab in labs}
    order = sorted(terms, key=lambda t: (-len(t), t))
    return [t for t in order if t not in labs], order


def group_by(low: str, lex: Lexicon, about_models: bool = False) -> str | None:
    """The field of an aggregate question: "which lab has the most models", "models per year". A question about
    models it names ("which objectives does the catalog list for GPT-2?") asks their values, no breakdown in other words."""
    g = lex.data["group_by"]
    if phrase_pattern(g["who_most"]).search(low):
        return "lab"
    counting = phrase_pattern(g["counting"])
    if (key := periods_compared(low, lex)) and counting.search(low):
        return key[0]  # "how many came out in the first half versus the second half of the year?"
    for key, words in g["keys"].items():
        w = f"(?:{words})"
        if "breakdown" in g and not about_models and phrase_pattern(g["breakdown"].replace("{w}", w)).search(low):
            return key  # "break the catalog down by licence class", "which labs are in the catalog?"
        if phrase_pattern(g["lead"].replace("{w}", w)).search(low) or group_fewest(low, lex, key):
            if phrase_pattern(g["per"].replace("{w}", w)).search(low) and not counting.search(low):
                continue  # "models by Meta" is a lab filter, not a breakdown
            return key
    return None


def group_fewest(low: str, lex: Lexicon, key: str) -> bool:
    """Whether a breakdown by ``key`` asks for its low end ("which lab has the fewest models?", "the least common
    architecture"): the group_by table's ``lead_fewest`` with the field's words."""
    g = lex.data["group_by"]
    words = g["keys"].get(key)
    return bool(words and "lead_fewest" in g and phrase_pattern(g["lead_fewest"].replace("{w}", f"(?:{words})")).search(low))


def periods_compared(low: str, lex: Lexicon) -> tuple[str, re.Match] | None:
    """Parts of a year weighed against each other ("the first half versus the second half", "per quarter"): the
    breakdown key ("half", "quarter") and where the words are, or None."""
    for key, p in lex.data["group_by"].get("periods_compared", {}).items():
        if (m := phrase_pattern(p).search(low)):
            return key, m
    return None


def aggregate(low: str, lex: Lexicon) -> tuple[str, str] | None:
    """"The average size of Google's models", "the median release date of the encoders", "total parameters across
    DeepMind's models": the kind of number taken over the set ("mean", "median", "sum") and of what ("params" or
    "date"); None when none is asked (the ``aggregating`` cue)."""
    said = lex.first("aggregating", low) if "aggregating" in lex.data["cues"] else None
    if said is None:
        return None
    table = lex.data["aggregate"]
    kind = next((k for k, p in table["kinds"].items() if phrase_pattern(p).search(low)), None)
    if kind is None:
        return None
    if kind == "sum" and "not_sum" in table and phrase_pattern(table["not_sum"]).search(low):
        return None  # "DeepSeek-V2 vs V3: total and active parameters": each model's own sizes
    dated = phrase_pattern(table["date"]).search(low) and not phrase_pattern(table["size"]).search(low)
    return kind, "date" if dated and kind != "sum" else "params"


def sort_order(low: str, lex: Lexicon) -> tuple[str, bool] | None:
    """"Google models sorted by size", "in chronological order", "newest first": the field a whole set is put in order by
    ("params" or "date") and whether its high end (largest, most recent) comes first; None when no order is asked
    (the ``sorting`` cue)."""
    said = lex.first("sorting", low) if "sorting" in lex.data["cues"] else None
    if said is None:
        return None
    table = lex.data["sort_order"]
    words = said.group()
    field = next((f for f, p in table["fields"].items() if phrase_pattern(p).search(words)), None)
    if field is None:
        return None
    if phrase_pattern(table["high_first"]).search(low):
        return field, True
    if phrase_pattern(table["low_first"]).search(low):
        return field, False
    return field, bool(table["high_by_default"][field])


@functools.lru_cache(maxsize=4)
def _count_bounds(language: str) -> tuple[list[tuple[str, re.Pattern]], re.Pattern | None]:
    """The lexicon's ``having`` patterns per breakdown field and its ``count_check`` pattern, with their placeholders
    filled once: {w} the field's words, {num} the count words, {op} the bound words, {more} "or more" and the like."""
    lex = lexicon(language)
    g = lex.data["group_by"]
    num = "|".join(sorted(map(re.escape, lex.data["count_words"]), key=len, reverse=True))
    ops = g.get("having_ops", {})
    bounds = "|".join(re.escape(o) for o in sorted(ops, key=len, reverse=True) if not o.startswith("or ") and o != "+")

    def fill(pattern: str, words: str = "") -> re.Pattern:
        return phrase_pattern(pattern.replace("{w}", f"(?:{words})").replace("{num}", num).replace("{op}", bounds)
                              .replace("{more}", g.get("having_more", "(?!)")))

    rows = [(key, fill(pattern, words)) for key, words in g["keys"].items() for pattern in g.get("having", [])]
    return rows, fill(g["count_check"]) if "count_check" in g else None


def _bound(m: re.Match, lex: Lexicon) -> tuple[str, int]:
    """The bound (an ``Op`` value: "more than" gt, "or more" ge, none eq) and the count a match of ``_count_bounds`` says."""
    ops, n = lex.data["group_by"]["having_ops"], m.group("n")
    more = (m.groupdict().get("more") or "").strip()
    op = ops.get(more) if more else ops.get(" ".join((m.group("op") or "").split()), "eq")
    return op or "eq", int(n) if n.isdigit() else int(lex.data["count_words"][n])


def having(low: str, lex: Lexicon) -> tuple[str, str, int] | None:
    """"Which labs have more than 5 models?": the breakdown's field, the bound (an ``Op`` value) and the count the
    rows must have; None when no such condition is said."""
    for key, pattern in _count_bounds(lex.language)[0]:
        if m := pattern.search(low):
            return (key, *_bound(m, lex))
    return None


def count_check(low: str, lex: Lexicon) -> tuple[str, int] | None:
    """"Are there more than five Microsoft models?": the bound (an ``Op`` value) and the number a yes/no count
    question checks, or None."""
    pattern = _count_bounds(lex.language)[1]
    m = pattern.search(low) if pattern is not None else None
    return _bound(m, lex) if m else None


def share_claim(low: str, lex: Lexicon) -> tuple[str, float, str, tuple[int, int]] | None:
    """"Are most Google models decoders?", "do more than half of OpenAI's models have closed licences?", "is at least a
    third of the catalog open?": a claim about the share of a set (the lexicon's ``share_claim`` cue): the comparison
    (an ``Op`` value), the fraction, the words of the set it is a share of, and their span; or None."""
    # the set said first is the one the claim is about ("are OpenAI's models all decoders?": OpenAI's models, not decoders)
    m = min(lex.find("share_claim", low), key=lambda h: h.start("base"), default=None)
    if m is None:
        return None
    if m.group("word"):
        op, frac = lex.data["share_claim_words"][" ".join(m.group("word").split())]
    else:
        kind = compiled(SizeWords, lex.data["sizes"]).kind_of(m.group("bound"))
        if kind not in KIND_OPS:
            return None
        op, frac = KIND_OPS[kind], fraction(m.group("frac"), lex.data["fractions"])
        if not frac:
            return None
    return op, float(frac), m.group("base"), m.span("base")


def ratio_claim(low: str, lex: Lexicon) -> tuple[str, float] | None:
    """"Is PaLM over three times the size of GPT-3?", "is Gopher twice as big as Chinchilla?": the comparison (an ``Op``
    value; none said: about that factor) and the factor a size ratio is claimed to meet, or None."""
    m = lex.first("ratio_claim", low)
    if m is None:
        return None
    said = m.group("n")
    n = (float(said) if said[0].isdigit() else lex.data["ratio_words"].get(said) or lex.data["count_words"].get(said))
    if not n:
        return None
    if not m.group("bound"):  # "twice as big as": at least that factor
        return "ge", float(n)
    kind = compiled(SizeWords, lex.data["sizes"]).kind_of(m.group("bound"))
    return KIND_OPS.get(kind, "eq"), float(n)  # "about three times": near it


def superlative_measure(low: str, lex: Lexicon) -> tuple[str | None, str]:
    """The size variant a ranking is judged by, when the question names it apart from the
    direction ("smallest model, judging by its largest size"; "the smallest largest-version"),
    and the text with that phrase blanked, so its words are not read as the direction."""
    measure = None
    m = phrase_pattern(lex.data["superlative"]["measure_active"]).search(low)
    if m:  # "the fewest active parameters": the active size, and the direction as a plain superlative word
        word = m.group("dir") or m.group("dir2") or m.group("dir3") or m.group("dir4")
        direction = "smallest" if phrase_pattern(lex.data["superlative"]["measure_active_smallest"]).match(word) else "largest"
        return "active", low[:m.start()] + f" {direction} active".ljust(m.end() - m.start()) + low[m.end():]
    for key in ("measure", "measure_after_head", "measure_whose", "measure_params"):  # every phrase naming it is blanked, the first decides
        for m in phrase_pattern(lex.data["superlative"][key]).finditer(low):
            word = m.group("measure")
            if measure is None:
                measure = "smallest" if lex.pattern("superlative", "measure_smallest").match(word) else "largest"
            low = low[:m.start("measure")] + " " * (m.end("measure") - m.start("measure")) + low[m.end("measure"):]
    if measure is None and (lex.pattern("superlative", "measure_every").search(low) or lex.pattern("superlative", "measure_own").search(low)):
        measure = "own"  # "counting every released size", "the tiniest checkpoint": the direction's own variant, said
    return measure, low


def comparative_ranking(low: str, lex: Lexicon) -> Superlative | None:
    """The ranking a comparative asks of a set or a pair ("which of those is newer?", "the bigger one"): the longest
    phrase of the lexicon's ``comparative_rank`` the text holds, as its field and end; None when it holds none."""
    table = lex.data.get("comparative_rank", {})
    word = next((w for w in sorted(table, key=len, reverse=True) if lex.has_phrase(w, low)), None)
    return Superlative(field=table[word][0], largest=table[word][1] == "max") if word else None


def by_date_words(low: str, s: dict) -> bool:
    """The text ranks by date: it says a date ranking word ("earliest", "newest") and no size ranking word."""
    return bool((s["earliest"].search(low) or s["latest"].search(low)) and not (s["largest"].search(low) or s["smallest"].search(low)))


def find_superlative(low: str, lex: Lexicon, measure: str | None = None) -> Superlative | None:
    s = {k: phrase_pattern(v) for k, v in lex.data["superlative"].items()}
    words = lex.data["count_words"]
    top_m = s["top"].search(low)
    top = 1
    if top_m:
        word = next(g for g in top_m.groups() if g and (g.isdigit() or g in words))
        top = int(word) if word.isdigit() else words[word]
    top = max(1, min(top, 20))
    rank_m = s["rank"].search(low)
    rank = lex.data["ordinals"].get(rank_m.group(1), 1) if rank_m else 1
    if rank == 1 and "rank_runner_up" in s and s["rank_runner_up"].search(low):  # "the runner-up for largest": second place
        rank = 2
    if "rank_bottom" in s and (bottom := s["rank_bottom"].search(low)) and not by_date_words(low, s):
        # "third from the bottom", "the third largest counting from the bottom": that place from the small end
        nth = bottom.group("nth")
        return Superlative(field="params", largest=False, top=top, measure=None if measure == "own" else measure,
                           rank=lex.data["ordinals"][nth] if nth else rank)
    if "rank_size" in s and (placed := s["rank_size"].search(low)):  # "ranks fourth in size": that place among the largest
        return Superlative(field="params", largest=True, top=top, measure=measure, rank=lex.data["ordinals"][placed.group("nth")])
    if "rank_release" in s and (placed := s["rank_release"].search(low)) and not (
            s["largest"].search(low) or s["smallest"].search(low) or s["latest"].search(low)):  # "Meta's second newest": from the newest
        nth = next(v for k, v in placed.groupdict().items() if k.startswith("nth") and v)
        return Superlative(field="date", largest=False, top=top, rank=lex.data["ordinals"][nth])  # "Meta's second model"
    if "rank_last" in s and s["rank_last"].search(low) and not s["largest"].search(low) and not s["smallest"].search(low):
        return Superlative(field="date", largest=True, top=top, rank=2)  # "the penultimate model released"
    by_date = s["earliest"].search(low) or s["latest"].search(low)
    for field, p in lex.patterns("superlative_owned", low):  # "which model comes in the most sizes?": a count of its own values
        if (m := p.search(low)):
            word = next(w for k, w in m.groupdict().items() if k.startswith("dir") and w)
            return Superlative(field=field, largest=not lex.has("superlative_fewest", word), top=top)
    if "ends" in s and (ends := s["ends"].search(low)):  # "the oldest and the newest", "largest and smallest": both ends
        return Superlative(field="date" if ends.group("date") else "params", largest=True, ends=True)
    if by_date and "size_asked" in s and not s["earliest_not"].search(low):
        # "the largest size of the earliest RLHF model": the date ranks, the size at its largest is the field asked
        low = s["size_asked"].sub(lambda m: " " * len(m.group()), low)
    if measure == "own":  # the variant the direction itself names: the largest variant for "largest", the smallest for "smallest"
        measure = "largest" if s["largest"].search(low) else "smallest"
    if s["largest"].search(low) or (top > 1 and "top" in low and not s["smallest"].search(low) and not by_date):
        return Superlative(field="params", largest=True, top=top, measure=measure, rank=rank)
    if s["smallest"].search(low):
        return Superlative(field="params", largest=False, top=top, measure=measure, rank=rank)
    if s["earliest"].search(low) and not s["earliest_not"].search(low):
        return Superlative(field="date", largest=False, top=top, rank=rank)
    if s["latest"].search(low):
        return Superlative(field="date", largest=True, top=top, rank=rank)
    return None


@dataclass(frozen=True)
class ConceptMap:
    """Which concept explains each objective, architecture and trait value."""

    objective: dict[str, str]
    architecture: dict[str, str]
    trait: dict[str, str]

    @classmethod
    def of(cls, catalog: Catalog) -> "ConceptMap":
        concepts = catalog.concepts.values()
        return cls({c.objective.value: c.id for c in concepts if c.objective},
                   {c.architecture.value: c.id for c in concepts if c.architecture},
                   {c.trait.value: c.id for c in concepts if c.trait})

    def for_model(self, entry, facet: str) -> list[str]:
        """The concepts behind a model's objectives (facet "objective") or its architecture."""
        found = ([self.objective.get(o.value) for o in entry.objectives] if facet == "objective"
                 else [self.architecture.get(entry.architecture.value)])
        return list(dict.fromkeys(c for c in found if c))


def concept_spans(catalog: Catalog, text: str, lex: Lexicon, concepts: ConceptMap,
                  traits: bool = False) -> list[tuple[int, int, str]]:
    """(start, end, concept id) for every concept the text names by title, alias or objective /
    architecture term, and with ``traits`` (a question asking to explain) by a trait's own term ("SSM",
    "state-space"; not a generic word such as "search" nor a complement such as "dense"); longer phrases
    win overlaps, so "encoder-decoder" is not also "encoder"."""
    spans: list[tuple[int, int, str]] = [(m.start(), m.end(), t.value) for m, t in _concept_terms(catalog).find(text)]
    spans += [(m.start(), m.end(), t.value) for m, t in lex.concept_terms().find(text) if t.value in catalog.concepts]
    for facet, lookup in (("objective", concepts.objective), ("architecture", concepts.architecture)):
        spans += [(m.start(), m.end(), lookup[t.value]) for m, t in lex.termset(facet).find(text) if t.value in lookup]
    if traits:
        weak = {str(w).lower() for w in lex.data.get("weak_terms", [])}
        spans += [(m.start(), m.end(), concepts.trait[t.value]) for m, t in lex.termset("trait").find(text)
                  if t.value in concepts.trait and not t.complement and not t.weak and t.phrase.lower() not in weak]
    taken: list[tuple[int, int, str]] = []
    for start, end, cid in sorted(spans, key=lambda t: t[0] - t[1]):
        if not any(start < e and s < end for s, e, _ in taken):
            taken.append((start, end, cid))
    return taken


_CONCEPT_TERMS: dict[int, TermSet] = {}


def _concept_terms(catalog: Catalog) -> TermSet:
    """Every concept's title and aliases as one term set (built once per catalog)."""
    if id(catalog) not in _CONCEPT_TERMS:
        _CONCEPT_TERMS[id(catalog)] = TermSet([make_term(alias, "concept", c.id) for c in catalog.concepts.values()
                                               for alias in (c.title, *c.aliases, c.id.replace("-", " "))])
    return _CONCEPT_TERMS[id(catalog)]
