"""Controlled vocabularies: architectures, objectives, domains, traits, license classes.

Each vocabulary is an enum whose values are the slugs stored in the catalog files; human
labels and the organizations' spellings live next to them. The words users type for each
value (and plain-words descriptions of it) are the assistant's lexicon data, one file per
language: ``assistant/lexicon/en.yaml``.
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


class Modality(str, Enum):
    """A kind of data a model takes in or gives out (``inputs`` / ``outputs`` of an entry)."""

    TEXT = "text"  # natural language or source code, as tokens
    IMAGE = "image"
    VIDEO = "video"
    AUDIO = "audio"  # speech or other sound
    ACTION = "action"  # actions of an agent (control, games, robot joints)
    TRAJECTORY = "trajectory"  # past states, actions and rewards of an agent
    EMBEDDING = "embedding"  # vectors that represent the input (for search, classification heads, similarity)
    LABEL = "label"  # a class from a fixed set (an image classifier's output)
    MASK = "mask"  # a segmentation mask over an image
    PROTEIN_SEQUENCE = "protein-sequence"  # amino acids (and their alignments)
    PROTEIN_STRUCTURE = "protein-structure"  # 3D coordinates of a protein's atoms


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
