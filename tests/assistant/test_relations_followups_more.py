"""More kinds of question, each in several wordings: a descendant word anywhere in a question about one
model ("which descendants does ViT have?"), a model's whole lineage ("the lineage of X", "what is X
derived from, and what's that derived from?"), a lineage to a set described by a relative clause ("derived
from a model that's in the original paper"), a quoted title after a contraction ("what's the '...'
paper?"), the catalog's "other" architecture asked by name and answered with the entry's own note,
Chinese names written with a space before the version ("悟道 2.0"), a follow-up that narrows with a
trailing "only" (and 只看), a follow-up that compares a new model with the one just discussed, and the
vocabulary size in Chinese (not recorded). Expected sets come from the catalog's own fields."""

from __future__ import annotations

import re

import pytest

from assistant.session import Session
from tests.assistant.lineage import ancestors as _ancestors, children, descendants as _descendants


def _turns(assistant, *questions):
    session = Session()
    return [assistant.ask(q, session) for q in questions][-1]


DESCENDANT_WORDS = [
    ("which descendants does ViT have", "vit"),
    ("ViT: what descendants are in the catalog?", "vit"),
    ("GPT-3 has had which descendants?", "gpt-3"),
    ("do you know any offspring of T5 in there", "t5"),
    ("ViT 有哪些后代模型", "vit"),
    ("LLaMA 都有哪些后代", "llama"),
]


@pytest.mark.parametrize("question, model", DESCENDANT_WORDS)
def test_a_descendant_word_anywhere_asks_for_descendants(full, question, model):
    answer = full.ask(question)
    assert set(answer.models) == _descendants(full.catalog, model), question


def test_direct_keeps_the_children_only(full):
    answer = full.ask("BERT 的直接后代有哪些")
    assert set(answer.models) == children(full.catalog, "bert")


def test_an_excluded_model_with_its_descendants_is_still_excluded(full):
    answer = full.ask("Google encoder-decoder models, excluding T5 and its descendants")
    assert "t5" not in answer.models and not set(answer.models) & _descendants(full.catalog, "t5")


LINEAGE_ALL = [
    ("what is the lineage of Swin Transformer?", "swin-transformer"),
    ("what's the lineage of Vicuna", "vicuna"),
    ("what is DeepSeek-R1 derived from, and what's that derived from?", "deepseek-r1"),
    ("what is Alpaca based on, and what was that based on?", "alpaca"),
    ("ChatGPT's lineage please", "chatgpt"),
]


@pytest.mark.parametrize("question, model", LINEAGE_ALL)
def test_a_lineage_names_every_ancestor(full, question, model):
    answer = full.ask(question)
    assert answer.intent == "lineage" and set(answer.models) == _ancestors(full.catalog, model), question


SET_BY_CLAUSE = [
    "which of the additions are derived from a model that's in the original paper?",
    "additions built on a model from the original paper",
    "which models added since the paper are derived from a model that is in the paper's catalog?",
]


@pytest.mark.parametrize("question", SET_BY_CLAUSE)
def test_a_lineage_to_a_set_described_by_a_clause(full, question):
    cat = full.catalog
    expected = {m for m in cat.beyond_ids if set(cat.models[m].derived_from) - cat.beyond_ids}
    assert set(full.ask(question).models) == expected, question


def test_a_quoted_title_run_after_a_contraction(full):
    """Every title with a run of four words found in no other title: "what's the '<run>' paper?"."""
    titles = {e.id: e.paper.title for e in full.catalog.models.values() if e.paper and e.paper.title}
    checked = 0
    for model, title in sorted(titles.items()):
        run = " ".join(w.strip(":,.!?") for w in title.split()[:4])
        if len(run.split()) < 4 or sum(run.lower() in t.lower() for t in titles.values()) != 1:
            continue
        answer = full.ask(f"what's the '{run}' paper?")
        assert answer.models[:1] == [model], (run, answer.models)
        checked += 1
    assert checked >= 30


def test_other_architecture_by_name(full):
    other = {e.id for e in full.catalog.models.values() if e.architecture.value == "other"}
    for q in ["which models have an architecture the catalog files as 'other'?", "which models have architecture 'other'",
              "models whose architecture the catalog classes as other"]:
        assert set(full.ask(q).models) == other, q


def test_other_architecture_is_explained_by_the_entry_note(full):
    for e in [e for e in full.catalog.models.values() if e.architecture.value == "other" and e.architecture_note]:
        text = full.ask(f"what's the architecture of {e.name}").text
        assert e.architecture_note.split()[0] in text and "an other" not in text, e.id


def test_chinese_names_with_a_space_before_the_version(full):
    from assistant.lexicon import lexicon  # noqa: F401  (the reader's own names table)
    from assistant.chinese import load_zh_lexicon

    names = {k: v for k, v in load_zh_lexicon()["models"].items() if re.search(r"[\u4e00-\u9fff]\d", k)}
    assert names
    by_name = {e.name: e.id for e in full.catalog.models.values()}
    for key, name in names.items():
        spaced = re.sub(r"(?<=[\u4e00-\u9fff])(?=\d)", " ", key)
        assert full.ask(f"{spaced} 是谁开发的").models == [by_name[name]], spaced


NARROW_ONLY = [
    ("which models came out in 2022", "OpenAI only"),
    ("which models came out in 2022", "Google only please"),
    ("2022 年发布的模型有哪些", "只看 OpenAI 的"),
    ("2022 年发布的模型有哪些", "只看谷歌的"),
]


