"""Reading a Chinese question: normalise, segment, and gloss it into the parser's cue terms.

``ChineseReader.read`` turns "除了谷歌以外的编码器-解码器模型" into the canonical question
"except Google encoder-decoder models": traditional characters become simplified (OpenCC),
full-width forms half-width (NFKC), sizes and dates become English phrases
(``assistant.zh_numbers``), jieba segments the rest with the lexicon's words and the catalog's
names as its user dictionary, and each word is replaced by its gloss from
``assistant/lexicon/zh.yaml``. Word order is fixed where Chinese and English differ
(postpositions such as 之后, relations such as 比X大, yes/no questions ending in 吗, and the
question words a parser expects first). The parser then reads the gloss exactly as it reads an
English question, so both languages compile to the same typed query.

jieba and OpenCC load on the first Chinese question, never for an English one.
"""

from __future__ import annotations

import functools
import re
import threading
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from assistant.lexicon import phrase_pattern
from assistant.linking import version_tag
from assistant.relative import absolute
from catalog.yamlsafe import load_checked

from assistant.zh_numbers import rewrite, zh_tables
from assistant.zh_paraphrase import PlainWords, english_term

__all__ = ["ChineseReader", "Reading", "load_zh_lexicon", "normalize"]

LEXICON = Path(__file__).resolve().parent / "lexicon" / "zh.yaml"
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_PUNCT = str.maketrans({"。": ".", "、": ",", "《": "“", "》": "”", "〈": "“", "〉": "”", "「": "“", "」": "”",
                        "『": "“", "』": "”", "【": "(", "】": ")", "～": "~", "·": " ", "…": " "})
MAX_CHARS = 24  # the longest lexicon entry, in characters


def load_zh_lexicon(path: Path = LEXICON) -> dict:
    return load_checked(path.read_text(encoding="utf-8"))  # a repeated key is an error


@dataclass(frozen=True)
class Reading:
    """What the reader made of a Chinese question."""

    text: str  # the normalised Chinese question
    gloss: str  # the same question in the parser's cue terms
    unknown_names: tuple[str, ...] = ()  # well-known models the catalog does not hold
    off_topic: bool = False
    usage: bool = False  # asks how to run or train a model oneself ("怎么在本地部署")
    unread: tuple[str, ...] = field(default=())  # content words with no gloss
    described: tuple[tuple[str, str, str], ...] = ()  # (facet, value, the Chinese words) read by the paraphrase matcher
    near: tuple[tuple[str, str, str], ...] = ()  # (facet, value, the words) that matched a few cues, too few to read
    examples: tuple[str, ...] = ()  # Latin names given only as an example of a kind ("Mamba那种状态空间层")
    plain_gloss: str = ""  # the gloss without those names (read when the parser takes one for an unknown model)


class _Converter:
    """Traditional -> simplified (or another OpenCC conversion), built on first use."""

    def __init__(self, config: str = "tw2sp"):
        self._cc = None
        self._config = config
        self._lock = threading.Lock()

    def __call__(self, text: str) -> str:
        if self._cc is None:
            with self._lock:
                if self._cc is None:
                    import opencc

                    self._cc = opencc.OpenCC(self._config)
        return self._cc.convert(text)


_to_simplified = _Converter()
_characters_only = _Converter("t2s")  # traditional characters to simplified, one by one, no phrase rewriting
_to_taiwan = _Converter("s2twp")  # how a key is written in Taiwan: 分组查询 as 分組查詢, which normalises to 分组查找


@functools.lru_cache(maxsize=1)
def _regional():
    """The lexicon's ``regional`` words: regional usages OpenCC's conversion leaves as they are (杂讯 for 噪声)."""
    table = {str(k): str(v) for k, v in zh_tables().get("regional", {}).items()}  # the zh lexicon, parsed once
    if not table:
        return None
    pattern = re.compile("|".join(map(re.escape, sorted(table, key=len, reverse=True))))
    return lambda text: pattern.sub(lambda m: table[m.group()], text)


def normalize(text: str) -> str:
    """Simplified characters (with mainland words for regional ones), half-width letters, digits and
    punctuation, single spaces."""
    text = unicodedata.normalize("NFKC", text or "").translate(_PUNCT)
    if _HAN.search(text) and _characters_only(text) != text:  # text already in simplified characters is kept as written:
        text = _to_simplified(text)  # the phrase conversion reads across word boundaries (按时间顺序列出 as 顺串行出)
        if (regional := _regional()) is not None:
            text = regional(text)
    return re.sub(r"\s+", " ", text).strip()


