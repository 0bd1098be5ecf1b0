"""The Assistant: understand -> resolve follow-ups -> retrieve -> compose, one Answer per turn.

Structured questions (filters, facts, citations, counts) never touch the embedding model;
only open questions and out-of-scope checks run the hybrid search.
"""

from __future__ import annotations

import re
import threading
from typing import Callable

from pydantic import BaseModel, ConfigDict, Field

from assistant import beyond, describe
from assistant.answer import Answer, RetrievedDoc
from assistant.compose import abstain, md_escape
from assistant.language import Language, detect
from assistant.keypoints import answer_from_notes
from assistant.lexicon import lexicon
from assistant.paraphrase import Paraphraser
from assistant.phrasing import PhrasingSettings, rephrase
from assistant.query import Intent, Query, Reason, leaves
from assistant.reading import reading
from assistant.respond import (
    answer_citation,
    answer_concept,
    answer_fact,
    answer_lineage,
    answer_list,
    answer_not_understood,
    answer_search,
    answer_unrecorded,
)
from assistant.retrieve import also_sized, select
from assistant.session import Session, ranked_claim, resolve
from assistant.tally import answer_compare, answer_concepts, answer_count, group_whole, share_whole
from assistant.understand import Understander
from catalog import Catalog
from index.documents import DocKind


_TOGETHER = "vision-language"  # images and text read together ("能同时看图又能处理文字")
_TOGETHER_PARTS = frozenset({"vision", "text", _TOGETHER})
# a Chinese question about something else: its only readings are of these fields (an incidental word: 数学, Python), or a
# bare ranking (最近 "lately" read as "newest"), and this many characters of its own are left unread
_FOREIGN_FIELDS = frozenset({"domain", "corpus"})
_FOREIGN_UNREAD = 3


def _together(q: Query) -> Query:
    """A description of images and text handled together, read as vision-language, is not also "vision or
    text": the parts the description names beside it ("看图", "处理文字") are that one domain's parts."""
    items = [c.model_copy(update={"values": [_TOGETHER]})
             if getattr(c, "facet", None) == "domain" and _TOGETHER in c.values and set(c.values) <= _TOGETHER_PARTS else c
             for c in q.where.items]
    return q.model_copy(update={"where": q.where.model_copy(update={"items": items})})



def _foreign(q: Query, reading) -> bool:
    """A Chinese question about something else that happens to use a word of the vocabulary ("小学数学应用题怎么教",
    "最近总是头疼怎么办", "适合打游戏的显示器"): as the English coverage check (``Coverage.foreign``) has it, it reads only
    as a domain or corpus value or as a bare ranking, no word of its gloss is about models (``model_anchor``) or asks
    for a set (``list_words``), and words of its own are left unread."""
    if (q.intent not in (Intent.LIST, Intent.COUNT) or q.models or q.unknown_names or q.exclude or q.relations or q.lookup
            or q.group_by or q.all_models or q.concept or q.reason is not Reason.NONE):
        return False
    fields = {c.facet for c, _ in leaves(q.where)}
    gloss, en = reading.gloss.lower(), lexicon("en")
    if not fields <= _FOREIGN_FIELDS or not (fields or q.superlative) or en.has("model_anchor", gloss) or en.has("list_words", gloss):
        return False
    return sum(len(w.strip()) for w in reading.unread) >= _FOREIGN_UNREAD

