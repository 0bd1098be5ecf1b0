"""One-off importer: reference facts JSON -> one YAML file per model under catalog/models/.

Facts carry over from the reference file; the typed fields it lacks (objective tags,
domains, traits, lineage, parsed parameter variants, BibTeX keys) are set here from the
tables below. Existing summaries are kept, so re-running never loses hand-written text.

    python scripts/import_reference.py tests/data/reference/catalog-facts.json
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import yaml

OUT = Path(__file__).resolve().parent.parent / "catalog" / "models"

# id -> (objectives, {objective: provenance note})
OBJECTIVES: dict[str, tuple[list[str], dict[str, str]]] = {
    "albert": (["mlm", "sop"], {"sop": "sentence-order prediction replaces BERT's NSP"}),
    "alexatm-20b": (["dae", "prefix-lm"], {
        "prefix-lm": "20% of pretraining continues a given prefix, the catalog's prefix/causal LM task",
        "dae": "80% of pretraining is denoising"}),
    "alpaca": (["instruction-tuning"], {}),
    "alphafold": (["protein-structure-prediction"], {}),
    "anthropic-assistant": (["causal-lm", "rlhf"], {"rlhf": "preference modeling and RLHF fine-tuning"}),
    "bart": (["dae"], {}),
    "bert": (["mlm", "nsp"], {}),
    "big-bird": (["mlm"], {}),
    "blenderbot3": (["causal-lm"], {"causal-lm": "OPT base, then dialogue fine-tuning"}),
    "bloom": (["causal-lm"], {}),
    "chatgpt": (["causal-lm", "instruction-tuning", "rlhf"], {"rlhf": "RLHF fine-tuning for dialogue"}),
    "chinchilla": (["causal-lm"], {}),
    "clip": (["image-text-contrastive"], {}),
    "cm3": (["causal-masked-lm", "causal-lm"], {"causal-lm": "causally masked LM is left-to-right with masked spans moved to the end"}),
    "ctrl": (["causal-lm"], {"causal-lm": "conditional LM on control-code prefixes"}),
    "dall-e": (["caption-prediction"], {"caption-prediction": "autoregressive modeling of text and image tokens"}),
    "dall-e-2": (["caption-prediction", "diffusion"], {"diffusion": "diffusion decoder from CLIP image embeddings"}),
    "deberta": (["mlm"], {}),
    "decision-transformers": (["next-action-prediction"], {}),
    "dialogpt": (["causal-lm"], {}),
    "distilbert": (["mlm", "knowledge-distillation"], {"knowledge-distillation": "distilled from BERT"}),
    "dolly": (["instruction-tuning"], {}),
    "dq-bart": (["dae", "knowledge-distillation"], {"knowledge-distillation": "joint distillation and quantization"}),
    "e5": (["contrastive"], {}),
    "electra": (["rtd"], {}),
    "ernie": (["mlm", "entity-denoising"], {"entity-denoising": "denoising entity auto-encoder (dEA)"}),
    "flamingo": (["causal-lm"], {"causal-lm": "text log-likelihood given interleaved visual input"}),
    "flan-palm": (["instruction-tuning"], {"instruction-tuning": "instruction fine-tuning with chain-of-thought data"}),
    "flan-t5": (["instruction-tuning"], {"instruction-tuning": "instruction fine-tuning with chain-of-thought data"}),
    "galactica": (["causal-lm"], {}),
    "gato": (["causal-lm", "next-action-prediction"], {"next-action-prediction": "autoregressive prediction of action tokens"}),
    "glam": (["causal-lm"], {}),
    "glide": (["caption-prediction", "diffusion"], {"diffusion": "text-conditioned diffusion"}),
    "glm": (["blank-infilling"], {}),
    "global-context-vit": (["image-classification"], {}),
    "gopher": (["causal-lm"], {}),
    "gophercite": (["causal-lm", "rlhf"], {"rlhf": "RL from human preferences for evidence-backed answers"}),
    "gpt": (["causal-lm"], {}),
    "gpt-2": (["causal-lm"], {}),
    "gpt-3": (["causal-lm"], {}),
    "gpt-3.5": (["causal-lm", "instruction-tuning", "rlhf"], {"rlhf": "instruction tuning/RLHF in the text-davinci models"}),
    "gpt-j": (["causal-lm"], {}),
    "gpt-neo": (["causal-lm"], {}),
    "gpt-neox-20b": (["causal-lm"], {}),
    "htlm": (["dae"], {"dae": "BART-style denoising on simplified HTML"}),
    "imagen": (["caption-prediction", "diffusion"], {"diffusion": "text-conditioned cascaded diffusion"}),
    "instructgpt": (["causal-lm", "instruction-tuning", "rlhf"], {"rlhf": "reward modeling + PPO"}),
    "instructor": (["contrastive", "instruction-tuning"], {"instruction-tuning": "instruction-based multitask fine-tuning of embeddings"}),
    "jurassic-1": (["causal-lm"], {}),
    "lamda": (["causal-lm"], {"causal-lm": "pretraining on dialog and web text, then safety/groundedness fine-tuning"}),
    "llama": (["causal-lm"], {}),
    "mbart": (["dae"], {}),
    "megatron": (["causal-lm", "mlm"], {"causal-lm": "same as the base model (GPT-like variant)", "mlm": "same as the base model (BERT-like variant)"}),
    "minerva": (["causal-lm"], {"causal-lm": "continued LM training on technical text"}),
    "mt-nlg": (["causal-lm"], {}),
    "openassistant-llama": (["instruction-tuning"], {"instruction-tuning": "supervised fine-tuning on crowd-sourced assistant conversations"}),
    "opt": (["causal-lm"], {}),
    "palm": (["causal-lm"], {}),
    "pegasus": (["dae", "gap-sentence-generation", "mlm"], {"gap-sentence-generation": "gap-sentence generation (GSG) denoising"}),
    "pythia": (["causal-lm"], {}),
    "roberta": (["mlm"], {"mlm": "dynamic masking"}),
    "seeker": (["causal-lm"], {"causal-lm": "LM and dialogue training with search, knowledge and response modules"}),
    "sparrow": (["causal-lm", "rlhf"], {"rlhf": "RLHF with rule-based rewards"}),
    "stablediffusion": (["caption-prediction", "diffusion"], {"diffusion": "text-conditioned latent diffusion"}),
    "swin-transformer": (["image-classification"], {}),
    "switch": (["dae", "span-corruption"], {"span-corruption": "T5 span corruption"}),
    "t0": (["instruction-tuning"], {"instruction-tuning": "multitask fine-tuning on natural-language prompts"}),
    "t5": (["dae", "span-corruption"], {}),
    "trajectory-transformers": (["next-action-prediction"], {"next-action-prediction": "trajectory modeling of states, actions and rewards"}),
    "transformer-xl": (["causal-lm"], {}),
    "turing-nlg": (["causal-lm"], {}),
    "ul2": (["dae", "span-corruption", "prefix-lm"], {
        "prefix-lm": "from the mixture of denoisers, via its sequential prefix-LM denoiser",
        "span-corruption": "regular and extreme span corruption denoisers"}),
    "vicuna": (["instruction-tuning"], {"instruction-tuning": "chat fine-tuning on shared conversations"}),
    "vit": (["image-classification"], {}),
    "wu-dao-2.0": (["blank-infilling"], {}),
    "xlm-roberta": (["mlm"], {"mlm": "dynamic masking"}),
    "xlnet": (["plm"], {}),
}

# id -> (domains, traits, derived_from)
EXTRA: dict[str, tuple[list[str], list[str], list[str]]] = {
    "albert": (["text"], ["efficient"], ["bert"]),
    "alexatm-20b": (["text", "multilingual", "summarization", "translation"], [], []),
    "alpaca": (["text"], ["assistant"], ["llama"]),
    "alphafold": (["biology", "science"], [], []),
    "anthropic-assistant": (["text", "dialogue", "code"], ["assistant"], []),
    "bart": (["text", "summarization"], [], ["bert", "gpt"]),
    "bert": (["text"], [], []),
    "big-bird": (["text", "biology"], ["sparse-attention", "long-context"], ["bert"]),
    "blenderbot3": (["text", "dialogue"], ["retrieval-augmented", "assistant"], ["opt"]),
    "bloom": (["text", "multilingual", "code"], [], ["gpt"]),
    "chatgpt": (["text", "dialogue"], ["assistant"], ["gpt-3.5"]),
    "chinchilla": (["text"], [], ["gopher"]),
    "clip": (["vision", "vision-language"], ["multimodal"], []),
    "cm3": (["vision-language", "image-generation", "text"], ["multimodal"], ["htlm"]),
    "ctrl": (["text"], [], []),
    "dall-e": (["image-generation", "vision-language"], ["multimodal"], ["gpt-3"]),
    "dall-e-2": (["image-generation", "vision-language"], ["multimodal"], ["clip", "glide"]),
    "deberta": (["text"], [], ["bert"]),
    "decision-transformers": (["reinforcement-learning"], [], ["gpt-2"]),
    "dialogpt": (["text", "dialogue"], [], ["gpt-2"]),
    "distilbert": (["text"], ["efficient"], ["bert"]),
    "dolly": (["text"], ["assistant"], ["gpt-j", "pythia"]),
    "dq-bart": (["text", "summarization", "translation"], ["efficient"], ["bart"]),
    "e5": (["text", "embeddings"], [], ["bert"]),
    "electra": (["text"], ["efficient"], ["bert"]),
    "ernie": (["text"], [], ["bert"]),
    "flamingo": (["vision-language", "vision"], ["multimodal"], ["chinchilla"]),
    "flan-palm": (["text", "multilingual"], [], ["palm"]),
    "flan-t5": (["text"], [], ["t5"]),
    "galactica": (["text", "science", "math"], [], []),
    "gato": (["reinforcement-learning", "vision-language", "text"], ["multimodal"], []),
    "glam": (["text"], ["mixture-of-experts", "efficient"], []),
    "glide": (["image-generation", "vision-language"], ["multimodal"], []),
    "glm": (["text"], [], []),
    "global-context-vit": (["vision"], [], ["vit"]),
    "gopher": (["text"], [], ["gpt"]),
    "gophercite": (["text", "dialogue"], ["retrieval-augmented"], ["gopher"]),
    "gpt": (["text"], [], []),
    "gpt-2": (["text"], [], ["gpt"]),
    "gpt-3": (["text"], [], ["gpt-2"]),
    "gpt-3.5": (["text", "dialogue", "code"], [], ["gpt-3"]),
    "gpt-j": (["text"], [], ["gpt-3"]),
    "gpt-neo": (["text"], [], ["gpt-3"]),
    "gpt-neox-20b": (["text"], [], ["gpt-3"]),
    "htlm": (["text"], [], ["bart"]),
    "imagen": (["image-generation", "vision-language"], ["multimodal"], ["t5"]),
    "instructgpt": (["text"], ["assistant"], ["gpt-3"]),
    "instructor": (["text", "embeddings"], [], ["t5"]),
    "jurassic-1": (["text"], [], ["gpt-3"]),
    "lamda": (["text", "dialogue"], ["retrieval-augmented"], []),
    "llama": (["text", "code"], [], []),
    "mbart": (["text", "multilingual", "translation"], [], ["bart"]),
    "megatron": (["text"], [], ["gpt-2", "bert"]),
    "minerva": (["text", "math", "science"], [], ["palm"]),
    "mt-nlg": (["text"], [], ["megatron", "turing-nlg"]),
    "openassistant-llama": (["text", "dialogue"], ["assistant"], ["llama"]),
    "opt": (["text"], [], ["gpt-3"]),
    "palm": (["text", "multilingual", "code"], [], []),
    "pegasus": (["text", "summarization"], [], []),
    "pythia": (["text"], [], ["gpt-neox-20b"]),
    "roberta": (["text"], [], ["bert"]),
    "seeker": (["text", "dialogue"], ["retrieval-augmented"], ["gpt-2"]),
    "sparrow": (["text", "dialogue"], ["retrieval-augmented", "assistant"], ["chinchilla"]),
    "stablediffusion": (["image-generation", "vision-language"], ["multimodal", "efficient"], []),
    "swin-transformer": (["vision"], [], ["vit"]),
    "switch": (["text"], ["mixture-of-experts", "efficient"], ["t5"]),
    "t0": (["text"], [], ["t5"]),
    "t5": (["text", "summarization", "translation"], [], []),
    "trajectory-transformers": (["reinforcement-learning"], [], ["gpt"]),
    "transformer-xl": (["text"], ["long-context"], []),
    "turing-nlg": (["text"], [], ["gpt-2"]),
    "ul2": (["text"], [], []),
    "vicuna": (["text", "dialogue"], ["assistant"], ["llama"]),
    "vit": (["vision"], [], ["bert"]),
    "wu-dao-2.0": (["text", "vision-language", "multilingual"], ["mixture-of-experts", "multimodal"], ["glm"]),
    "xlm-roberta": (["text", "multilingual", "translation"], [], ["roberta"]),
    "xlnet": (["text"], ["long-context"], ["transformer-xl"]),
}

# Parameter variants where the phrase needs a human reading: id -> [(label, millions)]
PARAM_OVERRIDES: dict[str, list[tuple[str | None, float]]] = {
    "anthropic-assistant": [("smallest", 13), ("largest", 52000)],
    "bart": [("base", 140), ("large", 400)],
    "ernie": [(None, 114)],
    "glam": [("total (64 experts)", 1200000)],
    "glide": [("diffusion model", 3500)],
    "instructgpt": [(None, 1300), (None, 6000), (None, 175000)],
    "opt": [("smallest", 125), ("largest", 175000)],
    "switch": [("Switch-C", 1571000)],
    "turing-nlg": [(None, 17000)],
    "seeker": [("SeeKeR LM", 365), ("SeeKeR LM", 762), ("SeeKeR LM", 1500),
               ("SeeKeR Dialogue", 400), ("SeeKeR Dialogue", 3000)],
    "swin-transformer": [("tiny", 29), ("large", 197)],
    "vit": [("base", 86), ("huge", 632)],
    "stablediffusion": [(None, 890)],
    "palm": [(None, 8000), (None, 62000), (None, 540000)],
    "blenderbot3": [(None, 3000), (None, 30000), (None, 175000)],
    "jurassic-1": [("Large", 7500), ("Grande", 17000), ("Jumbo", 178000)],
    "dolly": [("v1", 6000), ("v2", 12000)],
    "t0": [("T0-3B", 3000), ("T0/T0p/T0pp", 11000)],
    "t5": [("largest", 11000)],
    "cm3": [("largest", 13000)],
    "flamingo": [("largest", 80000)],
    "roberta": [("base", 125), ("large", 356)],
    "e5": [("large", 300)],
}

UNITS = {"M": 1.0, "B": 1000.0, "T": 1_000_000.0}
VENUE_TYPES = (
    ("inproceedings", ("ICLR", "NeurIPS", "ICML", "ACL", "NAACL", "EMNLP", "CVPR", "ICCV",
                       "Findings", "Workshop")),
    ("article", ("JMLR", "TACL", "Nature", "TMLR")),
)
RENAMES = {"seeker": "SeeKeR"}  # official spellings (the old one stays an alias)
# Facts corrected against the source papers (each listed in catalog/ERRATA.md).
FIXES: dict[str, dict[str, str]] = {
    "anthropic-assistant": {"num_params": "13M to 52B"},
}


def parse_params(raw: str) -> list[tuple[str | None, float]]:
    found = []
    for m in re.finditer(r"(?:([A-Za-z][\w\-]*)\s+)?(\d+(?:\.\d+)?)\s*([MBT])\b(?:\s*\(([\w\-]+)\))?", raw):
        label = m.group(4) or m.group(1)
        if label and label.lower() in {"to", "up", "and", "also", "v1", "v2"}:
            label = None if label.lower() in {"to", "up", "and", "also"} else label
        found.append((label.lower() if label else None, float(m.group(2)) * UNITS[m.group(3)]))
    return found


def bibtex_key(paper: dict, name: str) -> str:
    first = paper["authors"][0]
    last = re.sub(r"[^A-Za-z]", "", first.split()[-1] if " " in first else first).lower()
    word = re.sub(r"[^A-Za-z0-9]", "", (paper.get("title") or name).split()[0]).lower()
    return f"{last}{paper['year']}{word}"


def entry_type(venue: str, arxiv: str | None) -> str:
    for kind, marks in VENUE_TYPES:
        if any(mark in venue for mark in marks):
            return kind
    return "article" if arxiv and venue.startswith("arXiv") else "misc"


def build(fact: dict, old: dict | None) -> dict:
    mid = fact["id"]
    fact = {**fact, **FIXES.get(mid, {})}
    objectives, notes = OBJECTIVES[mid]
    domains, traits, derived = EXTRA[mid]
    variants = PARAM_OVERRIDES.get(mid) or parse_params(fact["num_params"])
    max_m = fact["max_params_millions"]
    if mid == "switch":
        max_m = 1571000
    if variants and max_m is None:
        variants = []  # phrases such as "up to 30x reduction" are not sizes
    if variants and max_m is not None and abs(max(v for _, v in variants) - max_m) > 1e-6:
        raise SystemExit(f"{mid}: parsed {variants} but max is {max_m}")
    paper = dict(fact["paper"])
    paper["bibtex_key"] = bibtex_key(paper, fact["name"])
    paper["entry_type"] = entry_type(paper["venue"], paper.get("arxiv_id"))
    name = RENAMES.get(mid, fact["name"])
    aliases = list(fact["aliases"])
    if name != fact["name"] and fact["name"] not in aliases:
        aliases.append(fact["name"])
    out = {
        "id": mid,
        "name": name,
        "aliases": aliases,
        "family": fact["family"],
        "architecture": fact["architecture"],
    }
    if fact.get("architecture_note"):
        out["architecture_note"] = fact["architecture_note"]
    out |= {
        "task": fact["task"],
        "objectives": objectives,
        "objective_notes": notes,
        "task_is_finetuning": fact["task_is_finetuning"],
        "application": fact["application"],
        "domains": domains,
        "traits": traits,
        "date": fact["date"],
        "params": {
            "raw": fact["num_params"],
            "variants": [{"label": lab, "millions": v} if lab else {"millions": v} for lab, v in variants],
            "max_millions": max_m,
        },
        "corpus": fact["corpus"],
        "license": fact["license"],
        "license_class": fact["license_class"],
        "labs": fact["lab"],
        "link": fact["link"],
        "derived_from": derived,
        "key_points": fact["key_points"],
        "paper": paper,
        "summary": (old or {}).get("summary", "TODO"),
    }
    return out


class _Dumper(yaml.SafeDumper):
    pass


def _str(dumper, data):
    style = "|" if "\n" in data or len(data) > 100 else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(str, _str)


def main(src: str) -> None:
    facts = json.loads(Path(src).read_text(encoding="utf-8"))
    OUT.mkdir(parents=True, exist_ok=True)
    for fact in facts:
        path = OUT / f"{fact['id']}.yaml"
        old = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else None
        data = build(fact, old)
        if data["summary"] and not data["summary"].endswith("\n"):
            data["summary"] += "\n"
        path.write_text(yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100),
                        encoding="utf-8")
    print(f"wrote {len(facts)} files to {OUT}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(OUT.parent.parent / "tests" / "data" / "reference" / "catalog-facts.json"))
