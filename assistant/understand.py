"""Understand: question text -> typed ``Query``. No model needed, except the paraphrase matcher.

Order of work: clean the text and apply the guards (empty, too long, instructions, greetings,
off-topic); find an arXiv id or paper title; link model names (masked from then on, so
"AlexaTM 20B" is not read as a size); read relations, facet mentions and their polarity
(``assistant.parse``); compute the features and pick the intent from the frame table
(``assistant.frames``); then check coverage: a constraint-bearing phrase nobody read goes to
the paraphrase matcher, and if that fails too it is reported, never silently dropped.
"""

from __future__ import annotations

import re
import threading
import unicodedata

from assistant import depth, facets, spelling
from assistant.facets import COUNT_FACETS
from assistant.frames import decide
from assistant.lexicon import Lexicon, detect_language, lexicon, phrase_pattern
from assistant.linking import COMMON_WORDS, SIZE_WORD, TOKEN, EntityLinker, english_words
from assistant.lookup import CONCEPT, CitationIndex
from assistant.parse import Parser, Reading
from assistant.spans import blank
from assistant.phrases import CATALOG_PAPER
from assistant.query import And, Attribute, Constraint, Intent, Not, Op, Or, Premise, Quant, Query, Reason, Superlative, leaves, years_spanned
from assistant.coverage import Coverage
from assistant.reading import describe
from assistant.relative import absolute
from assistant.retrieve import KIN_RANKINGS, OWNED_RANKINGS, holds
from assistant.signals import (ConceptMap, comparative_ranking, concept_spans, corpus_vocabulary, count_check, periods_compared, share_claim, ratio_claim, find_superlative, group_by, group_fewest, having, sort_order, aggregate,
                               superlative_measure)
from assistant.spelling import Speller
from catalog import Catalog, normalize_name
from catalog.vocab import Architecture, canonical_lab

MAX_CHARS = 2000
FAMILY_CITED = 6  # a family this small asked about through its papers is cited member by member
_INNER_CAPITAL_NAME = re.compile(r"[a-z][A-Z]")  # "LLaMA", "PaLM": a name's own spelling, never the everyday word
_NUMBERED = re.compile(r"[\s-]*v?\d")  # "Llama 3", "Falcon-180B": a name with a number after it is the model's


def _everyday(text: str, lex) -> bool:
    """The question uses a word the catalog also has as a model's or a lab's name in its everyday sense: a row of
    the lexicon's ``everyday_senses`` whose name stands beside one of its words ("what do alpacas eat?", "when do
    cherry trees bloom?", "how do I cancel Amazon Prime?"), or a form only the everyday thing takes ("do orcas")."""
    for row in lex.data.get("everyday_senses", []):
        if any(phrase_pattern(str(p), lex.spaced).search(text) for p in row.get("alone", [])):
            return True
        named = [m for n in row["names"] for m in phrase_pattern(str(n), lex.spaced).finditer(text)
                 if not _INNER_CAPITAL_NAME.search(m.group()) and not _NUMBERED.match(text, m.end())]
        if named and any(phrase_pattern(str(w), lex.spaced).search(text) for w in row["words"]):
            return True
    return False


class _Invisible(dict):
    """``str.translate`` table: format, control, private-use and surrogate code points -> deleted.
    Filled per code point on first sight (building it for all 1.1M up front cost each CLI call ~0.3 s)."""

    def __missing__(self, code: int):
        gone = unicodedata.category(chr(code)) in ("Cf", "Cc", "Co", "Cs") and chr(code) not in "\n\t"
        self[code] = None if gone else code
        return self[code]


_INVISIBLE = _Invisible()
_JOINED = re.compile(r"(?<![\w./])[A-Za-z]{2,}(?:[._][A-Za-z]{2,}){2,}(?:[._](?:19|20)\d\d)?(?![\w/])")  # three words or more
_CUE_FEATURES = ("count", "count_not", "citation", "citation_bare", "compare", "compare_pair", "lineage", "pronoun",
                 "pronoun_subject", "definitional", "list_words", "about_models", "yes_no", "why", "in_catalog", "how_works", "asks_meaning",
                 "pick_among", "joint_lineage", "share")

_FIELD_ATTRIBUTES = frozenset({Attribute.DATE, Attribute.PARAMS, Attribute.LABS, Attribute.ARCHITECTURE, Attribute.OBJECTIVE,
                               Attribute.LICENSE, Attribute.CORPUS, Attribute.APPLICATION, Attribute.FAMILY, Attribute.DOMAINS,
                               Attribute.IO})
_HOP_ATTRIBUTES = _FIELD_ATTRIBUTES | {Attribute.VENUE, Attribute.AUTHORS, Attribute.LINK, Attribute.PAPER}
_CONCEPT_FACETS = ("objective", "architecture", "trait", "domain", "finetuned", "active")  # facets a concept's name can stand for
# ("active parameters": a term of mixture of experts, explained when its meaning is asked)
_MECHANISM_ATTRIBUTES = frozenset({Attribute.OBJECTIVE, Attribute.ARCHITECTURE, Attribute.TRAITS})  # what a concept explains


def _kind_aside(text: str, lex: Lexicon, m, before: list) -> bool:
    """A name said as the kind two or more models named before it are ("RoBERTa and DeBERTa are both improved BERTs;"):
    it ends its clause after the lexicon's ``kind_aside_before`` words (lexicon ``kind_aside_after``)."""
    if len({x.model_id for x in before if x.model_id != m.model_id}) < 2:
        return False
    lead = text[before[-1].end:m.start].lower()
    return bool(lex.first("kind_aside_before", lead) and lex.first("kind_aside_after", text[m.end:].lower()))


def _without_lineage(where: And) -> And:
    """The tree without its lineage constraints: a hop's or a weighed parent's own words ("base model", "its parent")
    are no premise about the models reached."""
    return And(items=[c for c in where.items if not (isinstance(c, Constraint) and c.facet in ("derived", "descends", "finetuned"))])


def _only_itself(where: And, base: And) -> bool:
    """Whether a share's counted set says nothing besides its base ("share of decoder models among all?": decoders of the
    decoders): then the base the words named is the set counted, and the share is of the whole catalog part."""
    said = {(c.model_dump_json(), neg) for c, neg in leaves(base)}
    return all((c.model_dump_json(), neg) in said for c, neg in leaves(where))


def _within(where: And, base: And) -> And:
    """A share's part on the field its base names too ("of the vision-language models, what share make images?"): the
    values the whole question joined into one condition are the base's and the part's apart, both holding, not either
    (the base's value, then the part's own values)."""
    said = {c.facet: c for c in base.items if isinstance(c, Constraint) and c.op is Op.IN}
    items = []
    for c in where.items:
        b = said.get(c.facet) if isinstance(c, Constraint) and c.op in (Op.IN, Op.ALL) else None
        own = [v for v in c.values if b is not None and v not in b.values] if b is not None else []
        if b is not None and own and len(own) < len(c.values):
            items += [b, c.model_copy(update={"values": own, "op": Op.IN})]
        else:
            items.append(c)
    return where.model_copy(update={"items": items})


def clean(text: str) -> str:
    """NFKC, drop invisible and control characters, collapse white space; words joined by dots
    or underscores instead of spaces ("Which.Models.Were.Released.In.March.2022") are spaced."""
    text = unicodedata.normalize("NFKC", text or "").translate(_INVISIBLE)
    text = _JOINED.sub(lambda m: re.sub(r"[._]", " ", m.group()), text)
    return re.sub(r"\s+", " ", text).strip()


def _named(text: str, spans) -> str:
    """``text`` with each model name in ``spans`` replaced by one placeholder word of its length: the name asks nothing
    ("Generative Pre-trained Transformer 3": no objective; "Gopher-Cite": no citation), yet it still stands where a
    name stands ("what was Pegasus built for?")."""
    for s, e in spans:
        text = text[:s] + "_" * (e - s) + text[e:]
    return text


def _half_claimed(c: Constraint, neg: bool) -> bool:
    """"How many layers does the Whisper encoder have?", BART 的解码器有几层: with one half of an encoder-decoder named as
    the part asked about, "encoder" / "decoder" read from it is that part, no claim about the model's architecture."""
    return not neg and c.facet == "architecture" and bool(c.values) and set(c.values) <= {"encoder", "decoder"}


_MECHANISMS = ("trait", "objective", "architecture")
_DENIABLE = _MECHANISMS  # fields whose negated value a fact question can assert of a model ("a dense model": no MoE)
# features under which a model named after a described-model head is still the question's subject
_EXPLAINING = frozenset({"definitional", "how_works", "why"})  # a concept asked to be explained, not values asked for
_NOT_DESCRIBED = frozenset({"lineage", "superlative", "citation", "count", "group", "in_catalog", "how_works", "definitional",
                            "lookup"})


_DESCRIBING_FIELDS = frozenset({"domain", "trait", "architecture", "objective"})  # a data set named stays a premise
_INNER_CAPITAL = re.compile(r"[a-z][A-Z]")
_NAME_TAG = re.compile(r"[A-Z]{2,3}")
VALUE_REACH = 30  # characters around an unrecorded attribute's word in which a word asking for its value counts


