"""Two-hop questions (round 19), in wordings other people would type (English and Chinese):

- a kin noun asked with 是谁 / 是哪个 asks which model it is, not who made it ("Alpaca 的上一代模型是谁");
- a field asked of a model's parent said with 父模型是 / 基础模型是 before the question ("父模型是什么时候发布的"), through
  the teacher (教师模型, 老师模型), the model used underneath (底层用的模型), or in training tokens (训练 token);
- the parent and the parent's parent asked together (父模型的父模型, "its parent's parent");
- a count of a model's parents after its name ("Dolly 的两个父模型") is no version of the name, and a ranking over a
  model's parents ("which of Dolly's two parents is bigger?") names the one that wins;
- a parent introduced by a clause and pointed back to ("HTLM grew out of an earlier model. When was that earlier model
  released?", "builds on another catalog model", "Alpaca fine-tunes which model, and when did that model come out?");
- "the same lab" / "those labs" with one model named in the question is that model's lab ("Apart from Gopher, what else did
  the same lab build?");
- the part one model uses, said before the model ("the image encoder LLaVA relies on");
- "from which base models" asks the parents, not the lab; the lab that made a model said with a resultative verb (做出 X 的那个实验室);
- a count after a name and 的 ("LLaMA 的三个尺寸") is no version of the name.

Expected sets come from the catalog's own fields.
"""

from __future__ import annotations

import pytest

from assistant.query import Intent


def _parents(full, m):
    return list(full.catalog.models[m].derived_from)


@pytest.mark.parametrize("question, model", [
    ("Alpaca 的上一代模型是谁", "alpaca"),
    ("Flan-T5 的直接父模型是谁呀", "flan-t5"),
    ("Zephyr 的基础模型是谁？", "zephyr"),
])
def test_a_kin_noun_asked_with_who_is_the_model(full, question, model):
    answer = full.ask(question)
    assert answer.intent is Intent.LINEAGE and set(answer.models) == set(_parents(full, model)), answer.text


@pytest.mark.parametrize("question, model, attribute", [
    ("Alpaca 的父模型是什么时候发布的", "alpaca", "date"),
    ("Vicuna 的父模型是在什么语料上训练的？", "vicuna", "corpus"),
    ("Zephyr 的基础模型是由哪家机构做的", "zephyr", "labs"),
    ("DistilBERT 的教师模型是哪家机构开发的", "distilbert", "labs"),
    ("DistilBERT 的老师模型多大", "distilbert", "params"),
    ("Vicuna 底层用的模型是哪家机构的？", "vicuna", "labs"),
    ("Zephyr 底层的模型有多大？", "zephyr", "params"),
    ("Vicuna 的父模型用了多少训练 token？", "vicuna", "corpus"),
])
def test_a_field_of_the_parent_in_chinese(full, question, model, attribute):
    q = full._understand(question)
    assert q.hop_from == model and q.models == _parents(full, model) and attribute in q.attributes, q


@pytest.mark.parametrize("question", [
    "Code Llama 的父模型，还有父模型的父模型分别是什么",
    "What are Code Llama's parent and its parent's parent?",
])
def test_the_parent_and_the_grandparent_together(full, question):
    answer = full.ask(question)
    assert {"llama-2", "llama"} <= set(answer.models), answer.models


def test_later_models_of_a_model_then_a_ranking_among_them(ask):
    first = ask("BART 有哪些后续模型？")
    assert set(first.models) == {"mbart", "htlm", "dq-bart"}, first.models
    then = ask("BART 有哪些后续模型？", "其中哪个发布得最晚")
    assert then.models[:1] == ["dq-bart"], then.models


@pytest.mark.parametrize("question, model", [
    ("LLaMA 的三个尺寸分别多大", "llama"),
    ("MT-NLG 的两个父模型分别是谁做的", "mt-nlg"),
])
def test_a_count_after_a_name_and_its_possessive_is_no_version_of_it(full, question, model):
    q = full._understand(question)
    assert not q.unknown_names and model in (q.models + [q.hop_from]), q


