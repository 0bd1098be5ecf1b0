"""Kinds of relation question (round 18), each in wordings other people would type (English and Chinese):

- a date range between two models, each said with its own month in brackets or as a version ("the original T5 (Oct 2019)",
  "BERT（2018年10月）与 GPT-2（2019年2月）之间");
- "like X" narrowed to the fields said after it ("Any models like T5: same lab and same architecture?"), and "like X"
  set off after a clause as one example of what it asks ("... released with a 13B checkpoint, as with LLaMA?");
- one value shared at least ("sharing at least one lab with XLNet"), exactly the same values ("precisely the same objectives",
  "预训练目标和 X 完全一样"), a field said as its class ("the same license type as LLaMA");
- the time between two releases in years or months ("How many years lie between ...", "晚几个月", "相隔几年");
- labs counted by a vague number or one alone, in Chinese ("出自多个机构的合作", "只有一家机构");
- a field of a parent reached through a part ("attaches a vision encoder to Vicuna - who built that encoder?"), through the
  parent two models share, or asked beside a second field ("Who developed Mixtral's parent and what is its license?");
- data named as a collection ("the Flan collection") or taken over from a model ("沿用了 BERT 的训练数据", "the same data as
  Chinchilla": Sparrow, and GopherCite through Gopher's MassiveText).

Expected sets come from the catalog's own fields.
"""

from __future__ import annotations

import pytest

from assistant.facets import FACETS, released_sizes
from assistant.query import Constraint


def _ids(full, test):
    return {e.id for e in full.catalog.models.values() if test(e)}


def _between(full, a, b):
    lo, hi = sorted((full.catalog.models[a].date.key, full.catalog.models[b].date.key))
    return _ids(full, lambda e: lo < e.date.key < hi)


@pytest.mark.parametrize("question, ends", [
    ("Name every model that appeared between RoBERTa (July 2019) and the original T5 (Oct 2019).", ("roberta", "t5")),
    ("列出 BERT（2018年10月）与 GPT-2（2019年2月）之间发布的模型", ("bert", "gpt-2")),
    ("Anything published in between T5 (2019-10) and GPT-3 (2020-05), ends excluded?", ("t5", "gpt-3")),
])
def test_a_date_range_between_two_models_said_with_their_own_months(full, question, ends):
    assert set(full.ask(question).models) == _between(full, *ends)


def test_likeness_narrowed_to_the_fields_said_and_an_example_set_off(full):
    t5 = full.catalog.models["t5"]
    cases = [("Any models like T5: same lab and same architecture?",
              _ids(full, lambda e: e.architecture == t5.architecture and set(e.org_names) & set(t5.org_names)) - {"t5"}),
             ("Which other models were released with a 13B checkpoint, as with LLaMA?",
              _ids(full, lambda e: any(abs(x - 13000) < 1 for x in released_sizes(e))) - {"llama"})]
    bad = [q for q, wanted in cases if set(full.ask(q).models) != wanted]
    assert not bad, bad


def test_shared_at_least_exactly_or_by_class(full):
    def labs(m):
        return set(full.catalog.models[m].org_names)

    def objectives(m):
        return set(full.catalog.models[m].objectives)

    lab = Constraint(facet="lab", values=sorted(labs("xlnet")))  # a lab's models as the lab facet counts them (Google DeepMind's too)
    cases = [("Name models sharing at least one lab with XLNet", _ids(full, lambda e: FACETS["lab"].match(e, lab)) - {"xlnet"}),
             ("Models trained with precisely the same objectives as RoBERTa",
              _ids(full, lambda e: set(e.objectives) == objectives("roberta")) - {"roberta"}),
             ("哪些模型的预训练目标和 RoBERTa 完全一样？", _ids(full, lambda e: set(e.objectives) == objectives("roberta")) - {"roberta"}),
             ("Other models with the same license type as LLaMA",
              _ids(full, lambda e: e.license_class == full.catalog.models["llama"].license_class) - {"llama"})]
    bad = [q for q, wanted in cases if set(full.ask(q).models) != wanted]
    assert not bad, bad


def test_the_time_between_two_releases_in_years_or_months(full):
    cases = [("How many years lie between GPT-2 and GPT-4?", "4 years"), ("GPT-3 比 GPT-2 晚几个月？", "15个月"),
             ("BERT 和 ModernBERT 相隔几年？", "6年")]
    bad = [q for q, said in cases if said not in full.ask(q).text]
    assert not bad, bad


def test_labs_counted_in_chinese_by_a_vague_number_or_one_alone(full):
    cases = [("哪些模型出自多个机构的合作？", _ids(full, lambda e: len(e.labs) > 1)),
             ("参数超过 100B、只有一家机构的模型", _ids(full, lambda e: len(e.labs) == 1 and (e.params.max_millions or 0) > 100000))]
    bad = [q for q, wanted in cases if set(full.ask(q).models) != wanted]
    assert not bad, bad


def test_a_field_of_a_parent_reached_through_a_part_a_shared_parent_or_beside_a_second_field(full):
    cases = [("LLaVA attaches a vision encoder to Vicuna - who built that encoder?", ["clip"], "labs"),
             ("Alpaca and Vicuna were both fine-tuned from the same base model. Who made that model?", ["llama"], "labs"),
             ("Who developed Mixtral's parent and what is its license?", ["mistral-7b"], "license"),
             ("Zephyr 的父模型是谁发布的？", ["mistral-7b"], "labs")]
    bad = []
    for question, models, field in cases:
        q = full._understand(question)
        if q.models != models or field not in q.attributes:
            bad.append(question)
    assert not bad, bad


def test_data_named_as_a_collection_or_taken_over_from_a_model(full):
    said = lambda name: _ids(full, lambda e: e.corpus.lower().startswith(f"same as {name}"))  # noqa: E731
    cases = [("Which models were fine-tuned on the Flan collection?", _ids(full, lambda e: "flan collection" in e.corpus.lower())),
             ("沿用了 BERT 的训练数据的模型", said("bert")),
             ("models trained on the same data as Chinchilla", said("chinchilla") | said("gopher"))]
    bad = [q for q, wanted in cases if set(full.ask(q).models) != wanted]
    assert not bad, bad
