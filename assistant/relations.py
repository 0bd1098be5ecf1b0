"""Pass 1 of reading a question: models named in relation or exclusion cues.

A model named after a relation cue ("derived from", "same lab as", "newer than", "similar to")
becomes a constraint about other models, and one named after an exclusion cue ("other than",
"leaving out ... and its descendants") is left out, instead of being the question's subject.
"""

from __future__ import annotations

import re
from dataclasses import replace

from assistant import depth, scope
from assistant.facets import ANY_MODEL, EQ_NEAR, FACETS, released_sizes
from assistant.lexicon import Lexicon
from assistant.linking import Mention
from assistant.numbers import parse_dates, parse_params
from assistant.query import Constraint, Exclusion, Op, Relation, Superlative
from assistant.spans import Found, Reading, blank, free
from catalog import Catalog


# the name (one or two words) right after / right before a model's name, with the joining words between
_NEXT_NAME = re.compile(r"(\W*?\s*\w*\s*?(?:the\s+)?)([A-Za-z][\w.&-]*(?:\s+[A-Za-z][\w.&-]*)?)")
_PREVIOUS_NAME = re.compile(r"([A-Za-z][\w.&-]*(?:\s+[A-Za-z][\w.&-]*)?)(\W*?\s*\w*\s*?(?:the\s+)?)$")


def _variant_labelled(owner, *names: str) -> bool:
    """Whether one of a model's size variants is labelled after a name ("bert-like" after BERT)."""
    return any(n.lower() in (v.label or "").lower() for v in owner.params.variants for n in names if n)


