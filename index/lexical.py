"""BM25 over the same documents (bm25s), with a tokenizer that keeps model names whole.

"GPT-J" becomes the tokens ``gpt-j``, ``gptj``, ``gpt`` and ``j``, so an exact name outranks a
near one ("GPT-Neo" shares only ``gpt``).
"""

from __future__ import annotations

import re
from typing import Sequence

import numpy as np

_WORD = re.compile(r"[a-z0-9]+(?:[.\-+][a-z0-9]+)*")
_STOP = frozenset(
    "a an and are as at be by for from has have in is it its of on or that the this to was were "
    "what which who with does do did how me about tell".split()
)


def tokenize(text: str) -> list[str]:
    out: list[str] = []
    for word in _WORD.findall(text.lower()):
        if word in _STOP:
            continue
        out.append(word)
        parts = re.split(r"[.\-+]", word)
        if len(parts) > 1:
            out.append("".join(parts))
            out.extend(p for p in parts if p and p not in _STOP)
    return out


class LexicalIndex:
    """BM25 scores for every document; ``scores`` can be masked to a subset of rows."""

    def __init__(self, texts: Sequence[str]):
        import bm25s

        self._bm25 = bm25s.BM25()
        corpus = [tokenize(t) or ["_empty_"] for t in texts]
        self._bm25.index(corpus, show_progress=False)
        self._vocab = self._bm25.vocab_dict
        self.size = len(corpus)

    @property
    def nbytes(self) -> int:
        """Bytes held by the BM25 score matrix (the vocabulary dict is not counted)."""
        return sum(a.nbytes for a in self._bm25.scores.values() if hasattr(a, "nbytes"))

    def scores(self, query: str) -> np.ndarray:
        tokens = [t for t in tokenize(query) if t in self._vocab]
        if not tokens or self.size == 0:
            return np.zeros(self.size, dtype=np.float32)
        return np.asarray(self._bm25.get_scores(tokens), dtype=np.float32)

    def search(self, query: str, k: int, allowed_rows: np.ndarray | None = None) -> list[tuple[int, float]]:
        s = self.scores(query)
        if allowed_rows is not None:
            mask = np.full(self.size, -np.inf, dtype=np.float32)
            mask[allowed_rows] = s[allowed_rows]
            s = mask
        k = min(k, self.size)
        if k <= 0:
            return []
        top = np.argpartition(-s, k - 1)[:k] if k < self.size else np.arange(self.size)
        top = top[np.argsort(-s[top], kind="stable")]
        return [(int(r), float(s[r])) for r in top if s[r] > 0]
