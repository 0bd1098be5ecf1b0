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

import re
import threading
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from assistant.zh_numbers import rewrite

__all__ = ["ChineseReader", "Reading", "load_zh_lexicon", "normalize"]

LEXICON = Path(__file__).resolve().parent / "lexicon" / "zh.yaml"
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_PUNCT = str.maketrans({"。": ".", "、": ",", "《": "“", "》": "”", "〈": "“", "〉": "”", "「": "“", "」": "”",
                        "『": "“", "』": "”", "【": "(", "】": ")", "～": "~", "·": " ", "…": " "})
MAX_WORDS = 6  # the longest lexicon entry, in jieba words


def load_zh_lexicon(path: Path = LEXICON) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Reading:
    """What the reader made of a Chinese question."""

    text: str  # the normalised Chinese question
    gloss: str  # the same question in the parser's cue terms
    unknown_names: tuple[str, ...] = ()  # well-known models the catalog does not hold
    off_topic: bool = False
    unread: tuple[str, ...] = field(default=())  # content words with no gloss


class _Converter:
    """Traditional -> simplified, built on first use."""

    def __init__(self):
        self._cc = None
        self._lock = threading.Lock()

    def __call__(self, text: str) -> str:
        if self._cc is None:
            with self._lock:
                if self._cc is None:
                    import opencc

                    self._cc = opencc.OpenCC("tw2sp")
        return self._cc.convert(text)


_to_simplified = _Converter()


def normalize(text: str) -> str:
    """Simplified characters, half-width letters, digits and punctuation, single spaces."""
    text = unicodedata.normalize("NFKC", text or "").translate(_PUNCT)
    if _HAN.search(text):
        text = _to_simplified(text)
    return re.sub(r"\s+", " ", text).strip()


