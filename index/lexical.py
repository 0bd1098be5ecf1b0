"""BM25 over the same documents, as plain arrays that can be saved and memory-mapped.

The tokenizer keeps model names whole: "GPT-J" becomes ``gpt-j``, ``gptj``, ``gpt`` and ``j``,
so an exact name outranks a near one ("GPT-Neo" shares only ``gpt``).

Scoring is Lucene's BM25 (k1 = 1.5, b = 0.75, idf = ln(1 + (N - df + 0.5) / (df + 0.5))), the
variant bm25s uses by default, precomputed per (term, document) and stored term-major:
``indptr`` (terms + 1), ``docs`` and ``scores`` (one entry per distinct term in a document).
A query adds up its terms' slices. Building takes two passes over the texts, in batches:
the first counts document frequencies and lengths, the second fills the arrays in place, so
memory holds the final arrays plus one batch, never per-document Python lists. ``save``
writes ``.npy`` files (no pickle) and a JSON vocabulary; ``load`` memory-maps the arrays.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

import numpy as np

_WORD = re.compile(r"[a-z0-9]+(?:[.\-+][a-z0-9]+)*")
_STOP = frozenset(
    "a an and are as at be by for from has have in is it its of on or that the this to was were "
    "what which who with does do did how me about tell".split()
)
K1, B = 1.5, 0.75
BATCH = 2_000  # documents per batch: their token lists are the only per-document Python objects held
FORMAT = 1
EMPTY = "_empty_"


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


Texts = Sequence[str] | Callable[[], Iterable[str]]


def _batches(texts: Texts, size: int) -> Iterator[list[list[str]]]:
    stream = texts() if callable(texts) else iter(texts)
    batch: list[list[str]] = []
    for text in stream:
        batch.append(tokenize(text) or [EMPTY])
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


class LexicalIndex:
    """BM25 scores for every document; ``scores`` can be masked to a subset of rows."""

    def __init__(self, texts: Texts, batch: int = BATCH):
        vocab: dict[str, int] = {}
        df: list[int] = []
        lengths: list[int] = []
        for docs in _batches(texts, batch):  # pass 1: vocabulary, document frequencies, lengths
            for tokens in docs:
                lengths.append(len(tokens))
                for t in set(tokens):
                    i = vocab.setdefault(t, len(vocab))
                    if i == len(df):
                        df.append(0)
                    df[i] += 1
        self._setup(vocab, np.asarray(lengths, np.int64), np.asarray(df, np.int64))
        self._fill(texts, batch, np.asarray(lengths, np.float64))

    def _setup(self, vocab: dict[str, int], lengths: np.ndarray, df: np.ndarray) -> None:
        self._vocab = vocab
        self.size = len(lengths)
        self.indptr = np.zeros(len(df) + 1, np.int64)
        np.cumsum(df, out=self.indptr[1:])
        self.docs = np.empty(int(self.indptr[-1]), np.int32)
        self.scores_data = np.empty(int(self.indptr[-1]), np.float32)
        n = max(self.size, 1)
        self._idf = np.log(1 + (n - df + 0.5) / (df + 0.5))

    def _fill(self, texts: Texts, batch: int, lengths: np.ndarray) -> None:
        """Pass 2: each (term, document) score written straight to its term's slice."""
        avg = float(lengths.mean()) if len(lengths) else 1.0
        cursor = self.indptr[:-1].copy()
        row = 0
        for docs in _batches(texts, batch):
            terms, rows, tfs = [], [], []
            for tokens in docs:
                for t, tf in Counter(tokens).items():
                    terms.append(self._vocab[t])
                    rows.append(row)
                    tfs.append(tf)
                row += 1
            terms_a, rows_a, tf_a = np.asarray(terms, np.int64), np.asarray(rows, np.int64), np.asarray(tfs, np.float64)
            order = np.argsort(terms_a, kind="stable")
            terms_a, rows_a, tf_a = terms_a[order], rows_a[order], tf_a[order]
            first = np.searchsorted(terms_a, terms_a, side="left")
            at = cursor[terms_a] + (np.arange(len(terms_a)) - first)
            norm = K1 * ((1 - B) + B * lengths[rows_a] / avg)
            self.docs[at] = rows_a
            self.scores_data[at] = self._idf[terms_a] * tf_a / (norm + tf_a)
            np.add.at(cursor, terms_a, 1)

    @property
    def nbytes(self) -> int:
        """Bytes of the score arrays (the vocabulary dict is not counted)."""
        return int(self.indptr.nbytes + self.docs.nbytes + self.scores_data.nbytes)

    def scores(self, query: str) -> np.ndarray:
        out = np.zeros(self.size, dtype=np.float32)
        for t in tokenize(query):
            i = self._vocab.get(t)
            if i is not None:
                lo, hi = self.indptr[i], self.indptr[i + 1]
                out[self.docs[lo:hi]] += self.scores_data[lo:hi]
        return out

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

    # -- files ----------------------------------------------------------------------------------
    def save(self, directory: Path, stem: str = "lexical") -> list[Path]:
        """Write ``<stem>.indptr.npy``, ``.docs.npy``, ``.scores.npy`` and ``.vocab.json``; returns the paths."""
        directory.mkdir(parents=True, exist_ok=True)
        paths = []
        for name, array in (("indptr", self.indptr), ("docs", self.docs), ("scores", self.scores_data)):
            path = directory / f"{stem}.{name}.npy"
            with path.open("wb") as f:
                np.save(f, array, allow_pickle=False)
            paths.append(path)
        vocab = directory / f"{stem}.vocab.json"
        vocab.write_text(json.dumps({"format": FORMAT, "size": self.size, "k1": K1, "b": B,
                                     "terms": sorted(self._vocab, key=self._vocab.__getitem__)}), encoding="utf-8")
        return [*paths, vocab]

    @classmethod
    def load(cls, directory: Path, stem: str = "lexical", mmap: bool = True) -> "LexicalIndex":
        """The saved index; with ``mmap`` the arrays stay on disk and are paged in as queries touch them."""
        meta = json.loads((directory / f"{stem}.vocab.json").read_text(encoding="utf-8"))
        if meta.get("format") != FORMAT:
            raise ValueError(f"lexical index format {meta.get('format')} in {directory}, expected {FORMAT}")
        self = cls.__new__(cls)
        mode = "r" if mmap else None
        self.indptr, self.docs, self.scores_data = (
            np.load(directory / f"{stem}.{name}.npy", mmap_mode=mode, allow_pickle=False)
            for name in ("indptr", "docs", "scores"))
        self._vocab = {t: i for i, t in enumerate(meta["terms"])}
        self.size = int(meta["size"])
        self._idf = None
        if len(self.indptr) != len(self._vocab) + 1 or len(self.docs) != len(self.scores_data):
            raise ValueError(f"lexical index files in {directory} do not agree with each other")
        return self
