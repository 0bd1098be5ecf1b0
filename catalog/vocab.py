"""Controlled vocabularies: architectures, objectives, domains, traits, license classes.

Each vocabulary is an enum whose values are the slugs stored in the catalog files. Human
labels and query synonyms live next to them so that the catalog, the index and the
assistant all speak the same words.
"""

from __future__ import annotations

from enum import Enum
from functools import lru_cache


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
    # added with the models beyond the paper (catalog/beyond/)
    DPO = "dpo"
    REASONING_RL = "reasoning-rl"
    SPEECH_RECOGNITION = "speech-recognition"
    PROMPTABLE_SEGMENTATION = "promptable-segmentation"
    SELF_DISTILLATION = "self-distillation"


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
    SPEECH = "speech"


class Trait(str, Enum):
    MIXTURE_OF_EXPERTS = "mixture-of-experts"
    SPARSE_ATTENTION = "sparse-attention"
    LONG_CONTEXT = "long-context"
    RETRIEVAL_AUGMENTED = "retrieval-augmented"
    EFFICIENT = "efficient"
    MULTIMODAL = "multimodal"
    ASSISTANT = "assistant"
    # added with the models beyond the paper (catalog/beyond/)
    GROUPED_QUERY_ATTENTION = "grouped-query-attention"
    ROTARY_EMBEDDINGS = "rotary-embeddings"
    SWIGLU = "swiglu"
    SLIDING_WINDOW_ATTENTION = "sliding-window-attention"
    STATE_SPACE_HYBRID = "state-space-hybrid"


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
    Objective.DPO: "direct preference optimization (DPO)",
    Objective.REASONING_RL: "reinforcement learning for reasoning (verifiable rewards)",
    Objective.SPEECH_RECOGNITION: "weakly supervised speech recognition and translation",
    Objective.PROMPTABLE_SEGMENTATION: "promptable image segmentation",
    Objective.SELF_DISTILLATION: "self-supervised self-distillation with masked image modeling",
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
    Objective.DPO: (
        "dpo", "direct preference optimization", "direct preference optimisation",
        "preference optimization", "preference optimisation",
    ),
    Objective.REASONING_RL: (
        "reinforcement learning for reasoning", "rl for reasoning", "reasoning rl", "rlvr",
        "verifiable rewards", "rl with verifiable rewards", "grpo",
    ),
    Objective.SPEECH_RECOGNITION: (
        "speech recognition", "asr", "transcription", "speech-to-text", "speech to text",
        "weak supervision", "weakly supervised",
    ),
    Objective.PROMPTABLE_SEGMENTATION: (
        "promptable segmentation", "image segmentation", "segmentation", "segment anything",
    ),
    Objective.SELF_DISTILLATION: (
        "self-distillation", "self distillation", "masked image modeling", "masked image modelling",
        "self-supervised vision", "self-supervised visual features",
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
    Domain.SPEECH: ("speech", "audio", "voice", "spoken"),
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
    Trait.GROUPED_QUERY_ATTENTION: ("grouped-query attention", "grouped query attention", "gqa"),
    Trait.ROTARY_EMBEDDINGS: (
        "rotary position embeddings", "rotary position embedding", "rotary embeddings",
        "rotary positional embeddings", "rope",
    ),
    Trait.SWIGLU: ("swiglu", "swi-glu", "swiglu activation", "gated linear units"),
    Trait.SLIDING_WINDOW_ATTENTION: (
        "sliding-window attention", "sliding window attention", "local attention",
        "local and global attention", "sliding window",
    ),
    Trait.STATE_SPACE_HYBRID: (
        "state-space", "state space", "state-space model", "ssm", "hybrid architecture",
        "transformer-mamba",
    ),
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
    "DeepMind": ("deepmind", "deep mind"),
    "Google DeepMind": ("google deepmind", "google deep mind", "gdm"),
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
    # labs of the models beyond the paper
    "Mistral AI": ("mistral ai", "mistral.ai", "mistralai"),
    "Alibaba": ("alibaba", "alibaba cloud", "alibaba group", "qwen team", "tongyi"),
    "DeepSeek": ("deepseek", "deepseek-ai", "deepseek ai"),
    "Technology Innovation Institute": ("technology innovation institute", "tii"),
    "AI2": ("ai2", "allen institute for ai", "allen institute", "allenai", "allen ai"),
    "01.AI": ("01.ai", "01 ai", "01ai"),
    "Shanghai AI Laboratory": ("shanghai ai laboratory", "shanghai ai lab", "shanghai artificial intelligence laboratory"),
    "BigCode": ("bigcode", "big code"),
    "ServiceNow": ("servicenow", "service now"),
    "University of Wisconsin-Madison": ("university of wisconsin-madison", "uw-madison", "uw madison", "wisconsin"),
    "Inria": ("inria",),
    "Answer.AI": ("answer.ai", "answerai", "answer ai"),
    "LightOn": ("lighton",),
    "Johns Hopkins University": ("johns hopkins university", "johns hopkins", "jhu"),
    "Peking University": ("peking university", "pku"),
    "Columbia University": ("columbia university", "columbia"),
}

# A canonical lab that subsumes others: a question about "Google" or "DeepMind" also finds
# models credited to Google DeepMind (formed in 2023 from Google Brain and DeepMind, after the
# paper, which keeps the two labs apart). Lab filters use ``ModelEntry.lab_keys``.
LAB_UMBRELLA: dict[str, tuple[str, ...]] = {
    "Google DeepMind": ("Google", "DeepMind"),
}


def lab_umbrella(canon: str) -> tuple[str, ...]:
    """The labs a canonical organization also answers for (empty for most labs)."""
    return LAB_UMBRELLA.get(canon, ())


@lru_cache(maxsize=4096)
def canonical_lab(name: str) -> str:
    """Map a lab as written in the catalog to its canonical organization name (memoized: a pure
    function of the string, called for every entry's labs)."""
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
