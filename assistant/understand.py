"""Understand: question text -> typed ``Query`` (entities, filters, intent). No model needed.

Order of work: clean the text; link model names (their spans are then masked so "AlexaTM 20B"
is not read as a size and "Stanford Alpaca" not as a lab); read typed filters from what is
left; then decide the intent from cue words and what was found.
"""

from __future__ import annotations

import re
import unicodedata

from assistant.linking import EntityLinker, Mention, english_words
from assistant.numbers import parse_dates, parse_params
from assistant.cues import ALL_MODELS, about_models, corpus_terms, find_superlative, group_by
from assistant.query import Attribute, Filters, Intent, Query
from catalog import Catalog
from catalog.vocab import (
    ARCHITECTURE_SYNONYMS,
    DOMAIN_SYNONYMS,
    LAB_SYNONYMS,
    LICENSE_SYNONYMS,
    OBJECTIVE_SYNONYMS,
    TRAIT_SYNONYMS,
    Architecture,
    Domain,
    LicenseClass,
)

MAX_CHARS = 2000
_INVISIBLE = dict.fromkeys(i for i in range(0x110000) if unicodedata.category(chr(i)) in ("Cf", "Cc", "Co", "Cs") and chr(i) not in "\n\t")

INJECTION = re.compile(
    r"\b(ignore|disregard|forget|bypass|override)\b.{0,40}\b(catalog|instructions?|rules|above|previous|prompt|context|system)\b"
    r"|\b(invent|make up|fabricate|hallucinate|pretend|imagine|role-?play|jailbreak)\b"
    r"|\bsystem prompt\b|\byou are now\b|\bact as\b|\b(hidden|secret|initial|internal) (instructions?|prompt|rules)\b"
    r"|\bverbatim\b|\breveal (your|the)\b|\bdeveloper mode\b|\bDAN\b",
    re.I,
)
_OFF_TOPIC = re.compile(
    r"^(translate|write|compose|summari[sz]e this|calculate|solve|repeat|sing|draw|generate an? (image|picture|poem))\b|\b(world cup|won the|who won|"
    r"weather|recipe|cook|stock|bitcoin|crypto|football|soccer|movie|song|lyrics|poem|joke|horoscope|"
    r"capital of|president|election|restaurant|flight|hotel|translate this|write (me )?(an? )?(essay|story|poem|email|code))\b",
    re.I,
)
_COMPARE_CUE = re.compile(r"\b(vs\.?|versus|differen\w*|compar\w*|contrast)\b")
_GREETING = re.compile(
    r"^\s*(hi|hello|hey|hiya|yo|good (morning|afternoon|evening)|thanks?( you)?|thank you( so much)?|thx|ok(ay)?|cool|great|bye|goodbye|"
    r"help|what can you do|who are you|what are you|how do (i|you) use (this|you)|what do you know)\b[\s!.?]*(\w+[\s!.?]*)?$", re.I)
# Facts users ask for that the catalog does not record.
UNSUPPORTED = re.compile(
    r"\b(context (length|window|size)|sequence length|max(imum)? (tokens|length)|layers?|hidden (size|dim\w*)|"
    r"embedding (size|dim\w*)|vocab(ulary)? size|attention heads|number of heads|heads does|"
    r"flops|compute budget|training (cost|time|compute|hours)|gpu hours|tpu|how long (did|was) (it|\S+) trained|"
    r"accuracy|benchmark|score on|glue|superglue|mmlu|perplexity|bleu|rouge|price|cost to use|api pricing|"
    r"carbon|co2|energy)\b", re.I)
# Domain words too generic to filter on by themselves.
_SKIP_DOMAIN = {Domain.TEXT}

