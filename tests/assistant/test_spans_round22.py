"""Round 22, spans and splits: both ends of a ranking, release gaps said with "soon" or a Chinese 到, and counts split
on one condition or broken down by a field in everyday words.

- Both ends of a ranking asked together ("the oldest and the newest ...", "first and last", "largest and smallest",
  Chinese 最早和最晚, 最大和最小): each end named with its value and cited, then how far apart they are (the months
  between the releases, or how many times the size of one the other is). "From oldest to newest" stays an order.
- "How soon / how quickly after A did B ..." asks the months between two releases, as "how long after" does.
- Chinese "A 到 B 隔了多久" with B a version said alone ("DeepSeek-V3 到 R1"): B is A's line at that version.
- Chinese 因果 before a Latin "LM" is causal: the causal-LM objective.
- A value and its negation counted ("MoE vs non-MoE, counts please"): a split of the set on that condition, whichever
  way the positive side was joined; "counts please" asks numbers.
- A breakdown said of a named part of the catalog ("break the additions down by architecture", "the paper's models
  ... by licence class").

Expected values come from the catalog itself.
"""

from __future__ import annotations

import pytest

from assistant.query import Intent


def _lab(name):
    """A lab as the assistant's lab facet reads it (Google takes in Google DeepMind)."""
    from assistant.query import And, Constraint
    from assistant.retrieve import holds
    return lambda e: holds(e, And(items=[Constraint(facet="lab", values=[name])]))


def _months(catalog, a, b):
    x, y = catalog.models[a].date, catalog.models[b].date
    return abs((y.year - x.year) * 12 + y.month - x.month)


def _ends(catalog, ids, key):
    known = [i for i in ids if key(catalog.models[i]) is not None]
    lo, hi = min(key(catalog.models[i]) for i in known), max(key(catalog.models[i]) for i in known)
    return ({i for i in known if key(catalog.models[i]) == lo}, {i for i in known if key(catalog.models[i]) == hi})


@pytest.mark.parametrize("question, where", [
    ("what's the gap between the oldest and the newest Meta model?", _lab("Meta")),
    ("earliest and latest encoder-decoder in the catalog — how many months apart?",
     lambda e: e.architecture.value == "encoder-decoder"),
    ("how much time separates the first and the last of the additions?", lambda e: not e.in_paper),
    ("OpenAI: newest vs oldest model, and the time between them", _lab("OpenAI")),
    ("谷歌最早和最新的模型分别是哪个，相隔多久？", _lab("Google")),
])
def test_both_ends_of_a_date_ranking_and_the_months_between(full, question, where):
    cat = full.catalog
    ids = [e.id for e in cat.models.values() if where(e)]
    first, last = _ends(cat, ids, lambda e: e.date.key)
    answer = full.ask(question)
    q = answer.query
    assert q["superlative"] and q["superlative"]["ends"] and q["superlative"]["field"] == "date", q
    assert first <= set(answer.models) and last <= set(answer.models), (answer.models, first, last)
    n = _months(cat, min(first), min(last))
    assert (f"{n} month" in answer.text or f"{n}个月" in answer.text), answer.text[:400]


@pytest.mark.parametrize("question, where", [
    ("largest and smallest Google models?", _lab("Google")),
    ("smallest vs biggest decoder: what's the size ratio?", lambda e: e.architecture.value == "decoder"),
    ("论文里最大和最小的模型差多少倍", lambda e: e.in_paper),
])
def test_both_ends_of_a_size_ranking_each_by_its_own_variant(full, question, where):
    cat = full.catalog
    ids = [e.id for e in cat.models.values() if where(e)]
    small, _ = _ends(cat, ids, lambda e: min((v.millions for v in e.params.variants), default=None))
    _, big = _ends(cat, ids, lambda e: e.params.max_millions)
    answer = full.ask(question)
    assert answer.query["superlative"]["ends"] and answer.query["superlative"]["field"] == "params", answer.query
    assert small <= set(answer.models) and big <= set(answer.models), (answer.models, small, big)
    assert "times the size" in answer.text or "倍" in answer.text, answer.text[:400]


