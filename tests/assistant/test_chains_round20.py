"""Round 20 (chains area), in wordings other people would type (English and Chinese):

- whether a model may be used, asked as a use rather than by the word licence: "is X free to use?", 能随便用吗,
  拿来做商业产品, 放进公司产品里, 自己部署 / 私有化部署 (weights one runs oneself), and "X 的 license" said with the
  English word (the model's own licence, not a licence named after the model); running a model oneself is a how-to,
  but whether the licence allows it is a catalog question;
- the first author said short (一作);

Expected values come from the catalog's own fields.
"""

from __future__ import annotations

import json

import pytest

from assistant.query import Intent


def _licence_shown(full, answer, model):
    entry = full.catalog.models[model]
    return entry.license in answer.text


@pytest.mark.parametrize("question, model", [
    ("is OPT free to use?", "opt"),
    ("can I use Alpaca freely?", "alpaca"),
    ("OPT 能随便用吗", "opt"),
    ("Alpaca 可以自由使用吗", "alpaca"),
    ("OPT 的权重能拿来做商业产品吗", "opt"),
    ("我们想把 Alpaca 放进公司产品里，行吗", "alpaca"),
    ("Gopher 可以私有化部署吗", "gopher"),
    ("打算把 Gopher 部署到自己的服务器上，它的权重能下载吗", "gopher"),
    ("OPT 的 license 属于哪一类", "opt"),
])
def test_a_use_asked_is_the_licence(full, question, model):
    answer = full.ask(question)
    assert not answer.abstained and model in answer.models, answer.text
    assert _licence_shown(full, answer, model), answer.text
    asked = "license" in answer.query["attributes"] or '"facet": "license"' in json.dumps(answer.query)
    assert asked, answer.text
    assert answer.query["intent"] != "list", answer.text


def test_a_how_to_without_the_licence_stays_out_of_scope(full):
    assert full.ask("怎么部署 OPT，显存要多少").abstained


@pytest.mark.parametrize("question, author", [
    ("Colin Raffel 一作的模型有哪些", "Colin Raffel"),
    ("哪些论文是 Alec Radford 一作", "Alec Radford"),
])
def test_first_author_said_short(full, question, author):
    answer = full.ask(question)
    lookup = answer.query.get("lookup") or {}
    assert lookup.get("value") == author and lookup.get("first"), answer.text
    expected = {m for m, e in full.catalog.models.items() if e.paper and e.paper.authors and e.paper.authors[0] == author}
    assert expected and set(answer.models) == expected, answer.text


def _descendants(full, root):
    found, todo = set(), [root]
    while todo:
        cur = todo.pop()
        for m, e in full.catalog.models.items():
            if cur in e.derived_from and m not in found:
                found.add(m)
                todo.append(m)
    return found


@pytest.mark.parametrize("question, root", [
    ("walk the family tree from BART down", "bart"),
    ("starting at T5, list everything descending from it", "t5"),
    ("show me everything from Gopher downwards", "gopher"),
    ("从 GPT-3 往下梳理它的家族树", "gpt-3"),
    ("把 T5 往下的所有分支都列出来", "t5"),
])
def test_a_line_followed_down_is_every_descendant(full, question, root):
    answer = full.ask(question)
    assert set(answer.models) == _descendants(full, root), answer.text


def test_a_line_down_to_another_model_is_still_a_path(full):
    answer = full.ask("from GPT-1 down to ChatGPT, how did the line evolve?")
    assert "chatgpt" in answer.models and "gpt-3" in answer.models and "opt" not in answer.models, answer.text


# -- a ranking's winner, then a step from it ------------------------------------------------------------------------


def _winner(full, question):
    answer = full.ask(question)
    return answer, answer.models[0] if answer.models else None