class ChineseReader:
    def __init__(self, names: list[str] = (), lexicon: dict | None = None, concepts: dict[str, str] | None = None,
                 meaning=None):
        """``names``: the catalog's model names and aliases (kept whole by the segmenter);
        ``concepts``: Chinese concept titles -> the English phrase the parser knows the concept by;
        ``meaning``: the English paraphraser, which reads the descriptions the cues do not."""
        lex = lexicon or load_zh_lexicon()
        self.paraphraser = _paraphraser(lex)
        self.plain = PlainWords(_normalised(lex.get("plain", {})), meaning)
        # one value described by its two parts, each read as a value of its own ("挖掉一段…再一个词一个词补回来": span
        # corruption and left-to-right generation together are autoregressive blank infilling): facet -> value -> parts
        self.described_parts: dict = lex.get("described_parts", {})
        self.glosses: dict[str, str] = {}
        for title, english in (concepts or {}).items():
            for key in concept_keys(title):
                self.glosses.setdefault(key, english)
        for table in lex["gloss"].values():
            self.glosses.update({str(k): str(v) for k, v in table.items()})
        self.glosses = _normalised(_order_ends(lex.get("order_ends", {})) | _part_scopes(lex.get("part_scopes", {}))
                                   | _lab_pointers(lex.get("lab_pointers", {})) | self.glosses)
        self.postpositions: dict[str, str] = _normalised(lex["postpositions"])
        self.besides: dict = lex.get("besides", {})
        self._besides_at = _besides_pattern(self.besides)
        times = sorted((w for w, g in self.postpositions.items() if g in ("after", "before")), key=len, reverse=True)
        # a bracket holding a number right before a postposition of time ("ChatGPT 发布（2022年11月）之后")
        self._bracket_time = re.compile(rf"(\([^()\d]{{0,12}}\d[^()]{{0,12}}\))\s*({'|'.join(map(re.escape, times))})") if times else None
        self.head_nouns = frozenset(lex.get("postposition_heads", []))  # "GPT 系列除外": the phrase is "GPT 系列"
        self.closing = frozenset(lex.get("postposition_closes", []))  # "除 X 以外的 Y": X's phrase ends there
        # "Phi 系列不算）": a verb of leaving out that ends a clause takes the phrase before it; before a phrase it is a cue
        self.final_posts: dict[str, str] = _normalised(lex.get("postposition_final", {}))
        for word in self.final_posts:
            self.glosses.setdefault(word, "excluding")
        self.steps: dict = lex.get("postposition_steps", {})  # "剔除 X 之后": the next step, no date
        # "LLaMA 有几个直接衍生出来的模型": a count asked between the name and its postposition belongs to the question
        self.passed = frozenset(lex.get("postposition_passes", []))
        self.pronouns = frozenset(lex.get("postposition_pronouns", []))  # "在它基础上": 它 is the phrase taken
        # "Gopher 下面派生出来的", "LLaMA 底下衍生出的": a word of "below" right before a postposition of derivation makes
        # it every generation (the words, and the gloss each postposition's gloss turns into)
        # the glosses of a lineage the name before a postposition of derivation may already be read in ("基于 BERT 衍生的":
        # based on BERT): the postposition then adds nothing
        self.lineage_posts = frozenset(lex.get("postposition_lineage", []))
        gap = lex.get("release_gap", {})  # a count of time between two named models: how far apart they came out
        self.gap_counts = tuple(sorted(gap.get("counts", []) + gap.get("short", []), key=len, reverse=True))
        self.gap_short = frozenset(gap.get("short", []))  # counts of seconds or hours: a work's time, never a gap
        self.gap_verbs = frozenset(gap.get("verbs", []))
        self.gap_work: dict[str, str] = {str(k): str(v) for k, v in gap.get("work", {}).items()}
        self.gap_pairs = frozenset(gap.get("pairs", []))
        self.gap_gloss = str(gap.get("gloss", ""))
        span = lex.get("span_frame", {})
        self.span_opens = frozenset(span.get("opens", []))
        self.span_joins = frozenset(span.get("joins", []))
        self.span_closes: dict[str, str] = dict(span.get("closes", {}))
        deeper = lex.get("postposition_deeper", {})
        self.deeper_words = frozenset(deeper.get("words", []))
        self.deeper: dict[str, str] = dict(deeper.get("glosses", {}))
        self.date_words: dict = lex["date_words"]
        self.size_words: dict = lex["size_words"]
        self.relations: list[tuple[set[str], dict[str, str]]] = [(set(r["open"]), dict(r["close"])) for r in lex["relations"]]
        self.joined: dict[str, str] = {k: v for r in lex["relations"] for k, v in r.get("joined", {}).items()}
        # per relation, the complements that close it after any verb ("从 X 蒸馏出来的"): complement -> relation
        self.made: list[dict[str, str]] = [dict(r.get("made", {})) for r in lex["relations"]]
        # per relation, whether what it encloses must name a model ("做 Chinchilla 的机构", never "做了最多模型的机构")
        self.named: list[bool] = [bool(r.get("named")) for r in lex["relations"]]
        # open words a relation row keeps plain ("把"): no lexicon entry of their own, so a question without the
        # relation is cut and read as before; the relation still opens on the word jieba cuts
        self.plain_opens = {w for r in lex["relations"] if r.get("plain_open") for w in r["open"]}
        self.models: dict[str, str] = dict(lex["models"])
        # "悟道 2.0" as users also write it: a version number after Chinese characters, with a space between
        self.models |= {spaced: name for key, name in lex["models"].items()
                        if (spaced := re.sub(r"(?<=[\u4e00-\u9fff])(?=\d)", " ", key)) != key}
        self.models = _normalised(self.models)
        self.outside = set(_normalised(dict.fromkeys(lex["outside_models"], "")))
        self.glued_tags = frozenset(lex.get("glued_name_tags", []))
        self.negations = tuple(lex.get("glued_negations", []))  # "非" that the segmenter glues to the word before (中非)
        self._tags: dict = {}  # jieba's word -> part-of-speech tag, loaded with the tokenizer when glued_tags is set
        self.off_topic = set(_normalised(dict.fromkeys(lex["off_topic"], "")))
        self.ambiguous_concepts = frozenset(lex.get("ambiguous_concepts", []))  # "Transformer" of 变形金刚 too
        self.usage = set(_normalised(dict.fromkeys(lex.get("usage", []), "")))
        self.yes_no_final = tuple(sorted(lex["yes_no_final"], key=len, reverse=True))
        # a particle that asks to confirm what was just said when a question mark follows it ("T5 是 Meta 的吧？"): a
        # yes/no question too, so what it says is checked (alone, it softens a request: "介绍一下 BERT 吧")
        self.tag_final = tuple(sorted(lex.get("tag_final", []), key=len, reverse=True))
        self.follow_up_final = lex["follow_up_final"]
        self.whole = {str(k): str(v) for k, v in lex.get("whole_glosses", {}).items()}
        self.fronted = list(lex["fronted"])
        self.requests = set(lex.get("requests", []))
        self._names = [n for n in names if n]
        self._known = {n.lower() for n in self._names} | {str(k).lower() for k in self.models}
        self.description_lead = frozenset(lex.get("description_lead", []))  # "只" before a description: its own word
        self.likeness = tuple(lex.get("likeness", []))  # "Mamba那种状态空间层": a name that only says what kind
        # "预训练目标和 X 一样", "跟 X 架构完全相同": the field a likeness is said in, and the words saying it exactly
        self.alike: dict = lex.get("alike", {})
        # "Alpaca 的上一代模型是谁", "Zephyr 的基础模型是谁": 谁 closing a question about a kin of a model (its parent, base,
        # predecessor, teacher), with no verb of making after it, asks which model that is, not who made it (``kin_who``:
        # the words, and the kin terms of the gloss they follow)
        kin_who = lex.get("kin_who", {})
        self.kin_who_words = frozenset(kin_who.get("words", []))
        self.kin_terms = tuple(kin_who.get("kin", []))
        self.kin_who_end = frozenset(kin_who.get("after", []))
        self._kinds: dict[str, str] = {}
        for opens, close in self.relations:
            self._kinds.update({w: "open" for w in opens - self.plain_opens} | {w: "close" for w in close})
        for kind, words in (("off_topic", self.off_topic), ("usage", self.usage), ("outside", self.outside), ("gloss", self.glosses),
                            ("post", self.postpositions), ("model", self.models)):
            self._kinds.update(dict.fromkeys(words, kind))
        self._tokenizer = None
        self._mixed = None
        self._lock = threading.Lock()

    # -- segmentation ---------------------------------------------------------------------------
    def _words(self) -> set[str]:
        words = set(self.glosses) | set(self.postpositions) | set(self.models) | self.outside | self.off_topic | self.usage
        for opens, close in self.relations:
            words |= (opens - self.plain_opens) | set(close)
        return words | set(self._names)

    @property
    def tokenizer(self):
        """jieba's tokenizer with this lexicon and the catalog names as user words (built once)."""
        if self._tokenizer is None:
            with self._lock:
                if self._tokenizer is None:
                    import jieba

                    jieba.setLogLevel(60)  # jieba logs its dictionary loading at INFO otherwise
                    tok = jieba.Tokenizer()
                    tok.initialize()
                    for w in sorted(self._words()):
                        tok.add_word(w)
                    if self.glued_tags:  # jieba's part-of-speech table, loaded with the tokenizer, not on a question
                        import jieba.posseg

                        self._tags = jieba.posseg.dt.word_tag_tab
                    self._tokenizer = tok
        return self._tokenizer

    def segment(self, text: str) -> list[str]:
        return [t for t in self.tokenizer.cut(text) if t]

    def _spaced(self, text: str) -> str:
        """Lexicon entries that mix Latin and Chinese ("GPU小时", "每个token激活多少") as users also type them,
        with a space where the script changes ("GPU 小时"): the space is dropped so the entry is read."""
        if self._mixed is None:
            keys = [k for k in self._kinds if _SCRIPT_CHANGE.search(k)]
            parts = [_SCRIPT_CHANGE.sub(lambda m: m.group(1) + "\x00", re.escape(k)).replace("\x00", " ?")
                     for k in sorted(keys, key=len, reverse=True)]
            self._mixed = re.compile("|".join(parts), re.I) if parts else re.compile(r"(?!)")
        return self._mixed.sub(lambda m: m.group().replace(" ", "") if " " in m.group() else m.group(), text)

    # -- reading --------------------------------------------------------------------------------
    def read(self, question: str) -> Reading:
        text = self._besides(self._bracket_after_time_word(absolute(normalize(question), "zh")))  # 去年: that year
        core = text.rstrip("?!.,;: ")
        finals = self.yes_no_final + (self.tag_final if text.rstrip().endswith(("?", "？")) else ())
        yes_no = next((f for f in finals if core.endswith(f) and len(core) > len(f)), None)
        follow = core.endswith(self.follow_up_final)
        # "Flan-T5 是经过指令微调的吗？基座是什么": a yes/no clause, then a second question about the same model; each
        # clause is read alone (its own question words fronted in it) and the glosses joined
        inner = None if yes_no or follow else next((i for i, ch in enumerate(core) if ch in "？?" and any(
            core[:i].endswith(f) and i > len(f) for f in self.yes_no_final + self.tag_final) and core[i + 1:].strip()), None)
        if inner is not None:
            first, second = self.read(core[:inner + 1]), self.read(core[inner + 1:].strip() + text[len(core):])
            return Reading(text=text, gloss=f"{first.gloss} {second.gloss}", examples=first.examples + second.examples,
                           plain_gloss=f"{first.plain_gloss or first.gloss} {second.plain_gloss or second.gloss}"
                           if first.plain_gloss or second.plain_gloss else "",
                           unknown_names=first.unknown_names + second.unknown_names,
                           off_topic=first.off_topic and second.off_topic, usage=first.usage or second.usage,
                           unread=first.unread + second.unread, described=first.described + second.described,
                           near=first.near + second.near)
        tag = yes_no in self.tag_final
        if yes_no:
            core = core[: -len(yes_no)]
        elif follow:
            core = core[: -len(self.follow_up_final)]
        if core.strip() in self.whole:  # "另一个呢？": the whole question is the reference
            units = [_Unit(core.strip(), "gloss", self.whole[core.strip()])]
        else:
            units = self._kind_left_out(self.units(rewrite(self._spaced(core), self.date_words, self.size_words)))
        units, described, near = self._describe(units)
        units = self._release_gap(units)
        pieces = self._gloss(units)
        yes_no = yes_no and not any(p.kind == "gloss" and p.text in self.fronted and p.text in self.requests
                                    for p in pieces)  # "能解释一下 X 吗": a request
        lead = (["is"] if yes_no else []) + (["and"] if follow and not yes_no else [])
        end = "?" if text.endswith("?") or yes_no or follow else ""
        if yes_no and tag:
            end = ", right?"  # "Qwen2 是 DeepSeek 推出的吧？": a claim put to be confirmed, a premise checked ("…, right?")
        gloss = self._compose(pieces, lead) + end
        examples = tuple(p.text for p in pieces if p.example)
        plain = self._compose([_Piece(" ", "raw") if p.example else p for p in pieces], lead) + end if examples else ""
        return Reading(text=text, gloss=gloss, examples=examples, plain_gloss=plain,
                       unknown_names=tuple(u.text + u.value for u in units if u.kind == "outside") + self._glued(units),
                       off_topic=any(u.kind == "off_topic" for u in units), usage=any(u.kind == "usage" for u in units),
                       unread=tuple(u.text for u in units if u.kind == "unread"), described=described, near=near)

    def _besides(self, text: str) -> str:
        """"除了文本之外还覆盖其他领域的模型": 除了 X, then 还/也 and another value of one of the model's fields (the zh
        lexicon's ``besides``), names X and one more ("文本，还有其他领域": domains listed >= 2 and text); any other 除了
        ("除了 BERT 还有哪些编码器") is left to read as an exclusion."""
        if self._besides_at is None:
            return text
        return self._besides_at.sub(lambda m: m.group("x").strip() + self.besides["as"], text)

    def _bracket_after_time_word(self, text: str) -> str:
        """"ChatGPT 发布（2022年11月）之后": a bracket between a phrase and the postposition of time that closes it (之后,
        之前...) is an aside; it goes after the postposition, which then takes the phrase ("after ChatGPT released (Nov
        2022)"), and the aside is read with the model it restates. Only a bracket holding a number (a month, a size): "Qwen
        （第一代）后面" names the model, its 后面 is no date."""
        return self._bracket_time.sub(r"\2\1", text) if self._bracket_time is not None else text

    def _glued(self, units: list[_Unit]) -> tuple[str, ...]:
        """Names made of an unread proper noun glued to a catalog name ("华夏GPT-300B", "神州BERT"): another model,
        which the catalog does not hold (the lexicon's ``glued_name_tags``: jieba's tags of proper nouns)."""
        out = []
        for k, u in enumerate(units[:-1]):
            if u.kind != "unread" or not units[k + 1].text[:1].isascii() or not units[k + 1].text[:1].isalpha():
                continue
            run = ""
            for v in units[k + 1:]:
                if v.kind != "raw" or not v.text.strip() or v.text != v.text.strip():
                    break
                run += v.text
            name = re.match(r"[A-Za-z0-9.+-]+", run)
            parts = name.group().split("-") if name else []
            if not any("-".join(parts[:n]).lower() in self._known for n in range(1, len(parts) + 1)):
                continue
            if self._tag(u.text) in self.glued_tags:
                out.append(u.text + name.group())
        return tuple(out)

    def _tag(self, word: str) -> str | None:
        self.tokenizer  # noqa: B018 (builds the tokenizer and the tag table once)
        return self._tags.get(word)

    def _compose(self, pieces: list[_Piece], lead: list[str]) -> str:
        """The gloss of the pieces: the question words a parser expects first, then the rest in order."""
        front = [p for p in pieces if p.kind == "gloss" and p.text in self.fronted]
        rest = [p for p in pieces if not (p.kind == "gloss" and p.text in self.fronted)]
        gloss = re.sub(r"\s+", " ", " ".join(lead + [p.text for p in front] + [_join(rest)])).strip()
        gloss = re.sub(r"[“\"]\s*[”\"]", " ", gloss).strip()  # quotes around Chinese words read away ("“洗”"): no title
        return _ECHO.sub(lambda m: m.group(1) if m.group(2).strip().lower() in m.group(1).lower() else m.group(), gloss)

    def _whole(self, scored: list) -> object | None:
        """The best of the values described, or the whole one of ``described_parts`` whose part it is, when that whole is
        described clearly too ("挖掉的片段挪到末尾、再从左到右生成": the spans moved to the end make causal masking, of
        which the cut spans and the left-to-right writing are parts, read afterwards as saying it again)."""
        best = next(iter(scored), None)
        if best is None:
            return None
        wholes = [w for w, parts in self.described_parts.get(best.facet, {}).items() if best.value in parts]
        return next((m for m in scored if m.facet == best.facet and m.value in wholes and m.score >= self.paraphraser.threshold), best)

    def _describe(self, units: list[_Unit]) -> tuple[list[_Unit], tuple, tuple]:
        """Unread words that describe a vocabulary value in plain words ("小模型模仿大模型") become
        that value's English term; the stretch its cues cover is read as one phrase (the Latin
        names inside it are kept). Words no cue reads are read by meaning (``PlainWords``), and a
        cue's reading takes in the whole description when its meaning agrees ("打乱排列再做自回归
        预测": one objective, not two). Returns the units, what was read so, and near misses."""
        described, near = [], []
        for _ in range(3):  # a question rarely describes more than a couple of values
            unread = _unread_spans(units)
            if not unread or self.paraphraser is None:
                break
            text = "".join(u.text for u in units)
            scored = [m for m in self.paraphraser.score(text) if any(s < e2 and s2 < e for s, e in m.spans for s2, e2 in unread)]
            best = self._whole(scored)
            meant = self.plain.read(units, getattr(self.plain.meaning, "threshold", 1.0))
            if best is None or best.score < self.paraphraser.threshold:
                if meant is None:
                    if best is not None and best.score >= self.paraphraser.near and sum(e - s for s, e in unread) >= 4:
                        near.append((best.facet, best.value, _words(units, [(unread[0][0], unread[-1][1])])))
                    break
                stretch, facet, value = meant
                spans = _offsets(units)[stretch.start:stretch.end]
            else:
                facet, value, spans = best.facet, best.value, list(best.spans)
                if meant and (meant[1], meant[2]) == (facet, value):  # the whole description, when its meaning agrees
                    spans = sorted(spans + _offsets(units)[meant[0].start:meant[0].end])
            start, end = spans[0][0], max(e for _, e in spans)
            # "只根据前文…预测": an "only" right before a description is the description's own word (only the words
            # before, only a few experts), not the value said to be the model's only one in its field
            lead = next((u for u, (s, e) in zip(units, _offsets(units)) if e == start and u.text in self.description_lead), None)
            start -= len(lead.text) if lead is not None else 0
            words = _words(units, [(start, end)])
            units = _replace(units, start, end, _Unit(words, "gloss", self._term(facet, value)), self.plain.renders)
            described.append((facet, value, words))
        # words that fit several values alike, one of which the description names too ("图片和文字的配对拉近、不配对的
        # 推远": the pulling together is the image-text pairs'), say that value again: no second value
        again = {words for facet, value, words in described if "|" in value
                 and any(f == facet and v in value.split("|") for f, v, _ in described)}
        units = [_Unit(u.text, u.kind, "") if u.kind == "gloss" and u.text in again else u for u in units]
        described = [d for d in described if d[2] not in again]
        for facet, table in self.described_parts.items():
            for whole, parts in table.items():
                said = [d for d in described if d[0] == facet and d[1] in parts]
                if said and any(d[:2] == (facet, whole) for d in described):  # the whole and a part of it: the part says it again
                    # (a part read over a stretch that took in the whole's own words keeps the whole's term)
                    own = [d[2] for d in described if d[:2] == (facet, whole)]
                    units = [_Unit(u.text, u.kind, self._term(facet, whole) if any(w in u.text for w in own) else "")
                             if u.kind == "gloss" and u.text in {d[2] for d in said} else u for u in units]
                    described = [d for d in described if d not in said]
                    continue
                if {d[1] for d in said} != set(parts):
                    continue
                first, rest = said[0][2], {d[2] for d in said[1:]}
                units = [_Unit(u.text, u.kind, self._term(facet, whole)) if u.kind == "gloss" and u.text == first
                         else _Unit(u.text, u.kind, "") if u.kind == "gloss" and u.text in rest else u for u in units]
                described = [(facet, whole, " ".join(d[2] for d in said)) if d is said[0] else d for d in described if d not in said[1:]]
        return units, tuple(described), tuple(near)

    def _term(self, facet: str, value: str) -> str:
        """The English words a gloss names a value by (a value read by meaning may be several: "a|b")."""
        from assistant.lexicon import lexicon

        known = self.paraphraser.terms if self.paraphraser else {}
        return " or ".join(known.get((facet, v)) or english_term(lexicon("en"), facet, v) for v in value.split("|"))

    def units(self, text: str) -> list[_Unit]:
        """The question cut into lexicon entries, Latin runs and unread words.

        jieba's words set the boundaries: an entry must start on one, and end on one unless it
        is longer than the word it starts in ("多语言" out of 多 | 语言模型), so "非" is never
        read out of "非常".
        """
        bounds, starts = set(), []
        pos = 0
        for word in self.segment(text):
            starts.append(pos)
            pos += len(word)
            bounds.add(pos)
        units: list[_Unit] = []
        i = 0
        while i < len(text):
            nxt = min((b for b in bounds if b > i), default=len(text))
            unit = self._entry(text, i, nxt, bounds)
            if unit is None and (cut := self._cover(text[i:nxt])):
                # a word of the segmenter's no entry reads, made wholly of entries ("中非" of 模型中非解码器, "是非" of 是非开源):
                # read as those entries, so the 非 in it still negates
                bounds |= {i + k for k in cut}
                unit = self._entry(text, i, i + cut[0], bounds)
            if unit is None:
                word = text[i:nxt]
                unit = _Unit(word, "unread" if _HAN.search(word) else "raw", "")
            units.append(unit)
            i += len(unit.text)
        return units

    def _entry(self, text: str, i: int, word_end: int, bounds: set[int]) -> _Unit | None:
        for n in range(min(MAX_CHARS, len(text) - i), 0, -1):
            key = text[i:i + n]
            kind = self._kinds.get(key)
            if not kind:
                continue
            # ending inside a word is allowed when the entry is longer than the word it starts in
            # and the rest of the split word begins another entry ("多语言" + "模型", not "是什么" + "时候")
            if i + n in bounds or (i + n > word_end and n >= 2 and self._begins_entry(text, i + n)):
                return _Unit(key, kind, self._value(kind, key, text[i + n:]))
        return None

    def _cover(self, word: str) -> list[int]:
        """The ends of the entries that make up ``word`` exactly (fewest pieces), when it ends in a negating character
        (the lexicon's ``glued_negations``), or []."""
        if len(word) < 2 or not _HAN.search(word) or word in self._kinds or not word.endswith(self.negations):
            return []
        best: dict[int, list[int]] = {0: []}
        for i in range(len(word)):
            if i not in best:
                continue
            for j in range(i + 1, len(word) + 1):
                if word[i:j] in self._kinds and (j not in best or len(best[j]) > len(best[i]) + 1):
                    best[j] = best[i] + [j]
        return best.get(len(word), []) if len(best.get(len(word), [])) > 1 else []

    def _begins_entry(self, text: str, i: int) -> bool:
        return any(text[i:i + n] in self._kinds for n in range(1, min(MAX_CHARS, len(text) - i) + 1))

    def _value(self, kind: str, key: str, after: str) -> str:
        if kind == "outside":  # "盘古" + "大模型"
            return re.match(r"(大模型|模型|大)?", after).group()
        return {"gloss": self.glosses, "post": self.postpositions, "model": self.models}.get(kind, {}).get(key, "")

    def _gloss(self, units: list[_Unit]) -> list[_Piece]:
        pieces: list[_Piece] = []
        k = 0
        while k < len(units):
            u = units[k]
            rel = self._relation(units, k) or self._span(units, k)
            if rel:
                k, text = rel
                pieces.append(_Piece(text, "gloss"))
                continue
            named = _after_name(_unpassed(pieces, self.passed), self.pronouns)  # "GPT-2 直接派生的": 直接 passed over
            if u.kind == "gloss" and u.text in self.final_posts and _clause_ends(units[k + 1:]) and self._names_last(pieces):
                u = _Unit(u.text, "post", self.final_posts[u.text])  # "（Phi 系列不算）": Phi 系列 is left out
            if u.kind == "post" and u.text in self.glosses and not named and u.text not in self.final_posts:
                pieces.append(_Piece(self.glosses[u.text], "gloss"))  # "哪些模型是衍生出来的": no name before it
            elif u.kind == "post" and any(p.kind == "gloss" and p.text in self.steps.get(u.value, ()) for p in _clause(pieces)):
                pass  # "剔除 X 之后": the clause that removes X ends; what follows is asked of the rest
            elif u.kind == "post":
                value = u.value
                before = next((v for v in reversed(units[:k]) if v.text.strip()), None)
                if before is not None and before.text in self.deeper_words and value in self.deeper:
                    value = self.deeper[value]  # "Gopher 下面派生出来的": every generation below it
                if not any(p.text == value for p in _clause(pieces)):  # "除了X(本身和它的所有后代)以外": one "except" a clause
                    if value in self.lineage_posts and _lineage_before(pieces, self.lineage_posts, self.passed):
                        pieces.append(_Piece(" ", "gap"))  # "基于 BERT 衍生的": BERT is already the base said; the verb adds nothing
                    else:
                        _insert_before_last(pieces, value, self.head_nouns, self.passed, self.pronouns)
                        if value in self.lineage_posts:
                            pieces.append(_Piece(" ", "gap"))  # "BERT衍生的encoder": the name's phrase ends at the verb
                if u.value in self.closing:
                    pieces.append(_Piece(";", "raw"))  # a clause break no list crosses: "除了 DeepSeek 以外的中国机构": except DeepSeek; Chinese labs
            elif u.kind == "raw" and self._likened(units, k):
                pieces.append(_Piece(u.text, "raw", example=True))  # perhaps a name outside the catalog, given as an example
            elif u.kind in ("raw", "model"):
                pieces.append(_Piece(u.value or u.text, "raw"))
            elif u.kind == "gloss" and u.text in self.kin_who_words and self._kin_asked(pieces, units[k + 1:]):
                pieces.append(_Piece(" ", "gap"))  # "的直接父模型是谁": the model, not its lab
            elif u.kind == "gloss" and u.value:
                pieces.append(_Piece(u.value, "gloss"))
            elif u.kind == "gloss":  # a word that says nothing still ends a name's phrase ("Minerva 在 PaLM 的基础上")
                pieces.append(_Piece(" ", "gap"))
            elif u.kind == "unread":
                pieces.append(_Piece(" ", "raw"))
            elif u.kind == "close" or u.kind == "open":
                value = self.glosses.get(u.text, "")
                pieces.append(_Piece(value, "gloss") if value else _Piece(" ", "raw"))
            k += 1
        return pieces

    def _names_last(self, pieces: list[_Piece]) -> bool:
        """Whether the phrase the pieces end with names models to leave out: a name, or a head noun after one ("Phi 系列",
        "LLaMA 的模型"), not another word ("激活参数不算": how sizes are counted; "两头都不算": the ends of a span)."""
        last = [p for p in pieces if p.text.strip()]
        if not last:
            return False
        if last[-1].kind == "gloss" and last[-1].text in self.head_nouns:
            last = last[:-1]
        return bool(last) and last[-1].kind == "raw" and not _PUNCTUATION.fullmatch(last[-1].text.strip()) \
            and last[-1].text.strip() not in ("(", ")")

    def _release_gap(self, units: list[_Unit]) -> list[_Unit]:
        """"BERT 和 RoBERTa 差几个月", "LLaMA 发布后几个月出了 Alpaca", "Gopher 出来多久以后 Chinchilla 出的": a count of time
        (the zh lexicon's ``release_gap`` counts, with or without a verb of differing glued to it) in a question that names
        two models, or the two discussed (它们, 这两个), is how far apart they came out. A word of work before it in its clause
        (``work``: 训练, 推理 ...) makes it the time that work takes ("推理一张图要多长时间": inference time), whatever the
        models named, or leaves its own reading (花了, 用了), unless the two names are a trip from one to the other ("从 PaLM 到
        Flan-PaLM 用了多久") and no work is said. The verbs of differing right before the count are read into it."""
        if not self.gap_gloss:
            return units
        runs, run = [], ""  # the Latin runs of the question ("Mistral 7B" is one), each perhaps a name
        for u in units + [_Unit("", "gloss", "")]:
            if u.kind in ("raw", "model") and not _PUNCTUATION.fullmatch(u.text.strip()):
                run += u.value if u.kind == "model" else u.text
            else:
                runs.append(run.strip().lower())
                run = ""
        two = (sum(r in self._known for r in runs) >= 2 or any(u.text in self.gap_pairs for u in units)
               or self._trip_join(units, shorthand=True) is not None)
        out = list(units)
        for k, u in enumerate(units):
            word, joined = u.text.strip(), False
            count = next((c for c in self.gap_counts if word.endswith(c)), None)
            if count is None and k + 1 < len(units) and units[k + 1].text.strip():
                # "过了多少年": the segmenter cuts the count in two (多少 / 年); the two words are the one count
                word = word + units[k + 1].text.strip()
                count = next((c for c in self.gap_counts if word.endswith(c) and len(c) > len(units[k + 1].text.strip())), None)
                joined = count is not None
            if count is None or (word != count and word[:-len(count)].removesuffix("了") not in self.gap_verbs
                                 and word[:-len(count)] not in self.gap_verbs):
                continue
            work = None
            for v in reversed(units[:k]):
                if _PUNCTUATION.fullmatch(v.text.strip()):
                    break
                work = next((self.gap_work[w] for w in sorted(self.gap_work, key=len, reverse=True)
                             if v.text.strip().startswith(w)), None)
                if work is not None:
                    break
            if work == "" and self._trip(units) and not any(
                    v.text.strip().startswith(w) for v in units[:k] for w, g in self.gap_work.items() if g):
                work = None  # "从 PaLM 到 Flan-PaLM 用了多长时间": time spent on the trip between two releases, no work named
            if work or (work is None and two and count not in self.gap_short):
                out[k] = _Unit(u.text, "gloss", work or self.gap_gloss)
                if joined:  # the count's second half ("年" of 多少 / 年) is read with it
                    out[k + 1] = _Unit(units[k + 1].text, "gloss", "")
            if work is not None or not two or count in self.gap_short:
                continue
            if (join := self._trip_join(units, shorthand=True)) is not None and out[join].kind in ("raw", "unread"):
                # "DeepSeek-V3 到 R1 间隔多久": the join stays between the names, so a version said alone ("R1") is read
                # as the first name's line, as in "DeepSeek-V3 to R1"
                out[join] = _Unit(units[join].text, "gloss", "to")
            j = k - 1
            while j >= 0 and (units[j].text.strip() in self.gap_verbs or units[j].text.strip() == "了"):
                out[j] = _Unit(units[j].text, "gloss", "")
                j -= 1
        return out

    def _trip(self, units: list[_Unit]) -> bool:
        """Two names joined by a word of the span frame ("PaLM 到 Flan-PaLM", "从 T5 至 Flan-T5"): a trip from one
        release to the other."""
        return self._trip_join(units) is not None

    def _trip_join(self, units: list[_Unit], shorthand: bool = False) -> int | None:
        """The index of the word of the span frame that joins two names ("PaLM 到 Flan-PaLM"), or None; with
        ``shorthand``, the second may be a version said alone ("DeepSeek-V3 到 R1", "Llama 2 到 3")."""
        seen = [i for i, u in enumerate(units) if u.text.strip()]

        def second(u: _Unit) -> bool:
            return self._is_name(u) or (shorthand and u.kind == "raw" and version_tag(u.text.strip()))
        return next((seen[n] for n in range(1, len(seen) - 1) if units[seen[n]].text.strip() in self.span_joins
                     and self._is_name(units[seen[n - 1]]) and second(units[seen[n + 1]])), None)

    def _kin_asked(self, pieces: list[_Piece], rest: list[_Unit]) -> bool:
        """谁 closes the question (only particles after it) and the clause before it names a kin of a model."""
        if any(v.text.strip() and v.text.strip() not in self.kin_who_end for v in rest):
            return False
        said = " ".join(p.text for p in _clause(pieces) if p.kind == "gloss").lower()
        return any(phrase_pattern(term).search(said) for term in self.kin_terms)

    def _span(self, units: list[_Unit], k: int) -> tuple[int, str] | None:
        """"从 GPT-1 到 ChatGPT": two models as the ends of a span (a line of descent, a stretch of time), glossed
        "from X to Y"; with a word of "between" after them ("从 BERT 到 GPT-3 之间"), "between X and Y" (the zh lexicon's
        ``span_frame``: opens, joins, closes)."""
        if units[k].text not in self.span_opens:
            return None
        seen = [i for i in range(k + 1, min(len(units), k + 12)) if units[i].text.strip()][:4]
        if len(seen) < 3 or not self._is_name(units[seen[0]]) or units[seen[1]].text not in self.span_joins \
                or not self._is_name(units[seen[2]]):
            return None
        a, b = (units[i].value or units[i].text.strip() for i in (seen[0], seen[2]))
        close = next((i for i in seen[3:4] if units[i].text in self.span_closes), None)
        if close is not None:
            return close + 1, f"{self.span_closes[units[close].text]} {a} and {b}"
        return seen[2] + 1, f"from {a} to {b}"

    def _is_name(self, u: _Unit) -> bool:
        return u.kind == "model" or (u.kind == "raw" and u.text.strip().lower() in self._known)

    def _kind_left_out(self, units: list[_Unit]) -> list[_Unit]:
        """"Phi-3 那种只有 3.5-MoE 是 MoE 的不算", "GPT-3 这种没公开权重的除外": a model named, a word of likeness, what its
        kind is, then a word leaving it out at the clause's end: the model named is what is left out (the words between say
        why, and are not the phrase the exclusion takes)."""
        for k, u in enumerate(units):
            if not self._is_name(u) or not self.likeness:
                continue
            nxt = next((i for i in range(k + 1, len(units)) if units[i].text.strip()), None)
            if nxt is None or not units[nxt].text.strip().startswith(self.likeness):
                continue
            for end in range(nxt + 1, len(units)):
                v = units[end]
                if v.kind == "raw" and _CLAUSE_END.fullmatch(v.text.strip() or " "):
                    break
                if ((v.kind == "post" and v.value == "except") or (v.kind == "gloss" and v.text in self.final_posts)) \
                        and _clause_ends(units[end + 1:]):
                    return [*units[:k + 1], _Unit(" ", "raw", ""), *units[end:]]
        return units

    def _likened(self, units: list[_Unit], k: int) -> bool:
        """A Latin name the catalog does not hold, followed by a word of likeness ("Mamba那种", "像Mamba那样"):
        when the parser takes it for a model outside the catalog, the question only describes a kind by it."""
        name = units[k].text.strip()
        after = "".join(u.text for u in units[k + 1:k + 3]).lstrip()
        return (bool(name) and bool(re.search(r"[A-Za-z]", name)) and name.lower() not in self._known
                and after.startswith(self.likeness) and bool(self.likeness))

    def _named_before(self, units: list[_Unit], k: int) -> bool:
        """A model name (or 它, the model discussed) just before unit k ("Whisper 和 ..."), not a question word ("哪些模型和 ...")."""
        before = next((u for u in reversed(units[:k]) if u.text.strip()), None)
        return before is not None and (before.kind == "model" or (before.kind == "raw" and before.text.strip().lower() in self._known)
                                       or (before.kind == "gloss" and before.value == "it"))  # "它和 X …": the model discussed

    def _relation(self, units: list[_Unit], k: int) -> tuple[int, str] | None:
        """"比GPT-3大" -> "bigger than GPT-3": OPEN X CLOSE within a few units."""
        for (opens, close), made, named in zip(self.relations, self.made, self.named):
            if units[k].text not in opens:
                continue
            words = 0  # the units between, spaces around Latin names not counted ("比 GPT-3 大")
            for j in range(k + 1, len(units)):
                words += bool(units[j].text.strip())
                if words > 7:
                    break
                if j >= k + 2 and units[j].text not in close and (rel := self._made(units, k, j, made)):
                    return rel
                if j >= k + 2 and (alike := self._alike(units, k, j, close)):
                    return alike
                if j >= k + 2 and units[j].text in close:
                    if named and not any(u.kind == "model" or u.kind == "raw" and u.text.strip().lower() in self._known
                                         for u in units[k + 1:j]):
                        break
                    subject = _join(self._gloss(units[k + 1:j]))
                    if subject.strip() and close[units[j].text] in self.joined and self._named_before(units, k):
                        return j + 1, f"and {subject} {self.joined[close[units[j].text]]}"  # "A 和 B 同一年…": both
                    if subject.strip():
                        return j + 1, f"{close[units[j].text]} {subject}"
        return None

    def _alike(self, units: list[_Unit], k: int, j: int, close: dict[str, str]) -> tuple[int, str] | None:
        """"预训练目标和 XLM-R 一样", "跟 BERT 架构完全相同的": a likeness (or sameness) word closing the relation, with a
        field named right before the open word or right before the close: the same field as the model ("exactly" the
        same when the words say so, lexicon ``alike``), not a likeness of every field."""
        fields, same = self.alike.get("fields", {}), self.alike.get("same", [])
        if not fields or units[j].text not in same or self._named_before(units, k):
            return None
        inner = [i for i in range(k + 1, j) if units[i].text.strip()]
        exact = [i for i in inner if units[i].text in self.alike.get("exact", [])]
        inner = [i for i in inner if i not in exact]
        before = next((u for u in reversed(units[:k]) if u.text.strip()), None)
        field = fields.get(units[inner[-1]].text) if len(inner) > 1 else None
        end = inner[-1] if field else j
        if field is None and before is not None:
            field = fields.get(before.text.strip().removeprefix("的"))
        subject = _join(self._gloss(units[k + 1:end])) if field else ""
        if not subject.strip():
            return None
        exact = exact or units[j].text in self.alike.get("exact", [])
        return j + 1, f"{'exactly ' if exact else ''}the same {field} as {subject}"

    def _made(self, units: list[_Unit], k: int, j: int, made: dict[str, str]) -> tuple[int, str] | None:
        """"从 RoBERTa 蒸馏出来的", "从 LLaMA 改出来的": a verb of making with its complement (出来, 而来) closes the
        relation opened at k, whatever the verb; the verb itself ("蒸馏": distillation) is how, not what is asserted."""
        text = units[j].text
        suffix = next((c for c in sorted(made, key=len, reverse=True) if text.endswith(c)), None)
        if suffix is None:
            return None
        end = j
        if text == suffix:  # the complement alone: the verb is the unit before it, unless that is the name ("从 BERT 而来")
            before = next((i for i in range(j - 1, k, -1) if units[i].text.strip()), None)
            if before is None or units[before].kind not in ("gloss", "unread", "close"):
                return None
            end = before
        subject = _join(self._gloss(units[k + 1:end]))
        return (j + 1, f"{made[suffix]} {subject}") if subject.strip() else None