@pytest.mark.parametrize("question", ["list Meta's models from oldest to newest", "sort the decoders from largest to smallest"])
def test_an_order_between_two_ends_stays_an_order(full, question):
    s = full.ask(question).query["superlative"]
    assert s and s["whole"] and not s["ends"], s


@pytest.mark.parametrize("question, a, b", [
    ("how soon after GPT-2 did GPT-3 appear?", "gpt-2", "gpt-3"),
    ("how quickly after Llama 2 did Code Llama follow?", "llama-2", "code-llama"),
    ("how soon after BERT came RoBERTa", "bert", "roberta"),
    ("how fast after ChatGPT did GPT-4 come out?", "chatgpt", "gpt-4"),
])
def test_how_soon_after_is_a_release_gap(full, question, a, b):
    answer = full.ask(question)
    assert answer.query["intent"] == "compare" and set(answer.models) == {a, b}, (answer.query["intent"], answer.models)
    n = _months(full.catalog, a, b)
    assert f"{n} month" in answer.text, answer.text[:300]


@pytest.mark.parametrize("question, a, b", [
    ("Qwen2 到 2.5 差了几个月", "qwen2", "qwen2.5"),
    ("DeepSeek-V2 到 V3 隔了多久", "deepseek-v2", "deepseek-v3"),
])
def test_a_chinese_trip_to_a_version_said_alone(full, question, a, b):
    answer = full.ask(question)
    assert set(answer.models) == {a, b}, (answer.models, answer.query.get("intent"))
    assert f"{_months(full.catalog, a, b)}个月" in answer.text, answer.text[:300]


def test_chinese_causal_before_a_latin_lm_is_the_causal_objective(full):
    q = full.ask("哪些 encoder-decoder 用了因果 LM？").query
    values = [c.get("values") for c in q["where"]["items"] if c.get("facet") == "objective"]
    assert values == [["causal-lm"]], q["where"]


@pytest.mark.parametrize("question, facet, value, where", [
    ("split the additions into MoE vs non-MoE, counts please", "trait", "mixture-of-experts", lambda e: not e.in_paper),
    ("how many of Google's models are encoder-decoders and how many are not encoder-decoders?", "architecture",
     "encoder-decoder", _lab("Google")),
    ("open vs not open among the 2022 models: counts", "license", "open", lambda e: e.date.year == 2022),
])
def test_a_value_and_its_negation_counted_is_a_split(full, question, facet, value, where):
    answer = full.ask(question)
    q = answer.query
    assert q["intent"] == Intent.COUNT.value and q["split"] and q["split"]["facet"] == facet, q
    from assistant.query import And, Constraint
    from assistant.retrieve import holds
    for part in (True, False):  # the paper's models and the additions are counted apart
        base = [e for e in full.catalog.models.values() if where(e) and e.in_paper is part]
        yes = sum(holds(e, And(items=[Constraint(facet=facet, values=[value])])) for e in base)
        if base:
            assert f"{yes}; " in answer.text and f": {len(base) - yes} ({len(base)} " in answer.text, (part, yes, answer.text[:600])


@pytest.mark.parametrize("question, facet, part", [
    ("break the additions down by licence class", "license", "beyond"),
    ("could you split the paper's models up by architecture?", "architecture", "paper"),
])
def test_a_breakdown_of_a_named_part_of_the_catalog(full, question, facet, part):
    answer = full.ask(question)
    q = answer.query
    assert not answer.abstained and q["group_by"] == facet, q
    assert [c["values"] for c in q["where"]["items"] if c.get("facet") == "catalog"] == [[part]], q["where"]


