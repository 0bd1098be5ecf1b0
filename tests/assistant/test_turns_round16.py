"""Kinds of proportion and several-count question, in wordings other people would type:

- a share whose counted set is a part of the catalog itself ("what percentage of all models were added after the
  paper?", "新增模型占整个目录的比例"): its base is the whole catalog, not the part counted (which made it 100%);
  the whole catalog said by its number ("of the 119 models") beside the part is where the part is counted;
- a share whose base has models in both parts of the catalog ("what fraction of Meta's models are open?"): each part's
  share, then the share over the whole catalog once;
- the whole asked beside the part ("how many are open, out of how many?", "out of all Google models", "总共有几个"):
  a share;
- a share claimed in an "is it true that ..." question ("is it correct that about a third of the models are
  encoders?"): the "it" stands for the claim, no model discussed before, and the share is answered;
- one "how many" per value ("how many are from Google, how many from OpenAI?", "有多少个用MLM，多少个用DAE"): each
  value counted apart, not a set holding them all.

Expected figures come from the answer's own per-part lines or from the catalog's fields.
"""

from __future__ import annotations

import re

import pytest

from assistant.session import Session


@pytest.mark.parametrize("question, pct", [
    ("what fraction of the 119 models are additions?", "35%"),
    ("新增模型占整个目录的比例是多少？", "35%"),
])
def test_a_share_of_a_catalog_part_is_taken_of_the_whole_catalog(full, question, pct):
    a = full.ask(question)
    assert pct in a.text and "119" in a.text and "100%" not in a.text, (question, a.text[:400])


_PART = re.compile(r"(\d+) of (?:the )?(\d+) (?:models|个)|(\d+) 个符合（.*）的模型中的 (\d+) 个")


@pytest.mark.parametrize("question", [
    "What percentage of Meta's models are open-source?",
    "谷歌的模型中闭源的占多少比例？",
])
def test_a_share_over_both_parts_is_also_said_over_the_whole_catalog(full, question):
    a = full.ask(question)
    text = a.text
    lines = [ln for ln in text.splitlines() if ln.startswith(("That is", "即"))]
    whole = [ln for ln in text.splitlines() if ln.startswith(("Across the whole catalog", "整个目录"))]
    assert len(lines) == 2 and len(whole) == 1, (question, text[:600])

    def pair(ln):
        m = _PART.search(ln)
        return (int(m.group(1)), int(m.group(2))) if m.group(1) else (int(m.group(4)), int(m.group(3)))

    n, total = map(sum, zip(*(pair(ln) for ln in lines)))
    assert pair(whole[0]) == (n, total), (question, lines, whole)


@pytest.mark.parametrize("question, said", [
    ("How many of Mistral AI's models are open, and out of how many in total?", "of the 2 models where lab = Mistral AI"),
    ("how many Google models are closed source, out of all Google models?", "of the 6 models where lab = Google"),
])
def test_the_whole_asked_beside_the_part_is_a_share(full, question, said):
    a = full.ask(question)
    assert said in a.text, (question, a.text[:600])


@pytest.mark.parametrize("question, said", [
    ("Is it correct that about a third of the models are encoders?", "16 of the catalog's 77 models"),
    ("Is it true that the majority of OpenAI's models are closed?", "5 of the 10 models where lab = OpenAI"),
    ("is it the case that Google built more than 20 models?", "not more than 20"),
])
def test_an_it_that_stands_for_the_claim_refers_to_nothing(plain, question, said):
    a = plain.ask(question, Session())
    assert not a.abstained and said in a.text, (question, a.text[:400])


def test_an_it_with_nothing_to_refer_to_still_asks(plain):
    a = plain.ask("is it open source?", Session())
    assert a.abstained or "not sure what that refers to" in a.text


