"""Kinds of negation and exclusion, in English and Chinese, over the whole catalog: a bracketed
restatement ("a denoising (DAE) objective") has the polarity of the phrase before it; a relative
clause after an exclusion cue ("apart from the ones that are LLaMA-based") is what it leaves out; a
family left out ("outside the GPT family", "except the Gemma ones", "GPT 系列除外") is every model
whose family field names it; "X and everything descended from it" leaves the lineage out; "X and its
descendants, but not ..." is a set the other constraints filter; verbs that negate ("skipped",
"forgo", "avoided"); Chinese postposed exclusions (的除外) and undisclosed sizes (没有公开参数量).

Each expected set is computed from the catalog's own fields, never written out by hand.
"""

from __future__ import annotations

import re

import pytest

from assistant.facets import FACETS
from assistant.query import Constraint, Not, Query, leaves
from assistant.reading import describe
from tests.assistant import lineage


def _family_names(e) -> set[str]:
    """The families a family field lists ("GPT; Control Transformers": GPT and Control Transformers); a
    hybrid ("BERT (encoder) + GPT (decoder)") is one family of its own."""
    return {p.strip() for p in re.split(r"[;,]", re.sub(r"\([^)]*\)", "", e.family)) if p.strip()} | {e.name}


def _ancestors(models, e) -> set[str]:
    return lineage.ancestors(models, e.id)


def _in_line(models, e, root: str) -> bool:
    """The model is the root or descends from it."""
    return e.id == root or root in _ancestors(models, e)


def _lab(e, lab: str) -> bool:
    return FACETS["lab"].match(e, Constraint(facet="lab", values=[lab]))


def _objectives(e) -> set[str]:
    return {o.value for o in e.objectives}


def _arch(e) -> str:
    return e.architecture.value