@pytest.mark.parametrize("question", [
    "what share of Meta's models do decoders make up?",
    "how big a part of the paper's catalog do encoders make up?",
])
def test_make_up_as_constitute_is_a_share_not_an_instruction(full, question):
    answer = full.ask(question)
    assert not answer.abstained and answer.query["intent"] != "out_of_scope", answer.text[:200]
    assert "%" in answer.text, answer.text[:300]


@pytest.mark.parametrize("question", ["make up a model that beats GPT-4", "please make up some numbers for LaMDA"])
def test_make_up_as_invent_is_still_refused(full, question):
    assert full.ask(question).abstained


@pytest.mark.parametrize("question, bound", [
    ("do open models make up most of the models over 50B?", 50_000),
    ("are the majority of the models above 20 billion parameters closed?", 20_000),
])
def test_a_share_claim_about_a_size_bounded_set_takes_the_bound_as_its_base(full, question, bound):
    answer = full.ask(question)
    base = sum(1 for e in full.catalog.models.values() if e.in_paper and (e.params.max_millions or 0) > bound)
    assert f"of the {base} models where size > " in answer.text, (base, answer.text[:400])


def _owned(e, field):
    from assistant.facets import released_sizes
    return {"sizes": len(released_sizes(e)), "labs": len(e.org_names), "objectives": len(e.objectives)}[field]


@pytest.mark.parametrize("question, field, most, where", [
    ("which model was released in the most different sizes?", "sizes", True, lambda e: True),
    ("among the additions, which one has the greatest number of size options?", "sizes", True, lambda e: not e.in_paper),
    ("what paper model is credited to the most organizations?", "labs", True, lambda e: e.in_paper),
    ("which decoder lists the most training objectives?", "objectives", True, lambda e: e.architecture.value == "decoder"),
    ("Meta 的模型里哪个发布的尺寸版本最多", "sizes", True, _lab("Meta")),
])
def test_a_ranking_by_the_number_of_a_models_own_values(full, question, field, most, where):
    cat = full.catalog
    counts = {e.id: _owned(e, field) for e in cat.models.values() if where(e) and _owned(e, field)}
    best = max(counts.values()) if most else min(counts.values())
    answer = full.ask(question)
    s = answer.query["superlative"]
    assert s and s["field"] == field and s["largest"] is most, answer.query
    assert set(answer.models) >= {i for i, n in counts.items() if n == best}, (answer.models, best)
    assert f"{best}: " in answer.text or f"{best} 个：" in answer.text, answer.text[:300]


@pytest.mark.parametrize("question", ["which model has the most parameters?", "which Meta model is the most recent?"])
def test_a_ranking_by_size_or_date_is_not_a_count(full, question):
    assert full.ask(question).query["superlative"]["field"] in ("params", "date")


@pytest.mark.parametrize("question, lab, nth", [
    ("what was the second model from DeepSeek?", "DeepSeek", 2),
    ("third release by Microsoft?", "Microsoft", 3),
])
def test_a_place_in_a_labs_release_order_said_with_from_or_by(full, question, lab, nth):
    cat = full.catalog
    dates = sorted({e.date.key for e in cat.models.values() if _lab(lab)(e)})
    want = {e.id for e in cat.models.values() if _lab(lab)(e) and e.date.key == dates[nth - 1]}
    answer = full.ask(question)
    assert set(answer.models) == want, (answer.models, want)


def test_the_nth_model_from_the_list_above_is_still_a_pick(full):
    from assistant.session import Session
    s = Session()
    first = full.ask("which models did Google build?", s)
    picked = full.ask("the second model from the list", s)
    assert picked.models == [first.models[1]], (picked.models, first.models[:3])


@pytest.mark.parametrize("question, ids", [
    ("Pythia parameter counts", {"pythia"}),
    ("T5 vs BART parameter counts?", {"t5", "bart"}),
])
def test_parameter_counts_of_named_models_are_their_sizes_not_a_count_of_models(full, question, ids):
    answer = full.ask(question)
    assert set(answer.models) == ids and answer.query["intent"] != "count", (answer.models, answer.query["intent"])