@pytest.mark.parametrize("question", [
    "which model is the newest Google model derived from?",
    "the oldest model from Stanford was fine-tuned from what?",
    "what's the base model of the smallest DPO-trained model?",
    "最新的模型的父模型是什么",
    "斯坦福最早的那个模型是基于哪个模型的",
])
def test_the_parents_of_a_rankings_winner(full, question):
    answer, winner = _winner(full, question)
    assert answer.query["winner_kin"], answer.text
    parents = [p for p in full.catalog.models[winner].derived_from if p in full.catalog.models]
    assert parents and set(parents) <= set(answer.models[1:]), answer.text
    assert any(full.catalog.models[p].name in answer.text for p in parents), answer.text


def test_a_field_of_the_winners_parent(full):
    answer, winner = _winner(full, "who built the parent of the newest Google model?")
    parent = full.catalog.models[full.catalog.models[winner].derived_from[0]]
    assert parent.id in answer.models and parent.labs[0] in answer.text, answer.text


def test_a_parent_as_a_condition_of_the_set_is_no_winner_kin(full):
    assert not full.ask("what is the largest model with a parent?").query.get("winner_kin")
    assert not full.ask("which is the largest model derived from LLaMA?").query.get("winner_kin")


@pytest.mark.parametrize("question", [
    "who made the oldest model in the catalog, and what else did they release?",
    "which lab built the largest model, and what other models did that lab make?",
    "最新的模型是哪个机构做的，这个机构还做了哪些模型",
])
def test_the_other_models_of_the_winners_lab(full, question):
    answer, winner = _winner(full, question)
    w = full.catalog.models[winner]
    others = {m for m, e in full.catalog.models.items() if m != winner and set(e.labs) & set(w.labs)}
    assert answer.query["winner_others"] and not answer.clarification, answer.text
    assert others <= set(answer.models), answer.text


@pytest.mark.parametrize("question, anchor", [
    ("what's the newest model from the same lab as Chinchilla?", "chinchilla"),
    ("how large is the biggest model made by the lab behind Jamba?", "jamba"),
])
def test_the_model_a_ranked_set_is_defined_through_is_shown(full, question, anchor):
    answer = full.ask(question)
    assert anchor in answer.models and full.catalog.models[anchor].labs[0] in answer.text, answer.text


@pytest.mark.parametrize("question, found", [
    ("the Amazon model that was released in March 2022 was fine-tuned from which model?", "dq-bart"),
    ("The MoE model with 47B total parameters is based on which model, and how big is that one?", "mixtral-8x7b"),
    ("总参数 47B 的那个 MoE 模型是基于哪个模型的？那个模型有多大", "mixtral-8x7b"),
])
def test_the_parents_of_the_one_model_a_set_finds(full, question, found):
    answer = full.ask(question)
    parents = [p for p in full.catalog.models[found].derived_from if p in full.catalog.models]
    assert answer.models[:1] == [found] and set(parents) <= set(answer.models), answer.text
    assert answer.query["winner_kin"], answer.text


def test_a_field_asked_after_the_lineage_words_is_the_parents(full):
    answer = full.ask("The MoE model with 47B total parameters is based on which model, and how big is that one?")
    parent = full.catalog.models[full.catalog.models["mixtral-8x7b"].derived_from[0]]
    assert f"{parent.name} has {parent.params.raw} parameters" in answer.text, answer.text


@pytest.mark.parametrize("question, start", [
    ("who built the model Code Llama's base model was derived from?", "code-llama"),
    ("when was the model that Flamingo's parent model was trained from released?", "flamingo"),
])
def test_the_model_a_kin_was_itself_built_from(full, question, start):
    answer = full.ask(question)
    assert answer.query["hop_from"] == start and answer.query["hop_depth"] == 2, answer.text


@pytest.mark.parametrize("question, lab, left", [
    ("Google models except the original Gemma", "Google", "gemma"),
    ("Meta models apart from the first LLaMA", "Meta", "llama"),
    ("阿里的模型，第一代 Qwen 除外", "Alibaba", "qwen"),
])
def test_the_first_generation_left_out_is_the_model_named(full, question, lab, left):
    answer = full.ask(question)
    assert left not in answer.models and len(answer.models) > 1, answer.text
    assert {"model": left, "descendants": False} in answer.query["exclude"], answer.text


