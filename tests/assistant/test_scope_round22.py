"""Kinds of question that restrict or exclude, in wordings of their own (English and Chinese):

- a part of the catalog named by a Latin word inside a Chinese question ("survey 中", "extension 里", "beyond 部分",
  "paper 那部分"), by the additions said with a demonstrative ("新增的那些模型里") or by a bracket that keeps the question to
  one part ("（只看新增的）", "（只看 survey）"): the catalog facet, so the answer holds that part alone;
- the additions called "the extension" in English ("in the extension", "the extension's models");
- a family that no model is named after, left out by a bare negation or exclusion cue ("that aren't Phi", "other than
  Gemini", "不是 Phi 的"): the family, never an unknown word;
- a Chinese postposition of exclusion after a bracketed aside ("GPT 系列（名字里有 GPT 的）除外"): it leaves out the phrase
  before the bracket, not the bracket's last word.

Each test reads its wordings through one answer each (no search index, but for the size words read by meaning).
"""

from __future__ import annotations

from assistant.query import leaves


def _ids(cat, pred):
    return {e.id for e in cat.models.values() if pred(e)}


def _meta(e):
    return any(lab.startswith(("Meta", "Facebook")) for lab in e.labs)


def _leaves(q):
    return {(c.facet, tuple(map(str, c.values)), neg) for c, neg in leaves(q.where)}


def test_latin_part_words_in_chinese_keep_that_part(full, full_catalog):
    cases = [("survey 中有哪些 encoder-decoder 模型", True, lambda e: e.architecture.value == "encoder-decoder"),
             ("paper 那部分里谷歌做的模型", True, lambda e: "Google" in [l for l in e.labs]),
             ("extension 里 Meta 的模型有哪些", False, _meta),
             ("beyond 部分中的编码器模型", False, lambda e: e.architecture.value == "encoder"),
             ("Additions 里有哪些解码器", False, lambda e: e.architecture.value == "decoder")]
    for q, paper, pred in cases:
        a = full.ask(q)
        want = _ids(full_catalog, lambda e: e.in_paper is paper and pred(e))
        assert want and set(a.models) == want, (q, sorted(set(a.models) ^ want))


def test_additions_said_with_a_demonstrative_or_in_a_bracket_keep_that_part(full, full_catalog):
    cases = [("新增的那些模型里哪些是编码器", False, lambda e: e.architecture.value == "encoder"),
             ("新加的那些里面，有哪些是 Meta 的", False, _meta),
             ("OpenAI 的模型（只看新增的）", False, lambda e: "OpenAI" in e.labs),
             ("Meta 的编码器模型（只看 survey）", True, lambda e: _meta(e) and e.architecture.value == "encoder")]
    for q, paper, pred in cases:
        a = full.ask(q)
        want = _ids(full_catalog, lambda e: e.in_paper is paper and pred(e))
        assert want and set(a.models) == want, (q, sorted(set(a.models) ^ want))


def test_the_extension_is_the_additions(full, full_catalog):
    for q in ["which decoders are in the extension?", "Google models in the extension", "list the extension's encoder models"]:
        a = full._understand(q)
        assert ("catalog", ("beyond",), False) in _leaves(a), (q, a.where, a.unparsed)
        assert not a.unparsed, (q, a.unparsed)


def test_a_family_no_model_is_named_after_left_out_by_a_bare_cue(full, full_catalog):
    phi = _ids(full_catalog, lambda e: any(lab.startswith("Microsoft") for lab in e.labs) and e.family != "Phi")
    gemini = _ids(full_catalog, lambda e: any(lab.startswith("Google") for lab in e.labs) and e.family != "Gemini")
    for q, want in [("Microsoft releases other than Phi", phi), ("list Microsoft models excluding Phi", phi),
                    ("which Google models aren't Gemini?", gemini), ("Google models, but not Gemini", gemini),
                    ("不是 Phi 的微软模型", phi), ("谷歌的模型里不属于 Gemini 的", gemini)]:
        zh = any("\u4e00" <= ch <= "\u9fff" for ch in q)
        a = full.ask(q + ("（包括新增的）" if zh else " across both parts"))
        assert set(a.models) == want, (q, sorted(set(a.models) ^ want))