_ATTRIBUTE_CUES: list[tuple[Attribute, str]] = [
    (Attribute.AUTHORS, r"\b(who (wrote|authored)|authors?|written by|first author)\b"),
    (Attribute.LABS, r"\b(who'?s behind|who is behind|who (built|made|developed|created|released|trained|designed|is behind|makes|owns|published)|which (lab|company|organi[sz]ation|team|group)|what (lab|company|organi[sz]ation)|built by|made by|developed by|created by|released by|from which|labs?\b|company|organi[sz]ation|institution|developer|creator|maker)"),
    (Attribute.PARAMS, r"\b(how (big|large|many param\w*|many weights)|size|sizes|param\w*|how many (b|billion)|weights|number of param\w*|big is|large is|scale)\b"),
    (Attribute.DATE, r"\b(when|what year|which year|what date|release date|released|date|how old|published)\b"),
    (Attribute.ARCHITECTURE, r"\b(architecture|encoder|decoder|encoder-decoder|seq2seq|kind of (model|transformer)|type of (model|transformer))\b"),
    (Attribute.OBJECTIVE, r"\b(objective|pre-?train\w*|trained with|task|loss|training (task|objective)|how (was|is) it trained|how (was|is) \S+ trained)\b"),
    (Attribute.LICENSE, r"\b(licen[cs]e\w*|open[- ]source|open weights|commercial|closed[- ]source|proprietary|can i use|is it open|is \S+ open|available)\b"),
    (Attribute.CORPUS, r"\b(corpus|corpora|data ?sets?|training data|data|trained on|what data|tokens)\b"),
    (Attribute.APPLICATION, r"\b(used for|use case|application|applications|good for|what (is|are) \S+ for|purpose|what can)\b"),
    (Attribute.FAMILY, r"\b(family|families)\b"),
    (Attribute.VENUE, r"\b(conference|venue|journal|workshop|published (at|in)|appeared (at|in)|where was \S+ published|presented at)\b"),
    (Attribute.LINK, r"\b(link|url|where can i (find|get|download)|download|website|homepage|weights available)\b"),
]


def clean(text: str) -> str:
    """NFKC, drop invisible and control characters, collapse white space."""
    text = unicodedata.normalize("NFKC", text or "").translate(_INVISIBLE)
    return re.sub(r"\s+", " ", text).strip()


def _phrase(p: str) -> re.Pattern:
    """A phrase matched on word boundaries, spaces and hyphens interchangeable ("non commercial")."""
    words = [re.escape(w) for w in re.split(r"[\s\-]+", p) if w]
    return re.compile(r"(?<!\w)" + r"[\s\-]*".join(words) + r"(?:s|es)?(?!\w)", re.I)


def _synonym_table(table) -> list[tuple[re.Pattern, object, int]]:
    rows = [(_phrase(p), key, len(p)) for key, phrases in table.items() for p in phrases]
    return sorted(rows, key=lambda r: -r[2])


_OBJ = _synonym_table(OBJECTIVE_SYNONYMS)
_ARCH = _synonym_table(ARCHITECTURE_SYNONYMS)
_DOM = _synonym_table(DOMAIN_SYNONYMS)
_TRAIT = _synonym_table(TRAIT_SYNONYMS)
_LIC = _synonym_table(LICENSE_SYNONYMS)
_LAB = _synonym_table(LAB_SYNONYMS)
_OPEN_PREDICATE = re.compile(r"\b(are|is|were|that are|which are|models?|only)\s+(fully\s+|truly\s+)?open\b(?!\s*(ai|assistant|-?ended|question))", re.I)
_LICENSE_NAMES = [(re.compile(p, re.I), label) for p, label in (
    (r"\bMIT\b(?:[\s-]+licen[cs]e)?", "MIT"), (r"\bapache(?:[\s-]*(?:2(?:\.0)?|licen[cs]e))*", "Apache"),
    (r"\bBSD\b", "BSD"), (r"\b(?:open\s*)?RAIL\b", "RAIL"), (r"\bCC[\s-]*BY(?:[\s-]*NC)?\b|creative commons", "CC"))]