@pytest.mark.parametrize("question, counts", [
    ("how many models are from Google, how many from OpenAI?", {"Google": 19, "OpenAI": 10}),
    ("How many encoders are there and how many decoders?", {"encoder": 16, "decoder": 43}),
    ("有多少个模型用MLM，多少个用DAE？", {"掩码语言建模（MLM）": 10, "去噪自编码（DAE）": 9}),
])
def test_one_how_many_per_value_counts_each_apart(plain, catalog, question, counts):
    a = plain.ask(question, Session())
    assert a.query["group_by"], (question, a.query)
    assert all(c.get("op") != "all" for c in a.query["where"]["items"]), a.query["where"]
    for value, n in (counts or {}).items():
        assert f"**{value}**: {n}" in a.text or f"**{value}**：{n}" in a.text, (question, a.text[:300])


@pytest.mark.parametrize("history, question, models", [
    ("tell me about Alpaca", "how much larger is it than the model it was built on?", ["alpaca", "llama"]),
    ("what is Zephyr?", "was it released long after its parent?", ["zephyr", "mistral-7b"]),
    ("Vicuna 是什么？", "它的参数比它的父模型多吗？", ["vicuna", "llama"]),
])
def test_the_model_discussed_weighed_against_its_own_parent(full, history, question, models):
    session = Session()
    full.ask(history, session)
    a = full.ask(question, session)
    assert a.query["intent"] == "compare" and a.query["models"] == models, (question, a.query["intent"], a.query["models"])


def _facets(query) -> set[str]:
    return {c.get("facet") for c in query["where"]["items"]}


@pytest.mark.parametrize("history, question, facets", [
    (["what is SAM?", "who released it?"], "did they put out anything else that same month?", {"date", "lab"}),
    (["Tell me about Llama 2"], "和它同一个月、同一家机构发布的还有哪些模型？", {"date", "lab"}),
])
def test_two_fields_the_same_as_the_model_discussed(full, history, question, facets):
    session = Session()
    for turn in history:
        full.ask(turn, session)
    a = full.ask(question, session)
    assert _facets(a.query) >= facets, (question, a.query["where"])


@pytest.mark.parametrize("history, question, parent, value", [
    (["tell me about Alpaca"], "what is it based on, and when was that base model released?", "llama", "February 2023"),
    ([], "What is Vicuna fine-tuned from, and who made that base model?", "llama", "Meta"),
    ([], "What was Zephyr built on and when did that parent model come out?", "mistral-7b", "2023"),
])
def test_the_lineage_then_a_field_of_that_parent(full, history, question, parent, value):
    session = Session()
    for turn in history:
        full.ask(turn, session)
    a = full.ask(question, session)
    assert a.query["models"] == [parent] and a.query["hop_from"] and value in a.text, (question, a.query["models"], a.text[:300])


@pytest.mark.parametrize("question", [
    "Switch Transformer decoder-only 的话，参数有多少？",
    "the Switch Transformer decoder-only model: who built it?",
    "Switch Transformer decoder-only MoE, how big is its largest version?",
])
def test_decoder_only_after_a_name_is_no_part_of_the_model(full, question):
    a = full.ask(question)
    assert a.query["models"] == ["switch"] and not a.query["hop_from"], (question, a.query["models"], a.query["hop_from"])


@pytest.mark.parametrize("history, question, model", [
    ("who wrote XLNet?", "which other catalog models did these authors work on?", "xlnet"),
    ("ELECTRA 的作者是谁？", "这些作者还写过哪些其他模型？", "electra"),
    ("who are the authors of Llama 2?", "did the same authors work on any other model in the catalog?", "llama-2"),
])
def test_the_other_models_of_the_authors_discussed(full, full_catalog, history, question, model):
    session = Session()
    full.ask(history, session)
    a = full.ask(question, session)
    names = set(full_catalog.models[model].paper.authors) - {"et al."}
    shared = {m for m, e in full_catalog.models.items() if m != model and names & set(e.paper.authors)}
    assert shared and set(a.models) >= shared and model not in a.models, (question, a.models, shared)
