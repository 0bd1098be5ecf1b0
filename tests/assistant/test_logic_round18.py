"""Kinds of logic questions read in general (round 18), each pinned by wordings no failing question used:

- a proportion whose part or base is a lineage condition ("what percentage descend from LLaMA", "within the
  derivatives of LLaMA") is still a share of its base set, not a list of the line; a base ended by its head noun
  ("of vision-language models produce ...") needs no verb from a fixed list; a base and a part on one field ("of
  the vision-language models, how many make images") are two conditions, both holding, not alternatives;
- a ranking's number said after its direction ("the oldest two", "biggest five") or with the direction as an adverb
  after a verb ("which two ... were released earliest") keeps that many rows;
- a count per group over a filtered set names the models behind each row, so the numbers can be checked.
"""

from __future__ import annotations

import pytest

from assistant.query import leaves
from assistant.reading import describe
from tests.assistant.spec import where_read


def _share(assistant, question):
    q = assistant._understand(question)
    assert q.share_of is not None, question
    base = describe(q.share_of, assistant.catalog) if q.share_of.items else ""
    return q, base


@pytest.mark.parametrize("question, base, part", [
    ("Of the models from 2023, what percentage descend from LLaMA?", "date ≥ 2023-01 AND date ≤ 2023-12", "descends"),
    ("What fraction of open-source models are built on top of LLaMA?", "license = open", "derived"),
    ("Within the derivatives of LLaMA, what proportion are instruction-tuned?", "derived from LLaMA", "objective"),
    ("what percentage of vision-language models produce images", "domain = vision-language", "domain"),
])
def test_a_share_of_a_set_with_a_lineage_or_a_same_field_part(full, question, base, part):
    q, said = _share(full, question)
    assert said == base
    base_leaves = list(leaves(q.share_of))
    assert any(c.facet == part and c not in base_leaves for c, _ in leaves(q.where)), q.where


def test_a_base_and_a_part_on_one_field_both_hold(plain):
    """"Of the vision-language models, what percentage make images": the part is counted inside the base."""
    answer = plain.ask("what percentage of vision-language models produce images")
    for m in answer.models:
        domains = {d.value for d in plain.catalog.models[m].domains}
        assert {"vision-language", "image-generation"} <= domains, m
    assert "6 of the 10" in answer.text


@pytest.mark.parametrize("question, field, largest, top", [
    ("the oldest two OpenAI models", "date", False, 2),
    ("biggest five decoders", "params", True, 5),
    ("which two EleutherAI models were released earliest?", "date", False, 2),
    ("what were the first two models Meta released?", "date", False, 2),
])
def test_a_ranking_keeps_its_number_wherever_it_is_said(full, question, field, largest, top):
    s = full._understand(question).superlative
    assert s is not None and (s.field, s.largest, s.top) == (field, largest, top), s


@pytest.mark.parametrize("question, where", [
    ("How many DeepMind models per year?", "lab = DeepMind"),
    ("number of Google decoders in each year", "architecture = decoder AND lab = Google"),
    ("tally OpenAI's models by architecture", "lab = OpenAI"),
])
def test_a_count_per_group_of_a_filtered_set_names_its_models(plain, question, where):
    answer = plain.ask(question)
    q = plain._understand(question)
    assert q.group_by and describe(q.where, plain.catalog) == where
    from assistant.retrieve import select

    wanted = {e.id for e in select(plain.catalog, q)}
    assert wanted and wanted <= set(answer.models), wanted - set(answer.models)


@pytest.mark.parametrize("question, sides", [
    ("open-source encoders, or else decoders from OpenAI", ("open-source encoders", "decoders from OpenAI")),
    ("give me anything by Salesforce, or any model released before 2018", ("models by Salesforce", "models released before 2018")),
    ("list the models that are either encoder-decoders from Meta or trained by DeepMind",
     ("encoder-decoders from Meta", "models trained by DeepMind")),
    ("closed models from Google, or models with more than 500B parameters",
     ("closed models from Google", "models with more than 500B parameters")),
])
def test_or_between_two_whole_clauses_is_the_union(plain, question, sides):
    """Each side of a clause-level "or" (", or", "or else", "either ... or") is a set of its own conditions."""
    want = set().union(*(plain.ask(s).models for s in sides))
    assert want and set(plain.ask(question).models) == want


