"""Entity linking: find catalog models named in a question, exactly or with small typos.

Names are matched on normalized token n-grams, longest first, so "Flan T5" is Flan-T5 and
never T5, and "GPT-NeoX-20B" is never GPT-Neo. Fuzzy matching (for "Chinchila", "Robrta") only
applies to tokens that are not ordinary words, and only above a high similarity. A known name
followed by a version that makes it another model ("GPT 4", "PaLM 2") is reported as unknown.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from assistant.lexicon import lexicon
from assistant.numbers import is_year, unit_follows
from catalog import Catalog, normalize_name

TOKEN = re.compile(r"[A-Za-z0-9]+(?:[.\-+·][A-Za-z0-9]+)*\+*")
MAX_NGRAM = 6
FUZZY_CUTOFF = 84
# a version after a name: a number ("PaLM 2", "Gemini 2.0"), a number with one letter ("Gemma 3n"; a size letter is a
# size, below), a mixture-of-experts shape ("Mixtral 8x22B"), or a roman numeral
_VERSION = re.compile(r"^(v?\d+(\.\d+)?[a-z]?|\d+x\d+[bm]|[ivx]{1,3})$", re.I)
_ARITHMETIC = re.compile(r"\s*[×*xX]\s*\d")  # after a number: a product ("8×7=56B"), not a version
_LAB_TAG = re.compile(r"^[a-z]{1,2}\d+(\.\d+)?(-[a-z]+)?$", re.I)  # a lab's short model tag ("o1", "R2", "o3-mini")
_SIZE = SIZE_WORD = re.compile(r"^\d+(\.\d+)?[mbkt]$", re.I)  # a size as one word ("40B")


def version_tag(word: str) -> bool:
    """A version said alone after the name it shortens ("3" after "Llama 2", "V3", "R1", "2.5"): no size ("40B") nor year."""
    return bool(_VERSION.match(word) or _LAB_TAG.match(word)) and not _SIZE.match(word) and not is_year(word.lstrip("vV"))


# Well-known model names that are not in the catalog (answering with a near name would be wrong).
KNOWN_OUTSIDE = re.compile(
    r"\b(gpt-?[4-9](o|\.\d)?|gpt-?\d{2,}|claude|gemini|mistral|mixtral|falcon|qwen|bard|grok|"
    r"llama[- ]?[2-9]|palm[- ]?2|codex|copilot|whisper|wav2vec|longformer|reformer|performer|"
    r"spanbert|tinybert|mobilebert|megatron-?11b|bloomz|starcoder|santacoder|codegen|deepseek|"
    r"yi-\d+|phi-?\d|chatglm\w*|baichuan\w*|minicpm\w*|gemma|olmo|sora|midjourney|ernie ?bot|ernie[- ]?3|wenxin|pangu|jasper|"
    r"stablelm|redpajama|cerebras|mpt-?\d+|xgen|orca|zephyr|t5-?v1\.1|mt5|byt5|ul2r|"
    r"dall-?e[- ]?3|imagen[- ]?2|gato[- ]?2|chinchilla[- ]?2|(?<![-/])mamba(?![\s-]*(layers?|blocks?|hybrids?|-))|rwkv|dbrx|nemotron|command[- ]r\+?)\b",
    re.I,
)
# a name's own tag after it ("-XL", " v2", "-L"), before the noun that names it a model
_NAME_TAG = r"[-\s](?:X{0,3}[SML]|X{1,3}|v?\d+(?:\.\d+)?[A-Za-z]?)(?!\w)"
_TAG_END, _TAGS_AFTER = re.compile(rf"(?:{_NAME_TAG})+$"), re.compile(rf"(?:{_NAME_TAG})+")
# Capitalized tokens shaped like model names: FooBERT, TurboGPT-X, GPT-7, XYZFormer, Llama-3.
MODEL_SHAPED = re.compile(
    r"^([A-Z][A-Za-z]*(BERT|GPT|Former|former|LM|T5|Net|Bot)(\d+(\.\d+)?)?(-[A-Z0-9][A-Za-z0-9]*)?|(?!(?i:pre|post|mid|early|late|top|covid|q|h|fy|sub|under|over|above|below)-)[A-Z][A-Za-z]*-[A-Z]?\d+[A-Za-z]?"
    r"|(?!(?i:pre|post|non|multi|self|cross|bi|top|mid)-)[A-Z][a-z]{2,}-[A-Z]{1,2}\d*)$")  # a capital-letter tag: "Orion-X", "Atlas-V2"

COMMON_WORDS = frozenset(
    """
    about above after again against also among model models paper papers large larger largest small
    smaller smallest language languages which where their there these those other others imagine
    image images general generate generation generative switch between better train trained training
    transformer transformers encoder decoder encoders decoders attention objective objectives release
    released company companies built build builder compare versus params parameters billion million
    trillion source license open closed google deepmind openai meta facebook microsoft nvidia amazon
    anthropic explain define what when whose would could should bigger biggest newest oldest latest
    earliest first second third last table family families based derived catalog dialog dialogue
    vision visual masked causal prefix denoising diffusion contrastive instruction instructions tuning
    tuned human feedback please thanks thank hello world weather recipe stock price prices story llm llms lm lms
    instruct chat base
    """.split()
)


# the noun after a name that makes it a model's name ("the Zorblax transformer", "a Quillon LLM")
_WORD = re.compile(r"[a-z]+")


@functools.lru_cache(maxsize=1)
def _suffix() -> re.Pattern:
    """A word written onto a name with a hyphen that keeps the name's model ("BERT-based", "BERT-large",
    "Gemma-7b-it"): the en lexicon's ``name_suffixes``."""
    words = sorted(lexicon("en").data["name_suffixes"], key=len, reverse=True)
    return re.compile(rf"^(.+?)-({'|'.join(map(re.escape, words))})$", re.I)