class ChineseReader:
    def __init__(self, names: list[str] = (), lexicon: dict | None = None):
        lex = lexicon or load_zh_lexicon()
        self.glosses: dict[str, str] = {}
        for table in lex["gloss"].values():
            self.glosses.update({str(k): str(v) for k, v in table.items()})
        self.postpositions: dict[str, str] = dict(lex["postpositions"])
        self.relations: list[tuple[set[str], dict[str, str]]] = [(set(r["open"]), dict(r["close"])) for r in lex["relations"]]
        self.models: dict[str, str] = dict(lex["models"])
        self.outside = set(lex["outside_models"])
        self.off_topic = set(lex["off_topic"])
        self.yes_no_final = tuple(sorted(lex["yes_no_final"], key=len, reverse=True))
        self.follow_up_final = lex["follow_up_final"]
        self.fronted = list(lex["fronted"])
        self._names = [n for n in names if n]
        self._tokenizer = None
        self._lock = threading.Lock()

    # -- segmentation ---------------------------------------------------------------------------
    def _words(self) -> set[str]:
        words = set(self.glosses) | set(self.postpositions) | set(self.models) | self.outside | self.off_topic
        for opens, close in self.relations:
            words |= opens | set(close)
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
                    self._tokenizer = tok
        return self._tokenizer

    def segment(self, text: str) -> list[str]:
        return [t for t in self.tokenizer.cut(text) if t]

    # -- reading --------------------------------------------------------------------------------
    def read(self, question: str) -> Reading:
        text = normalize(question)
        core = text.rstrip("?!.,;: ")
        yes_no = next((f for f in self.yes_no_final if core.endswith(f) and len(core) > len(f)), None)
        follow = core.endswith(self.follow_up_final)
        if yes_no:
            core = core[: -len(yes_no)]
        elif follow:
            core = core[: -len(self.follow_up_final)]
        tokens = self.segment(rewrite(core))
        pieces, unknown, unread, off_topic = self._gloss(tokens)
        front = [p for p in pieces if p.kind == "gloss" and p.text in self.fronted]
        rest = [p for p in pieces if not (p.kind == "gloss" and p.text in self.fronted)]
        lead = (["is"] if yes_no else []) + (["and"] if follow and not yes_no else [])
        words = lead + [p.text for p in front] + [_join(rest)]
        gloss = re.sub(r"\s+", " ", " ".join(words)).strip()
        if text.endswith("?") or yes_no or follow:
            gloss += "?"
        return Reading(text=text, gloss=gloss, unknown_names=tuple(unknown), off_topic=off_topic, unread=tuple(unread))

    def _gloss(self, tokens: list[str]):
        pieces: list[_Piece] = []
        unknown: list[str] = []
        unread: list[str] = []
        off_topic = False
        k = 0
        while k < len(tokens):
            tok = tokens[k]
            if not _HAN.search(tok):
                pieces.append(_Piece(tok, "raw"))
                k += 1
                continue
            rel = self._relation(tokens, k)
            if rel:
                k, text = rel
                pieces.append(_Piece(text, "gloss"))
                continue
            n, kind, value = self._longest(tokens, k)
            if kind == "post":
                _insert_before_last(pieces, value)
            elif kind == "model":
                pieces.append(_Piece(value, "raw"))
            elif kind == "outside":
                unknown.append(value)
            elif kind == "off_topic":
                off_topic = True
            elif kind == "gloss":
                pieces.append(_Piece(value, "gloss") if value else _Piece(" ", "raw"))
            else:
                unread.append(tok)
            k += n
        return pieces, unknown, unread, off_topic

    def _longest(self, tokens: list[str], k: int) -> tuple[int, str, str]:
        """The longest lexicon entry starting at token k: (words used, kind, value)."""
        for n in range(min(MAX_WORDS, len(tokens) - k), 0, -1):
            word = "".join(tokens[k:k + n])
            for kind, table in (("model", self.models), ("gloss", self.glosses), ("post", self.postpositions)):
                if word in table:
                    return n, kind, table[word]
            if word in self.outside:
                return n, "outside", word + _rest_of_name(tokens, k + n)
            if word in self.off_topic:
                return n, "off_topic", word
        return 1, "", tokens[k]

    def _relation(self, tokens: list[str], k: int) -> tuple[int, str] | None:
        """"比GPT-3大" -> "bigger than GPT-3": OPEN X CLOSE within a few words."""
        for opens, close in self.relations:
            if tokens[k] not in opens:
                continue
            for j in range(k + 2, min(len(tokens), k + 10)):
                for n in range(min(3, len(tokens) - j), 0, -1):
                    word = "".join(tokens[j:j + n])
                    if word in close:
                        inner, _, _, _ = self._gloss(tokens[k + 1:j])
                        subject = _join(inner)
                        if subject.strip():
                            return j + n, f"{close[word]} {subject}"
        return None


@dataclass
class _Piece:
    text: str
    kind: str  # "raw": passed through (Latin text, numbers); "gloss": a lexicon gloss


def _join(pieces: list[_Piece]) -> str:
    out = ""
    for p in pieces:
        out += p.text if p.kind == "raw" else f" {p.text} "
    return out


def _insert_before_last(pieces: list[_Piece], gloss: str) -> None:
    """Put a postposition's gloss before the phrase it follows (a run of raw text, or one gloss)."""
    i = len(pieces)
    while i > 0 and pieces[i - 1].kind == "raw" and not pieces[i - 1].text.strip():
        i -= 1
    if i == 0:
        pieces.append(_Piece(gloss, "gloss"))
        return
    j = i - 1
    if pieces[j].kind == "raw":
        while j > 0 and pieces[j - 1].kind == "raw":
            j -= 1
    pieces.insert(j, _Piece(gloss, "gloss"))


def _rest_of_name(tokens: list[str], k: int) -> str:
    """The rest of an outside model's name ("盘古" + "大模型")."""
    rest = ""
    while k < len(tokens) and tokens[k] in ("大", "模型", "大模型") and len(rest) < 4:
        rest += tokens[k]
        k += 1
    return rest
