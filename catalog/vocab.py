"""Controlled vocabularies: architectures, objectives, domains, traits, license classes.

Each vocabulary is an enum whose values are the slugs stored in the catalog files. Human
labels and query synonyms live next to them so that the catalog, the index and the
assistant all speak the same words.
"""

from __future__ import annotations

from enum import Enum


class Architecture(str, Enum):
    ENCODER = "encoder"
    DECODER = "decoder"
    ENCODER_DECODER = "encoder-decoder"
    OTHER = "other"


class LicenseClass(str, Enum):
    OPEN = "open"
    LIMITED = "limited"
    CLOSED = "closed"
    UNKNOWN = "unknown"


class Objective(str, Enum):
    CAUSAL_LM = "causal-lm"
    PREFIX_LM = "prefix-lm"
    MLM = "mlm"
    PLM = "plm"
    DAE = "dae"
    SPAN_CORRUPTION = "span-corruption"
    RTD = "rtd"
    NSP = "nsp"
    SOP = "sop"
    CONTRASTIVE = "contrastive"
    IMAGE_TEXT_CONTRASTIVE = "image-text-contrastive"
    CAPTION_PREDICTION = "caption-prediction"
    DIFFUSION = "diffusion"
    INSTRUCTION_TUNING = "instruction-tuning"
    RLHF = "rlhf"
    NEXT_ACTION_PREDICTION = "next-action-prediction"
    BLANK_INFILLING = "blank-infilling"
    GAP_SENTENCE_GENERATION = "gap-sentence-generation"
    CAUSAL_MASKED_LM = "causal-masked-lm"
    ENTITY_DENOISING = "entity-denoising"
    KNOWLEDGE_DISTILLATION = "knowledge-distillation"
    IMAGE_CLASSIFICATION = "image-classification"
    PROTEIN_STRUCTURE = "protein-structure-prediction"


class Domain(str, Enum):
    TEXT = "text"
    VISION = "vision"
    VISION_LANGUAGE = "vision-language"
    IMAGE_GENERATION = "image-generation"
    DIALOGUE = "dialogue"
    BIOLOGY = "biology"
    REINFORCEMENT_LEARNING = "reinforcement-learning"
    SCIENCE = "science"
    MATH = "math"
    CODE = "code"
    MULTILINGUAL = "multilingual"
    EMBEDDINGS = "embeddings"
    SUMMARIZATION = "summarization"
    TRANSLATION = "translation"


class Trait(str, Enum):
    MIXTURE_OF_EXPERTS = "mixture-of-experts"
    SPARSE_ATTENTION = "sparse-attention"
    LONG_CONTEXT = "long-context"
    RETRIEVAL_AUGMENTED = "retrieval-augmented"
    EFFICIENT = "efficient"
    MULTIMODAL = "multimodal"
    ASSISTANT = "assistant"


OBJECTIVE_LABELS: dict[Objective, str] = {
    Objective.CAUSAL_LM: "causal (autoregressive) language modeling",
    Objective.PREFIX_LM: "prefix language modeling",
    Objective.MLM: "masked language modeling (MLM)",
    Objective.PLM: "permutation language modeling (PLM)",
    Objective.DAE: "denoising autoencoding (DAE)",
    Objective.SPAN_CORRUPTION: "span corruption",
    Objective.RTD: "replaced token detection (RTD)",
    Objective.NSP: "next sentence prediction (NSP)",
    Objective.SOP: "sentence order prediction (SOP)",
    Objective.CONTRASTIVE: "contrastive learning of text embeddings",
    Objective.IMAGE_TEXT_CONTRASTIVE: "image-text contrastive learning",
    Objective.CAPTION_PREDICTION: "caption / image prediction",
    Objective.DIFFUSION: "diffusion denoising",
    Objective.INSTRUCTION_TUNING: "instruction tuning",
    Objective.RLHF: "reinforcement learning from human feedback (RLHF)",
    Objective.NEXT_ACTION_PREDICTION: "next-action prediction",
    Objective.BLANK_INFILLING: "autoregressive blank infilling",
    Objective.GAP_SENTENCE_GENERATION: "gap-sentence generation (GSG)",
    Objective.CAUSAL_MASKED_LM: "causally masked language modeling",
    Objective.ENTITY_DENOISING: "denoising entity auto-encoding",
    Objective.KNOWLEDGE_DISTILLATION: "knowledge distillation",
    Objective.IMAGE_CLASSIFICATION: "supervised image classification",
    Objective.PROTEIN_STRUCTURE: "protein structure prediction",
}

