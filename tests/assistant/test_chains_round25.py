"""Round 25 (chains area), in wordings other people would type (English and Chinese, simplified and traditional):

- one kin noun of another ("the predecessor of Code Llama's base model", "the base model of Qwen3's predecessor",
  X 的底座的前身, X 的前身的基座): the parent's own parent, reached through the parent, the model named only the way
  to it;
- rankings by how many catalog models derive from each ("which model has the most direct children?", "the model derived
  from most often", 被直接派生次数最多, 衍生模型最多; "the most descendants", 后代最多（所有代都算）: every generation);
- a lab pointed back to by a demonstrative and a noun of organisation after a question about a model's lab (那个机构还有
  哪些模型, 那個團隊還有什麼模型, 该实验室还有哪些, 那家机构还做过什么): the lab's other models;
- descendants asked of the model discussed with the pronoun before the noun ("which descendants does it have?", 它有哪些
  后代？（所有代）, 它有哪些後代？（所有世代）): every generation, as for a model named; "direct children" stays one;
- a comparison of release with a model named by its first version ("newer than the original LLaMA", "released after
  the original GPT", "older than the first T5", 比初代 LLaMA 新的模型, 比第一代 LLaMA 更新的): the model's date bounds the set;
- the labs of one model asked with a lab said as known ("who else worked on it besides Hugging Face?", "which labs apart
  from Stanford worked on Vicuna?", 除了 Hugging Face 还有谁参与了它): the model's other labs, not a set of other models;
- a model said not to be a fine-tune ("decoders that are not fine-tuned", "encoders that weren't fine-tuned", 从头预训练
  （不是微调出来）的, 从零开始预训练的): trained from scratch (the catalog's fine-tuning flag, no); "not fine-tuned from X" stays
  a lineage;
- the additions named with hyphens before the noun ("the beyond-paper models", "beyond-the-survey entries"): the part
  since the paper, also under a negation of another field;

Expected models come from the catalog's own derived-from links.
"""

from __future__ import annotations

import pytest


def _ask_after(full, history, question):
    from assistant import Session

    session = Session()
    for turn in history:
        full.ask(turn, session)
    return full.ask(question, session)


@pytest.mark.parametrize("question, through, reached", [
    ("what's the predecessor of Code Llama's base model?", "llama-2", "llama"),
    ("what is the base model of Qwen3's predecessor", "qwen2.5", "qwen2"),
    ("Code Llama 的底座的前身是什么", "llama-2", "llama"),
    ("Gemma 3 的前身的基座是哪个模型", "gemma-2", "gemma"),
    ("Qwen3 的基座模型的前身是哪個", "qwen2.5", "qwen2"),
])
def test_a_kin_of_a_kin_is_the_parents_parent(full, question, through, reached):
    answer = full.ask(question)
    assert answer.query["models"] == [through] and answer.query["hop_depth"] == 1, answer.query
    assert answer.models == [reached], answer.text


@pytest.mark.parametrize("question, field, winner, shown", [
    ("which model has the most direct children?", "children", "bert", "12"),
    ("what model was derived from most often?", "children", "bert", "ModernBERT"),
    ("which Meta model has spawned the most derivatives?", "children", "llama", "Vicuna"),
    ("which model has the most descendants across all generations?", "descendants", "gpt", "33"),
    ("哪个模型被微调的次数最多", "children", "bert", "ELECTRA"),
    ("哪個模型的衍生模型最多", "children", "bert", "12"),
    ("Meta 的模型里哪个的子模型最多", "children", "llama", "Alpaca"),
    ("哪个模型的后代最多（所有代都算）", "descendants", "gpt", "33"),
    ("most derived-from model?", "children", "bert", "12"),
    ("which model got fine-tuned into the most other models", "children", "bert", "DistilBERT"),
    ("which model is the base for the most other models", "children", "bert", "12"),
    ("哪個模型被拿來當基座最多次", "children", "bert", "RoBERTa"),
])
def test_a_ranking_by_how_many_models_derive_from_each(full, question, field, winner, shown):
    answer = full.ask(question)
    sup = answer.query["superlative"]
    assert sup and sup["field"] == field and sup["largest"], answer.query
    assert not [c for c in answer.query["where"]["items"] if c.get("facet") in ("derived", "descends")], answer.query
    assert answer.models[0] == winner and shown in answer.text, answer.text


def test_a_top_by_number_of_children(full):
    answer = full.ask("the top 3 models by number of direct children")
    assert answer.query["superlative"]["field"] == "children" and answer.models[:2] == ["bert", "gpt-3"], answer.text


@pytest.mark.parametrize("history, question, lab_model, member", [
    (["Chinchilla 是哪个实验室做的"], "那个机构还有哪些模型", "chinchilla", "gopher"),
    (["Whisper 是哪家公司的？"], "那個團隊還有什麼模型？", "whisper", "clip"),
    (["Chinchilla 是谁做的"], "该实验室还有哪些", "chinchilla", "gato"),
    (["Chinchilla 是谁做的"], "那家机构还做过什么", "chinchilla", "sparrow"),
    (["Chinchilla 是谁做的"], "这家实验室还有别的模型吗", "chinchilla", "gopher"),
])
def test_that_lab_said_with_a_noun_of_organisation(full, history, question, lab_model, member):
    answer = _ask_after(full, history, question)
    assert member in answer.models and lab_model not in answer.models, answer.text


