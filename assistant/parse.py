"""Reading constraints from a question: facet mentions, their polarity, and the constraint tree.

Work in three passes over the cleaned text, with linked model names masked:
1. ``relations`` (``assistant.relations``): a model named after a relation or exclusion cue
   becomes a constraint or an exclusion instead of the subject of the question;
2. ``mentions``: every facet's literal terms (from the lexicon), numbers (sizes, dates), corpus
   names and venues, each with the span it was read from; then phrases read together
   (``assistant.phrases``: a value named by its parts, one phrase on two fields);
3. ``polarity``: which phrase each negation cue governs (``assistant.scope``: the next
   constraint in its clause; a negated verb with nothing after it, the phrase before it), then
   ``tree``: one leaf per facet, joined by AND, with negated leaves under NOT.
Every span used is recorded, so ``coverage`` can tell which content words were not understood.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from assistant.facets import ANY_MODEL, COUNT_FACETS, FACETS, family_parts, namesake_family, spaced
from assistant.lexicon import Lexicon, TermSet, make_term
from assistant.numbers import KIND_OPS, MONTHS, SizeWords, compiled, is_year, parse_dates, parse_params
from assistant import phrases, scope
from assistant.query import And, Constraint, Not, Op, Or, Quant
from assistant.relations import RelationReader
from assistant.spans import Found, Reading, blank, free as _free
from catalog import Catalog
from catalog.vocab import LAB_SYNONYMS, canonical_lab, lab_umbrella

VOCAB_FACETS = ("objective", "architecture", "lab", "license_name", "license", "domain", "trait", "input", "output", "size", "catalog", "arxiv",
                "active")
_ALL_OF = ("objective", "trait")  # fields whose values a question names together hold all at once
_OPS = {"gt": Op.GT, "ge": Op.GE, "lt": Op.LT, "le": Op.LE, "eq": Op.EQ, "exact": Op.EXACT}


def _squeeze(text: str) -> str:
    return re.sub(r"[\s\-]+", "", text.lower())  # "MS MARCO" and "MS-MARCO" alike


class _Lazy:
    """A corpus-name regex compiled on first need: it is tried only when the question, lowercased
    and without spaces, contains the name the same way (a necessary condition for a match), so a
    question compiles the few names it mentions, not one regex per dataset in the catalog."""

    __slots__ = ("source", "key", "term", "_pattern")

    def __init__(self, source: str, name: str, term: str):
        self.source, self.key, self.term, self._pattern = source, _squeeze(name), term, None

    def search(self, text: str, squeezed: str) -> re.Match | None:
        if self.key not in squeezed:
            return None
        if self._pattern is None:
            self._pattern = re.compile(self.source, re.I)
        return self._pattern.search(text)



class Parser:
    def __init__(self, catalog: Catalog, lex: Lexicon, corpus_terms: tuple[list[str], list[str]], english: frozenset = frozenset()):
        self.catalog, self.lex, self.english = catalog, lex, english
        self.terms = {f: lex.terms(f) for f in VOCAB_FACETS if f not in ("lab", "license_name")}
        lab_phrases = {canon: tuple(sp) + tuple(lex.values.get("lab", {}).get(canon, [])) for canon, sp in LAB_SYNONYMS.items()}
        # labs the lexicon names beyond the vocabulary (no model of theirs in the catalog): read, so nothing they say is dropped
        lab_phrases |= {canon: tuple(sp) for canon, sp in lex.values.get("lab", {}).items() if canon not in lab_phrases}
        for written, canon in {(lab, canonical_lab(lab)) for e in catalog.models.values() for lab in e.labs}:
            known = set(lab_phrases.get(canon, ()))
            extra = [v for v in lab_variants(written, lex.values.get("lab_words", {})) if v not in known and v not in english]
            lab_phrases[canon] = tuple(lab_phrases.get(canon, ())) + tuple(extra)
        groups = [make_term(str(p), "lab", g["labs"][0], lex.spaced, values=tuple(g["labs"]))  # "Chinese labs": any of them
                  for g in lex.values.get("lab_groups", {}).values() for p in g["terms"]]
        self.terms["lab"] = sorted((*(t for canon, sps in lab_phrases.items() for t in self._terms("lab", canon, sps)), *groups),
                                   key=lambda t: -t.length)
        self.terms["license_name"] = [t for name, sps in lex.values["license_name"].items() for t in self._terms("license_name", name, sps)]
        self.lab_spellings = lab_phrases
        self.termsets = {f: TermSet(ts) for f, ts in self.terms.items()}  # one scan per facet
        plain, with_labs = corpus_terms
        aliases = {str(k).lower(): str(v) for k, v in lex.values.get("corpus_alias", {}).items()}
        self.corpus = [_Lazy(rf"(?<!\w){spaced(a)}(?!\w)", a, t) for a, t in aliases.items()]
        self.corpus += [_Lazy(rf"(?<!\w){spaced(t)}\d*(?!\w)", t, t) for t in plain]
        data = r"(?:'s\s+)?(?:[\w-]+\s+)?(?:data|datasets?|corpus|corpora|images|pairs|text|dumps?)\b"
        self.corpus_tight = [_Lazy(rf"(?:(?:trained|pre-?trained|data|datasets?|corpus|corpora|images?|pairs?) (?:on|from|using|of|in)\s+"
                                   rf"(?:the\s+)?{spaced(t)}\d*(?!\w)|(?<!\w){spaced(t)}\d*(?!\w)\s*{data})", t, t)
                             for t in with_labs]  # "trained on LAION", "LAION data": a corpus, though LAION is also a lab
        self.venues = [(re.compile(rf"(?<!\w){re.escape(v)}(?!\w)"), v) for v in lex.values.get("venue", [])]
        self.families = self._families(catalog, lex)
        self.paper_month = phrases.paper_month(catalog)
        self.family_heads = {name.lower(): name for _, name in self.families}
        self.model_names = {n.lower() for e in catalog.models.values() for n in (e.name, *e.aliases)}
        self.filler = frozenset(lex.data["cues"]["negation_filler"]) | {"variant", "variants", "version", "versions", "size",
                                                                        "sizes", "checkpoint", "checkpoints"}
        labs = frozenset(sp.lower() for sps in lab_phrases.values() for sp in sps if isinstance(sp, str) and len(sp) >= 3)
        self.relations = RelationReader(catalog, lex, self.family_heads, self.filler, groups=labs)

    @staticmethod
    def _families(catalog: Catalog, lex: Lexicon) -> list[tuple[re.Pattern, str]]:
        """The family names of the catalog's own ``family`` fields ("Phi", "GPT", "LLaMA" out of
        "LLaMA (Vicuna) + CLIP"), longest first; generic words ("Transformer") are not names."""
        heads: dict[str, str] = {}
        for family in dict.fromkeys(e.family for e in catalog.models.values()):
            for name in family_parts(family):
                if len(name) >= 2 and name.lower() not in lex.stopwords:
                    heads.setdefault(name.lower(), name)
        return [(re.compile(rf"(?<![\w-]){re.escape(n)}(?:(?![\w-])|(?=-famil))", re.I), heads[n])  # "Mistral-family"
                for n in sorted(heads, key=len, reverse=True)]

    def _family_names(self, text: str, taken: list, r: Reading, cues=("family_members_after", "family_after"), ranked=False) -> None:
        """"Phi models", "the Gemma family", "all Qwen versions": a family name with a members word after it,
        or a ranking word before it ("the largest Phi model"). Read with "family" itself first, before the
        vocabulary ("Mistral-family models": not the lab)."""
        lex, low = self.lex, text.lower()
        for pattern, family in self.families:
            # "the Phi line": a family's line, when no model bears the family's name ("the T5 line" is T5's descent)
            lined = (*cues, "family_line_after") if "family_members_after" in cues and family.lower() not in self.model_names else cues
            for hit in pattern.finditer(text):
                tail = low[hit.end():]
                cue = next((c for name in lined if (c := lex.first(name, tail))), None) if lex.has("family_context", low) else None
                span = (hit.start(), hit.end() + (cue.end() if cue else 0))
                if (not cue and "family_after" in cues and family.lower() not in self.model_names
                        and (shared := lex.first("families_after", tail))):
                    # "the Qwen, DeepSeek, Gemma and Phi families": each name of the list before the one plural noun is
                    # a family (not the lab DeepSeek); a name a model bears is read where models are linked
                    if _free(hit.span(), taken):
                        noun = hit.end() + shared.end() - len(shared.group().split()[-1])  # the plural noun's words
                        r.found.append(Found("family", family, *hit.span()))
                        taken.append(hit.span())
                        r.use(noun, hit.end() + shared.end())
                        r.quiet.append((noun, hit.end() + shared.end()))
                    continue
                # "the largest Phi model" (when no model is named beside it: "Mixtral or the largest LLaMA?" compares models)
                before = low[max(0, hit.start() - 30):hit.start()]
                by_rank = ranked and lex.first("family_ranked_before", before)
                # "any Phi model with ...", "which Gemma model ...": one of the family's members
                one = lex.first("family_set_before", before) and (one_word := lex.first("family_one_after", tail))
                if one and not cue:
                    span = (hit.start(), hit.end() + one_word.end())
                # "Microsoft models other than Phi", "Google models that aren't Gemini": a family no model is named after,
                # bare, in the scope of a negation cue (``scope.governs``), is the family left out
                bare = (not (cue or by_rank or one) and "family_members_after" in cues and family.lower() not in self.model_names
                        and self._left_out(text, hit.start()))
                if (cue or by_rank or one or bare) and _free(span, taken):
                    r.found.append(Found("family", family, *span))
                    taken.append(span)

    def _left_out(self, text: str, start: int) -> bool:
        """Whether a negation cue before ``start`` governs a phrase starting there (``scope.governs``)."""
        found = scope.cues(self.lex, text[:start], [])
        return bool(found) and scope.governs(self.lex, text, found[-1].end(), start, self.filler)

    def named_values(self, text: str) -> list[tuple[int, int]]:
        """Spans of licence names that contain a model name ("the Llama 2 Community License",
        "the Gemma terms of use"): the name there is part of the licence, not the subject."""
        return [hit.span() for hit, _ in self.termsets["license_name"].find(text) if not self._own_license(text, hit)]

    def _own_license(self, text: str, hit) -> bool:
        """A licence name made of a model's name ("the Llama 2 license") weighed against another model's licence ("... more
        permissive than the original LLaMA's", "... vs Falcon's"): the model's own licence, so the name is the model."""
        return bool(self.lex.first("license_own_after", text[hit.end():hit.end() + 60].lower()))

    def name_words(self, text: str) -> list[tuple[int, int]]:
        """The spans of the words asked of models' names ("with GPT in their name": GPT), read by ``mentions``."""
        return [m.span("word") for m in self.lex.find("name_pattern", text)] if "name_pattern" in self.lex.data["cues"] else []

    def _terms(self, facet, value, phrases):
        return [make_term(str(p), facet, value, self.lex.spaced) for p in phrases]

    def _io_lists(self, text: str, taken: list, r: Reading) -> None:
        """Kinds of data listed after a verb of taking in or giving out ("takes both audio and video", "outputs text and
        images"): one input or output constraint with each kind, all of them unless joined by "or"."""
        nouns, out_verbs = self.lex.data.get("io_nouns", {}), set(self.lex.data.get("io_output_verbs", []))
        for said in [*self.lex.pattern("io_lists", "named").finditer(text), *self.lex.pattern("io_lists", "before").finditer(text),
                     *self.lex.pattern("io_lists", "verb").finditer(text)]:
            if not _free(said.span(), taken):
                continue
            verb = " ".join((said.groupdict().get("verb") or "").lower().split())
            io = (said.group("io") or "").lower()
            if "input" in io and "output" in io:  # "as input or output": either way, no one direction (the domains say it)
                continue
            facet = "output" if io.startswith("output") or (not io and verb in out_verbs) else "input"
            words = said.group("list").lower().replace(",", " ").replace("/", " ").replace("&", " ").replace("+", " ").split()
            values = list(dict.fromkeys(nouns[w] for w in words if w in nouns))
            either = bool({"or", "either"} & set(said.group(0).lower().replace(",", " ").split()))
            r.found.append(Found(facet, values, *said.span(), op=Op.IN if either else Op.ALL))
            taken.append(said.span())
            r.use(*said.span())

    # -- pass 2: facet mentions ---------------------------------------------------------------
    def mentions(self, text: str, masked: list, r: Reading, numbers_masked: list) -> None:
        lex, low = self.lex, text.lower()
        taken = list(masked) + list(r.quiet)  # words a relation already used ("the base model X was trained from")
        for basis in lex.find("size_basis", text):  # "(total count for MoE)": how a size is counted, no MoE filter
            taken.append(basis.span())
            r.use(*basis.span())
            r.quiet.append(basis.span())
        for like in lex.find("reference_example", text):  # "like the original translation Transformer": an example
            taken.append(like.span())  # outside the catalog, whose own words (translation) are no constraint
            r.use(*like.span())
            r.quiet.append(like.span())
        for unit in lex.find("quantity_unit", text):  # "how many image-text pairs was CLIP trained on?"
            taken.append(unit.span("unit"))
            r.use(*unit.span("unit"))
            r.units.append(unit.span("unit"))
        for said in (lex.find("name_pattern", text) if "name_pattern" in lex.data["cues"] else ()):
            if _free(said.span("word"), taken):  # "whose name contains GPT": the word, over every name
                r.found.append(Found("name", said.group("word"), *said.span("word")))
                taken.append(said.span())
        squeezed = _squeeze(text)
        for lazy in self.corpus_tight:
            term = lazy.term
            hit = lazy.search(text, squeezed)
            if hit and _free(hit.span(), taken):
                r.found.append(Found("corpus", self._forms(term), *hit.span()))
                r.use(*hit.span())
                taken.append(hit.span())
        self._family_names(text, taken, r, cues=("family_after",))
        self._io_lists(text, taken, r)
        hits = [(hit, t, facet) for facet in VOCAB_FACETS if not (facet == "architecture" and lex.has("what_is_arch", low))
                for hit, t in self.termsets[facet].find(text) if not (facet == "license_name" and self._own_license(text, hit))]
        # the longest phrase wins across fields ("rotary position embeddings" is a trait, not domain = embeddings);
        # between equally long ones, a field the question names ("the multimodal trait"), then the order of VOCAB_FACETS
        named = {f for f, words in lex.data["field_names"].items() if any(lex.has_phrase(w, low) for w in words)}
        named |= {"license_name"} if "license" in named else set()  # "the MIT license": the named licence, still
        read = []
        for hit, t, facet in sorted(hits, key=lambda h: (h[0].start() - h[0].end(), h[2] not in named,
                                                         VOCAB_FACETS.index(h[2]), h[0].start())):
            if _free(hit.span(), taken):
                taken.append(hit.span())
                if facet == "license" and lex.first("license_weighed", low[max(0, hit.start() - 12):hit.end() + 8]):
                    r.use(*hit.span())  # "is X's licence more permissive than Y's?": the two weighed, no class asked of them
                    continue
                generic = facet == "domain" and t.value in lex.data.get("skip_domain_alone", [])
                lead = low[max(0, hit.start() - 30):hit.start()]
                if generic and lex.first("text_output_before", lead):
                    r.use(*hit.span())  # "answers in text": how the answer comes, not a domain (nor one to contrast): the
                    read.append(Found("output", ["text"], *hit.span()))  # models whose outputs include text
                    continue
                if generic and lex.first("domain_output_before", lead):
                    r.use(*hit.span())  # "instead of writing text", "the whole text": no domain either ("never generates
                    continue            # text" keeps the reading its own words give: the encoder)
                if generic and (m := lex.first("domain_output_contrast", low[max(0, hit.start() - 90):hit.start()])):
                    # text contrasted with what a model gives out ("rather than generated text"): no domain, nor is the verb
                    # between (it writes nothing of code); a reading already taken from those words is dropped
                    cut = max(0, hit.start() - 90) + m.start("c")
                    read = [f for f in read if not (cut <= f.start and f.end <= hit.start())]
                    r.use(cut, hit.end())
                    continue
                named = facet == "domain" and phrases.named_domain(lex, low, hit.start(), hit.end(), r)
                weak = generic and not named
                only = facet in ("domain", "input", "output") and phrases.domain_only(  # "text-only", "only images as input"
                    lex, low, hit.start(), hit.end(), inside=facet != "domain")
                read.append(Found(facet, list(t.values) or t.value, *hit.span(), op=Op.ONLY if only else Op.IN, weak=weak,
                                  loose=t.weak and not named, complement=t.complement))
        # a group of labs followed by some of its own labs ("universities (Stanford, Berkeley, CMU)", "academic labs such as
        # Stanford"): the labs named say which of the group are meant
        for g in [f for f in read if f.facet == "lab" and isinstance(f.value, list)]:
            after = [f for f in read if f.facet == "lab" and isinstance(f.value, str) and f.start >= g.end]
            first = min(after, key=lambda f: f.start, default=None)
            if first is not None and first.value in g.value and lex.first("group_members_before", low[g.end:first.start]):
                read.remove(g)
                r.use(g.start, g.end)
        # a generic domain word listed with another domain ("text and vision models", "both code and text") is one too
        domains = sorted((f for f in read if f.facet == "domain"), key=lambda f: f.start)
        for a, b in zip(domains, domains[1:]):
            gap = low[a.end:b.start]
            if (a.weak or b.weak) and scope.joined(lex, gap) and lex.has("list_conjunction", gap):  # "from" joins nothing
                a.weak = b.weak = a.loose = b.loose = False  # named as a domain: not a generic word a paraphrase may replace
        for f in domains:  # "text plus some other domain", "文本，外加其他领域": the word is one domain of several
            if f.weak and (m := lex.first("domain_count_many", low[f.end:f.end + 80])) and not low[f.end:f.end + m.start()].strip(" ,，"):
                f.weak = f.loose = False
        # a licence named by a word that restates the class said beside it ("limited / non-commercial", "non-commercial or
        # limited"): the class, as asked (the lexicon's ``license_name_restates``: name -> the class it restates)
        restates = lex.data.get("license_name_restates", {})
        for name in [f for f in read if f.facet == "license_name" and f.value in restates]:
            said = [f for f in read if f.facet == "license" and f.value == restates[name.value]]
            aside = [f for f in said if f.start >= name.end and lex.first("name_aside_before", low[name.end:f.start])
                     and lex.first("name_aside_after", low[f.end:])]
            if said and aside == said:  # "non-commercial (can't be used commercially)": the bracket explains the name asked
                read = [f for f in read if f not in aside]
                for f in aside:
                    r.use(f.start, f.end)
        classes = {f.value for f in read if f.facet == "license"}
        for f in read:
            if f.facet == "license_name" and restates.get(f.value) in classes:
                f.facet, f.value = "license", restates[f.value]
        r.found += sorted(read, key=lambda f: (VOCAB_FACETS.index(f.facet), f.start))  # the reading line's field order
        self._by_age(low, taken, r)
        phrases.both_parts(lex, low, r)
        self._lab_typo(text, taken, r)
        self._family_names(text, taken, r, ranked=not masked)
        phrases.composites(lex, text, r)
        phrases.alternatives(lex, text, r, {*self.terms, "corpus"})  # "from EleutherAI or trained on the Pile"
        op = lex.first("open_predicate", text)
        if op and not any(f.facet == "license" and f.value == "open" for f in r.found):
            r.found.append(Found("license", "open", *op.span()))
            taken.append(op.span())
        taken += phrases.paper_date(lex, low, self.paper_month, r)  # "predate the paper (Feb 2023)"
        for b in parse_dates(text, numbers_masked + taken, lex.data["dates"]) + parse_params(text, numbers_masked + taken, names=masked):
            quant = self._variant(low, b, r)
            r.found.append(Found(b.facet, b.value, b.start, b.end, _OPS[b.op], quant=getattr(quant, "quant", quant),
                                 said=isinstance(quant, Said), alt=b.either))
        # "released in a January, any year": the month, whatever the year; a question that names a date means its year
        # ("spring 2022 - anything from March through May of that year?")
        dated = any(f.facet == "date" for f in r.found)
        for m in ([] if dated else lex.find("month_of_year", low)):
            if (m.group("pre") or m.group("post") or m.group("year")) and _free(m.span(), numbers_masked + taken):
                r.found.append(Found("month", float(MONTHS[m.group("month")[:3]]), *m.span()))
                taken.append(m.span())
        phrases.bound_alternatives(lex, text, r)  # "from Meta or with more than 100B parameters"
        liked = {x.model for x in r.relations if x.kind == "similar" and x.facet == "size"}
        if liked and any(f.facet == "size" and f.via is None for f in r.found):
            # "roughly GPT-3 sized, say between 150B and 200B": the range said is the size, the model its example
            r.found = [f for f in r.found if not (f.facet == "size" and f.via in liked)]
        sizes = [f for f in r.found if f.facet == "size"]
        if any(f.via is None for f in sizes):  # "small models: anything below 200M": the adjective repeats the bound
            self._size_words(low, r)
        for m in lex.find("size_question", low):  # "the smallest Alibaba model, and how small?": a size asked, no trait
            r.use(*m.span())
            r.found = [f for f in r.found if not (f.facet == "trait" and f.start < m.end() and m.start() < f.end)]
        if len(sizes) > 1 and any(f.quant is Quant.SOME for f in sizes) and lex.has("both", low):  # "both a >100B and a sub-1B size"
            for f in sizes:
                f.quant = f.quant if f.quant in _NAMED_VARIANT or f.said else Quant.SOME
        # "more than three sizes" before "several sizes"; not the number of a name ("Llama 3 sizes") or a year
        if (m := next((h for h in lex.find("sizes_count", low) if _free(h.span(2), taken) and not is_year(h.group(2))
                       and not (h.group(1) is None and lex.first("own_count_before", low[max(0, h.start(2) - 40):h.start(2)]))),
                      None)):
            n = float(lex.data["count_words"].get(m.group(2)) or m.group(2))
            kind = compiled(SizeWords, lex.data["sizes"]).kind_of(m.group(1))  # "more than" / "at least" ... as in sizes
            op = _OPS[KIND_OPS[kind]] if kind in KIND_OPS else Op.GE if m.group(3) else Op.EQ  # "exactly 3", "3 or more"
            # "at least one checkpoint under 1B" counts nothing; nor does "one version over 100B" (one, with its size
            # right after it, is "a"), unless the words say only one ("just one version", "exactly one")
            bounded = any(f.facet == "size" and 0 <= f.start - m.end() <= 2 for f in sizes) and m.group(1) is None \
                and not lex.first("sole_count", low[max(0, m.start() - 12):m.start()])
            noun = m.group(m.lastindex).lower()  # what is counted: sizes, labs, domains, parents (lexicon count_nouns)
            counted = next((facet for facet, nouns in lex.data["count_nouns"].items() if noun in nouns), "variants")
            # "both a <1B and a >10B version, two versions" (同时有…两种版本): a number of versions no larger than the sizes
            # said of versions together counts those versions again, no constraint of its own (unless said with its own
            # comparator: "exactly two")
            restated = counted == "variants" and m.group(1) is None and op is Op.EQ and lex.has("both", low) and \
                n <= sum(1 for f in sizes if f.quant in (Quant.SOME, None)) >= 2
            # "at least two versions over 10B", "两个以上的版本都超过 10B": a number of versions the size right after holds
            # for, no count of all the model's versions
            times = int(n) + (op is Op.GT)
            held = next((f for f in sizes if counted == "variants" and times >= 2 and (op in (Op.GE, Op.GT) or m.group(1) is None)
                         and 0 <= f.start - m.end() and lex.first("count_size_link", low[m.end():f.start])
                         and f.op is not Op.EQ and not f.negated), None)
            if restated:
                r.use(*m.span())
                taken.append(m.span())
            elif held:
                held.quant, held.said, held.times = Quant.SOME, True, times
                r.use(*m.span())
                taken.append(m.span())
            elif lex.first("group_top_after", low[m.end():]):
                r.use(*m.span())  # "which 3 labs have the most models?": a breakdown's top rows, no count of a model's labs
            elif not (n == 1 and (op is Op.GE or bounded) and counted == "variants"):
                r.found.append(Found(counted, n, *m.span(), op=op))
                taken.append(m.span())  # "two base models" counts parents: no "base model" (from scratch) as well
        elif (m := lex.first("many_sizes", low)):  # "several sizes"; "multiple direct parents" counts parents
            r.found.append(Found("parents" if m.groupdict().get("parents") else "variants", 2.0, *m.span(), op=Op.GE))
        phrases.counted(lex, low, taken, r)
        phrases.sole(lex, low, r)
        phrases.active_share(lex, low, taken, r)
        methods = set(lex.data.get("tuning_methods", []))
        if (m := lex.first("finetuned_yes", low)) and _free(m.span(), taken) and any(
                f.facet == "objective" and methods & set(f.value if isinstance(f.value, list) else [f.value])
                and (0 <= m.start() - f.end <= _BESIDE or 0 <= f.start - m.end() <= _BESIDE) for f in r.found):
            # "RLHF fine-tuned models", "用人类偏好做强化学习微调过的": the method right beside says how they were
            # tuned, not the catalog's fine-tuning flag ("…with no pretraining of their own" still is the flag)
            r.use(*m.span())
            taken.append(m.span())
        elif (m := lex.first("finetuned_yes", low)) and _free(m.span(), taken):
            r.found.append(Found("finetuned", "yes", *m.span()))
            taken.append(m.span())
        elif (m := lex.first("finetuned_no", low)) and not low.startswith("what") and _free(m.span(), taken):
            r.found.append(Found("finetuned", "no", *m.span()))
            taken.append(m.span())
        scratch = next((f for f in r.found if f.facet == "finetuned" and f.value == "no"), None)
        said = next(((h, True) for h in lex.find("derived_none", low) if _free(h.span(), taken)), None) if scratch else None
        said = said or (next(((h, False) for h in lex.find("derived_any", low) if _free(h.span(), taken)), None) if scratch else None)
        if said:
            # "trained from scratch, i.e. with no parent model", "from scratch, not derived from another model": the lineage
            # said outright is the reading, the from-scratch words restate it (the fine-tuning flag alone would keep
            # ALBERT, pretrained anew after BERT's recipe); a negation before "derived from another model" makes it a root
            r.found.remove(scratch)
            r.use(scratch.start, scratch.end)
            r.found.append(Found("derived", ANY_MODEL, *said[0].span(), negated=said[1]))
        elif any(f.facet == "finetuned" for f in r.found):
            pass  # the catalog's fine-tuning flag already reads "built by fine-tuning ... rather than from scratch"
        elif (m := lex.first("derived_any", low)) and _free(m.span(), taken):  # "derived from another model"
            r.found.append(Found("derived", ANY_MODEL, *m.span()))
        elif (m := lex.first("derived_none", low)) and _free(m.span(), taken):  # "root models", "no parent"
            r.found.append(Found("derived", ANY_MODEL, *m.span(), negated=True))
        # "nothing was built on them", "have anything built on them": whether some model is derived from it
        for key, negated in (("offspring_none", True), ("offspring_any", False)):
            if (m := lex.first(key, low)) and _free(m.span(), taken):
                r.found.append(Found("parent", ANY_MODEL, *m.span(), negated=negated))
                taken.append(m.span())
                break
        self._corpus(text, low, squeezed, taken, r)
        phrases.venues(lex, text, r, self.venues)

    def _corpus(self, text: str, low: str, squeezed: str, taken: list, r: Reading) -> None:
        """Dataset names of the catalog's corpus fields: a distinctive name ("C4", "Reddit",
        "MS MARCO") anywhere; a common word ("Pile", "books") or a short acronym only with corpus
        words around ("trained on", "data"). Each with the other spellings the lexicon lists."""
        context = self.lex.has("corpus_context", low) or any(f.facet == "corpus" for f in r.found)
        verbs = [v.span() for v in self.lex.find("corpus_verb", low)]
        for lazy in self.corpus:
            term, hit = lazy.term, lazy.search(text, squeezed)
            if not hit or not _free(hit.span(), taken) or not _free(hit.span(), verbs):
                continue
            distinctive = term not in self.english and (any(ch.isdigit() for ch in term) or len(term) >= 5)
            if context or distinctive:
                r.found.append(Found("corpus", self._forms(term), *hit.span()))
                taken.append(hit.span())

    def _by_age(self, low: str, taken: list, r: Reading) -> None:
        """"newer models", "recent LLMs": the additions since the paper, when the catalog holds any
        (with the paper's models alone the words constrain nothing; they are read all the same)."""
        m = self.lex.first("additions_by_age", low)
        sets = self._described_sets(low)  # "derived from a model in the original paper": the parent's part, not the answer's
        if not m or not _free(m.span(), taken) or any(f.facet == "catalog" and _free((f.start, f.end), sets) for f in r.found):
            return
        taken.append(m.span())
        r.use(*m.span())
        r.quiet.append(m.span())  # "latest-generation models": no ranking
        if not all(e.in_paper for e in self.catalog.models.values()):
            r.found.append(Found("catalog", "beyond", *m.span()))

    def _described_sets(self, low: str) -> list[tuple[int, int]]:
        """Where the words describe another set of models than the answer's: the parents of a lineage to a set
        ("derived from a model in the original paper"), the kin of an inverse lineage or a shared lab ("from labs
        that also had a model in the paper"); the relation reader turns them into one constraint later."""
        hits = [*self.lex.find("lineage_set", low), *self.lex.find("inverse_offspring", low), *self.lex.find("inverse_lab", low)]
        return [(h.start("set"), h.end()) for h in hits]

    def _size_words(self, low: str, r: Reading) -> None:
        """Drop the trait read from a size adjective ("tiny", "small") when a variant's size is stated."""
        for m in self.lex.find("size_elaboration", low):
            r.use(*m.span())  # the reason of the bound reads nothing else ("my VRAM is limited": no limited license)
            r.found = [f for f in r.found if f.facet == "size" or not (m.start() <= f.start and f.end <= m.end())]
        for m in self.lex.find("size_adjectives", low):
            r.use(*m.span())  # read: no other reading (a paraphrase) is looked for in it
            r.found = [f for f in r.found if not (f.facet == "trait" and f.start < m.end() and m.start() < f.end)]

    def _forms(self, term: str) -> list[str]:
        forms = self.lex.values.get("corpus_forms", {})
        return [term, *(str(v) for v in forms.get(term, []))]

    def _variant(self, low: str, b, r: Reading) -> Quant | None:
        """The variant a size bound is about: SOME when it names one ("a 175B version"), SMALLEST /
        LARGEST when the words right before it say so ("smallest version under 1B", "the largest model
        is between 1B and 10B"; those words then cue no ranking), else None (the question's own)."""
        if b.facet != "size":
            return None
        before = low[max(0, b.start - 60):b.start]
        if (self.lex.first("active_bound_after", low[b.end:b.end + 40]) or self.lex.first("active_bound_before", before)) \
                and not self.lex.first("active_bound_void", before):
            return Quant.ACTIVE  # "under 30B active parameters", "activate fewer than 15B parameters per token"
        for cue, quant in (("smallest_bound", Quant.SMALLEST), ("largest_bound", Quant.LARGEST)):
            if (m := self.lex.first(cue, before)):
                r.quiet.append((b.start - len(before) + m.start(), b.start))
                # "whose largest size is exactly 14B": a value said of the largest size (a plain "a 14B model" has any size)
                return Quant.TOP if quant is Quant.LARGEST and b.op in ("eq", "exact") else quant
        # the bound's own quantifier, before it ("every version under 10B", "no checkpoint smaller than 7B", "at least
        # one size above 2B") or right after it ("under 20B in every variant", "over 1B in at least one"): that bound
        # is judged on those sizes, whatever another bound of the question is judged on
        after = low[b.end:b.end + 40]
        for cue, quant in (("every_bound", Quant.EVERY), ("some_bound", Quant.SOME)):
            if self.lex.first(cue, before):
                return Said(quant)
            if (m := self.lex.first(f"{cue}_after", after)):
                r.use(b.end + m.start(), b.end + m.end())
                return Said(quant)
        if self.lex.first("variant_before", low[max(0, b.start - 20):b.start]) and self.lex.first("variant_after", after):
            return Quant.SOME
        return None

    def name_spans(self, text: str) -> list[tuple[int, int]]:
        """Where the text names a dataset or a venue ("the Pile", "NeurIPS")."""
        squeezed = _squeeze(text)
        spans = [h.span() for lazy in self.corpus if (h := lazy.search(text, squeezed))]
        return spans + [h.span() for p, _ in self.venues for h in p.finditer(text)]

    def _lab_typo(self, text: str, taken: list, r: Reading) -> None:
        """One-edit typos of lab names ("gogle", "deepmnid"), never ordinary words."""
        for m in re.finditer(r"[A-Za-z]{5,}", text):
            if _free(m.span(), taken) and (lab := self.lab_typo(m.group())):
                taken.append(m.span())
                r.found.append(Found("lab", lab, *m.span()))

    def lab_typo(self, word: str) -> str | None:
        """The lab a misspelt one-word lab name means ("Microsft", "Antropic", "Nvidea"): one edit from one lab's
        spelling (two in a long name, first letter kept), no English word, and no lab name with letters added
        around it ("Googlex", "MetaMind": another name, one the catalog does not hold)."""
        from rapidfuzz.distance import OSA

        low = word.lower()
        if not (low.isalpha() and len(low) >= 5) or low in self.english:
            return None
        labs = {lab for lab, spellings in self.lab_spellings.items() for sp in map(str.lower, spellings)
                if len(sp) >= 4 and sp.isalpha() and sp != low and not (low.startswith(sp) or low.endswith(sp))
                and OSA.distance(low, sp) <= (2 if len(low) >= 9 and low[0] == sp[0] else 1)}
        return labs.pop() if len(labs) == 1 else None

    # -- pass 3: polarity and the tree ---------------------------------------------------------
    def polarity(self, text: str, r: Reading, asked_in: Lexicon | None = None) -> None:
        """Each negation cue negates the phrase it governs (``assistant.scope``); a condition said to hold
        either way ("whether RL-based or not") constrains nothing. ``asked_in``: the lexicon of the language the
        question was asked in, for the cue classes a glossed language reads otherwise (zh ``cues``)."""
        for m in self.lex.find("either_way", text):
            r.found = [f for f in r.found if not (f.end and m.start() <= f.start and f.end <= m.end())]
            r.use(*m.span())
        low = text.lower()
        for f in [f for f in r.found if f.facet == "catalog" and f.end]:  # "..., and were any in the original paper?"
            if (m := self.lex.first("part_check_before", low[max(0, f.start - 60):f.start])) and m.end() == min(f.start, 60):
                r.found.remove(f)
                r.use(f.start - (min(f.start, 60) - m.start()), f.end)
        for span in scope.assign(self.lex, text, r.found, self.filler, r.excluded):
            r.use(*span)
        for f in scope.illustrations(self.lex, text, r.found):  # "not text models (vision, speech and so on)"
            r.found.remove(f)
            r.use(f.start, f.end)
        for f in r.found:
            if f.complement:  # "with a known license": license ≠ unknown; "without a known license": = unknown
                f.negated, f.complement, f.inverse = not f.negated, False, not f.negated
            if f.end:
                r.use(f.start, f.end)
            if f.negated and f.facet == "derived" and not f.direct and not self._parent_only(text, f, asked_in or self.lex):
                f.facet = "descends"  # "not built on X": nor on anything built on X, nor X itself
        r.found += [kin for f in r.found if f.negated and f.facet == "descends" for kin in self._namesakes(text, f)]
        for f in r.found:
            if f.negated and f.facet == "descends" and not f.of and self._built_ones_left_out(text, f):
                self._below(f)

    def _parent_only(self, text: str, f: Found, lex: Lexicon) -> bool:
        """"not derived from LLaMA", "weren't fine-tuned from OPT" (lexicon ``parent_only_negated``): the recorded parent
        is denied, so LLaMA itself and a model recorded with another parent stay; "not based on X", "not built on X"
        leave out X's line. "Not derived from any model" (a root) is unchanged."""
        return ANY_MODEL not in (f.value if isinstance(f.value, list) else [f.value]) and \
            lex.has("parent_only_negated", text[f.start:f.end].lower())

    def _built_ones_left_out(self, text: str, f: Found) -> bool:
        """"other than the ones built on Chinchilla", "except those based on PaLM", "excluding models fine-tuned from
        LLaMA", 除了基于 X 的那些 (glossed "except based on X"): what is left out is a set of other models, the ones built
        on X (lexicon ``lineage_set_left_out``, said right before the lineage's words); X itself is none of them."""
        said = text[f.start:f.end].lower()  # the lineage's own words first ("built on X"; not "the X family and its offshoots")
        return not f.alt and bool(self.lex.first("lineage_set_verb", said)) and \
            bool(self.lex.first("lineage_set_left_out", text[max(0, f.start - 60):f.start].lower()))

    def _below(self, f: Found) -> None:
        """A lineage left out below a model, the model kept: the lines of its children (every generation after it)."""
        models = self.catalog.models
        ids = [str(v) for v in (f.value if isinstance(f.value, list) else [f.value])]
        children = [k for k, x in models.items() if any(i in x.derived_from for i in ids)]
        if children and all(i in models for i in ids):
            f.value = children

    def _namesakes(self, text: str, f: Found) -> list[Found]:
        """"not Llama-based", "not based on GPT" (lexicon ``based_cue``): the family named after the model is based on it
        too, with no recorded parent (Llama 3, Tülu 3; GPT-4): left out beside the model's line. "Not derived from X",
        "not descended from X" keep to the recorded line."""
        if f.of or not self.lex.has("based_cue", text[f.start:f.end].lower()):
            return []
        models = self.catalog.models
        ids = [str(v) for v in (f.value if isinstance(f.value, list) else [f.value]) if str(v) in models]
        line = FACETS["descends"]
        return [Found("family", models[i].name, f.start, f.end, negated=True) for i in ids
                if any(i not in line.values(models[k]) for k in namesake_family(models, i))]

    def _joined_by_or(self, low: str, fs: list[Found]) -> bool:
        """Two values of one field with "or" between them ("long-context or sparse-attention"), or listed after
        words that ask for any of them ("at least one of: NSP, SOP, RTD")."""
        spans = sorted((f.start, f.end) for f in fs if f.end)
        if len(spans) > 1 and (self.lex.has("any_of_list", low[max(0, spans[0][0] - 60):spans[0][0]])
                               or self.lex.has("any_of_list_after", low[spans[-1][1]:spans[-1][1] + 40])):
            return True
        return any(self.lex.has("any_of", low[a[1]:b[0]]) for a, b in zip(spans, spans[1:]))

    def tree(self, text: str, r: Reading, quant: Quant) -> And:
        low = text.lower()
        _credited(r)
        _written(r, self.catalog)
        parts = [(f.start, f.end) for f in r.found if f.facet == "catalog" and f.end]  # "paper and additions together" joins no labs
        # an "or" inside another reading's own words ("came out in 2024 or 2025", "a 7B or 13B size") joins that reading's
        # bounds, not the values of a field read elsewhere
        spans = [(f.start, f.end) for f in r.found if f.end and f.facet in ("date", "size")]
        any_of, both = self.lex.has("any_of", blank(low, spans)), self.lex.has("both", blank(low, parts))
        _split_variants(r)
        groups: dict[tuple[str, bool], list[Found]] = {}
        items: list = []
        ranges: dict[tuple, list] = {}  # bounds read from one span ("in 2019") form one range
        contrast = {f.facet for f in r.found if f.negated}  # "text models, not vision ones": the generic word counts
        alternatives: dict[int, list[Found]] = {}
        for f in r.found:
            if f.weak and not f.negated and f.facet not in contrast:
                continue
            if f.of is not None:  # a lineage to a set ("derived from a Google model"): its own leaf
                leaf = Constraint(facet=f.facet, values=list(f.value), of=f.of)
                items.append(Not(item=leaf) if f.negated else leaf)
            elif f.alt:
                alternatives.setdefault(f.alt, []).append(f)
            elif f.facet in ("date", "size", *COUNT_FACETS, "active_share"):
                leaf = Constraint(facet=f.facet, op=f.op, values=[f.value], quant=_quant(f, quant), via=f.via, times=f.times)
                ranges.setdefault((f.facet, f.start, f.end, f.negated, f.via), []).append(leaf)
            else:
                groups.setdefault((f.facet, f.negated), []).append(f)
        for fs in alternatives.values():
            # sizes named as alternatives share one quantifier: "a 7B or 8B version" is some version of either size
            said = {_quant(f, quant) for f in fs if f.facet == "size"}
            one = Quant.SOME if Quant.SOME in said else next(iter(said), Quant.LARGEST)
            leaves_ = [(Constraint(facet=f.facet, op=f.op, values=[f.value], quant=one) if f.facet == "size"
                        else Constraint(facet=f.facet, op=f.op, values=[f.value]) if f.facet == "date"
                        else Constraint(facet=f.facet, values=f.value if isinstance(f.value, list) else [f.value]), f.negated)
                       for f in sorted(fs, key=lambda f: f.start)]
            leaves_ = _bound_spans(leaves_, sorted(fs, key=lambda f: f.start))
            if any(f.negated and not f.inverse for f in fs):  # "not from Google or trained with RLHF": a cue negates both
                items.append(Not(item=Or(items=[leaf for leaf, _ in leaves_])))
            else:  # "distilled or dense" (dense: no mixture of experts): only the alternative whose own word negates
                items.append(Or(items=[Not(item=leaf) if negated else leaf for leaf, negated in leaves_]))
        for (_, _, _, negated, _), leaves_ in ranges.items():
            leaves_ = _one_variant(leaves_)
            if negated:
                items.append(Not(item=leaves_[0] if len(leaves_) == 1 else And(items=leaves_)))
            else:
                items += leaves_
        items = _same_variant(items)
        whole = [fs for (facet, negated), fs in groups.items() if facet == "catalog" and not negated]
        both_said = [(f.start, f.end) for fs in whole for f in fs if isinstance(f.value, list)]
        # the parts said apart from the words that name the whole ("counting the additions as well", "with the additions
        # too" name both themselves, and their "too" / "as well" is read as the paper's part beside them)
        parts = [f for fs in whole for f in fs if not isinstance(f.value, list)
                 and not any(s - _NEAR <= f.end and f.start <= e + _NEAR for s, e in both_said)]
        if both_said and (("catalog", True) in groups or parts):
            # the whole catalog ("of the 119 models") beside one part of it ("... are additions", "... not in the paper"):
            # the whole is where the part is counted, the part is the constraint
            if parts:
                groups[("catalog", False)] = parts
            else:
                del groups[("catalog", False)]
        for (facet, negated), fs in groups.items():
            if facet in _ALL_OF and not negated:  # a generic term beside one of its values ("RLHF ... tuned with RL"): it
                named = {f.value for f in fs if not isinstance(f.value, list)}  # only elaborates that value
                fs = [f for f in fs if not (isinstance(f.value, list) and named & set(f.value))] or fs
            elif facet == "domain" and not negated:  # "can see images (vision-language)": the bracket says which value
                fs = [f for f in fs if not (isinstance(f.value, list) and any(
                    not isinstance(g.value, list) and g.value in f.value and g.start >= f.end
                    and low[:g.start].rstrip().endswith(("(", "（", "[")) for g in fs))] or fs
                if not self._joined_by_or(low, fs):  # "multimodal models that can see images": the one value named
                    fs = [f for f in fs if not (isinstance(f.value, list) and f.op is Op.IN and any(  # narrows the generic
                        not isinstance(g.value, list) and g.value in f.value for g in fs)  # words it is among, unless they
                        and not low[:f.start].rstrip().endswith(("(", "（", "[")))] or fs  # restate it in a bracket: "vision
                        # models (images)" widens to every image domain
            values: list = []
            for f in fs:
                for v in (f.value if isinstance(f.value, list) else [f.value]):
                    if v not in values:
                        values.append(v)
            via = next((f.via for f in fs if f.via), None)
            if facet == "corpus" and not negated and len(fs) > 1 and not self._joined_by_or(low, fs):
                items += [Constraint(facet=facet, values=list(f.value) if isinstance(f.value, list) else [f.value]) for f in fs]
                continue  # "HTML from Common Crawl", "Wikipedia and books": each dataset named, together
            if not negated and facet != "domain" and any(f.op is Op.ONLY and f.via for f in fs):
                # "exactly the same objectives as X": each of X's values, and no other
                items += [Constraint(facet=facet, op=Op.ONLY, values=values, via=via)] + (
                    [Constraint(facet=facet, op=Op.ALL, values=values, via=via)] if len(values) > 1 else [])
                continue
            if negated:  # "not text-only": some domain besides text
                op = Op.ONLY if facet in ("domain", "input", "output") and any(f.op is Op.ONLY for f in fs) else Op.IN
            elif facet == "objective":
                # values a description names together hold together ("tuned on instructions and taught by a teacher")
                op = Op.IN if (any_of or self._joined_by_or(low, fs) or (via and via != "paraphrase")
                               or any(f.op is Op.IN and isinstance(f.value, list) for f in fs)) else Op.ALL
            elif facet == "trait":
                op = Op.IN if self._joined_by_or(low, fs) else Op.ALL  # "long-context or sparse models": either
            elif facet in ("input", "output") and any(f.op is Op.ONLY for f in fs):
                op = Op.ONLY  # "takes only images as input": its inputs are these alone
            elif facet in ("input", "output"):  # "takes audio and video": both; "audio or video": either
                op = Op.ALL if any(f.op is Op.ALL for f in fs) and not self._joined_by_or(low, fs) else Op.IN
            elif facet == "domain" and any(f.op is Op.ONLY for f in fs):
                op = Op.ONLY  # "text-only models": the domains are these alone
                values = _modality_only(self.lex, values, groups.get(("domain", True), []))
            elif facet in ("lab", "domain", "derived", "descends"):  # "co-developed by Google and DeepMind", "both code and
                # math domains", "descends from both LLaMA and CLIP": all; "Google or DeepMind", "text and vision models",
                # "derived from GPT-2 and BERT" (no "both"): any
                op = Op.ALL if both and len(values) > 1 and not self._joined_by_or(low, fs) else Op.IN
                if op is Op.ALL and any(isinstance(f.value, list) for f in fs):  # "audio as well as images" (images: vision
                    singles = list(dict.fromkeys(f.value for f in fs if not isinstance(f.value, list)))  # or generation)
                    items += [Constraint(facet=facet, values=list(f.value), via=via) for f in fs if isinstance(f.value, list)]
                    items += [Constraint(facet=facet, op=Op.ALL, values=singles, via=via)] if singles else []
                    continue
            else:
                op = Op.IN
            leaf = Constraint(facet=facet, op=op, values=values, via=via)
            items.append(Not(item=leaf) if negated else leaf)
        return And(items=items)


def _modality_only(lex, values: list, ruled_out: list) -> list:
    """"text-only (no images, no audio)": "only" restated by the other modalities it rules out means the modality, so
    the domains a text model also covers (code, chat, maths, ...: the lexicon's ``modality`` table) stay in; a bare
    "text-only" keeps meaning the one domain alone."""
    for group in lex.data.get("modality", {}).values():
        said = {v for f in ruled_out for v in (f.value if isinstance(f.value, list) else [f.value])}
        if set(values) <= set(group) and said and not said & set(group):
            return list(dict.fromkeys([*values, *group]))
    return values


_NEAR = 2  # characters between a catalog part and the words naming the whole catalog for the two to be one phrase
_BESIDE = 12  # characters between a tuning method and "fine-tuned" when one describes the other


def lab_variants(name: str, words: dict) -> list[str]:
    """The ways people write a lab the catalog names ``name``: its parts around a parenthesis
    ("BAAI"), "University of X" / "X University" / "X", "UC X" / "University of California, X",
    and the name without a generic tail ("Stability" for "Stability.ai"). ``words`` are the
    lexicon's lab_words (university, its prefixes, generic tails)."""
    low = re.sub(r"\s+", " ", name.lower()).strip()
    forms = {low, *(p.strip() for p in re.split(r"[()]", low) if len(p.strip()) >= 3)}
    uni, tails = words.get("university", "university"), words.get("tails", [])
    for form in list(forms):
        if (m := re.fullmatch(rf"{uni} of (.+)", form)):
            forms |= {f"{m.group(1)} {uni}", m.group(1)}
        if (m := re.fullmatch(rf"(.+) {uni}", form)):
            forms |= {f"{uni} of {m.group(1)}", m.group(1)}
        for short, long in words.get("prefixes", {}).items():  # "uc berkeley" -> "university of california, berkeley"
            if form.startswith(f"{short} "):
                rest = form[len(short) + 1:]
                forms |= {f"{long} {rest}", f"{long}, {rest}", f"{long} at {rest}", rest}
        for tail in tails:
            if form.endswith(tail) and len(form) - len(tail) >= 4:
                forms.add(form[: -len(tail)].strip(" .-"))
    return sorted(f for f in forms if len(f) >= 3)


_NAMED_VARIANT = (Quant.SMALLEST, Quant.LARGEST, Quant.ACTIVE, Quant.TOP)  # a bound's own words chose the variant: no question-wide quantifier overrides it


class Said(NamedTuple):
    """A size bound's quantifier said by its own words ("every version under 10B", "over 1B in at least one")."""

    quant: Quant


def _bound_spans(leaves_: list, fs: list) -> list:
    """The leaves of alternatives with a date or size read from one phrase ("in 2019": two bounds) joined as one
    condition, so "decoders or from 2019" is decoder OR (from January AND to December 2019)."""
    out, spans = [], {}
    for (leaf, negated), f in zip(leaves_, fs):
        if f.facet in ("date", "size") and f.end:
            key = (f.facet, f.start, f.end, negated)
            if key in spans:
                at = spans[key]
                first, _ = out[at]
                out[at] = (And(items=[*(first.items if isinstance(first, And) else [first]), leaf]), negated)
                continue
            spans[key] = len(out)
        out.append((leaf, negated))
    return out


def _quant(f: Found, quant: Quant) -> Quant:
    """The variant a size bound holds for: the one its own words name ("smallest version under 1B"),
    else the question's own quantifier ("every variant ..."), else the bound's ("a 7B version": some), else the largest."""
    if f.facet != "size":
        return Quant.LARGEST
    if f.quant in _NAMED_VARIANT or f.said:
        return f.quant
    if quant is Quant.TOP:  # the question says the largest size ("tops out at 13B"): a value equal to it, not to any size
        return Quant.TOP if f.op in (Op.EQ, Op.EXACT) and not f.quant else f.quant or Quant.LARGEST
    return quant if quant is not Quant.LARGEST else f.quant or quant


def _credited(r: Reading) -> None:
    """"Google DeepMind models, not the old Google Brain / DeepMind ones": labs left out beside a merged lab named for
    the answer, that the merged lab was formed from (``lab_umbrella``), are left out as the labs a model is credited to;
    left out as lab filters they would leave out the merged lab's own models, which a filter on Google also finds."""
    def values(f: Found) -> set[str]:
        return {str(v) for v in (f.value if isinstance(f.value, list) else [f.value])}

    parts = {p for f in r.found if f.facet == "lab" and not f.negated for v in values(f) for p in lab_umbrella(v)}
    for f in r.found:
        if parts and f.facet == "lab" and f.negated and values(f) <= parts:
            f.facet = "lab_credited"


def _written(r: Reading, catalog: Catalog) -> None:
    """"Microsoft models (Microsoft itself, not Microsoft Research)", "Meta（不算 Facebook 时期的）": one lab both asked for and
    left out (the name left out is an earlier name or a research arm the catalog counts as the same lab) asks for the name
    the catalog records: the models credited under the lab's own name, and none under its other recorded names."""
    def values(f: Found) -> set[str]:
        return {str(v) for v in (f.value if isinstance(f.value, list) else [f.value])}

    asked = [f for f in r.found if f.facet == "lab" and not f.negated and not f.via]
    for f in [f for f in r.found if f.facet == "lab" and f.negated and not f.via]:
        same = [a for a in asked if values(a) == values(f)]
        if not same:
            continue
        own = {v.lower() for v in values(f)}
        # every name the catalog records for the lab, but the lab's own: its earlier names and arms
        others = sorted({w for e in catalog.models.values() for w, o in zip(e.labs, e.org_names)
                         if o.lower() in own and w.lower() not in own})
        for a in same:
            a.facet = "lab_written"
        f.facet, f.value = "lab_written", others


def _split_variants(r: Reading) -> None:
    """Size bounds no single size can meet ("both a version under 1B and one over 10B": above 10B and
    below 1B; "1B, 7B and 70B versions": three exact sizes) can only be about several variants: each bound
    holds for some variant."""
    sizes = [f for f in r.found if f.facet == "size" and not f.negated and f.via is None and f.quant not in _NAMED_VARIANT
             and not f.said]
    lows = [f.value for f in sizes if f.op in (Op.GT, Op.GE)]
    highs = [f.value for f in sizes if f.op in (Op.LT, Op.LE)]
    if lows and highs and max(lows) >= min(highs):
        for f in sizes:
            f.quant = Quant.SOME
    exact = [f for f in r.found if f.facet == "size" and f.op is Op.EQ and not f.alt and not f.negated and f.via is None
             and f.quant not in _NAMED_VARIANT]  # "7B and 70B versions": two sizes, two variants
    if len({f.value for f in exact}) > 1:
        for f in exact:
            f.quant = Quant.SOME


def _one_variant(leaves_: list[Constraint]) -> list[Constraint]:
    """Two ends of one size range about some variant ("a size between 30B and 40B") hold for the same
    variant: one ``between`` leaf, not "some variant ≥ 30B" and "some (other) variant ≤ 40B"."""
    ops = {c.op: c for c in leaves_}
    lo, hi = ops.get(Op.GE), ops.get(Op.LE)
    if len(leaves_) != 2 or not lo or not hi or lo.facet != "size" or lo.quant not in _ONE_OF or hi.quant is not lo.quant:
        return leaves_
    return [Constraint(facet="size", op=Op.BETWEEN, values=[lo.values[0], hi.values[0]], quant=lo.quant, via=lo.via)]


def _same_variant(items: list) -> list:
    """Two ends about some variant said apart ("a version of at least 10B and at most 20B", the Chinese "至少有一个版本落在
    10B 到 20B（含）之间"): one ``between`` leaf held by one variant, its strict ends kept open, when the lower end is below
    the upper; "a version under 1B and one over 10B" (no range) stays two bounds."""
    sizes = [c for c in items if isinstance(c, Constraint) and c.facet == "size" and c.quant in _ONE_OF and c.via is None
             and c.times == 1 and isinstance(c.values[0], (int, float))]
    lows = [c for c in sizes if c.op in (Op.GE, Op.GT)]
    highs = [c for c in sizes if c.op in (Op.LE, Op.LT)]
    if len(lows) != 1 or len(highs) != 1 or lows[0].quant is not highs[0].quant or not lows[0].values[0] < highs[0].values[0]:
        return items
    strict = (lows[0].op is Op.GT, highs[0].op is Op.LT)
    both = Constraint(facet="size", op=Op.BETWEEN, values=[lows[0].values[0], highs[0].values[0]], quant=lows[0].quant,
                      open_ends=strict if any(strict) else None)
    return [both if c is highs[0] else c for c in items if c is not lows[0]]


_ONE_OF = (Quant.SOME, Quant.ACTIVE)  # quantifiers over several sizes: a range's two ends hold for one of them