@pytest.mark.parametrize("question, model, attribute", [
    ("HTLM grew out of an earlier model. When was that earlier model released?", "htlm", "date"),
    ("Flan-T5 builds on another catalog model; who built that model?", "flan-t5", "labs"),
    ("Zephyr refines which model, and when did that model come out?", "zephyr", "date"),
    ("RoBERTa revisits which model, and which lab made that original?", "roberta", "labs"),
])
def test_a_parent_introduced_by_a_clause_and_pointed_back_to(full, question, model, attribute):
    q = full._understand(question)
    assert q.hop_from == model and q.models == _parents(full, model) and attribute in q.attributes, q


def _lab_of(full, m):
    return set(full.catalog.models[m].org_names)


def _made_by(full, lab):
    return set(full.ask(f"Which models were built by {lab}?").models)


@pytest.mark.parametrize("question, model, lab", [
    ("Apart from Gopher, what else did the same lab build?", "gopher", "DeepMind"),
    ("GLM came out of Tsinghua. Which other models did that lab make?", "glm", "Tsinghua University"),
])
def test_the_same_lab_of_the_one_model_named(full, question, model, lab):
    answer = full.ask(question)
    assert answer.models and not answer.abstained, answer.text
    assert set(answer.models) == _made_by(full, lab) - {model}, answer.models


def test_released_after_a_model_by_its_own_lab(full):
    answer = full.ask("After BERT came out, what else did the same lab release?")
    bert = full.catalog.models["bert"]
    assert set(answer.models) == {m for m in _made_by(full, "Google") if full.catalog.models[m].date.key > bert.date.key}


def test_the_part_a_model_relies_on_said_before_it(full):
    q = full._understand("Which lab made the image encoder LLaVA relies on, and in what year?")
    assert q.hop_from == "llava" and q.models == ["clip"] and {"labs", "date"} <= set(q.attributes), q


@pytest.mark.parametrize("question", [
    "Dolly 的两个父模型里哪个更大？",
    "Which of Dolly's two parents is bigger?",
    "Of the models Dolly was built from, which one is largest?",
])
def test_a_ranking_over_the_parents_of_a_model(full, question):
    q = full._understand(question)
    assert not q.unknown_names, q.unknown_names
    answer = full.ask(question)
    assert answer.models[:1] == ["pythia"] and "gpt-j" not in answer.models[:1], answer.text


@pytest.mark.parametrize("question, model, attribute", [
    ("Alpaca 的父模型是用什么数据训练的？", "alpaca", "corpus"),
])
def test_the_parent_s_training_data_asked_with_a_verb_of_using(full, question, model, attribute):
    q = full._understand(question)
    assert q.hop_from == model and q.models == _parents(full, model) and attribute in q.attributes, q


def test_the_lab_that_made_a_model_said_with_a_resultative_verb(full):
    answer = full.ask("做出 Gopher 的那个实验室，最新的模型是哪个？")
    wanted = full.ask("DeepMind 最新的模型是哪个？")
    assert answer.models[:1] == wanted.models[:1] and answer.models, answer.text


@pytest.mark.parametrize("question, model", [
    ("Alpaca was fine-tuned from which base model?", "alpaca"),
    ("Dolly came from which parent models?", "dolly"),
])
def test_from_which_base_models_is_no_question_of_the_lab(full, question, model):
    q = full._understand(question)
    assert q.intent is Intent.LINEAGE and "labs" not in q.attributes, q


@pytest.mark.parametrize("question, model", [
    ("Dolly was tuned from which earlier models?", "dolly"),
    ("MT-NLG was built on which older models?", "mt-nlg"),
])
def test_a_comparative_before_the_noun_asks_the_parents_unranked(full, question, model):
    answer = full.ask(question)
    assert set(answer.models) == set(_parents(full, model)), answer.text