def test_a_bare_value_after_or_still_joins_its_field(plain):
    """"decoders from Google, or Meta": Meta is the other lab of the same decoders, no set of its own."""
    assert where_read(plain, "decoders from Google, or Meta") == "architecture = decoder AND lab = Google or Meta"


@pytest.mark.parametrize("question, named", [
    # a set that turns out empty once a model is left out: the model left out, said (only it meets the rest)
    ("Besides Jurassic-1, did AI21 release anything else?", {"jurassic-1"}),
    ("Other than Dolly, are there Databricks models in the catalog?", {"dolly"}),
    # empty before a date: the first one after it is said
    ("Were any RLHF models released prior to 2020?", {"anthropic-assistant"}),
    # a claim that every model of a set is so, false: the exceptions are named
    ("Are all of OpenAI's models closed?", {"gpt", "gpt-2", "clip", "dall-e", "glide"}),
    ("Is every Meta model open source?", {"htlm", "cm3", "opt", "blenderbot3", "galactica", "llama"}),
])
def test_a_yes_no_over_a_set_names_what_decides_it(plain, question, named):
    answer = plain.ask(question)
    assert answer.text.startswith("No"), answer.text[:200]
    assert named <= set(answer.models), named - set(answer.models)


@pytest.mark.parametrize("question", [
    "Are all models from the PaLM family closed?",
    "Are all models of the T5 family encoder-decoders?",
])
def test_a_claim_about_every_model_of_a_family_is_checked_within_the_family(plain, question):
    answer = plain.ask(question)
    assert answer.text.startswith("Yes"), answer.text[:200]


@pytest.mark.parametrize("question, kept, dropped", [
    # a word of the models' names, kept or left out: a pattern over names, not the one model of that name
    ("Google models without BERT in the name", {"t5", "palm"}, {"bert", "albert", "big-bird"}),
    ("which Meta models don't have RoBERTa in their names?", {"bart", "opt"}, {"roberta", "xlm-roberta"}),
    ("list models whose name contains GPT", {"gpt-2", "instructgpt", "gpt-neo"}, {"bert", "opt"}),
    ("decoders apart from those with 'GPT' in their names", {"opt", "palm"}, {"gpt-2", "chatgpt", "dialogpt"}),
])
def test_a_word_of_the_names_is_a_pattern(plain, question, kept, dropped):
    got = set(plain.ask(question).models)
    assert kept <= got and not dropped & got, (kept - got, dropped & got)


@pytest.mark.parametrize("question, model, premise", [
    # "why didn't X ...": the negated auxiliary is the question's word order, X its subject; what X is said not to do is
    # a premise to check (negated), never X left out of a list
    ("Why doesn't BERT use masked language modeling?", "bert", "bert: objective ≠ masked language modeling (MLM)"),
    # (a licence or lab denied is answered by the model's own value, as "why is GPT-2 not open source?" is)
    ("why isn't GPT-2 open source?", "gpt-2", None),
    ("Why wasn't Chinchilla made by DeepMind?", "chinchilla", None),
    ("so why hasn't Sparrow got RLHF?", "sparrow", "sparrow: objective ≠ reinforcement learning from human feedback (RLHF)"),
])
def test_why_not_questions_keep_the_model_as_subject(plain, question, model, premise):
    from tests.assistant.spec import project

    got = project(plain._understand(question), plain.catalog)
    assert got["models"] == [model] and not got["exclude"] and (premise is None or premise in got["premises"]), got


@pytest.mark.parametrize("question, where", [
    # 任何 / 无论哪个 / 不管哪个 ... 版本都: whichever version one picks, so every version
    ("哪些谷歌模型的任何版本都超过 1B？", "every variant with size > 1B AND lab = Google"),
    ("不管哪个版本都在 100B 以上的模型", "every variant with size > 100B"),
    ("随便哪个版本都大于 10B 的解码器有哪些", "every variant with size > 10B AND architecture = decoder"),
    # 最大 right before a bound: where the model's sizes end, no ranking
    ("最大也不超过 20B 的解码器", "size ≤ 20B AND architecture = decoder"),
])
def test_chinese_quantified_versions(plain, question, where):
    q = plain._understand(question)
    assert where_read(plain, question) == where and q.superlative is None