# Phrases a user may type for each objective (matched on word boundaries, lower-case).
OBJECTIVE_SYNONYMS: dict[Objective, tuple[str, ...]] = {
    Objective.CAUSAL_LM: (
        "causal lm", "causal language model", "causal language modeling",
        "causal language modelling", "autoregressive language model",
        "autoregressive language modeling", "autoregressive lm", "autoregressive",
        "next token prediction", "next-token prediction", "left-to-right",
        "standard language modeling", "clm",
    ),
    Objective.PREFIX_LM: (
        "prefix lm", "prefix-lm", "prefixlm", "prefix language model",
        "prefix language modeling", "prefix language modelling", "prefix-lm objectives",
        "prefix lm objective",
    ),
    Objective.MLM: (
        "mlm", "masked lm", "masked language model", "masked language modeling",
        "masked language modelling", "masked-language", "cloze", "masked token prediction",
    ),
    Objective.PLM: (
        "plm", "permutation language model", "permutation language modeling",
        "permutation lm", "permuted language modeling", "permutation",
    ),
    Objective.DAE: (
        "dae", "denoising autoencoder", "denoising auto-encoder", "denoising autoencoding",
        "denoising objective", "denoising", "text infilling", "sequence denoising",
    ),
    Objective.SPAN_CORRUPTION: (
        "span corruption", "span-corruption", "span masking", "corrupted spans",
        "mixture of denoisers", "mixture-of-denoisers",
    ),
    Objective.RTD: (
        "rtd", "replaced token detection", "replaced-token detection",
        "discriminator objective", "replaced token",
    ),
    Objective.NSP: ("nsp", "next sentence prediction", "next-sentence prediction"),
    Objective.SOP: (
        "sop", "sentence order prediction", "sentence-order prediction", "sentence ordering",
    ),
    Objective.CONTRASTIVE: (
        "contrastive", "contrastive loss", "contrastive learning", "contrastive objective",
        "contrastive pretraining", "contrastive pre-training",
    ),
    Objective.IMAGE_TEXT_CONTRASTIVE: (
        "image-text contrastive", "image text contrastive", "image-text matching",
        "contrastive image-text", "contrastive image text", "image-text pairs contrastive",
    ),
    Objective.CAPTION_PREDICTION: (
        "caption prediction", "image prediction", "caption/image prediction",
        "text-to-image", "text to image", "image generation from text",
    ),
    Objective.DIFFUSION: (
        "diffusion", "diffusion denoising", "denoising diffusion", "latent diffusion",
        "diffusion model", "diffusion models",
    ),
    Objective.INSTRUCTION_TUNING: (
        "instruction tuning", "instruction-tuning", "instruction tuned", "instruction-tuned",
        "instruction fine-tuning", "instruction finetuning", "instruction following",
        "instruction-following", "instructions", "supervised fine-tuning", "sft",
        "multitask prompted", "prompted training",
    ),
    Objective.RLHF: (
        "rlhf", "reinforcement learning from human feedback", "human feedback",
        "human preferences", "preference modeling", "rlhp", "ppo",
    ),
    Objective.NEXT_ACTION_PREDICTION: (
        "next action prediction", "next-action prediction", "action prediction",
        "trajectory modeling", "trajectory prediction", "predict actions",
    ),
    Objective.BLANK_INFILLING: (
        "blank infilling", "autoregressive blank infilling", "blank-infilling", "infilling",
    ),
    Objective.GAP_SENTENCE_GENERATION: (
        "gap sentence generation", "gap-sentence generation", "gap sentences", "gsg",
        "gap-sentence", "gap sentence",
    ),
    Objective.CAUSAL_MASKED_LM: (
        "causally masked", "causal masked", "causal masking", "causally-masked",
    ),
    Objective.ENTITY_DENOISING: (
        "entity denoising", "denoising entity", "entity auto-encoding", "dea",
        "entity masking",
    ),
    Objective.KNOWLEDGE_DISTILLATION: (
        "distillation", "knowledge distillation", "distilled", "distil",
    ),
    Objective.IMAGE_CLASSIFICATION: (
        "image classification", "supervised image classification", "classify images",
    ),
    Objective.PROTEIN_STRUCTURE: (
        "protein folding", "protein structure", "protein structure prediction",
    ),
}

ARCHITECTURE_SYNONYMS: dict[Architecture, tuple[str, ...]] = {
    Architecture.ENCODER_DECODER: (
        "encoder-decoder", "encoder decoder", "encoder/decoder", "seq2seq",
        "sequence-to-sequence", "sequence to sequence", "enc-dec",
    ),
    Architecture.ENCODER: (
        "encoder-only", "encoder only", "encoders", "encoder models", "encoder",
        "bidirectional encoder",
    ),
    Architecture.DECODER: (
        "decoder-only", "decoder only", "decoders", "decoder models", "decoder",
        "gpt-style",
    ),
    Architecture.OTHER: ("other architecture", "non-standard architecture"),
}