# a name written with a version in one token ("BERT-4", "T6", "Gopher2", "DINOv3"): the name's stem, then the version
_STEM_VERSION = re.compile(r"^(?P<stem>[A-Za-z][A-Za-z.\-]*?)-?(?P<version>v?\d+(?:\.\d+)?)$", re.I)
_TRAILING_VERSION = re.compile(r"v?\d+(?:\.\d+)?$", re.I)
# punctuation between a name and a number: not a version ("Whisper? I", "Phi, 5 sizes", "InstructGPT — I'm writing",
# "Gopher (I think)", "T5 - I need"); a hyphen inside a name ("GPT-3") has no space around it
_LIST_BREAK = re.compile(r"[,;]")  # between the items of a list, never inside a name
_BREAK = re.compile(r"[?!.,;:—–()\[\]\"“”‘’/]|\s-|-\s")


def fold_accents(text: str) -> str:
    """Each accented letter replaced by its base letter, one character for one ("Tülu" -> "Tulu")."""
    if text.isascii():
        return text
    out = []
    for ch in text:
        base = unicodedata.normalize("NFKD", ch)
        base = "".join(c for c in base if not unicodedata.combining(c))
        out.append(base if len(base) == 1 else ch)
    return "".join(out)


# a size written onto a name ("Qwen2.5-72B", "Llama-3-70B", "Gemma-2-9b"): the name, then the size
@functools.lru_cache(maxsize=1)
def _stem_tag() -> re.Pattern:
    """A catalog name with a capital-letter tag in one token ("PaLM-E", "GPT-X", "OPT-IML": up to four capitals); a
    size letter (the en lexicon's ``size_letters``: "ViT-L") is no tag, nor a ``name_suffixes`` word (split off first)."""
    sizes = "".join(lexicon("en").data["size_letters"])
    return re.compile(rf"^(?P<stem>[A-Za-z][A-Za-z0-9.]*[A-Za-z0-9])-(?P<tag>(?![{sizes}]$)[A-Z][A-Za-z]?|[A-Z]{{3,4}})$")
_SIZED = re.compile(r"^(.+?[A-Za-z0-9])-(\d+(?:\.\d+)?[mbt]\d?)$", re.I)  # "7B", "6.9B", and "7b1" as BLOOM writes 7.1B
# a lineage written onto a name as one hyphenated word ("Derived-from-GPT-2 models", "built-on-LLaMA"): the name after it
_PREFIX = re.compile(r"^((?:derived|built|based|fine-?tuned|distilled|descended|trained|initiali[sz]ed|adapted|forked)-"
                     r"(?:from|on|upon|off))-([A-Za-z0-9].*)$", re.I)


def _tokens(text: str, names=()) -> list[tuple[str, int, int]]:
    """Word tokens with offsets; "BERT-based" splits into "BERT" and "based", and a catalog name
    (one of ``names``, normalized) with a size written onto it, "Qwen2.5-72B", into "Qwen2.5" and "72B"
    ("MPT-7B" stays one model-shaped word)."""
    out = []
    for m in TOKEN.finditer(text):
        word, start = m.group(), m.start()
        if (lead := _PREFIX.match(word)):
            out.append((lead.group(1), start, start + len(lead.group(1))))
            word, start = lead.group(2), start + len(lead.group(1)) + 1
        tail = []
        while True:  # "Gemma-7b-it": the tag, then the size, then the name
            sized = _SIZED.match(word)
            split = _suffix().match(word) or (sized if sized and normalize_name(sized.group(1)) in names else None)
            if not split:
                break
            head = split.group(1)
            tail.insert(0, (split.group(2), start + len(head) + 1, start + len(word)))
            word = head
        out.append((word, start, start + len(word)))
        out.extend(tail)
    return out