def _besides_pattern(b: dict) -> re.Pattern | None:
    """The zh lexicon's ``besides`` frame as one pattern: 除了 X (之外), 还/也 … 其他 before a field noun."""
    if not b:
        return None
    alt = lambda key: "|".join(map(re.escape, sorted(b.get(key, []), key=len, reverse=True)))
    return re.compile(rf"(?:{alt('open')})(?P<x>[^，,。；;？?！!]{{1,24}}?)(?:{alt('close')})?\s*[，,]?\s*(?:(?:{alt('also_lead')})\s*)?(?:{alt('also')})"
                      rf"[^，,。；;？?！!]{{0,6}}?(?:{alt('other')})(?=的?(?:{alt('fields')}))")


def _normalised(table: dict) -> dict:
    """A table of Chinese keys, each also under its normalised spelling: the keys are matched against
    normalised text, and OpenCC's phrase conversion rewrites some simplified words too (序列 as 串行,
    向量 as 矢量, 程序 as 进程), so a key written as users write it would never be found. A key's own
    entry wins over another key's normalised spelling."""
    out = {str(k): v for k, v in table.items()}
    for k, v in table.items():
        for spelling in _spellings(str(k)):
            out.setdefault(spelling, v)
    return out


@functools.lru_cache(maxsize=None)  # the same keys each time a reader is built (once per process in use; per test module)
def _spellings(key: str) -> tuple[str, ...]:
    """The normalised spellings of a key: as written, and as a reader in Taiwan writes it (OpenCC's phrase conversion
    takes 分組查詢 back to 分组查找, not to the 分组查询 the key was written with)."""
    if not _HAN.search(key):
        return (normalize(key),)
    return normalize(key), normalize(_to_taiwan(key))


