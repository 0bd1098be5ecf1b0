"""Follow-ups, comparisons and false premises read as kinds, in English and Chinese.

- "the former" / "the latter" (前者 / 后者) count within the last two models discussed; "the other one"
  (另一个) is the one of that pair the conversation is not on (after a comparison: the one its verdict
  did not name first).
- a licence weighed by how open it is ("more permissive", "less restrictive", 更开放, 限制更少) is a
  comparison dimension with a verdict (licence classes open > limited > closed; ties called ties).
- two names joined before a "same field" word ("A 和 B 是同一个实验室的吗") compare the two on that field,
  and "the two ... the same year?" after a pair compares the pair.
- "how many times bigger", "how much bigger is it than X", "and is it newer than X": comparisons, not counts
  or lists.
- a premise clause that states a bare size ("X is 70B, right?") and a negated trait ("a dense model") are
  checked and corrected first, in a comparison as in a fact answer.
Expected models come from the catalog fields.
"""

from __future__ import annotations

import pytest

from assistant.session import Session

_OPEN = {"open": 3, "limited": 2, "closed": 1}


def _last(full, *turns):
    session = Session()
    answers = [full.ask(q, session) for q in turns]
    return answers[-1]


@pytest.mark.parametrize("turns, expected", [
    (("tell me about ELECTRA and DeBERTa", "what's the former's licence?"), "electra"),
    (("who made T5?", "and BART?", "how big is the latter?"), "bart"),
    (("介绍一下 ALBERT 和 DistilBERT", "后者是谁做的？"), "distilbert"),
    (("ALBERT 和 DistilBERT 哪个先发布？", "前者有多少参数？"), "albert"),
])
def test_the_former_and_the_latter_count_within_the_pair(full, turns, expected):
    assert _last(full, *turns).models == [expected]


def test_the_other_one_after_a_comparison_is_the_one_the_verdict_did_not_lead_with(full, full_catalog):
    a, b = full_catalog.models["pegasus"], full_catalog.models["xlnet"]
    later = a if a.date.key > b.date.key else b
    assert _last(full, "Which is older, Pegasus or XLNet?", "what lab made the other one?").models == [later.id]


def test_the_other_one_after_a_turn_on_one_of_a_pair_is_its_partner(full):
    answer = _last(full, "GLaM 和 Gopher 哪个大？", "大的那个是谁做的？", "另一个呢？")
    assert answer.models and len(answer.models) == 1 and answer.models[0] in {"glam", "gopher"}


@pytest.mark.parametrize("question, models, down", [
    ("Between GPT-3 and GPT-J, whose licence is more permissive?", ("gpt-3", "gpt-j"), False),
    ("Whisper 和 GPT-4 哪个限制更少？", ("whisper", "gpt-4"), False),
    ("of Galactica and Gopher, which one is more restrictive?", ("galactica", "gopher"), True),
])
def test_a_licence_weighed_by_openness_leads_with_the_verdict(full, full_catalog, question, models, down):
    a = full.ask(question)
    assert a.intent == "compare" and set(a.models) == set(models)
    rank = {m: _OPEN[full_catalog.models[m].license_class.value] for m in models}
    first = (min if down else max)(rank, key=rank.get)
    assert a.models[0] == first and a.text.startswith(full_catalog.models[first].name)


def test_an_openness_tie_is_called_a_tie(full, full_catalog):
    assert full_catalog.models["gemma-2"].license_class == full_catalog.models["qwen2"].license_class
    a = full.ask("is Gemma 2 or Qwen2 more open?")
    assert a.intent == "compare" and "tie" in a.text


@pytest.mark.parametrize("turns, models", [
    (("T5 跟 BART 是同一个实验室的吗？",), {"t5", "bart"}),
    (("GPT-J 与 Pythia 是同一年发布的吗",), {"gpt-j", "pythia"}),
    (("介绍一下 GPT-J 和 GPT-Neo", "这两个是同一个机构做的吗？"), {"gpt-j", "gpt-neo"}),
    (("tell me about Gopher and Sparrow", "were the two from the same lab?"), {"gopher", "sparrow"}),
])
def test_two_models_and_a_shared_field_compare_the_two(full, turns, models):
    a = _last(full, *turns)
    assert a.intent == "compare" and set(a.models) == models


def test_same_lab_with_a_question_word_before_stays_a_set(full, full_catalog):
    a = full.ask("哪些模型跟 Gato 是同一个实验室的？")
    same = {e.id for e in full_catalog.models.values() if e.id != "gato" and set(e.labs) == set(full_catalog.models["gato"].labs)}
    assert a.intent == "list" and same <= set(a.models) and "gato" not in a.models


@pytest.mark.parametrize("turns, models", [
    (("how many times larger is Gopher than Chinchilla?",), {"gopher", "chinchilla"}),
    (("who built Flamingo?", "and was it released after Chinchilla?"), {"flamingo", "chinchilla"}),
    (("tell me about Falcon", "how much smaller is it than BLOOM?"), {"falcon", "bloom"}),
])
def test_a_comparison_against_the_model_discussed_or_by_a_ratio(full, turns, models):
    a = _last(full, *turns)
    assert a.intent == "compare" and set(a.models) == models


