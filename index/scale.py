"""Synthetic catalogs for scale measurements (used by ``python -m eval.bench scale``).

A synthetic catalog of N entries repeats the real entries' documents under new names
("BERT-s1234"), three documents per entry, so lexical statistics look like the real thing.
Vectors are the real documents' embeddings plus small noise, renormalized: embedding 300k
documents with MiniLM on two cores would take hours, so embedding cost is reported separately
as measured documents per second and extrapolated, while FAISS and BM25 are measured for real.

Each size is built in a fresh process (``python -m index.scale``) so its peak RSS is its own.
The real documents and queries are embedded once beforehand (``prepare``), so that process never
loads the model (whose RSS is reported separately); it streams texts and vectors in batches (no
full float matrix, no token lists), adds vectors to the index in batches, writes the float16
re-rank file of an HNSW store in batches and memory-maps it, builds BM25 as arrays, saves it and
memory-maps it back, then times queries.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

from index.lexical import LexicalIndex
from index.rerank import RERANK_DEPTH, needs_rerank, read_rerank, write_rerank
from index.store import VectorStore, build_faiss_index

BATCH = 10_000
QUERIES = ["sparse attention for long sequences", "protein structure", "instruction tuned chat model",
           "image generation with diffusion", "who built BLOOM", "masked language model"]


def _rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def peak_rss_mb() -> float:
    """This process's peak RSS since its exec (VmHWM; ``ru_maxrss`` would count the forking parent's pages)."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM in /proc/self/status")


def prepare(workdir: Path) -> dict:
    """Embed the real documents and the queries once (with the model, in the calling process) into
    ``workdir``, so the measured build process never loads the model; returns model figures."""
    from catalog import load_catalog
    from index.documents import documents_from_catalog
    from index.embedder import SentenceTransformerEmbedder

    catalog = load_catalog()
    base = [d for d in documents_from_catalog(catalog) if d.model_id]
    names = {e.id: e.name for e in catalog.models.values()}
    embedder = SentenceTransformerEmbedder()
    embedder.encode(["warm up"])
    t = time.perf_counter()
    np.save(workdir / "base.npy", embedder.encode([d.text for d in base]), allow_pickle=False)
    docs_per_s = len(base) / (time.perf_counter() - t)
    np.save(workdir / "queries.npy", embedder.encode(QUERIES), allow_pickle=False)
    np.save(workdir / "recall_queries.npy", embedder.encode(QUERIES + _gold_questions(60)), allow_pickle=False)
    (workdir / "base.json").write_text(json.dumps([[d.model_id, names[d.model_id], d.text] for d in base]))
    return {"embed_docs_per_s": round(docs_per_s, 1), "rss_with_model_mb": round(_rss_mb(), 1)}