def english_words() -> frozenset[str]:
    """Whole words of the embedding model's WordPiece vocabulary (a plain text file): a list of
    common English words that needs no extra package. Empty when the model folder is absent."""
    try:
        from index.embedder import default_model_path

        lines = (default_model_path() / "vocab.txt").read_text(encoding="utf-8").splitlines()
    except Exception:  # noqa: BLE001 - fuzzy matching just gets less careful
        return frozenset()
    return frozenset(w for w in lines if w.isalpha() and w.islower() and len(w) >= 4)


def _grown(key: str, name: str) -> bool:
    """A written name whose word is a catalog name's word with two or more letters added at its end ("zephyrus" from
    "zephyr", "falconet" from "falcon", "chinchillator70b" from "chinchilla70b"): a name of its own, not a misspelling
    (a plural "-es" aside)."""
    written, own = re.match(r"[a-z]*", key).group(), re.match(r"[a-z]*", name).group()
    extra = written[len(own):] if own and written.startswith(own) else ""
    return len(extra) >= 2 and extra != "es"


def _renumbered(key: str, name: str) -> bool:
    """A written name whose version number differs from a catalog name it resembles ("claude35sonnet" near
    "claude3sonnet", "phi35" near "phi3"): another release, not a misspelling of that one."""
    written, own = "".join(filter(str.isdigit, key)), "".join(filter(str.isdigit, name))
    return bool(written) and bool(own) and written != own


@dataclass(frozen=True)
class Mention:
    model_id: str
    text: str
    start: int  # character offsets in the question
    end: int
    fuzzy: bool = False


_TAIL = re.compile(r"[\s-]+(v?\d[\w.]*|[A-Z][a-z]+\+?)")
_WORDS = re.compile(r"[a-z0-9.]+")  # the words of a lowercased name or tier ("claude 3 opus": claude, 3, opus)


def _joins(text: str, tier: re.Match) -> bool:
    """A tier word that also joins two things (lexicon ``name_tiers.joining``: "BERT plus its immediate children", "BART
    plus anything built on it"): a conjunction when more words follow it, no product tier."""
    joining = {str(w).lower() for w in lexicon("en").data.get("name_tiers", {}).get("joining", [])}
    return tier.group().strip(" -").lower() in joining and bool(text[tier.end():].strip(" ?!.。？！"))


@functools.cache
def _tier_tails() -> tuple[re.Pattern, re.Pattern]:
    """A tier written after a well-known name (the lexicon's ``name_tiers``): a tier with or without a version
    ("claude opus", "gemini ultra 2"), a size word only with one ("mistral large 2"); and either with a version, as
    it follows a catalog name to name another model ("qwen max 2")."""
    tiers = lexicon("en").data.get("name_tiers", {})
    tier = "|".join(re.escape(str(w)) for w in tiers.get("tier", [])) or "(?!)"
    size = "|".join(re.escape(str(w)) for w in tiers.get("size_word", [])) or "(?!)"
    version = r"[\s-]+v?\d+(?:\.\d+)?(?![\w.])(?!\s*(?:[mbkt]\b|billion|million|trillion))"
    alone = re.compile(rf"[\s-]+(?:(?:{tier})\b(?:{version})?(?![\s-]+(?:models?|variants?|versions?)\b)|(?:{size})(?:{version}))", re.I)
    versioned = re.compile(rf"[\s-]+(?P<tier>{tier}|{size}){version}", re.I)
    return alone, versioned


def _lower_tail() -> re.Pattern:
    return _tier_tails()[0]


def _tail(text: str, end: int) -> str:
    """The version or variant word after a well-known name ("Claude" + " 2", "Mistral" + " Large", "mistral large 2")."""
    m = _TAIL.match(text, end) or _lower_tail().match(text, end)
    return m.group() if m else ""