def _paraphraser(lex: dict):
    if not lex.get("describe"):
        return None
    from assistant.lexicon import lexicon
    from assistant.zh_paraphrase import ChineseParaphraser

    # a cue is matched against normalised text, so it is normalised too (OpenCC writes 向量 as 矢量)
    described = {facet: {value: sorted({str(c) for c in cues} | {n for c in cues for n in _spellings(str(c))}) for value, cues in table.items()}
                 for facet, table in lex["describe"].items()}
    return ChineseParaphraser(described, lexicon("en"))


def _offsets(units: list[_Unit]) -> list[tuple[int, int]]:
    out, pos = [], 0
    for u in units:
        out.append((pos, pos + len(u.text)))
        pos += len(u.text)
    return out


def _unread_spans(units: list[_Unit]) -> list[tuple[int, int]]:
    return [span for u, span in zip(units, _offsets(units)) if u.kind == "unread"]


def _words(units: list[_Unit], spans) -> str:
    """The question's words from the first cue to the last."""
    return "".join(u.text for u in units)[spans[0][0]:spans[-1][1]]


def _replace(units: list[_Unit], start: int, end: int, unit: _Unit, plain=lambda text: False) -> list[_Unit]:
    """The units with those overlapping [start, end) replaced by ``unit`` (Latin runs inside, and entries
    that run past ``end``, are kept after it; Latin words of the description itself, ``plain``, are not)."""
    out: list[_Unit] = []
    kept: list[_Unit] = []
    for u, (s, e) in zip(units, _offsets(units)):
        if e <= start or s >= end:
            if s >= end and unit is not None:
                out += [unit, *kept]
                unit = None
            out.append(u)
        elif (u.kind in ("raw", "model") and u.text.strip() and not plain(u.text)) or (u.kind == "gloss" and u.value and e > end):
            kept.append(u)  # a Latin name inside, or a lexicon entry the described words only begin ("指令" + "数据有多少条")
    if unit is not None:
        out += [unit, *kept]
    return out