class RelationReader:
    def __init__(self, catalog: Catalog, lex: Lexicon, family_heads: dict[str, str], filler: frozenset,
                 groups: frozenset = frozenset()):
        self.catalog, self.lex, self.family_heads, self.filler = catalog, lex, family_heads, filler
        self.groups = groups | frozenset(family_heads)  # names of groups of models: labs and families, lower case
        self._low = ""

    def read(self, text: str, mentions: list[Mention], r: Reading) -> None:
        lex, low = self.lex, text.lower()
        chain = None  # (end of the last model compared, its cue text): "newer than XLNet and RoBERTa"
        line: list[Found] = []  # the lineage read last, and the models joined to it: "derived from T5 or from BART"
        paired: set[int] = set()  # the second model of "between X and Y", read with the first
        self._again: set[int] = set()  # a model named again inside an exclusion's tail ("ViT and anything descended from ViT")
        self._left: set[int] = set()  # a name left out as its family ("apart from Gemini"), where a list after it starts
        self._exact = False  # the last "same <field> as X" said exactly ("exactly the same objectives as X")
        self._liked: set[tuple[int, int]] = set()  # the spans of models read as "like X" (their default fields)
        self._low = low  # the whole question, for what a relation's words leave open after them ("... or later")
        for k, m in enumerate(mentions):
            lat = None
            before, after = low[max(0, m.start - 48):m.start], low[m.end:m.end + 60]
            e = self.catalog.models[m.model_id]
            if m.start in paired or m.start in self._again:
                continue
            if k + 1 < len(mentions) and self._between(low, m, mentions[k + 1], before, r):
                paired.add(mentions[k + 1].start)
                continue
            if self._between_date(low, m, before, r):
                continue
            if lex.first("product_on_before", before) and lex.has("usage_asked", low):
                continue  # "can I sell a product on top of LLaMA?": what is built with the model, its use; no lineage
            before = self._version_ordinal(m, e, before, after, r)
            before = self._version_year(m, e, before, after, r)
            self._own_value(m, e, text, r)
            if k + 1 < len(mentions) and self._path(low, m, mentions[k + 1], before, r):
                paired.add(mentions[k + 1].start)  # "from GPT all the way to ChatGPT": the line up from the later one
                continue
            if k and (stop := lex.first("lineage_endpoint_before", before)) and lex.has("ancestry", low[:m.start]) \
                    and any(x.model_id != m.model_id for x in mentions[:k]):
                # "ChatGPT's lineage back to the first GPT": where the line asked stops, not a second line asked
                span = (m.start - len(before) + stop.start(), m.end)
                r.quiet.append(span)
                r.use(*span)
                r.references.append(m.model_id)
                continue
            if lex.first("io_pair_before", before):  # "what goes in and what comes out of Whisper?": its input and output
                continue
            lin = lex.first("lineage_before", before)
            if self._same(m, e, before, r, after):  # "derived from the same base as X": X's parent, before any lineage cue
                pass
            elif line and lex.first("lineage_joiner", text[line[-1].end:m.start]):
                line.append(self._joined_lineage(low, m, line, r))
            elif (pb := lex.first("parent_of_before", before)) and (pa := lex.first("parent_of_after", after)):
                r.subjects += [p for p in e.derived_from if p in self.catalog.models]  # "the model X was fine-tuned from"
                start = m.start - len(before) + pb.start()
                r.quiet.append((start, m.end + pa.end()))
                r.use(start, m.end + pa.end())
            elif (pp := lex.first("parent_part_before", before)) and (pa := lex.first("parent_part_after", after)):
                self._lineage(low, m, before, pp, pa, r)  # "LLaVA uses a GPT-4 backbone": derived from GPT-4
                line = [r.found[-1]]
            elif (way := self._in_line(low, m, before, after, r)) == "up":
                continue  # "what came before Qwen3 in its line": Qwen3 stays the subject, its ancestors are asked
            elif way == "down":
                pass
            elif (lin or (lat := lex.first("lineage_after", after))) and not self._asks_ancestors(low, lin or lat):
                if self._asked_up(low, m, mentions):  # "which model did Chinchilla come from, and which came from Chinchilla?"
                    r.children = True  # the model stays the one asked about, its children beside its parents
                    r.use(m.start - len(before) + lin.start() if lin else m.start, m.end + (lat.end() if lat else 0))
                    continue
                self._lineage(low, m, before, lin, lat, r)
                line = [r.found[-1]]
            elif (lab := lex.first("lab_of_before", before)):  # "models from the company behind ChatGPT"
                r.found.append(Found("lab", list(e.org_names), m.start - len(before) + lab.start(), m.end, via=m.model_id))
                r.relations.append(Relation(kind="same", model=m.model_id, facet="lab"))
                if lex.has("others_asked", low):  # "what else did the makers of Chinchilla build?": the others
                    r.exclude.append(Exclusion(model=m.model_id))
            elif (own := lex.first("lab_of_after", after)) and lex.has("others_asked", low):
                # "what other models did Chinchilla's developer make?": the lab's other models (asked alone, "who is
                # Chinchilla's developer?" is the model's labs)
                r.found.append(Found("lab", list(e.org_names), m.start, m.end + own.end(), via=m.model_id))
                r.relations.append(Relation(kind="same", model=m.model_id, facet="lab"))
                r.exclude.append(Exclusion(model=m.model_id))
                r.use(m.start, m.end + own.end())
            elif lex.first("family_after", after) and lex.has("family_context", low):
                self._family(low, m, e, m.end + lex.first("family_after", after).end(), r)
                paired |= self._members_restated(text, m.start, m.end + lex.first("family_after", after).end(), mentions[k + 1:], r)
            elif (shared := lex.first("families_after", text[m.end:].lower())):
                # "the Gemini and Gemma families": each name of the list is its family (a negation before the list
                # leaves each out, as for one family)
                r.found.append(Found("family", self.family_heads.get(m.text.lower(), e.name), m.start, m.end))
                noun = re.search(r"\S+$", shared.group())
                r.use(m.end + noun.start(), m.end + shared.end())
                r.quiet.append((m.end + noun.start(), m.end + shared.end()))
            elif ((family := self.family_heads.get(m.text.lower(), e.family if m.text.lower() == e.family.lower() else None))
                  and lex.first("family_members_after", after) and lex.has("family_context", low)
                  and not lex.first("family_compared_before", before) and not lex.has("family_as_sizes", low)):
                # "the Qwen models", "all Llama versions": a model named like a family, then a members word
                r.found.append(Found("family", family, m.start, m.end + lex.first("family_members_after", after).end()))
            elif (family := self.family_heads.get(m.text.lower())) and len(mentions) == 1 \
                    and (lex.first("family_ranked_before", before) or lex.first("family_ranked_after", after)
                         or (lex.first("family_set_before", before) and lex.first("family_one_after", after))) \
                    and len(self._members(family)) > 1:
                # "the largest Qwen model": ranked among the family; "any Qwen model with ...", "which Gemma model ...": one of them
                r.found.append(Found("family", family, m.start, m.end))
            elif (style := lex.first("style_objective_after", after)):  # "GLM-style blanks": the model's objective
                # (the device's own words stay to be read: "T5-style span corruption" names span corruption too)
                r.found.append(Found("objective", [o.value for o in e.objectives], m.start, m.end + style.end(2), op=Op.IN,
                                     via=m.model_id))
                r.quiet.append((m.start, m.end + style.end(2)))
            elif ((style := lex.first("style_after", after)) and lex.first("style_aside_before", before)
                  and lex.first("style_aside_after", after[style.end():])):
                # "which models fill in blanked-out spans one token at a time (GLM style)?": a bracket closing the question
                # names an example of what its words describe, no architecture of its own
                r.references.append(m.model_id)
                r.quiet.append((m.start, m.end + style.end()))
                r.use(m.start, m.end + style.end())
            elif (style := lex.first("style_after", after)) and (named := next(
                    (x for x in mentions if x.start > m.end and not text[m.end + style.end():x.start].strip()), None)):
                # "the GPT-like Megatron": which variant of the model named next, not models like GPT
                r.references.append(m.model_id)
                r.quiet.append((m.start, named.start))
                r.use(m.start, named.start)
                paired.add(named.start)  # the model qualified is itself, not one like the qualifier
            elif ((style := lex.first("style_after", after)) and lex.first("variant_noun_after", after[style.end():])
                  and any(x.model_id != m.model_id and _variant_labelled(self.catalog.models[x.model_id], m.text, e.name)
                          for x in mentions)):
                # "does Megatron come in a BERT-style variant?", "a GPT-like version of Megatron": one of the other model's
                # own size variants, labelled after this model ("bert-like"), no architecture asked of it
                r.references.append(m.model_id)
                span = (m.start, m.end + style.end() + lex.first("variant_noun_after", after[style.end():]).end())
                r.quiet.append(span)
                r.use(*span)
            elif (style := lex.first("style_after", after)):  # "BERT-style encoders": the kind, not the model
                r.found.append(Found("architecture", e.architecture.value, m.start, m.end + style.end(), via=m.model_id))
                r.quiet.append((m.start, m.end + style.end()))
            elif lex.first("example_before", before):  # "the explanations of a bigger model like GPT-4": a description's word
                continue
            elif (aside := lex.first("example_aside_before", before)):
                # "which other models have an 11B version, like T5?": a model set off after the clause is one example of
                # what the clause asks (left out when other models are asked), no likeness of its own
                if lex.has("others_asked", low):
                    r.exclude.append(Exclusion(model=m.model_id))
                span = (m.start - len(before) + aside.start(), m.start)
                r.quiet.append(span)
                r.use(*span)
            elif e.params.max_millions and (lex.first("size_like_before", before) or (
                    lex.first("size_like_after", after) and lex.first("size_like_lead", before))):
                # "roughly GPT-3 sized", "about the size of GPT-3": the sizes near its largest, itself among them
                lo, hi = (float(x) for x in lex.data.get("size_band", [0.75, 1.34]))
                cue = lex.first("size_like_before", before)
                tail = None if cue else lex.first("size_like_after", after)
                start = m.start - len(before) + cue.start() if cue else m.start
                end = m.end + tail.end() if tail else m.end
                size = e.params.max_millions
                r.found += [Found("size", size * lo, start, end, Op.GE, m.model_id), Found("size", size * hi, start, end, Op.LE, m.model_id)]
                r.relations.append(Relation(kind="similar", model=m.model_id, facet="size"))
                r.references.append(m.model_id)
                r.use(start, end)
                r.quiet.append((start, end))
            elif lex.first("similar_before", before) and (lex.has("similar_context", low) or lex.has("same_open", low)):
                # ("Decoders like GPT-2 - same lab, same licence?": the fields said after it are the likeness, ``open``)
                r.found.append(Found("architecture", e.architecture.value, m.start, m.end, via=m.model_id))
                r.found.append(Found("objective", [o.value for o in e.objectives], m.start, m.end, op=Op.IN, via=m.model_id))
                self._liked.add((m.start, m.end))
                r.exclude.append(Exclusion(model=m.model_id))
                r.relations.append(Relation(kind="similar", model=m.model_id))
            elif chain and self._appositive(text, chain, m):
                # "the one after Llama 2, Llama 3 - what ...": the name says which model the description meant; the
                # description's relation is no constraint, the model named is the subject
                r.found.pop()
                r.relations.pop()
                chain = None
                continue
            elif self._relative(m, e, before, r):
                chain = (m.end, before)
                if len(mentions) == 1 and (word := self._descendant_word(low)) and free(word.span(), r.used):
                    self._descendants(m, word, low, r)  # "models after Chinchilla that are based on it": both said of it
            elif chain and scope.joined(lex, text[chain[0]:m.start]) and self._relative(m, e, chain[1], r, at=m.start):
                chain = (m.end, chain[1])  # a model joined to a compared one by and/or/commas: compared the same way
            elif self._excluded(text, m, mentions, r):
                continue
            elif self._included(low, m, before, r):
                continue
            elif self._with_descendants(low, m, r, mentions):  # "BERT and its descendants, but not ...": the model and them
                pass
            elif len(mentions) == 1 and (word := self._descendant_word(low)) and self._asked_up(low, m, mentions):
                r.children = True  # "what does DeepSeek-V3 descend from, and what was built on it?": both ways
                r.use(*word.span())
                continue
            elif len(mentions) == 1 and (word := self._descendant_word(low)):  # "which descendants does ViT have"
                self._descendants(m, word, low, r)
            else:
                continue
            r.references.append(m.model_id)
            r.use(m.start, m.end)
        self._parent_joined(low, mentions, r)

    def _path(self, low: str, m: Mention, nxt: Mention, before: str, r: Reading) -> bool:
        """"from GPT all the way to ChatGPT, which models in between?", "the chain from GPT-2 up to ChatGPT": the line of
        descent between two models, asked in lineage words (lexicon ``path_from_before``, ``path_to_between``,
        ``path_context``): the later model is the subject, its ancestors the answer, the earlier one where the line
        starts (no model of its own asked, no date range)."""
        lex = self.lex
        gap = lex.first("path_to_between", low[m.end:nxt.start])
        lead = lex.first("path_from_before", before)
        if not gap or not (lead or gap.group("way")) or nxt.model_id == m.model_id:
            return False
        rest = blank(low, [(m.start, nxt.end)])
        if not (gap.group("way") or lex.has("path_context", rest) or lex.has("path_context_more", rest)):
            return False
        a, b = self.catalog.models[m.model_id], self.catalog.models[nxt.model_id]
        if a.date.key > b.date.key:  # "from ChatGPT back to GPT": the later one is the subject either way
            return False
        if a.id not in FACETS["descends"].values(b):  # "how did things evolve from BERT to GPT-3": no line joins them
            return False
        start = m.start - len(before) + lead.start() if lead else m.start
        r.quiet.append((start, nxt.start))
        r.use(start, nxt.start)
        r.references.append(m.model_id)
        r.ancestors, r.path = True, True
        return True

    def _appositive(self, text: str, chain: tuple[int, str], m: Mention) -> bool:
        """The model right after a compared one, set off by a comma or a dash only, when the comparison describes
        "the one"/"the model" ("the one after Llama 2, Llama 3"): a name in apposition (lexicon ``appositive_head``)."""
        end, cue = chain
        gap = text[end:m.start]
        return bool(self.lex.first("appositive_head", cue) and gap.strip() in (",", "-", "—", "–", ":")
                    and self.lex.first("appositive_tail", text[m.end:m.end + 4]))

    def _version_ordinal(self, m: Mention, e, before: str, after: str, r: Reading) -> str:
        """"the first Qwen", "the first-generation Llama", "the original LLaMA": the ordinal is part of the version's name
        (its family has later versions), so its words rank nothing, and a relation's cue before them reaches the model
        ("newer than the original LLaMA"; the words before the name are returned without them); "the first Llama-based
        model" still ranks (a set noun follows), unless a comparison's "than" comes first ("newer than the original LLaMA
        models", as 比初代 LLaMA 新的模型 glosses: the noun is the question's own)."""
        lex = self.lex
        hit = lex.first("version_ordinal_before", before)
        if not hit or len(self._members(e.family)) < 2 or (
                lex.first("version_set_after", after) and not lex.first("family_compared_before", before[:hit.start()])):
            return before
        span = (m.start - len(before) + hit.start(), m.start)
        r.quiet.append(span)
        r.use(*span)
        return before[:hit.start()]

    def _version_year(self, m: Mention, e, before: str, after: str, r: Reading) -> str:
        """"the original GPT (2018)", "the original 2018 GPT": a bracketed year right after a model or a year right before
        it after a determiner, the model's own year, names that model; its words are no date bound (lexicon
        ``version_year_after`` / ``version_year_before``)."""
        hit = self.lex.first("version_year_after", after)
        if hit and int(hit.group("year")) == e.date.year:
            r.quiet.append((m.end, m.end + hit.end()))
            r.use(m.end, m.end + hit.end())
        hit = self.lex.first("version_year_before", before)
        if hit and int(hit.group("year")) == e.date.year:
            span = (m.start - len(before) + hit.start("said"), m.start)
            r.quiet.append(span)
            r.use(*span)
            return before[:hit.start("said")]  # the words before the name read without the year ("derived from the")
        return before

    def _own_value(self, m: Mention, e, text: str, r: Reading) -> None:
        """"smaller than GPT-2's biggest version (1.5B)", "after ChatGPT (Nov 2022)": a bracketed value right after a
        model (a few words between, lexicon ``own_value_after``) that is the model's own size or month restates it: no
        bound of its own. A value the model does not have stays a bound ("newer than BERT (2020 or later)")."""
        span = self._own_aside(m, e, text)
        if span:
            r.quiet.append(span)
            r.use(*span)

    def _own_size(self, m: Mention, e) -> float | None:
        """The one released size of ``e`` a bracket after it names ("BERT-base (110M)", "GPT-2's smallest version
        (124M)"): the size a comparison with the model is bounded by, instead of its largest; None otherwise."""
        span = self._own_aside(m, e, self._low)
        sizes = parse_params(f"size {self._low[span[0] + 1:span[1] - 1]}") if span else []
        return sizes[0].value if len(sizes) == 1 and sizes[0].value in released_sizes(e) else None

    def _own_aside(self, m: Mention, e, text: str) -> tuple[int, int] | None:
        """The span of the bracketed own value after ``m`` (``_own_value``), or None."""
        hit = self.lex.first("own_value_after", text[m.end:m.end + 80].lower())
        before = text[max(0, m.start - 48):m.start].lower()
        if not hit and any(self.lex.first(cue, before) for cue in ("larger_before", "smaller_before")):
            hit = self.lex.first("own_size_after", text[m.end:m.end + 40].lower())  # "bigger than GPT-3's 175B": compared only
        if not hit:
            return None
        value = text[m.end + hit.start("value"):m.end + hit.end("value")]
        dates, sizes = parse_dates(value), parse_params(f"size {value}")  # a bare size read as one (numbers' exact_context)
        if dates and not sizes:
            lo = max((b.value for b in dates if b.op == "ge"), default=None)
            hi = min((b.value for b in dates if b.op == "le"), default=None)
            own = lo is not None and hi is not None and lo <= e.date.key <= hi and hi - lo < 100
        elif sizes and not dates:
            have = [*released_sizes(e), *([e.params.max_millions] if e.params.max_millions else [])]
            own = all(b.op == "eq" for b in sizes) and all(any(abs(x - b.value) <= EQ_NEAR * b.value for x in have) for b in sizes)
        else:
            own = False
        return (m.end + hit.start("open"), m.end + hit.end()) if own else None

    def _parent_joined(self, low: str, mentions: list[Mention], r: Reading) -> None:
        """"papers for Zephyr and the model it was fine-tuned from", "cite Code Llama and its base model": the parents
        of the model named before the phrase are subjects too (lexicon ``parent_of_pronoun``)."""
        hit = self.lex.first("parent_of_pronoun", low)
        named = [m for m in mentions if hit and m.end <= hit.start() and m.model_id not in r.references]
        if not named:
            return
        e = self.catalog.models[named[-1].model_id]
        parents = [p for p in e.derived_from if p in self.catalog.models]
        if not parents:
            return
        r.subjects += [named[-1].model_id, *parents]
        r.use(*hit.span())
        r.quiet.append(hit.span())

    def _between(self, low: str, m: Mention, n: Mention, before: str, r: Reading) -> bool:
        """"released between GPT-2 and GPT-3", "strictly between the release of BERT and that of GPT-2": a date after
        the first model's month and before the second's (their own months left out, unless the words say both ends
        count: "inclusive", "both included"); the two models are references, not the subject."""
        lex = self.lex
        # each model's own month or size in brackets ("GPT-3 (May 2020)") restates it, and "the first DALL-E" names a
        # version: neither is part of the join
        aside = self._own_aside(m, self.catalog.models[m.model_id], low)
        said = [aside] if aside else []
        at = aside[1] if aside else m.end
        gap = low[at:n.start]
        cue, join = lex.first("between_before", before), lex.first("between_join", gap)
        if not cue or not join or join.end() != len(gap) or lex.has("between_void", low) or lex.has("between_void_pair", low):
            return False
        for hit, offset in ((cue, m.start - len(before)), (join, at)):  # "the first GPT": the version, no ranking
            if hit.group("version"):
                said.append((offset + hit.start("version"), offset + hit.end("version")))
            if hit.groupdict().get("variant"):  # "GPT-2's largest version and GPT-3": the variant bounding it, no ranking
                said.append((offset + hit.start("variant"), offset + hit.end("variant")))
        start = m.start - len(before) + cue.start()
        aside = self._own_aside(n, self.catalog.models[n.model_id], low)
        close = aside[1] if aside else n.end
        # "sized between GPT-2 and GPT-3", "between GPT-2 and GPT-3 in size": the two sizes bound it, not the months
        lead = lex.first("between_size_lead", before[:cue.start()])
        sized = lead or lex.first("between_size_tail", low[close:close + 30])
        pair = (self.catalog.models[m.model_id], self.catalog.models[n.model_id])
        if sized and not all(x.params.max_millions for x in pair):
            return False
        first, second = sorted(pair, key=(lambda x: x.params.max_millions) if sized else (lambda x: x.date.key))
        if lead:
            start = m.start - len(before) + lead.start()
        elif sized:
            close += sized.end()
        r.quiet += said + ([aside] if aside else [])
        tail = lex.first("between_inclusive", low[close:close + 40])
        shut = None if tail else lex.first("between_exclusive", low[close:close + 40])  # "(exclusive)": the default, said
        end = close + (tail.end() if tail else shut.end() if shut else 0)
        if sized:  # both ends left out unless the words say they count
            lo, hi = first.params.max_millions, second.params.max_millions
            r.found += [Found("size", lo, start, end, Op.GE if tail else Op.GT, first.id),
                        Found("size", hi, start, end, Op.LE if tail else Op.LT, second.id)]
            r.relations += [Relation(kind="larger", model=first.id), Relation(kind="smaller", model=second.id)]
            r.references += [m.model_id, n.model_id]
            r.use(start, end)
            return True
        lo, hi = first.date.key, second.date.key
        if not tail:
            lo = lo + 1 if lo % 100 < 12 else (lo // 100 + 1) * 100 + 1
            hi = hi - 1 if hi % 100 > 1 else (hi // 100 - 1) * 100 + 12
        r.found += [Found("date", lo, start, end, Op.GE, first.id), Found("date", hi, start, end, Op.LE, second.id)]
        r.relations += [Relation(kind="after", model=first.id), Relation(kind="before", model=second.id)]
        r.references += [m.model_id, n.model_id]
        r.use(start, end)
        return True

    def _between_date(self, low: str, m: Mention, before: str, r: Reading) -> bool:
        """"between ChatGPT's release and the end of March 2023", "between mid-2021 and the launch of GPT-4": a model's
        month at one end (left out, as between two models, unless the words say both ends count) and a date at the
        other (its months counted); the model is a reference, not the subject."""
        lex = self.lex
        if lex.has("between_void", low):
            return False
        e = self.catalog.models[m.model_id]
        first = lex.first("between_date_first", before)  # the date said first, the model second
        cue = None if first else lex.first("between_before", before)
        join = lex.first("between_join_date", low[m.end:]) if cue else None
        if first:
            said = first.group("date")
            dates = [b for b in parse_dates(said) if b.start == 0 and b.end == len(said.rstrip())]
            start, end = m.start - len(before) + first.start(), m.end
        elif join:
            at = m.end + join.end()
            dates = [b for b in parse_dates(low[at:at + 40]) if b.start == 0]
            start, end = m.start - len(before) + cue.start(), at + max((b.end for b in dates), default=0)
        else:
            return False
        if not dates:
            return False
        tail = lex.first("between_inclusive", low[end:end + 40])
        end += tail.end() if tail else 0
        # "..., inclusive" after the date counts the date's end, already counted; the model's month only when both are said
        tail = tail if first or (tail and lex.has("between_both_ends", tail.group())) else None
        key = e.date.key
        if first:
            lo = min(b.value for b in dates if b.op == "ge")
            hi = key if tail else key - 1 if key % 100 > 1 else (key // 100 - 1) * 100 + 12
            r.found += [Found("date", lo, start, end, Op.GE), Found("date", hi, start, end, Op.LE, m.model_id)]
            r.relations.append(Relation(kind="before", model=m.model_id))
        else:
            lo = key if tail else key + 1 if key % 100 < 12 else (key // 100 + 1) * 100 + 1
            hi = max(b.value for b in dates if b.op == "le")
            r.found += [Found("date", lo, start, end, Op.GE, m.model_id), Found("date", hi, start, end, Op.LE)]
            r.relations.append(Relation(kind="after", model=m.model_id))
        r.references.append(m.model_id)
        r.quiet.append((start, end))
        r.use(start, end)
        return True

    def _family(self, low: str, m: Mention, e, end: int, r: Reading) -> None:
        """"the GPT-3 family": the family; "the GPT-3 family and its offshoots": the family or a descendant of
        the model (either holds, one phrase: a negation before it leaves both out)."""
        tail = self.lex.first("descendants", low[end:])
        if not tail:  # "the Gemini family": the family the name heads (Gemini 1.0 and 1.5), else the one named after the model
            r.found.append(Found("family", self.family_heads.get(m.text.lower(), e.name), m.start, end))
            return
        end, alt = end + tail.end(), m.start + 1
        r.found += [Found("family", e.name, m.start, end, alt=alt), Found("descends", m.model_id, m.start, end, alt=alt)]
        r.relations.append(Relation(kind="derived", model=m.model_id))
        r.use(m.start, end)

    def _members_restated(self, text: str, start: int, end: int, later: list[Mention], r: Reading) -> set[int]:
        """"the Gopher family (Gopher, GopherCite)", Gopher 家族（Gopher、GopherCite）: the members the question names in a
        bracket right after a family are in the family as it is meant, whatever family the catalog files them under;
        the family and the models named are one phrase, either holds (a negation before it leaves all of them out).
        Returns the starts of the names read so (no reading of their own)."""
        opened = self.lex.first("members_bracket_open", text[end:])
        if not opened:
            return set()
        at, inside = end + opened.end(), []
        for x in later:
            gap = text[at:x.start]
            if gap.strip() and not self.lex.first("members_bracket_joiner", gap):
                break
            inside.append(x)
            at = x.end
        closed = self.lex.first("members_bracket_close", text[at:])
        if not inside or not closed:
            return set()
        family = next((f for f in reversed(r.found) if f.facet == "family" and f.start == start), None)
        if family is None:
            return set()
        if not family.alt:
            family.alt = start + 1
        family.end = at + closed.end()
        r.found.append(Found("model", list(dict.fromkeys(x.model_id for x in inside)), start, family.end, alt=family.alt))
        r.use(start, family.end)
        r.references += [x.model_id for x in inside if x.model_id not in r.references]  # members, no subjects
        return {x.start for x in inside}

    def _in_line(self, low: str, m: Mention, before: str, after: str, r: Reading) -> str | None:
        """A model's own line read as the order of its generations: "what came before Qwen3 in its line",
        "upstream of Pythia" ("up": the model stays the subject, its ancestors are asked), "which models
        followed T5 in its lineage" ("down": its descendants). Without the line's words "before" / "after"
        stay dates. A depth modifier next to it ("(direct only)") decides the depth, as for any lineage."""
        lex = self.lex
        up = lex.first("line_up_before", before)
        cue = up or lex.first("line_down_before", before)
        scope = lex.first("line_scope_after", after)
        if cue is None or not (scope or (up and lex.has("upstream_before", before))):
            return None
        start, end = m.start - len(before) + cue.start(), m.end + (scope.end() if scope else 0)
        deep = not lex.has("line_direct", before)
        for span, deep in depth.modifiers(self.lex, low, start, end):
            r.use(*span)
            r.quiet.append(span)
        r.use(start, m.start)
        r.use(m.end, end)
        if up:
            r.ancestors = deep
            return "up"
        r.found.append(Found("descends" if deep else "derived", m.model_id, start, end, direct=not deep))
        r.relations.append(Relation(kind="derived", model=m.model_id))
        return "down"

    def _asked_up(self, low: str, m: Mention, mentions: list[Mention]) -> bool:
        """Where the model came from is asked in a clause of its own, the model (or a pronoun for the only model
        named) its subject: "what does DeepSeek-V3 descend from, ...", "which model did Chinchilla come from, ..."
        (lexicon ``ancestor_clause``)."""
        for hit in self.lex.find("ancestor_clause", low):
            s, e = hit.span("subject")
            if any(x.model_id == m.model_id and s <= x.start and x.end <= e for x in mentions):
                return True
            if self.lex.has("subject_pronoun", hit.group("subject")) and len({x.model_id for x in mentions}) == 1:
                return True
        return False

    def _descendants(self, m: Mention, word, low: str, r: Reading) -> None:
        """The models after the one named, by the word for them: its children, or every generation when the word says so."""
        direct = self.lex.has("direct_lineage", low) or not self.lex.has("transitive_lineage", word.group())
        r.found.append(Found("derived" if direct else "descends", m.model_id, m.start, m.end, direct=direct))
        r.relations.append(Relation(kind="derived", model=m.model_id))
        r.use(*word.span())

    def _descendant_word(self, low: str):
        """A word for the models after one ("descendants", "children") with no ancestor word anywhere else (the verb of
        "based on it" is an ancestor word's too)."""
        word = self.lex.first("descendant_words", low)
        if word is None:
            return None
        rest = low[:word.start()] + " " * (word.end() - word.start()) + low[word.end():]
        return None if self.lex.has("ancestor_words", rest) else word

    def _members(self, family: str) -> list[str]:
        c = Constraint(facet="family", values=[family])
        return [e.id for e in self.catalog.models.values() if FACETS["family"].match(e, c)]

    def _asks_ancestors(self, low: str, cue) -> bool:
        """"ChatGPT's family tree: what are its ancestors?": a lineage word with no direction next to
        the model, and the question says the way is up; the model stays the subject, so its ancestors
        are the answer instead of the models derived from it."""
        return self.lex.has("lineage_neutral", cue.group()) and self.lex.has("ancestor_words", low)

    def _lineage(self, low: str, m: Mention, before: str, lin, lat, r: Reading) -> None:
        """"derived from X": X's children (the catalog's edges); "descendants of X": every generation.
        "direct"/"directly"/"immediate" before or inside the cue keeps it to the children even when
        the cue word alone means every generation ("direct offspring of X"), and a depth modifier
        next to it ("(any depth)", "all generations", "direct only") decides over both; the
        modifier's words belong to the relation, so no other reading takes them ("depth")."""
        lex = self.lex
        start = m.start - len(before) + lin.start() if lin else m.start
        end = m.end + (lat.end() if lat else 0)
        cue = lin.group() if lin else lat.group()
        direct = lex.has("direct_lineage", cue) or bool(lex.first("direct_lead", before[:lin.start()] if lin else before))
        transitive = lex.has("transitive_lineage", cue) and not direct
        modifiers = depth.modifiers(self.lex, low, start, end)
        for span, deep in modifiers:
            transitive, direct = deep, not deep
            r.use(*span)
            r.quiet.append(span)
        if not (direct or transitive or modifiers):  # "what came out of Gopher? list its descendants": a cue of no depth,
            transitive = depth.noun_apart(lex, low, start, end)  # and a noun for every generation elsewhere
        if lat and lat.group().lstrip().startswith("("):  # "GPT (the 2018 one) as a direct parent": the aside names GPT
            r.quiet.append((m.end, m.end + lat.group().index(")") + 1))
        r.found.append(Found("descends" if transitive else "derived", m.model_id, start, end, direct=direct))
        r.relations.append(Relation(kind="derived", model=m.model_id))
        r.use(start, end)

    def _joined_lineage(self, low: str, m: Mention, line: list[Found], r: Reading) -> Found:
        """A model joined to a lineage's model by and / or / nor ("not derived from T5 or from BART") has the
        same lineage; a depth modifier after the last one ("... or BART (at any depth)") holds for them all."""
        first = line[0]
        f = Found(first.facet, m.model_id, m.start, m.end, direct=first.direct)
        r.found.append(f)
        r.relations.append(Relation(kind="derived", model=m.model_id))
        r.use(line[-1].end, m.end)
        for span, deep in depth.modifiers(self.lex, low, m.start, m.end):
            for g in (*line, f):
                g.facet, g.direct = ("descends" if deep else "derived"), not deep
            r.use(*span)
            r.quiet.append(span)
        return f

    def _same(self, m: Mention, e, before: str, r: Reading, after: str = "") -> bool:
        """"the same lab as X", "siblings of X"; and the field named after the model: "X's siblings", "X's sister
        models" (``same_after``), "which models share X's parent?" (``share_before`` ... ``share_after``)."""
        lex, end, lead, side = self.lex, m.end, None, None
        same = lex.first("same_before", before)
        also = None  # a second field said with the first ("the same lab and year as PaLM")
        if same:
            what = same_field(lex, next(g for g in same.groups() if g))
            also = next((g for k, g in same.groupdict().items() if k.startswith("f") and g), None)
            start = m.start - len(before) + same.start()
            if (some := lex.first("share_some", same.group())):  # "share at least one lab with X": no count of labs
                r.quiet.append((start + some.start(), start + some.end()))
        elif (together := lex.first("same_time_before", before)):  # "released alongside GPT-3.5": its month
            what, start = "month", m.start - len(before) + together.start()
        else:
            if (tail := lex.first("same_after", after)):
                start = m.start
            elif (lead := lex.first("share_before", before) or lex.first("lineage_before", before)) and \
                    (tail := lex.first("share_after", after)):  # "what else came from Llama 2's parent?": its siblings
                start = m.start - len(before) + lead.start()
            elif (lead := lex.first("share_date_before", before)) and (tail := lex.first("share_after", after)) \
                    and same_field(lex, next(g for g in tail.groups() if g)) in DATE_SPANS:  # "released in ChatGPT's month"
                start = m.start - len(before) + lead.start()
            else:
                return False
            what, end = same_field(lex, next(g for g in tail.groups() if g)), m.end + tail.end()
            also = next((g for k, g in tail.groupdict().items() if k.startswith("f") and g), None)
            r.use(start, end)
            r.quiet.append((m.end, end))
        # "exactly the same objectives as X": X's values and no other (a field of many values)
        self._exact = bool(lex.first("same_exact", self._low[max(0, start - 24):end]))
        fields = list(dict.fromkeys([what, *([same_field(lex, also)] if also else [])]))
        if "size" in fields and not e.params.max_millions:
            fields.remove("size")  # "the same size as CLIP": no size recorded to be the same as
        if not fields:
            return False
        for what in fields:
            side = self._same_field(m.model_id, e, what, start, end, lead, r) or side
        if not side:  # "in or after X's month" holds X itself; "the same month as X" asks for the others
            r.exclude.append(Exclusion(model=m.model_id))
        r.relations += [Relation(kind="same", model=m.model_id, facet=what) for what in fields]
        return True

    def _own_corpus(self, e, at: int) -> tuple[int, int] | None:
        """The bracket right after a model's name or its corpus words that names only datasets of the model's own corpus
        ("BERT's corpus (BookCorpus + English Wikipedia)"): its span, else None."""
        hit = self.lex.first("own_value_after", self._low[at:at + 80])
        words = [t for t, _, _ in self.lex.tokenize(hit.group("value")) if len(t) > 1 and t[0].isalpha()] if hit else []
        if not words or not all(w in e.corpus.lower() for w in words):
            return None
        return at + hit.start("open"), at + hit.end()

    def _same_field(self, model_id: str, e, what: str, start: int, end: int, lead, r: Reading) -> str | None:
        """The constraint "the same <what> as <e>" stands for, read into ``r``; the side a date span is left open on
        ("in or after ChatGPT's month": "later"), if any."""
        if what == "parent":  # "the same parent as Alpaca": the models derived from Alpaca's parent
            r.found.append(Found("derived", list(e.derived_from), start, end, via=model_id))
        elif what == "corpus":  # "the same training data as BERT": the corpora the catalog records as "Same as BERT"
            r.found.append(Found("corpus", [f"{word} {e.name}" for word in self.lex.data.get("same_corpus_words", [])],
                                 start, end, via=model_id))
            if (aside := self._own_corpus(e, end)):  # "BERT's corpus (BookCorpus + Wikipedia)": restated, no dataset asked
                r.quiet.append(aside)
                r.use(*aside)
        elif what in DATE_SPANS:  # "the same year as X", "the same month as X": the dates from its first month to its last
            bounds = same_as(what, e)
            tail = self.lex.first("open_end_after", self._low[end:])
            side = next((k for k in ("later", "earlier") for x in (lead, tail) if x and x.groupdict().get(k)), None)
            if side:  # "in or after ChatGPT's month", "the same month as GPT-3 or later": that end of the span only
                bounds = [c for c in bounds if c.op is (Op.GE if side == "later" else Op.LE)]
                end = end + tail.end() if tail else end
                r.use(start, end)
            r.found += [Found("date", c.values[0], start, end, c.op, model_id) for c in bounds]
            return side
        else:  # a field of many values is read as their list ("the same lab as X": any of X's labs), any other as its value
            exact = self._exact and what in _MANY_VALUED
            r.found += [Found(c.facet, c.values if c.facet in _MANY_VALUED else c.values[0], start, end,
                              Op.ONLY if exact else c.op, model_id) for c in same_as(what, e)]
        return None

    def _relative(self, m: Mention, e, before: str, r: Reading, at: int | None = None) -> bool:
        lex = self.lex
        cue = None
        added = len(r.found)
        if (cue := lex.first("within_before", before)) and (months := _months(cue, lex)):  # "within a year of BERT"
            side = cue.group("side").lower()
            first = _month_key(e.date.key, 0 if side == "after" else -months)
            last = _month_key(e.date.key, 0 if side == "before" else months)
            r.found += [Found("date", first, 0, 0, Op.GE, m.model_id), Found("date", last, 0, 0, Op.LE, m.model_id)]
            r.exclude.append(Exclusion(model=m.model_id))
            kind = "within"
        elif (cue := lex.first("offset_before", before)) and (months := _months(cue, lex)):
            # "more than a year after Qwen", "at least two years before GPT-4": the date a span of months past X's
            later = cue.group("side").lower().startswith(("after", "later"))
            strict = 1 if cue.group("bound").lower() in lex.data.get("offset_strict", ()) else 0
            moved = _month_key(e.date.key, (months + strict) if later else -(months + strict))
            r.found.append(Found("date", moved, 0, 0, Op.GE if later else Op.LE, m.model_id))
            kind = "after" if later else "before"
        elif (cue := lex.first("after_same_before", before)):  # "on or after the month X came out": its month too
            r.found.append(Found("date", e.date.key, 0, 0, Op.GE, m.model_id))
            kind = "after"
        elif (cue := lex.first("before_same_before", before)):
            r.found.append(Found("date", e.date.key, 0, 0, Op.LE, m.model_id))
            kind = "before"
        elif (cue := lex.first("next_ranked_before", before)) and compared(kind := _next_kind(cue, lex), e):
            # "the next biggest model after PaLM": the largest of those smaller than PaLM; "the next bigger one than
            # GPT-3": the smallest of those larger (lexicon ``next_ranked``: each word's relation and ranking direction)
            facet, op, value = compared(kind, e)
            r.found.append(Found(facet, value, 0, 0, op, m.model_id))
            r.adjacent = Superlative(field="params", largest=kind == "smaller")
        elif (said := next(((kind, c) for name, kind in _RELATIVE_CUES.items()
                            if (c := lex.first(name, before)) and compared(kind, e)), None)):
            kind, cue = said  # "newer than X", "before X", "bigger than X", "smaller than X"
            facet, op, value = compared(kind, e)
            if facet == "size" and (own := self._own_size(m, e)):  # "smaller than BERT-base (110M)": that size of its
                value = own
            r.found.append(Found(facet, value, 0, 0, op, m.model_id))
        else:
            return False
        start = m.start - len(before) + cue.start() if at is None else at
        for f in r.found[added:]:  # each bound the relation added spans the cue and the model
            f.start, f.end = start, m.end
        r.relations.append(Relation(kind=kind, model=m.model_id))
        return True

    def _excluded(self, text: str, m: Mention, mentions: list[Mention], r: Reading) -> bool:
        """'other than BERT', 'leaving out PaLM and its descendants': the model is left out; so is
        each model listed after it ("excluding GPT, GPT-2 and GPT-3")."""
        # "encoder models unrelated to BERT", "nothing to do with GPT-3": the model and its line left out (read before the
        # plain negation cue, which these words also are, for a value: "nothing to do with text")
        unrelated = self.lex.first("unrelated_before", text[max(0, m.start - 48):m.start].lower())
        start = max(0, m.start - 48) + unrelated.start() if unrelated else self._cue_before(text, m, mentions)
        if start is not None and not unrelated and self.lex.first("negated_aux_subject", text[:m.start].lower()):
            start = None  # "why didn't BERT use NSP?": BERT is the subject, the negation is what is said of it
        if start is None and (beside := self.lex.first("alongside_before", text[max(0, m.start - 24):m.start].lower())) \
                and self.lex.has("others_asked", text.lower()):  # "what other models came from LLaMA alongside Orca?"
            start = max(0, m.start - 24) + beside.start()  # the model is one of the set, the others are asked
        listed = start is None and self._listed_after_exclusion(text, m, mentions, r)
        # "T5 and its descendants", "anything in the T5 line": the model and every model descended from it
        rest = text[m.end:].lower()
        tail = self.lex.first("descendants", rest) or self.lex.first("line_after", rest) or self.lex.first("descendants_negated", rest)
        if tail and any(x.model_id != m.model_id and x.start >= m.end + tail.end()
                        and self.lex.first("descendants_of", text[m.end + tail.end():x.start].lower()) for x in mentions):
            tail = None  # "leave out Qwen and everything descended from Qwen2.5": the descendants are another model's
        itself = None if tail else self.lex.first("model_itself_after", rest)  # "minus Qwen itself and ...": its word too
        post = None  # "Meta models, the BART line excluded", "with T5 removed": the cue after the name
        if start is None and not listed and not (post := self.lex.first("excluded_after", text[m.end + (tail.end() if tail else 0):].lower())):
            return False
        family = None if tail or unrelated or listed or post else (self._group_listed(text, m, mentions) or self._family_only(m))
        if family:  # "leave out Qwen and DeepSeek": listed with a group, the name is the Qwen family
            r.found.append(Found("family", family, m.start, m.end))
            self._left.add(m.start)
            r.references.append(m.model_id)
            return True
        ones = None if tail or unrelated or post else self.lex.first("family_members_after", text[m.end:].lower())
        alike = self._numbered_after(self.catalog.models[m.model_id]) if ones else []
        if alike:  # "apart from the DALL-E ones": DALL-E and the versions numbered after it (DALL-E 2)
            post = ones
        end = m.end + (tail.end() if tail else itself.end() if itself else 0) + (post.end() if post else 0)
        again = next((x for x in mentions if tail and x.model_id == m.model_id and x.start >= end
                      and self.lex.first("descendants_of", text[end:x.start].lower())), None)
        if again and not post:  # "ViT itself and anything that descends from ViT": the tail names the model again
            self._again.add(again.start)
            end = again.end
        elif tail and (said := self._restated(text, m, end, mentions)):  # "nor the GPT lineage (GPT and its descendants)"
            end = said
        if (left := Exclusion(model=m.model_id, descendants=bool(tail or unrelated))) not in r.exclude:  # "not part of the LLaMA line
            r.exclude.append(left)  # (i.e. not LLaMA or anything built on it)": one line left out, said twice
        r.exclude += [Exclusion(model=x) for x in alike]
        r.references += alike
        if tail and listed and self.lex.has("descendants_each", tail.group()):  # "... and their descendants": each item
            r.exclude = [x.model_copy(update={"descendants": True}) for x in r.exclude]
        r.references.append(m.model_id)
        r.use(start if start is not None else m.start, end)
        r.quiet.append((start if start is not None else m.start, end))
        r.excluded.append((start if start is not None else m.start, end))
        return True

    def _included(self, low: str, m: Mention, before: str, r: Reading) -> bool:
        """"..., including Gemma", "count Gemma too", "Google's decoders, Gemma included": the model is named only to say the
        set asked keeps it, so it is no subject; its words are read (the set's own constraints decide membership)."""
        lex, after = self.lex, low[m.end:m.end + 30]
        if (cue := lex.first("included_before", before)):
            start, end = m.start - len(before) + cue.start(), m.end
        elif (cue := lex.first("included_verb_before", before)) and (tail := lex.first("included_verb_after", after)):
            start, end = m.start - len(before) + cue.start(), m.end + tail.end()
        elif lex.first("included_after_lead", before) and (tail := lex.first("included_after", after)):
            start, end = m.start, m.end + tail.end()
        else:
            return False
        r.references.append(m.model_id)
        r.use(start, end)
        r.quiet.append((start, end))
        return True

    def _family_only(self, m: Mention) -> str | None:
        """A family's name that is not the model's own name ("apart from Gemini": Gemini 1.0, which the catalog also calls
        Gemini, and Gemini 1.5): left out, it is the family."""
        e, written = self.catalog.models[m.model_id], m.text.lower()
        family = self.family_heads.get(written)
        if not family or written in (e.name.lower(), e.id) or len(self._members(family)) < 2:
            return None
        return family

    def _numbered_after(self, e) -> list[str]:
        """The catalog's models named like ``e`` with a version number after the name ("DALL-E 2" after "DALL-E")."""
        head = re.escape(e.name.lower())
        return [x.id for x in self.catalog.models.values() if x.id != e.id and re.match(rf"{head}[\s-]*\d", x.name.lower())]

    def _restated(self, text: str, m: Mention, end: int, mentions: list[Mention]) -> int | None:
        """A bracket right after a model's line left out that names the model and its descendants again ("nor the GPT
        lineage (GPT and all its descendants)", 谱系（GPT 及其所有后代）): the same line, left out too; where the bracket
        ends, or None."""
        low = text.lower()
        again = next((x for x in mentions if x.model_id == m.model_id and x.start >= end
                      and self.lex.first("gloss_opener", low[end:x.start])), None)
        tail = again and self.lex.first("descendants", low[again.end:])
        close = tail and self.lex.first("gloss_closer", low[again.end + tail.end():])
        if not close:
            return None
        self._again.add(again.start)
        return again.end + tail.end() + close.end()

    def _with_descendants(self, low: str, m: Mention, r: Reading, mentions: list[Mention] = ()) -> bool:
        """"BERT and its descendants, but not the ones from Google", "Google models in the T5 line": a set, the model
        and every model descended from it (either reading holds), which the question's other constraints then filter.
        A tail that names the model again ("T5 and anything built on T5") is the same set."""
        tail = self.lex.first("descendants", low[m.end:])
        if not tail and self.lex.first("line_members_before", low[max(0, m.start - 12):m.start]):
            tail = self.lex.first("line_after", low[m.end:])  # "Google models in the T5 line"
        if not tail:
            return False
        end, alt = m.end + tail.end(), m.start + 1
        again = next((x for x in mentions if x.model_id == m.model_id and x.start >= end
                      and self.lex.first("descendants_of", low[end:x.start])), None)
        if again:
            self._again.add(again.start)
            end = again.end
        # "T5 and its direct children", "T5 and the models derived from it directly": one generation
        after = self.lex.first("direct_lineage", low[end:end + 16])
        direct = self.lex.has("direct_lineage", tail.group()) or bool(after and not low[end:end + after.start()].strip())
        r.found += [Found("model", m.model_id, m.start, end, alt=alt),
                    Found("derived" if direct else "descends", m.model_id, m.start, end, alt=alt, direct=direct)]
        r.relations.append(Relation(kind="derived", model=m.model_id))
        r.use(m.start, end)
        return True

    def _group_listed(self, text: str, m: Mention, mentions: list[Mention]) -> str | None:
        """The family a left-out name stands for when it is also a family's name and the list it is in
        names a group of models next to it (a lab or a family, no model): "but leave out Qwen and DeepSeek"
        leaves out the Qwen family, as "leaving out GPT and GPT-2" leaves out the model GPT."""
        family = self.family_heads.get(m.text.lower())
        if not family:
            return None
        taken = [(x.start, x.end) for x in mentions]
        after, before = _NEXT_NAME.match(text[m.end:]), _PREVIOUS_NAME.search(text[:m.start])
        for hit, gap, at in ((after, 1, m.end), (before, 2, 0)):
            if not hit or not hit.group(gap).strip() or not scope.joined(self.lex, hit.group(gap)):
                continue
            name = hit.group(3 - gap)
            start = at + hit.start(3 - gap)
            words = [name.lower(), name.split()[0].lower()]
            if any(w in self.groups for w in words) and not any(s < start + len(name) and start < e for s, e in taken):
                return family
        return None

    def _cue_before(self, text: str, m: Mention, mentions: list[Mention]) -> int | None:
        """Where a negation cue governing the model named at ``m`` begins: filler words only between."""
        taken = [(x.start, x.end) for x in mentions]
        best = None
        for cue in scope.cues(self.lex, text[:m.start], taken):
            if m.start - cue.end() <= 80 and scope.governs(self.lex, text, cue.end(), m.start, self.filler, max_gap=0):
                best = cue.start()
        return best

    def _listed_after_exclusion(self, text: str, m: Mention, mentions: list[Mention], r: Reading) -> bool:
        """The model follows an excluded model in a list: "excluding GPT, GPT-2 and GPT-3"; or a name left out as its
        family ("but not Gemini or Gemma")."""
        before = [x for x in mentions if x.end <= m.start]
        left = before and before[-1].start in self._left
        if not before or not left and (not r.exclude or r.exclude[-1].model != before[-1].model_id):
            return False
        return scope.joined(self.lex, text[before[-1].end:m.start])

    def to_set(self, text: str, mentions: list[Mention], r: Reading, members) -> None:
        """"derived from a Google model", "built on one of the paper's 77 models", "descends from an
        encoder": a lineage whose parent is any model of a set the words describe. The constraints
        read inside the set's words describe the parent, not the answer: ``members(found)`` turns
        them into the member ids and their reading, and one lineage constraint takes their place."""
        self._inverse(text, mentions, r, members)
        self._than_ranked(text, mentions, r, members)
        m = self.lex.first("lineage_set", text.lower())
        if not m or any(m.start("set") <= x.start < m.end() for x in mentions):
            self._to_lab(text, r, members)
            return
        inner = [f for f in r.found if m.start("set") <= f.start and f.end <= m.end()]
        if not inner or all(f.facet == "parents" for f in inner):
            return  # "derived from more than one parent model" counts the answer's own parents: no set of parents
        # the set's words replace what they were read as; "derived from a model ..." is no lineage to any model besides
        r.found = [f for f in r.found if f not in inner and not (f.value == ANY_MODEL and m.start() <= f.start < m.end())]
        ids, reading = members([replace(f, negated=False) for f in inner])
        transitive = self.lex.has("transitive_lineage", m.group("cue"))
        r.found.append(Found("descends" if transitive else "derived", ids, m.start(), m.end(),
                             negated=any(f.negated for f in inner), of=reading))
        r.use(m.start(), m.end())

    def _inverse(self, text: str, mentions: list[Mention], r: Reading, members) -> None:
        """The other way round: "paper models that have successors among the additions", "which of the paper's
        models were built on by later additions" (a parent, or with a descendant word an ancestor, of some model of
        the set), "additions from labs that also have a paper model" (a lab one of the set's models shares). The
        constraints inside the set's words describe those other models, not the answer (lexicon ``inverse_*``)."""
        low = text.lower()
        for cue, facet in (("inverse_offspring", None), ("inverse_lab", "lab")):
            for m in self.lex.find(cue, low):
                inner = [f for f in r.found if m.start("set") <= f.start and f.end <= m.end("set") and f.end]
                if not inner or any(m.start("set") <= x.start < m.end("set") for x in mentions):
                    continue
                r.found = [f for f in r.found if f not in inner]
                ids, reading = members([replace(f, negated=False) for f in inner])
                if facet == "lab":
                    labs = sorted({k for i in ids for k in self.catalog.models[i].lab_keys})
                    r.found.append(Found("lab", labs, m.start(), m.end(), of=reading))
                else:
                    deep = self.lex.has("transitive_lineage", m.group("cue"))
                    r.found.append(Found("ancestor" if deep else "parent", ids, m.start(), m.end(), of=reading))
                r.use(m.start(), m.end())

    def _than_ranked(self, text: str, mentions: list[Mention], r: Reading, members) -> None:
        """A comparison with the model a ranking picks out of a set ("additions older than the newest model in the
        paper's list", "Meta models bigger than the largest Google model"): the set's words describe the model compared
        with, not the answer; its first (or last) by date or size is found, and the comparison is with that model, as
        with a model named (lexicon ``ranked_member``: the ranking word and the set, right after a comparative cue;
        ``ranked_member_ranks``: each ranking word's field and end)."""
        low = text.lower()
        ranks = self.lex.data.get("ranked_member_ranks", {})
        for m in self.lex.find("ranked_member", low):
            kind = next((k for name, k in _RELATIVE_CUES.items() if self.lex.first(name, low[:m.start()])), None)
            rank = ranks.get(" ".join(m.group("rank").split()))
            inner = [f for f in r.found if m.start("set") <= f.start and f.end <= m.end("set") and f.end]
            if kind is None or rank is None or not inner or any(m.start("set") <= x.start < m.end("set") for x in mentions):
                continue
            ids, _ = members([replace(f, negated=False) for f in inner])
            field, end = rank
            key = (lambda e: e.date.key) if field == "date" else (lambda e: e.params.max_millions or 0)
            pool = [self.catalog.models[i] for i in ids if field == "date" or self.catalog.models[i].params.max_millions]
            if not pool or (bound := compared(kind, (max if end == "max" else min)(pool, key=key))) is None:
                continue
            picked = (max if end == "max" else min)(pool, key=key)
            r.found = [f for f in r.found if f not in inner]
            facet, op, value = bound
            r.found.append(Found(facet, value, m.start(), m.end(), op, picked.id))
            r.references.append(picked.id)
            r.use(m.start(), m.end())
            r.quiet.append(m.span())

    def _to_lab(self, text: str, r: Reading, members) -> None:
        """"fine-tuned from Mistral", "built on top of Meta's": a lab named right after a lineage cue
        stands for its models, so the lineage is to any of them (the lab is no filter on the answer)."""
        low = text.lower()
        for f in [f for f in r.found if f.facet == "lab" and not f.negated]:
            lead = max(0, f.start - 48)
            cue = self.lex.first("lineage_before", low[lead:f.start])
            if cue is None or not self.lex.has("lineage_to_lab", cue.group()) or not self.lex.has("lab_models_after", low[f.end:]):
                continue
            r.found.remove(f)
            ids, reading = members([f])
            r.found.append(Found("derived", ids, lead + cue.start(), f.end, of=reading))
            r.use(f.start, f.end)
            return

    def open(self, text: str, r: Reading, pair: bool = False, alone: str | None = None) -> None:
        """"the same lab" with no model after it: the model comes from the conversation; with two models
        named (``pair``: "do T5 and BART have the same license?") it compares them instead. "What else did the same lab
        make?" said of the one model the question names (``alone``: "Apart from Gopher, what else did the same lab build?",
        "ERNIE came from Tsinghua. What other models did those labs build?") or of the model a date or size is relative
        to ("After Whisper, what else did the same lab release?") is that model's lab."""
        opened = list(self.lex.find("same_open", text.lower()))
        if opened and pair:
            for m in opened:
                r.use(*m.span())
        liked = next((x for x in r.relations if x.kind == "similar"), None) if opened and not pair else None
        if liked:  # "Google encoders like BERT - same lab, same architecture?": the fields said are what the likeness is
            r.relations.remove(liked)
            r.found = [f for f in r.found if not (f.via == liked.model and (f.start, f.end) in self._liked)]
        maker = self.lex.first("same_maker_open", text.lower()) if not pair else None
        anchor = next((x.model for x in r.relations if x.model and x.kind in _RELATIVE_CUES.values()), alone if maker else None)
        anchor = anchor if anchor in self.catalog.models else None
        if anchor and anchor == alone:  # "what other models did those labs build?": the model named is the lab's anchor,
            r.references.append(anchor)  # not the subject, and the other models are asked
            if not any(x.model == anchor for x in r.exclude):
                r.exclude.append(Exclusion(model=anchor))
        for m in opened if not pair else []:
            what = same_field(self.lex, next(g for g in m.groups() if g))
            if what in {x.facet for x in r.relations if x.kind == "same"}:
                continue
            named = next((x.model for x in r.relations if x.kind == "same" and x.model), liked.model if liked else anchor)
            if named and what == "size" and not self.catalog.models[named].params.max_millions:
                continue
            # the phrase's words are no constraint of their own ("built on the same base model": no set of base models)
            r.found = [f for f in r.found if not (f.end and f.start < m.end() and m.start() < f.end)]
            if named:  # "the same year as CLIP, and from the same lab": a second field, of the model already named
                self._same_field(named, self.catalog.models[named], what, m.start(), m.end(), None, r)
            r.relations.append(Relation(kind="same", model=named or "", facet=what))
            r.use(*m.span())
        if (m := maker) and not any(x.kind == "same" and x.facet == "lab" for x in r.relations):
            # (beside another field: "... the same month")
            if anchor:  # the model named in the question, not the conversation's
                self._same_field(anchor, self.catalog.models[anchor], "lab", m.start(), m.end(), None, r)
            r.relations.append(Relation(kind="same", model=anchor or "", facet="lab"))
            r.use(*m.span())  # "what else did they make?"
        if not pair:
            self._relative_open(text.lower(), r)

    def _relative_open(self, low: str, r: Reading) -> None:
        """"which models are bigger than it?", "anything released before it?": a comparison whose model is a pronoun (the
        lexicon's ``relative_pronoun``) comes from the conversation, as "the same lab" does; the kind is read by the
        cues a named model takes ("bigger than X": ``larger_before``)."""
        if any(x.kind in _RELATIVE_CUES.values() for x in r.relations):
            return
        for hit in self.lex.find("relative_pronoun", low):
            if not free(hit.span(), r.used):
                continue
            before = low[:hit.start()]
            if self.lex.first("relative_pronoun_joined", before):
                continue  # "in the paper and after it", "the code before and after it": what "it" names is in the question
            said = next(((kind, m) for cue, kind in _RELATIVE_CUES.items() if (m := self.lex.first(cue, before))), None)
            if said:
                kind, cue = said
                # "the same year as GPT-3 but earlier than it": the one model a relation of this question already named
                # is what "it" stands for, not the conversation's
                named = {x.model for x in r.relations if x.model in self.catalog.models}
                e = self.catalog.models[next(iter(named))] if len(named) == 1 else None
                if e is not None and (bound := compared(kind, e)):
                    r.found.append(Found(bound[0], bound[2], cue.start(), hit.end(), bound[1], e.id))
                    r.relations.append(Relation(kind=kind, model=e.id))
                else:
                    r.relations.append(Relation(kind=kind, model="", facet=kind))
                r.use(cue.start(), hit.end())
                return
        for hit in self.lex.find("bare_comparative", low):  # "anything smaller from the same lab?": than the model discussed
            if free(hit.span(), r.used):
                kind = next(k for k, v in hit.groupdict().items() if v)
                r.relations.append(Relation(kind=kind, model="", facet=kind))
                r.found = [f for f in r.found if not (f.end and f.start < hit.end() and hit.start() < f.end)]
                r.use(*hit.span())
                return


_MANY_VALUED = ("lab", "objective", "domain")  # the fields "the same <field> as X" reads as a list of X's values
_RELATIVE_CUES = {"after_before": "after", "before_before": "before", "larger_before": "larger", "smaller_before": "smaller"}


def _next_kind(cue: re.Match, lex) -> str:
    """The comparison a "next <ranking word>" cue stands for: "smaller" (the next one down from a model) or "larger"."""
    word = (cue.groupdict().get("rank") or "").lower()
    return str(lex.data.get("next_ranked", {}).get(word, "smaller"))


def _months(cue: re.Match, lex) -> int | None:
    """The months a window cue names ("six months", "a year", "18 months"): its number in digits or a word of the
    lexicon's ``count_words`` / ``within_counts``, times twelve for years; None for a word that is no number."""
    n = cue.group("n").lower()
    count = float(n) if n.isdigit() else {**lex.data.get("count_words", {}), **lex.data.get("within_counts", {})}.get(n)
    return round(count * (12 if cue.group("unit").startswith("year") else 1)) if count else None


def _month_key(key: int, months: int) -> int:
    """A YYYYMM key moved by a number of months."""
    index = (key // 100) * 12 + key % 100 - 1 + months
    return (index // 12) * 100 + index % 12 + 1


def same_field(lex, word: str) -> str:
    """The field a "same ..." phrase names ("base model" -> parent), by the lexicon's ``same_field``."""
    word = " ".join(word.lower().split())
    return str(lex.data.get("same_field", {}).get(word, word))


# the stretch of time "the same <what> as X" names, as the first and last month keys (YYYYMM) around X's date
DATE_SPANS = {"year": lambda d: (d.year * 100 + 1, d.year * 100 + 12), "month": lambda d: (d.key, d.key)}


def compared(kind: str, e) -> tuple[str, Op, float] | None:
    """The bound a comparison with model ``e`` stands for, named or said as a pronoun: "after" / "before" its month
    (the month after or before it), "larger" / "smaller" than its largest size; None for a size the catalog lacks."""
    if kind in ("after", "before"):
        return "date", Op.GE if kind == "after" else Op.LE, _month_key(e.date.key, 1 if kind == "after" else -1)
    if e.params.max_millions:
        return "size", Op.GT if kind == "larger" else Op.LT, e.params.max_millions
    return None


def same_as(what: str, e) -> list[Constraint]:
    """The constraints "the same <what> as <e>" stands for; "after" / "before" / "larger" / "smaller": the ones a
    comparison with <e> stands for ("released after it", "bigger than it")."""
    if what in _RELATIVE_CUES.values():
        bound = compared(what, e)
        return [Constraint(facet=bound[0], op=bound[1], values=[bound[2]], via=e.id)] if bound else []
    if what == "parent":
        return [Constraint(facet="derived", op=Op.IN, values=list(e.derived_from), via=e.id)]
    if what in DATE_SPANS:
        first, last = DATE_SPANS[what](e.date)
        return [Constraint(facet="date", op=Op.GE, values=[first], via=e.id),
                Constraint(facet="date", op=Op.LE, values=[last], via=e.id)]
    if what == "size":  # "the same size as T5": a released size exactly its largest
        return [Constraint(facet="size", op=Op.EXACT, values=[e.params.max_millions], via=e.id)] if e.params.max_millions else []
    if what == "paper":  # "introduced in the same paper as Flan-T5": the models its source paper is cited for
        return [Constraint(facet="paper", op=Op.IN, values=[e.paper.arxiv_id or e.paper.title or e.paper.url], via=e.id)]
    facet, values = {"architecture": ("architecture", [e.architecture.value]), "family": ("family", [e.family]),
                     "license": ("license", [e.license_class.value]), "domain": ("domain", [d.value for d in e.domains]),
                     "objective": ("objective", [o.value for o in e.objectives]),
                     "authors": ("author", FACETS["author"].values(e))}.get(what, ("lab", list(e.org_names)))
    return [Constraint(facet=facet, op=Op.IN, values=values, via=e.id)]