DOMAIN_SYNONYMS: dict[Domain, tuple[str, ...]] = {
    Domain.TEXT: ("text", "language", "nlp", "natural language"),
    Domain.VISION: ("vision", "image", "images", "computer vision", "visual"),
    Domain.VISION_LANGUAGE: (
        "vision-language", "vision language", "multimodal", "multi-modal",
        "image and text", "images and text",
    ),
    Domain.IMAGE_GENERATION: (
        "image generation", "text-to-image", "text to image", "generate images",
        "generating images", "image synthesis",
    ),
    Domain.DIALOGUE: (
        "dialogue", "dialog", "chat", "chatbot", "chatbots", "conversational",
        "conversation",
    ),
    Domain.BIOLOGY: ("biology", "protein", "proteins", "protein folding", "genomics"),
    Domain.REINFORCEMENT_LEARNING: (
        "reinforcement learning", "offline rl", "rl", "control", "robotics", "agents",
        "agent", "games",
    ),
    Domain.SCIENCE: ("science", "scientific"),
    Domain.MATH: ("math", "mathematics", "mathematical", "quantitative reasoning"),
    Domain.CODE: ("code", "programming", "source code"),
    Domain.MULTILINGUAL: (
        "multilingual", "multi-lingual", "cross-lingual", "many languages", "languages",
    ),
    Domain.EMBEDDINGS: (
        "embeddings", "embedding", "sentence embeddings", "text embeddings",
        "semantic similarity", "retrieval embeddings",
    ),
    Domain.SUMMARIZATION: ("summarization", "summarisation", "summaries", "summarize"),
    Domain.TRANSLATION: ("translation", "machine translation", "translate"),
}

TRAIT_SYNONYMS: dict[Trait, tuple[str, ...]] = {
    Trait.MIXTURE_OF_EXPERTS: (
        "mixture of experts", "mixture-of-experts", "moe", "experts", "sparsely activated",
        "sparse experts",
    ),
    Trait.SPARSE_ATTENTION: ("sparse attention", "sparse-attention", "block sparse"),
    Trait.LONG_CONTEXT: (
        "long context", "long documents", "long sequences", "longer sequences",
        "long-context", "long inputs", "long-range",
    ),
    Trait.RETRIEVAL_AUGMENTED: (
        "retrieval-augmented", "retrieval augmented", "search engine", "internet search",
        "web search", "evidence", "quotes",
    ),
    Trait.EFFICIENT: (
        "efficient", "small", "compressed", "compression", "lightweight", "lite",
        "quantization", "quantized", "fewer parameters",
    ),
    Trait.MULTIMODAL: ("multimodal", "multi-modal"),
    Trait.ASSISTANT: ("assistant", "assistants", "chat assistant"),
}

LICENSE_SYNONYMS: dict[LicenseClass, tuple[str, ...]] = {
    LicenseClass.OPEN: (
        "open source", "open-source", "openly licensed", "open license", "open weights",
        "open-weight", "permissive", "apache", "mit license", "open models", "open",
    ),
    LicenseClass.LIMITED: (
        "non-commercial", "noncommercial", "limited license", "research only",
        "restricted license", "limited",
    ),
    LicenseClass.CLOSED: (
        "closed source", "closed-source", "proprietary", "closed", "not released",
        "api only",
    ),
    LicenseClass.UNKNOWN: ("unknown license", "no license", "license unknown"),
}

# Organizations: canonical name -> spellings found in the catalog or typed by users.
LAB_SYNONYMS: dict[str, tuple[str, ...]] = {
    "Google": ("google", "google research", "google brain", "google ai", "alphabet", "goog"),
    "DeepMind": ("deepmind", "deep mind", "google deepmind"),
    "OpenAI": ("openai", "open ai", "oai"),
    "Meta": (
        "meta", "facebook", "facebook ai", "meta ai", "facebook ai research", "fb",
    ),
    "Microsoft": ("microsoft", "msr", "microsoft research", "msft"),
    "NVIDIA": ("nvidia",),
    "Amazon": ("amazon", "alexa"),
    "Anthropic": ("anthropic",),
    "EleutherAI": ("eleutherai", "eleuther", "eleuther.ai", "eleuther ai"),
    "Hugging Face": ("hugging face", "huggingface"),
    "BigScience": ("bigscience", "big science"),
    "Salesforce": ("salesforce",),
    "AI21": ("ai21", "ai21 labs"),
    "Databricks": ("databricks",),
    "Stanford": ("stanford", "stanford university"),
    "UC Berkeley": ("uc berkeley", "berkeley"),
    "CMU": ("cmu", "carnegie mellon", "carnegie mellon university"),
    "Tsinghua University": ("tsinghua", "tsinghua university"),
    "BAAI": ("baai", "beijing academy of artificial intelligence"),
    "LAION": ("laion",),
    "Stability AI": ("stability", "stability.ai", "stability ai"),
    "University of Washington": ("university of washington", "uw"),
    "Huawei": ("huawei", "huawei noah's ark lab", "noah's ark"),
    "Imperial College London": ("imperial college", "imperial college london"),
    "LMU Munich": ("lmu", "lmu munich"),
    "University of Hong Kong": ("university of hong kong", "hku"),
    "UC San Diego": ("uc san diego", "ucsd"),
    "MBZUAI": ("mbzuai",),
}


def canonical_lab(name: str) -> str:
    """Map a lab as written in the catalog to its canonical organization name."""
    low = name.strip().lower()
    for canon, spellings in LAB_SYNONYMS.items():
        if low == canon.lower() or low in spellings:
            return canon
    for canon, spellings in LAB_SYNONYMS.items():
        if any(low.startswith(s + " ") or low.startswith(s + "(") for s in spellings):
            return canon
        if "(" in low and low.split("(")[1].rstrip(")").strip() in spellings:
            return canon
    return name.strip()