@dataclass(frozen=True)
class _Unit:
    text: str  # as written
    kind: str  # gloss | post | model | outside | off_topic | usage | open | close | raw | unread
    value: str  # the gloss, or the catalog name of a Chinese model name


def concept_keys(title: str) -> set[str]:
    """The ways a question names a concept by its Chinese title: the title without its
    parentheses ("注意力机制（…）" -> "注意力机制"), with and without inner spaces."""
    core = re.sub(r"[（(《][^）)》]*[）)》]", "", title).strip()
    keys = {core, core.replace(" ", "")}
    keys |= {k.replace("建模", "模型") for k in keys if k.endswith("建模")}  # "因果掩码语言模型" names 因果掩码语言建模
    return {k.strip() for k in keys if len(k.strip()) >= 2 and _HAN.search(k)}


@dataclass
class _Piece:
    text: str
    kind: str  # "raw": passed through (Latin text, numbers); "gloss": a lexicon gloss; "gap": a word that says nothing
    example: bool = False  # a Latin name followed by a word of likeness ("Mamba那种")


def _join(pieces: list[_Piece]) -> str:
    out = ""
    for p in pieces:
        out += p.text if p.kind == "raw" else f" {p.text} "
    return out


def _clause(pieces: list[_Piece]) -> list[_Piece]:
    """The pieces since the last punctuation mark: the clause a postposition closes."""
    i = len(pieces)
    while i > 0 and not (pieces[i - 1].kind == "raw" and _PUNCTUATION.fullmatch(pieces[i - 1].text.strip())):
        i -= 1
    return pieces[i:]


