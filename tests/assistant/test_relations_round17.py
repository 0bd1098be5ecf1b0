"""Kinds of relation question, each in wordings other people would type (English and Chinese):

- models counted by their parents with a qualifier or a vague number ("two or more direct parents", "several parents",
  "多个直接父模型");
- siblings through a parent said as the direct one ("Alpaca's direct parent", "SAM's immediate parent", "直接父模型一样");
- a field of a model's parent, the parent said as a free relative ("whichever model Alpaca was tuned from") or over two
  clauses ("Zephyr was tuned from some base; who made that one?");
- every generation up, said as a family record followed to its end ("祖宗", "族谱往上", "up ... family tree to the top");
- a parent asked with a verb of growth ("grow out of", "evolve out of", "在…基础上改出来的", "在哪个模型上做出来的");
- the children of a model counted with the count between the name and the relative clause ("BERT 有多少个直接派生出的模型");
- a release order said with 先后 / 顺序 / 按时间 (never the sentence-order objective), and a family put in that order;
- the line between two models ("the chain from GPT-2 up to ChatGPT", "从 GPT-2 一直到 InstructGPT"), never a date range
  when no line is said;
- the models trained on the same data as another ("reuse BERT's training corpus", "训练语料相同");
- two models weighed on a number with "how many each" ("how many apiece", "how much for each"): no count of models.

Expected sets come from the catalog's own fields. Each test reads its wordings at the parser level (one answer at most).
"""

from __future__ import annotations

import re

import pytest

from assistant.query import Intent, leaves
from tests.assistant.lineage import ancestors, children


def _fails(full, questions, check):
    """The wordings whose reading ``check(query)`` rejects (an empty list when every one is read as the kind asks)."""
    return [q for q in questions if not check(full._understand(q))]


def _where(q, facet):
    return [c for c, neg in leaves(q.where) if c.facet == facet and not neg]


def test_models_counted_by_their_parents(full):
    wanted = {e.id for e in full.catalog.models.values() if len(e.derived_from) >= 2}
    questions = ["Which models list two or more direct parents?", "models derived from several parents",
                 "Name the models that have multiple immediate parent models", "哪些模型有多个直接父模型",
                 "哪些模型有好几个父模型"]
    bad = [q for q in questions if set(full.ask(q).models) != wanted]
    assert not bad, bad


def test_siblings_through_the_direct_parent(full):
    cases = [("What else was built on Alpaca's direct parent?", "alpaca"), ("models sharing SAM's immediate parent", "sam"),
             ("list everything sharing Zephyr's immediate base model", "zephyr"),
             ("跟 SAM 同一个直接父模型的模型", "sam")]
    bad = []
    for question, model in cases:
        parents = set(full.catalog.models[model].derived_from)
        wanted = {c for p in parents for c in children(full.catalog, p)} - {model}
        if set(full.ask(question).models) != wanted:
            bad.append(question)
    assert not bad, bad


def test_a_field_of_the_parent_said_as_a_relative_or_over_two_clauses(full):
    cases = [("Which paper introduced whichever model Alpaca was tuned from?", "alpaca"),
             ("who made whatever Zephyr was fine-tuned from?", "zephyr"),
             ("Zephyr was tuned from some base; who made that one?", "zephyr"),
             ("Code Llama builds on some other model. How much data was that one pretrained on?", "code-llama"),
             ("Vicuna was fine-tuned from an existing model. When was that model released?", "vicuna"),
             ("Alpaca is a fine-tuned version of another model; what is that model's arXiv id?", "alpaca")]
    bad = [q for q, m in cases if full._understand(q).models != list(full.catalog.models[m].derived_from)]
    assert not bad, bad


def test_every_generation_up_said_as_a_family_record(full):
    cases = [("把 Vicuna 的祖宗都列出来", "vicuna"), ("Code Llama 一直往上数，有哪些前辈模型", "code-llama"),
             ("GopherCite 的族谱往上都有谁", "gophercite"), ("顺着 Alpaca 的家谱往上找到底，能找到哪些模型", "alpaca"),
             ("Walk me up Code Llama's family tree to the very top", "code-llama")]
    bad = [q for q, m in cases if set(full.ask(q).models) != ancestors(full.catalog, m)]
    assert not bad, bad


def test_a_parent_asked_with_a_verb_of_growth(full):
    cases = [("What did Zephyr grow out of?", "zephyr"), ("Which model did Orca evolve out of?", "orca"),
             ("Where did Sparrow grow from?", "sparrow"), ("GopherCite 在哪个模型上做出来的？", "gophercite")]
    bad = [q for q, m in cases if set(full.ask(q).models) != set(full.catalog.models[m].derived_from)]
    assert not bad, bad