def test_exclusion_after_a_bracketed_aside_leaves_out_the_phrase_before_it(full, full_catalog):
    q = full._understand("OpenAI 的模型，GPT 系列（名字里有 GPT 的）除外")
    assert ("family", ("GPT",), True) in _leaves(q) or any(x.model == "gpt" for x in q.exclude), (q.where, q.exclude)
    assert ("lab", ("OpenAI",), False) in _leaves(q), q.where
    q = full._understand("谷歌的模型，Gemma 系列（三代都算）除外")
    assert ("family", ("Gemma",), True) in _leaves(q) or any(x.model == "gemma" for x in q.exclude), (q.where, q.exclude)


def test_negated_objective_and_domain_said_with_mixed_or_plain_words(full):
    q = full._understand("预训练目标不是因果 LM 的编码器-解码器有哪些")
    assert ("objective", ("causal-lm",), True) in _leaves(q), q.where
    q = full._understand("不属于文字领域的 Meta 模型")
    assert ("domain", ("text",), True) in _leaves(q) and not q.unparsed, (q.where, q.unparsed)


def test_a_size_adjective_said_of_every_size_repeats_the_bound(full_assistant):
    """Read with the search index, so words no reading used are read by meaning (here they must not be: no trait)."""
    for q in ["which ones are massive across the board, even the smallest release above 50B?",
              "models that are small in all their versions: every size under 2B"]:
        u = full_assistant._understand(q)
        facets = {c.facet for c, _ in leaves(u.where)}
        assert facets == {"size"} and not u.unparsed, (q, u.where, u.unparsed)


def test_outside_the_paper_however_the_paper_is_named_is_the_additions(full):
    for q in ["encoder-decoders outside the original paper", "Google decoders not part of the survey's list",
              "decoders outside the original catalog", "the extension minus the DeepSeek models",
              "survey 以外的谷歌模型", "paper 之外有哪些编码器"]:
        u = full._understand(q)
        assert ("catalog", ("beyond",), False) in _leaves(u) and not u.unparsed, (q, u.where, u.unparsed)


def test_the_paper_kept_to_in_a_conditional_clause(full, full_catalog):
    a = full.ask("只看 paper 的话，Meta 有哪些编码器")
    want = _ids(full_catalog, lambda e: e.in_paper and _meta(e) and e.architecture.value == "encoder")
    assert set(a.models) == want, sorted(set(a.models) ^ want)


def test_a_verb_of_leaving_out_that_ends_a_clause_takes_the_phrase_before_it(full):
    for q, family, lab in [("微软的模型（Phi 系列不算）", "Phi", "Microsoft"), ("谷歌的模型，Gemma 系列不要", "Gemma", "Google"),
                           ("OpenAI 的模型，GPT 系列排除在外", "GPT", "OpenAI"), ("Meta 的模型里 LLaMA 系列先不看", "LLaMA", "Meta")]:
        u = full._understand(q)
        assert ("family", (family,), True) in _leaves(u) and ("lab", (lab,), False) in _leaves(u), (q, u.where)
    u = full._understand("不算 Phi 系列，微软还有哪些模型")  # before its phrase the verb is still its cue
    assert ("family", ("Phi",), True) in _leaves(u), u.where


def test_the_paper_kept_to_by_a_verb_or_named_as_a_part_and_the_newcomers(full):
    for q, part in [("limit it to the paper: which decoders are from Meta?", "paper"),
                    ("sticking to the survey's models, which encoders are open?", "paper"),
                    ("models in the paper part that are not open", "paper"),
                    ("which of the newcomers are encoders?", "beyond"), ("new arrivals from Google", "beyond")]:
        u = full._understand(q)
        assert ("catalog", (part,), False) in _leaves(u) and not u.unparsed, (q, u.where, u.unparsed)