class Understander:
    def __init__(self, catalog: Catalog, paraphraser=None):
        self.catalog = catalog
        self.paraphraser = paraphraser  # assistant.paraphrase.Paraphraser, or None (then nothing is matched by meaning)
        facets.bind(catalog.models)
        lex = lexicon("en")
        self._corpus = corpus_vocabulary(catalog)
        vocabulary = frozenset(w for term in spelling.facet_terms(lex) for w in re.split(r"[\s/]+", term) if len(w) >= 3)
        vocabulary |= frozenset(t for t in self._corpus[0] if " " not in t)  # "ImageNet" is a dataset, not Imagen
        # a lab the lexicon names (one with no model here too: "Tencent models") is no unknown model
        vocabulary |= frozenset(w.lower() for sps in lex.values.get("lab", {}).values() for p in sps
                                if not str(p).startswith("re:") for w in str(p).split())
        self.linker = EntityLinker(catalog, vocabulary, english_words(), model_head=lambda rest: lex.first("model_head", rest),
                                    apposition=lambda rest: lex.first("model_apposition", rest))
        # the words the catalog writes in its fields and concepts, not only in its prose about a model (summary, key points,
        # notes): a name written only there ("Perceiver", a part of Flamingo) is no entry, and asked a field of, no model here
        prose = {"summary", "key_points", "architecture_note", "objective_notes"}
        self._field_words = frozenset(w for e in catalog.models.values()
                                      for w in re.findall(r"[a-z]+", e.model_dump_json(exclude=prose).lower())) | frozenset(
            w for c in catalog.concepts.values() for w in re.findall(r"[a-z]+", c.model_dump_json().lower()))
        known = self.linker.english | frozenset(str(w).lower() for w in lex.data.get("known_words", []))
        # words the lexicon reads (cue and facet words): a counted noun outside them is a thing the catalog does not count
        self._lexicon_words = spelling.vocabulary(lex) | vocabulary | frozenset(lex.stopwords)
        self.speller = Speller(spelling.vocabulary(lex), known, spelling.pairs(lex),
                               one_edit=spelling.cue_words(lex, self.linker.english))
        self.citations = {}
        self.parsers: dict[str, Parser] = {}
        self._tools_lock = threading.Lock()  # servers answer in several threads; a language's tools are built once
        self.concepts = ConceptMap.of(catalog)
        self.coverage = Coverage(catalog, paraphraser, self.concepts)

    def _tools(self, lex: Lexicon) -> tuple[Parser, CitationIndex]:
        if lex.language not in self.parsers:
            with self._tools_lock:
                if lex.language not in self.parsers:
                    parser = Parser(self.catalog, lex, self._corpus, self.linker.english)
                    self.citations[lex.language] = CitationIndex(self.catalog, lex, self.linker.english)
                    self.parsers[lex.language] = parser  # last: another thread reads both once this is set
        return self.parsers[lex.language], self.citations[lex.language]

    # -- public -------------------------------------------------------------------------------
    def understand(self, raw: str, glossed: bool = False) -> Query:
        """``glossed``: the text is a Chinese question's English gloss (its words are cue terms, not the asker's)."""
        text = clean(raw)
        lex = lexicon(detect_language(text))
        text = absolute(text, lex.language)  # "last year", "the past two years": the dates they name today
        guard = self._guard(text, lex)
        if guard is not None:
            return guard
        parser, citations = self._tools(lex)
        if (lead := lex.first("style_lead", text)) and text[lead.end():].strip():
            # "quick question: ...": how to ask, not what is asked; "eli5: next sentence prediction" asks to explain it
            text = ("explain " if lex.has("explain_lead", lead.group()) else "") + text[lead.end():]
        elif (tail := lex.first("explain_tail", text)) and text[:tail.start()].strip():
            head = text[:tail.start()]  # "RLHF, explain like I'm five": the request closes the question
            text = head if lex.has("explain", head.lower()) else "explain " + head  # "Explain RLHF in simple terms": once
        text = self._corrected(text, lex)
        text, corrections = self._spell(text, lex)
        q = self._read(text, lex, parser, citations, glossed)
        q = self._either_clause(q, text, lex, glossed)
        q = self._gap_end_described(q)
        return q.model_copy(update={"corrections": corrections}) if corrections else q

    def _gap_end_described(self, q: Query) -> Query:
        """"How long after Anthropic's 2021 assistant paper did Claude 3 come out?": the time between one named model and
        a model the question describes instead of naming (a lab, a year, a kind) asks for the gap between the two when the
        description holds exactly one other model of the catalog; the reading says what picked it out."""
        if not q.gap or len(q.models) != 1 or q.relations or q.exclude or q.superlative or q.unrecorded or q.yes_no:
            return q
        # the description is the set the question asks about, or the facts it would take for granted of the named model when
        # they do not hold for it ("after Salesforce's 2019 model did GPT-3 ...": GPT-3 is neither Salesforce's nor of 2019)
        said = [p for p in q.premises if p.model == q.models[0] and not p.negated and not p.stated]
        where = q.where if q.where.items and not q.premises else And(items=[p.constraint for p in said]) if len(said) == len(q.premises) else None
        if where is None or not where.items or (where is not q.where and holds(self.catalog.models[q.models[0]], where)):
            return q
        found = [e.id for e in self.catalog.models.values() if e.id not in q.models and holds(e, where)]
        if len(found) != 1:
            return q
        return q.model_copy(update={"models": [found[0], *q.models], "intent": Intent.COMPARE, "cite": False, "premises": [],
                                    "identified": found, "described": describe(where, self.catalog, q.language),
                                    "where": And(items=[]), "attributes": []})

    def _either_clause(self, q: Query, text: str, lex: Lexicon, glossed: bool) -> Query:
        """An "or" between two whole clauses (lexicon ``or_clause``: "open decoders, or else any encoder-decoder made by
        Google"; "models that are either closed Google models or made by DeepMind"): each side read as a set of its own,
        the answer holding the models of either; what the words before "either" say holds for both. A side after the
        "or" that only names another value of a field the first side names, with no head of its own ("decoders from
        Google, or Meta"), joins that field, as before."""
        said = lex.first("or_clause", text) if "or_clause" in lex.data["cues"] else None
        if (said is None or q.intent not in (Intent.LIST, Intent.COUNT) or q.models or q.group_by or q.superlative
                or q.share_of is not None or q.relations or q.check_op is not None):
            return q
        head, first, second = "", text[:said.start()], text[said.end():]
        if said.re.groupindex.get("either") and said.group("either"):  # the cue names the "or" that closes the first side
            head, first, second = text[:said.start()], text[said.end():said.start("or")], text[said.end("or"):]
            if lex.has("negation", head.lower()):  # "models that are not either ... or ...": the negation covers both
                return q
        sides = [self.understand("list " + side, glossed=glossed) for side in (first, second)]
        if any(s.intent not in (Intent.LIST, Intent.COUNT) or s.models or not s.where.items or s.superlative or s.group_by
               or s.relations for s in sides):
            return q
        # the fields by what they record: a licence name and a licence class are one field ("non-commercial or otherwise
        # restricted": the licence said twice, not a second clause)
        own = [{getattr(facets.FACETS.get(c.facet), "label", c.facet) for c, _ in leaves(s.where)} for s in sides]
        if own[1] <= own[0] and len(list(leaves(sides[1].where))) == 1 and not lex.has("or_clause_head", second.lower()):
            return q
        said_neg = sum(1 for _, neg in leaves(q.where) if neg)
        if said_neg != sum(1 for s in sides for _, neg in leaves(s.where) if neg):  # a negation read across the "or"
            return q
        common = self.understand("list " + head, glossed=glossed).where.items if head.strip() else []
        either = Or(items=[And(items=list(s.where.items)) for s in sides])
        return q.model_copy(update={"where": And(items=[*common, either])})

    def _corrected(self, text: str, lex: Lexicon) -> str:
        """A question corrected midway (lexicon ``self_correction``): the question asked again after the correction
        words ("... wait, I mean who built Tülu 3's parent?"), or the one model named there in place of the last model
        named before them ("who built BERT, sorry, I meant RoBERTa?"); any other tail leaves the question as written."""
        fix = lex.first("self_correction", text)
        head, tail = (text[:fix.start()], text[fix.end():]) if fix else ("", "")
        if not fix or not head.strip() or not tail.strip():
            return text
        if lex.has("correction_restart", tail.lower()):
            return tail
        said, _ = self.linker.link(tail, unique=False)
        before, _ = self.linker.link(head, unique=False)
        if len({m.model_id for m in said}) == 1 and before and before[-1].model_id != said[0].model_id:
            last = before[-1]
            return head[:last.start] + said[0].text + head[last.end:] + (tail[said[-1].end:] if not tail[said[-1].end:].strip(" ?.!") else "?")
        return text

    def _spell(self, text: str, lex: Lexicon) -> tuple[str, list[str]]:
        """Misspelt vocabulary words corrected (never inside a model name), with "old → new" notes."""
        fixes = self.speller.candidates(text) if lex.language == "en" else []
        if not fixes:
            return text, []
        mentions, _ = self.linker.link(text, unique=False)
        return self.speller.correct(text, [(m.start, m.end) for m in mentions], fixes)

    def _read(self, text: str, lex: Lexicon, parser: Parser, citations: CitationIndex, glossed: bool = False) -> Query:
        asked = text
        lookup, lookup_models, lookup_span = citations.paper(text)
        if lookup is None:  # a first author with "et al.", or an author's full name: before model names
            lookup, lookup_models, lookup_span = citations.named(text)
        if lookup_span and all(m.startswith(CONCEPT) for m in lookup_models) and self._names_part(text, lex, parser, lookup_span):
            lookup, lookup_models, lookup_span = None, [], None  # "which encoders are in Amatriain et al.'s survey?"
        if (lookup_span and lookup.kind == "title" and not lex.has("title_cue", text[max(0, lookup_span[0] - 24):lookup_span[0]])
                and self._title_is_name(text, lookup_span, lookup_models)):
            lookup, lookup_models, lookup_span = None, [], None  # "the Segment Anything Model": SAM by its name
        if lookup_span and lookup.kind == "title" and self._title_names_other(text, lookup_span, lookup_models):
            lookup, lookup_models, lookup_span = None, [], None  # "the Phi-3 technical report": Phi-3's, not a title like it
        linked = text if not lookup_span else text[:lookup_span[0]] + " " * (lookup_span[1] - lookup_span[0]) + text[lookup_span[1]:]
        mentions, unknown = self.linker.link(linked, unique=False)  # "LLaMA's family except LLaMA itself": two roles
        # a misspelt lab ("Microsft models", "by Antropic") is that lab, read by the parser: no unknown or look-alike model
        unknown = [u for u in unknown if not parser.lab_typo(u)]
        mentions = [m for m in mentions if not (m.fuzzy and parser.lab_typo(m.text))]
        alias = None  # "SAM (Segment Anything)": a title that only repeats a model named outside it is read, not looked up
        if lookup_models and set(lookup_models) <= {m.model_id for m in mentions if not (lookup_span[0] <= m.start < lookup_span[1])}:
            lookup, lookup_models, alias = None, [], lookup_span
        owned = parser.named_values(text) + parser.name_words(text)  # "with GPT in their name": a word of names, no model
        mentions = [m for m in mentions if not any(s <= m.start and m.end <= e for s, e in owned)]
        mentions, unnumbered, generations = self.linker.generations(text, mentions)  # "the second-generation Llama"
        unknown = [*unknown, *unnumbered]
        asides = [m for k, m in enumerate(mentions) if _kind_aside(text, lex, m, mentions[:k])]
        mentions = [m for m in mentions if m not in asides]  # "X and Y are both light BERTs": what they are, no model
        if lookup is None and alias is None:  # a title by its words, when they are not a model's name (nor one the catalog
            # lacks: "Claude 3.5 Sonnet" is no lookup of the Claude 3 card by its words "Claude" and "Sonnet")
            named = [(m.start, m.end) for m in mentions] + [(at, at + len(u)) for u in unknown if (at := text.find(u)) >= 0]
            if lex.has("share", text.lower()) or lex.has("count", text.lower()):  # "what % of the paper's models use causal
                # language modeling?": in a question about a set, a field's own term is that field, no title's words
                named += [hit.span() for f in _TITLE_FIELDS for hit, _ in parser.termsets[f].find(text)]
            lookup, lookup_models, lookup_span = citations.by_words(text, named)
            if lookup_span and all(m.startswith(CONCEPT) for m in lookup_models) and self._names_part(text, lex, parser, lookup_span):
                lookup, lookup_models, lookup_span = None, [], None  # "the largest model in the transformer catalog paper"
        if lookup is None and alias is None:  # a quoted title no catalog paper has
            lookup, lookup_models, lookup_span = citations.quoted(text, [(m.start, m.end) for m in mentions])
        if lookup_span:
            mentions = [m for m in mentions if not (lookup_span[0] <= m.start < lookup_span[1])]
            unknown = [] if lookup_models else unknown
        premises, body = [], text
        clause = self._premise_clause(text, lex, mentions)
        if clause:  # "since BERT is a decoder, what does it generate?": the clause states, the rest asks
            premises = self._clause_premises(text, clause, mentions, parser)
            if not premises and clause[0] and not lex.has("premise_temporal", text[clause[0]:clause[1]].lower()):
                # "since BLOOM only covers English, what was it trained on?": a reason, no date bound ("since" is not
                # "after"); its model stays the subject (a release in the clause keeps it a time: "since GPT-3 came out")
                body = " " * clause[0] + text[clause[0]:]
            clause = clause if premises else None  # a clause that asserts nothing readable keeps its model a subject
        if clause:
            body = " " * clause[1] + text[clause[1]:]
            subjects = {p.model for p in premises}
            mentions = [m for m in mentions if not clause[0] <= m.start < clause[1] or m.model_id in subjects]
        masked = [(m.start, m.end) for m in mentions] + ([lookup_span] if lookup_span else [])
        r = Reading()
        # "(undisclosed sizes in the denominator)": how a share's base is taken, nothing counted
        notes = [m.span() for m in lex.find("share_base_note", text.lower())] if lex.has("share", text.lower()) else []
        masked += notes
        for span in [(m.start, m.end) for m in asides] + generations + notes:
            r.use(*span)
            r.quiet.append(span)
        parser.relations.read(body, [m for m in mentions if not clause or not clause[0] <= m.start < clause[1]], r)
        text = body
        parser.mentions(text, masked, r, [lookup_span] if lookup_span else [])
        parser.polarity(text, r, lexicon("zh") if glossed else lex)  # a glossed question was asked in Chinese (core)
        parser.relations.to_set(text, mentions, r, lambda found: self._members(found, text, parser, lex.language))
        depth.alone(lex, text, r)  # "what's in the ancestry of Dolly (any depth)?"
        if (up := lex.first("line_up_pronoun", text.lower())):  # "what came before it in its line?": its ancestors
            r.ancestors = not up.group("direct")
            r.use(*up.span())
        kin = lex.first("kin_of_pronoun", text.lower()) if not mentions else None
        if kin:  # "and that model's own parent?": the lineage of the model discussed (the session names it)
            r.found = [f for f in r.found if not (f.end and kin.start() <= f.start and f.end <= kin.end())]  # "base model":
            r.use(*kin.span())  # the kin word, no foundation-model facet
            r.quiet.append(kin.span())
        if not mentions and (ref := lex.ref("parent_of_it", text.lower())):  # "and who made the teacher model?": the parent of
            r.use(*ref.span())  # the model discussed (the session's), no description of models for the paraphraser to read
        if (scope := lex.first("lineage_in_catalog", text.lower())):  # "StarCoder2's predecessor in the catalog?"
            r.use(*scope.span("scope"))
            r.quiet.append(scope.span("scope"))
        named = {m.model_id for m in mentions} - set(r.references) or {x.model for x in r.exclude}  # "apart from Gopher, ..."
        parser.relations.open(text, r, pair=len(named) >= 2, alone=next(iter(named)) if len(named) == 1 else None)
        if [f for f in r.found if f.end]:  # "models the catalog gives no size for": the catalog as the facts' source, no concept
            for src in lex.find("catalog_as_source", text.lower()):
                r.use(*src.span())
                r.quiet.append(src.span())
        if lookup is None:
            scope = [(f.start, f.end) for f in r.found if f.facet == "catalog"]  # "in Amatriain et al.'s catalog": a part, not an author
            lookup, lookup_models, lookup_span = citations.author(text, masked + r.used + scope, fuzzy=not (r.found or mentions))
            if lookup_span:
                r.found = [f for f in r.found if not (lookup_span[0] <= f.start < lookup_span[1])]
        if lookup is not None and lookup.kind == "author" and lookup_models:
            mentions, lookup_models = self._papers_of(text, lex, mentions, lookup_models)
        if lookup is not None and lookup.kind == "author" and lookup_models and (cue := lex.first("first_author_cue", text)):
            lookup_models = self._first_authored(lookup.value, lookup_models)  # "... as first author": that position only
            lookup = lookup.model_copy(update={"first": True})
            r.use(*cue.span())
        if lookup_span:
            r.use(*lookup_span)
        if alias:
            r.use(*alias)
            r.quiet.append(alias)
        if not mentions and not lookup and (name := self._unknown_subject(text, lex, r)):
            unknown = [*unknown, name] if name not in unknown else unknown
        if not lookup:
            unknown += [n for n in self._variant_names(text, lex, mentions)  # "the Zorblax transformer": Zorblax, named
                        if not any(u.lower() in n.lower() for u in unknown)]
        # a name inside a longer one named ("Quillon" of "Quillon 2", "Compressive" of "Compressive Transformer"): once
        unknown = [u for u in unknown if not any(u != n and re.search(rf"(?<!\w){re.escape(u)}(?!\w)", n) for n in unknown)]
        q = self._compose(text, lex, r, mentions, unknown, lookup, lookup_models, glossed)
        if kin and q.intent in (Intent.FACT, Intent.LIST) and not (q.models or q.attributes or q.where.items or q.concept):
            q = q.model_copy(update={"intent": Intent.LINEAGE, "transitive": lex.has("ancestry", text.lower())})
        if q.intent is Intent.LINEAGE and q.models:
            q = self._owned(q, text, lex, r, mentions)
        if not glossed and not premises and self.coverage.foreign(q, text, lex, r, parser.filler):
            return Query(text=asked, intent=Intent.OUT_OF_SCOPE, reason=Reason.OFF_TOPIC, language=lex.language)
        if premises and q.models:
            q = q.model_copy(update={"premises": [*premises, *q.premises]})
        return q.model_copy(update={"text": asked}) if clause else q

    @staticmethod
    def _owned(q: Query, text: str, lex: Lexicon, r: Reading, mentions) -> Query:
        """A lab written as the owner of the model a lineage question is about ("Stanford's Dolly - what was it fine-tuned
        from?") states a fact of that model, a premise to check, as a fact question's constraint is; a lab elsewhere in the
        question ("which Meta model was Alpaca built on?") may describe the parent and stays as it was."""
        owned = {(f.start, f.end): m.model_id for f in r.found if f.facet == "lab" and not f.negated and f.end
                 for m in mentions if m.model_id in q.models and m.start >= f.end and lex.first("owner_gap", text[f.end:m.start])}
        if not owned or not isinstance(q.where, And):
            return q
        labs = {str(v) for f in r.found if (f.start, f.end) in owned for v in (f.value if isinstance(f.value, list) else [f.value])}
        moved = [c for c in q.where.items if isinstance(c, Constraint) and c.facet == "lab" and {str(v) for v in c.values} <= labs]
        if not moved:
            return q
        model = next(iter(owned.values()))
        return q.model_copy(update={"premises": [*q.premises, *(Premise(model=model, constraint=c) for c in moved)],
                                    "where": And(items=[c for c in q.where.items if c not in moved])})

    def _members(self, found: list, text: str, parser: Parser, language: str) -> tuple[list[str], str]:
        """The catalog models that satisfy constraints read from part of a question, and their reading."""
        tree = parser.tree(text, Reading(found=found), Quant.LARGEST)
        return [e.id for e in self.catalog.models.values() if holds(e, tree)], describe(tree, self.catalog, language)

    def _family_cited(self, where: And) -> list[str]:
        """A family (or a lab) asked about through its papers ("which paper introduced the Falcon models?", "cite the
        Gemma models", "what paper describes the DeepSeek models?"): its members are the subjects of a citation, when
        it is the only constraint and names a few models."""
        if not where.items or not all(isinstance(c, Constraint) and c.facet in ("family", "lab") for c in where.items):
            return []
        members = [e.id for e in self.catalog.models.values() if holds(e, where)]
        return members if len(members) <= FAMILY_CITED else []

    def _papers_of(self, text: str, lex: Lexicon, mentions, models: list[str]):
        """An author's papers narrowed to a family named before "papers" ("which Qwen reports list An Yang?"): the
        family's members among them, and the name no model asked about. (mentions, models)"""
        for m in mentions:  # the model itself and the family written with its name ("LLaMA": LLaMA and Llama 2)
            members = [x for x in models if x == m.model_id or (self.catalog.models[x].family or "").lower() == m.text.lower()]
            if members and lex.first("papers_named_after", text[m.end:]):
                return [x for x in mentions if x is not m], members
        return mentions, models

    def _first_authored(self, name: str, models: list[str]) -> list[str]:
        """The models among ``models`` whose paper lists ``name`` first (all of them when none does:
        the catalog may shorten an author list, and a wrong filter would hide the answer)."""
        first = [m for m in models if m in self.catalog.models and self.catalog.models[m].paper.authors[:1] == [name]]
        return first or models

    def _title_names_other(self, text: str, span: tuple[int, int], models: list[str]) -> bool:
        """A title read by likeness ("Phi-4 Technical Report") where the words name another catalog model
        ("the Phi-3 technical report"): the model written is the subject, not the paper the title resembles."""
        found, _ = self.linker.link(text, unique=False)
        inside = [m for m in found if span[0] <= m.start and m.end <= span[1] + 1]
        return bool(inside) and not any(m.model_id in models for m in inside)

    def _title_is_name(self, text: str, span: tuple[int, int], models: list[str]) -> bool:
        """A title read where the text names the title's own model ("Segment Anything" in "the
        Segment Anything Model"): the name, the model's fields, not a paper lookup."""
        found, _ = self.linker.link(text, unique=False)
        return any(m.model_id in models and m.start <= span[0] + 1 and span[1] - 1 <= m.end for m in found)

    def _premise_clause(self, text: str, lex: Lexicon, mentions) -> tuple[int, int] | None:
        """The span of a clause that states facts before the question asks ("since X is ...,",
        "X was fine-tuned from Y, right?"), when it names a model and a question follows it."""
        m = lex.first("premise_tag", text)
        if not m or not text[m.end():].strip(" ?,.'"):
            # a tag that closes the whole question ("since Jamba is dense, every parameter is used, right?"): the clause
            # after "since" is the premise, the rest the claim asked about
            m = lex.first("premise_lead", text) or m
        if not m or not text[m.end():].strip(" ?,.") or not (lex.has("premise_verb", text[:m.end()]) or lex.has("premise_verb_more", text[:m.end()])):
            return None
        span = (m.end("lead") if m.groupdict().get("lead") else 0, m.end())  # the clause after "since"
        return span if any(span[0] <= x.start < span[1] for x in mentions) else None

    def _clause_premises(self, text: str, clause, mentions, parser: Parser) -> list[Premise]:
        """The facts a premise clause asserts about the first model it names."""
        inside = [m for m in mentions if clause[0] <= m.start < clause[1]]
        part = " " * clause[0] + text[clause[0]:clause[1]] + " " * (len(text) - clause[1])
        r = Reading()
        parser.relations.read(part, inside, r)
        parser.mentions(part, [(m.start, m.end) for m in inside], r, [])
        parser.polarity(part, r)
        subject = next((m.model_id for m in inside if m.model_id not in r.references), None)
        where = parser.tree(part, r, Quant.LARGEST)
        return [Premise(model=subject, constraint=c, negated=neg, stated=True) for c, neg in leaves(where)] if subject else []

    @staticmethod
    def _names_part(text: str, lex: Lexicon, parser: Parser, span: tuple[int, int]) -> bool:
        """The catalog paper, named by its authors, as the part of the catalog a set question is
        about ("the biggest Meta model in Amatriain et al.'s catalog"), not as a paper asked for:
        a catalog-facet phrase covers the lookup and no citation word is left outside it."""
        parts = [hit.span() for hit, _ in parser.termsets["catalog"].find(text) if hit.start() <= span[0] < hit.end()]
        return bool(parts) and not lex.has("citation", blank(text.lower(), parts))

    def _unknown_subject(self, text: str, lex: Lexicon, r: Reading) -> str | None:
        """The name a "what is X (in your catalog)?" question asks about, when no part of the
        catalog reads it: not a model, a concept, a vocabulary term or a lab. Its catalog text
        may mention it, but the catalog has no entry for it, so the question is not answerable."""
        m = lex.first("definition_subject", text)
        if not m:
            return self._unknown_asked(text, lex, r)
        named = concept_spans(self.catalog, text, lex, self.concepts)
        parser = self.parsers[lex.language]
        read = [(s, e) for s, e, _ in named] + r.used + [(f.start, f.end) for f in r.found]
        read += parser.name_spans(text)  # "what is the Pile?"
        start = m.start("subject")
        names = [(w.start() + start, w.end() + start) for w in re.finditer(r"[A-Z][\w.+-]*", m.group("subject"))]
        unread = [(s, e) for s, e in names if not any(a <= s < b for a, b in read)]
        return m.group("subject") if unread else None

    def _variant_names(self, text: str, lex: Lexicon, mentions) -> list[str]:
        """Transformer variants the catalog does not hold, named by a word before the name word ("the Funnel Transformer",
        "universal transformer paper?"): the lexicon's ``name_word_variant``, when the word is none the catalog's fields,
        the lexicon or English's plain words for the Transformer itself (``name_word_generic``) use."""
        generic = frozenset(str(w) for w in lex.data.get("name_word_generic", []))
        out = []
        for p in lex.data.get("name_word_variant", []):
            for m in phrase_pattern(str(p)).finditer(text):
                word = m.group("word").lower()
                if (word in generic or word in self._field_words or word in self._lexicon_words or word in COMMON_WORDS
                        or word in self.linker.vocabulary or word in self.linker.groups
                        or any(x.start < m.end() and m.start("word") < x.end for x in mentions)):
                    continue
                out.append(text[m.start("word"):m.end()])
        return out

    def _unknown_asked(self, text: str, lex: Lexicon, r: Reading) -> str | None:
        """A name a question asks a field of (its lab, size, objective, date, paper) when no catalog model is named: a
        capitalized word with small letters too ("HyperLoom", "ELMo", "Qwen2-Audio") that neither English, the
        catalog's own text, a lab, a dataset nor any reading of the question has, with a size written after it
        ("HyperLoom 40B"). A set question ("which models ...") asks no field of one model, so it names none."""
        low = text.lower()
        # its paper asked for ("the arXiv id for BEiT", "which paper introduced MaskGIT?") is a field asked of it too
        if not (self._attributes(low, lex) or lex.has("citation", low)) or lex.has("set_nouns", low) or lex.has("count", low):
            return None
        parser = self.parsers[lex.language]
        read = [(s, e) for s, e, _ in concept_spans(self.catalog, text, lex, self.concepts)] + r.used + parser.name_spans(text)
        read += [(f.start, f.end) for f in r.found if f.facet != "size"]  # "HyperLoom 40B": the size is the name's own
        link = self.linker
        known = (link.english, self._field_words, link.groups, link.vocabulary, COMMON_WORDS, self._lexicon_words)
        for w in TOKEN.finditer(text):
            word, at = w.group(), w.start()
            if (len(word) < 3 or not word[0].isupper() or not any(c.islower() for c in word)
                    or any(a <= at < b for a, b in read)):
                continue
            key = word.lower()
            # a capital after a small letter ("CoCa", "BEiT") is how a name is written, never an English word's spelling
            sets = known[1:] if _INNER_CAPITAL.search(word) else known
            if any(k in words for k in (key, key.rstrip("s")) for words in sets):  # no union of the sets per word
                continue
            after = TOKEN.match(text, w.end() + 1) if text[w.end():w.end() + 1] in (" ", "-") else None
            sized = bool(after and SIZE_WORD.match(after.group()))
            if not text[:at].strip() and word[1:].islower() and not sized:
                continue  # a sentence's first word, capitalized for that alone ("Who"), unless a size names it ("Sylphix 70B")
            tagged = bool(after and _NAME_TAG.fullmatch(after.group()))  # "Perceiver IO": a short capital tag is the name's
            return text[at:after.end()] if sized or tagged else word
        return None

    def _guard(self, text: str, lex: Lexicon) -> Query | None:
        def out(reason: Reason, shown: str = text) -> Query:
            return Query(text=shown, intent=Intent.OUT_OF_SCOPE, reason=reason, language=lex.language)

        if not text or not re.search(r"[A-Za-z0-9\u00C0-\uFFFF]", text):
            return out(Reason.EMPTY)
        if len(text) > MAX_CHARS:
            return out(Reason.TOO_LONG, text[:200])
        if lex.has("instruction", text):
            return out(Reason.INSTRUCTION)
        if lex.has("greeting", text):
            return out(Reason.THANKS if lex.has("thanks", text) else Reason.GREETING)
        if lex.has("off_topic", text) and not lex.has("on_topic", text):
            return out(Reason.OFF_TOPIC)
        if _everyday(text, lex) and not lex.has("on_topic", text):
            return out(Reason.OFF_TOPIC)  # "what do alpacas eat?", "how do I cancel Amazon Prime?": the name's other sense
        return None

    def _aliased(self, m) -> bool:
        """The model is named by another of its names, not its catalog name or id written another way ("OASST", not "GPT3"),
        nor its name cut short to its first words ("Mixtral" for Mixtral 8x7B; "XLM-R" is another name of XLM-RoBERTa)."""
        words = lambda s: s.lower().replace("_", " ").replace("-", " ").split()
        e, written = self.catalog.models[m.model_id], words(m.text)
        return not any(normalize_name(m.text) == normalize_name(n) or written == words(n)[:len(written)] for n in (e.name, e.id))

    def _hop(self, text: str, lex: Lexicon, mentions, focus) -> tuple[str, int, list[str]] | None:
        """The model a field is asked of through its parent ("the parent of Zephyr", "Zephyr's base model", "the model
        Alpaca was fine-tuned from"; "grandparent": two generations; "the model Turing-NLG was folded into": its children,
        generations -1): (model, generations, the models reached), or None when no model is named so or it has no parent
        (or child) in the catalog (its lineage answer says so)."""
        low = text.lower()
        for m in mentions:
            if m.model_id not in focus:
                continue
            before, after = low[:m.start], low[m.end:]
            said, own = lex.first("hop_before", before), lex.first("hop_after", after)
            if said and lex.first("hop_listed", before[:said.start()]) or own and lex.first("hop_listed_after", after[own.end():]):
                continue  # "the lab, the year and the parent model of Vicuna", "T0's base model, its sizes and its lab": asked too
            asked_child = lex.first("hop_child_question_after", after)
            if (lex.first("hop_model_before", before) and lex.first("hop_child_after", after)
                    or asked_child and lex.first("hop_pointer", after[asked_child.end():])):
                # "the model Turing-NLG was folded into", "the model Gemma was followed by": its children, one generation down
                reached = [i for i, e in self.catalog.models.items() if m.model_id in e.derived_from]
                return (m.model_id, -1, reached) if reached else None
            clause = lex.first("hop_clause_after", after)  # "Minerva extends another model - ... that base model"
            joint = None if said or own or clause else lex.first("hop_joint_after", after)  # "SAM and DINOv2 both derive ..."
            joint = joint if joint and lex.first("hop_pointer", after[joint.end():]) else None
            asked = lex.first("hop_question_after", after) if lex.first("hop_question_before", before) else None
            asked = asked if asked and lex.first("hop_pointer", after[asked.end():]) else None
            if not (said or own or joint or asked
                    or lex.first("hop_model_before", before) and lex.first("hop_model_after", after)
                    or clause and lex.first("hop_pointer", after[clause.end():])):
                continue
            if joint:  # the parent every model of the clause has
                joined = [x.model_id for x in mentions if m.start <= x.start and x.end <= m.end + joint.end("joined")]
                common = set.intersection(*(set(self.catalog.models[i].derived_from) for i in joined))
                reached = [p for p in self.catalog.models[m.model_id].derived_from if p in common and p in self.catalog.models]
                return (m.model_id, 1, reached) if len(joined) > 1 and reached else None
            depth = 2 if lex.has("hop_twice", low) or lex.has("kin_chain", low) or lex.has("kin_derived", low) else 1
            reached = [m.model_id]
            for _ in range(depth):
                reached = list(dict.fromkeys(p for i in reached for p in self.catalog.models[i].derived_from
                                             if p in self.catalog.models))
            return (m.model_id, depth, reached) if reached else None
        return None

    def _part(self, text: str, lex: Lexicon, mentions, focus) -> tuple[str, int, list[str], tuple[int, int]] | None:
        """A part of a model asked about ("the vision encoder LLaVA uses", "LLaVA's language model", "LLaVA uses a vision
        encoder ... who made it?"): the parent its architecture note names right before the part's words (lexicon
        ``component_parts``): (model, 1, [that parent], the part's words), or None when the note names no parent as that
        part (Flamingo's vision encoder is NFNet, no catalog model)."""
        low = text.lower()
        for m in mentions:
            if m.model_id not in focus:
                continue
            e = self.catalog.models[m.model_id]
            parents = [self.catalog.models[p] for p in e.derived_from if p in self.catalog.models]
            after, lead = low[m.end:], low[max(0, m.start - 60):m.start]
            said = lex.first("component_after", after)
            span = (m.end + said.start("part"), m.end + said.end("part")) if said else None
            if not said and ((said := lex.first("component_before", lead))
                             or lex.first("component_use_after", after) and (said := lex.first("component_bare_before", lead))):
                span = (m.start - len(lead) + said.start("part"), m.start - len(lead) + said.end("part"))
            row = next((row for row in lex.data["component_parts"] if said
                        and phrase_pattern(row["part"]).search(said.group("part"))), None)
            if not parents or row is None:
                continue
            note = e.architecture_note or ""
            named = [(n.start(), p.id) for hit in phrase_pattern(row["note"]).finditer(note) for p in parents
                     for name in (p.name, *p.aliases) for n in re.finditer(rf"(?<![\w]){re.escape(name)}(?![a-z0-9])", note[:hit.start()])]
            if named:
                return m.model_id, 1, [max(named)[1]], span
        return None

    def _part_beside(self, text: str, lex: Lexicon, mentions, focus) -> tuple[str, int, list[str], tuple[int, int]] | None:
        """A part of one of several models named, the others its parents named as the rest of its make-up ("LLaVA plugs an
        image encoder into Vicuna: who made that encoder?"): the part (``_part``), unless it is a model named too."""
        for model in focus:
            kin = self.catalog.models[model].derived_from
            if all(o == model or o in kin for o in focus) and (part := self._part(text, lex, mentions, [model])) \
                    and not set(part[2]) & set(focus):
                return part
        return None

    def _own_kin(self, low: str, lex: Lexicon, mentions, focus, cue_text: str) -> list[str]:
        """The parents of the one model named, when the question weighs it against "its parent" ("is Vicuna bigger than
        its base model?", "how long after its parent did Alpaca come out?"); [] otherwise."""
        said = lex.first("own_kin", low)
        at = next((m.start for m in mentions if m.model_id == focus[0]), None) if len(focus) == 1 else None
        if said is None or at is None or at > said.start():
            return []
        weighed = lex.has("compare_pair", cue_text) or lex.has("gap_asked", cue_text) or lex.first("own_kin_against", low[:said.start()])
        if not weighed:
            return []
        return [p for p in self.catalog.models[focus[0]].derived_from if p in self.catalog.models and p != focus[0]]

    def _share_of(self, text: str, lex: Lexicon, cue_text: str, glossed: bool, claimed=None) -> And | None:
        """"What share of Google's models are decoders?", "among encoders, what percentage are open?": the set a
        proportion is taken of, read as a question of its own (``And()``: the whole catalog part); None when no
        proportion is asked (the ``share`` cue). ``claimed``: (the text, the span of the set a share claim is about,
        the whole question's conditions): "are most Google models decoders?": "Google models"."""
        if claimed is not None:
            said, (start, end), where = claimed
            whole = {c.model_dump_json() for c, _ in leaves(where)}
            more = lex.first("share_claim_more", said[end:])  # "are most models from 2022 bigger than 10B?": "from 2022" too
            if lex.has("pronoun", said[start:end]):  # "are these two models all decoders?": the models discussed, no set
                return None
            # the set read from the question's own words: a model name stands for a family there ("all models of the
            # LLaMA family"), where the cue text holds only its placeholder
            own_words = text if len(text) == len(said) else said
            for words in ([own_words[start:end + more.end()]] if more else []) + [own_words[start:end]]:
                base = self.understand("list " + words, glossed=glossed)
                if base.models or base.intent not in (Intent.LIST, Intent.COUNT) and base.where.items:
                    continue
                own = {c.model_dump_json() for c, _ in leaves(base.where)}
                if own < whole or not own:  # the claim says something of the set besides the set itself
                    return base.where if base.intent in (Intent.LIST, Intent.COUNT) else And()
            return None
        if not lex.has("share", cue_text):
            return None
        # a part of the catalog said first ("in the paper, what share of the 2022 models ...", "among the additions,
        # what fraction of the MoE models ..."): a scope the set is taken within, when a set of its own follows
        scope: list = []
        for said in lex.find("share_base", text.lower()):
            if not said.group("base").strip():
                continue
            end = said.end("base")
            verb = lex.first("share_base_participle", text[end:].lower())
            if verb:  # "of models released since the paper are ...": the set runs on to the main verb
                main = lex.first("share_main_verb", text[end + verb.end():].lower())
                end = end + verb.end() + main.start() if main else end
            base = self.understand("list " + text[said.start("base"):end], glossed=glossed)
            # a line of descent is a set too ("of LLaMA's descendants, what fraction ...": the models that descend from it)
            lineage = base.intent is Intent.LINEAGE and bool(base.where.items)
            if base.models or base.intent not in (Intent.LIST, Intent.COUNT) and not lineage or lex.has("share", base.text.lower()):
                return And()
            if all(c.facet == "catalog" for c, _ in leaves(base.where)) and not base.relations:
                words = text[said.start():end]  # with its preposition: "in the paper"
                part = list(base.where.items) or [Constraint(facet="catalog", values=[t.value]) for _, t in
                                                  self._tools(lex)[0].termsets["catalog"].find(words)]
                if part:  # the same part said again by another pattern reads no set either
                    scope = scope or part
                    continue
            return And(items=[*base.where.items, *(c for c in scope if c not in base.where.items)])
        return And(items=scope)  # a part alone is the set ("of models released since the paper")

    @staticmethod
    def _more_of(where, lex: Lexicon, cue_text: str, found=()) -> str | None:
        """"Who built more models, Google or OpenAI?", "encoders or decoders: which are there more of?": a count per
        value of the one field the question names alternatives of (the ``more_models`` cue), not a list of them."""
        g = lex.data["group_by"]
        groupable = lex.data["group_by"]["keys"]
        # "how many use MLM, how many use DAE, and how many use causal LM?": one count asked per value, however they are joined
        apart = phrase_pattern(g.get("each_clause", "re:(?!)")).search(cue_text)
        # ... or, in a count, one preposition said again before each value ("trained with DPO, with RLHF and with RL")
        apart = apart or phrase_pattern(g["counting"]).search(cue_text) and phrase_pattern(g["each_repeated"]).search(cue_text)
        # ... or "each" said of values joined by "and" ("how many models did Microsoft and NVIDIA each take part in?")
        each = phrase_pattern(g["counting"]).search(cue_text) and phrase_pattern(g.get("each_named", "re:(?!)")).search(cue_text)
        joined = (Op.IN, Op.ALL) if apart or each else (Op.IN,)
        fields = [c.facet for c, neg in leaves(where) if not neg and c.op in joined and len(c.values) > 1 and c.facet in groupable]
        many = [c.facet for c, neg in leaves(where) if not neg and c.op is Op.IN and len(c.values) > 2 and c.facet in groupable]
        # ... each value said in words of its own, not one group word ("Chinese labs") that stands for several
        named_apart = bool(many) and sum(1 for f in found if f.facet == many[0]) >= 3
        counting = phrase_pattern(g["counting"]).search(cue_text)
        if not (phrase_pattern(g.get("more_models", "re:(?!)")).search(cue_text) or apart
                or counting and phrase_pattern(g.get("each_named", "re:(?!)")).search(cue_text)
                or counting and len(many) == 1 and len(fields) == 1 and named_apart):  # "how many encoder, decoder and encoder-decoder
            return None                                                 # models are there?": three values or more, each
        if not fields:  # "how many came out in 2020 and 2021 respectively": the years of a date range, counted apart
            if len(years_spanned(where)) > 1:
                return "year"
        return fields[0] if len(fields) == 1 else None

    @staticmethod
    def _kin_counted(focus: list[str], features: set, lex: Lexicon, cue_text: str) -> str | None:
        """Two models or more, each with its own line counted ("how many direct children do BERT and GPT-3 each have?",
        "how many descendants do T5 and BART have, respectively?"): the lineage facet counted per model, ``derived`` (the
        children) or ``descends`` (every generation, when the words are of descent and none says direct), else None."""
        if len(focus) < 2 or "count" not in features or not lex.has("descendant_words", cue_text):
            return None
        if not phrase_pattern(lex.data["group_by"]["each_named"]).search(cue_text):
            return None
        direct = lex.has("direct_lineage", cue_text) or lex.has("lineage_direct_only", cue_text)
        return "descends" if lex.has("transitive_lineage", cue_text) and not direct else "derived"

    @staticmethod
    def _split(where: And, lex: Lexicon, cue_text: str, found=()) -> tuple[And, Constraint | None]:
        """A count split on one condition: the set's models that hold it and those that do not, each counted. Said as a
        value and its negation side by side ("how many encoders and non-encoders?", the Chinese "encoder 和非 encoder 的各有
        几个"), which no model can hold at once, or as a second count of the rest ("how many are decoders and how many are
        not?": the lexicon's ``count_split_rest``, about the condition said last before it). The condition leaves
        ``where``."""
        tops = [c for c in where.items if isinstance(c, Constraint)]
        def negates(n, c) -> bool:  # "MoE and non-MoE": the same values, however the positive side was joined
            return isinstance(n, Not) and isinstance(n.item, Constraint) and n.item.facet == c.facet and set(n.item.values) == set(c.values)
        for c in tops:  # the value and its negation, both said
            if any(negates(n, c) for n in where.items) and lex.has("count", cue_text):
                return (And(items=[x for x in where.items if x is not c and not negates(x, c)]),
                        c.model_copy(update={"op": Op.IN}) if c.op is Op.ALL else c)
        rest = lex.first("count_split_rest", cue_text)
        if rest is None or not tops:
            return where, None
        said = [f for f in found if f.end and f.end <= rest.start("rest") and not f.negated and any(c.facet == f.facet for c in tops)]
        facet = max(said, key=lambda f: f.end).facet if said else tops[-1].facet if len(tops) == 1 else None
        c = next((c for c in reversed(tops) if c.facet == facet), None)
        if c is None:
            return where, None
        return And(items=[x for x in where.items if x is not c]), c

    @staticmethod
    def _apart(where: And, lex: Lexicon, cue_text: str, found=()) -> tuple[And, list[Constraint]]:
        """Two conditions on different fields said on either side of a word that sets counts apart ("how many multimodal vs
        mixture-of-experts models?", "how many are open and how many are decoders?", "open and decoder models: how many
        each?"): each counted over the rest of the set, not both held at once. The conditions leave ``where``; ([]: none)."""
        join = lex.first("count_apart_join", cue_text)
        if join is None and phrase_pattern(lex.data["group_by"]["each_named"]).search(cue_text):
            join = lex.first("count_apart_and", cue_text)  # "... and ...: how many each?"
        tops = [c for c in where.items if isinstance(c, Constraint) and c.op in (Op.IN, Op.ALL)]
        if join is None or len(tops) < 2 or lex.has("share", cue_text):  # "of X, how many are Y (ratio)?": a share
            return where, []
        at = (join.start("join"), join.end("join")) if "join" in join.re.groupindex else join.span()
        said = sorted((f for f in found if f.end and not f.negated), key=lambda f: f.start)
        before = [f for f in said if f.end <= at[0]]
        after = [f for f in said if f.start >= at[1]]
        if not before or not after or before[-1].facet == after[0].facet:
            return where, []
        pair = [next((c for c in tops if c.facet == f.facet and f.value in c.values), None) for f in (before[-1], after[0])]
        if None in pair or pair[0] is pair[1] or any(len(c.values) != 1 for c in pair):
            return where, []
        return And(items=[x for x in where.items if x is not pair[0] and x is not pair[1]]), pair

    @staticmethod
    def _periods_apart(where: And, lex: Lexicon, cue_text: str) -> tuple[And, list[Constraint]]:
        """Spans of time set side by side in a count ("how many models came out in 2023 vs 2024?", "... in 2019 and how
        many in 2021", "in March and December 2024 respectively"): each span counted, as a date range of its own; the
        spans leave ``where``. Said as alternatives alone ("in 2019 or 2021") they are one set, counted once."""
        if not (lex.first("count_apart_join", cue_text) or phrase_pattern(lex.data["group_by"]["each_named"]).search(cue_text)):
            return where, []
        for i, item in enumerate(where.items):
            spans = [_date_span(x) for x in item.items] if isinstance(item, Or) else []
            if len(spans) >= 2 and None not in spans:
                return (And(items=[x for j, x in enumerate(where.items) if j != i]),
                        [Constraint(facet="date", op=Op.BETWEEN, values=[float(lo), float(hi)]) for lo, hi in spans])
        return where, []

    # -- building the query -------------------------------------------------------------------
    def _compose(self, text, lex: Lexicon, r: Reading, mentions, unknown, lookup, lookup_models, glossed: bool = False) -> Query:
        low = text.lower()
        parser = self.parsers[lex.language]
        focus = list(dict.fromkeys([*r.subjects, *(m.model_id for m in mentions if m.model_id not in r.references)]))
        lookup_concepts = [m[len(CONCEPT):] for m in lookup_models if m.startswith(CONCEPT)]
        lookup_models = [m for m in lookup_models if not m.startswith(CONCEPT)]
        if lookup and lookup_models:
            focus = list(dict.fromkeys([*lookup_models, *focus]))
        elif lookup and lookup_concepts and focus:  # "was Whisper in Amatriain et al.'s catalog?": the paper is context
            lookup = None
        elif lookup and lookup_concepts:  # the catalog paper itself: its concept answers
            return Query(text=text, intent=Intent.CONCEPT, language=lex.language, concept=lookup_concepts[0], lookup=lookup,
                         cite=True, bibtex=lex.has("bibtex", low))
        asked = self._unrecorded(text, lex, r)
        named_spans = [(m.start, m.end) for m in mentions]  # a model's name asks nothing ("Generative Pre-trained Transformer 3")
        # "how long did it take from PaLM to Flan-PaLM?": a bare question of time over a trip between two named releases
        # asks how far apart they came out, not the unrecorded time of some work (unless that work is said: "to train")
        tripped = self._trip_gap(asked, low, lex, focus, _named(blank(low, r.quiet), named_spans))
        if tripped:
            asked = {label: spans for label, spans in asked.items() if label not in tripped}
        unrecorded = list(asked)
        # the words of an unrecorded fact ask for nothing else ("knowledge cutoff date" is no release date), unless
        # a recorded field states it (lexicon ``unrecorded_via``: training tokens are in the corpus line)
        via = lex.data.get("unrecorded_via", {})
        attributes = self._attributes(_named(blank(low, [span for label, spans in asked.items() if label not in via
                                                          for span in spans]), named_spans), lex)
        unknown = [u for u in unknown if not self._names_unrecorded(text, u, lex)] if unrecorded else unknown
        if unrecorded:  # "the embedding dimension of CLIP's text encoder": a part of the model named, asserted of nothing
            parts = [(m.end, m.end + part.end()) for m in mentions if (part := lex.first("part_of_after", text[m.end:])) is not None]
            for s, e in parts:
                r.found = [f for f in r.found if not (f.end and s <= f.start and f.end <= e)]
                r.use(s, e)
            if parts:  # nor asked for ("encoder" is no question about the architecture)
                attributes = self._attributes(blank(low, parts), lex)
            asked = [m.span() for label, p in lex.patterns("unrecorded", text) if label in unrecorded for m in p.finditer(text)] + \
                [span for spans in asked.values() for span in spans]  # with a counted part's modifier ("decoder layers")
            # a word that modifies the unrecorded noun ("embedding dimension": no embeddings domain) is none of the model's
            # values; the noun counted itself ("how many languages") still says what the model is (multilingual)
            r.found = [f for f in r.found if f.facet not in _DESCRIBING_FIELDS
                       or not any(s <= f.start and f.end < e and text[f.end:e].strip() for s, e in asked)]
        quant = (Quant.SMALLEST if lex.has("smallest_variant", low) else Quant.TOP if lex.has("largest_variant", low)
                 else Quant.EVERY if lex.has("variant_every", low) else Quant.SOME if lex.has("variant_some", low) else Quant.LARGEST)
        cue_text = _named(blank(low, r.quiet), named_spans)
        pick = len(focus) >= 2 and lex.has("pick_among", cue_text)  # "which of A, B and C are ...": a set of the named
        asks_in_paper = focus and not attributes and lex.has("in_catalog", cue_text) and not pick
        if asks_in_paper:  # "is GPT-3 in the original paper?": the in_paper flag; the words are no constraint as well
            r.found = [f for f in r.found if f.facet != "catalog"]
        # (two named: "SAM's image encoder vs ViT" compares; "LLaVA plugs an image encoder into Vicuna": the other is a parent)
        part = self._part(text, lex, mentions, focus) if len(focus) == 1 else self._part_beside(text, lex, mentions, focus)
        beside = self._attributes(blank(_named(low, named_spans), [part[3]]), lex) if part else []
        part = part if set(beside) & _HOP_ATTRIBUTES or part and lex.has("citation", low) else None
        if part:  # "who made the vision encoder LLaVA uses?": the part's words describe the part, not the model named
            attributes = beside  # nor ask for its architecture
            r.found = [f for f in r.found if not (f.end and part[3][0] <= f.start and f.end <= part[3][1])]
            r.use(*part[3])
            r.quiet.append(part[3])
        where = parser.tree(text, r, quant)
        shown = blank(text, r.quiet + r.units)  # words a relation or a "how many ..." unit used name no concept
        names = [(m.start, m.end) for m in mentions]
        concept, others, contrasted = self._concepts(shown, shown.lower(), lex, where, focus, r, names)
        if unknown and concept and any(lex.has(cue, cue_text) for cue in ("how_works", "definitional", "explain", "asks_meaning")):
            entry = self.catalog.concepts[concept]
            told = " ".join([entry.title, *entry.aliases, entry.body]).lower()
            if all(re.search(rf"(?<![\w-]){re.escape(u.lower())}(?![\w-])", told) for u in unknown):
                unknown = []  # "how does Jamba combine Mamba with attention?": a name the explained concept's own entry gives
        # "whose largest version is under 1B", "latest-generation models" (the additions): no ranking
        measure, ranking = superlative_measure(blank(cue_text, [(f.start, f.end) for f in r.found if f.facet == "catalog"]), lex)
        sup = None if (lex.has("smallest_variant", ranking) or lex.has("largest_variant", ranking)) and any(
            c.facet == "size" and c.op is not Op.IN for c, _ in leaves(where)) else find_superlative(ranking, lex, measure)
        if r.adjacent is not None:  # "the next biggest model after PaLM": the ranking its relation implies
            sup = r.adjacent
        if sup and sup.field in KIN_RANKINGS:  # "which model's derived models are most" (哪个模型的衍生模型最多): the words
            # of the ranking, no condition that the models ranked derive from another
            where = And(items=[c for c in where.items if not (isinstance(c, Constraint) and c.facet in ("derived", "descends")
                                                               and facets.ANY_MODEL in c.values)])
        if sup and sup.field == "date" and phrase_pattern(lex.data["superlative"].get("size_asked", "re:(?!)")).search(ranking) \
                and Attribute.PARAMS not in attributes:
            # "the largest configuration of the latest DeepSeek model": the winner's size at its largest, asked
            attributes = [*attributes, Attribute.PARAMS]
        own = lex.first("own_variant", ranking) or (lex.first("own_variant_named", ranking) if focus else None)
        if own and find_superlative(blank(ranking, [own.span()]), lex, measure):
            own = None  # "the smallest Meta model, judged by its biggest release": a ranking, by the variant named
        if sup and sup.field == "date" and sup.rank > 1 and lex.has("rank_by_month", ranking):
            sup = sup.model_copy(update={"distinct": True})  # "the second newest by month": the second month's models
        if sup and sup.field == "params" and own and not any(c.facet == "size" for c, _ in leaves(where)):
            sup = None  # "Galactica's biggest version", "the largest variant of that one": that model's sizes, no ranking
            attributes = [*attributes, Attribute.PARAMS] if Attribute.PARAMS not in attributes else attributes
        if sup and sup.field == "params" and sup.measure is None:  # "the smallest model with more than 100B parameters":
            bounds = {Quant.LARGEST if c.quant is Quant.TOP else c.quant
                      for c, neg in leaves(where) if c.facet == "size" and not neg}  # ranked by the variant it filtered on
            if len(bounds) == 1 and (b := bounds.pop()) in (Quant.LARGEST, Quant.SMALLEST) and (b is Quant.LARGEST) != sup.largest:
                sup = sup.model_copy(update={"measure": b.value})
        # "the one right after BERT in release order": the neighbour, not the whole order
        ordered = sort_order(cue_text, lex) if not focus and not lex.has("adjacent_rank", cue_text) else None
        if ordered and (sup is None or (sup.top == 1 and sup.rank == 1)):
            # "Google models from largest to smallest", "list them newest first": the whole set in that order, not its top
            # (sizes by each model's largest variant, as a plain size bound reads them)
            sup = Superlative(field=ordered[0], largest=ordered[1], whole=True,
                              measure="largest" if ordered[0] == "params" else None)
        held = having(cue_text, lex) if not focus else None  # "which labs have more than 5 models?"
        group = held[0] if held else group_by(low, lex, bool(focus)) or self._more_of(where, lex, cue_text, r.found)
        if group and (period := periods_compared(low, lex)) and period[0] == group:
            r.use(*period[1].span())  # "the first half versus the second half": the breakdown's words, no date
        if group and not held and any(c.facet == group and c.op is Op.ALL for c in where.items if isinstance(c, Constraint)):
            # values counted apart are alternatives of the set counted, not all held by each model
            where = And(items=[c.model_copy(update={"op": Op.IN}) if isinstance(c, Constraint) and c.facet == group
                               and c.op is Op.ALL else c for c in where.items])
        features = {name for name in _CUE_FEATURES if lex.has(name, cue_text)}
        if lex.has("catalog_as_source", low):  # "what does the catalog have from March 2022?": the catalog's own models,
            features.add("about_models")      # its words blanked from the cue text as the source of the facts
        if "count_not" in features and not focus and lex.has("count_each", cue_text) and lex.has("count_apart_join", cue_text):
            features.discard("count_not")  # "2019 vs 2020: how many each?": the models of each, no model's own number
        if not lex.has("share_set_noun", cue_text):  # a share of models ("the share of encoder models"), not of a
            features.discard("share")               # model's parts ("the ratio of active parameters in an MoE")
        if "lineage" in features and (lex.has("io_pair", cue_text) or lex.has("material_origin", cue_text)):
            features.discard("lineage")  # "what goes in and what comes out of X": its input and output, and "where did
            # its training text come from?": its corpus, not the models it came from
        if len(focus) >= 2 and sort_order(cue_text, lex):  # "BART, T5 and Pegasus: what order were they released in?"
            features.add("compare_pair")  # the models named, weighed and put in that order
        if "citation" in features and not lex.has("citation_strong", cue_text) and set(attributes) & _FIELD_ATTRIBUTES:
            features.discard("citation")  # "when was the X paper released?": a field of X, asked through its paper
            if lex.has("paper_asked", cue_text) and Attribute.PAPER not in attributes:
                attributes = [*attributes, Attribute.PAPER]  # "which paper introduced T5, and who built it?": both asked
        if "citation" in features and not lex.has("citation", blank(cue_text, [(f.start, f.end) for f in r.found if f.facet == "catalog"])):
            features.discard("citation")  # "Pythia from the paper or BLOOMZ from the additions": which part, not a citation
        if "citation" in features and unrecorded and not lex.has("paper_asked", cue_text):
            # "what dropout did the XLNet authors use?", "the BLOOM paper's weight decay": the paper or its authors are
            # where the unrecorded fact would come from, no citation asked (unless a citation word stands elsewhere)
            source = [m.span() for m in lex.find("citation_source", cue_text)]
            source += [c.span() for c in lex.find("citation", cue_text)
                       if any(0 <= s - c.end() <= 3 and not cue_text[c.end():s].strip(" '’s") for s, _ in asked)]
            if source and not lex.has("citation", blank(cue_text, source)):
                features.discard("citation")
                kept = self._attributes(blank(_named(blank(low, asked), named_spans), source), lex)
                attributes = [a for a in attributes if a in kept]
        if "citation" in features and not focus and (members := self._family_cited(where)):
            focus, where = members, And()  # "which paper introduced the Falcon models?": each member's paper
        # "was OPT out before or after BLOOM?": the two models weighed and how far apart, as a gap asked
        either = lex.has("either_order", cue_text) and not unrecorded
        gap = (lex.has("gap_asked", cue_text) or either or bool(tripped)) and not unrecorded
        hop = part[:3] if part else self._hop(text, lex, mentions, focus) if (set(attributes) & _HOP_ATTRIBUTES or "citation" in features) else None
        if hop:  # "who built the parent of Zephyr?": the field of the parents, reached from the model named
            focus, r.relations = hop[2], [x for x in r.relations if x.kind != "derived"]
            # the hop's own words ("base model", "foundation model", "distilled from") are no premise about the parent's training
            where = _without_lineage(where)
            said = [(row["facet"], row["value"]) for row in lex.data.get("hop_verb_values", []) if phrase_pattern(row["pattern"]).search(low)]
            where = And(items=[c for c in where.items if not (isinstance(c, Constraint) and c.op in (Op.IN, Op.ALL)
                                                                and c.values and all((c.facet, v) in said for v in c.values))])
            features = (features - {"lineage", "two_models"}) | {"models"} | ({"two_models"} if len(focus) >= 2 else set())
        chain = lex.first("kin_chain", low)  # "the predecessor of X's base", alone: no kin asked beside it ("X's base model
        # and that base model's own base" asks both generations, the ancestry)
        chain = chain if chain and not lex.has("kin_asked", blank(low, [chain.span()])) else None
        if not hop and not part and "lineage" in features and len(focus) == 1 \
                and (lex.has("kin_derived", low) or chain) \
                and not lex.has("children_asked", cue_text) and not lex.has("hop_twice", low) \
                and (parents := [p for p in self.catalog.models[focus[0]].derived_from if p in self.catalog.models]):
            # "what is Flamingo's parent derived from?", "Flamingo 的父模型又是基于哪个模型的", "the predecessor of DeepSeek-R1's
            # base" (``kin_chain``): the parent's own lineage, the model named only the way to it
            hop = (focus[0], 1, parents)
            focus, r.relations = parents, [x for x in r.relations if x.kind != "derived"]
            where = _without_lineage(where)
        kin = self._own_kin(low, lex, mentions, focus, cue_text) if not hop else []
        if kin:  # "is Vicuna bigger than its base model?": the model weighed against its own parents
            focus, r.relations = [*focus, *kin], [x for x in r.relations if x.kind != "derived"]
            where = _without_lineage(where)
            features = (features - {"lineage"}) | {"models", "two_models", "compare_pair"}
        refs = list(dict.fromkeys(x.model for x in r.relations if x.model and x.model not in focus)) if gap else []
        if gap and len(focus) < 2 and len(focus) + len(refs) == 2:
            # "how long after BERT did GPT-2 come out?", "the size ratio between Gopher and Chinchilla": the models measured
            # against are the ones compared, no set around them
            focus = [*focus, *refs]
            r.relations = [x for x in r.relations if x.model not in refs]
            where = And(items=[c for c in where.items if not (isinstance(c, Constraint) and c.via in refs)])
        if gap and len(focus) == 2:
            features |= {"compare", "models", "two_models"}  # "how many months apart were BERT and GPT-2?", "大多少"
        features |= {"group"} if group else set()
        features |= {"unknown"} if unknown else set()
        features |= {"lookup"} if lookup else set()
        features |= {"models"} if focus else set()
        features |= {"two_models"} if len(focus) >= 2 else set()
        features |= {"superlative"} if sup else set()
        features |= {"concept"} if concept else set()
        features |= {"attributes"} if attributes else set()
        if set(attributes) - _MECHANISM_ATTRIBUTES:
            features.add("field_attributes")  # a lab, a size, a date asked for: a fact of the model, not its mechanism's manner
        constrained = bool(where.items or r.exclude or any(not x.model for x in r.relations))
        features |= {"constraints"} if constrained else set()
        if any(c.facet not in _CONCEPT_FACETS for c, _ in leaves(where)) or r.exclude:
            features.add("set_constraints")  # a lab, date, size...: the question is about a set, not a concept
        if concept and focus and lex.has("explain_request", cue_text) and r.concepts and mentions and \
                min(s for s, _ in r.concepts) < min(m.start for m in mentions if m.model_id in focus):
            features.add("explain_first")  # "explain RLVR, the thing DeepSeek-R1 does": the concept is what is explained
        if concept and len(focus) == 1 and r.concepts and not unrecorded and any(  # (or a concept whose name holds the model's)
                m.model_id in focus and (s <= m.start and m.end < e or m.end <= s and lex.has("concept_owned_gap", text[m.end:s] + "\0"))
                for m in mentions for s, e in r.concepts):
            if self._owns(concept, next(iter(focus))):  # "Llama 3's mixture-of-experts design": a trait it lacks is a premise
                features.add("concept_owned")  # "Chinchilla's scaling laws", "the Chinchilla scaling law": the model's own concept
        similar = {x.model for x in r.relations if x.kind == "similar"}
        if (similar and len(similar) == len(r.relations) and {x.model for x in r.exclude} <= similar
                and all(c.facet in _CONCEPT_FACETS for c, _ in leaves(where))):
            features.add("examples")  # "how does RLVR train models like DeepSeek-R1?": models named only as examples of a kind
        if any(c.facet in ("derived", "descends") and not neg and facets.ANY_MODEL not in c.values for c, neg in leaves(where)):
            features.add("lineage_constraint")
        if constrained and where.items and all(c.facet == "date" and not c.via for c, _ in leaves(where)) and not r.exclude:
            features.add("only_numbers")  # (a date relative to a model is about models: "what came before BERT?")  # "what happened in 2021?"; a parameter count ("13B and above") is about models
        if asks_in_paper:
            attributes = [Attribute.IN_PAPER] + [a for a in attributes if a is not Attribute.IN_PAPER]
            features.add("attributes")
        if (focus or unknown) and self._mentions_describe(text, lex, r, mentions, unknown, features):
            r.references += [m.model_id for m in mentions]  # named inside the description: its words, never its answer
            focus, unknown, unrecorded, attributes = [], [], [], []
            features -= {"models", "two_models", "unknown", "attributes", "compare_pair"}
        if "count" in features and not features & {"count_not", "citation"} and focus and not unrecorded and not where.items[1:] \
                and (counted := self._counted_thing(text, lex, r, len(focus), mentions)):
            unrecorded = [counted]  # "how many employees worked on PaLM?": a number of the model's, not a count of models
        frame = decide(features)
        intent = frame.intent
        if gap and len(focus) == 2 and intent is Intent.FACT:  # how far apart two models are: a comparison, whatever field
            intent = Intent.COMPARE
        # "is PaLM over three times the size of GPT-3?", "is GPT-3 more than ten times bigger than GPT-2?" (the second model
        # read as a comparison's): the size ratio of the two, checked
        weighed = len(focus) == 2 or len(focus) == 1 and any(x.kind == "larger" and x.model for x in r.relations)
        ratio = ratio_claim(low, lex) if weighed and ("yes_no" in features or lex.has("claim_lead", cue_text)) else None
        if ratio and len(focus) == 2:
            intent = Intent.COMPARE
        if held:  # the rows of a breakdown that have so many models: a count by that field, whatever the question word
            intent = Intent.COUNT
        checked = count_check(cue_text, lex) if not focus and not held and intent in (Intent.LIST, Intent.COUNT) else None
        if checked:  # "are there more than five Microsoft models?": the count, and the verdict on it
            intent, sup = Intent.COUNT, None
        owned = (self._owned_count(text, lex, focus, unrecorded, features, where, mentions)
                 if intent in (Intent.COUNT, Intent.CITATION, Intent.FACT) and "count" in features else None)
        owned_kind, owned_more, owned_within = "", "", []
        if owned is None and not focus and not unrecorded and sup is None and "count" in features and where.items \
                and intent in (Intent.COUNT, Intent.LIST, Intent.FACT) \
                and (each := self._owned_each(low, lex, cue_text, where)) is not None:
            # "how many sizes does each Qwen generation come in?": every model of the set, its own count
            owned, focus, where, intent, group = each[0], each[1], And(items=[]), Intent.FACT, None
        if owned is None and len(focus) == 2 and not unrecorded and "lineage" not in features \
                and (weighed := self._owned_more(text, lex)):  # "does Pythia or OPT come in more sizes?": both counted
            owned, owned_more = weighed
        winner = None  # "how many sizes does the newest Qwen come in?": the count of the ranking winner's own values
        if owned is None and sup is not None and not focus and not sup.ends and sup.field not in OWNED_RANKINGS \
                and "count" in features and not unrecorded and intent is Intent.COUNT:
            # only a pattern with no named model inside can hold: the winner is not named
            winner = next(((Attribute(key), m) for key, p in lex.patterns("owned_count", low)
                           for m in p.finditer(low) if "name" not in m.re.groupindex), None)
            if winner is not None:  # a count of values, not a count of the ranked set nor a breakdown by them
                (owned, said), group = winner, None
                r.use(*said.span())  # the count's words read nothing else (no description of the set)
        if owned is not None:  # "how many sizes does LLaMA come in?": its sizes counted
            where = And(items=[c for c in where.items if not (isinstance(c, Constraint) and c.facet in COUNT_FACETS)])
            attributes = [*attributes, owned] if owned not in attributes else attributes  # other fields asked stay
        if owned is not None and winner is None:  # of a named model: a fact of it, the rest of the reading asserted of
            intent, group, sup = Intent.FACT, None, None  # it (premises)
            if owned is Attribute.PARAMS:  # "how many dense sizes": the trait read of the sizes keeps a kind of size
                owned_kind, where = self._size_kind(where)
                # "how many sizes under 10B does Qwen3 have?": a bound said of its sizes keeps those, no premise
                owned_within = [c for c in where.items if isinstance(c, Constraint) and c.facet == "size" and c.via is None
                                 and c.op in (Op.LT, Op.LE, Op.GT, Op.GE)]
                where = And(items=[c for c in where.items if not any(c is x for x in owned_within)])
                owned_within = [c.model_copy(update={"quant": Quant.LARGEST}) for c in owned_within]  # each size alone
        # the values the explained concept stands for ("decoder-only": architecture = decoder)
        named = [c.model_copy(update={"values": [v], "op": Op.IN}) for c, neg in leaves(where)
                 if not neg and c.facet in _MECHANISMS and c.via is None for v in c.values]
        explained = [c for c in named if concept and getattr(self.concepts, c.facet).get(str(c.values[0])) == concept]
        if intent is Intent.CONCEPT and features & {"how_works", "explain_first", "asks_meaning"} and focus and not others and explained and not any(
                facets.FACETS[c.facet].match(self.catalog.models[m], c) for m in focus for c in named):
            # "T5 being a decoder-only model, how does it translate?": a mechanism the model lacks is a premise to correct
            # ("why did ALBERT replace NSP with SOP?": the one it has is explained)
            intent = Intent.FACT
        if r.ancestors is not None and not where.items and not r.exclude and (
                (r.ancestors and intent is Intent.LIST) or (intent is Intent.FACT and not attributes and focus)
                or r.path and focus and intent in (Intent.LIST, Intent.FACT, Intent.COMPARE, Intent.COUNT)):
            # "what's upstream of that one?", "what came before Qwen2.5 in its family?": the ancestors of the model
            intent = Intent.LINEAGE
        if intent in (Intent.LIST, Intent.COUNT) and {"pick_among", "two_models", "constraints"} <= features:
            # "which of A, B and C are encoders?", "how many of A, B and C ...": the named models are the set's first constraint
            where = And(items=[Constraint(facet="model", values=list(focus)), *(where.items if isinstance(where, And) else [where])])
            focus = []
        if (others or (contrasted and "set_constraints" not in features)) and not (group and "count" in features):
            # "what's the difference between MLM and causal LM?", "encoder vs decoder"; two names of one concept contrasted
            # ("foundation models vs fine-tuned models": the concept is that contrast), not the models having one of them;
            # unless the values are counted apart ("how many encoders versus decoders?")
            intent, sup, group = Intent.CONCEPT, None, None
        summed = aggregate(cue_text, lex) if not unrecorded and not others and (len(focus) != 1 or hop) else None
        if summed:  # "the average size of Google's models": one number over the set; the models named are the set
            intent, group, sup = Intent.COUNT, None, None
            if focus:
                where = And(items=[Constraint(facet="model", values=list(focus)), *where.items])
                focus = []
        kin = self._kin_counted(focus, features, lex, cue_text) if intent in (Intent.COUNT, Intent.LINEAGE) and not summed else None
        if kin:  # "how many direct children do BERT and GPT-3 each have?": each model's line, counted apart
            where = And(items=[Constraint(facet=kin, values=list(focus)), *where.items])
            intent, group, focus, sup = Intent.COUNT, kin, [], None
        where, split = (self._split(where, lex, cue_text, r.found) if intent is Intent.COUNT and not focus and not summed
                        and not checked and not held and not sup else (where, None))
        group = None if split is not None else group
        apart: list[Constraint] = []
        if intent is Intent.COUNT and split is None and not group and not focus and not summed and not checked and not held and not sup:
            where, apart = self._apart(where, lex, cue_text, r.found)
            if not apart:  # "how many came out in March 2024 vs December 2024?": each span of time counted
                where, apart = self._periods_apart(where, lex, cue_text)
        claim = (share_claim(cue_text, lex) if ("yes_no" in features or lex.has("claim_lead", cue_text)) and intent in (Intent.LIST, Intent.COUNT) and not focus
                 and not summed and not checked else None)
        # a set with a line of descent as a condition ("what percentage descend from LLaMA?") is a set all the same
        counted_set = intent in (Intent.LIST, Intent.COUNT) or intent is Intent.LINEAGE and "lineage_constraint" in features
        share = (self._share_of(text, lex, cue_text, glossed, (cue_text, claim[3], where) if claim else None)
                 if counted_set and not focus else None)
        if share is not None and group and lex.has("ratio_between", cue_text):
            share = None  # "the ratio of open to closed models": two values of one field, each counted, not a share of a base
        claim = claim if share is not None else None
        if share is not None and split is not None:  # a proportion is asked: the condition stays one of the set's
            where, split = And(items=[*where.items, split]), None
        if share is not None:  # a proportion: the count of the set, as a part of its base
            intent, group, sup = Intent.COUNT, None, None
            where = _within(where, share)
            if claim is None and share.items and _only_itself(where, share):
                share = And()  # "share of decoder models among all": a set that is only its base is a share of everything
        if intent is not Intent.COUNT:
            group = None
        claimed = sup if "yes_no" in features and len(focus) == 1 and not hop and not unrecorded and not summed else None
        if claimed is not None and lex.has("own_extreme", low):
            claimed = None  # "is Qwen2 from DeepSeek? how big is it at its largest?": its own largest release, no set ranked
        if not frame.ranked and intent is not Intent.COUNT:
            sup = None
        yes_no = "yes_no" in features and not (either and len(focus) == 2)  # an order offered to pick from: no yes / no
        q = Query(
            text=text, intent=intent, language=lex.language, models=focus, references=list(dict.fromkeys(r.references)),
            aliased=list(dict.fromkeys(m.model_id for m in mentions if m.model_id in focus and self._aliased(m))),
            unknown_names=unknown, attributes=attributes, unrecorded=unrecorded, where=where, exclude=r.exclude,
            relations=r.relations, superlative=sup, group_by=group, concept=concept, other_concepts=others, lookup=lookup,
            all_models=lex.has("all_models", low) and not constrained and not focus, yes_no=yes_no,
            explain=lex.has("explain", low), bibtex=lex.has("bibtex", low),
            group_fewest=bool(group) and group_fewest(low, lex, group),
            owned_count=owned, owned_kind=owned_kind, owned_more=owned_more, owned_within=owned_within, split=split, apart=apart, share_of=share, share_check_op=Op(claim[0]) if claim else None,
            share_check=claim[1] if claim else 0.0,
            ratio_op=Op(ratio[0]) if ratio else None, ratio=ratio[1] if ratio else 0.0,
            exists_asked=intent is Intent.LIST and yes_no and not focus and not sup and lex.has("exists_asked", cue_text),
            aggregate=summed[0] if summed else None,
            aggregate_field=summed[1] if summed else "params", having_op=Op(held[1]) if held and group else None,
            having_n=held[2] if held and group else 0,
            check_op=Op(checked[0]) if checked else None, check_n=checked[1] if checked else 0, hop_from=hop[0] if hop else None, hop_depth=hop[1] if hop else 0, gap=lex.has("gap_asked", cue_text) or either or bool(tripped),
            with_children=lex.has("children_asked", low) or r.children, nearest_asked=lex.has("nearest_asked", low),
            path=bool(r.path) and intent is Intent.LINEAGE,
            tallied=sup is not None and intent is Intent.COUNT and "count" in features and "count_not" not in features
            and owned is None,
            cite="citation" in features,
            largest_said=quant is Quant.TOP
            or any(f.facet == "size" and f.quant in (Quant.LARGEST, Quant.TOP) for f in r.found),
            transitive=(intent is Intent.LINEAGE and "lineage_constraint" not in features
                        and (lex.has("ancestry", low) if r.ancestors is None else r.ancestors)),
        )
        if q.intent is Intent.COMPARE and len(q.models) >= 2 and q.pending():
            # "are Zephyr and its parent from the same lab?": "the same lab" is the comparison's field, both models named
            q = q.model_copy(update={"relations": [x for x in q.relations if x.model]})
        q = self._premises(self._variant_of(self._order(q, low, lex), low, lex), features)
        q = self._ranked_parents(q, low, lex)
        q = self._winner_kin(q, cue_text, lex, features)
        q = self._labs_besides(q, low, lex)
        if claimed and q.intent is Intent.FACT and claimed.top == 1 and not claimed.whole:
            # "is PaLM the largest Google model?", "was Gopher DeepMind's first model?": the ranking of the set the question
            # names, checked against the one model (its own constraints are the set, not premises about it)
            q = q.model_copy(update={"superlative": claimed, "ranked_in": where, "premises": [], "where": And(), "concept": None,
                                     "attributes": [a for a in q.attributes if a is not Attribute.IN_PAPER]})
        if unrecorded and intent not in (Intent.CONCEPT, Intent.CITATION, Intent.OUT_OF_SCOPE):
            return q.model_copy(update={"reason": Reason.UNSUPPORTED})
        if (unrecorded and intent is Intent.CONCEPT and not features & _EXPLAINING and "list_words" not in features
                and not lex.has("explain", low) and ("superlative" in features or lex.has("ranked", low))):
            # "rank the models by number of attention heads": the unrecorded values asked for, not the concept explained
            return q.model_copy(update={"reason": Reason.UNSUPPORTED})
        if lookup and not lookup_models:
            return q.model_copy(update={"intent": Intent.CITATION})
        if intent is Intent.CONCEPT and "list_words" in features and "definitional" not in features and not others and not contrasted:
            q = q.model_copy(update={"intent": Intent.LIST})  # "models that ..." naming only a generic concept word
            covered = self.coverage.check(q, text, lex, r, self.parsers[lex.language])
            if covered.constrained():
                return covered
            # "which model has the most attention heads?": models by a field the catalog does not record, not the concept
            return q.model_copy(update={"reason": Reason.UNSUPPORTED} if unrecorded else {"intent": Intent.CONCEPT})
        return self.coverage.check(q, text, lex, r, self.parsers[lex.language])

    def _labs_besides(self, q: Query, low: str, lex: Lexicon) -> Query:
        """"who else worked on StarCoder besides Hugging Face?", "which labs apart from Stanford built Vicuna?", and with
        the model as a pronoun ("... besides Hugging Face worked on it?"): the labs of one model asked, a lab said as known
        (``labs_besides`` cue right before its name): the model's other labs, no set of other models without that lab."""
        if Attribute.LABS not in q.attributes or q.yes_no or q.superlative or q.group_by or len(q.models) > 1:
            return q
        cues = [m.end() for m in lex.find("labs_besides", low)]
        lefts = [c for c in q.where.items if isinstance(c, Not) and isinstance(c.item, Constraint) and c.item.facet == "lab"]
        if not cues or len(lefts) != len(q.where.items):
            return q
        if len(q.models) == 1:  # the model named: its own labs, said right after the cue
            e = self.catalog.models[q.models[0]]
            named = [lab for lab in e.org_names for name in {lab, *(x for x in e.labs if canonical_lab(x) == lab)}
                     if any(low.startswith(name.lower(), end) for end in cues)]
        elif lefts and lex.ref("singular", low):  # "who else worked on it besides Hugging Face?": the lab left out of the
            # set read; the model is the pronoun's (the session resolves it, as for "who worked on it?")
            named = [str(v) for c in lefts for v in c.item.values]
        else:
            return q
        if not named:
            return q
        return q.model_copy(update={"labs_besides": list(dict.fromkeys(named)), "where": And(), "intent": Intent.FACT,
                                    "exclude": []})

    def _winner_kin(self, q: Query, cue_text: str, lex: Lexicon, features: set[str]) -> Query:
        """"What's the parent of the smallest DPO model?", "which model is the newest Google model derived from?",
        "最新的模型的父模型是什么": a ranking of one winner whose own parents are asked (a lineage word no line of descent
        of the set took, and no word for the models after one): the winner, then its parents (``winner_kin``). "Which lab
        made the newest model, and what else has that lab got?": the lab the pronoun points to is the winner's, whose other
        models are listed after it (``winner_others``)."""
        s = q.superlative
        if q.models or q.group_by or q.aggregate or q.lookup or q.split is not None or q.share_of is not None:
            return q
        if s is None and q.intent is Intent.LIST and q.where.items:
            pass  # "the MoE model with 47B total parameters is based on which model?": a set of one, then its parents
        elif s is None or s.whole or s.top != 1 or q.intent is not Intent.COUNT:
            return q
        maker = [x for x in q.pending() if x.kind == "same" and x.facet == "lab"]
        if s is not None and maker and len(q.pending()) == len(maker):  # "... the newest model, and what else has that
            # lab got?": the lab is the winner's
            return q.model_copy(update={"winner_others": True, "relations": [x for x in q.relations if x not in maker]})
        if "lineage" not in features or lex.has("children_asked", cue_text) or lex.has("winner_kin_not", cue_text):
            return q
        if any(c.facet in ("derived", "descends", "parent", "parents", "finetuned") for c, _ in leaves(q.where)) \
                or any(x.kind == "derived" for x in q.relations) or not lex.has("kin_asked", cue_text):
            return q  # "the largest model derived from LLaMA", "which of those is a fine-tune of another model?": the line
            # (or being fine-tuned) is a condition of the set, no parent asked
        if s is None:  # a set of one: the fields asked after the lineage words are the parents' ("..., and how big is that
            # one?"); those before it described the set ("the Amazon model released in March 2022")
            cue = lex.first("lineage", cue_text)
            after = set(self._attributes(cue_text[cue.end():], lex)) if cue else set()
            return q.model_copy(update={"winner_kin": True, "attributes": [a for a in q.attributes if a in after]})
        return q.model_copy(update={"winner_kin": True})

    def _ranked_parents(self, q: Query, low: str, lex: Lexicon) -> Query:
        """"Which of Dolly's two parents is bigger?", "MT-NLG 的两个父模型里哪个更早？": a ranking over the parents of the one
        model whose lineage is asked (the ``parent`` facet of that model), by the superlative or the comparative said
        (lexicon ``comparative_rank``, after a ``which_one`` question); a model with one parent keeps its lineage answer."""
        if q.intent is not Intent.LINEAGE or len(q.models) != 1 or q.with_children or q.path or q.transitive:
            return q  # every ancestor asked ("所有祖先模型，一直追溯到最早": back to the earliest) is the line, no ranking
        parents = [p for p in self.catalog.models[q.models[0]].derived_from if p in self.catalog.models]
        if len(parents) < 2:
            return q
        # a comparative before the noun it describes ranks nothing ("which earlier models is it based on?": its parents)
        low = blank(low, [m.span() for m in lex.find("attributive_comparative", low)])
        ranked = find_superlative(low, lex)
        if ranked is None and lex.ref("which_one", low):
            ranked = comparative_ranking(low, lex)
        if ranked is None:
            return q
        kept = [c for c in q.where.items if not (isinstance(c, Constraint) and c.facet == "parents")]  # "its two parents"
        return q.model_copy(update={"intent": Intent.COUNT, "models": [], "superlative": ranked, "transitive": False,
                                    "where": And(items=[*kept, Constraint(facet="parent", values=[q.models[0]])])})

    def _mentions_describe(self, text: str, lex: Lexicon, r: Reading, mentions, unknown: list[str], features: set[str]) -> bool:
        """Models named inside a description of the model asked for ("which chat model hooks a CLIP image encoder
        into ...", "is there a model where ... you switch between the two") are words of that description, not the
        question's subject, when the description has content words of its own (not a comparison, lineage, ranking,
        citation or count of the models named)."""
        head = lex.first("described_head", text.lower())
        spans = [(m.start, m.end) for m in mentions]
        spans += [(at, at + len(name)) for name in unknown if (at := text.find(name)) >= 0]
        if (spans and "list_words" in features and not features & _NOT_DESCRIBED
                and all(lex.first("example_before", text[max(0, s - 60):s].lower()) for s, _ in spans)):
            return True  # "models tuned on the explanations of a bigger model like GPT-4": an example of what it mentions
        if not head or features & _NOT_DESCRIBED or ("two_models" in features and "compare_pair" in features):
            return False
        if not spans or any(s < head.end() for s, _ in spans):
            return False
        probe = Reading(found=r.found, used=[*r.used, *spans])
        _, words = self.coverage.leftover(text, lex, probe, self.parsers[lex.language].filler)
        described = [f for f in r.found if f.start >= head.end() and f.facet in _MECHANISMS + ("corpus",) and not f.negated]
        return words >= 3 or (words >= 1 and (len(spans) >= 2 or bool(described)))  # "pairs a Mistral 7B backbone with DPO"

    def _variant_of(self, q: Query, low: str, lex: Lexicon) -> Query:
        """"Is there a multilingual RoBERTa?" asks for a model of the named model's kind (its family
        or its descendants) with the constraints given, not whether the named model has them."""
        if q.intent is not Intent.FACT or len(q.models) != 1 or not q.where.items or q.attributes:
            return q
        if not lex.has("exists_variant", low):
            return q
        model = q.models[0]
        kind = Or(items=[Constraint(facet="family", values=[self.catalog.models[model].name]),
                         Constraint(facet="descends", values=[model])])
        return q.model_copy(update={"intent": Intent.LIST, "models": [], "references": [*q.references, model],
                                    "where": And(items=[*q.where.items, kind]), "yes_no": False})

    def _premises(self, q: Query, features: set[str]) -> Query:
        """A fact question about a model that also states a constraint takes it as a premise to check
        ("when did Microsoft release T5?"); a yes/no or why question about a model and a relation
        compares the two ("is PaLM bigger than GPT-3?")."""
        if (q.intent is Intent.LINEAGE and len(q.models) == 1 and not q.yes_no and q.where.items and not q.with_children
                and lexicon("en").has("asserted_lead", q.text.lower())
                and not any(c.facet in ("derived", "descends", "parent", "parents", "model") for c, _ in leaves(q.where))):
            # "DeepSeek-R1 is a dense 70B model — what is it derived from?": the clause said first is asserted of the
            # model, a premise to check, never a filter on its parents
            premises = [Premise(model=q.models[0], constraint=c, negated=neg) for c, neg in leaves(q.where)
                        if not (neg and c.facet not in _DENIABLE)]
            return q.model_copy(update={"premises": premises, "where": And()})
        if not q.models or q.intent not in (Intent.FACT, Intent.COMPARE):
            return q
        relative = any(r.kind in ("after", "before", "larger", "smaller") for r in q.relations)
        if (q.yes_no or "why" in features) and len(q.models) == 1 and relative:
            premises = [Premise(model=q.models[0], constraint=c) for c, neg in leaves(q.where) if not neg and c.via]
            # the models compared against ("bigger than GPT-2"), not a model named only to qualify ("the GPT-style Megatron")
            against = [x.model for x in q.relations if x.kind in ("after", "before", "larger", "smaller")]
            return q.model_copy(update={"intent": Intent.COMPARE, "models": q.models + [m for m in q.references if m not in q.models
                                                                                          and m in against],
                                        "premises": premises if "why" in features else []})
        halves = [m for m in q.models if self._half_named(q, m)]
        if halves and Attribute.ARCHITECTURE in q.attributes and not lexicon("en").has("architecture_named", q.text.lower()):
            # "how many layers are in the T5 decoder?": the half named is the part asked about, not the architecture asked
            q = q.model_copy(update={"attributes": [a for a in q.attributes if a is not Attribute.ARCHITECTURE]})
        if q.yes_no or q.intent is not Intent.FACT or not q.where.items:
            return q
        # "Mixtral is a dense 70B model": a negated value ("dense": no mixture of experts) is asserted too
        premises = [Premise(model=m, constraint=c, negated=neg) for m in q.models for c, neg in leaves(q.where)
                    if not (neg and c.facet not in _DENIABLE)
                    and not (c.facet == "catalog" and Attribute.IN_PAPER in q.attributes)  # asked, not asserted
                    and not (c.facet == "active" and Attribute.PARAMS in q.attributes)  # "how many are active per token?"
                    and not (m in halves and _half_claimed(c, neg))
                    and not (c.facet == "trait" and self._tier_named(q.text, m))]
        return q.model_copy(update={"premises": premises, "where": And()})

    def _tier_named(self, text: str, model: str) -> bool:
        """A size tier written beside the model's name ("GPT-2 small", "T5 small", "the small Whisper model") names one
        of its released sizes (lexicon ``name_tiers``), never a trait asserted of the model ("small": efficient)."""
        e = self.catalog.models.get(model)
        tiers = lexicon("en").data.get("name_tiers", {})
        words = "|".join(re.escape(str(w)) for w in [*tiers.get("size_word", []), *tiers.get("tier", [])])
        if e is None or not words:
            return False
        names = "|".join(re.escape(n) for n in sorted({e.name, e.id, *e.aliases}, key=len, reverse=True))
        return bool(re.search(rf"(?<!\w)(?:{names})(?:['’]s)?[\s-]+(?:{words})(?!\w)|(?<!\w)(?:{words})\s+(?:{names})(?!\w)",
                              text, re.I))

    def _half_named(self, q: Query, model: str) -> bool:
        """An unrecorded part asked of one half of an encoder-decoder model, the half said as the model's own."""
        e = self.catalog.models.get(model)
        if not q.unrecorded or e is None or e.architecture != "encoder-decoder":
            return False
        # the half said as the model's own ("the Whisper encoder", "BART's decoder", "the decoder of T5", glossed "Whisper
        # large encoder"), not a claim set apart from the name ("BART, a decoder, ...")
        names = "|".join(re.escape(n) for n in sorted({e.name, e.id, *e.aliases}, key=len, reverse=True) if n)
        said = lexicon("en").data.get("half_of_model", {})
        after = str(said.get("after", "(?!)")).removeprefix("re:").replace("{name}", f"(?:{names})")
        before = str(said.get("before", "(?!)")).removeprefix("re:").replace("{name}", f"(?:{names})")
        return bool(re.search(after, q.text, re.I) or re.search(before, q.text, re.I))

    @staticmethod
    def _order(q: Query, low: str, lex: Lexicon) -> Query:
        """The comparison dimensions a question asks about, in the order it asks them."""
        at = {}
        for dim, cue in (("size", "size_words"), ("date", "date_words"), ("license", "openness_words")):
            m = lex.first(cue, low)
            if m:
                at[dim] = m.start()
        order = sorted(at, key=at.get)
        same = "year" if lex.has("same_year_asked", low) else "value" if lex.has("same_asked", low) else ""
        q = q.model_copy(update={"same_asked": same})
        if (ranked := sort_order(low, lex)) and len(q.models) > 1:
            # "put BERT, T5 and GPT-2 in release order", "order these by size": every model named, in that order
            dim = "size" if ranked[0] == "params" else ranked[0]
            return q.model_copy(update={"order": [dim, *(x for x in order if x != dim)], "ascending": not ranked[1],
                                        "in_order": True})
        # "which is less restrictive?": openness has its own direction words ("less" there is not "smaller")
        down = lex.has("openness_down", low) if order[:1] == ["license"] else lex.has("ascending", low)
        return q.model_copy(update={"order": order, "ascending": down})

    def _owns(self, concept: str, model: str) -> bool:
        """Whether a model may own a concept: one that explains an objective, architecture or trait only when the
        model's entry has that value ("Llama 3's mixture-of-experts design" claims a trait Llama 3 lacks)."""
        k, e = self.catalog.concepts.get(concept), self.catalog.models.get(model)
        if k is None or e is None:
            return True
        return ((k.objective is None or k.objective in e.objectives) and (k.trait is None or k.trait in e.traits)
                and (k.architecture is None or k.architecture == e.architecture))

    def _attributes(self, low: str, lex: Lexicon) -> list[Attribute]:
        """The attributes asked for. A cue inside a longer cue of another attribute gives way to it:
        "were its weights released?" asks for the licence, not the size ("weights") or the date."""
        for hedge in reversed(list(lex.find("hedge_adverb", low))):  # "who actually owns it?": who owns it
            low = low[:hedge.start()] + low[hedge.end():]
        hits = [(Attribute(key), m.span()) for key, pattern in lex.patterns("attributes", low) for m in pattern.finditer(low)]
        found = []
        for a, (s, e) in hits:
            inside = any(b is not a and bs <= s and e <= be and be - bs > e - s for b, (bs, be) in hits)
            if a not in found and not inside:
                found.append(a)
        found.sort(key=[a for a, _ in hits].index)
        if Attribute.VENUE in found and not any(p.search(low) for p in map(lex._compile, lex.data["venue_without_date"])):
            found = [a for a in found if a is not Attribute.DATE]
        return found

    def _unrecorded(self, text: str, lex: Lexicon, r: Reading) -> dict[str, list[tuple[int, int]]]:
        """The unrecorded facts asked for, in order, each with the spans of the words that ask for it."""
        out: dict[str, list[tuple[int, int]]] = {}
        # a corpus or venue name, or a size or date ("T5-3B hidden size"), before the word is none of its modifiers
        # (a lab or hub too: "Hugging Face downloads" asks for downloads)
        names = {(f.start, f.end) for f in r.found if f.facet in ("corpus", "venue", "size", "date", "lab")}
        passing = None  # computed once, when needed: the words describe a mechanism the vocabulary knows
        for label, pattern in lex.patterns("unrecorded", text):
            for m in pattern.finditer(text):
                if label in out:  # more words of a fact already asked for ("knowledge cut-off" + "cut-off date")
                    out[label].append(m.span())
                    r.use(*m.span())
                    continue
                if lex.pattern("asker", "before").search(text[:m.start()].lower()) and lex.pattern("asker", "after").search(text[m.end():]):
                    r.use(*m.span())  # "I only have one GPU, which models ...": the asker's own situation, a clause apart, asks nothing
                    continue
                # a value is asked of the unrecorded word itself ("the most layers", "more than 24 heads", "how deep"), not by a
                # ranking word elsewhere in the description ("each layer only looks at the most recent tokens")
                near = any(m.start() - VALUE_REACH <= v.start() and v.end() <= m.end() + VALUE_REACH for v in lex.find("asks_value", text))
                if lex.has("describes_models", text[:m.start()]) and not near:
                    passing = self._described(text, lex, r) if passing is None else passing
                    if passing:  # "models where several query heads share keys": a trait, not a head count
                        if passing == "term":  # "MoE layers": the word only elaborates the term read
                            r.use(*m.span())
                        continue
                inside = [f for f in r.found if m.start() <= f.start and f.end <= m.end() and f.end - f.start < m.end() - m.start()]
                # "embedding dimension": the longer unrecorded phrase is read though it holds the word "embedding";
                # a word of a span another reading consumed is not asked for: "MoE layers" names a trait,
                # "descend from Gopher (any depth)" a lineage modifier; "ImageNet accuracy" still asks for a score;
                # a later occurrence still may be asked for
                consumed = any(s <= m.start() <= e + 1 and (s, e) not in names and (s, e) not in r.units for s, e in r.used)
                # ... unless a count word stands right before the modifier ("how many decoder layers", "the number of KV
                # heads"): the part is counted, its modifier only says which part (no architecture asked for or asserted)
                counted = lex.first("counts_part_before", text[:m.start()].lower())
                # ... or a size question right before it asks its value ("how big a batch size", zh "多大的 dropout")
                lead = max(0, m.start() - 16)
                sized = next((q for q in lex.find("size_question", text[lead:m.start()].lower())
                              if not text[lead + q.end():m.start()].strip(" a")), None)
                if consumed and label not in lex.data.get("unrecorded_parts", []):  # a measure of the model, not a part a
                    # term before it names ("instruction tuning latency"): a value's term right before it consumes nothing
                    terms = {(f.start, f.end) for f in r.found}
                    consumed = any(s <= m.start() <= e + 1 and (s, e) not in names and (s, e) not in r.units
                                   and (m.start() < e or (s, e) not in terms) for s, e in r.used)
                if not inside and consumed and not counted and not sized:
                    r.use(*m.span())
                    continue
                span = (counted.start("part"), m.end()) if counted else (lead + sized.start(), m.end()) if sized else m.span()
                out.setdefault(label, []).append(span)
                r.use(*m.span())
                break
        return out

    @staticmethod
    def _trip_gap(asked: dict, low: str, lex: Lexicon, focus: list[str], cue_text: str) -> set[str]:
        """The unrecorded facts asked (lexicon ``gap_trip.yields``: the training time a bare "how long did it take" reads
        as) that a trip from one named model to another (``gap_trip.trip``: "from A to B", "A to B, how long ...") reads
        instead as the time between their releases; none when a word of the work is said (``gap_trip.work``)."""
        table = lex.data.get("gap_trip", {})
        yields = set(table.get("yields", [])) & set(asked)
        if not yields or len(focus) < 2 or not lex.pattern("gap_trip", "trip").search(cue_text) \
                or lex.pattern("gap_trip", "work").search(low):
            return set()
        return yields

    @staticmethod
    def _owned_count(text: str, lex: Lexicon, focus: list[str], unrecorded: list[str], features: set[str], where,
                     mentions=()) -> Attribute | None:
        """The recorded values of a named model a count question counts (the lexicon's ``owned_count``: its sizes, labs,
        objectives or paper authors), when the question names one to three models; what else it reads is said of them.
        A pattern with a ``name`` group ("how many flan-t5 variants") holds only when a named model is said there."""
        low = text.lower()
        # "how many sizes does it have?": the model discussed (the session names it), as a named one would be
        if not focus and not lex.ref("singular", low) or len(focus) > 3 or unrecorded or "lineage" in features:
            return None

        def said(m: re.Match | None) -> bool:
            if m is None:
                return False
            if "name" not in m.re.groupindex:
                return True
            s, e = m.span("name")
            return any(x.start < e and s < x.end and x.model_id in focus for x in mentions)

        return next((Attribute(key) for key, p in lex.patterns("owned_count", low)
                     if any(said(m) for m in p.finditer(low))), None)

    def _owned_each(self, low: str, lex: Lexicon, cue_text: str, where: And) -> tuple[Attribute, list[str]] | None:
        """A count of each model's own values over a small set said with a word of each ("number of sizes for each Qwen
        generation", "how many sizes do the Gemma models come in, each?"): the attribute and the set's models (two to
        twelve), each then counted as a named model is; None otherwise."""
        if not phrase_pattern(lex.data["group_by"]["each_named"]).search(cue_text):
            return None
        said = next(((Attribute(key), m) for key, p in lex.patterns("owned_count", low) for m in p.finditer(low)
                     if "name" not in m.re.groupindex and lex.first("owned_noun", m.group())), None)
        if said is None:
            return None
        members = [e.id for e in self.catalog.models.values() if holds(e, where)]
        return (said[0], members) if 2 <= len(members) <= 12 else None

    @staticmethod
    def _owned_more(text: str, lex: Lexicon) -> tuple[Attribute, str] | None:
        """Two named models weighed by how many of their own values they have (the lexicon's ``owned_more``: "which
        comes in more sizes", "fewer labs"): the attribute counted and the way the question asks ("more" / "fewer")."""
        low = text.lower()
        m = next(((key, m) for key, p in lex.patterns("owned_more", low) if (m := p.search(low))), None)
        if m is None:
            return None
        return Attribute(m[0]), "fewer" if m[1].group("dir") in ("fewer", "less") else "more"

    @staticmethod
    def _size_kind(where: And) -> tuple[str, And]:
        """The kind of size a count of a model's sizes keeps, read off the mixture-of-experts trait the question put on
        them ("how many dense sizes", 几个 MoE 版本): "dense" for the trait negated (its complement, "dense"), "moe" for
        the trait itself; that constraint is then a word of the count, not a premise about the model."""
        for i, item in enumerate(where.items):
            negated = isinstance(item, Not)
            c = item.item if negated else item
            if _moe_trait(c):
                rest = [x for j, x in enumerate(where.items) if j != i]
                both = next((j for j, x in enumerate(rest) if _moe_trait(x.item if isinstance(x, Not) else x)
                             and isinstance(x, Not) != negated), None)
                if both is not None:  # "dense plus MoE", "dense and MoE sizes together": every size, no kind
                    return "", And(items=[x for j, x in enumerate(rest) if j != both])
                return ("dense" if negated else "moe"), And(items=rest)
            if not negated and isinstance(c, Constraint) and c.facet == "objective" and c.values == ["knowledge-distillation"] \
                    and c.via is None:  # "how many distilled sizes", "the R1 distilled models: how many sizes?"
                return "distilled", And(items=[x for j, x in enumerate(where.items) if j != i])
        return "", where

    def _counted_thing(self, text: str, lex: Lexicon, r: Reading, named: int = 1, mentions=()) -> str | None:
        """The thing a count question about a named model counts, as an unrecorded fact ("number of employees"),
        when no reading used its words and the lexicon has none of them: not models, variants, labs or parameters."""
        m = next((m for _, p in lex.patterns("counted_thing", text.lower()) for m in p.finditer(text.lower())), None)
        if m is None:
            return None
        s, e = m.span("noun")
        words = m.group("noun").split()
        if len(words) == 2 and not (words[1].endswith("s") and not words[1].endswith("ss")):  # "employees worked": the verb
            words, e = words[:1], s + len(words[0])
        if (any(a < e and s < b for a, b in r.used) or any(f.start < e and s < f.end for f in r.found if f.end)
                or any(x.start < e and s < x.end for x in mentions)  # "how many flan-t5 variants": the model named, not counted
                or any(w in self._lexicon_words or w.rstrip("s") in self._lexicon_words for w in words)
                or lex.has("model_anchor", " ".join(words))
                or named > 1 and lex.has("descendant_words", " ".join(words))):  # "how many children do BERT and
            return None                                                                 # GPT-3 each have?": their lines
        return f"number of {' '.join(words)}"

    def _described(self, text: str, lex: Lexicon, r: Reading) -> str:
        """How the question names a mechanism the vocabulary knows (a trait, an objective, an architecture):
        "term", "meaning" (clearly, read by the paraphraser), or "" when it names none."""
        if any(f.facet in _MECHANISMS and not f.negated for f in r.found):
            return "term"
        if self.paraphraser is None:
            return ""
        # the words no reading used, as the coverage check will ask about them: one encode serves both
        phrase = self.coverage.leftover(text, lex, r, self.parsers[lex.language].filler)[0] or text
        best = self.paraphraser.match(phrase, k=1)
        if not (best and best[0].score >= self.paraphraser.threshold) and (head := lex.first("describes_models", text)):
            # cue words inside the description left too few words over ("where every layer attends to only the latest
            # tokens"): the whole clause after its head
            best = self.paraphraser.match(text[head.end():], k=1)
        return "meaning" if best and best[0].score >= self.paraphraser.threshold else ""

    @staticmethod
    def _names_unrecorded(text: str, name: str, lex: Lexicon) -> bool:
        """A name right before an unrecorded attribute's word is a value of it, not a model:
        "trained on T4 GPUs" asks for hardware, which the catalog does not record."""
        at = text.find(name)
        return at >= 0 and any(m.start() - (at + len(name)) in (0, 1) for _, p in lex.patterns("unrecorded", text)
                               for m in p.finditer(text))

    def _class_objective(self, concept: str | None, low: str, lex) -> str | None:
        """A class of models asked about by its training objective ("diffusion models ... explain the training
        objective"): the concept of the one objective every model of the class is trained with (of several, the one the
        class is named after), when the class's own concept names no objective, architecture or trait; else the
        concept as named."""
        c = self.catalog.concepts.get(concept) if concept else None
        if c is None or c.objective or c.architecture or c.trait \
                or not any(lex.has_phrase(w, low) for w in lex.data["field_names"].get("objective", [])):
            return concept
        members = [self.catalog.models[m] for m in c.related_models if m in self.catalog.models]
        shared = set.intersection(*({o.value for o in e.objectives} for e in members)) if members else set()
        own = sorted({self.concepts.objective[o] for o in shared if o in self.concepts.objective})
        if len(own) > 1:  # several shared ("caption prediction", "diffusion"): the one the class is named after
            own = [o for o in own if o in concept.split("-")]
        return own[0] if len(own) == 1 else concept

    def _concepts(self, text, low, lex, where: And, focus, r: Reading, names=()) -> tuple[str | None, list[str], bool]:
        explaining = any(lex.has(cue, low) for cue in ("explain", "how_works", "definitional"))
        named = sorted(s for s in concept_spans(self.catalog, text, lex, self.concepts, traits=explaining)
                       if not lex.first("pointing_before", low[max(0, s[0] - 12):s[0]])  # "that base model": a model
                       # a generic word of a longer model name ("Transformer" of "Decision Transformers") names no concept
                       and not (s[2] in lex.data.get("name_word_concepts", ())
                                and any(a <= s[0] and s[1] <= b and b - a > s[1] - s[0] for a, b in names))
                       # the catalog as the place a set is listed in ("what are the vision models in this catalog?", "the
                       # licence the catalog records"): the set's scope, not the catalog paper asked about
                       and not (s[2] == CATALOG_PAPER and where.items and text[s[0]:s[1]].lower() in lex.data.get("catalog_place", ())))
        r.concepts += [(start, end) for start, end, _ in named]
        concept = max(named, key=lambda s: (s[1] - s[0], -s[0]))[2] if named else None
        if concept is None:
            positive = [c for c, neg in leaves(where) if not neg]
            obj = next((c for c in positive if c.facet == "objective" and c.via is None), None)
            arch = next((c for c in positive if c.facet == "architecture" and c.via is None), None)
            trait = next((c for c in positive if c.facet == "trait" and c.via is None), None)
            if obj:
                concept = self.concepts.objective.get(str(obj.values[0]))
            elif trait and explaining and str(trait.values[0]) in self.concepts.trait:
                concept = self.concepts.trait[str(trait.values[0])]
            elif arch:
                concept = self.concepts.architecture.get(str(arch.values[0]))
            elif (m := lex.first("what_is_arch", low)):
                concept = self.concepts.architecture.get(Architecture(m.group(3)).value)
        concept = self._class_objective(concept, low, lex)
        arch = [c for c, neg in leaves(where) if c.facet == "architecture" and not neg and c.via is None]
        if concept in self.concepts.architecture.values() and len(arch) == 1 and len(arch[0].values) == 1:
            concept = self.concepts.architecture.get(str(arch[0].values[0]), concept)  # "an encoder and a decoder": the whole
        order = list(dict.fromkeys(cid for _, _, cid in named))
        # each mechanism written as a named model's own ("XLNet's permutation LM vs BERT's masked LM", "XLNet 的排列语言建模
        # 和 BERT 的 MLM"): the mechanisms are contrasted, the models only say whose they are
        owned = len(named) >= 2 and all(any(b <= s and re.fullmatch(r"(?:['’]s?)?\s*", text[b:s]) for _, b in names)
                                        for s, _, _ in named)
        compared = lex.has("compare", low) and (not focus or owned)
        others = order[1:] if len(order) > 1 and compared else []
        # two names of one concept contrasted ("a foundation model vs a fine-tuned one"): the concept is the contrast
        contrasted = compared and not others and sum(1 for _, _, cid in named if cid == concept) >= 2
        return (order[0] if others else concept), others, contrasted


def _date_span(node) -> tuple[float, float] | None:
    """(first, last month) of a node that is one span of time (a lower and an upper date bound, nothing else); else None."""
    if not isinstance(node, And) or len(node.items) != 2 or not all(isinstance(c, Constraint) and c.facet == "date" for c in node.items):
        return None
    ends = {c.op: c.values[0] for c in node.items}
    return (ends[Op.GE], ends[Op.LE]) if set(ends) == {Op.GE, Op.LE} else None


_TITLE_FIELDS = ("objective", "architecture", "domain", "trait")  # fields whose terms a set question reads before a title


def _moe_trait(c) -> bool:
    """The mixture-of-experts trait said of a model itself (no relation): the kind of size a count of sizes keeps."""
    return isinstance(c, Constraint) and c.facet == "trait" and c.values == ["mixture-of-experts"] and c.via is None