def _after_name(pieces: list[_Piece], pronouns: frozenset = frozenset()) -> bool:
    """Whether the last word before here is a name (raw text), or a pronoun for the model discussed ("在它基础上":
    the zh lexicon's ``postposition_pronouns``), the phrase a postposition would take."""
    last = next((p for p in reversed(pieces) if p.text.strip()), None)
    return last is not None and (last.kind == "raw" and not _PUNCTUATION.fullmatch(last.text.strip())
                                 or last.kind == "gloss" and last.text in pronouns)


def _order_ends(table: dict) -> dict[str, str]:
    """An order said by its two ends ("从最早到最新", "由最新的到最老的", "从小到大"): an opening word, one end of a
    scale, a joining word and the other end (each end may take 的), glossed "from <end> to <end>" (the zh lexicon's
    ``order_ends``: opens, joins, and each end word with the English end it names, on a scale of two)."""
    ends = {str(k): str(v) for k, v in table.get("ends", {}).items()}
    scales = [set(pair) for pair in table.get("scales", [])]
    out = {}
    for a, x in ends.items():
        for b, y in ends.items():
            if x == y or not any({x, y} == scale for scale in scales):
                continue
            for opener in table.get("opens", []):
                for joiner in table.get("joins", []):
                    for da in ("", "的"):
                        for db in ("", "的"):
                            out[f"{opener}{a}{da}{joiner}{b}{db}"] = f"from {x} to {y}"
    return out