def test_a_bare_size_in_a_premise_clause_is_corrected_before_a_fact(full, full_catalog):
    a = full.ask("Gemma is 70B, right? who released it?")
    assert a.models == ["gemma"] and "70B" in a.text and full_catalog.models["gemma"].labs[0] in a.text
    assert a.text.index("70B") < a.text.index(full_catalog.models["gemma"].labs[0])


def test_a_premise_clause_is_corrected_before_a_comparison(full):
    a = full.ask("GPT-2 is 15B right? how does it stack up against GPT-J?")
    assert a.intent == "compare" and set(a.models) == {"gpt-2", "gpt-j"}
    assert "not 15B" in a.text.split("\n\n")[0]


def test_a_negated_trait_asserted_of_a_model_is_checked(full, full_catalog):
    assert "mixture-of-experts" in full_catalog.models["switch"].traits
    a = full.ask("Switch is a dense model - who made it?")
    assert a.models == ["switch"] and "mixture" in a.text.lower().split("\n\n")[0]


def test_the_alignment_method_of_it_is_its_objective_not_a_dataset(full, full_catalog):
    a = _last(full, "describe Sparrow", "what was used to align it?")
    assert a.models == ["sparrow"] and "RLHF" in a.text


def test_after_the_survey_is_the_additions(full, full_catalog):
    a = full.ask("what did Microsoft release after the survey?")
    want = {e.id for e in full_catalog.models.values() if not e.in_paper and any("Microsoft" in l for l in e.labs)}
    assert want and set(a.models) == want


@pytest.mark.parametrize("turns", [
    ("Zephyr 是谁做的？", "他们还发布了哪些模型？"),
    ("介绍一下 DeBERTa", "这家公司还做了什么？"),
])
def test_what_else_the_makers_made_in_chinese(full, full_catalog, turns):
    subject = full.ask(turns[0]).models[0]
    a = _last(full, *turns)
    labs = set(full_catalog.models[subject].lab_keys)
    assert a.intent == "list" and a.models and subject not in a.models
    assert all(labs & set(full_catalog.models[m].lab_keys) for m in a.models)


@pytest.mark.parametrize("turns, models", [
    (("when was GPT-J released?", "and Pythia?", "which of the two is smaller?"), {"gpt-j", "pythia"}),
    (("ELECTRA 是什么时候发布的？", "ALBERT 呢？", "这两个哪个更早？"), {"electra", "albert"}),
])
def test_which_of_the_two_after_one_model_per_turn_compares_the_pair(full, turns, models):
    a = _last(full, *turns)
    assert a.intent == "compare" and set(a.models) == models


@pytest.mark.parametrize("question, models, dimension, down", [
    ("Pythia 和 Dolly 的参数量是否相同？", ("pythia", "dolly"), "size", False),
    ("ELECTRA 和 DeBERTa 哪个小？", ("electra", "deberta"), "size", True),
    ("BERT 跟 XLNet 相差几年？", ("bert", "xlnet"), "date", False),
    ("how many years apart are ELECTRA and ALBERT?", ("electra", "albert"), "date", False),
])
def test_chinese_and_english_comparison_words_lead_with_their_dimension(full, full_catalog, question, models, dimension, down):
    a = full.ask(question)
    assert a.intent == "compare" and set(a.models) == set(models)
    key = (lambda m: full_catalog.models[m].params.max_millions) if dimension == "size" else (lambda m: full_catalog.models[m].date.key)
    values = {key(m) for m in models}
    if len(values) == 1:
        assert "相同" in a.text.split("\n\n")[0] or "tie" in a.text.split("\n\n")[0]
    else:
        assert a.models[0] == (min if down else max)(models, key=key)


def test_one_lab_said_without_same_compares_the_two(full, full_catalog):
    a = full.ask("GPT-Neo 和 GPT-NeoX-20B 是一个实验室做的吗")
    assert a.intent == "compare" and set(a.models) == {"gpt-neo", "gpt-neox-20b"}
    assert full_catalog.models["gpt-neo"].labs[0] in a.text.split("\n\n")[0]


@pytest.mark.parametrize("turns, models", [
    (("说说 Gemma 2", "它和 Gemma 3 的许可一样吗？"), {"gemma-2", "gemma-3"}),
    (("介绍一下 ALBERT", "它与 ELECTRA 是同一年发布的吗"), {"albert", "electra"}),
    (("tell me about GPT-J", "is it similar to GPT-NeoX-20B?"), {"gpt-j", "gpt-neox-20b"}),
])
def test_it_and_a_named_model_on_a_shared_field_compare_the_two(full, turns, models):
    a = _last(full, *turns)
    assert a.intent == "compare" and set(a.models) == models