@pytest.mark.parametrize("question", ["Gemma 每天有多少用户", "BLOOM 有多少人在用？"])
def test_a_chinese_count_of_users_is_unrecorded_not_a_count_of_models(full, question):
    answer = full.ask(question)
    assert answer.abstained and answer.query["unrecorded"], (answer.query.get("intent"), answer.text[:150])


@pytest.mark.parametrize("question, part, base", [
    ("what's the proportion of closed models among the decoders?", ("license", "closed"), ("architecture", "decoder")),
    ("percentage of encoder-decoders amongst Google's models?", ("architecture", "encoder-decoder"), ("lab", "Google")),
])
def test_a_share_whose_set_is_named_last(full, question, part, base):
    from assistant.query import And, Constraint
    from assistant.retrieve import holds
    cat = full.catalog
    inside = [e for e in cat.models.values() if e.in_paper and holds(e, And(items=[Constraint(facet=base[0], values=[base[1]])]))]
    n = sum(holds(e, And(items=[Constraint(facet=part[0], values=[part[1]])])) for e in inside)
    answer = full.ask(question)
    assert f"That is {n} of the {len(inside)} models where " in answer.text, (n, len(inside), answer.text[:300])


@pytest.mark.parametrize("question, model, later", [
    ("which models followed GPT-2?", "gpt-2", True),
    ("what preceded T5?", "t5", False),
    ("models that were followed by OPT", "opt", False),
])
def test_a_verb_of_order_before_a_model_is_a_date_relation(full, question, model, later):
    cat = full.catalog
    key = cat.models[model].date.key
    want = {e.id for e in cat.models.values() if (e.date.key > key if later else e.date.key < key)}
    answer = full.ask(question)
    got = {e for e in answer.models}
    assert got and got <= want, sorted(got - want)[:5]


@pytest.mark.parametrize("question, model, later", [
    ("which model directly followed RoBERTa?", "roberta", True),
    ("what model immediately preceded PaLM?", "palm", False),
])
def test_a_verb_of_order_said_immediately_is_the_neighbour(full, question, model, later):
    cat = full.catalog
    key = cat.models[model].date.key
    side = [e.date.key for e in cat.models.values() if (e.date.key > key if later else e.date.key < key)]
    nearest = min(side) if later else max(side)
    answer = full.ask(question)
    assert answer.models and {cat.models[m].date.key for m in answer.models} == {nearest}, answer.models


@pytest.mark.parametrize("question, facet", [
    ("tally of licence classes among the additions", "license"),
    ("give me a breakdown by architecture for Meta", "architecture"),
    ("distribution of the paper's models across years", "year"),
])
def test_a_breakdown_said_with_its_noun_before_the_field(full, question, facet):
    q = full.ask(question).query
    assert q["group_by"] == facet, q


@pytest.mark.parametrize("turns, field, largest, attribute", [
    (["which came first, RoBERTa or XLNet?", "who built the later one?"], "date", True, "labs"),
    (["Gopher vs Chinchilla", "what licence does the smaller of the two have?"], "params", False, "license"),
    (["T5 和 BART 哪个大", "大一点的那个是哪年发布的"], "params", True, "date"),
])
def test_a_comparative_picks_one_model_of_the_pair_just_compared(full, turns, field, largest, attribute):
    from assistant.session import Session
    s = Session()
    first = full.ask(turns[0], s)
    pair = [full.catalog.models[m] for m in first.models]
    key = (lambda e: e.params.max_millions) if field == "params" else (lambda e: e.date.key)
    want = (max if largest else min)(pair, key=key).id
    answer = full.ask(turns[1], s)
    assert answer.models == [want], (answer.models, want)
    assert attribute in answer.query["attributes"], answer.query["attributes"]