@pytest.mark.parametrize("question, model", [
    ("was Alpaca tuned from LLaMA?", "alpaca"),
    ("Zephyr 是在 Mistral 7B 上微调出来的吗", "zephyr"),
])
def test_a_confirmed_parent_quotes_how_the_model_was_made_from_it(full, question, model):
    answer = full.ask(question)
    e = full.catalog.models[model]
    parent = full.catalog.models[e.derived_from[0]]
    noted = next(p for p in e.key_points if parent.name.lower() in p.lower())
    assert noted in answer.text, answer.text


@pytest.mark.parametrize("question, model, facet", [
    ("Alpaca is a 13B model — what is it fine-tuned from?", "alpaca", "size"),
    ("Zephyr is an encoder-decoder. What was it built on?", "zephyr", "architecture"),
])
def test_a_clause_asserted_before_a_lineage_question_is_a_premise(full, question, model, facet):
    answer = full.ask(question)
    premises = answer.query["premises"]
    assert premises and premises[0]["model"] == model and premises[0]["constraint"]["facet"] == facet, answer.text
    assert not answer.query["where"]["items"], answer.text
    parents = full.catalog.models[model].derived_from
    assert model in answer.models and set(parents) <= set(answer.models), answer.text


@pytest.mark.parametrize("question, lab", [
    ("which models have a parent that is a Google model?", "Google"),
    ("which models has a parent which was a Meta model?", "Meta"),
])
def test_a_parent_said_with_have_that_is_a_set(full, question, lab):
    answer = full.ask(question)
    line = [c for c in answer.query["where"]["items"] if c.get("facet") == "derived"]
    assert line and lab in (line[0]["of"] or ""), answer.text
    expected = {m for m, e in full.catalog.models.items() if set(e.derived_from) & set(line[0]["values"])}
    assert expected and set(answer.models) == expected, answer.text


def test_additions_whose_parent_is_in_the_paper(full):
    answer = full.ask("which of the additions have a parent that's one of the paper's 77 models?")
    paper = {m for m, e in full.catalog.models.items() if e.in_paper}
    expected = {m for m, e in full.catalog.models.items() if not e.in_paper and set(e.derived_from) & paper}
    assert set(answer.models) == expected, answer.text


@pytest.mark.parametrize("question", [
    "what data was Flamingo's parent model trained on?",
    "Flamingo 的父模型是用什么数据训练的？",
])
def test_a_kin_trained_on_data_is_still_one_hop(full, question):
    answer = full.ask(question)
    assert answer.query["hop_depth"] == 1 and answer.models[-1] == "chinchilla", answer.text


@pytest.mark.parametrize("question, start", [
    ("what is Flamingo's parent derived from?", "flamingo"),
    ("what did Sparrow's base model come from?", "sparrow"),
    ("Flamingo 的父模型又是基于哪个模型的", "flamingo"),
])
def test_the_lineage_of_a_models_parent(full, question, start):
    answer = full.ask(question)
    parent = full.catalog.models[start].derived_from[0]
    grand = set(full.catalog.models[parent].derived_from)
    assert answer.query["hop_from"] == start and answer.query["models"] == [parent], answer.text
    assert grand and grand <= set(answer.models), answer.text


def test_a_models_own_parent_is_no_hop(full):
    answer = full.ask("Vicuna 又是基于哪个模型的")
    assert answer.query.get("hop_from") is None and answer.models == ["llama"], answer.text


def test_a_fine_tune_as_a_condition_of_the_set_asks_no_parent(full):
    answer = full.ask("which Allen Institute for AI models are a fine-tune of another model?")
    assert not answer.query.get("winner_kin"), answer.text


def test_a_model_a_date_is_relative_to_is_not_listed(full):
    answer = full.ask("Which model came out right before DeepSeek-R1 in the catalog?")
    assert "deepseek-r1" not in answer.models, answer.text