@pytest.mark.parametrize("history, question, deep, model, grandchild", [
    (["tell me about LLaMA"], "which descendants does it have?", True, "llama", "code-llama"),
    (["介绍一下 LLaMA"], "它有哪些后代？（每一代都算）", True, "llama", "llava"),
    (["介紹一下 GPT-3"], "它有哪些後代？（所有世代）", True, "gpt-3", "chatgpt"),
    (["tell me about LLaMA"], "which direct children does it have?", False, "llama", "code-llama"),
    (["介绍一下 LLaMA"], "它有哪些直接后代", False, "llama", "llava"),
])
def test_descendants_of_the_model_discussed(full, history, question, deep, model, grandchild):
    answer = _ask_after(full, history, question)
    facets = {c.get("facet"): c.get("values") for c in answer.query["where"]["items"]}
    assert facets.get("descends" if deep else "derived") == [model], answer.query
    assert (grandchild in answer.models) == deep and model not in answer.models, answer.text


@pytest.mark.parametrize("question, left", [
    ("which beyond-paper models were not instruction tuned", "instruction-tuning"),
    ("which beyond-the-survey entries aren't decoders?", None),
    ("how many beyond-paper models are from Google?", None),
])
def test_the_additions_named_with_hyphens(full, question, left):
    answer = full.ask(question)
    part = [c for c in answer.query["where"]["items"] if c.get("facet") == "catalog"]
    assert part and part[0]["values"] == ["beyond"], answer.query
    assert answer.models and all(full.catalog.models[m].in_paper is False for m in answer.models), answer.models
    if left:
        assert all(left not in [o.value for o in full.catalog.models[m].objectives] for m in answer.models)


@pytest.mark.parametrize("question, model, op, member, lab", [
    ("meta models newer than the original llama", "llama", "ge", "llama-2", "Meta"),
    ("openai models released after the original GPT", "gpt", "ge", "gpt-2", "OpenAI"),
    ("google models older than the first T5", "t5", "le", "bert", "Google"),
    ("Meta 比初代 LLaMA 新的模型有哪些", "llama", "ge", "code-llama", "Meta"),
    ("比第一代 LLaMA 更新的 Meta 模型", "llama", "ge", "llama-3", "Meta"),
])
def test_a_release_compared_with_a_models_first_version(full, question, model, op, member, lab):
    answer = full.ask(question)
    dates = [c for c in answer.query["where"]["items"] if c.get("facet") == "date"]
    assert dates and dates[0]["via"] == model and dates[0]["op"] == op, answer.query
    assert member in answer.models and model not in answer.models, answer.text
    assert all(lab in full.catalog.models[m].lab_keys for m in answer.models), answer.models


@pytest.mark.parametrize("history, question, model, shown, left", [
    (["tell me about StarCoder"], "who else worked on it besides hugging face?", "starcoder", ["BigCode", "ServiceNow"], "Hugging Face"),
    ([], "which labs apart from Stanford worked on Vicuna?", "vicuna", ["UC Berkeley", "MBZUAI"], "Stanford"),
    (["tell me about Vicuna"], "who else was involved in it besides UC Berkeley?", "vicuna", ["Stanford", "CMU"], "UC Berkeley"),
    ([], "除了 Hugging Face，还有哪些机构参与了 StarCoder？", "starcoder", ["BigCode", "ServiceNow"], "Hugging Face"),
    (["介绍一下 StarCoder"], "除了 Hugging Face 还有谁参与了它", "starcoder", ["BigCode", "ServiceNow"], "Hugging Face"),
    (["tell me about BLOOM"], "who else besides Hugging Face made it?", "bloom", ["BigScience"], "Hugging Face"),
    ([], "who else apart from Stanford built Alpaca?", "alpaca", ["alone"], "Stanford"),
])
def test_the_other_labs_of_one_model(full, history, question, model, shown, left):
    answer = _ask_after(full, history, question)
    assert answer.models == [model] and answer.query["labs_besides"] == [left], answer.query
    first = answer.text.split("\n")[0]
    assert all(x in first for x in shown), answer.text


def test_a_set_with_a_lab_left_out_stays_a_set(full):
    answer = full.ask("which labs besides Google built encoders?")
    assert not answer.query["labs_besides"] and len(answer.models) > 3, answer.query


@pytest.mark.parametrize("question, kept, left", [
    ("decoder models that are not fine-tuned", "gpt-3", "alpaca"),
    ("which encoders weren't fine-tuned and aren't from Google?", "roberta", "e5"),
    ("从头预训练（不是微调出来）的 decoder 模型里，哪些不是用自回归目标训练的", "xlnet", "flan-palm"),
    ("从零开始预训练的 decoder 有哪些", "gpt-3", "vicuna"),
])
def test_not_a_fine_tune_is_trained_from_scratch(full, question, kept, left):
    answer = full.ask(question)
    flags = [c for c in answer.query["where"]["items"] if c.get("facet") == "finetuned"]
    assert flags and flags[0]["values"] == ["no"], answer.query
    assert kept in answer.models and left not in answer.models, answer.models


def test_not_fine_tuned_from_a_model_stays_a_lineage(full):
    answer = full.ask("models not fine-tuned from LLaMA")
    assert not [c for c in answer.query["where"]["items"] if c.get("facet") == "finetuned"], answer.query
