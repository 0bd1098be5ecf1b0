"""Counting questions of round 21, each kind in wordings of its own (English and Chinese):

- a share whose base is the whole catalog said outright ("... among all?", "... share of the whole catalog") or left
  unsaid (a set that is only itself: "the share of X models" is X's share of everything, never 100% of X);
- a share asked with a percent sign ("what % of X are Y?") or a bracketed or trailing ratio word ("how many are Y
  (ratio)?", "... percentage-wise?") after a base said first ("out of the X models, ...");
- the Chinese share of a set said with 的模型 before 多大比例 / 百分之几 ("Meta 的模型有多大比例是 ...");
- a breakdown over every value of a field with few values ("how many models per architecture?") whose models lie in
  both parts of the catalog: counted over the whole catalog first, then part by part.

Expected figures come from the catalog's own fields.
"""

from __future__ import annotations

import re

import pytest

from assistant.facets import FACETS, group_values
from assistant.query import Constraint, leaves
from assistant.retrieve import holds


def _count(catalog, **fields):
    return sum(1 for e in catalog.models.values()
               if all(FACETS[f].match(e, Constraint(facet=f, values=[v])) for f, v in fields.items()))


@pytest.mark.parametrize("question, facet, value", [
    ("share of decoder models among all?", "architecture", "decoder"),
    ("decoder share of the whole catalog", "architecture", "decoder"),
    ("closed models as a share of the entire catalogue?", "license", "closed"),
    ("what's the share of encoder models overall", "architecture", "encoder"),
])
def test_a_share_of_everything_is_taken_over_the_whole_catalog(plain, question, facet, value):
    a = plain.ask(question)
    n, total = _count(plain.catalog, **{facet: value}), len(plain.catalog.models)
    assert a.query["share_of"] is not None and not a.query["share_of"]["items"], a.query
    assert f"{n} of the catalog's {total} models" in a.text, a.text


@pytest.mark.parametrize("question, base, asked", [
    ("what % of decoder models are closed?", ("architecture", "decoder"), ("license", "closed")),
    ("What % of Google's models are encoders", ("lab", "Google"), ("architecture", "encoder")),
    ("among the encoder models, how many are open (ratio)?", ("architecture", "encoder"), ("license", "open")),
    ("out of Google's models, how many are decoders, percentage-wise?", ("lab", "Google"), ("architecture", "decoder")),
    ("of the decoder models, how many are closed (%)", ("architecture", "decoder"), ("license", "closed")),
])
def test_a_share_asked_by_sign_or_bracket_keeps_its_base(plain, question, base, asked):
    a = plain.ask(question)
    share_of = a.query["share_of"]
    assert share_of and [(c["facet"], c["values"]) for c in share_of["items"]] == [(base[0], [base[1]])], a.query
    total = _count(plain.catalog, **{base[0]: base[1]})
    n = _count(plain.catalog, **{base[0]: base[1], asked[0]: asked[1]})
    assert f"That is {n} of the {total} models where" in a.text, a.text


@pytest.mark.parametrize("question, base, asked", [
    ("Google 的模型有多大比例是开源的", ("lab", "Google"), ("license", "open")),
    ("OpenAI 的模型有百分之几是闭源许可", ("lab", "OpenAI"), ("license", "closed")),
])
def test_a_chinese_share_of_a_labs_models_is_of_that_lab(full, question, base, asked):
    a = full.ask(question)
    share_of = a.query["share_of"]
    assert share_of and [(c["facet"], c["values"]) for c in share_of["items"]] == [(base[0], [base[1]])], a.query
    whole = _count(full.catalog, **{base[0]: base[1]})
    n = _count(full.catalog, **{base[0]: base[1], asked[0]: asked[1]})
    assert re.search(rf"{whole} 个符合[^。]*的模型中的 {n} 个", a.text), a.text


@pytest.mark.parametrize("question, key", [
    ("how many models per architecture?", "architecture"),
    ("break the models down by release year", "year"),
    ("按许可类别统计一下模型数", "license"),
    ("每年各发布了多少个模型？", "year"),
])
def test_a_breakdown_over_both_parts_is_counted_over_the_whole_catalog_first(full, question, key):
    a = full.ask(question)
    assert a.query["group_by"] == key, a.query
    counts: dict[str, int] = {}
    for e in full.catalog.models.values():
        for v in group_values(key, e):
            counts[v] = counts.get(v, 0) + 1
    head = a.text.split("\n\n")[0]
    assert head.startswith(("Across the whole catalog", "整个目录")), head
    for n in counts.values():
        assert re.search(rf"[:：] ?{n}\b", head), (counts, head)


def test_a_breakdown_with_many_values_keeps_the_parts_apart(full):
    head = full.ask("how many models per lab?").text.split("\n\n")[0]
    assert not head.startswith("Across the whole catalog"), head


# licence and usage rights, in words of use: what the asker may not do, what the catalog does not record, how a model
# can be reached


def _license_reading(q) -> set:
    return {(c["facet"], tuple(c["values"])) for c in q["where"]["items"] if "facet" in c}


