"""Synthetic catalogs for scale measurements (used by ``python -m eval.bench scale``).

A synthetic catalog of N entries repeats the real entries' documents under new names
("BERT-s1234"), three documents per entry, so lexical statistics look like the real thing.
Vectors are the real documents' embeddings plus small noise, renormalized: embedding 300k
documents with MiniLM on two cores would take hours, so embedding cost is reported separately
as measured documents per second and extrapolated, while FAISS and BM25 are measured for real.
"""

from __future__ import annotations

import time

import numpy as np

from index.lexical import LexicalIndex
from index.store import VectorStore, make_faiss_index


def _rss_mb() -> float:
    import os

    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def synthetic_corpus(n_entries: int, seed: int = 0):
    """(texts, vectors, query vectors, embed docs/s) for n_entries synthetic entries."""
    from catalog import load_catalog
    from index.documents import documents_from_catalog
    from index.embedder import SentenceTransformerEmbedder

    catalog = load_catalog()
    base_docs = [d for d in documents_from_catalog(catalog) if d.model_id]
    names = {e.id: e.name for e in catalog.models.values()}
    embedder = SentenceTransformerEmbedder()
    embedder.encode(["warm up"])
    t = time.perf_counter()
    base_vecs = embedder.encode([d.text for d in base_docs])
    docs_per_s = len(base_docs) / (time.perf_counter() - t)
    per_model: dict[str, list[int]] = {}
    for i, d in enumerate(base_docs):
        per_model.setdefault(d.model_id, []).append(i)
    models = list(per_model)
    rng = np.random.default_rng(seed)
    texts: list[str] = []
    rows: list[int] = []
    for k in range(n_entries):
        mid = models[k % len(models)]
        for i in per_model[mid]:
            texts.append(base_docs[i].text.replace(names[mid], f"{names[mid]}-s{k}"))
            rows.append(i)
    vecs = base_vecs[rows] + rng.normal(0, 0.1 / np.sqrt(base_vecs.shape[1]) * 8, size=(len(rows), base_vecs.shape[1])).astype(np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    queries = embedder.encode(["sparse attention for long sequences", "protein structure", "instruction tuned chat model",
                               "image generation with diffusion", "who built BLOOM", "masked language model"])
    return texts, np.ascontiguousarray(vecs, dtype=np.float32), queries, docs_per_s, np.asarray(rows)


def _search_stats(fn, queries, repeat: int) -> dict:
    samples = []
    for _ in range(repeat):
        for q in queries:
            t = time.perf_counter()
            fn(q)
            samples.append((time.perf_counter() - t) * 1000)
    return {"p50_ms": round(float(np.percentile(samples, 50)), 3), "p95_ms": round(float(np.percentile(samples, 95)), 3)}


def scale_run(n_entries: int, repeat: int = 20) -> dict:
    texts, vecs, queries, docs_per_s, origin = synthetic_corpus(n_entries)
    n = len(texts)
    baseline = _rss_mb()  # the process with the embedding model loaded and the synthetic data made
    out: dict = {"entries": n_entries, "documents": n, "embed_docs_per_s": round(docs_per_s, 1),
                 "embed_all_estimate_s": round(n / docs_per_s, 1)}
    query_texts = ["sparse attention long sequences", "protein structure", "instruction tuned chat",
                   "diffusion image generation", "BLOOM BigScience", "masked language model"]
    for kind, threshold in (("flat", n + 1), ("hnsw_sq8", 0)):
        before = _rss_mb()
        t = time.perf_counter()
        index = make_faiss_index(vecs, hnsw_threshold=threshold)
        build = time.perf_counter() - t
        store = VectorStore(index, [str(i) for i in range(n)], [None] * n)
        out[kind] = {"index_type": type(index).__name__, "build_s": round(build, 2),
                     "index_mb": round(_index_bytes(index) / 2**20, 1),
                     "dense": _search_stats(lambda q: store.search(q, 10), queries, repeat)}
        if kind == "hnsw_sq8":  # recall of the approximate index against exact search
            out[kind]["recall_at_10_vs_exact"], out[kind]["same_source_doc_at_10"] = _recall(store, vecs, queries, origin)
        del index, store
    before = _rss_mb()
    t = time.perf_counter()
    lexical = LexicalIndex(texts)
    out["lexical"] = {"build_s": round(time.perf_counter() - t, 2), "index_mb": round(lexical.nbytes / 2**20, 1),
                      "rss_growth_mb": round(_rss_mb() - before, 1),
                      **_search_stats(lambda q: lexical.search(q, 10), query_texts, max(1, repeat // 4))}
    default = make_faiss_index(vecs)
    store = VectorStore(default, [str(i) for i in range(n)], [None] * n)
    out["default_index"] = type(default).__name__
    del vecs  # a serving process keeps the index, not the raw matrix

    def hybrid(i: int) -> None:
        store.search(queries[i % len(queries)], 50)
        lexical.search(query_texts[i % len(query_texts)], 50)

    out["hybrid"] = _search_stats(hybrid, list(range(len(queries))), max(1, repeat // 4))
    out["serving_rss_mb"] = round(_rss_mb(), 1)  # model + default index + BM25 + this process
    out["rss_before_indexes_mb"] = round(baseline, 1)
    return out


def _index_bytes(index) -> int:
    import faiss

    return int(faiss.serialize_index(index).nbytes)


def _recall(store: VectorStore, vecs: np.ndarray, queries: np.ndarray, origin: np.ndarray) -> tuple[float, float]:
    """Exact recall@10 against brute force, and the share of approximate hits whose source
    document is among the exact hits' sources (synthetic copies of one document are
    near-duplicates, so this is the recall that matters to an answer)."""
    hits = same = 0
    for q in queries:
        exact = np.argsort(-(vecs @ q))[:10]
        approx = [r for r, _ in store.search(q, 10)]
        hits += len(set(exact.tolist()) & set(approx))
        sources = set(origin[exact].tolist())
        same += sum(origin[r] in sources for r in approx)
    total = 10 * len(queries)
    return round(hits / total, 3), round(same / total, 3)