def _clause_ends(rest: list[_Unit]) -> bool:
    """Whether the units after a word end its clause: nothing but blanks before a punctuation mark, a closing bracket or
    the end of the question."""
    nxt = next((u for u in rest if u.text.strip()), None)
    return nxt is None or (nxt.kind == "raw" and bool(_CLAUSE_END.fullmatch(nxt.text.strip())))


def _lab_pointers(table: dict) -> dict[str, str]:
    """A lab pointed back to by a demonstrative and a noun of organisation ("那个实验室", "該團隊", "这家机构") with 还 / 还有
    after it: the other models of the lab just discussed ("那个机构还有哪些模型": what else did that lab make), composed
    from the table's words. The pointer alone is left to the words around it ("做出 Gopher 的那个实验室": a relative
    clause's noun). A gloss written out in ``gloss`` wins."""
    out: dict[str, str] = {}
    for pointer in table.get("pointers", []):
        for noun, said in table.get("nouns", {}).items():
            for tail, gloss in table.get("tails", {}).items():
                out[f"{pointer}{noun}{tail}"] = gloss.format(lab=said)
    return out


def _part_scopes(table: dict) -> dict[str, str]:
    """A part of the catalog said as a place ("paper 里", "beyond 那部分里", "新增的那些模型里") or as the only part looked at
    ("只看论文", "只看 survey 的"): each part word of the zh lexicon's ``part_scopes`` with each place word after it, or
    each word of looking only before it, glossed as that part's English words; the paper's part with a word of outside
    after it ("paper 之外的") is the other part. A Latin part word is taken as written, in
    lower case and capitalised."""
    glosses = table.get("glosses", {})
    out: dict[str, str] = {}
    for word, part in table.get("parts", {}).items():
        spellings = {word, word.lower(), word.capitalize()} if word.isascii() and word.isalpha() else {word}
        for w in spellings:
            for place in table.get("places", []):
                out[f"{w}{place}"] = glosses[part]["in"]
            for only in table.get("only", []):
                for tail in table.get("only_tails", [""]):
                    out[f"{only}{w}{tail}"] = glosses[part]["only"]
            if other := table.get("outside", {}).get("of", {}).get(part):
                for outside in table["outside"].get("words", []):
                    out[f"{w}{outside}"] = glosses[other]["in"]
    return out


