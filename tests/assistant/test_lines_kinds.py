"""Lineage, negation and scope/date kinds, in English and Chinese, read the way the catalog records them.

Dates between two models ("between GPT-3 and InstructGPT": after the first's month, before the second's; both
months in with "inclusive"), months listed in one year ("July or August 2022", "2022年7月或8月"); a model's
ancestors asked with "descended from" / 一步步演化来 (every generation), its siblings (跟 X 同一个父模型), its
parent asked as 在哪个模型上训练出来; roots of the lineage said as "no ancestor", "without a parent model",
没有前身 (over the fine-tuning flag when "from scratch" restates them); a lineage to a set named through the
parent ("whose direct parent is a paper model", 以新增模型为父模型); paper models with successors among the
additions; the catalog's parts said as "the newer set", "added after the survey", "original-catalog",
新增部分, 后来新增的; "w/o" as a negation; 去掉 X 以后 as an exclusion; a year right before a licence word ("2021 年的闭源") stays the year."""

from __future__ import annotations

import pytest

from assistant.reading import describe
from tests.assistant.lineage import ancestors, descendants, exact_answer


def _reading(full, question: str):
    q = full._understand(question)
    return q, describe(q.where, full.catalog) if q.where.items else ""


BETWEEN = [
    ("which models appeared between GPT-3 and InstructGPT?", "date ≥ 2020-06 (as GPT-3) AND date ≤ 2021-12 (as InstructGPT)"),
    ("anything released in between RoBERTa and ALBERT, inclusive", "date ≥ 2019-07 (as RoBERTa) AND date ≤ 2019-09 (as ALBERT)"),
    ("decoders that came out between the release of GPT-2 and that of GPT-3",
     "date ≥ 2019-03 (as GPT-2) AND date ≤ 2020-04 (as GPT-3) AND architecture = decoder"),
    ("在 GPT-2 和 GPT-3 之间发布的模型", "date ≥ 2019-03 (as GPT-2) AND date ≤ 2020-04 (as GPT-3)"),
    ("介于 Llama 2 和 Llama 3 之间（包含两端）的新增模型",
     "date ≥ 2023-07 (as Llama 2) AND date ≤ 2024-07 (as Llama 3) AND catalog = since the paper"),
]


@pytest.mark.parametrize("question, where", BETWEEN)
def test_a_date_between_two_models(full, question, where):
    q, got = _reading(full, question)
    assert q.intent.value == "list" and got == where and not q.models


@pytest.mark.parametrize("question", ["what's the difference between T5 and BART?", "which is older between T5 and BART?"])
def test_between_two_models_that_are_compared_stays_a_comparison(full, question):
    q = full._understand(question)
    assert q.intent.value == "compare" and set(q.models) == {"t5", "bart"}


MONTHS = [
    ("anything released in July or August 2022?", "date ≥ 2022-07 AND date ≤ 2022-08"),
    ("models from jan, feb and march 2021", "date ≥ 2021-01 AND date ≤ 2021-03"),
    ("2022年7月或8月发布的模型", "date ≥ 2022-07 AND date ≤ 2022-08"),
    ("2024年1、2月新增的模型", "date ≥ 2024-01 AND date ≤ 2024-02 AND catalog = since the paper"),
    ("released up to and including March 2020", "date ≤ 2020-03"),
]


@pytest.mark.parametrize("question, where", MONTHS)
def test_months_listed_and_inclusive_ends(full, question, where):
    q, got = _reading(full, question)
    assert q.intent.value == "list" and got == where


def test_a_release_word_asks_for_models(full):
    q, got = _reading(full, "spring 2022 releases")
    assert q.intent.value == "list" and got == "date ≥ 2022-03 AND date ≤ 2022-05"


def test_a_year_before_a_licence_word_stays_the_year(full):
    q, got = _reading(full, "in 2021 closed source models from OpenAI")
    assert got == "date ≥ 2021-01 AND date ≤ 2021-12 AND lab = OpenAI AND license = closed"


ANCESTORS = [
    ("which models was Pythia descended from?", "pythia"),
    ("GopherCite 是由哪些模型一步步演化来的", "gophercite"),
    ("DQ-BART 的前身都有哪些", "dq-bart"),
]


@pytest.mark.parametrize("question, model", ANCESTORS)
def test_ancestors_every_generation(full, full_catalog, question, model):
    q = full._understand(question)
    assert q.intent.value == "lineage" and q.models == [model] and q.transitive
    assert set(full.ask(question).models) == ancestors(full_catalog, model)


def test_the_parent_asked_as_the_model_it_was_trained_out_of(full):
    q = full._understand("Code Llama 是在哪个模型上训练出来的")
    assert q.intent.value == "lineage" and q.models == ["code-llama"] and not q.transitive


@pytest.mark.parametrize("question, model, parent", [("跟 Vicuna 同一个父模型的模型有哪些", "vicuna", "LLaMA"),
                                                     ("和 Chinchilla 共用同一个基础模型的还有哪些", "chinchilla", "Gopher")])
def test_siblings_in_chinese(full, question, model, parent):
    q, got = _reading(full, question)
    assert got == f"derived from {parent}" and [x.model for x in q.exclude] == [model]


ROOTS = [
    ("additions with no ancestor recorded", "catalog = since the paper AND not descended from another model"),
    ("paper models without a parent model", "catalog = in the paper AND not descended from another model"),
    ("Google models pretrained from scratch, with no parent model", "lab = Google AND not descended from another model"),
    ("新增模型里没有前身的", "catalog = since the paper AND not descended from another model"),
    ("不是基于别的模型的论文模型", "catalog = in the paper AND not descended from another model"),
]


@pytest.mark.parametrize("question, where", ROOTS)
def test_roots_of_the_lineage(full, question, where):
    q, got = _reading(full, question)
    assert q.intent.value == "list" and got == where


