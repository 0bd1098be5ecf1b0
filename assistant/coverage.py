"""Coverage: content words of a set question that no reading used.

They are matched by meaning against the vocabulary's descriptions (the paraphraser, the only
place an encode is paid); failing that, the answer says what was not understood and offers the
closest readings, rather than answering as if the words were absent.
"""

from __future__ import annotations

from assistant import facets, scope
from assistant.lexicon import Lexicon
from assistant.paraphrase import Reading as Meaning
from assistant.parse import Parser
from assistant.query import And, Intent, Op, Quant, Query, Reason, leaves
from assistant.retrieve import select
from assistant.signals import ConceptMap
from assistant.spans import Found, Reading
from catalog import Catalog


DESCRIPTION = 3  # content words no reading used, from which on they may describe the model asked for
PREAMBLE = 24  # a leftover stretch longer than this (in words) is chatter around the readings, not a description of a value
PAIR = 0.05  # a description whose two best values are this close may describe both, half each
CLEAR = 0.1  # a reading by meaning that leads the next value by this much is clear (as assistant.describe.CLEAR)
TIE = 0.02  # readings by meaning this close to the best one are a tie the literal readings may settle
ELABORATION = 3  # unread words that may only say more of a value read right beside them ("from a written description")
GAP = 12  # characters between those words and that value's literal words, at most ("pictures from a ")
BOTH = frozenset({"objective", "trait", "domain"})  # fields where one model holds several values (not its one architecture)
DESCRIBING = frozenset({"objective", "architecture", "trait", "domain"})  # fields a description's own words may be read as


def _value(value: str):
    """A reading's value as a constraint takes it: a description that fits several values ("pulls matching pairs
    together": either contrastive objective) is read as all of them (``lexicon generic_describe``)."""
    parts = value.split("|")
    return parts if len(parts) > 1 else value


def _halves(probe: str, joint) -> tuple[str, str]:
    """The two parts of a description around its joint ("and", "as well as")."""
    return probe[:joint.start()], probe[joint.end():]


def _settled(readings: list, loose: list[Found]) -> list:
    """Readings by meaning with the one value a loose word names first, when it ties with the best ("every token goes
    to only a few experts": the experts' value, not a reading that barely beats it). A word naming several values
    ("images": vision or image generation) settles nothing."""
    named = {(f.facet, f.value) for f in loose if not isinstance(f.value, list)}
    tied = [x for x in readings if (x.facet, x.value) in named and readings and x.score >= readings[0].score - TIE]
    return [*tied[:1], *(x for x in readings if x not in tied[:1])]


BRACKETS = ("()", "（）", "[]")


# the superlative table's phrases whose words a ranking reads (its place, the variant it is judged by)
_RANKING_WORDS = ("rank", "measure", "measure_after_head", "measure_whose", "rank_bottom", "measure_params", "rank_runner_up")


def _restated(text: str, found: list[Found], loose: list[Found]) -> list[Found]:
    """Loose readings of a description that a term in brackets right after it restates: the bracket holds a firm
    reading of the same field (its own term, not a generic word), and the loose word lies in the same clause before
    the bracket opens. A bracket naming another field ("small models (encoder-decoder)") restates nothing."""
    out = []
    for g in found:
        if g.loose or g.negated or g.facet not in DESCRIBING or not g.end:
            continue
        for opening, closing in BRACKETS:
            start = text.rfind(opening, 0, g.start)
            if start < 0 or closing in text[start:g.start] or closing not in text[g.end:]:
                continue
            clause = max(text.rfind(mark, 0, start) for mark in ",;.?!，；。？！") + 1
            out += [f for f in loose if f.facet == g.facet and f.value != g.value and clause <= f.start and f.end <= start
                    and f not in out]
    return out


