"""Round 24, ranks: superlatives and places in a ranking said in ways the earlier rounds did not read.

- The variant a size ranking is judged by, said as parameters ("by max params", "by maximum parameters", "going by
  their biggest parameter count"): the ranking by each model's largest size.
- The runner-up of a ranking ("runner-up for largest encoder", "which decoder is the runner-up for smallest?"): the
  second place of that ranking.
- A Chinese place counted with 倒数 before a word of the small end (倒数第三小, 倒數第二少): that place from the small end
  of the size ranking (倒数 says where the counting starts, as 倒数第二大 does); it is not the other end.
- A place in the release order counted by month ("the second most recent addition by month", 按月份): the models of
  the second distinct month, not the second model counted over ties.
- The newest or oldest generation of a series or family ("which generation of the Gemma series is the newest?",
  Qwen 家族里最早的是哪一代): the family's members ranked, not the family asked of the namesake.
- The catalog paper named with its topic as the place of a set ("the largest model in the transformer catalog paper"):
  the paper's part of the catalog ranked, not the paper described.

Expected values come from the catalog itself.
"""

from __future__ import annotations

import pytest


def _sup(answer):
    s = answer.query["superlative"]
    assert s, answer.query
    return s


def _place(catalog, where, key, largest, place, distinct=False):
    """The models at a place of a ranking; models tied span their places unless ``distinct`` (places count values)."""
    keys = [key(e) for e in catalog.models.values() if where(e) and key(e) is not None]
    keys = sorted(set(keys) if distinct else keys, reverse=largest)
    return {e.id for e in catalog.models.values() if where(e) and key(e) == keys[place - 1]}


def _arch(name):
    return lambda e: e.architecture.value == name


@pytest.mark.parametrize("question, largest, rank, where", [
    ("the second smallest encoder by max params", False, 2, _arch("encoder")),
    ("which addition is the fourth tiniest by maximum parameters?", False, 4, lambda e: not e.in_paper),
    ("going by their biggest params, what's the third smallest decoder", False, 3, _arch("decoder")),
    ("the largest addition by max parameters", True, 1, lambda e: not e.in_paper),
    ("按最大参数量算，编码器里第二小的是哪个", False, 2, _arch("encoder")),
    ("按参数最大版本算，新增模型里最小的是哪个", False, 1, lambda e: not e.in_paper),
    ("參數量按最大參數算，第三小的新增模型", False, 3, lambda e: not e.in_paper),
])
def test_a_size_ranking_by_max_params_is_judged_by_each_models_largest_size(full, question, largest, rank, where):
    answer = full.ask(question)
    s = _sup(answer)
    assert (s["field"], s["largest"], s["rank"], s["measure"]) == ("params", largest, rank, "largest"), s
    assert set(answer.models) == _place(full.catalog, where, lambda e: e.params.max_millions, largest, rank)


@pytest.mark.parametrize("question, field, largest", [
    ("who is the runner-up for largest encoder?", "params", True),
    ("which decoder is the runner-up for smallest?", "params", False),
    ("runner up to the newest addition", "date", True),
    ("the runner-up among the oldest encoders", "date", False),
])
def test_a_runner_up_is_the_second_place_of_its_ranking(full, question, field, largest):
    s = _sup(full.ask(question))
    assert (s["field"], s["largest"], s["rank"]) == (field, largest, 2), s


@pytest.mark.parametrize("question, rank", [
    ("参数量倒数第三小的解码器模型是哪个", 3),
    ("參數量倒數第二少的模型", 2),
    ("编码器里参数量倒数第二小的是哪个？", 2),
    ("参数量倒数第二大的模型", 2),
])
def test_zh_a_place_counted_with_daoshu_is_from_the_small_end(full, question, rank):
    s = _sup(full.ask(question))
    assert (s["field"], s["largest"], s["rank"]) == ("params", False, rank), s


