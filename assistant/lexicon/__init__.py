"""Lexicons: the cue words and fixed sentences of one language, read from ``<lang>.yaml``.

Code never holds cue words or user-visible sentences: it asks a ``Lexicon`` whether a named cue
occurs (``has``/``find``), for the vocabulary terms of a facet (``terms``), and for a sentence
by key (``say``). Each language also has a tokenizer hook (``TOKENIZERS``): English uses regex
word tokens; a language without spaces registers its own segmenter beside its YAML file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Callable, Iterator

from catalog.yamlsafe import load_checked

HERE = Path(__file__).resolve().parent
Token = tuple[str, int, int]  # text, start, end


def _regex_words(text: str) -> list[Token]:
    return [(m.group(), m.start(), m.end()) for m in re.finditer(r"[A-Za-z0-9]+(?:['’.\-][A-Za-z0-9]+)*", text)]


TOKENIZERS: dict[str, Callable[[str], list[Token]]] = {"en": _regex_words}


@lru_cache(maxsize=8192)
def phrase_pattern(phrase: str, spaced: bool = True) -> re.Pattern:
    """A lexicon entry as a regex: "re:..." verbatim; else a phrase on word boundaries, spaces and
    hyphens interchangeable and a plural s allowed (``spaced``); or a plain substring (no spaces)."""
    if phrase.startswith("re:"):
        return re.compile(phrase[3:], re.I)
    if not spaced:
        return re.compile(re.escape(phrase), re.I)
    words = [re.escape(w) for w in re.split(r"[\s\-]+", phrase) if w]
    return re.compile(r"(?<!\w)" + r"[\s\-]*".join(words) + r"(?:s|es)?(?!\w)", re.I)


# a short gloss in brackets inside a term's words restates the term and belongs to it: "causal (next-token) language
# modeling", "masked (cloze-style) LM" are the term with its gloss, so a negation before the term still reaches it
GLOSS_INSIDE = r"(?:[\s\-]*\([^()]{1,40}\))?[\s\-]*"


@lru_cache(maxsize=8192)
def term_pattern(phrase: str) -> re.Pattern:
    """A vocabulary term as a regex: ``phrase_pattern``, with a bracketed gloss allowed between two of its words."""
    words = [re.escape(w) for w in re.split(r"[\s\-]+", phrase) if w]
    return re.compile(r"(?<!\w)" + GLOSS_INSIDE.join(words) + r"(?:s|es)?(?!\w)", re.I)


QUOTES = re.compile(r"(?<![A-Za-z0-9])['‘’\"“”]|['‘’\"“”](?![A-Za-z0-9])")  # a quote mark, not an apostrophe inside a word


@dataclass(frozen=True)
class Term:
    """One literal vocabulary phrase: the facet and value it names. ``key`` is a lower-case
    fragment every match contains (a cheap substring test before the regex runs). The regex is
    compiled on first use: a question tries only the few terms whose key word it contains, so a
    process answering one question (the CLI) compiles a handful of the ~1,000 phrases, not all."""

    phrase: str
    spaced: bool
    facet: str
    value: str
    length: int
    key: str = ""
    weak: bool = False  # a generic word the paraphrase matcher may override
    values: tuple[str, ...] = ()  # a generic term: every value it names ("contrastive": both contrastive objectives)
    complement: bool = False  # the phrase names every value but this one ("a known license": not unknown)

    @cached_property
    def pattern(self) -> re.Pattern:
        return term_pattern(self.phrase) if self.spaced and not self.phrase.startswith("re:") else phrase_pattern(self.phrase, self.spaced)

    def finditer(self, text: str, low: str):
        if self.key and self.key not in low:
            return iter(())
        return self.pattern.finditer(text)


class TermSet:
    """Many terms, found fast: only terms whose key word occurs in the question are tried (longest
    first, no two overlapping), so a question costs a handful of regex scans, not hundreds."""

    def __init__(self, terms: list[Term]):
        self.terms = sorted(terms, key=lambda t: -t.length)
        self.by_key: dict[str, list[int]] = {}
        self.always: list[int] = []  # regex terms have no key word
        for i, t in enumerate(self.terms):
            if t.key:
                self.by_key.setdefault(t.key, []).append(i)
            else:
                self.always.append(i)

    def find(self, text: str):
        """(match, term) for every term occurrence, left to right, not overlapping. A value in quotes ("an 'unknown'
        licence", 'tagged "limited"') is found as if unquoted too (each quote a space, so the offsets stay)."""
        hits = self._find(text)
        bare = QUOTES.sub(" ", text)
        if bare != text:
            hits += [(m, t) for m, t in self._find(bare) if not any(m.start() < h.end() and h.start() < m.end() for h, _ in hits)]
        return sorted(hits, key=lambda h: h[0].start())

    def _find(self, text: str):
        words = set(re.findall(r"[a-z0-9]+", text.lower()))
        words |= {w[:-1] for w in words if w.endswith("s")} | {w[:-2] for w in words if w.endswith("es")}
        picked = sorted({i for w in words for i in self.by_key.get(w, ())} | set(self.always))
        # the longest match wins ("beyond the paper's original list" over "the paper's ... list" inside it), then the
        # longest term, as across fields (parse.Parser.mentions)
        found = [(m, t, k) for k, i in enumerate(picked) for t in (self.terms[i],) for m in t.pattern.finditer(text)]
        hits: list[tuple[re.Match, Term]] = []
        for m, t, _ in sorted(found, key=lambda f: (f[0].start() - f[0].end(), f[2])):
            if not any(m.start() < h.end() and h.start() < m.end() for h, _ in hits):
                hits.append((m, t))
        return sorted(self._refined(text, picked, hits), key=lambda h: h[0].start())

    def _refined(self, text: str, picked: list[int], hits: list) -> list:
        """A term naming several values ("trained with reinforcement learning": RLHF or RL for reasoning) gives way to
        an overlapping term that names one of them and reaches past it ("reinforcement learning for reasoning"): the
        narrower term says which. A term inside the generic one ("the additions" in "the paper and the additions") is
        one of its parts."""
        for k, (g, gt) in enumerate(list(hits)):
            if not gt.values:
                continue
            for i in picked:
                t = self.terms[i]
                if t.values or t.value not in gt.values or t.facet != gt.facet:
                    continue
                m = next((m for m in t.pattern.finditer(text) if m.start() < g.end() and g.start() < m.end()
                          and not (g.start() <= m.start() and m.end() <= g.end())), None)  # inside it: one of its parts
                if m and not any(m.start() < h.end() and h.start() < m.end() for h, _ in hits if h is not g):
                    hits[hits.index((g, gt))] = (m, t)
                    break
        return hits


def term_key(phrase: str) -> str:
    """The longest letters-and-digits run of a literal phrase ("" for a regex): a word any
    question containing the phrase also contains."""
    if phrase.startswith("re:"):
        return ""
    words = re.findall(r"[a-z0-9]+", phrase.lower())
    return max(words, key=len) if words else ""


def make_term(phrase: str, facet: str, value: str, spaced: bool = True, weak: bool = False, values: tuple = (),
              complement: bool = False) -> Term:
    return Term(phrase, spaced, facet, value, len(phrase), term_key(phrase) if spaced else "", weak, tuple(values), complement)


class Lexicon:
    def __init__(self, data: dict):
        self.data = data
        self.language: str = data["language"]
        self.spaced = data.get("spaced", True)
        self.tokenize = TOKENIZERS.get(self.language, _regex_words)
        self._cues = {name: [self._compile(p) for p in phrases] for name, phrases in data["cues"].items()}
        self.stopwords = frozenset(w.lower() for w in data.get("stopwords", []))
        self.templates: dict[str, str] = data["templates"]
        self._terms: dict[str, list[Term]] = {}
        self._termsets: dict[str, TermSet] = {}
        self._sections: dict[str, list] = {}

    def _compile(self, phrase) -> re.Pattern:
        return phrase_pattern(str(phrase), self.spaced)

    # -- cues ---------------------------------------------------------------------------------
    def has(self, cue: str, text: str) -> bool:
        return any(p.search(text) for p in self._cues[cue])

    def find(self, cue: str, text: str) -> Iterator[re.Match]:
        for p in self._cues[cue]:
            yield from p.finditer(text)

    def first(self, cue: str, text: str) -> re.Match | None:
        return next(self.find(cue, text), None)

    def ref(self, name: str, text: str) -> re.Match | None:
        """The first match of a follow-up reference cue (the ``followup`` section: "those", "the
        second one", "which one ..."), or None."""
        if "followup" not in self._sections:
            self._sections["followup"] = {k: [self._compile(p) for p in v] for k, v in self.data.get("followup", {}).items()}
        return next((m for p in self._sections["followup"].get(name, []) if (m := p.search(text))), None)

    def has_phrase(self, phrase: str, text: str) -> bool:
        """Whether one lexicon phrase (not a named cue) occurs in the text."""
        return bool(self._compile(phrase).search(text))

    def pattern(self, section: str, key: str) -> re.Pattern:
        return self._compile(self.data[section][key])

    # -- vocabulary ---------------------------------------------------------------------------
    @property
    def values(self) -> dict:
        return self.data["values"]

    def terms(self, facet: str) -> list[Term]:
        """The literal phrases of a facet's values, longest first."""
        if facet in self._terms:
            return self._terms[facet]
        out = []
        weak = {str(w).lower() for w in self.data.get("weak_terms", [])}
        generic = {str(k).lower(): tuple(v) for k, v in self.data.get("generic_terms", {}).get(facet, {}).items()}
        for value, spec in self.values.get(facet, {}).items():
            phrases = spec.get("terms", []) if isinstance(spec, dict) else spec
            out += [make_term(str(p), facet, value, self.spaced, str(p).lower() in weak, generic.get(str(p).lower(), ()))
                    for p in phrases]
            out += [make_term(str(p), facet, value, self.spaced, complement=True)
                    for p in (spec.get("complement", []) if isinstance(spec, dict) else [])]
        if missing := set(generic) - {t.phrase.lower() for t in out}:
            raise ValueError(f"lexicon {self.language}: generic_terms of {facet} that are no term of it: {sorted(missing)}")
        self._terms[facet] = sorted(out, key=lambda t: -t.length)
        return self._terms[facet]

    def termset(self, facet: str) -> TermSet:
        if facet not in self._termsets:
            self._termsets[facet] = TermSet(self.terms(facet))
        return self._termsets[facet]

    def concept_terms(self) -> TermSet:
        """The ``concept_terms`` section: concepts with no vocabulary value of their own (multimodal projection, scaling
        laws, tokenization) named by what they do ("connect a vision encoder to a language model")."""
        if "\0concepts" not in self._termsets:
            self._termsets["\0concepts"] = TermSet([make_term(str(p), "concept", str(cid), self.spaced)
                                                     for cid, phrases in self.data.get("concept_terms", {}).items()
                                                     for p in phrases])
        return self._termsets["\0concepts"]

    def descriptions(self) -> list[tuple[str, str, str]]:
        """(facet, value, phrase) for every plain-words description and term of every value."""
        out = []
        for facet, table in self.values.items():
            if not isinstance(table, dict):
                continue
            for value, spec in table.items():
                if isinstance(spec, dict) and spec.get("describe"):
                    out += [(facet, value, d) for d in spec["describe"]]
        for facet, kinds in self.data.get("generic_describe", {}).items():  # a description that fits several values
            for kind in kinds:
                out += [(facet, "|".join(kind["values"]), d) for d in kind["describe"]]
        return out

    def patterns(self, section: str) -> list[tuple[str, re.Pattern]]:
        """(key, pattern) for a section of key -> phrase list (attributes, unrecorded...)."""
        if section not in self._sections:
            self._sections[section] = [(key, self._compile(p)) for key, phrases in self.data[section].items() for p in phrases]
        return self._sections[section]

    # -- sentences ----------------------------------------------------------------------------
    def say(self, key: str, **values) -> str:
        template = self.templates[key]
        if "{help}" in template and "help" not in values:
            values["help"] = self.templates["help"]
        return template.format(**values)


@lru_cache(maxsize=None)
def lexicon(language: str = "en") -> Lexicon:
    """A language's lexicon. A file that ``reads_as`` another language (Chinese is glossed into
    English cue terms before parsing) takes that language's cues and vocabulary, and keeps its
    own fixed sentences (falling back to the other language's for a key it lacks) and any cue class it lists itself
    (its glosses of one cue said in its own words, read otherwise)."""
    path = HERE / f"{language}.yaml"
    if not path.is_file():
        path = HERE / "en.yaml"
    data = load_checked(path.read_text(encoding="utf-8"))  # a repeated key is an error, not a silent overwrite
    base = data.get("reads_as")
    if base and base != data["language"]:
        parent = lexicon(base).data
        data = {**parent, **{k: v for k, v in data.items() if k in ("language", "labels", "recorded_fields")},
                "templates": {**parent["templates"], **data.get("templates", {})},
                "cues": {**parent["cues"], **data.get("cues", {})}}  # a cue class its own glosses read otherwise
    return Lexicon(data)


def languages() -> list[str]:
    return sorted(p.stem for p in HERE.glob("*.yaml"))


def detect_language(text: str) -> str:
    """'zh' for text with CJK ideographs when a zh lexicon exists; else 'en'."""
    if re.search(r"[\u4e00-\u9fff]", text) and "zh" in languages():
        return "zh"
    return "en"