class EntityLinker:
    def __init__(self, catalog: Catalog, vocabulary: frozenset[str] = frozenset(), english: frozenset[str] = frozenset(),
                 model_head: Callable[[str], object] | None = None, apposition: Callable[[str], object] | None = None):
        self.catalog = catalog
        self.vocabulary = vocabulary  # domain words that are not model names (MLM, RLHF, ...)
        self.english = english  # ordinary words: never fuzzy-matched to a name ("alert" is not ALBERT)
        self.model_head = model_head  # the noun after a made-up word that names it as a model (the lexicon's ``model_head`` cue)
        self.apposition = apposition  # an apposition after a word that says it is a model (``model_apposition``)
        # the words that join a second name shortened to its version to the first ("Llama 2 vs 3", "GPT-2 or 3")
        self.joins = frozenset(str(w) for w in lexicon("en").data.get("version_joins", []))
        self.version_joins = self.joins | frozenset(str(w) for w in lexicon("en").data.get("version_clause_joins", []))
        # a joined whole number next ("..., 2 and 3"): the run of versions goes on (``_version_run``)
        self._joined_number = re.compile(rf"\s*(?:{'|'.join(re.escape(j) for j in sorted(self.joins, key=len, reverse=True))})\s*\d+\b", re.I)
        self.names = {key: e.id for key, e in catalog.names().items() if key}
        # what a numbered name is a version of ("gpt" of GPT-3, "t" of T5, "qwen" of Qwen2.5), and the plain names
        self.stems = frozenset(self.names) | frozenset(
            stem for key in self.names if (stem := _TRAILING_VERSION.sub("", key)) != key and stem.isalpha())
        self._fuzzy_keys = [k for k in self.names if len(k) >= 4]
        # labs and families of the loaded models: "DeepSeek models" names a lab, not an unknown model
        self.groups = frozenset(w.lower() for e in catalog.models.values()
                                for w in (e.family, *e.labs, *e.org_names) if w)
        self.labs = frozenset(w.lower() for e in catalog.models.values() for w in (*e.labs, *e.org_names) if w)
        # accelerators written as tags ("NVIDIA's A100", "Google's v4"): hardware, never a lab's model
        self.tag_verbs = frozenset(str(w).lower() for w in lexicon("en").data.get("lab_tag_verbs", {}).get("verbs", []))
        self.tag_between = frozenset(str(w).lower() for w in lexicon("en").data.get("lab_tag_verbs", {}).get("between", []))
        self.hardware = re.compile(str(lexicon("en").data.get("hardware_tags", "(?!)")).removeprefix("re:"), re.I)
        models, concepts, _ = catalog.serialized()  # every word the catalog writes (names, authors, labs, corpora, concepts)
        self.written = frozenset(w for doc in (*models, *concepts) for w in _WORD.findall(doc.decode().lower()))

    def link(self, text: str, unique: bool = True) -> tuple[list[Mention], list[str]]:
        """Models mentioned (in order, no repeats) and model-like names that are not in the catalog."""
        original, text = text, fold_accents(text)
        mentions, unknown = self._link(text, unique)
        return [replace(m, text=original[m.start:m.end]) for m in mentions], unknown

    def _link(self, text: str, unique: bool) -> tuple[list[Mention], list[str]]:
        tokens = _tokens(text, self.names)
        mentions: list[Mention] = []
        outside = list(KNOWN_OUTSIDE.finditer(text))
        unknown: list[str] = []
        i = 0
        while i < len(tokens):
            found = self._exact_at(tokens, i, text)
            if found and self._as_verb(text, tokens, i, found[0]):
                i += 1  # "only a few sub-networks switch on per token": the English verb, not the model Switch
                continue
            if found:
                j, model_id = found
                nxt = tokens[j][0] if j < len(tokens) else ""
                gap = text[tokens[j - 1][2]:tokens[j][1]] if nxt else ""
                numbered = tokens[j - 1][0][-1:].isdigit() and nxt.isalpha()  # "Claude 3 I can cite": no roman numeral after a number
                # "Mixtral 8x7B 8×7=56B": a number that arithmetic follows is a size worked out, not a version
                arith = bool(nxt) and bool(_ARITHMETIC.match(text, tokens[j][2]))
                sized = bool(nxt) and unit_follows(text, tokens[j][2])  # "is LLaMA 175 billion parameters?": a size, not LLaMA 175
                if (nxt and _VERSION.match(nxt) and not _SIZE.match(nxt) and not is_year(nxt) and not _BREAK.search(gap) and not numbered
                        and not arith and not sized):
                    if self._own_version(model_id, nxt):  # "Dolly V2": one of Dolly's own releases, Dolly
                        mentions.append(Mention(model_id, text[tokens[i][1]:tokens[j][2]], tokens[i][1], tokens[j][2]))
                        i = j + 1
                        continue
                    unknown.append(text[tokens[i][1]:tokens[j][2]])
                elif (tier := _tier_tails()[1].match(text, tokens[j - 1][2])) and not self._own_version(model_id, tier.group("tier")):
                    unknown.append(text[tokens[i][1]:tier.end()])  # "qwen max 2": a tier and a version make another model
                    while i < len(tokens) and tokens[i][1] < tier.end():
                        i += 1
                    continue
                elif ((tier := _tier_tails()[0].match(text, tokens[j - 1][2])) and not self._own_tier(model_id, tier.group())
                      and not _joins(text, tier)):
                    # "GPT-4 Turbo", "GPT-4o mini": a product tier the model's entry never names is another model
                    unknown.append(text[tokens[i][1]:tier.end()])
                    while i < len(tokens) and tokens[i][1] < tier.end():
                        i += 1
                    continue
                else:
                    mentions.append(Mention(model_id, text[tokens[i][1]:tokens[j - 1][2]], tokens[i][1], tokens[j - 1][2]))
                i = j
                continue
            word = tokens[i][0]
            if mentions and (elided := self._elided(text, tokens[i], mentions[-1])):
                mentions.append(Mention(elided, text[tokens[i][1]:tokens[i][2]], tokens[i][1], tokens[i][2]))
                i += 1
                continue
            if (own := self._own_version_in(word)):  # "Dolly-v2" in one word: Dolly, at one of its own releases
                mentions.append(Mention(own, text[tokens[i][1]:tokens[i][2]], tokens[i][1], tokens[i][2]))
                i += 1
                continue
            if (tag := self._lab_tag(text, tokens, i)):  # "OpenAI's o1", "DeepSeek R2": a lab's model by a tag the catalog lacks
                unknown.append(tag)
                i += 1
                continue
            j = self._other_version(text, tokens, i)
            if j:  # "BERT-4", "T6", "Phi 5": a version of a catalog name that the catalog does not have
                unknown.append(text[tokens[i][1]:tokens[j - 1][2]])
                i = j
                continue
            fuzzy = self._fuzzy(tokens, i, text)
            if fuzzy and fuzzy[1] is None:
                unknown.append(text[tokens[i][1]:tokens[fuzzy[0] - 1][2]])
                i = fuzzy[0]
                continue
            if fuzzy:
                j, model_id = fuzzy
                mentions.append(Mention(model_id, text[tokens[i][1]:tokens[j - 1][2]], tokens[i][1], tokens[j - 1][2], True))
                i = j
                continue
            made_up = None if MODEL_SHAPED.match(word) else self._made_up(text, tokens, i)
            if ((MODEL_SHAPED.match(word) or made_up) and word.lower() not in self.vocabulary
                    and word.lower() not in COMMON_WORDS
                    and not any(word.lower() in u.lower() for u in (*unknown, *(o.group() for o in outside)))):
                unknown.append(text[tokens[i][1]:made_up] if made_up else word)  # with its tag: "TransMorph-XL"
            i += 1
        unknown += self._beside(text, tokens, mentions, [*unknown, *(o.group() for o in outside)])
        # a well-known outside name counts only where no catalog name covers it ("Claude 3" is in the catalog)
        unknown = [o.group() + _tail(text, o.end()) for o in outside
                   if not any(not m.fuzzy and m.start < o.end() and o.start() < m.end for m in mentions)
                   and not (o.group().lower() in self.groups and not _tail(text, o.end()))
                   and not any(o.group().lower() in u.lower() and len(u) > len(o.group()) for u in unknown)] + unknown
        seen: set[str] = set()
        ordered = [m for m in mentions if not unique or not (m.model_id in seen or seen.add(m.model_id))]
        return ordered, list(dict.fromkeys(unknown))

    def generations(self, text: str, mentions: list[Mention]) -> tuple[list[Mention], list[str], list[tuple[int, int]]]:
        """Ordinal generations of a numbered line ("the second-generation Llama", "first and third generation Gemma",
        "Llama's third generation"): each ordinal names the model numbered so in the catalog (the first: the line's
        unnumbered model, or the one numbered 1), and one the catalog lacks is an unknown name ("the fourth-generation
        Llama": Llama 4). The mentions, the unknown names, and the spans the ordinals and the name take (lexicon
        ``generation_before`` / ``generation_after``, ranks from ``ordinals``)."""
        lex = lexicon("en")
        ranks, low = lex.data["ordinals"], text.lower()
        out, unknown, spans = [], [], []
        for m in mentions:
            e = self.catalog.models[m.model_id]
            key = normalize_name(e.name)
            stem = _TRAILING_VERSION.sub("", key)
            lead = lex.first("generation_before", low[:m.start])
            tail = None if lead else lex.first("generation_after", low[m.end:])
            if not (lead or tail) or key[len(stem):] not in ("", "1", "1.0") or not stem:
                out.append(m)
                continue
            at = lead.start("ords") if lead else m.end + tail.start("ords")
            words = list(re.finditer(r"\w+", (lead or tail).group("ords")))
            for w in (w for w in words if w.group() in ranks):
                k = ranks[w.group()]
                found = m.model_id if k == 1 else next(
                    (self.names[c] for c in (f"{stem}{k}", f"{stem}v{k}", f"{stem}{k}.0") if c in self.names), None)
                if found is None:
                    unknown.append(f"{e.name} {k}")
                    continue
                out.append(Mention(found, text[at + w.start():at + w.end()], at + w.start(), at + w.end()))
            spans.append((lead.start() if lead else m.start, m.end if lead else m.end + tail.end()))
        return out, unknown, spans

    def _beside(self, text: str, tokens, mentions: list[Mention], named: list[str]) -> list[str]:
        """Capitalized names joined to a catalog model as its peer ("Koala and Vicuna", "Is Baize bigger than Alpaca?",
        "Vicuna vs Guanaco"): another model, one the catalog does not hold, when the catalog never writes the word and it
        is no English word, lab, family or domain term (a capital after a small letter is a name's spelling: "CoCa")."""
        out = []
        for word, start, end in tokens:
            if (len(word) < 3 or not word.isalpha() or not word[0].isupper() or word.isupper() or word.lower() in COMMON_WORDS
                    or any(m.start <= start < m.end for m in mentions) or any(word.lower() in u.lower() for u in named)):
                continue
            key = word.lower()
            sets = (self.written, self.groups, self.vocabulary) if re.search(r"[a-z][A-Z]", word) else \
                (self.english, self.written, self.groups, self.vocabulary)
            if any(k in words for k in (key, key.rstrip("s")) for words in sets):
                continue
            gaps = [text[end:m.start] for m in mentions if m.start >= end] [:1] + [text[m.end:start] for m in mentions if m.end <= start][-1:]
            if any(self._joins(g) for g in gaps):
                out.append(word)
        return out

    def _as_verb(self, text: str, tokens, i: int, j: int) -> bool:
        """A one-word name that is an English word ("switch", "bloom", "whisper"), written in small letters, used as a
        verb: a verb particle follows it (the en lexicon's ``name_as_verb.particles``: "switch on", "bloom into"), and
        a plural subject or a word that comes before a verb precedes it ("sub-networks switch on", "that switch off").
        "fine-tuned palm on math" keeps PaLM: a verb comes before it, no subject."""
        word = tokens[i][0]
        if j != i + 1 or not word.islower() or word not in self.english or i == 0 or j >= len(tokens):
            return False
        lex = lexicon("en")
        table = lex.data.get("name_as_verb", {})
        if tokens[j][0].lower() not in table.get("particles", []) or text[tokens[i][2]:tokens[j][1]] != " ":
            return False
        if re.match(r"\s*\d", text[tokens[j][2]:]):  # "palm over 500B": a name and a bound
            return False
        before = tokens[i - 1][0].lower()
        if text[tokens[i - 1][2]:tokens[i][1]].strip():  # punctuation between: no subject
            return False
        plural = before.endswith("s") and not before.endswith("ss") and before not in lex.stopwords \
            and normalize_name(before) not in self.names
        return plural or before in table.get("before", [])

    def _joins(self, gap: str) -> bool:
        """Whether the words between two names join them as peers: a joining word ("and", "vs", "or") or a comparison's
        "... than" ("bigger than", "much older than")."""
        gap = gap.strip(" ,:").lower()
        return gap in self.joins or (gap.endswith(" than") and len(gap.split()) <= 3)

    def _own_version(self, model_id: str, version: str) -> bool:
        """Whether a version written after a model's name is one of the model's own released sizes, by its label
        ("Dolly V2", "Dolly 2": Dolly's v2 release), not another model."""
        params = self.catalog.models[model_id].params
        labels = {normalize_name(v.label) for v in (params.variants if params else []) if v.label}
        key = normalize_name(version)
        return key in labels or ("v" + key) in labels

    def _new_number(self, key: str, name: str) -> bool:
        """A written name ending in a version number (not a size) that no catalog name of the same letters as the matched
        one carries ("gemeni2" near "gemini", whose line has 1.0 and 1.5): another release, not a misspelling."""
        if not key[-1:].isdigit():
            return False
        letters = lambda k: "".join(filter(str.isalpha, k))
        written = "".join(filter(str.isdigit, key))
        numbers = {"".join(filter(str.isdigit, k)) for k in self.names if letters(k) == letters(name)}
        return written not in numbers

    def _own_tier(self, model_id: str, tier: str) -> bool:
        """Whether a tier written after a model's name is the model's own: a size label of it, or the last word of one
        of its names ("Claude 3 Opus", "Gemini Pro", "phi-3-mini")."""
        words = _WORDS.findall(tier.lower())
        if not words:
            return False
        e = self.catalog.models[model_id]
        ends = {said[-1] for n in (e.name, *e.aliases) if (said := _WORDS.findall(n.lower()))}
        return self._own_version(model_id, words[0]) or words[0] in ends

    def _own_version_in(self, word: str) -> str | None:
        """The model a one-word name with a version written onto it names, when the version is its own ("Dolly-v2")."""
        m = _STEM_VERSION.match(word)
        model_id = self.names.get(normalize_name(m.group("stem"))) if m else None
        return model_id if model_id and self._own_version(model_id, m.group("version")) else None

    def _lab_tag(self, text: str, tokens, i) -> str | None:
        """A short tag of letters and a number ("o1", "R2", "k2") written right after a lab's name or its possessive
        ("OpenAI's o1", "DeepSeek R2"): that lab's model, one the catalog does not hold (a catalog name matched first)."""
        word = tokens[i][0]
        if not _LAB_TAG.match(word) or _SIZE.match(word) or i == 0 or self.hardware.match(word):
            return None
        k, at = i - 1, i
        # "did OpenAI release o1", "when did DeepSeek put out R2": the lab, then a verb of releasing (the en lexicon's
        # ``lab_tag_verbs``), then its tag; the name reported is the lab's and the tag's
        for size in (2, 1):
            said = " ".join(t[0].lower() for t in tokens[max(0, k - size + 1):k + 1])
            if k - size < 0 or said not in self.tag_verbs or "," in text[tokens[k - size][2]:tokens[k][2]]:
                continue
            lab = k - size
            if tokens[lab][0].lower() in self.tag_between and lab > 0:
                lab -= 1  # "OpenAI when released o1", glossed from OpenAI 什么时候发布的 o1
            if tokens[lab][0].lower() in self.labs:
                k, at = lab, lab + 1
                break
        if tokens[k][0].lower() == "s" and k > 0 and text[tokens[k - 1][2]:tokens[k][1]] in ("'", "’"):
            k -= 1  # the possessive's "s"
        if tokens[k][0].lower() not in self.labs or text[tokens[k][2]:tokens[at][1]].strip(" '’s") or \
                not text[tokens[k][2]:tokens[at][1]].endswith(" "):
            return None
        if at != i:
            named = f"{text[tokens[k][1]:tokens[k][2]]} {tokens[i][0]}"
            # "when did DeepSeek release R1?": the lab's tag the catalog holds (DeepSeek-R1) is no unknown model
            return None if any(not m.fuzzy for m in self._link(named, True)[0]) else named
        return text[tokens[k][1]:tokens[i][2]]

    def _made_up(self, text: str, tokens, i) -> int | None:
        """A capitalized word the catalog never writes and English does not have, named as a model by the noun after
        it ("the Zorblax transformer", "the Quillon model"), a tag of its own between them ("the TransMorph-XL language
        model", "StarWeave-L model"), or by an apposition after it (English's word too: "Koala (the Berkeley chatbot)"):
        a model the catalog does not know, not a concept. The end of the name, or None."""
        word = tokens[i][0]
        tag = _TAG_END.search(word)
        base = word[:tag.start()] if tag else word
        after = _TAGS_AFTER.match(text, tokens[i][2])
        end = after.end() if after else tokens[i][2]
        # an apposition that says it is a model ("Koala (the Berkeley chatbot)") names it so even when English has the word
        apposed = self.apposition is not None and bool(self.apposition(text[end:]))
        headed = self.model_head is not None and bool(self.model_head(text[end:]))
        if not (len(base) >= 4 and base.isalpha() and base[0].isupper() and not base.isupper()  # "MSFT": an abbreviation
                and (headed or apposed)
                and base.lower() not in self.written and (apposed or base.lower() not in self.english) and base.lower() not in self.groups):
            return None
        return end

    def _elided(self, text: str, token, before: Mention) -> str | None:
        """The model a bare version names after a versioned name and a joining word ("Llama 2 vs 3", "GPT-2 or 3",
        "DeepSeek V2 vs V3", "DeepSeek V3 to R1": a tag of its own letter; "after DeepSeek-V3 did R1", the lexicon's
        ``version_clause_joins``), the first name's stem at that version, when the
        catalog has it. A size or a year after the joining word ("GPT-3 and 175B", "GPT-2 or 2019") is no version."""
        word, start, end = token
        gap = text[before.end:start].strip(" ,:").lower()
        joined = gap in self.version_joins or (gap.endswith(" than") and len(gap.split()) <= 3)  # "older than 4", "much bigger than 3"
        # a list of versions joined by commas ("DeepSeek-V2, V3 and R1", DeepSeek-V2、V3、R1): a version with a letter of its
        # own or a decimal one ("Qwen2, 2.5 and 3") only, since a whole number after a comma is as often a count ("GPT-2, 3
        # other models")
        joined = joined or (text[before.end:start].strip().lower() in self.joins and not word.isdigit())
        # ... or a run of whole numbers counting up from the name's own version ("Gemma 1, 2 and 3", Llama 1、2、3): each
        # the next one, and another joined number after it or a number of the run before it ("GPT-2, 3 other models" is none)
        joined = joined or (text[before.end:start].strip().lower() in self.joins and self._version_run(text, before, word, end))
        # (a version tagged by a letter of its own, "DeepSeek V3 to R1", is written like a lab's short tag: _LAB_TAG)
        if not joined or not version_tag(word) or unit_follows(text, end):
            return None
        key = normalize_name(text[before.start:before.end])
        if before.model_id in self.catalog.models and not _TRAILING_VERSION.sub("", key):
            key = normalize_name(self.catalog.models[before.model_id].name)  # "V2, V3 and R1": V3 is DeepSeek-V3's
        stem = _TRAILING_VERSION.sub("", key)
        if stem == key or not stem:
            return None
        lead = "v" if key[len(stem):len(stem) + 1] == "v" and not word[:1].isalpha() else ""
        return self.names.get(normalize_name(stem + lead + word))

    def _version_run(self, text: str, before: Mention, word: str, end: int) -> bool:
        """Whether a whole number after a versioned name and a comma is the next version of a counted run ("Gemma 1, 2
        and 3"): one more than the version before it, and either a joined number follows or the one before was a bare
        number of the run itself."""
        said = before.text.strip()
        own = said[len(said.rstrip("0123456789")):]  # the version number the name before ends with
        if not word.isdigit() or not own or int(word) != int(own) + 1:
            return False
        return said.isdigit() or bool(self._joined_number.match(text, end))

    def _other_version(self, text: str, tokens, i) -> int | None:
        """The end token when token ``i`` is a catalog name's stem with a version the catalog does
        not have: in one token ("BERT-4", "T6", "Gopher2") or two ("Phi 5"). A size ("T5-11B") or a
        year ("the 2022 version") is not a version; a one-letter stem ("T" of T5) must be written
        as a name is (a capital letter, in one token)."""
        word = tokens[i][0]
        tagged = _stem_tag().match(word)  # "PaLM-E": a catalog name with a letter tag the catalog does not have
        if tagged and normalize_name(tagged.group("stem")) in self.names and normalize_name(word) not in self.names:
            return i + 1
        m = _STEM_VERSION.match(word)
        if m and not is_year(m.group("version").lstrip("vV")):
            stem = normalize_name(m.group("stem"))
            if stem in self.stems and (len(stem) >= 2 or word[0].isupper()):
                return i + 1
        gap = text[tokens[i][2]:tokens[i + 1][1]] if i + 1 < len(tokens) else ""
        nxt = tokens[i + 1][0] if i + 1 < len(tokens) and not _BREAK.search(gap) else ""
        stem = normalize_name(word)
        if (nxt and len(stem) >= 2 and stem in self.stems and stem not in self.names and _TRAILING_VERSION.fullmatch(nxt)
                and not is_year(nxt) and word.lower() not in COMMON_WORDS):
            return i + 2
        # a lab's line written apart from its letter tag ("DeepSeek R2" beside DeepSeek-R1): the tag's letter joins the
        # stem, and a version the catalog lacks is another model, never a one-letter typo of a sibling ("DeepSeek-V2")
        tag = re.fullmatch(r"([A-Za-z])(\d+(?:\.\d+)?)", nxt) if nxt else None
        if tag and (stem + tag.group(1).lower()) in self.stems and normalize_name(word + nxt) not in self.names:
            return i + 2
        return None


    def _exact_at(self, tokens, i, text: str = ""):
        for n in range(min(MAX_NGRAM, len(tokens) - i), 0, -1):
            if text and any(_LIST_BREAK.search(text[a[2]:b[1]]) for a, b in zip(tokens[i:i + n - 1], tokens[i + 1:i + n])):
                continue  # "Megatron, Turing-NLG and MT-NLG": a list comma is no part of a name (no catalog name has one)
            key = normalize_name("".join(t[0] for t in tokens[i:i + n]))
            if key in self.names:
                return i + n, self.names[key]
            # "Chinchilla's" -> "Chinchilla"; "GPT-3s" is not a thing, so only possessives.
        return None

    def _fuzzy(self, tokens, i, text: str = ""):
        for n in (2, 1):
            if i + n > len(tokens) or n > 1 and text and _LIST_BREAK.search(text[tokens[i][2]:tokens[i + 1][1]]):
                continue
            words = [t[0] for t in tokens[i:i + n]]
            if any(w.lower() in COMMON_WORDS or w.lower() in self.vocabulary or w.lower() in self.english for w in words):
                continue
            if " ".join(words).lower() in self.groups:  # a lab or family ("DeepSeek models"), not a misspelt model
                continue
            if n > 1 and (any(len(w) <= 2 and w.isalpha() for w in words) or self._exact_at(tokens, i + 1)):
                continue
            key = normalize_name("".join(words))
            if len(key) < 4 or key.isdigit():
                continue
            best = process.extractOne(key, self._fuzzy_keys, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
            if best and _grown(key, best[0]):
                continue  # "Zephyrus", "Falconet": a catalog name grown by letters is another name, no typo of it
            if best and _renumbered(key, best[0]):
                continue  # "Claude 3.5 Sonnet", "Gemma 2.5": a catalog name with another version number is another model
            if not best and len(key) >= 5:  # one swap or one edit ("gohper", "chinchila") in a longer name
                close = process.extractOne(key, self._fuzzy_keys, scorer=OSA.distance, score_cutoff=1)
                best = close if close and close[0][0] == key[0] else None
            if not best:
                continue
            # "Gemeni 2", "Chinchila 2": a misspelt name with a version none of its line has is another release
            if n > 1 and self._new_number(key, best[0]):
                return i + n, None
            if self._numbered_after(tokens, i + n, text, key, best[0]):
                return i + n + 1, None  # ... the version a token of its own after the misspelt word
            return i + n, self.names[best[0]]
        return None

    def _numbered_after(self, tokens, j: int, text: str, key: str, name: str) -> bool:
        """A bare version number (no size, no year) right after a misspelt name that none of its line carries."""
        if j >= len(tokens) or (text and _BREAK.search(text[tokens[j - 1][2]:tokens[j][1]])):
            return False
        nxt = tokens[j][0]
        return bool(re.fullmatch(r"\d{1,2}(?:\.\d+)?", nxt)) and self._new_number(key + normalize_name(nxt), name)