class AssistantSettings(BaseModel):
    """How the assistant decides and how much it shows."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    min_relevance: float = Field(0.42, ge=-1, le=1, description="Dense cosine below which an open question is abstained on")
    open_top_k: int = Field(5, ge=1, le=20, description="Models shown for an open question")
    retrieved_k: int = Field(10, ge=1, le=50, description="Documents reported in 'retrieved'")


class Assistant:
    """Answers questions from a catalog, with an optional search index for open questions."""

    def __init__(self, catalog: Catalog, search=None, settings: AssistantSettings | None = None,
                 search_factory: Callable[[], object] | None = None, phrasing: PhrasingSettings | None = None):
        self.catalog = catalog
        self.settings = settings or AssistantSettings()
        self.phrasing = phrasing or PhrasingSettings()
        self._search = search
        self._search_factory = search_factory
        self._search_lock = threading.Lock()
        self.understander = Understander(catalog, Paraphraser(lexicon("en"), self._encode))
        self._chinese = None
        self._chinese_lock = threading.Lock()

    def _encode(self, texts):
        """The embedder of the search index (loaded on first use); unavailable without an index.
        One text goes through the embedder's per-process query cache: the paraphrase matcher
        encodes the same unread phrase every time a question is asked again."""
        index = self.search
        if index is None:
            raise LookupError("no embedder")
        texts = list(texts)
        one = getattr(index.embedder, "encode_query", None)
        if len(texts) == 1 and one is not None:
            return one(texts[0])[None, :]
        return index.embedder.encode(texts)

    @property
    def chinese(self):
        """The Chinese reader, built on the first Chinese question (it loads jieba and OpenCC)."""
        if self._chinese is None:
            with self._chinese_lock:
                if self._chinese is None:
                    from assistant.chinese import ChineseReader
                    from catalog.translations import concept_texts

                    names = [n for e in self.catalog.models.values() for n in (e.name, *e.aliases)]
                    concepts = {t.title: cid.replace("-", " ") for cid, t in concept_texts("zh").items()
                                if cid in self.catalog.concepts}
                    self._chinese = ChineseReader(names, concepts=concepts, meaning=self.understander.paraphraser)
        return self._chinese

    @property
    def search(self):
        """The hybrid search index, built on first use when a factory was given."""
        if self._search is None and self._search_factory is not None:
            with self._search_lock:  # concurrent first questions build it once
                if self._search is None:
                    self._search = self._search_factory()
        return self._search

    def ask(self, question: str, session: Session | None = None) -> Answer:
        session = session if session is not None else Session()
        query = self._understand(question)
        if query is None:  # a language the assistant does not read
            return abstain(self.catalog, lexicon("en").say("other_language"), intent=Intent.OUT_OF_SCOPE)
        resolved = resolve(query, session, self._concept_filter, self._relate, self._concepts_of, self._pick)
        resolved = ranked_claim(resolved) if not isinstance(resolved, str) else resolved
        if isinstance(resolved, str):
            answer = abstain(self.catalog, resolved, intent=Intent.CLARIFY, clarification=True)
            session.remember(query, [], True)
            return self._stated(answer, query)
        identified = self._identified(resolved)
        if identified:
            resolved = identified[0]
        answer = beyond.mark_named(self.catalog, identified[1] if identified else self._answer(resolved), resolved.language)
        if self.phrasing.enabled and not answer.abstained:
            names = [self.catalog.models[m].name for m in answer.models]
            text = rephrase(answer.text, names, self.phrasing)
            if text != answer.text:
                answer = Answer.model_validate({**answer.model_dump(), "text": text}, context={"catalog": self.catalog})
        session.remember(resolved, answer.models, answer.abstained,
                         concept=resolved.concept if answer.intent is Intent.CONCEPT else None)
        return self._stated(answer, resolved)

    def _understand(self, question: str) -> Query | None:
        """The typed query of a question in English or Chinese; None for another language.

        A Chinese question is glossed into the English lexicon's cue terms and parsed once, so it
        compiles to the same typed query; the query keeps ``language="zh"`` for the answer.
        """
        language = detect(question)
        if language is Language.OTHER:
            return None
        query = self._understand_in(question, language)
        if query.yes_no and query.intent is not Intent.OUT_OF_SCOPE and lexicon(query.language).has("modal_asked", question):
            query = query.model_copy(update={"modal_asked": True})  # "can CLIP draw?", "CLIP 能画图吗": an ability asked
        return query

    def _understand_in(self, question: str, language) -> Query:
        if language is not Language.ZH:
            return self.understander.understand(question)
        reading = self.chinese.read(question)
        query = self.understander.understand(reading.gloss, glossed=True)
        if reading.examples and {u.lower() for u in query.unknown_names} & {e.strip().lower() for e in reading.examples}:
            query = self.understander.understand(reading.plain_gloss, glossed=True)  # "Mamba那种状态空间层": an example, not a model asked about
        query = query.model_copy(update={"language": "zh"})
        nothing_read = not re.search(r"[A-Za-z0-9]", reading.gloss) and reading.unread
        # ... or only a year read, beside words nobody read and no word about models ("2023 年 NBA 总冠军是哪个队"): the year
        # dates something outside the catalog
        nothing_read = nothing_read or bool(reading.unread and query.where.items and not query.models
                                            and all(c.facet == "date" for c, _ in leaves(query.where))
                                            and not any(lexicon("en").has(c, reading.gloss.lower()) for c in ("on_topic", "dated_topic")))
        # an off-topic task reads as off-topic unless it names a model, a concept, or constrains a set the
        # question calls models ("用 Python 实现二分查找" is a task; "能写诗的模型" asks for models)
        about_models = query.constrained() and lexicon("en").has("on_topic", reading.gloss.lower())
        concept = query.concept and query.concept not in self.chinese.ambiguous_concepts
        # running a model oneself is no catalog question, but whether its licence lets one ("打算部署 Gopher，权重可以下载吗")
        # is one: the licence asked of a named model keeps the question
        licence_asked = bool(query.models) and "license" in query.attributes
        if ((reading.off_topic or nothing_read) and not (query.models or concept or about_models)
                or reading.usage and not (about_models or licence_asked) or _foreign(query, reading)):
            return query.model_copy(update={"intent": Intent.OUT_OF_SCOPE, "reason": Reason.OFF_TOPIC})
        if reading.unknown_names:  # a catalog name inside an unknown one ("华夏GPT-300B") is not the model asked about
            inside = {m for m in query.models if any(self.catalog.models[m].name.lower() in u.lower() for u in reading.unknown_names)}
            return query.model_copy(update={"unknown_names": [*query.unknown_names, *reading.unknown_names],
                                            "models": [m for m in query.models if m not in inside],
                                            "premises": [p for p in query.premises if p.model not in inside]})
        if any(f == "domain" and v == _TOGETHER for f, v, _ in reading.described):
            query = _together(query)
        return self._zh_coverage(query, reading)

    def _zh_coverage(self, q: Query, reading) -> Query:
        """A set question whose unread words matched a few cues of a value, too few to read it:
        say what was not understood and the closest readings, never answer as if it were absent."""
        if (not reading.near or reading.described or q.intent not in (Intent.LIST, Intent.COUNT) or q.models
                or q.group_by or q.all_models or q.reason is not Reason.NONE):
            return q
        from assistant.query import Constraint
        from assistant.reading import describe

        closest = [describe(Constraint(facet=f, values=[v]), self.catalog, "zh") for f, v, _ in reading.near]
        return q.model_copy(update={"unparsed": [w for _, _, w in reading.near], "closest": closest,
                                    "reason": Reason.NOT_UNDERSTOOD})

    def answer_query(self, query: Query, session: Session | None = None) -> Answer:
        """Answer an already typed query (a reading with a constraint removed, say), stating it;
        the session remembers it like an asked question."""
        answer = self._answer(query)
        if session is not None:
            session.remember(query, answer.models, answer.abstained,
                             concept=query.concept if answer.intent is Intent.CONCEPT else None)
        return self._stated(answer, query)

    def _stated(self, answer: Answer, q: Query) -> Answer:
        """The answer with its reading: one line in the text (before the sources) and the typed query."""
        line = lexicon(q.language).say("read_as", reading=reading(q, self.catalog))
        text = answer.text
        cut = text.find("\n\n" + lexicon(q.language).say("sources"))
        text = f"{text[:cut]}\n\n{line}{text[cut:]}" if cut >= 0 else f"{text}\n\n{line}"
        data = {**answer.model_dump(), "text": text, "query": q.model_dump(mode="json"), "language": q.language}
        return Answer.model_validate(data, context={"catalog": self.catalog})

    def _relate(self, what: str, model_id: str):
        from assistant.relations import same_as

        return same_as(what, self.catalog.models[model_id])

    def _pick(self, words: str, ids: list[str]) -> tuple[list[str], set[str]]:
        """The models among ``ids`` that the words describe ("the vision one": its domain), and the facets they name; a
        comparative ("newer", "bigger": the lexicon's ``comparative_rank``) picks the first of them by that measure."""
        from assistant.retrieve import holds, superlative
        from assistant.signals import comparative_ranking

        word = words.strip().lower()  # the words are the comparative alone ("the newer one"), not a description with one
        if word in lexicon("en").data.get("comparative_rank", {}) and (ranked := comparative_ranking(word, lexicon("en"))):
            entries = [self.catalog.models[m] for m in ids if m in self.catalog.models]
            return [e.id for e in superlative(entries, ranked.model_copy(update={"measure": "largest"}))], \
                {"size" if ranked.field == "params" else "date"}

        q = self.understander.understand(f"{words} models")
        if q.models or not q.where.items:
            return [], set()
        return [m for m in ids if m in self.catalog.models and holds(self.catalog.models[m], q.where)], \
            {c.facet for c, _ in leaves(q.where)}

    def _concepts_of(self, facet: str, model_id: str) -> list[str]:
        """The concepts that explain a model's objectives or architecture ("explain that objective")."""
        e = self.catalog.models.get(model_id)
        if e is None:
            return []
        return self.understander.concepts.for_model(e, facet)

    def _concept_filter(self, concept_id: str) -> dict | None:
        """Filter fields that select the models a concept is about."""
        c = self.catalog.concepts.get(concept_id)
        if c is None:
            return None
        from assistant.query import Constraint

        if c.objective:
            return {"where": Constraint(facet="objective", values=[c.objective.value])}
        if c.architecture:
            return {"where": Constraint(facet="architecture", values=[c.architecture.value])}
        return {"within": list(c.related_models)} if c.related_models else None

    # -- dispatch -----------------------------------------------------------------------------
    def _identified(self, q: Query) -> tuple[Query, Answer] | None:
        """A question that describes its model in words no field holds, answered by the model the entries'
        own text identifies (``assistant.describe``); None when the typed reading stands."""
        if not q.described:
            return None
        found = describe.resolve(self.catalog, self.search, q)
        return (found[0], describe.answer_described(self.catalog, *found)) if found else None

    def _answer(self, q: Query) -> Answer:
        if q.intent is Intent.OUT_OF_SCOPE or q.unknown_names:
            return self._out_of_scope(q)
        if q.reason is Reason.UNSUPPORTED:
            return answer_from_notes(self.catalog, q) or answer_unrecorded(self.catalog, q)
        if q.reason is Reason.NOT_UNDERSTOOD:
            return answer_not_understood(self.catalog, q)
        if q.intent is Intent.CONCEPT and q.concept:
            return answer_concepts(self.catalog, q) if q.other_concepts else self._concept(q)
        entries = [self.catalog.models[m] for m in q.models]
        if q.intent is Intent.CITATION and (entries or q.lookup):
            return answer_citation(self.catalog, q, entries)
        if q.intent is Intent.COMPARE and len(entries) >= 2:
            return answer_compare(self.catalog, q, entries)
        if q.intent is Intent.LINEAGE:
            if q.constrained() and not q.models:
                return self._split(answer_lineage, q, select(self.catalog, q))
            return answer_lineage(self.catalog, q, entries)
        if q.intent is Intent.COUNT:
            matched = select(self.catalog, q)
            return self._split(answer_count, q, matched, self._sized(q, matched))
        if q.all_models and q.intent is Intent.LIST:
            return self._split(answer_list, q, list(self.catalog.models.values()))
        if entries:
            return answer_fact(self.catalog, q, entries)
        if q.constrained() or q.within is not None:
            matched = select(self.catalog, q)
            if q.superlative:
                return self._split(answer_count, q, matched)
            also = self._sized(q, matched)
            if (q.intent is Intent.FACT or q.attributes) and len(matched) == 1 and not also and not q.winner_kin:
                return answer_fact(self.catalog, q.model_copy(update={"intent": Intent.FACT, "models": [matched[0].id]}), matched)
            answer = self._split(answer_list, q, matched, also)
            if q.exists_asked:  # "is there a model from Apple?": whether any matches, then the list
                # (the models matched, or admitted by any released size: a "no" may name the ones left out, to say why)
                said = lexicon(q.language).say("exists_yes" if matched or also else "exists_no")
                answer = answer.model_copy(update={"text": f"{said}{'' if q.language == 'zh' else ' '}{answer.text}"})
            return answer
        if q.superlative:
            return self._split(answer_count, q, list(self.catalog.models.values()))
        if q.concept:
            return self._concept(q)
        return self._open(q)

    def _sized(self, q: Query, matched) -> list:
        """The models the second reading of a plain size bound adds ("models under 100M": those one of whose other
        released sizes is in range, after those whose largest size is); none for a ranking or a breakdown."""
        return [] if q.superlative or q.group_by else also_sized(self.catalog, q, matched)

    def _split(self, compose, q: Query, entries, also=()) -> Answer:
        """A set answer: the paper's entries first, the additions beyond the paper apart (assistant/beyond.py);
        one list when the question itself asks for one part ("models added since the paper"), and one ranking for
        a superlative. ``also`` (``_sized``) is given to ``compose`` beside the part's entries."""
        if q.superlative or q.check_op is not None:
            # one ranking over every model loaded: "the newest model" has one answer; an addition says so; so has a
            # count checked against a number ("is there more than one Anthropic model?")
            return beyond.mark_beyond(self.catalog, compose(self.catalog, q, entries), q.language)

        def part(es, more):
            return compose(self.catalog, q, es, more) if more else compose(self.catalog, q, es)

        if any(c.facet == "catalog" for c, _ in leaves(q.where)):  # "... that aren't in the original paper" too
            return part(entries, also)
        answer = beyond.split_answer(self.catalog, part, entries, q.language, also)
        # a share whose base spans both parts is also said once over the whole catalog; a claim about that share
        # ("are all of Microsoft's models sized?") is answered over the whole catalog first, then part by part
        if lead := group_whole(self.catalog, q, list(entries)):  # "who built more, Google or OpenAI?": the whole catalog first
            return answer.model_copy(update={"text": f"{lead}\n\n{answer.text}"})
        whole = share_whole(self.catalog, q, list(entries))
        if whole and q.share_check_op is not None:
            return answer.model_copy(update={"text": f"{whole}\n\n{answer.text}"})
        return beyond.add_line(self.catalog, answer, whole, q.language)

    def _concept(self, q: Query) -> Answer:
        c = self.catalog.concepts[q.concept]
        users = ([e for e in self.catalog.models.values() if c.objective in e.objectives] if c.objective
                 else [self.catalog.models[m] for m in c.related_models if m in self.catalog.models])
        label = lexicon(q.language).say("beyond_users" if c.objective else "beyond_examples")
        return beyond.concept_answer(self.catalog, lambda cat: answer_concept(cat, q), users, label, q.language)

    def _say(self, language: str, key: str, **values) -> str:
        """A fixed sentence; its help text mentions the additions when the catalog holds them."""
        lex = lexicon(language)
        if self.catalog.beyond_ids and "help" not in values:
            values["help"] = lex.say("help_beyond", added=len(self.catalog.beyond_ids))
        return lex.say(key, **values)

    def _open(self, q: Query) -> Answer:
        """No typed field applies: rank by meaning, answer only above the relevance threshold."""
        index = self.search
        if index is None:
            return abstain(self.catalog, self._say(q.language, "no_index"))
        hits = index.hybrid(q.text, k=self.settings.retrieved_k)
        retrieved = [RetrievedDoc(doc_id=h.doc_id, model=h.model_id, score=round(h.score, 6)) for h in hits]
        best = max((h.dense for h in hits if h.dense is not None), default=-1.0)
        if best < self.settings.min_relevance:
            return abstain(self.catalog, self._say(q.language, "not_covered"), retrieved=retrieved)
        concept_hits = [h for h in hits[:3] if h.kind is DocKind.CONCEPT and h.dense is not None and h.dense >= best - 0.02]
        if concept_hits and concept_hits[0].rank == 1:
            return self._concept(q.model_copy(update={"concept": concept_hits[0].doc_id.split("/", 1)[1]}))
        models: list[tuple[str, float]] = []
        for h in hits:
            if h.model_id and h.model_id not in dict(models) and (h.dense or 0) >= self.settings.min_relevance:
                models.append((h.model_id, h.score))
        if not models:
            return abstain(self.catalog, self._say(q.language, "not_covered"), retrieved=retrieved)
        paper, added = beyond.ranked_split(self.catalog, models, self.settings.open_top_k)
        ranked = dict((*paper, *added))
        return beyond.split_answer(self.catalog, lambda es, _: answer_search(self.catalog, q, [(e.id, ranked[e.id]) for e in es],
                                                                          retrieved), [self.catalog.models[m] for m in ranked],
                                   q.language)

    def _out_of_scope(self, q: Query) -> Answer:
        key = {Reason.EMPTY: "empty", Reason.THANKS: "thanks", Reason.GREETING: "greeting", Reason.TOO_LONG: "too_long",
               Reason.INSTRUCTION: "instruction"}.get(q.reason)
        if key:
            return abstain(self.catalog, self._say(q.language, key))
        if q.unknown_names:
            names = ", ".join(md_escape(n) for n in q.unknown_names)
            return abstain(self.catalog, self._say(q.language, "unknown_model_one" if len(q.unknown_names) == 1 else "unknown_model_many", names=names))
        return abstain(self.catalog, self._say(q.language, "out_of_scope"))
