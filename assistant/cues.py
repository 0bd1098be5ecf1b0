"""Cue words for aggregate, superlative and open questions, and the corpus-name vocabulary.

Pure functions over lower-cased question text (and the catalog, for corpus names); used by
``assistant.understand``.
"""

from __future__ import annotations

import re

from assistant.query import Superlative
from catalog import Catalog


_CORPUS_STOP = {"same", "different", "depends", "not", "up", "n/a", "the", "and", "plus", "data", "large", "internal",
                "high-quality", "public", "filtered", "curated", "cleaned", "colossal", "clean", "crawled", "corpus", "original",
                "paper", "standard", "task-specific", "various", "more", "several", "english", "cleaned common",
                "colossal clean", "crawled corpus", "project", "common", "bank", "talk", "wizard", "api", "internet",
                "blended", "toronto", "crawl", "stack", "multi-session", "empathetic", "rlhf", "rlhp", "rl", "un", "v1",
                "v2", "ms", "dm", "cc", "qa", "ale", "protein data", "mrqa qa", "glm-130b chinese"}


def corpus_terms(catalog: Catalog) -> list[str]:
    """Proper names of datasets seen in corpus fields ("pile", "c4", "common crawl"), longest first."""
    terms: set[str] = set()
    names = {n.lower() for e in catalog.models.values() for n in (e.name, *e.aliases)}
    labs = {lab.lower() for e in catalog.models.values() for lab in (*e.labs, *e.org_names)}
    for corpus in {e.corpus for e in catalog.models.values()}:  # thousands of entries share few corpora
        for m in re.finditer(r"\b[A-Z][\w\-.]*[A-Za-z0-9](?:\s+[A-Z][\w\-]*[A-Za-z0-9])?|\b[a-z]*[A-Z]+\d+\w*", corpus):
            for term in {m.group(), m.group().split()[0]}:
                t = term.lower().strip(".")
                if len(t) >= 2 and t not in _CORPUS_STOP and t not in names and t not in labs and not t.isdigit():
                    terms.add(t)
    return sorted(terms, key=lambda t: (-len(t), t))


_WHO_MOST = re.compile(r"\bwho (made|built|released|published|created|produced|has|had|contributed) (the )?most\b")
_GROUP_KEYS = {"lab": "lab|labs|company|companies|organi[sz]ations?|institutions?|group", "architecture": "architectures?",
               "year": "years?", "license": "licen[cs]es?|license class(?:es)?", "family": "famil(?:y|ies)",
               "objective": "objectives?|pre-?training (?:tasks?|objectives?)", "domain": "domains?|applications?"}
ALL_MODELS = re.compile(r"\b(list|show|give|name|enumerate|what are)\b.*\b(all|every)\b.*\bmodels?\b|\ball (the |of the )?(catalog'?s? )?models\b"
                         r"|\bevery model\b|\bentire catalog\b|\bwhole catalog\b")


def group_by(low: str) -> str | None:
    """The field of an aggregate question: "which lab has the most models", "models per year"."""
    if _WHO_MOST.search(low):
        return "lab"
    for key, words in _GROUP_KEYS.items():
        w = rf"(?:{words})"
        if re.search(rf"\b(most (common|frequent|popular|used|prolific|productive|active)|dominant|top|biggest) {w}\b"
                     rf"|\bwhich {w} (has|have|had|is|was|saw|built|made|released|produced|created|contributed|published|appears?)\b.*\bmost\b"
                     rf"|\b(per|by|for each|across|each) {w}\b.*$|\b(breakdown|distribution|split|count|counts|number of models)\b.*\b(by|per|across|of each) {w}\b", low):
            if re.search(rf"\b(per|by|for each|across|each) {w}\b", low) and not re.search(
                    r"\b(how many|count|number|breakdown|distribution|split|most|tally|statistics|stats)\b", low):
                continue  # "models by Meta" is a lab filter, not a breakdown
            return key
    return None


def about_models(low: str) -> bool:
    return bool(re.search(r"\b(models?|llms?|lms?|transformers?|architectures?|networks?|catalog|entries|papers?|released|"
                          r"came out|published|trained|pre-?trained|built|developed|ones|which|list|show)\b", low))


_COUNT_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def find_superlative(low: str) -> Superlative | None:
    top_m = re.search(r"\b(?:top|the|first|last)?\s*(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)\s+"
                      r"(?:\w+\s+)?(largest|biggest|smallest|earliest|oldest|newest|latest|most recent)\b|\btop\s+(\d{1,2}|"
                      r"two|three|four|five|ten)\b", low)
    top = 1
    if top_m:
        word = top_m.group(1) or top_m.group(3)
        top = int(word) if word.isdigit() else _COUNT_WORDS[word]
    top = max(1, min(top, 20))
    if re.search(r"\b(largest|biggest|most param\w*|heaviest|the most parameters)\b", low) or (top > 1 and "top" in low and "smallest" not in low):
        return Superlative(field="params", largest=True, top=top)
    if re.search(r"\b(smallest|tiniest|fewest param\w*|least param\w*|lightest)\b", low):
        return Superlative(field="params", largest=False, top=top)
    if re.search(r"\b(earliest|oldest|first (model|transformer|one)|the first)\b", low) and not re.search(r"first (author|one)\b", low):
        return Superlative(field="date", largest=False, top=top)
    if re.search(r"\b(latest|newest|most recent|last (model|one) released|youngest)\b", low):
        return Superlative(field="date", largest=True, top=top)
    return None