_VENUES = ("NeurIPS", "ICLR", "ICML", "ACL", "NAACL", "EMNLP", "CVPR", "ICCV", "JMLR", "TACL", "Nature", "TMLR")


def _take(text: str, table, masked: list[tuple[int, int]]) -> list:
    """Keys whose phrases occur in text outside masked spans; matched spans get masked (longest first)."""
    found = []
    for pattern, key, _ in table:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in masked):
                continue
            masked.append((m.start(), m.end()))
            if key not in found:
                found.append(key)
    return found


class Understander:
    def __init__(self, catalog: Catalog):
        self.catalog = catalog
        vocabulary = frozenset(
            w.lower() for table in (OBJECTIVE_SYNONYMS, ARCHITECTURE_SYNONYMS, DOMAIN_SYNONYMS, TRAIT_SYNONYMS,
                                    LICENSE_SYNONYMS, LAB_SYNONYMS)
            for phrases in table.values() for p in phrases for w in re.split(r"[\s/]+", p) if len(w) >= 3)
        self.linker = EntityLinker(catalog, vocabulary, english_words())
        self._concepts = sorted(
            ((_phrase(alias), c.id, len(alias)) for c in catalog.concepts.values()
             for alias in (c.title, *c.aliases, c.id.replace("-", " "))),
            key=lambda r: -r[2],
        )
        self.corpus_terms = corpus_terms(catalog)
        self._objective_concept = {c.objective: c.id for c in catalog.concepts.values() if c.objective}
        self._arch_concept = {c.architecture: c.id for c in catalog.concepts.values() if c.architecture}

    # -- public -------------------------------------------------------------------------------
    def understand(self, raw: str) -> Query:
        text = clean(raw)
        if not text or not re.search(r"[A-Za-z0-9\u00C0-\uFFFF]", text):
            return Query(text=text, intent=Intent.OUT_OF_SCOPE, reason="empty")
        if len(text) > MAX_CHARS:
            return Query(text=text[:200], intent=Intent.OUT_OF_SCOPE, reason="too_long")
        if INJECTION.search(text):
            return Query(text=text, intent=Intent.OUT_OF_SCOPE, reason="instruction")
        if _GREETING.search(text):
            return Query(text=text, intent=Intent.OUT_OF_SCOPE, reason="greeting")
        if _OFF_TOPIC.search(text) and not re.search(r"\b(models?|catalog|paper|transformer-based|pretrain\w*)\b", text, re.I):
            return Query(text=text, intent=Intent.OUT_OF_SCOPE, reason="off_topic")
        mentions, unknown = self.linker.link(text)
        masked = [(m.start, m.end) for m in mentions]
        low = text.lower()
        filters, ref_models = self._filters(text, masked, mentions)
        focus = [m.model_id for m in mentions if m.model_id not in ref_models]
        attributes = [a for a, cue in _ATTRIBUTE_CUES if re.search(cue, low)]
        if Attribute.VENUE in attributes and not re.search(r"\b(when|year|date)\b", low):
            attributes = [a for a in attributes if a is not Attribute.DATE]
        concept = self._concept(text, low, filters)
        others = self._other_concepts(text, filters, concept) if concept and _COMPARE_CUE.search(low) and not focus else []
        if others:
            concept, *others = others
        intent, superlative, group = self._intent(low, focus, filters, attributes, concept, unknown)
        if others:  # "what's the difference between MLM and causal LM?", "encoder vs decoder"
            intent, superlative, group = Intent.CONCEPT, None, None
        relative = any(getattr(filters, k) is not None for k in ("params_min", "params_max", "date_from", "date_to"))
        if re.match(r"(is|was|are|were|does|did|has)\b", low) and len(focus) == 1 and ref_models and relative:
            intent, focus = Intent.COMPARE, focus + sorted(ref_models)  # "is PaLM bigger than GPT-3?"
        return Query(
            text=text, intent=intent, models=focus, unknown_names=unknown, attributes=attributes,
            filters=filters, superlative=superlative, group_by=group, concept=concept, other_concepts=others,
            all_models=bool(ALL_MODELS.search(low)) and not filters.has_constraints() and not focus,
            bibtex=bool(re.search(r"\bbib\s?tex\b|\bbib\b|\.bib\b", low)),
            reason=("off_topic" if intent is Intent.OUT_OF_SCOPE and _OFF_TOPIC.search(low)
                    else "unsupported" if focus and UNSUPPORTED.search(low) and intent in (Intent.FACT, Intent.COMPARE) else ""),
        )

    # -- filters ------------------------------------------------------------------------------
    def _filters(self, text: str, masked: list, mentions: list[Mention]) -> tuple[Filters, set[str]]:
        low = text.lower()
        masked = list(masked)
        ref_models: set[str] = set()
        update: dict = {}
        # lineage: "based on LLaMA", "derived from BERT", "BERT-based", "descendants of T5"
        for m in mentions:
            before = low[max(0, m.start - 40):m.start]
            after = low[m.end:m.end + 20]
            if re.search(r"(based on|derived from|built on( top of)?|builds? on|built upon|builds? upon|fine-?tuned from|descend\w* (of|from)|built from|variants? of|derivatives? of|successors? of|initiali[sz]ed from|start(ed)? from)\s*(the\s+)?$", before) or re.match(r"-?(based|derived|derivatives?|descendants?)\b", after):
                update.setdefault("derived_from", []).append(m.model_id)
                ref_models.add(m.model_id)
            elif re.match(r"\s*(family|-family|family models)\b", after) and re.search(r"\b(models?|which|list|members?|in the)\b", low):
                update["family"] = self.catalog.models[m.model_id].name
                ref_models.add(m.model_id)
        # relative dates / sizes: "after GPT-3", "bigger than BERT", "the same year as GPT-3"
        for m in mentions:
            before = low[max(0, m.start - 30):m.start]
            e = self.catalog.models[m.model_id]
            if re.search(r"\b(similar to|like|alternatives? to|comparable to|akin to)\s*(the\s+)?$", before) and re.search(
                    r"\b(models?|alternatives?|which|what|list|others?)\b", low):
                update["architectures"] = [e.architecture]
                update["objectives"], update["objectives_any"] = [o for o in e.objectives], True
                update.setdefault("exclude", []).append(m.model_id)
                ref_models.add(m.model_id)
                continue
            same = re.search(r"\b(?:same|identical)\s+(year|lab|company|organi[sz]ation|architecture|family|license)\s+as\s*$", before)
            if same:
                what = same.group(1)
                if what == "year":
                    update["date_from"], update["date_to"] = e.date.year * 100 + 1, e.date.year * 100 + 12
                elif what == "architecture":
                    update["architectures"] = [e.architecture]
                elif what == "family":
                    update["family"] = e.family
                elif what == "license":
                    update["license_classes"] = [e.license_class]
                else:
                    update["labs"] = list(e.org_names)
                update.setdefault("exclude", []).append(m.model_id)
                ref_models.add(m.model_id)
            elif re.search(r"\b(after|since|later than|newer than|post)\s*$", before):
                update["date_from"] = e.date.key + 1 if e.date.month < 12 else (e.date.year + 1) * 100 + 1
                ref_models.add(m.model_id)
            elif re.search(r"\b(before|prior to|earlier than|older than|predat\w*|pre)\s*$", before):
                update["date_to"] = e.date.key - 1 if e.date.month > 1 else (e.date.year - 1) * 100 + 12
                ref_models.add(m.model_id)
            elif re.search(r"\b(bigger|larger|more param\w*)\s+than\s*$", before) and e.params.max_millions:
                update["params_min"] = e.params.max_millions
                ref_models.add(m.model_id)
            elif re.search(r"\b(smaller|fewer param\w*|less param\w*)\s+than\s*$", before) and e.params.max_millions:
                update["params_max"] = e.params.max_millions
                ref_models.add(m.model_id)
        objectives = _take(text, _OBJ, masked)
        if objectives:
            update["objectives"] = objectives
            update["objectives_any"] = bool(re.search(r"\b(or|either|any of)\b", low))
        arch = _take(text, _ARCH, masked)
        if arch and not re.search(r"\bwhat (is|are) (an? )?(encoder|decoder)", low):
            update["architectures"] = arch
        labs = [lab for lab in _take(text, _LAB, masked)] or self._lab_typo(text, masked)
        if labs:
            update["labs"] = labs
            update["labs_all"] = bool(re.search(r"\b(both|jointly|together|collaboration)\b", low)) and len(labs) > 1
        for pattern, label in _LICENSE_NAMES:
            m = pattern.search(text)
            if m and not any(m.start() < e and s < m.end() for s, e in masked):
                update["license_text"] = label
                masked.append(m.span())
                break
        lic = _take(text, _LIC, masked)
        if _OPEN_PREDICATE.search(text) and LicenseClass.OPEN not in lic:
            lic.append(LicenseClass.OPEN)
        if lic:
            update["license_classes"] = lic
        doms = [d for d in _take(text, _DOM, masked) if d not in _SKIP_DOMAIN]
        if doms:
            update["domains"] = doms
        traits = _take(text, _TRAIT, masked)
        if traits:
            update["traits"] = traits
        dates = parse_dates(text, masked)
        update.update({k: v for k, v in dates.items() if k not in update})
        params = parse_params(text, masked)
        update.update({k: v for k, v in params.items() if k not in update})
        if re.search(r"\bfine-?tun(ed|ing) (models?|tasks?)\b|\bare fine-?tuned\b|\bfine-?tuned (ones|versions)\b", low):
            update["finetuned"] = True
        elif re.search(r"\b(foundation|base|pre-?trained from scratch) models?\b", low) and "what" not in low[:8]:
            update["finetuned"] = False
        if re.search(r"\b(trained on|train on|corpus|corpora|data ?sets?|data|pre-?trained on|trained using)\b", low):
            for term in self.corpus_terms:
                m = re.search(rf"(?<!\w){re.escape(term)}(?!\w)", low)
                if m and not any(m.start() < e and s < m.end() for s, e in masked):
                    update["corpus"] = term
                    break
        for v in _VENUES:
            if re.search(rf"\b(at|in|published (at|in)|accepted (at|to)) {v}\b", text, re.I):
                update["venue"] = v
        return Filters(**update), ref_models

    def _lab_typo(self, text: str, masked: list) -> list[str]:
        """One-edit typos of lab names ("gogle", "deepmnid"), never ordinary words."""
        from rapidfuzz.distance import OSA

        for m in re.finditer(r"[A-Za-z]{5,}", text):
            word = m.group().lower()
            if word in self.linker.english or any(m.start() < e and s < m.end() for s, e in masked):
                continue
            for lab, spellings in LAB_SYNONYMS.items():
                if any(len(sp) >= 5 and " " not in sp and OSA.distance(word, sp) <= 1 for sp in spellings):
                    masked.append(m.span())
                    return [lab]
        return []

    # -- concept ------------------------------------------------------------------------------
    def _concept(self, text: str, low: str, filters: Filters) -> str | None:
        for pattern, cid, _ in self._concepts:
            if pattern.search(text):
                return cid
        if filters.objectives:
            return self._objective_concept.get(filters.objectives[0])
        if filters.architectures:
            return self._arch_concept.get(filters.architectures[0])
        m = re.search(r"\bwhat (is|are) (an? )?(encoder|decoder|encoder-decoder)", low)
        if m:
            return self._arch_concept.get(Architecture(m.group(3)))
        return None

    def _other_concepts(self, text: str, filters: Filters, first: str) -> list[str]:
        """Every concept the question names, in the order it names them (empty if only one).
        Longer phrases win overlaps, so "encoder-decoder" is not also "encoder"."""
        spans: list[tuple[int, int, str]] = []
        for pattern, cid, _ in self._concepts:
            spans += [(m.start(), m.end(), cid) for m in pattern.finditer(text)]
        for table, lookup in ((_OBJ, self._objective_concept), (_ARCH, self._arch_concept)):
            for pattern, key, _ in table:
                if lookup.get(key):
                    spans += [(m.start(), m.end(), lookup[key]) for m in pattern.finditer(text)]
        taken: list[tuple[int, int]] = []
        at: dict[str, int] = {}
        for start, end, cid in sorted(spans, key=lambda t: t[0] - t[1]):
            if not any(start < e and s < end for s, e in taken):
                taken.append((start, end))
                at.setdefault(cid, start)
        at.setdefault(first, len(text))
        ordered = sorted(at, key=lambda c: at[c])
        return ordered if len(ordered) > 1 else []

    # -- intent -------------------------------------------------------------------------------
    def _intent(self, low, focus, filters: Filters, attributes, concept, unknown):
        sup = find_superlative(low)
        has_filters = filters.has_constraints()
        group = group_by(low)
        if group:
            return Intent.COUNT, None, group
        if (re.search(r"\bhow many\b|\bnumber of (models|entries|them|those|these)\b|\bcount (the |of )?(models|entries|them|those)\b|^count\b", low)
                and not re.search(r"\bhow many (param\w*|weights|b\b|billion|million|layers|tokens)", low)):
            return Intent.COUNT, None, None
        if unknown and not focus:
            return Intent.OUT_OF_SCOPE, None, None
        citation = re.search(r"\b(bib\s?tex|bib|cite|citation|citing|reference|paper|papers|arxiv|doi|who (wrote|authored)|authors?|publication|(?<!open )(?<!open-)(?<!closed )(?<!closed-)source|title)\b", low)
        if citation and not re.search(r"\bcompare|\bvs\.?\b|\bversus\b", low) and (
                focus or (not has_filters and not concept and re.search(r"^(give|show|get|and|what|who|cite|the|its|bib)|\b(it|its|this|that)\b", low))):
            return Intent.CITATION, None, None
        if len(focus) >= 2 and re.search(r"\b(compar\w*|vs\.?|versus|differ\w*|between|better|bigger|larger|smaller|newer|older|both|similar\w*|contrast\w*|relative to|against)\b", low):
            return Intent.COMPARE, None, None
        if re.search(r"\b(based on|derived from|built on|builds? on|built upon|builds? upon|build off|descend\w*|successor|predecessor|lineage|family tree|ancestors?|parent model|fine-?tuned from|comes? from|origin)\b", low) and (
                focus or filters.derived_from or re.search(r"\b(it|its|this|that|they|them|those|these)\b", low)):
            return Intent.LINEAGE, None, None
        if sup and not focus:
            return Intent.COUNT, sup, None
        definitional = re.search(r"^(what('s| is| are| does)|explain|define|describe|how does|how do|meaning of|tell me about|what do you mean)", low)
        if concept and not focus and (definitional or not has_filters) and not re.search(
                r"\b(which|list|show|all|every|any|models? (that|which|with|using|trained|from))\b", low):
            return Intent.CONCEPT, None, None
        if focus:
            if len(focus) >= 2 and not attributes:
                return Intent.COMPARE, None, None
            return Intent.FACT, None, None
        if has_filters or sup:
            only_numbers = not filters.model_copy(update={"date_from": None, "date_to": None, "params_min": None, "params_max": None,
                                                          "params_equal": None}).has_constraints()
            if only_numbers and not about_models(low):
                return Intent.OUT_OF_SCOPE, None, None  # "who won the world cup in 2018": a date alone is no topic
            return Intent.LIST, sup, None
        if concept:
            return Intent.CONCEPT, None, None
        return Intent.LIST, None, None  # open question: retrieval decides, or abstains
