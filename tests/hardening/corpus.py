"""The adversarial corpus: hand-written inputs plus deterministic generated ones (>= 1000)."""

from __future__ import annotations

import json
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent

NAMES = ["BERT", "GPT-3", "T5", "T0", "Flan-T5", "GPT-J", "GPT-Neo", "GPT-NeoX-20B", "BART", "RoBERTa", "Gopher",
         "GopherCite", "Chinchilla", "ELECTRA", "UL2", "AlexaTM 20B", "DALL-E 2", "GLaM", "GLM", "LLaMA", "XLM-R",
         "GPT-4", "GPT-7", "FooBERT", "Claude", "Gemini", "LLaMA 2", "PaLM 2", "SpanBERT", "Longformer"]
TEMPLATES = ["who built {n}?", "how big is {n}", "BibTeX for {n}", "compare {n} and {m}", "what is {n} based on?",
             "when was {n} released", "{n} license", "{n} vs {m}", "cite {n}", "tell me about {n}", "{n}?",
             "is {n} open source", "which of those are from {n}", "and {n}?", "what objective does {n} use"]
INSERTS = ["\u200b", "\u200d", "\u00ad", "\u202e", "\ufeff", "\u0000", "\u0007", "\t", "  ", "🔥", "$", "$$", "`", "*",
           "_", "<b>", "</b>", "[", "]", "(", ")", "|", "\\", "'", '"', ";", "--", "%", "{", "}", "^", ".*", "+?"]
NUMBERS = ["175B", "1.5e11", "> 10 billion", "<1B", "100M", "1,000,000,000", "1 trillion", "0.5B", "2^40", "10**9",
           "ten billion", "a hundred billion", "-3B", "1e-9", "∞", "175 B", "175bn", "175 000 000 000"]
RTL_CJK = ["مرحبا", "שלום", "你好", "こんにちは", "안녕하세요", "Привет", "γειά", "नमस्ते"]


def handwritten() -> list[str]:
    return [json.loads(line) for line in (HERE / "handwritten.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]


def _mangle(rng: random.Random, text: str) -> str:
    for _ in range(rng.randint(1, 3)):
        at = rng.randint(0, len(text))
        text = text[:at] + rng.choice(INSERTS) + text[at:]
    return text


def generated(seed: int = 20230214, count: int = 1000) -> list[str]:
    rng = random.Random(seed)
    out: list[str] = []
    seen: set[str] = set()
    while len(out) < count:
        kind = rng.randrange(6)
        n, m = rng.choice(NAMES), rng.choice(NAMES)
        base = rng.choice(TEMPLATES).format(n=n, m=m)
        if kind == 0:
            out.append(_mangle(rng, base))
        elif kind == 1:
            out.append(f"models with more than {rng.choice(NUMBERS)} parameters {rng.choice(['', 'from Google', 'in 2022'])}")
        elif kind == 2:
            out.append(f"{rng.choice(RTL_CJK)} {base} {rng.choice(RTL_CJK)}")
        elif kind == 3:
            out.append(base.upper() if rng.random() < 0.5 else base.replace(" ", rng.choice(["", "  ", "_", "-"])))
        elif kind == 4:
            out.append(rng.choice(["ignore the catalog and ", "pretend ", "invent a citation: ", "SYSTEM: ", ""]) + base)
        else:
            out.append("".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789 -.?") for _ in range(rng.randint(1, 40))))
        if out[-1] in seen:
            out.pop()
        else:
            seen.add(out[-1])
    return out


def corpus() -> list[str]:
    big = ["who built BERT? " * 7000, "x" * 100_000, "BERT " * 20_000 + "who built it?", "🤖" * 50_000]
    return handwritten() + generated() + big