# (question, which catalog entries the answer must hold exactly: a predicate over (entry, all models))
KINDS = [
    # a bracketed gloss shares the polarity of the term before it
    ("encoder-decoders that do not use a denoising (DAE) objective",
     lambda e, ms: _arch(e) == "encoder-decoder" and "dae" not in _objectives(e)),
    ("decoder models not trained with causal language modeling (CLM)",
     lambda e, ms: _arch(e) == "decoder" and "causal-lm" not in _objectives(e)),
    ("Google models without next sentence prediction (NSP)", lambda e, ms: _lab(e, "Google") and "nsp" not in _objectives(e)),
    ("encoders that don't use masked language modeling (MLM)", lambda e, ms: _arch(e) == "encoder" and "mlm" not in _objectives(e)),
    ("哪些 decoder 模型不是用因果语言建模（causal LM）训练的",
     lambda e, ms: _arch(e) == "decoder" and "causal-lm" not in _objectives(e)),
    ("哪些编码器没有用掩码语言建模（MLM）", lambda e, ms: _arch(e) == "encoder" and "mlm" not in _objectives(e)),
    # a relative clause after an exclusion cue is what it leaves out
    ("all 2023 models apart from the ones that are LLaMA-based",
     lambda e, ms: e.date.year == 2023 and not _in_line(ms, e, "llama")),
    # "not descended from X" leaves out X's whole line, X itself included
    ("encoder models that are NOT descended from BERT", lambda e, ms: _arch(e) == "encoder" and not _in_line(ms, e, "bert")),
    ("Google models that don't come from the T5 line", lambda e, ms: _lab(e, "Google") and not _in_line(ms, e, "t5")),
    ("不是基于BERT衍生的encoder模型有哪些", lambda e, ms: _arch(e) == "encoder" and not _in_line(ms, e, "bert")),
    ("Meta models except those that are open source", lambda e, ms: _lab(e, "Meta") and e.license_class.value != "open"),
    ("decoders, excluding the ones that were trained with RLHF", lambda e, ms: _arch(e) == "decoder" and "rlhf" not in _objectives(e)),
    ("models from 2021, leaving out those which come from DeepMind", lambda e, ms: e.date.year == 2021 and not _lab(e, "DeepMind")),
    ("Google models, but not the ones that are encoder-decoders",
     lambda e, ms: _lab(e, "Google") and _arch(e) != "encoder-decoder"),
    # a family left out: every model whose family field names it
    ("decoders outside the GPT family", lambda e, ms: _arch(e) == "decoder" and "GPT" not in _family_names(e)),
    ("OpenAI models except the GPT ones", lambda e, ms: _lab(e, "OpenAI") and "GPT" not in _family_names(e)),
    ("Google models since the paper, without the Gemma ones",
     lambda e, ms: _lab(e, "Google") and not e.in_paper and "Gemma" not in _family_names(e)),
    ("Microsoft models other than the Phi ones", lambda e, ms: _lab(e, "Microsoft") and "Phi" not in _family_names(e)),
    ("Alibaba or DeepSeek models but not the Qwen series",
     lambda e, ms: (_lab(e, "Alibaba") or _lab(e, "DeepSeek")) and "Qwen" not in _family_names(e)),
    ("code-capable additions, but leave out Qwen and DeepSeek",  # listed with a lab, the name is its family
     lambda e, ms: not e.in_paper and "code" in {d.value for d in e.domains} and "Qwen" not in _family_names(e)
     and not _lab(e, "DeepSeek")),
    ("open decoders other than the Qwen or DeepSeek ones",
     lambda e, ms: e.license_class.value == "open" and _arch(e) == "decoder" and "Qwen" not in _family_names(e)
     and not _lab(e, "DeepSeek")),
    ("encoders apart from the BERT family", lambda e, ms: _arch(e) == "encoder" and "BERT" not in _family_names(e)),
    ("2019 models excluding BERT-family ones", lambda e, ms: e.date.year == 2019 and "BERT" not in _family_names(e)),
    ("OpenAI 的模型，GPT 系列除外", lambda e, ms: _lab(e, "OpenAI") and "GPT" not in _family_names(e)),
    ("微软的模型，Phi 系列除外", lambda e, ms: _lab(e, "Microsoft") and "Phi" not in _family_names(e)),
    ("除了 Gemma 系列之外，谷歌还有哪些模型", lambda e, ms: _lab(e, "Google") and "Gemma" not in _family_names(e)),  # a comma: no list
    # a model and its whole lineage left out
    ("Meta's post-paper models, excluding LLaMA and everything descended from it",
     lambda e, ms: _lab(e, "Meta") and not e.in_paper and e.id != "llama" and "llama" not in _ancestors(ms, e)),
    ("decoders, leaving out GPT-3 and whatever was built on it",
     lambda e, ms: _arch(e) == "decoder" and e.id != "gpt-3" and "gpt-3" not in _ancestors(ms, e)),
    ("OpenAI models without GPT and its whole lineage",
     lambda e, ms: _lab(e, "OpenAI") and e.id != "gpt" and "gpt" not in _ancestors(ms, e)),
    ("Google models except BERT and all models derived from it",
     lambda e, ms: _lab(e, "Google") and e.id != "bert" and "bert" not in _ancestors(ms, e)),
    # a lineage set with another constraint: the set, filtered
    ("BERT and its descendants, but not the ones from Google",
     lambda e, ms: (e.id == "bert" or "bert" in _ancestors(ms, e)) and not _lab(e, "Google")),
    ("GPT-2 and its descendants, excluding the Microsoft ones",
     lambda e, ms: (e.id == "gpt-2" or "gpt-2" in _ancestors(ms, e)) and not _lab(e, "Microsoft")),
    ("BERT 及其后代中，不是谷歌做的有哪些", lambda e, ms: (e.id == "bert" or "bert" in _ancestors(ms, e)) and not _lab(e, "Google")),
    # verbs that negate
    ("instruction-tuned models that skipped any RLHF or DPO step",
     lambda e, ms: "instruction-tuning" in _objectives(e) and not {"rlhf", "dpo"} & _objectives(e)),
    ("instruction-tuned models that never went through RLHF",
     lambda e, ms: "instruction-tuning" in _objectives(e) and "rlhf" not in _objectives(e)),
    ("encoders that skip next sentence prediction", lambda e, ms: _arch(e) == "encoder" and "nsp" not in _objectives(e)),
    ("additions that bypassed DPO", lambda e, ms: not e.in_paper and "dpo" not in _objectives(e)),
    ("decoders that avoided instruction tuning", lambda e, ms: _arch(e) == "decoder" and "instruction-tuning" not in _objectives(e)),
    # Chinese: a postposed exclusion, a negated licence class, an undisclosed size
    ("論文中開源的 decoder 模型，EleutherAI 的除外",
     lambda e, ms: e.in_paper and _arch(e) == "decoder" and e.license_class.value == "open" and not _lab(e, "EleutherAI")),
    ("2022 年的 decoder 模型，Meta 的除外", lambda e, ms: e.date.year == 2022 and _arch(e) == "decoder" and not _lab(e, "Meta")),
    ("谷歌的模型，编码器除外", lambda e, ms: _lab(e, "Google") and _arch(e) != "encoder"),
    ("2022 年的 decoder 模型，Meta 的不算", lambda e, ms: e.date.year == 2022 and _arch(e) == "decoder" and not _lab(e, "Meta")),
    ("2022 年的 decoder 模型，不要 Meta 的", lambda e, ms: e.date.year == 2022 and _arch(e) == "decoder" and not _lab(e, "Meta")),
    ("谷歌的模型，T5 系列的不要", lambda e, ms: _lab(e, "Google") and "T5" not in _family_names(e)),
    ("不属于 GPT 家族的解码器模型", lambda e, ms: _arch(e) == "decoder" and "GPT" not in _family_names(e)),
    ("哪些编码器-解码器模型不用去噪自编码（DAE）目标", lambda e, ms: _arch(e) == "encoder-decoder" and "dae" not in _objectives(e)),
    ("Meta 的模型中哪些不是开源许可", lambda e, ms: _lab(e, "Meta") and e.license_class.value != "open"),
    ("Meta 的非开源许可模型", lambda e, ms: _lab(e, "Meta") and e.license_class.value != "open"),
    ("哪些模型没有公开参数量", lambda e, ms: not FACETS["size"].known(e)),
    ("哪些模型的参数量未披露", lambda e, ms: not FACETS["size"].known(e)),
    ("谷歌的哪些模型没有公布参数量", lambda e, ms: _lab(e, "Google") and not FACETS["size"].known(e)),
    ("which models never disclosed their parameter count", lambda e, ms: not FACETS["size"].known(e)),
    # Chinese verbs that negate, a negated modifier before its head (的), a lineage left out by a postposition
    ("跳过了 RLHF 的指令微调模型", lambda e, ms: "instruction-tuning" in _objectives(e) and "rlhf" not in _objectives(e)),
    ("没有经过 RLHF 的指令微调模型", lambda e, ms: "instruction-tuning" in _objectives(e) and "rlhf" not in _objectives(e)),
    ("不带 GQA 的解码器", lambda e, ms: _arch(e) == "decoder" and "grouped-query-attention" not in {t.value for t in e.traits}),
    ("缺少已知许可的模型", lambda e, ms: e.license_class.value == "unknown"),
    ("除 LLaMA 及其所有后代以外的 Meta 模型",
     lambda e, ms: _lab(e, "Meta") and e.id != "llama" and "llama" not in _ancestors(ms, e)),
    ("LLaMA 及其后代之外的 2023 年模型", lambda e, ms: e.date.year == 2023 and e.id != "llama" and "llama" not in _ancestors(ms, e)),
    # an exclusion cue spent on the models it leaves out governs nothing after them: "不包括/排除/不算/去掉/剔除/除 X (及其后代)
    # 的 Y" leaves X out of the Ys, the Ys stay positive; only a conjunction joins one more item to what is left out
    ("排除 T5 及其后代的谷歌模型", lambda e, ms: _lab(e, "Google") and not _in_line(ms, e, "t5")),
    ("不算 LLaMA 及其衍生的 2023 年模型", lambda e, ms: e.date.year == 2023 and not _in_line(ms, e, "llama")),
    ("去掉 LLaMA 和它的后代的 Meta 模型", lambda e, ms: _lab(e, "Meta") and not _in_line(ms, e, "llama")),
    ("剔除 LLaMA 及其衍生模型的 2023 年开源模型",
     lambda e, ms: e.date.year == 2023 and e.license_class.value == "open" and not _in_line(ms, e, "llama")),
    ("不包括 GPT-2 和 GPT-3 的 OpenAI 模型", lambda e, ms: _lab(e, "OpenAI") and e.id not in {"gpt-2", "gpt-3"}),
    ("不包括 BERT 及其后代和编码器的谷歌模型",
     lambda e, ms: _lab(e, "Google") and _arch(e) != "encoder" and not _in_line(ms, e, "bert")),
    ("OpenAI models, excluding GPT-3 or any decoder", lambda e, ms: _lab(e, "OpenAI") and _arch(e) != "decoder" and e.id != "gpt-3"),
    # the words of what is left out, in more of the ways people say them ("whatever derives from it", "next-token pretraining")
    ("Google decoders except PaLM and anything that derives from it",
     lambda e, ms: _lab(e, "Google") and _arch(e) == "decoder" and not _in_line(ms, e, "palm")),
    ("decoders that were not trained with next-token pretraining", lambda e, ms: _arch(e) == "decoder" and "causal-lm" not in _objectives(e)),
    # a negated verb after "ones" ("the decoder ones don't count") leaves out the phrase before it
    ("Meta models from 2022; decoder ones don't count", lambda e, ms: _lab(e, "Meta") and e.date.year == 2022 and _arch(e) != "decoder"),
    # the relative word of the cue's own phrase ("none of whose", "no version of which"): the cue negates what follows it
    ("models none of whose versions exceed 1B", lambda e, ms: bool(_sizes(e)) and max(_sizes(e)) <= 1_000),
    ("decoders no version of which is below 1B", lambda e, ms: _arch(e) == "decoder" and bool(_sizes(e)) and min(_sizes(e)) >= 1_000),
    ("models none of whose labs is Google", lambda e, ms: not _lab(e, "Google")),
    ("2022 releases, none of which should be encoders", lambda e, ms: e.date.year == 2022 and _arch(e) != "encoder"),
]


def _sizes(e) -> list[float]:
    from assistant.facets import released_sizes

    return released_sizes(e)


@pytest.mark.parametrize("question, wanted", KINDS, ids=[q for q, _ in KINDS])
def test_each_kind_answers_exactly_the_set_its_words_define(full, full_catalog, question, wanted):
    a = lineage.exact_answer(full, full_catalog, question, wanted)
    q = Query.model_validate(a.query)
    for c, negated in leaves(q.where):  # the reading states each negation, never the positive constraint
        if negated:
            said = describe(Not(item=c), full_catalog, q.language)
            assert said in a.text and describe(c, full_catalog, q.language) not in a.text.replace(said, ""), question


@pytest.mark.parametrize("question, negated", [
    ("open models that aren't text models (vision, speech, biology)", {"text"}),  # examples of the rest: positive
    ("vision models (images) that aren't encoders", {"encoder"}),
])
def test_brackets_naming_other_values_keep_their_own_polarity(full, question, negated):
    q = Query.model_validate(full.ask(question).query)
    assert {str(v) for c, neg in leaves(q.where) if neg for v in c.values} == negated, q.where
