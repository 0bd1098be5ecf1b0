"""Plain-words paraphrase: match a phrase nobody read literally to a vocabulary value by meaning.

Each vocabulary value carries descriptive phrases in the lexicon ("restores words hidden behind a
mask token" for masked language modeling). Their vectors are computed once per process, on the
first question that needs them; each such question then costs one encode of its leftover phrase.
The threshold was chosen on ``tests/assistant/paraphrase_dev.jsonl`` (see ``tune``).
"""

from __future__ import annotations

import threading
from typing import Callable, NamedTuple, Sequence

import numpy as np

from assistant.lexicon import Lexicon

THRESHOLD = 0.48  # tune() on tests/assistant/paraphrase_dev.jsonl: the middle of the best plateau (0.44-0.52)
RECENT = 256  # phrases whose vectors are kept, so a phrase asked twice costs one encode
NEAR = 0.30  # below the threshold but above this, a phrase is about the catalog but unclear: ask


class Reading(NamedTuple):
    facet: str
    value: str
    score: float


class Paraphraser:
    def __init__(self, lex: Lexicon, encode: Callable[[Sequence[str]], np.ndarray], threshold: float = THRESHOLD,
                 near: float = NEAR):
        self.lex, self.encode, self.threshold, self.near = lex, encode, threshold, near
        self._rows: list[tuple[str, str]] = []
        self._matrix: np.ndarray | None = None
        self._lock = threading.Lock()
        self._recent: dict[str, np.ndarray] = {}  # the latest phrases' vectors (oldest dropped first)

    def _vectors(self) -> np.ndarray:
        if self._matrix is None:
            with self._lock:
                if self._matrix is None:
                    described = self.lex.descriptions()
                    self._rows = [(f, v) for f, v, _ in described]
                    self._matrix = np.asarray(self.encode([text for _, _, text in described]), dtype=np.float32)
        return self._matrix

    def match(self, phrase: str, k: int = 3) -> list[Reading]:
        """The k closest vocabulary values (one score per value: its best description); none
        when no embedder is available."""
        try:
            matrix = self._vectors()
        except LookupError:
            return []
        vec = self._recent.get(phrase)
        if vec is None:  # one encode per phrase: the understanding asks about a question's leftover words once
            vec = np.asarray(self.encode([phrase]), dtype=np.float32)[0]
            with self._lock:  # servers answer in threads
                if len(self._recent) >= RECENT:
                    self._recent.pop(next(iter(self._recent)), None)
                self._recent[phrase] = vec
        scores = matrix @ vec
        best: dict[tuple[str, str], float] = {}
        for (facet, value), s in zip(self._rows, scores):
            if s > best.get((facet, value), -1.0):
                best[(facet, value)] = float(s)
        top = sorted(best.items(), key=lambda kv: -kv[1])[:k]
        return [Reading(f, v, round(s, 4)) for (f, v), s in top]


def tune(paraphraser: Paraphraser, rows: list[dict]) -> tuple[float, float]:
    """The threshold with the best accuracy on labelled rows ({"phrase", "facet", "value"}; a row
    with value null must match nothing), and that accuracy."""
    scored = [(paraphraser.match(r["phrase"], k=1)[0], r) for r in rows]
    grid = [round(float(t), 2) for t in np.arange(0.20, 0.80, 0.01)]
    acc = {}
    for t in grid:
        ok = 0
        for top, r in scored:
            hit = top.score >= t
            ok += (not hit) if r["value"] is None else (hit and (top.facet, top.value) == (r["facet"], r["value"]))
        acc[t] = ok / len(scored)
    top_acc = max(acc.values())
    plateau = [t for t in grid if acc[t] == top_acc]
    return plateau[len(plateau) // 2], top_acc  # the middle of the best plateau, not its edge