@pytest.mark.parametrize("question, largest, rank, beyond", [
    ("the second most recent addition by month", True, 2, True),
    ("which paper model is the third newest, counting by month?", True, 3, False),
    ("by release month, what is the second earliest addition", False, 2, True),
    ("按月份算，新增模型里第二新的是哪个", True, 2, True),
    ("论文里按发布月份第三新的模型", True, 3, False),
])
def test_a_place_in_the_release_order_by_month_counts_months(full, question, largest, rank, beyond):
    answer = full.ask(question)
    s = _sup(answer)
    assert (s["field"], s["largest"], s["rank"], s.get("distinct")) == ("date", largest, rank, True), s
    want = _place(full.catalog, lambda e: e.in_paper != beyond, lambda e: e.date.key, largest, rank, distinct=True)
    assert set(answer.models) == want, (answer.models, want)


def test_by_month_without_a_place_changes_nothing(full):
    s = _sup(full.ask("the most recent addition by month"))
    assert (s["field"], s["largest"], s["rank"]) == ("date", True, 1), s


@pytest.mark.parametrize("question, family, largest", [
    ("which generation of the Gemma series is the newest?", "Gemma", True),
    ("the newest generation of the Qwen line", "Qwen", True),
    ("Gemma series, latest", "Gemma", True),
    ("oldest generation of the Qwen family", "Qwen", False),
    ("Qwen 家族里最早的是哪一代", "Qwen", False),
    ("Gemma 系列最新的是哪一代？", "Gemma", True),
])
def test_the_newest_generation_of_a_series_ranks_its_members(full, question, family, largest):
    answer = full.ask(question)
    s = _sup(answer)
    assert (s["field"], s["largest"]) == ("date", largest), s
    members = [e for e in full.catalog.models.values() if e.family == family]
    assert len(members) > 1
    want = _place(full.catalog, lambda e: e.family == family, lambda e: e.date.key, largest, 1)
    assert set(answer.models) == want, (answer.models, want)


@pytest.mark.parametrize("question, field, largest", [
    ("the largest model in the transformer catalog paper", "params", True),
    ("what is the newest model the transformer catalog paper covers?", "date", True),
    ("earliest model described in the Transformer models: an introduction and catalog paper", "date", False),
])
def test_a_ranking_in_the_catalog_paper_named_by_its_topic_ranks_the_papers_models(full, question, field, largest):
    answer = full.ask(question)
    s = _sup(answer)
    assert (s["field"], s["largest"]) == (field, largest), s
    key = (lambda e: e.params.max_millions) if field == "params" else (lambda e: e.date.key)
    assert set(answer.models) == _place(full.catalog, lambda e: e.in_paper, key, largest, 1)


@pytest.mark.parametrize("question", [
    "what is the transformer catalog paper?",
    "who wrote the transformer catalog paper",
])
def test_the_catalog_paper_itself_is_still_described(full, question):
    answer = full.ask(question)
    assert answer.query["superlative"] is None and answer.query.get("lookup"), answer.query


@pytest.mark.parametrize("question, model, field, largest", [
    ("解码器里最大的是哪个，GPT-3 这种没公开权重的除外", "gpt-3", "params", True),
    ("开源模型里最早的是哪个？BERT 那样只有编码器的不算", "bert", "date", False),
    ("按最大版本算，MoE 模型里最小的是哪个？Phi-3 那种只在一个版本里用 MoE 的不算", "phi-3", "params", False),
])
def test_zh_a_model_named_as_an_example_of_a_kind_left_out_is_left_out_of_the_ranking(full, question, model, field, largest):
    """"X 那种……的不算": the model named before the word of likeness is what the closing word leaves out; the words
    between say what its kind is and are no phrase of their own."""
    answer = full.ask(question)
    s = _sup(answer)
    assert (s["field"], s["largest"]) == (field, largest), s
    assert [e["model"] for e in answer.query.get("exclude") or []] == [model], answer.query
    assert model not in answer.models
