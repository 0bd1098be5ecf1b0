"""The cue prefilter: a cue's pattern runs only on a question holding a text every match of it needs.

The prefilter is an optimisation and must never change a reading: a pattern it skips must be one
that cannot match. These tests check the needed texts on hand-made patterns, and then run every
pattern of every lexicon section over real questions (the gold dev set and the Chinese set, in
their own words and case-changed) both ways: filtered and unfiltered must find the same spans.
"""

import json
import re
from pathlib import Path

import pytest

from assistant.lexicon import Prefiltered, lexicon, needed_text

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("pattern, needed", [
    (r"\bhow many\b", ("how many",)),
    (r"\b(?:fraction|percentage|proport(?:ion)?s?)\s+of\b", ("fraction", "percentage", "proport")),
    (r"\bmore\s+models\b", ("models",)),  # the longer literal of the two is the more selective
    (r"^\s*(?:too|as well)?\s*[)\]]", ()),  # an optional group promises nothing; a bracket class is no literal
    (r"(?:ab)+cd", ("ab",)),  # a repeat taken at least once
    (r"(?:ab)*c", ("c",)),  # a repeat that may be absent promises nothing, the literal after it does
    (r"x|yz", ("x", "yz")),
    (r"[,;:()]", ()),
    ("GPT", ("gpt",)),  # case-folded: patterns are read case-insensitively
])
def test_needed_text_of_a_pattern(pattern, needed):
    assert needed_text(pattern, re.I) == needed


def test_a_pattern_is_skipped_only_when_its_needed_text_is_absent():
    table = Prefiltered([("a", re.compile(r"\bhow many\b", re.I)), ("b", re.compile(r"[?]")),
                         ("c", re.compile(r"\bopen(?:-source)?\b", re.I))])
    assert [label for label, _ in table.labelled("HOW MANY models?")] == ["a", "b"]
    assert [label for label, _ in table.labelled("which are open?")] == ["b", "c"]


def _questions() -> list[str]:
    out = []
    for name in ("dev.jsonl", "zh.jsonl"):
        for line in (ROOT / "eval" / "gold" / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                out += [item["question"], *item["history"]]
    return out


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_prefilter_finds_every_match_the_patterns_find(language):
    lex = lexicon(language)
    questions = _questions()
    questions += [q.upper() for q in questions[:150]] + [q.lower() for q in questions[:150]]
    assert len(questions) > 400
    sections = [("cue:" + name, [(name, p) for _, _, p in cue.items]) for name, cue in lex._cues.items()]
    sections += [(s, lex.patterns(s)) for s in ("attributes", "unrecorded", "owned_count", "counted_thing")]
    checked = skipped = 0
    for name, pairs in sections:
        table = Prefiltered(pairs)
        for q in questions:
            kept = {id(p) for _, p in table.labelled(q)}
            for _, p in pairs:
                spans = [m.span() for m in p.finditer(q)]
                if id(p) not in kept:
                    skipped += 1
                    assert not spans, f"{name}: {p.pattern!r} was skipped on {q!r} but matches it"
                checked += 1
    assert skipped > checked // 2  # the filter does skip most patterns, or it would be no optimisation


def test_a_regex_vocabulary_term_is_tried_whenever_it_could_match(catalog):
    """Vocabulary terms written as regexes have no key word; they are tried only when the question holds a text their
    pattern needs. Every such term, on every question of the dev set (also case-changed), finds through the term set
    exactly what it finds alone."""
    from assistant import Assistant

    fresh = Assistant(catalog)
    fresh.ask("who built BERT?")  # the English parser is made on the first question
    parser = fresh.understander.parsers["en"]
    questions = _questions()[:400]
    questions += [q.upper() for q in questions[:100]]
    keyless = [(ts, i) for ts in parser.termsets.values() for i in ts.always]
    assert len(keyless) > 50
    skipped = 0
    for q in questions:
        for ts, i in keyless:
            if i not in ts._keyless(q):
                skipped += 1
                assert not list(ts.terms[i].pattern.finditer(q)), f"{ts.terms[i].phrase!r} was skipped on {q!r} but matches it"
    assert skipped > len(questions) * len(keyless) // 2
