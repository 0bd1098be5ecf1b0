"""One-off importer: the extension facts (42 models beyond the paper) -> catalog/beyond/<id>.yaml.

Same idea as ``import_reference.py``: facts carry over from the reference file, the typed fields
it lacks are set from the tables below, and hand-written summaries already in the YAML files are
kept. Every entry is marked ``in_paper: false`` and carries its provenance (the reference's
``sources`` and ``corrections``).

    python scripts/import_extension.py tests/data/reference/extension-facts.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from import_reference import _Dumper, bibtex_key, entry_type, parse_params  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "catalog" / "beyond"
DEFAULT_SRC = ROOT / "tests" / "data" / "reference" / "extension-facts.json"

FIM = "fill-in-the-middle: spans moved to the end and predicted left to right"
# id -> (objectives, {objective: note})
OBJECTIVES: dict[str, tuple[list[str], dict[str, str]]] = {
    "gpt-4": (["causal-lm", "rlhf"], {"rlhf": "post-training alignment with RLHF"}),
    "llama-2": (["causal-lm", "instruction-tuning", "rlhf"], {"rlhf": "SFT then RLHF for Llama 2-Chat"}),
    "code-llama": (["causal-lm", "causal-masked-lm", "instruction-tuning"], {
        "causal-masked-lm": FIM, "instruction-tuning": "Code Llama - Instruct"}),
    "llama-3": (["causal-lm", "instruction-tuning", "dpo"], {"dpo": "SFT, rejection sampling and DPO instead of PPO"}),
    "mistral-7b": (["causal-lm", "instruction-tuning"], {"instruction-tuning": "Mistral 7B - Instruct"}),
    "mixtral-8x7b": (["causal-lm", "instruction-tuning"], {"instruction-tuning": "Mixtral 8x7B - Instruct"}),
    "gemma": (["causal-lm", "instruction-tuning", "rlhf"], {"rlhf": "SFT and RLHF for the instruction-tuned checkpoints"}),
    "gemma-2": (["causal-lm", "knowledge-distillation", "instruction-tuning"], {
        "knowledge-distillation": "2B and 9B learn from a larger teacher instead of plain next-token targets"}),
    "gemma-3": (["causal-lm", "knowledge-distillation", "instruction-tuning"], {
        "instruction-tuning": "a new post-training recipe"}),
    "gemini-1.0": (["causal-lm"], {"causal-lm": "over interleaved image, audio, video and text, then post-training"}),
    "gemini-1.5": (["causal-lm"], {"causal-lm": "over multimodal sequences with long-context training, then post-training"}),
    "palm-2": (["causal-lm"], {"causal-lm": "the report describes a mixture of objectives without details"}),
    "qwen": (["causal-lm", "instruction-tuning", "rlhf"], {"rlhf": "SFT and RLHF for Qwen-Chat"}),
    "qwen2": (["causal-lm", "instruction-tuning", "dpo"], {"dpo": "preference optimization after SFT"}),
    "qwen2.5": (["causal-lm", "instruction-tuning", "rlhf"], {"rlhf": "multi-stage reinforcement learning after SFT"}),
    "qwen3": (["causal-lm", "instruction-tuning", "reasoning-rl", "knowledge-distillation"], {
        "instruction-tuning": "long chain-of-thought cold start",
        "reasoning-rl": "reasoning RL, thinking-mode fusion and general RL",
        "knowledge-distillation": "strong-to-weak distillation for the small models"}),
    "deepseek-llm": (["causal-lm", "instruction-tuning", "dpo"], {"dpo": "SFT then DPO for DeepSeek Chat"}),
    "deepseek-v2": (["causal-lm", "instruction-tuning", "rlhf"], {"rlhf": "SFT then reinforcement learning"}),
    "deepseek-v3": (["causal-lm", "instruction-tuning", "rlhf"], {
        "causal-lm": "with an extra multi-token prediction objective", "rlhf": "SFT then reinforcement learning"}),
    "deepseek-r1": (["reasoning-rl", "instruction-tuning", "knowledge-distillation"], {
        "reasoning-rl": "large-scale RL (GRPO) with rule-based rewards on DeepSeek-V3-Base",
        "instruction-tuning": "cold-start long chain-of-thought SFT (R1, not R1-Zero)",
        "knowledge-distillation": "reasoning distilled into smaller dense Qwen and Llama models"}),
    "phi-1": (["causal-lm", "instruction-tuning"], {"instruction-tuning": "fine-tuning on synthetic coding exercises"}),
    "phi-3": (["causal-lm", "instruction-tuning", "dpo"], {"dpo": "SFT then DPO"}),
    "phi-4": (["causal-lm", "instruction-tuning", "dpo"], {"dpo": "preference optimization in post-training"}),
    "falcon": (["causal-lm"], {}),
    "olmo": (["causal-lm"], {}),
    "yi": (["causal-lm", "instruction-tuning"], {"instruction-tuning": "fewer than 10K hand-checked SFT examples"}),
    "internlm2": (["causal-lm", "instruction-tuning", "rlhf"], {"rlhf": "COOL RLHF with a conditional reward model"}),
    "starcoder": (["causal-lm", "causal-masked-lm"], {"causal-masked-lm": FIM}),
    "starcoder2": (["causal-lm", "causal-masked-lm"], {"causal-masked-lm": FIM}),
    "jamba": (["causal-lm"], {}),
    "llava": (["instruction-tuning"], {"instruction-tuning": "visual instruction tuning on GPT-4-generated multimodal data"}),
    "sam": (["promptable-segmentation"], {}),
    "dinov2": (["self-distillation"], {"self-distillation": "DINO self-distillation combined with iBOT masked image modeling"}),
    "whisper": (["speech-recognition"], {}),
    "bloomz": (["instruction-tuning"], {"instruction-tuning": "multitask prompted fine-tuning on xP3"}),
    "zephyr": (["instruction-tuning", "dpo"], {
        "instruction-tuning": "distilled SFT on UltraChat", "dpo": "distilled DPO on GPT-4-ranked UltraFeedback pairs"}),
    "tulu-3": (["instruction-tuning", "dpo", "reasoning-rl"], {"reasoning-rl": "RL with verifiable rewards (RLVR)"}),
    "orca": (["instruction-tuning", "knowledge-distillation"], {
        "instruction-tuning": "explanation tuning",
        "knowledge-distillation": "imitates explanation traces of GPT-4, with ChatGPT as an intermediate teacher"}),
    "wizardlm": (["instruction-tuning"], {"instruction-tuning": "fine-tuning on Evol-Instruct instructions"}),
    "claude-3": (["causal-lm", "rlhf"], {"rlhf": "alignment training including Constitutional AI"}),
    "gpt-4o": (["causal-lm"], {"causal-lm": "autoregressive over text, vision and audio, then post-training"}),
    "modernbert": (["mlm"], {}),
}

T, C, D, M, ML, V, VL, S, E, TR = ("text", "code", "dialogue", "math", "multilingual", "vision",
                                   "vision-language", "speech", "embeddings", "translation")
MOE, LONG, EFF, MM, ASSIST = "mixture-of-experts", "long-context", "efficient", "multimodal", "assistant"
GQA, ROPE, SWIGLU, SWA, SSM = ("grouped-query-attention", "rotary-embeddings", "swiglu",
                               "sliding-window-attention", "state-space-hybrid")
# id -> (domains, traits, derived_from)
EXTRA: dict[str, tuple[list[str], list[str], list[str]]] = {
    "gpt-4": ([T, VL], [MM, ASSIST], []),
    "llama-2": ([T, D], [GQA, ASSIST], ["llama"]),
    "code-llama": ([C], [LONG], ["llama-2"]),
    "llama-3": ([T, D, ML, C], [GQA, LONG, ASSIST], []),
    "mistral-7b": ([T, M, C], [GQA, SWA, EFF], []),
    "mixtral-8x7b": ([T, M, C, ML], [MOE, GQA, EFF], ["mistral-7b"]),
    "gemma": ([T, D], [EFF], ["gemini-1.0"]),
    "gemma-2": ([T, D, C], [GQA, SWA, EFF], ["gemma"]),
    "gemma-3": ([T, VL, ML], [SWA, LONG, MM, ASSIST], ["gemma-2"]),
    "gemini-1.0": ([T, VL, S], [MM, ASSIST], []),
    "gemini-1.5": ([T, VL, S, C], [MOE, LONG, MM, ASSIST], ["gemini-1.0"]),
    "palm-2": ([T, ML, C, TR], [], ["palm"]),
    "qwen": ([T, D, C, M, ML], [ROPE, SWIGLU, ASSIST], []),
    "qwen2": ([T, D, C, M, ML], [GQA, MOE, LONG], ["qwen"]),
    "qwen2.5": ([T, D, C, M], [GQA, ROPE, SWIGLU, MOE, ASSIST], ["qwen2"]),
    "qwen3": ([T, D, C, M, ML], [MOE], ["qwen2.5"]),
    "deepseek-llm": ([T, D, C, M, ML], [], []),
    "deepseek-v2": ([T, D, C, M], [MOE, LONG, EFF], []),
    "deepseek-v3": ([T, D, C, M], [MOE, ASSIST], ["deepseek-v2"]),
    "deepseek-r1": ([T, M, C], [MOE], ["deepseek-v3"]),
    "phi-1": ([C], [EFF], []),
    "phi-3": ([T, D], [ROPE, MOE, EFF, ASSIST], []),
    "phi-4": ([T, M, C], [EFF], ["phi-3"]),
    "falcon": ([T], [], []),
    "olmo": ([T], [], []),
    "yi": ([T, D, ML], [GQA, LONG], []),
    "internlm2": ([T, D, C, M], [GQA, LONG], []),
    "starcoder": ([C], [LONG], []),
    "starcoder2": ([C, M], [], ["starcoder"]),
    "jamba": ([T], [SSM, MOE, LONG, EFF], []),
    "llava": ([VL, D], [MM, ASSIST], ["vicuna", "clip"]),
    "sam": ([V], [], ["vit"]),
    "dinov2": ([V], [], ["vit"]),
    "whisper": ([S, ML, TR], [], []),
    "bloomz": ([T, ML], [], ["bloom"]),
    "zephyr": ([T, D], [ASSIST], ["mistral-7b"]),
    "tulu-3": ([T, M, C], [ASSIST], ["llama-3"]),
    "orca": ([T], [], ["llama"]),
    "wizardlm": ([T, D], [ASSIST], ["llama"]),
    "claude-3": ([T, VL, C, M], [LONG, MM, ASSIST], []),
    "gpt-4o": ([T, VL, S], [MM, ASSIST], []),
    "modernbert": ([T, C, E], [ROPE, SWA, LONG, EFF], ["bert"]),
}

# id -> [(label, millions)]: MoE models list total and active parameters; max = total.
PARAMS: dict[str, list[tuple[str | None, float]]] = {
    "code-llama": [(None, 7000), (None, 13000), (None, 34000), ("added in the Jan-2024 revision", 70000)],
    "mixtral-8x7b": [("total", 47000), ("active per token", 13000)],
    "gemma-2": [("2B (2.6B)", 2600), ("9B", 9000), ("27B", 27000)],
    "qwen": [(None, 1800), (None, 7000), (None, 14000)],
    "qwen2": [(None, 500), (None, 1500), (None, 7000), (None, 72000),
              ("MoE total", 57000), ("MoE active per token", 14000)],
    "qwen2.5": [("open-weight", m) for m in (500, 1500, 3000, 7000, 14000, 32000, 72000)],
    "qwen3": [(None, 600), (None, 1700), (None, 4000), (None, 8000), (None, 14000), (None, 32000),
              ("Qwen3-30B-A3B total", 30000), ("Qwen3-30B-A3B active per token", 3000),
              ("Qwen3-235B-A22B total", 235000), ("Qwen3-235B-A22B active per token", 22000)],
    "deepseek-v2": [("total", 236000), ("active per token", 21000),
                    ("V2-Lite total", 16000), ("V2-Lite active per token", 2400)],
    "deepseek-v3": [("total", 671000), ("active per token", 37000)],
    "deepseek-r1": [("total (DeepSeek-V3-Base)", 671000), ("active per token", 37000),
                    ("distilled", 1500), ("distilled", 7000), ("distilled", 8000), ("distilled", 14000),
                    ("distilled", 32000), ("distilled", 70000)],
    "phi-1": [("phi-1", 1300), ("phi-1-small", 350)],
    "phi-3": [("mini", 3800), ("small", 7000), ("medium", 14000), ("phi-3.5-MoE active per token", 6600),
              ("phi-3.5-Vision", 4200)],
    "jamba": [("total", 52000), ("active per token", 12000)],
    "llava": [("Vicuna-13B + CLIP ViT-L/14", 13000)],
    "sam": [("ViT-H image encoder + prompt encoder and mask decoder", 636), ("ViT-H image encoder", 632),
            ("prompt encoder and mask decoder", 4)],
    "dinov2": [("ViT-g", 1000)],
    "whisper": [("tiny", 39), ("base", 74), ("small", 244), ("medium", 769), ("large", 1550)],
    "bloomz": [("BLOOMZ, largest", 176000), ("mT0, largest", 13000)],
    "tulu-3": [(None, 8000), (None, 70000), (None, 405000)],
    "modernbert": [("base", 149), ("large", 395)],
}

# BibTeX keys where the derived one clashes with another paper's or reads badly
KEYS = {
    "llama-2": "touvron2023llama2", "llama-3": "llamateam2024llama3", "code-llama": "roziere2023code",
    "gemma": "gemmateam2024gemma", "gemma-2": "gemmateam2024gemma2", "gemma-3": "gemmateam2025gemma3",
    "tulu-3": "lambert2024tulu3", "falcon": "almazrouei2023falcon", "claude-3": "anthropic2024claude3",
}

# Facts corrected in the project (each listed in catalog/ERRATA.md): id -> {reference field: value}
FIXES: dict[str, dict] = {
    "llava": {"lab": ["University of Wisconsin-Madison", "Microsoft Research", "Columbia University"],
              "corrections": ["num_params: 13B is the Vicuna-13B backbone of the released model; not stated in the abstract",
                              "license: from the LLaVA repository's usage notice; not verified by search",
                              "lab: the third author's affiliation, Columbia University, was added by this project "
                              "from a paper listing (see catalog/ERRATA.md)"]},
    "qwen2.5": {"num_params": "Open-weight dense models at 0.5B, 1.5B, 3B, 7B, 14B, 32B and 72B; "
                              "Turbo/Plus MoE sizes not disclosed",
                "sources": [
                            "https://github-users.yhajoa.workers.dev/ATOM00blue/machine-learning-library/blob/main/corpus/papers/2412.15115.md",
                            "https://chatpaper.ai/zh/paper/0dc3cdfa-ea46-4f71-b6ad-9d47a3d26825",
                            "https://www.alphaxiv.org/overview/2412.15115",
                            "https://statedai.com/interpretation-of-qwen2-5-technical-report.html",
                            "https://deepwiki.com/QwenLM/Qwen2.5/1.1-model-variants-and-capabilities"]},
}


def build(fact: dict, old: dict | None) -> dict:
    mid = fact["id"]
    fact = {**fact, **FIXES.get(mid, {})}
    objectives, notes = OBJECTIVES[mid]
    domains, traits, derived = EXTRA[mid]
    max_m = fact["max_params_millions"]
    variants = PARAMS.get(mid) or (parse_params(fact["num_params"]) if max_m is not None else [])
    if variants and abs(max(v for _, v in variants) - max_m) > 1e-6:
        raise SystemExit(f"{mid}: parsed {variants} but max is {max_m}")
    paper = {k: v for k, v in fact["paper"].items()}
    paper["bibtex_key"] = KEYS.get(mid) or bibtex_key(paper, fact["name"])
    paper["entry_type"] = entry_type(paper["venue"], paper.get("arxiv_id"))
    out = {"id": mid, "name": fact["name"], "aliases": list(fact["aliases"]), "family": fact["family"],
           "architecture": fact["architecture"]}
    if fact.get("architecture_note"):
        out["architecture_note"] = fact["architecture_note"]
    out |= {
        "task": fact["task"], "objectives": objectives, "objective_notes": notes,
        "task_is_finetuning": fact["task_is_finetuning"], "application": fact["application"],
        "domains": domains, "traits": traits, "date": fact["date"],
        "params": {"raw": fact["num_params"],
                   "variants": [{"label": lab, "millions": v} if lab else {"millions": v} for lab, v in variants],
                   "max_millions": max_m},
        "corpus": fact["corpus"], "license": fact["license"], "license_class": fact["license_class"],
        "labs": fact["lab"], "link": fact["link"], "derived_from": derived, "key_points": fact["key_points"],
        "paper": paper,
        "summary": (old or {}).get("summary", "TODO"),
        "in_paper": False,
        "provenance": {"sources": fact["sources"], "uncertainties": fact["corrections"]},
    }
    return out


def main(src: str) -> None:
    facts = json.loads(Path(src).read_text(encoding="utf-8"))
    OUT.mkdir(parents=True, exist_ok=True)
    for fact in facts:
        path = OUT / f"{fact['id']}.yaml"
        old = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else None
        data = build(fact, old)
        if not data["summary"].endswith("\n"):
            data["summary"] += "\n"
        text = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    print(f"wrote {len(facts)} files to {OUT}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(DEFAULT_SRC))