@pytest.mark.parametrize("first, then", NARROW_ONLY)
def test_a_trailing_only_narrows_the_previous_list(full, first, then):
    lab = "OpenAI" if "OpenAI" in then else "Google"
    answer = _turns(full, first, then)
    expected = {e.id for e in full.catalog.models.values() if e.date.year == 2022 and lab in e.org_names}
    assert set(answer.models) == expected, then


def test_only_alone_is_a_question_of_its_own(full):
    assert set(full.ask("OpenAI only").models) == {e.id for e in full.catalog.models.values() if "OpenAI" in e.org_names}


COMPARE_NEXT = [
    ("how many parameters does Chinchilla have", "and compared with Gopher?", ["chinchilla", "gopher"]),
    ("Chinchilla 多少参数", "和 Gopher 比呢？", ["chinchilla", "gopher"]),
    ("when was BERT released", "what about compared to GPT-2?", ["bert", "gpt-2"]),
    ("who built T5", "and versus BART?", ["t5", "bart"]),
]


@pytest.mark.parametrize("first, then, pair", COMPARE_NEXT)
def test_compared_with_a_new_model_compares_with_the_one_discussed(full, first, then, pair):
    answer = _turns(full, first, then)
    assert answer.intent == "compare" and set(answer.models) == set(pair), then


def test_compare_leads_with_the_attribute_asked_before(full):
    answer = _turns(full, "when was BERT released", "what about compared to GPT-2?")
    assert answer.text.startswith("GPT-2 is newer")


@pytest.mark.parametrize("zh", ["T5 的词表有多大", "BERT 的词汇表有多少个词", "GPT-2 词表大小是多少"])
def test_vocabulary_size_is_not_recorded(full, zh):
    answer = full.ask(zh)
    assert answer.abstained and not answer.models


CITATION_AND_MORE = [
    ("Tell me the venue and arXiv id for the LLaVA paper, and its authors' institutions", "llava", "labs"),
    ("what is the arXiv id of the T5 paper and who built T5", "t5", "labs"),
    ("cite the Chinchilla paper and tell me how many parameters it has", "chinchilla", "params"),
]


@pytest.mark.parametrize("question, model, attribute", CITATION_AND_MORE)
def test_a_citation_also_states_the_other_fields_asked(full, question, model, attribute):
    e = full.catalog.models[model]
    answer = full.ask(question)
    assert answer.intent == "citation" and e.paper.title in answer.text
    asked = f"who built {e.name}?" if attribute == "labs" else f"how many parameters does {e.name} have?"
    fact = full.ask(asked).text.split(" [")[0]  # the same sentence a fact question gives
    assert attribute in answer.query["attributes"] and fact in answer.text, (question, fact)


def test_a_training_set_is_the_corpus(full):
    e = full.catalog.models["sam"]
    answer = full.ask("SAM: parameter count, training set, and lab")
    assert "corpus" in answer.query["attributes"] and e.corpus.split()[0] in answer.text


PICK_AMONG = [
    ("which of BERT, GPT-2 and T5 are encoders?", ["bert", "gpt-2", "t5"], lambda e: e.architecture.value == "encoder"),
    ("of BERT, GPT-2 and T5, which come from the original paper?", ["bert", "gpt-2", "t5"], lambda e: e.in_paper),
    ("Which of these are in the original catalog paper: LLaMA, Llama 2, BLOOM, Whisper, GPT-3.5?",
     ["llama", "llama-2", "bloom", "whisper", "gpt-3.5"], lambda e: e.in_paper),
    ("GPT-3, PaLM and Gopher, which have more than 200B parameters?", ["gpt-3", "palm", "gopher"],
     lambda e: e.params.max_millions > 200_000),
    ("which of BERT and T5 is from Google?", ["bert", "t5"], lambda e: "Google" in e.org_names),
    ("how many of T5, BART and Pegasus are encoder-decoders?", ["t5", "bart", "pegasus"],
     lambda e: e.architecture.value == "encoder-decoder"),
    ("BERT、GPT-2 和 T5 中哪些是编码器", ["bert", "gpt-2", "t5"], lambda e: e.architecture.value == "encoder"),
    ("在 GPT-3、PaLM 和 Gopher 之中，哪些超过 2000 亿参数", ["gpt-3", "palm", "gopher"],
     lambda e: e.params.max_millions > 200_000),
    ("T5、BART 和 Pegasus 中有几个是编码器-解码器", ["t5", "bart", "pegasus"], lambda e: e.architecture.value == "encoder-decoder"),
]


@pytest.mark.parametrize("question, named, test", PICK_AMONG)
def test_which_of_the_named_models_is_a_set_not_a_comparison(full, question, named, test):
    answer = full.ask(question)
    expected = {m for m in named if test(full.catalog.models[m])}
    assert answer.intent in ("list", "count", "fact") and set(answer.models) == expected, (question, answer.models)


def test_which_of_two_is_bigger_still_compares(full):
    assert full.ask("which of BERT and T5 is bigger?").intent == "compare"
    answer = full.ask("OPT or BLOOM, which has the more permissive licence?")
    assert answer.intent != "list" and set(answer.models) == {"opt", "bloom"}


def test_a_model_derived_word_is_one_lineage(full):
    answer = full.ask("BERT-derived models from Google")
    expected = {e.id for e in full.catalog.models.values() if "bert" in e.derived_from and "Google" in e.org_names}
    assert set(answer.models) == expected


def test_paper_plus_additions_is_both_parts(full):
    answer = full.ask("Open-licence models that can write code (paper + additions)")
    parts = {full.catalog.models[m].in_paper for m in answer.models}
    assert parts == {True, False}
