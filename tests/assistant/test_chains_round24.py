"""Round 24 (chains area), in wordings other people would type (English and Chinese):

- lineage in the used-by direction: "which models use X?", "what is X used by?", "X was later reused by which
  models?", X 又被哪些模型拿去用了 / X 又被哪些模型拿去微调了: X's children, X itself not among them;
- a part of a model said as its chat model or its language part ("who made the chat model that LLaVA uses as its
  language part?", "the language part of LLaVA"): the parent the model's architecture note names as that part;
- the ones built on a model, left out ("other than the ones built on Chinchilla", 除了基于 X 的那些): its descendants,
  the model itself kept ("not built on X" still leaves out X's whole line);
- a family restated by its members in a bracket ("except the Gopher family (Gopher, GopherCite)", Gopher 家族（Gopher、
  GopherCite）): the members named are left out (or listed) with the family;
- a way of training denied with 不靠 / 不依靠 (不靠 MLM 预训练的编码器): a negation, as 不用 is;
- a follow-up that keeps the paper's own part of the previous list said as 论文原本就收录的 / 最初收录的.

Expected sets come from the catalog's own derived-from links and parts.
"""

from __future__ import annotations

import pytest


def _ask_after(full, history, question):
    from assistant import Session

    session = Session()
    for turn in history:
        full.ask(turn, session)
    return full.ask(question, session)


@pytest.mark.parametrize("question, children, named", [
    ("which models use Vicuna?", {"llava"}, "vicuna"),
    ("what is CLIP used by?", {"dall-e-2", "llava"}, "clip"),
    ("Vicuna was later reused by which models?", {"llava"}, "vicuna"),
    ("which catalog models make use of CLIP?", {"dall-e-2", "llava"}, "clip"),
    ("CLIP 又被哪些模型拿去用了", {"dall-e-2", "llava"}, "clip"),
    ("Mistral 7B 又被哪些模型拿去微调了", {"zephyr", "mixtral-8x7b"}, "mistral-7b"),
])
def test_used_by_lists_the_children(full, question, children, named):
    answer = full.ask(question)
    derived = [c for c in answer.query["where"]["items"] if c.get("facet") == "derived"]
    assert derived and derived[0]["values"] == [named], answer.query
    assert set(answer.models) == children, answer.text


def test_using_a_technique_is_no_lineage(full):
    answer = full.ask("which models use GQA?")
    assert not [c for c in answer.query["where"]["items"] if c.get("facet") in ("derived", "descends")], answer.query


@pytest.mark.parametrize("question, reached, shown", [
    ("who made the chat model that LLaVA uses as its language part?", "vicuna", "Berkeley"),
    ("how big is the chat model LLaVA relies on?", "vicuna", "13B"),
    ("which lab trained the language part of LLaVA?", "vicuna", "Berkeley"),
])
def test_a_field_of_the_part_a_named_model_uses(full, question, reached, shown):
    answer = full.ask(question)
    assert answer.query["hop_from"] == "llava" and answer.query["models"] == [reached], answer.query
    assert shown in answer.text, answer.text


@pytest.mark.parametrize("question", [
    "不靠掩码语言建模预训练的编码器有哪些",
    "encoder 里不靠 MLM 训练的有哪些",
])
def test_bu_kao_negates_the_objective(full, question):
    answer = full.ask(question)
    assert "electra" in answer.models and "bert" not in answer.models, answer.text


@pytest.mark.parametrize("follow", ["这里面哪些是论文原本就收录的", "其中哪些是论文最初收录的"])
def test_the_papers_part_said_as_originally_included(full, follow):
    answer = _ask_after(full, ["哪些模型直接源自 LLaMA？"], follow)
    assert set(answer.models) == {"alpaca", "vicuna", "openassistant-llama"}, answer.text


@pytest.mark.parametrize("question, kept, left", [
    ("Google decoders except the ones built on PaLM", {"palm", "glam", "lamda"}, {"flan-palm", "minerva", "palm-2"}),
    ("DeepMind models apart from those based on Gopher", {"gopher", "alphafold", "gato"},
     {"chinchilla", "gophercite", "flamingo", "sparrow"}),
    ("除了基于 Chinchilla 的那些，DeepMind 还有哪些模型", {"chinchilla", "gopher"}, {"flamingo", "sparrow"}),
])
def test_the_ones_built_on_a_model_left_out_keep_the_model(full, question, kept, left):
    answer = full.ask(question)
    assert kept <= set(answer.models) and not left & set(answer.models), answer.text


def test_not_built_on_still_leaves_out_the_whole_line(full):
    answer = full.ask("Meta models not built on LLaMA")
    assert "llama" not in answer.models and "llama-2" not in answer.models, answer.text


@pytest.mark.parametrize("question, left", [
    ("DeepMind models besides the Chinchilla family (Chinchilla, Sparrow)", {"chinchilla", "sparrow"}),
    ("除了 Chinchilla 家族（Chinchilla、Sparrow）以外，DeepMind 还有哪些模型", {"chinchilla", "sparrow"}),
])
def test_a_family_restated_by_its_members_leaves_them_all_out(full, question, left):
    answer = full.ask(question)
    assert answer.query["intent"] == "list", answer.query
    assert {"alphafold", "gopher"} <= set(answer.models) and not left & set(answer.models), answer.text


def test_a_family_restated_by_its_members_lists_them(full):
    answer = full.ask("list the Gopher family (Gopher, GopherCite)")
    assert set(answer.models) == {"gopher", "gophercite"}, answer.text


@pytest.mark.parametrize("history, follow, model, shown", [
    ("how many sizes does LLaMA come in?", "what about Llama 2?", "llama-2", "**3**"),
    ("LLaMA 有几个尺寸", "Llama 2 呢", "llama-2", "**3** 个尺寸"),
    ("how many dense sizes does Qwen2 come in?", "and Qwen2.5?", "qwen2.5", "**7** dense sizes"),
])
def test_a_count_of_sizes_carried_to_the_next_model(full, history, follow, model, shown):
    answer = _ask_after(full, [history], follow)
    assert answer.query["models"] == [model] and answer.query["owned_count"] == "params", answer.query
    assert shown in answer.text, answer.text


def test_a_field_named_in_the_follow_up_is_asked_plainly(full):
    answer = _ask_after(full, ["how many sizes does LLaMA come in?"], "and who made Llama 2?")
    assert answer.query["owned_count"] is None and "Meta" in answer.text, answer.query


@pytest.mark.parametrize("question, winner", [
    ("what is Qwen's latest version?", "qwen3"),
    ("which is the first release of Gemma?", "gemma"),
    ("Gemma 最新一代是哪个", "gemma-3"),
    ("Qwen 最早一代是哪个", "qwen"),
])
def test_a_generation_of_a_family_ranked_by_date(full, question, winner):
    answer = full.ask(question)
    assert answer.query["superlative"]["field"] == "date", answer.query
    assert answer.models == [winner], answer.text


@pytest.mark.parametrize("question, winner, lab", [
    ("which is the most recent of Google's Qwen models?", "qwen3", "Alibaba"),
    ("Meta 的 Gemma 最新一代是哪个", "gemma-3", "Google"),
])
def test_a_family_ranked_under_a_wrong_lab_is_corrected_then_ranked(full, question, winner, lab):
    answer = full.ask(question)
    assert winner in answer.models and lab in answer.text, answer.text