class Coverage:
    def __init__(self, catalog: Catalog, paraphraser, concepts: ConceptMap):
        self.catalog, self.paraphraser, self.concepts = catalog, paraphraser, concepts

    def check(self, q: Query, text: str, lex: Lexicon, r: Reading, parser: Parser) -> Query:
        """Content words nobody read, in a set question: match them by meaning, or report them."""
        if q.intent not in (Intent.LIST, Intent.COUNT) or q.models or q.group_by or q.all_models or q.within:
            return q
        phrase, words = self.leftover(text, lex, r, parser.filler)
        at = text.find(phrase)
        if not phrase or any(s <= at and at + len(phrase) <= e for s, e in r.concepts):
            return q  # nothing left, or only a concept's own name ("models that use multi-head attention"): no guess at a value
        loose = [f for f in r.found if f.loose and not f.negated and not f.weak]
        if restated := _restated(text, r.found, loose):
            # "only a small slice of the weights fires per token (MoE)": the bracket names what the description says,
            # so the description's generic words ("small") are no second value of that field
            r.found = [f for f in r.found if f not in restated]
            loose = [f for f in loose if f not in restated]
            q = q.model_copy(update={"where": parser.tree(text, r, Quant.LARGEST)})
        probe = phrase
        if loose and self.paraphraser is not None:  # read the generic word together with the unread words around it
            start, end = min(f.start for f in loose), max(f.end for f in loose)
            a, b = min(start, text.find(phrase)), max(end, text.find(phrase) + len(phrase))
            probe = text[a:b]
        # "models that never learned from rewards": read by meaning, still negated (the whole stretch read after the cue,
        # a compact phrase, not a list)
        negated = self.negated(text, lex, r, parser, text.find(probe)) and not lex.has("phrase_break", probe)
        if words >= DESCRIPTION and len(phrase.split()) <= PREAMBLE and not negated:  # may describe the model asked for: the answer checks
            q = q.model_copy(update={"described": probe})  # it against the entries' own text (assistant.describe), same vector
        if loose and self.paraphraser is not None:
            readings = self._whole(probe, lex, _settled(self.paraphraser.match(probe), loose))
            best = readings[0] if readings else None
            if best and best.score >= self.paraphraser.threshold and all((f.facet, f.value) != (best.facet, _value(best.value)) for f in loose):
                # a loose domain word right before the model noun stays ("code models that fill in the middle of a file": code
                # models, and the description read by meaning beside it)
                r.found = [f for f in r.found if f not in loose or self._headed(text, lex, f)]
                q = q.model_copy(update={"where": parser.tree(text, r, Quant.LARGEST)})
        else:
            readings = self.paraphraser.match(phrase) if self.paraphraser is not None else []
            if (self.paraphraser is not None and not negated and not q.where.items and words >= 2
                    and (whole := self._stretch(text, lex, r, phrase, parser.filler)) != phrase):
                # nothing read, and words of the description a cue took ("people ranking their answers", "specialist
                # sub-networks") cut it short: the whole stretch between the clause's edges, read by meaning, when it
                # reads more clearly than its remnant
                wider = self.paraphraser.match(whole)
                if wider and wider[0].score >= self.paraphraser.threshold and (not readings or wider[0].score > readings[0].score):
                    phrase, readings = whole, wider
                    if q.described:
                        q = q.model_copy(update={"described": whole})
            readings = self._whole(phrase, lex, readings) if self.paraphraser is not None else readings
        if not negated and (pair := self._pair(probe, text.find(probe), lex, readings, loose)):
            kept = list(r.found)
            both = self._both(q, text, r, parser, pair, loose)
            if select(self.catalog, both):  # two values no model holds together ("left to right and never looks
                return both                 # ahead": one objective said twice) are one value, read as below
            r.found = kept
        best = readings[0] if readings else None
        known = {(c.facet, str(v)) for c, _ in leaves(q.where) for v in c.values}
        if best and all((best.facet, v) in known for v in best.value.split("|")):  # more words about a constraint already read ("follow human instructions"):
            firm = any(not f.loose and f.facet == best.facet and set(best.value.split("|")) <= set(f.value if isinstance(f.value, list) else [f.value])
                       for f in r.found)  # ... read from its own term, not from a generic word ("chat", "code")
            # ... and said of it with confidence: from its own term, or from a generic term ("left to right") the meaning of
            # the whole description confirms by a clear lead, in a question for a set (one model asked for may still be
            # singled out by its description, assistant.describe)
            lead = best.score - (readings[1].score if len(readings) > 1 else 0.0)
            clear = lead >= CLEAR and not lex.has("described_one", text.lower())
            sure = (firm or clear) and best.score >= self.paraphraser.threshold
            return q.model_copy(update={"described": None}) if sure else q
        if best and best.score >= self.paraphraser.threshold and q.where.items:
            best = self._consistent(q, text, r, parser, readings)
        if best and best.score >= self.paraphraser.threshold:
            f = Found(best.facet, _value(best.value), 0, 0, Op.IN, via="paraphrase", negated=negated)
            r.found.append(f)
            where = parser.tree(text, r, Quant.LARGEST)
            concept = q.concept or (self.concepts.objective.get(best.value.split("|")[0]) if best.facet == "objective" else None)
            lead = round(best.score - (readings[1].score if len(readings) > 1 else 0.0), 4)
            matched = q.model_copy(update={"where": where, "concept": concept, "meaning_lead": lead})
            if q.where.items and not select(self.catalog, matched):
                # ... also when the literal readings alone hold no model ("among the newer ones ... a reward model and
                # reinforcement learning": no addition is in the RL domain, the RL words end the description of RLHF)
                within = self._within(q, text, lex, r, parser, phrase, f)
                if within is not q or select(self.catalog, q):
                    return within
            return matched
        if (loose and len(loose) == len([f for f in r.found if not f.weak]) and (not best or best.score < self.paraphraser.threshold)
                and not any(c.facet == "model" for c, _ in leaves(q.where))):  # (a set named to choose from is read)
            return q.model_copy(update={"where": And()})  # only generic words were read: an open question for retrieval
        if words >= 2 and (q.constrained() or not q.described) and (longer := self._longer(q, text, lex, r, parser, phrase, known, negated, refine=q.constrained())) is not None:
            return longer  # nothing read at all ("llms where every layer attends to only the latest tokens"), or a refinement
        if not negated and (not q.constrained() or not best or best.score < self.paraphraser.near or words < 2
                            or len(phrase.split()) > PREAMBLE):
            return q  # words about nothing the catalog records (or a chatty preamble); an open question goes to retrieval
        if q.constrained() and (longer := self._longer(q, text, lex, r, parser, phrase, known, negated)) is not None:
            return longer
        if not negated and q.constrained() and self._elaborates(text, lex, r, phrase, known):
            return q.model_copy(update={"described": None})
        closest = [f"{facets.FACETS[x.facet].label} = {' or '.join(facets.FACETS[x.facet].value_name(v) for v in x.value.split('|'))}"
                   for x in readings[:3]]
        return q.model_copy(update={"unparsed": [phrase], "closest": closest, "reason": Reason.NOT_UNDERSTOOD})

    def _longer(self, q: Query, text: str, lex: Lexicon, r: Reading, parser: Parser, phrase: str, known: set,
                negated: bool, refine: bool = False) -> Query | None:
        """Words about to be reported as not understood, read again in a longer stretch: cue words inside a description
        ("attend only over a window of the most recent tokens": a date word, the corpus's "tokens") cut it short, so
        the description runs on to the next reading; or a word of it was read literally as a broader value ("turn
        recorded speech into text": the speech domain), so the whole clause is read, and its reading by meaning (a
        narrower value, not one already read) is added beside the literal one. None when neither reads clearly."""
        if self.paraphraser is None:
            return None
        for longer in dict.fromkeys((self._clause(text, r, phrase), self._wide(text, lex, phrase))):
            if longer == phrase:
                continue
            readings = self.paraphraser.match(longer)
            best = next(iter(readings), None)
            if refine:  # only a narrower value of what the clause's own words were read as ("speech" -> speech recognition)
                at = text.find(longer)
                inside = {(f.facet, str(f.value)) for f in r.found if f.end and at <= f.start and f.end <= at + len(longer)
                          and f.facet in DESCRIBING and not f.negated}
                if not inside or not inside & {(x.facet, x.value) for x in readings[1:3]}:
                    continue
            if best and best.score >= self.paraphraser.threshold and not all((best.facet, v) in known for v in best.value.split("|")):
                # negated when the cue comes before the whole stretch ("plain next-word prediction with no fine-tuning
                # tricks": the plain prediction is positive; the cue governs only the words after it)
                f = Found(best.facet, _value(best.value), 0, 0, Op.IN, via="paraphrase",
                          negated=negated and self.negated(text, lex, r, parser, text.find(longer)))
                r.found.append(f)
                concept = q.concept or (self.concepts.objective.get(best.value.split("|")[0]) if best.facet == "objective" else None)
                read = q.model_copy(update={"where": parser.tree(text, r, Quant.LARGEST), "concept": concept})
                if not q.where.items or (narrow := select(self.catalog, read)) and len(narrow) < len(select(self.catalog, q)):
                    return read  # beside literal readings, it narrows what they read, and some model holds them all
                r.found.remove(f)
        return None

    @staticmethod
    def _headed(text: str, lex: Lexicon, f: Found) -> bool:
        """A loose domain word said as the kind of model: the model noun right after it ("code models", "chat LLMs")."""
        return f.facet == "domain" and isinstance(f.value, str) and f.value not in lex.data.get("skip_domain_alone", []) \
            and text[f.start:f.end].lower() not in lex.data.get("loose_unheaded", []) \
            and bool(lex.first("loose_head", text[f.end:f.end + 24].lower()))

    def _elaborates(self, text: str, lex: Lexicon, r: Reading, phrase: str, known: set) -> bool:
        """A few unread words that only say more of a value read literally right beside them ("draw pictures from a
        written description": the written description is what image generation starts from): the clause they are in,
        read by meaning with its literal words, is that same value. Never more than a couple of words: a longer
        stretch is a description of its own."""
        if self.paraphraser is None or len(phrase.split()) > ELABORATION:
            return False
        at, end = text.find(phrase), text.find(phrase) + len(phrase)
        beside = [f for f in r.found if f.end and f.facet in DESCRIBING and not f.negated
                  and (0 <= at - f.end <= GAP or 0 <= f.start - end <= GAP)]
        if not beside:
            return False
        wide = text[min(at, *(f.start for f in beside)):max(end, *(f.end for f in beside))]
        best = next(iter(self.paraphraser.match(wide)), None)
        return bool(best and best.score >= self.paraphraser.threshold and all((best.facet, v) in known for v in best.value.split("|"))
                    and any((f.facet, str(f.value)) == (best.facet, best.value) for f in beside))

    @staticmethod
    def _clause(text: str, r: Reading, phrase: str) -> str:
        """The unread phrase, extended to the right over words only cues used, up to the next reading or the end."""
        at = text.find(phrase)
        end = at + len(phrase)
        stop = min([f.start for f in r.found if f.end and f.start >= end] + [len(text)])
        return text[at:stop].rstrip(" ?.!,;:")

    @staticmethod
    def _stretch(text: str, lex: Lexicon, r: Reading, phrase: str, filler: frozenset) -> str:
        """The unread phrase widened over the words around it that no reading used, up to the clause breaks, commas,
        the readings, the fields asked for and the negation cues on either side ("models that learn from people ranking their answers": from
        "learn" on, though "ranking" is a cue word); the phrase itself when the widening adds no content word a cue took
        (stopwords and filler words only)."""
        at = text.find(phrase)
        end = at + len(phrase)
        taken = [(f.start, f.end) for f in r.found if f.end]
        walls = [m.span() for m in lex.find("clause_break", text)] + taken + [m.span() for m in scope.cues(lex, text, taken)]
        walls += [(i, i + 1) for i, ch in enumerate(text) if ch in ",;"]
        walls += [m.span() for _, p in lex.patterns("attributes", text) for m in p.finditer(text)]  # a field asked ("what licence")
        left = max([e for s, e in walls if e <= at] + [0])
        right = min([s for s, e in walls if s >= end] + [len(text)])
        if any(s < end and at < e and not (s >= at and e <= end) for s, e in taken):
            return phrase
        skip = lex.stopwords | filler
        added = [w for w, s, e in lex.tokenize(text) if (left <= s < at or end <= s < right) and w.replace("-", "").isalpha() and len(w) >= 3
                 and w.lower() not in skip]
        return text[left:right].strip(" ?.!,;:()") if added else phrase

    @staticmethod
    def _wide(text: str, lex: Lexicon, phrase: str) -> str:
        """The clause that holds the unread phrase, readings and all (between the clause breaks around it)."""
        at = text.find(phrase)
        end = at + len(phrase)
        breaks = list(lex.find("clause_break", text))
        left = max([m.end() for m in breaks if m.end() <= at] + [0])
        right = min([m.start() for m in breaks if m.start() >= end] + [len(text)])
        return text[left:right].strip(" ?.!,;:")

    def negated(self, text: str, lex: Lexicon, r: Reading, parser: Parser, at: int) -> bool:
        """Whether the unread words from ``at`` on are what a negation cue governs, a cue that governs no reading ("models
        from 2021 that do not use a <words nobody read> objective"): their reading by meaning is negated, and words that
        read as nothing are reported, never answered as if the negation were not there."""
        if at < 0:
            return False
        taken = [(f.start, f.end) for f in r.found if f.end]
        return any(c.end() <= at and not any(s <= c.start() < e for s, e in r.used)
                   and scope.governs(lex, text, c.end(), at, parser.filler) for c in scope.cues(lex, text, taken))

    def _pair(self, probe: str, at: int, lex: Lexicon, readings: list, loose: list[Found]) -> list | None:
        """A description of two values joined by a conjunction ("tuned to follow instructions and taught by imitating
        a stronger teacher"): the whole reads as its two best values and each half clearly as one of them, by meaning
        or by a generic word of it read literally ("instructions"); by meaning alone, the two must nearly tie."""
        if len(readings) < 2 or min(x.score for x in readings[:2]) < self.paraphraser.threshold or not (
                joint := lex.first("description_and", probe)):
            return None
        top = {(x.facet, x.value): x for x in readings[:2]}
        read, literal = [], False
        for (s, e), half in zip(((0, joint.start()), (joint.end(), len(probe))), _halves(probe, joint)):
            if sum(1 for w in half.split() if len(w) >= 3 and w.isalpha()) < 2:
                return None
            named = [top[(f.facet, f.value)] for f in loose if at + s <= f.start and f.end <= at + e
                     and isinstance(f.value, str) and (f.facet, f.value) in top]
            literal |= bool(named)
            read.append(named[0] if named else None)
        if read.count(None) != 1:  # one half named by a word of its own, the other the whole's other value: no encode
            return None
        read = [x if x is not None else next(y for k, y in top.items() if y not in read) for x in read]
        two = len({(x.facet, x.value) for x in read}) == 2 and all(x.facet in BOTH for x in read)
        return read if two and (literal or readings[0].score - readings[1].score <= PAIR) else None

    def _whole(self, probe: str, lex: Lexicon, readings: list) -> list:
        """Readings by meaning with first the value a description names by its parts (lexicon ``described_parts``): a
        description of two halves around a joint, each read clearly as a different value of the field the whole is read
        as, one of them a part of that value and the other a part or the value itself ("a part that reads the whole input
        plus a separate part that writes the output": the reader and the writer make the encoder-decoder, though the
        whole reads closest to the reader alone). The readings as they were otherwise."""
        table = lex.data.get("described_parts", {})
        facet = next((x.facet for x in readings[:3] if x.facet in table), None)
        if facet is None or not (joint := lex.first("description_and", probe)):
            return readings
        halves = [h for h in _halves(probe, joint) if sum(1 for w in h.split() if len(w) >= 3 and w.isalpha()) >= 2]
        read = [next(iter(self.paraphraser.match(h, k=1))) for h in halves] if len(halves) == 2 else []
        if not read or any(x.facet != facet or x.score < self.paraphraser.threshold for x in read):
            return readings
        said = {x.value for x in read}
        whole = next((w for w, parts in table[facet].items() if len(said) == 2 and said <= {*parts, w} and said & set(parts)), None)
        if whole is None:
            return readings
        return [Meaning(facet, whole, min(x.score for x in read)), *(x for x in readings if (x.facet, x.value) != (facet, whole))]

    def _both(self, q: Query, text: str, r: Reading, parser: Parser, pair: list, loose: list[Found]) -> Query:
        """Both values of a two-part description, replacing generic words read as another value."""
        values = {(x.facet, _value(x.value) if isinstance(_value(x.value), str) else tuple(_value(x.value))) for x in pair}
        r.found = [f for f in r.found if f not in loose or (f.facet, f.value if isinstance(f.value, str) else tuple(f.value)) in values]
        have = {(f.facet, f.value) for f in r.found if isinstance(f.value, str)}
        r.found += [Found(x.facet, _value(x.value), 0, 0, Op.IN, via="paraphrase") for x in pair if (x.facet, x.value) not in have]
        return q.model_copy(update={"where": parser.tree(text, r, Quant.LARGEST), "described": None})

    def _consistent(self, q: Query, text: str, r: Reading, parser: Parser, readings: list):
        """Among readings by meaning that tie with the best ("take pictures as input": image generation, vision,
        multimodal), the first that some model shares with the literal readings ("chat assistants"); the best
        when none does."""
        for x in readings:
            if x.score < readings[0].score - TIE:
                break
            trial = Reading(found=[*r.found, Found(x.facet, _value(x.value), 0, 0, Op.IN, via="paraphrase")])
            if select(self.catalog, q.model_copy(update={"where": parser.tree(text, trial, Quant.LARGEST)})):
                return x
        return readings[0]

    def _within(self, q: Query, text: str, lex: Lexicon, r: Reading, parser: Parser, phrase: str, meaning: Found) -> Query:
        """A reading by meaning that no model shares with the literal readings: the words only elaborate what was
        read ("images from written prompts"), unless a literal reading of a describing field lies inside the
        described stretch itself ("removing whole sentences and having the decoder write them back": the decoder
        is a word of the description, gap-sentence generation its reading) or, read as another field, right after a
        description of three words or more ("a reward model steering RL": RL ends the description of RLHF, it is
        not the RL application domain)."""
        start, end = text.find(phrase), text.find(phrase) + len(phrase)
        described = sum(1 for w in phrase.split() if len(w) >= 3 and w.isalpha()) >= DESCRIPTION

        def edge(f: Found) -> bool:  # a word read as another field right after a description, past small words only
            return (described and f.facet != meaning.facet and end <= f.start
                    and all(w.lower() in lex.stopwords for w in text[end:f.start].split()))
        inside = [f for f in r.found if f.facet in DESCRIBING and f.via is None and f.end
                  and (start <= f.start and f.end <= end or edge(f))]
        if not inside:
            return q
        r.found = [f for f in r.found if f not in inside]
        read = q.model_copy(update={"where": parser.tree(text, r, Quant.LARGEST)})
        if not select(self.catalog, read):
            r.found = [*[f for f in r.found if f is not meaning], *inside]
            return q
        return read

    def foreign(self, q: Query, text: str, lex: Lexicon, r: Reading, filler: frozenset) -> bool:
        """A question about something else that happens to use a word of the vocabulary ("what's the best programming
        language for beginners?", "what does DNA stand for?", "which country has the largest population?"): it reads
        only as application areas or as a bare ranking, no word of it is about models (``model_anchor``), and words
        of its own are left over, in a sentence (four words at least)."""
        if (q.intent not in (Intent.LIST, Intent.COUNT) or q.models or q.unknown_names or q.exclude or q.relations
                or q.lookup or q.group_by or q.all_models or q.reason is not Reason.NONE):
            return False
        fields = {c.facet for c, _ in leaves(q.where)}
        if not fields <= {"domain"} or not (fields or q.superlative) or lex.has("model_anchor", text):
            return False
        return len(text.split()) >= 4 and self.leftover(text, lex, r, filler)[1] >= 1  # "best for math?" may be elliptic

    def leftover(self, text: str, lex: Lexicon, r: Reading, filler: frozenset) -> tuple[str, int]:
        """The stretch of text holding content words that no reading used ("" when none), and
        how many such words it holds."""
        used = list(r.used)
        anchors = frozenset({"negation_filler", *lex.data.get("anchor_cues", [])})  # cues that only locate a phrase read elsewhere
        used += lex.cue_spans(text, anchors)
        used += [m.span() for _, p in lex.patterns("attributes", text) for m in p.finditer(text)]
        # the words of a ranking's place and of the variant it is judged by ("the second smallest, judged by its largest
        # version"): read by the ranking, no description
        low = text.lower()
        table = lex.data.get("superlative", {})
        used += [m.span() for key in _RANKING_WORDS if key in table for m in lex.pattern("superlative", key).finditer(low)]
        skip = lex.stopwords | filler
        read = {f.facet for f in r.found if not f.weak} | {"license" for f in r.found if f.facet == "license_name"}
        # a value's own elaboration too ("trait/sliding-window-attention": how the attention pattern is said)
        read |= {f"{f.facet}/{v}" for f in r.found if not f.weak for v in (f.value if isinstance(f.value, list) else [f.value])}
        skip |= {w for facet in read for w in lex.data.get("topic_words", {}).get(facet, [])}  # elaboration of a read facet
        named = {w for facet in read for w in lex.data["field_names"].get(facet, []) if " " not in w}
        if named and not any(f.loose for f in r.found):  # a read field by its name, and a word for its value's label
            # ("a vision domain tag"); beside a generic word the meaning matcher reads them together ("image domain")
            skip |= named | set(lex.data.get("field_label_words", []))
        content = [(s, e) for w, s, e in lex.tokenize(text)
                   if w.isalpha() and len(w) >= 3 and w.lower() not in skip and not any(a <= s < b for a, b in used)]
        if not content:
            return "", 0
        return text[content[0][0]:content[-1][1]], len(content)