def _lineage_before(pieces: list[_Piece], lineage: frozenset, passed: frozenset) -> bool:
    """Whether the phrase a postposition would take (a name, the glosses it passes over after it) follows a lineage
    gloss ("based on BERT" of 基于 BERT): that name already has its lineage."""
    rest = _unpassed(pieces, passed)
    i = len(rest)
    while i > 0 and not rest[i - 1].text.strip():
        i -= 1
    if i == 0 or rest[i - 1].kind != "raw":
        return False
    j = _unit_start(rest, i - 1)
    before = next((p for p in reversed(rest[:j]) if p.text.strip()), None)
    return before is not None and before.kind == "gloss" and before.text in lineage


def _unpassed(pieces: list[_Piece], passed: frozenset) -> list[_Piece]:
    """The pieces before the glosses a postposition passes over at their end ("GPT-2 直接": up to GPT-2)."""
    i = len(pieces)
    while i > 0 and (not pieces[i - 1].text.strip() or (pieces[i - 1].kind == "gloss" and pieces[i - 1].text in passed)):
        i -= 1
    return pieces[:i] if any(p.kind == "gloss" and p.text in passed for p in pieces[i:]) else pieces


def _insert_before_last(pieces: list[_Piece], gloss: str, heads: frozenset = frozenset(),
                        passed: frozenset = frozenset(), pronouns: frozenset = frozenset()) -> None:
    """Put a postposition's gloss before the phrase it follows (a run of raw text, or one gloss;
    a head noun gloss in ``heads`` takes the phrase before it along: "GPT 系列除外"; a gloss in ``passed``
    right before it, a name before that, is passed over to the name: "LLaMA 有几个直接衍生出来的模型")."""
    i = len(pieces)
    while i > 0 and pieces[i - 1].kind in ("raw", "gap") and not pieces[i - 1].text.strip():
        i -= 1
    # "GPT 系列（名字里有 GPT 的）除外": a bracketed aside right before the postposition restates the phrase before it,
    # which the postposition takes
    if i > 1 and pieces[i - 1].kind == "raw" and pieces[i - 1].text.strip() == ")":
        k = next((k for k in range(i - 2, -1, -1) if pieces[k].kind == "raw" and pieces[k].text.strip() in ("(", ")")), None)
        if k is not None and pieces[k].text.strip() == "(" and k > 0:
            i = k
            while i > 0 and pieces[i - 1].kind in ("raw", "gap") and not pieces[i - 1].text.strip():
                i -= 1
    if i == 0:
        pieces.append(_Piece(gloss, "gloss"))
        return
    j = _unit_start(pieces, i - 1)
    if pieces[j].kind == "gloss" and pieces[j].text in passed and _after_name(pieces[:j], pronouns):
        k = j
        while k > 0 and pieces[k - 1].kind in ("raw", "gap") and not pieces[k - 1].text.strip():
            k -= 1
        j = _unit_start(pieces, k - 1)
    if pieces[j].kind == "gloss" and pieces[j].text in heads:
        k = j
        while k > 0 and pieces[k - 1].kind in ("raw", "gap") and not pieces[k - 1].text.strip():
            k -= 1
        # the phrase before the head is a name (raw) or one gloss, a lab's own ("Meta 的模型以外": except Meta models)
        if k > 0 and (pieces[k - 1].kind == "raw" and not _PUNCTUATION.fullmatch(pieces[k - 1].text.strip())
                      or pieces[k - 1].kind == "gloss"):
            j = _unit_start(pieces, k - 1)
    # "谷歌和OpenAI之外": both names; "T5 和它直接派生的": 它 is T5 again, the phrase is 它 alone
    while j >= 2 and pieces[j - 1].kind == "gloss" and pieces[j - 1].text in ("and", "or") and pieces[j].text not in pronouns:
        j = _unit_start(pieces, j - 2)
    # "模型（Phi 系列不算）": a phrase that opens a bracket is inside it, and so is its postposition
    while j < len(pieces) - 1 and pieces[j].kind == "raw" and pieces[j].text.strip() in ("(", ""):
        j += 1
    pieces.insert(j, _Piece(gloss, "gloss"))


def _unit_start(pieces: list[_Piece], j: int) -> int:
    """The first piece of the phrase ending at piece j (a run of raw text, or one gloss); a
    punctuation mark ends the run ("模型，EleutherAI 的除外": the phrase is "EleutherAI")."""
    if pieces[j].kind == "raw":
        while j > 0 and pieces[j - 1].kind == "raw" and not _PUNCTUATION.fullmatch(pieces[j - 1].text.strip()):
            j -= 1
    return j


# "文字（text）", "僅編碼器（encoder）": an English word in brackets that only repeats the gloss before it
_ECHO = re.compile(r"([\w-]+(?: [\w-]+){0,2}) ?\(([^()]{1,30})\)")
_PUNCTUATION = re.compile(r"[,;:、。，；：!?！？]+")
# what ends a clause: the punctuation above, a closing bracket or a full stop
_CLAUSE_END = re.compile(r"[)\]）,;:、。，；：!?！？.]+")
_SCRIPT_CHANGE = re.compile(r"([A-Za-z0-9](?=[\u4e00-\u9fff])|[\u4e00-\u9fff](?=[A-Za-z0-9]))")
