"""Round 23, ranks: superlatives and places in a ranking said in ways the earlier rounds did not read.

- The variant a size ranking is judged by, said with a distributive owner or a verb of comparing ("the tiniest Google
  model, by each one's biggest release", "smallest encoder when you compare their biggest versions", Chinese
  按它最大的版本算): the direction stays the one said, the measure is the variant named.
- A place past the fifth ("the seventh largest", "the ninth oldest", 参数量排第八): that place, not the top.
- A place counts the models before it: models tied span the places they take (the seventh largest paper model comes
  after three tied for fourth), as a list in that order would number them.
- A set owner's place said with a recency word ("Meta's second most recent model"): that place among the newest, not
  among the earliest as "Meta's second model" is.
- A place counted from the bottom ("fourth from the bottom", "third largest counting from the bottom", Chinese
  参数量排倒数第三): that place from the other end of the ranking.
- A place in the release order said with the verb of coming out ("which addition came out second?", "the third
  encoder to be released", "chronologically, which was the fourth of the additions?", 新增模型里第三个发布的).
- Chinese 哪个模型的最小版本参数最少: a ranking by that variant, not by the number of sizes.
- A relation with a year inside it ("came out later in 2022 than Chinchilla"): the relation and the year both hold.

Expected values come from the catalog itself.
"""

from __future__ import annotations

import pytest


def _lab(name):
    """A lab as the assistant's lab facet reads it (Google takes in Google DeepMind)."""
    from assistant.query import And, Constraint
    from assistant.retrieve import holds
    return lambda e: holds(e, And(items=[Constraint(facet="lab", values=[name])]))


def _place(catalog, where, key, largest, place):
    """The models at a place of a ranking: a place counts the models before it, so models tied span their places."""
    keys = sorted((key(e) for e in catalog.models.values() if where(e)), reverse=largest)
    return {e.id for e in catalog.models.values() if where(e) and key(e) == keys[place - 1]}


def _sup(answer):
    s = answer.query["superlative"]
    assert s, answer.query
    return s


@pytest.mark.parametrize("question, largest, measure", [
    ("which Google model is the tiniest, by each one's biggest release?", False, "largest"),
    ("smallest encoder when you compare their biggest versions", False, "largest"),
    ("what's the smallest Meta model, comparing each model's largest size?", False, "largest"),
    ("the biggest decoder, comparing every model's smallest version", True, "smallest"),
    ("谷歌哪个模型最小（按它最大的版本算）", False, "largest"),
    ("按各自最大的版本比较，哪个编码器模型最小？", False, "largest"),
])
def test_the_variant_a_ranking_is_judged_by_said_with_an_owner_or_a_comparing_verb(full, question, largest, measure):
    s = _sup(full.ask(question))
    assert s["field"] == "params" and s["largest"] is largest and s["measure"] == measure, s


@pytest.mark.parametrize("question, field, largest, rank", [
    ("what is the seventh largest model?", "params", True, 7),
    ("which is the sixth smallest encoder?", "params", False, 6),
    ("the ninth oldest model in the catalog", "date", False, 9),
    ("name the 8th newest decoder", "date", True, 8),
    ("参数量排第八的模型是哪个", "params", True, 8),
    ("論文裡參數量排第七的是哪個模型？", "params", True, 7),
])
def test_a_place_past_the_fifth(full, question, field, largest, rank):
    s = _sup(full.ask(question))
    assert (s["field"], s["largest"], s["rank"]) == (field, largest, rank), s


@pytest.mark.parametrize("question, lab, rank", [
    ("Meta's second most recent model?", "Meta", 2),
    ("what is Google's third newest model", "Google", 3),
    ("which was DeepMind's second latest release?", "DeepMind", 2),
])
def test_an_owners_place_said_with_a_recency_word_counts_from_the_newest(full, question, lab, rank):
    answer = full.ask(question)
    s = _sup(answer)
    assert (s["field"], s["largest"], s["rank"]) == ("date", True, rank), s
    assert _place(full.catalog, _lab(lab), lambda e: e.date.key, True, rank) == set(answer.models), answer.models


@pytest.mark.parametrize("question, rank, measure", [
    ("ranking the decoders by their largest size, which one is fourth from the bottom?", 4, "largest"),
    ("the third largest Google model counting from the bottom", 3, None),
    ("sorted by parameters, which encoder is second from the bottom?", 2, None),
    ("新增模型按参数量排倒数第三的是哪个", 3, None),
    ("谷歌的模型里参数量倒数第二的是哪个？", 2, None),
])
def test_a_place_counted_from_the_bottom_is_that_place_from_the_small_end(full, question, rank, measure):
    s = _sup(full.ask(question))
    assert (s["field"], s["largest"], s["rank"]) == ("params", False, rank), s
    if measure:
        assert s["measure"] == measure, s


@pytest.mark.parametrize("question, rank, beyond", [
    ("which addition came out second?", 2, True),
    ("what was the third encoder to be released?", 3, False),
    ("chronologically, which was the fourth of the additions?", 4, True),
    ("the fifth model to come out, in release order", 5, False),
    ("which was the second addition to be released?", 2, True),
    ("新增模型里第三个发布的是哪个？", 3, True),
])
def test_a_place_in_the_release_order_said_with_coming_out(full, question, rank, beyond):
    answer = full.ask(question)
    s = _sup(answer)
    assert (s["field"], s["largest"], s["rank"]) == ("date", False, rank), s
    if beyond:
        assert _place(full.catalog, lambda e: not e.in_paper, lambda e: e.date.key, False, rank) == set(answer.models)


@pytest.mark.parametrize("question, measure", [
    ("哪个模型的最小版本参数最少？", "smallest"),
    ("哪个模型的最大版本参数量最少", "largest"),
])
def test_zh_a_variants_fewest_parameters_is_a_size_ranking_by_that_variant(full, question, measure):
    s = _sup(full.ask(question))
    assert (s["field"], s["largest"], s["measure"]) == ("params", False, measure), s


@pytest.mark.parametrize("question, lab, model, year, later", [
    ("deepmind models that came out later in 2022 than chinchilla", "DeepMind", "chinchilla", 2022, True),
    ("which Google models were released earlier in 2022 than PaLM?", "Google", "palm", 2022, False),
    ("Meta models newer in 2019 than RoBERTa", "Meta", "roberta", 2019, True),
])
def test_a_relation_with_a_year_inside_it_keeps_both(full, question, lab, model, year, later):
    cat = full.catalog
    x = cat.models[model].date.key
    want = {e.id for e in cat.models.values() if _lab(lab)(e) and e.date.year == year
            and (e.date.key > x if later else e.date.key < x)}
    answer = full.ask(question)
    assert want and set(answer.models) == want, (answer.models, want, answer.query)


@pytest.mark.parametrize("question", [
    "which is the second tiniest OpenAI model?",
    "OpenAI 参数量第二小的模型是哪个？",
])
def test_a_size_ranking_winner_with_several_sizes_states_them_all(plain, question):
    """A size ranking judges each model by one of its sizes; the winner's other released sizes are stated, so the
    reading by its largest size is there too (GPT-2: 124M ... 1.5B)."""
    answer = plain.ask(question)
    assert answer.models == ["gpt-2"], answer.models
    assert "1.5B" in answer.text, answer.text[:500]