def test_from_scratch_alone_is_still_the_fine_tuning_flag(full):
    assert _reading(full, "which models were trained from scratch?")[1] == "fine-tuned = no (trained from scratch)"


PARENT_SETS = [
    ("additions whose direct parent is a paper model", lambda e, ms: not e.in_paper and any(ms[p].in_paper for p in e.derived_from)),
    ("以新增模型为父模型的模型", lambda e, ms: any(not ms[p].in_paper for p in e.derived_from)),
    ("which paper models gained a child among the additions", lambda e, ms: e.in_paper and any(
        not c.in_paper and e.id in c.derived_from for c in ms.values())),
    ("论文模型里哪些在新增模型中有后继者", lambda e, ms: e.in_paper and any(
        not c.in_paper and e.id in c.derived_from for c in ms.values())),
    ("BERT 的后代中哪些是后来新增的", lambda e, ms: not e.in_paper and e.id in descendants(ms, "bert")),
]


@pytest.mark.parametrize("question, wanted", PARENT_SETS)
def test_lineage_across_the_parts(full, full_catalog, question, wanted):
    exact_answer(full, full_catalog, question, wanted)


SCOPES = [
    ("what's in the newer set from Google?", "lab = Google AND catalog = since the paper"),
    ("encoders added after the survey", "architecture = encoder AND catalog = since the paper"),
    ("original-catalog models from OpenAI", "lab = OpenAI AND catalog = in the paper"),
    ("新增部分里的 encoder 模型", "architecture = encoder AND catalog = since the paper"),
    ("ViT 在论文里的直接子模型", "derived from ViT AND catalog = in the paper"),
]


@pytest.mark.parametrize("question, where", SCOPES)
def test_the_catalog_parts_in_other_words(full, question, where):
    assert _reading(full, question)[1] == where


NEGATIONS = [
    ("Google models w/o an open licence", "lab = Google AND license ≠ open"),
    ("去掉 OpenAI 以后，2021 年的闭源模型有哪些", "date ≥ 2021-01 AND date ≤ 2021-12 AND lab ≠ OpenAI AND license = closed"),
]


@pytest.mark.parametrize("question, where", NEGATIONS)
def test_negation_words(full, question, where):
    assert _reading(full, question)[1] == where


ONLY = [
    ("code-only models", "domain = code only"),
    ("which open models are vision-only?", "license = open AND domain = vision only"),
    ("decoders that aren't text-only", "architecture = decoder AND domain ≠ text only"),
    ("不是纯文本的 encoder 模型", "architecture = encoder AND domain ≠ text only"),
]


@pytest.mark.parametrize("question, where", ONLY)
def test_a_domain_as_the_only_one(full, question, where):
    assert _reading(full, question)[1] == where


def test_not_text_only_keeps_text_models_with_another_domain(full, full_catalog):
    exact_answer(full, full_catalog, "encoders from 2019 that are not text-only",
                 lambda e, ms: e.architecture.value == "encoder" and e.date.year == 2019 and {d.value for d in e.domains} != {"text"})


@pytest.mark.parametrize("question, where", [
    ("models from the first half of twenty twenty-two", "date ≥ 2022-01 AND date ≤ 2022-06"),
    ("anything released after two thousand and twenty?", "date ≥ 2021-01"),
])
def test_years_said_in_words(full, question, where):
    q, got = _reading(full, question)
    assert got == where and not q.unparsed


def test_a_pronoun_after_a_lineage_cue_is_no_set(full, full_catalog):
    exact_answer(full, full_catalog, "leaving out T5 and everything descended from it, which encoder-decoders are left?",
                 lambda e, ms: e.architecture.value == "encoder-decoder" and e.id != "t5" and e.id not in descendants(ms, "t5"))


@pytest.mark.parametrize("question, wanted", [
    ("新增模型里有哪些是从论文中的模型衍生出来的", lambda e, ms: not e.in_paper and any(ms[p].in_paper for p in e.derived_from)),
    ("哪些新增模型的父模型也在新增模型里", lambda e, ms: not e.in_paper and any(not ms[p].in_paper for p in e.derived_from)),
])
def test_a_parent_set_in_chinese(full, full_catalog, question, wanted):
    exact_answer(full, full_catalog, question, wanted)


def test_an_exclusion_tail_that_names_the_model_again(full, full_catalog):
    exact_answer(full, full_catalog, "encoders, minus BERT itself and all models that descend from BERT",
                 lambda e, ms: e.architecture.value == "encoder" and e.id != "bert" and e.id not in descendants(ms, "bert"))


def test_the_ones_named_after_a_model_are_its_numbered_versions(full, full_catalog):
    exact_answer(full, full_catalog, "closed models, apart from the DALL-E ones",
                 lambda e, ms: e.license_class.value == "closed" and e.id not in ("dall-e", "dall-e-2"))


def test_a_family_name_left_out_is_the_family(full):
    assert _reading(full, "OpenAI and Google models other than Gemini")[1] == "family ≠ Gemini AND lab = OpenAI or Google"


def test_newer_before_two_labs_is_the_additions(full):
    assert _reading(full, "newer Anthropic or Mistral AI models")[1] == "lab = Anthropic or Mistral AI AND catalog = since the paper"


@pytest.mark.parametrize("question, model, parent", [("StarCoder 2 是从哪个模型演进来的", "starcoder2", "starcoder"),
                                                     ("Mixtral 8x7B 是由哪个模型演进而来的", "mixtral-8x7b", "mistral-7b")])
def test_evolved_from_with_either_opening_word(full, question, model, parent):
    q = full._understand(question)
    assert q.intent.value == "lineage" and q.models == [model] and full.ask(question).models == [parent]
