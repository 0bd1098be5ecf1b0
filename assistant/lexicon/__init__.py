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
        self._needs: list[tuple[int, tuple[str, ...]]] | None = None  # each regex term with the texts it needs (lazily)

    def _keyless(self, text: str) -> list[int]:
        """The regex terms ``text`` may match: each needs one of the texts its pattern promises (``needed_text``), checked
        by a substring test; a term that promises none is always tried."""
        if self._needs is None:
            self._needs = [(i, needed_text(p.pattern, p.flags)) for i in self.always for p in (self.terms[i].pattern,)]
        folded = text.casefold()
        return [i for i, need in self._needs if not need or any(k in folded for k in need)]

    def find(self, text: str):
        """(match, term) for every term occurrence, left to right, not overlapping. A value in quotes ("an 'unknown'
        licence", 'tagged "limited"') is found as if unquoted too (each quote a space, so the offsets stay)."""
        hits = self._find(text)
        bare = QUOTES.sub(" ", text)
        if bare != text:
            hits += [(m, t) for m, t in self._find(bare) if not any(m.start() < h.end() and h.start() < m.end() for h, _ in hits)]
        return sorted(hits, key=lambda h: h[0].start())

    def _find(self, text: str):
        picked = sorted({i for w in _key_words(text) for i in self.by_key.get(w, ())} | set(self._keyless(text)))
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


try:  # the regex parser of the standard library, to find the literal text every match of a cue must contain
    from re import _constants as _sre, _parser as _sre_parse
except ImportError:  # pragma: no cover - another Python: no prefilter, every cue pattern is tried
    _sre = _sre_parse = None


def _needed(items) -> frozenset[str] | None:
    """For a parsed regex sequence, a set of strings at least one of which every match contains (the most selective
    such set: the one whose shortest string is longest), or None when nothing is certain."""
    best: frozenset[str] | None = None

    def better(cond):
        nonlocal best
        if cond and all(cond) and (best is None or min(map(len, cond)) > min(map(len, best))):
            best = cond

    run: list[str] = []
    for op, av in items:
        if op is _sre.LITERAL:
            run.append(chr(av))
            continue
        better(frozenset({"".join(run)}) if run else None)
        run = []
        if op is _sre.SUBPATTERN:
            better(_needed(av[-1]))
        elif op is _sre.ATOMIC_GROUP:
            better(_needed(av))
        elif op is _sre.BRANCH:
            arms = [_needed(arm) for arm in av[1]]
            better(None if any(a is None for a in arms) else frozenset().union(*arms))
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT) and av[0] >= 1:
            better(_needed(av[2]))
    better(frozenset({"".join(run)}) if run else None)
    return best


@lru_cache(maxsize=16384)
def needed_text(pattern: str, flags: int) -> tuple[str, ...]:
    """Case-folded strings one of which occurs in the case-folded form of any text the pattern matches; () when the
    pattern promises none. A question tries a cue's pattern only when it holds one of them: most of the ~700 cue
    patterns are skipped by a substring test instead of a regex scan."""
    if _sre_parse is None:
        return ()
    try:
        need = _needed(_sre_parse.parse(pattern, flags))
    except Exception:  # pragma: no cover - a pattern the private parser reads otherwise: no prefilter
        return ()
    return tuple(sorted({k.casefold() for k in need})) if need else ()


class Prefiltered:
    """Patterns, each with the texts one of which it needs: ``hits(text)`` runs only the patterns the text may match.
    The needed texts are checked once per question (a few hundred substring tests), not once per pattern."""

    def __init__(self, patterns: list[tuple[str, re.Pattern]]):
        self.items = [(needed_text(p.pattern, p.flags), label, p) for label, p in patterns]
        self.keys = frozenset(k for need, _, _ in self.items for k in need)
        self._present: dict[str, frozenset[str]] = {}

    def labelled(self, text: str) -> list[tuple[str, re.Pattern]]:
        """(label, pattern) for the patterns ``text`` may match, in their order."""
        present = self._present.get(text)
        if present is None:
            if len(self._present) > 256:
                self._present.clear()
            folded = text.casefold()
            present = self._present[text] = frozenset(k for k in self.keys if k in folded)
        return [(label, p) for need, label, p in self.items if not need or not present.isdisjoint(need)]

    def candidates(self, text: str) -> list[re.Pattern]:
        return [p for _, p in self.labelled(text)]


@lru_cache(maxsize=256)
def _key_words(text: str) -> frozenset[str]:
    """The words of a question a term key can be (each also without a plural ending), computed once per question."""
    words = set(re.findall(r"[a-z0-9]+", text.lower()))
    return frozenset(words | {w[:-1] for w in words if w.endswith("s")} | {w[:-2] for w in words if w.endswith("es")})


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
        self._cues = {name: Prefiltered([(name, self._compile(p)) for p in phrases]) for name, phrases in data["cues"].items()}
        self.stopwords = frozenset(w.lower() for w in data.get("stopwords", []))
        self.templates: dict[str, str] = data["templates"]
        self._terms: dict[str, list[Term]] = {}
        self._termsets: dict[str, TermSet] = {}
        self._sections: dict[str, list] = {}
        self._flat: dict[frozenset, list] = {}

    def _compile(self, phrase) -> re.Pattern:
        return phrase_pattern(str(phrase), self.spaced)

    # -- cues (a cue's pattern runs only on a question holding the text every match of it needs) ----
    def has(self, cue: str, text: str) -> bool:
        return any(p.search(text) for p in self._cues[cue].candidates(text))

    def find(self, cue: str, text: str) -> Iterator[re.Match]:
        for p in self._cues[cue].candidates(text):
            yield from p.finditer(text)

    def cue_spans(self, text: str, leave_out: frozenset = frozenset()) -> list[tuple[int, int]]:
        """The spans of every match of every cue but those left out: what the cue words of a question cover."""
        if leave_out not in self._flat:
            self._flat[leave_out] = Prefiltered([(name, p) for name, cue in self._cues.items() if name not in leave_out
                                                 for _, _, p in cue.items])
        return [m.span() for p in self._flat[leave_out].candidates(text) for m in p.finditer(text)]

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

    def patterns(self, section: str, text: str | None = None) -> list[tuple[str, re.Pattern]]:
        """(key, pattern) for a section of key -> phrase list (attributes, unrecorded...); given a ``text``, only the
        patterns it may match (a substring prefilter, as for cues)."""
        if section not in self._sections:
            self._sections[section] = Prefiltered([(key, self._compile(p)) for key, phrases in self.data[section].items()
                                                   for p in phrases])
        table = self._sections[section]
        return table.labelled(text) if text is not None else [(label, p) for _, label, p in table.items]

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