def test_children_counted_with_the_count_before_the_relative_clause(full):
    cases = [("BERT 有多少个直接派生出的模型", "bert"), ("GPT-3 有几个直接衍生的模型？", "gpt-3"),
             ("T5 一共有多少直接衍生出来的模型", "t5"), ("GPT-2 有几个直接派生出来的模型", "gpt-2")]
    bad = []
    for question, parent in cases:
        q = full._understand(question)
        if q.intent is not Intent.COUNT or [c.values for c in _where(q, "derived")] != [[parent]]:
            bad.append(question)
    assert not bad, bad


def test_a_release_order_is_no_objective_and_orders_a_family(full):
    questions = ["把谷歌 2020 年发布的模型按前后顺序排一下", "按先后顺序列出 2022 年 DeepMind 的模型", "T5 系列按时间排",
                 "Put the GPT family in chronological order"]

    def ordered(q):
        s = q.superlative
        return s is not None and s.field == "date" and s.whole and not _where(q, "objective") and not q.models

    assert not _fails(full, questions, ordered)


def test_the_line_between_two_models(full):
    cases = [("Trace the line from GPT to ChatGPT in date order", "chatgpt"),
             ("the chain of models from GPT-2 up to ChatGPT", "chatgpt"),
             ("从 GPT-2 一直到 InstructGPT，经过了哪些模型", "instructgpt"),
             ("GPT all the way to ChatGPT: which models in between?", "chatgpt")]
    bad = [q for q, m in cases if not (ancestors(full.catalog, m) <= set(full.ask(q).models))]
    assert not bad, bad
    # no line said: the span of dates between the two releases
    q = full._understand("Which models were released from GPT to ChatGPT?")
    assert q.intent is not Intent.LINEAGE and _where(q, "date")


def test_models_trained_on_the_same_data(full):
    cases = [("models that reuse BERT's training corpus", "BERT"), ("和 Gopher 训练语料相同的模型有哪些", "Gopher"),
             ("哪些模型与 GPT-3 用了同样的训练数据？", "GPT-3"), ("Which models were pretrained on BERT's exact data?", "BERT")]
    def dataset(e):  # a corpus that is one named dataset ("MassiveText (1.4T tokens)", "MassiveText: ..."), else None
        head = re.match(r"([A-Z][\w-]*)\s*[:(]", e.corpus)
        return head.group(1) if head else None

    bad = []
    for question, name in cases:
        # the corpora recorded as the model's, or as another's that is the same one dataset (round 18: Sparrow's "Same as
        # Chinchilla" is Gopher's MassiveText too)
        same = {x.name.lower() for x in full.catalog.models.values()
                if x.name == name or dataset(x) and dataset(x) == dataset(next(e for e in full.catalog.models.values() if e.name == name))}
        wanted = {e.id for e in full.catalog.models.values() if any(e.corpus.lower().startswith(f"same as {n}") for n in same)}
        if set(full.ask(question).models) != wanted:
            bad.append(question)
    assert not bad, bad


def test_how_many_each_weighs_two_models(full):
    cases = [("Qwen2 or Qwen2.5: which used more training tokens, and how many apiece?", {"qwen2", "qwen2.5"}),
             ("Chinchilla vs LLaMA: which had more training tokens, how many for both?", {"chinchilla", "llama"}),
             ("DeepSeek-V2 against DeepSeek-V3: more tokens where, how many respectively?", {"deepseek-v2", "deepseek-v3"}),
             ("Between GPT-3 and PaLM, which was trained on more tokens? How many in each case?", {"gpt-3", "palm"})]
    bad = [q for q, ms in cases if (r := full._understand(q)).intent is Intent.COUNT or set(r.models) != ms]
    assert not bad, bad


def test_a_model_named_by_another_name_is_named_beside_its_parents(full):
    cases = [("What is text-davinci-003 built on?", "gpt-3.5"), ("XLM-R 是从哪个模型来的", "xlm-roberta"),
             ("Which model was A Lite BERT derived from?", "albert"), ("unCLIP 源自哪些模型", "dall-e-2"),
             ("Which model is GC ViT derived from?", "global-context-vit"), ("BB3 是基于哪个模型的", "blenderbot3")]
    bad = [q for q, m in cases
           if set(full.ask(q).models) != {m, *full.catalog.models[m].derived_from}]
    assert not bad, bad
    # a name cut short ("Mixtral" for Mixtral 8x7B) is no other name: the parents alone
    assert set(full.ask("Mixtral's parent model?").models) == set(full.catalog.models["mixtral-8x7b"].derived_from)