def _gold_questions(n: int) -> list[str]:
    """Ordinary questions (the first ``n`` of the gold set's dev split) to estimate recall on more than six queries."""
    path = Path(__file__).resolve().parent.parent / "eval" / "gold" / "dev.jsonl"
    if not path.is_file():
        return []
    lines = [json.loads(line)["question"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return lines[:n]


class Synthetic:
    """N entries' texts and vectors, regenerated on demand in batches (deterministic per batch)."""

    def __init__(self, n_entries: int, workdir: Path, seed: int = 0):
        base = json.loads((workdir / "base.json").read_text())
        self.base_vecs = np.load(workdir / "base.npy")
        self.queries = np.load(workdir / "queries.npy")
        self.recall_queries = np.load(workdir / "recall_queries.npy")
        self.texts_base = [text for _, _, text in base]
        self.names = [name for _, name, _ in base]
        per_model: dict[str, list[int]] = {}
        for i, (model_id, _, _) in enumerate(base):
            per_model.setdefault(model_id, []).append(i)
        models = list(per_model)
        self.origin = np.asarray([i for k in range(n_entries) for i in per_model[models[k % len(models)]]], np.int32)
        self.entry = np.asarray([k for k in range(n_entries) for _ in per_model[models[k % len(models)]]], np.int32)
        self.seed = seed
        self.n = len(self.origin)

    def texts(self):
        for i, k in zip(self.origin.tolist(), self.entry.tolist()):
            yield self.texts_base[i].replace(self.names[i], f"{self.names[i]}-s{k}")

    def vectors(self):
        dim = self.base_vecs.shape[1]
        for start in range(0, self.n, BATCH):
            rows = self.origin[start:start + BATCH]
            rng = np.random.default_rng([self.seed, start])
            v = self.base_vecs[rows] + rng.standard_normal((len(rows), dim), dtype=np.float32) * (0.8 / np.sqrt(dim))
            v /= np.linalg.norm(v, axis=1, keepdims=True)
            yield v


def _search_stats(fn, queries, repeat: int) -> dict:
    samples = []
    for _ in range(repeat):
        for q in queries:
            t = time.perf_counter()
            fn(q)
            samples.append((time.perf_counter() - t) * 1000)
    return {"p50_ms": round(float(np.percentile(samples, 50)), 3), "p95_ms": round(float(np.percentile(samples, 95)), 3)}


def measure(n_entries: int, workdir: Path, repeat: int = 20) -> dict:
    """Build and query one synthetic size in this process; call it in a fresh process."""
    syn = Synthetic(n_entries, workdir)
    out: dict = {"entries": n_entries, "documents": syn.n, "rss_before_build_mb": round(_rss_mb(), 1)}
    t = time.perf_counter()
    lexical = LexicalIndex(syn.texts)
    lexical.save(workdir)
    out["lexical"] = {"build_s": round(time.perf_counter() - t, 2), "index_mb": round(lexical.nbytes / 2**20, 1)}
    del lexical
    lexical = LexicalIndex.load(workdir)  # memory-mapped, as a serving process opens it
    out["lexical"]["peak_rss_after_mb"] = round(peak_rss_mb(), 1)
    t = time.perf_counter()
    index = build_faiss_index(syn.vectors, syn.n, syn.base_vecs.shape[1])
    out["dense"] = {"index_type": type(index).__name__, "build_s": round(time.perf_counter() - t, 2),
                    "index_mb": round(_index_bytes(index) / 2**20, 1)}
    out["dense"]["peak_rss_after_mb"] = round(peak_rss_mb(), 1)
    store = VectorStore(index, [str(i) for i in range(syn.n)], [None] * syn.n, rerank=_rerank(index, syn, workdir, out))
    out["dense"].update(_search_stats(lambda q: store.search(q, 10), syn.queries, repeat))
    out["dense"]["recall_at_10_vs_exact"], out["dense"]["same_source_doc_at_10"] = _recall(store, syn)
    if store.rerank is not None:
        plain = VectorStore(index, store.doc_ids, store.model_ids)
        out["dense"]["recall_at_10_without_rerank"] = _recall(plain, syn)[0]
    out["dense"]["recall_queries"] = len(syn.recall_queries)
    out["lexical"].update(_search_stats(lambda q: lexical.search(q, 10), QUERIES, max(1, repeat // 4)))

    def hybrid(i: int) -> None:
        store.search(syn.queries[i % len(QUERIES)], 50)
        lexical.search(QUERIES[i % len(QUERIES)], 50)

    out["hybrid"] = _search_stats(hybrid, list(range(len(QUERIES))), max(1, repeat // 4))
    out["serving_rss_mb"] = round(_rss_mb(), 1)  # model + index + memory-mapped BM25 pages touched
    out["build_peak_rss_mb"] = round(peak_rss_mb(), 1)
    return out


def _rerank(index, syn: Synthetic, workdir: Path, out: dict):
    """An HNSW store's float16 re-rank file, streamed from the vector batches and memory-mapped back."""
    if not needs_rerank(index):
        return None
    t = time.perf_counter()
    name, sha = write_rerank(workdir, syn.vectors(), syn.n, index.d)
    vectors = read_rerank(workdir / name, sha, syn.n, index.d)
    out["rerank"] = {"depth": RERANK_DEPTH, "write_and_verify_s": round(time.perf_counter() - t, 2),
                     "file_mb": round((workdir / name).stat().st_size / 2**20, 1),
                     "peak_rss_after_mb": round(peak_rss_mb(), 1)}
    return vectors


def scale_run(n_entries: int, repeat: int = 20) -> dict:
    """``measure`` in a fresh process (its own peak RSS, no model loaded); the figures as a dict."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="catalog-scale-") as tmp:
        model = prepare(Path(tmp))
        run = subprocess.run([sys.executable, "-m", "index.scale", str(n_entries), tmp, str(repeat)],
                             capture_output=True, text=True, env={**os.environ, "HF_HUB_OFFLINE": "1"})
        if run.returncode != 0:
            raise RuntimeError(f"scale run for {n_entries} entries failed: {run.stderr[-2000:]}")
        out = json.loads(run.stdout.strip().splitlines()[-1])
    out["embedding_model"] = model | {"embed_all_estimate_s": round(out["documents"] / model["embed_docs_per_s"], 1)}
    return out


def _index_bytes(index) -> int:
    import faiss

    return int(faiss.serialize_index(index).nbytes)


def _recall(store: VectorStore, syn: Synthetic) -> tuple[float, float]:
    """Exact recall@10 against brute force (streamed over the vector batches) over the six bench
    queries and 60 gold questions, and the share of
    approximate hits whose source document is among the exact hits' sources (synthetic copies of
    one document are near-duplicates, so this is the recall that matters to an answer)."""
    queries = syn.recall_queries
    best = [(np.empty(0, np.float32), np.empty(0, np.int64)) for _ in queries]
    start = 0
    for block in syn.vectors():
        scores = block @ queries.T
        for j in range(len(queries)):
            s = np.concatenate([best[j][0], scores[:, j]])
            r = np.concatenate([best[j][1], np.arange(start, start + len(block))])
            keep = np.argsort(-s, kind="stable")[:10]
            best[j] = (s[keep], r[keep])
        start += len(block)
    hits = same = 0
    for j, q in enumerate(queries):
        exact = best[j][1]
        approx = [r for r, _ in store.search(q, 10)]
        hits += len(set(exact.tolist()) & set(approx))
        sources = set(syn.origin[exact].tolist())
        same += sum(syn.origin[r] in sources for r in approx)
    total = 10 * len(queries)
    return round(hits / total, 3), round(same / total, 3)


if __name__ == "__main__":
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    print(json.dumps(measure(int(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]))))