@pytest.mark.parametrize("question, want", [
    ("which models can't be used commercially?", ("license", ("limited",))),
    ("models we cannot deploy for commercial purposes", ("license", ("limited",))),
    ("which ones aren't usable for commercial products", ("license", ("limited",))),
    ("models whose licence wasn't recorded", ("license", ("unknown",))),
    ("list the models whose license isn't known", ("license", ("unknown",))),
    ("which models can only be reached through an API", ("license_name", ("API only",))),
    ("models you can access only via the OpenAI API", ("license_name", ("API only",))),
    ("哪些模型只能通过 API 访问", ("license_name", ("API only",))),
])
def test_usage_rights_said_in_words_of_use(full, question, want):
    a = full.ask(question)
    assert want in _license_reading(a.query), a.query
    assert not a.query.get("reason"), a.query


def test_api_only_is_a_closed_licence_that_names_its_api(full):
    """"Only through an API": the closed entries whose licence text names the API; an open model also served by an API
    (Qwen2.5's Turbo) and a closed one with no API named are not."""
    a = full.ask("API-only models")
    want = {e.id for e in full.catalog.models.values() if e.license_class.value == "closed" and re.search(r"\bAPI\b", e.license)}
    assert want and set(a.models) == want, (set(a.models) ^ want)
    assert "Read as" in a.text and "API only" in a.text


# the part of the catalog a set is scoped to, said in words of its own


def _parts(q) -> set:
    return {v for c, neg in leaves(q.where) if c.facet == "catalog" and not neg for v in c.values}


@pytest.mark.parametrize("question, parts", [
    ("non-paper encoder models", {"beyond"}),
    ("which of the non-survey models come from Google?", {"beyond"}),
    ("decoders from 2022, including the paper's models", {"beyond", "paper"}),
    ("all 2024 releases, original ones included", {"beyond", "paper"}),
])
def test_the_catalog_part_said_in_words(full, question, parts):
    q = full._understand(question)
    assert _parts(q) == parts, (question, q.where)
    assert not any(neg for c, neg in leaves(q.where) if c.facet != "catalog"), (question, q.where)


@pytest.mark.parametrize("question, year", [
    ("open decoders, limited to 2024", 2024),
    ("Google's models, restricted to 2022 and limited to 2022 releases", 2022),
])
def test_limited_to_narrows_the_set_and_names_no_licence(full, question, year):
    q = full._understand(question)
    assert ("license", "limited") not in {(c.facet, v) for c, _ in leaves(q.where) for v in c.values}, q.where
    assert any(c.facet == "date" for c, _ in leaves(q.where)), q.where


# conditions on different fields set against each other in a count: each counted apart, never both at once


@pytest.mark.parametrize("question, first, second", [
    ("how many vision-language vs mixture-of-experts models?", ("domain", "vision-language"), ("trait", "mixture-of-experts")),
    ("how many models are open and how many are decoders?", ("license", "open"), ("architecture", "decoder")),
    ("open models versus encoder models: how many?", ("license", "open"), ("architecture", "encoder")),
    ("多模态模型和混合专家模型各有多少个", ("domain", "vision-language"), ("trait", "mixture-of-experts")),
    ("开源模型与解码器模型分别有几个", ("license", "open"), ("architecture", "decoder")),
])
def test_conditions_on_different_fields_are_counted_apart(plain, question, first, second):
    a = plain.ask(question)
    apart = [(c["facet"], c["values"]) for c in a.query.get("apart", [])]
    assert apart == [(first[0], [first[1]]), (second[0], [second[1]])], a.query
    for facet, value in (first, second):
        n = _count(plain.catalog, **{facet: value})
        assert re.search(rf"\*\*[^*]+\*\*[:：] ?{n}\b", a.text.split("\n\n")[0]), (value, n, a.text)


def test_conditions_counted_apart_over_both_parts_lead_with_the_whole_catalog(full):
    a = full.ask("how many vision-language vs mixture-of-experts models?")
    head = a.text.split("\n\n")[0]
    for facet, value in (("domain", "vision-language"), ("trait", "mixture-of-experts")):
        assert f"{_count(full.catalog, **{facet: value})}" in head, head
    assert head.startswith("Across the whole catalog"), head


def test_a_condition_on_the_same_field_stays_a_breakdown(plain):
    q = plain.ask("how many encoder vs decoder models").query
    assert q["group_by"] == "architecture" and not q.get("apart"), q


@pytest.mark.parametrize("question, family", [
    ("are all Qwen generations open-weight?", "Qwen"),
    ("are all the Phi versions openly licensed?", "Phi"),
])
def test_a_claim_about_a_familys_generations_is_a_share_claim(full, question, family):
    a = full.ask(question)
    share_of = a.query["share_of"]
    assert share_of and [(c["facet"], c["values"]) for c in share_of["items"]] == [("family", [family])], a.query
    members = [e for e in full.catalog.models.values() if FACETS["family"].match(e, Constraint(facet="family", values=[family]))]
    held = all(e.license_class.value == "open" for e in members)
    assert re.search(r"^(?:Yes|No)\b", a.text, re.M) and ("Yes" if held else "No") in a.text, a.text


def test_a_limited_window_of_nearby_tokens_is_sliding_window_attention_not_a_licence(full):
    q = full._understand("which models attend to a limited window of neighbouring tokens")
    values = {(c.facet, v) for c, _ in leaves(q.where) for v in c.values}
    assert ("trait", "sliding-window-attention") in values and ("license", "limited") not in values, values
