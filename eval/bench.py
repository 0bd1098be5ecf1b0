"""Benchmarks: ``python -m eval.bench [section ...] [--json FILE] [--quick]``.

Sections (all by default):
  index      full build and one-edit incremental rebuild with the real model; dense, lexical
             and hybrid search p50/p95 over the real catalog
  assistant  warm answer latency per intent, as median/p95 and as a ratio to one query encode
  cold       cold start to first answer in a fresh process: structured and open question
  chinese    warm structured answers to Chinese questions beside the same questions in English,
             and the one-off cost of loading jieba and OpenCC on the first Chinese question
  scale      synthetic catalogs of 10k and 100k entries (from the real schema), each built in a
             fresh process: build peak RSS, index sizes, dense/lexical/hybrid p50/p95, recall@10
  usercat    a 10,000-entry --catalog-dir through the real CLI: validate cold and warm, warm
             structured asks (wall time and peak RSS of each process)
  serve      ``serve`` in its own process: POST /api/ask at 1/10/50/200 connections (a separate
             load-generator process) next to in-process answers/s; the Gradio chat path, 50 sessions
Figures go to standard output and, as JSON, to ``reports/bench.json`` (for comparing commits).
Timings are measured here, never asserted by tests.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent


def _pct(samples: list[float], q: float) -> float:
    return float(np.percentile(np.asarray(samples), q)) if samples else float("nan")


def _stats(samples_ms: list[float], floor_ms: float | None = None) -> dict:
    out = {"n": len(samples_ms), "p50_ms": round(_pct(samples_ms, 50), 3), "p95_ms": round(_pct(samples_ms, 95), 3)}
    if floor_ms:
        out["p50_x_encode"] = round(out["p50_ms"] / floor_ms, 3)
    return out


def _time_ms(fn, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return out


def _peak_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def encode_floor(embedder, repeat: int = 40) -> float:
    """Median ms of one uncached query encode: the physics every open answer pays once."""
    embedder.encode(["warm up the model"])
    samples = _time_ms(lambda: embedder.encode([f"which models use objective number {time.perf_counter_ns()}"]), repeat)
    return statistics.median(samples)


# -- sections ---------------------------------------------------------------------------------
def bench_index(ctx: dict, quick: bool) -> dict:
    import yaml

    from catalog import CatalogSettings, load_catalog
    from catalog.load import BUILTIN_DIR
    from index import IndexSettings, SentenceTransformerEmbedder, open_index

    catalog = load_catalog()
    embedder = SentenceTransformerEmbedder()
    t = time.perf_counter()
    embedder.load()
    load_s = time.perf_counter() - t
    settings = IndexSettings(cache_dir=Path(ctx["tmp"]) / "cache")
    index, full = open_index(catalog, settings, embedder, force=True)
    user = Path(ctx["tmp"]) / "edit"
    user.mkdir(exist_ok=True)
    data = yaml.safe_load((BUILTIN_DIR / "models" / "bert.yaml").read_text())
    data["summary"] += " (edited for the benchmark)"
    (user / "bert.yaml").write_text(yaml.safe_dump(data, sort_keys=False))
    _, incr = open_index(load_catalog(CatalogSettings(extra_dirs=(user,))), settings, embedder)
    _, fresh = open_index(catalog, settings, embedder)  # back to the real catalog: one more incremental
    floor = encode_floor(embedder)
    queries = ["sparse attention for long sequences", "protein structure", "GPT-J", "instruction tuned chat models",
               "who built BLOOM", "image generation with diffusion", "mixture of experts", "masked language model"]
    out = {"documents": full.documents, "model_load_s": round(load_s, 2), "full_build_s": round(full.seconds, 2),
           "incremental_one_edit_s": round(incr.seconds, 3), "incremental_embedded": incr.embedded,
           "encode_floor_ms": round(floor, 3)}
    repeat = 5 if quick else 25
    for q in queries:  # a running server has seen its repeated questions: time the search, not the encode
        index.query_vector(q)
    for mode in ("dense", "lexical", "hybrid"):
        index.search(queries[0], 10, mode=mode)
        samples = [s for q in queries for s in _time_ms(lambda q=q: index.search(q, 10, mode=mode), repeat)]
        out[f"search_{mode}"] = _stats(samples)
    uncached = _time_ms(lambda: index.search(f"an unseen question number {time.perf_counter_ns()}", 10, mode="hybrid"), repeat)
    out["search_hybrid_new_query"] = _stats(uncached, floor)
    ctx["floor"], ctx["cache"] = floor, settings.cache_dir
    return out


INTENT_QUESTIONS = {
    "list": ["which models use prefix-LM objectives?", "encoder-decoder models from Google", "models with more than 100B parameters",
             "which models were trained on the Pile?", "open source decoders from 2022"],
    "fact": ["who built BLOOM?", "who built Chinchilla and how big is it?", "when was ELECTRA released", "what license does LLaMA use"],
    "citation": ["BibTeX for ELECTRA", "cite GPT-3", "who wrote the BERT paper", "arxiv id of pegasus"],
    "compare": ["compare BERT and RoBERTa", "GPT-J vs GPT-NeoX-20B", "which is newer, T5 or BART?"],
    "concept": ["what is replaced token detection?", "explain mixture of experts", "what is an encoder-decoder model?"],
    "count": ["how many models are from DeepMind?", "largest model in the catalog", "which lab has the most models?"],
    "lineage": ["models based on LLaMA", "what is Alpaca based on?"],
    "open": ["which model predicts 3D structure of amino-acid chains?", "a model that learns to play Atari and chat"],
    "abstain": ["who built GPT-4?", "what's the weather in Paris?", "tell me about FooBERT"],
}


def bench_assistant(ctx: dict, quick: bool) -> dict:
    from assistant.service import make_assistant
    from assistant.session import Session
    from assistant.settings import Settings

    settings = Settings.from_env(cache_dir=ctx.get("cache") or Path(ctx["tmp"]) / "cache")
    assistant = make_assistant(settings)
    if "floor" not in ctx:
        ctx["floor"] = encode_floor(assistant.search.embedder)
    floor = ctx["floor"]
    assistant.search  # warm: index and model loaded before timing, as in a running server
    for qs in INTENT_QUESTIONS.values():
        for q in qs:
            assistant.ask(q, Session())
    repeat = 3 if quick else 15
    out: dict = {"encode_floor_ms": round(floor, 3)}
    everything: list[float] = []
    for intent, qs in INTENT_QUESTIONS.items():
        samples = [s for q in qs for s in _time_ms(lambda q=q: assistant.ask(q, Session()), repeat)]
        everything += samples
        out[intent] = _stats(samples, floor)
    # a new question each time: the open path including one real query encode
    fresh = _time_ms(lambda: assistant.ask(f"zebra violin harbor {time.perf_counter_ns()}", Session()),
                     5 if quick else 20)
    out["open_uncached_query"] = _stats(fresh, floor)
    out["all_warm"] = _stats(everything, floor)
    return out


# Chinese questions and their English twins (the same typed query), per intent
ZH_TWINS = {
    "list": [("哪些模型用了前缀语言模型？", "which models use prefix-LM objectives?"),
             ("谷歌开发了哪些编码器-解码器模型", "encoder-decoder models from Google"),
             ("参数超过1000亿的模型有哪些？", "models with more than 100B parameters")],
    "fact": [("谁开发了BLOOM？", "who built BLOOM?"), ("ELECTRA是什么时候发布的", "when was ELECTRA released"),
             ("LLaMA的许可证是什么", "what license does LLaMA use")],
    "citation": [("ELECTRA的BibTeX", "BibTeX for ELECTRA"), ("BERT论文的作者是谁", "who wrote the BERT paper")],
    "compare": [("比较BERT和RoBERTa", "compare BERT and RoBERTa"), ("GPT-J和GPT-NeoX-20B哪个更大？", "which is bigger, GPT-J or GPT-NeoX-20B?")],
    "concept": [("什么是替换词检测？", "what is replaced token detection?"), ("解释一下混合专家", "explain mixture of experts")],
    "count": [("DeepMind有多少个模型？", "how many models are from DeepMind?"), ("参数最多的模型是哪个？", "which model has the most parameters?")],
    "negation": [("除了谷歌以外的编码器-解码器模型", "encoder-decoder models not built by Google"),
                 ("哪些解码器模型不是OpenAI开发的？", "which decoder models were not built by OpenAI?")],
}


def bench_chinese(ctx: dict, quick: bool) -> dict:
    """Structured answers only (no index): each Chinese question beside its English twin, the
    reading step alone, and the one-off load of jieba and OpenCC on the first Chinese question."""
    from assistant import Assistant, Session
    from catalog import load_catalog

    assistant = Assistant(load_catalog())
    assistant.ask("which models use prefix-LM objectives?", Session())
    t = time.perf_counter()
    assistant.ask("哪些模型用了前缀语言模型？", Session())  # builds the reader: jieba dictionary + user words, OpenCC
    out: dict = {"first_chinese_question_s": round(time.perf_counter() - t, 3)}
    pairs = [p for ps in ZH_TWINS.values() for p in ps]
    for zh, en in pairs:
        assistant.ask(zh, Session()), assistant.ask(en, Session())
    repeat = 5 if quick else 30
    zh_all: list[float] = []
    en_all: list[float] = []
    for intent, ps in ZH_TWINS.items():
        zh_s = [s for zh, _ in ps for s in _time_ms(lambda q=zh: assistant.ask(q, Session()), repeat)]
        en_s = [s for _, en in ps for s in _time_ms(lambda q=en: assistant.ask(q, Session()), repeat)]
        zh_all += zh_s
        en_all += en_s
        out[intent] = {"zh": _stats(zh_s), "en": _stats(en_s)}
    out["all_warm"] = {"zh": _stats(zh_all), "en": _stats(en_all)}
    reader = assistant.chinese
    out["zh_reading_only"] = _stats([s for zh, _ in pairs for s in _time_ms(lambda q=zh: reader.read(q), repeat)])
    return out


def bench_cold(ctx: dict, quick: bool) -> dict:
    cache = ctx.get("cache")
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    if cache:
        env["CATALOG_ASSISTANT_CACHE"] = str(cache)
    out = {}
    for label, question in (("structured", "who built Chinchilla and how big is it?"),
                            ("open", "which model predicts 3D structure of amino-acid chains?")):
        runs = []
        for _ in range(1 if quick else 3):
            t = time.perf_counter()
            proc = subprocess.run([sys.executable, "-m", "assistant", "ask", "--json", question], env=env,
                                  capture_output=True, text=True, cwd=REPO)
            runs.append(time.perf_counter() - t)
            if proc.returncode != 0:
                raise RuntimeError(proc.stderr)
        out[f"{label}_s"] = round(statistics.median(runs), 3)
    return out


def bench_scale(ctx: dict, quick: bool) -> dict:
    from index.scale import scale_run

    sizes = (10_000,) if quick else (10_000, 100_000)
    return {str(n): scale_run(n, repeat=10 if quick else 40) for n in sizes}


def bench_usercat(ctx: dict, quick: bool) -> dict:
    from eval.bench_usercat import bench_usercat as run

    return run(ctx, quick)


def bench_serve(ctx: dict, quick: bool) -> dict:
    from eval.servebench import bench_serve as run

    return run(ctx, quick)


SECTIONS = {"index": bench_index, "assistant": bench_assistant, "cold": bench_cold, "scale": bench_scale,
            "usercat": bench_usercat,
            "chinese": bench_chinese, "serve": bench_serve}


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    parser = argparse.ArgumentParser(prog="python -m eval.bench", description=__doc__.split("\n")[0])
    parser.add_argument("sections", nargs="*", choices=[*SECTIONS, []], default=[])
    parser.add_argument("--json", default=str(REPO / "reports" / "bench.json"), help="where to write the figures")
    parser.add_argument("--quick", action="store_true", help="fewer repetitions and only the 10k scale point")
    args = parser.parse_args(argv)
    chosen = args.sections or list(SECTIONS)
    results: dict = {"machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0]}, "quick": args.quick}
    with tempfile.TemporaryDirectory(prefix="catalog-bench-") as tmp:
        ctx = {"tmp": tmp}
        for name in chosen:
            t = time.perf_counter()
            results[name] = SECTIONS[name](ctx, args.quick)
            print(f"\n== {name} ({time.perf_counter() - t:.1f}s)")
            print(json.dumps(results[name], indent=1))
    results["peak_rss_mb"] = round(_peak_mb(), 1)
    print(f"\npeak RSS of this process: {results['peak_rss_mb']} MB")
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps(results, indent=1))
    print(f"figures written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
