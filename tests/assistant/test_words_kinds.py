"""Kinds of the words area: a Chinese lexicon word that OpenCC's normalisation rewrites (序列 -> 串行,
向量 -> 矢量) is still found; Chinese questions about a fact the catalog does not record (the tokenizer,
how long training took, the energy it used, an ordering by the number of layers) are read as unrecorded;
English questions about the other things called transformers (the electrical device, the toys and films)
are off topic; "why ..." and "whats ..." about a named concept explain the concept."""

from __future__ import annotations

import pytest

from assistant.query import Intent


@pytest.fixture(scope="module")
def reader(full):
    return full.chinese


def test_every_gloss_key_is_found_in_normalised_text(reader):
    """The question is normalised before it is read; a key OpenCC rewrites must be found in its rewritten form."""
    from assistant.chinese import load_zh_lexicon, normalize

    lex = load_zh_lexicon()
    keys = [str(k) for table in lex["gloss"].values() for k in table]
    missing = [k for k in keys if normalize(k) not in reader.glosses]
    assert not missing, missing[:10]


@pytest.mark.parametrize("zh, en", [
    ("序列到序列架构的谷歌模型有哪些", "which Google encoder-decoder models are there?"),
    ("哪些模型用遮蔽语言模型做预训练", "which models are pretrained with masked language modeling?"),
])
def test_words_opencc_rewrites_read_as_in_english(full, reader, zh, en):
    def typed(q):
        return {k: v for k, v in q.model_dump(mode="json").items() if k not in ("text", "language", "reason", "unparsed", "closest")}

    got = typed(full.understander.understand(reader.read(zh).gloss))
    want = typed(full.understander.understand(en))
    assert want["where"]
    assert got == want


@pytest.mark.parametrize("zh", [
    "Pythia 的分词方式是什么",
    "训练 Jurassic-1 用了几天",
    "BLOOM 訓練時的耗電量有多大？",
    "Gopher 的训练时长是多少",
    "GPT-J 训练了多长时间",
    "把 GPT-J 和 GPT-NeoX-20B 按注意力头数排序",
    "按层数给 OPT 和 BLOOM 排个名",
    "Gopher 和 Chinchilla 按层数排个序",
])
def test_unrecorded_facts_asked_in_chinese_are_unrecorded(full, zh):
    answer = full.ask(zh)
    assert answer.query and answer.query["unrecorded"], answer.query
    assert answer.abstained


@pytest.mark.parametrize("q", [
    "my doorbell transformer hums, is the 24v winding burnt out?",
    "are Autobots stronger than Decepticons?",
    "which transformer toy should I get my nephew for his birthday",
    "is the new Transformers cartoon any good",
    "how many volts does a microwave oven transformer put out",
])
def test_other_transformers_are_off_topic(full, q):
    assert full.understander.understand(q).intent is Intent.OUT_OF_SCOPE


@pytest.mark.parametrize("q", [
    "transformer models trained on toy tasks",  # "models" keeps it on topic
    "which models can generate images?",
])
def test_model_questions_stay_on_topic(full, q):
    assert full.understander.understand(q).intent is not Intent.OUT_OF_SCOPE


@pytest.mark.parametrize("q, concept", [
    ("why would anyone use rotary position embeddings?", "rotary-position-embeddings"),
    ("why bother with knowledge distillation", "knowledge-distillation"),
    ("whats a mixture of experts", "mixture-of-experts"),
])
def test_why_and_whats_about_a_concept_explain_it(full, q, concept):
    query = full.understander.understand(q)
    assert query.intent is Intent.CONCEPT
    assert query.concept == concept


def _only(catalog, domain: str) -> set[str]:
    return {e.id for e in catalog.models.values() if [d.value for d in e.domains] == [domain]}


def _ids(full, q) -> set[str]:
    from assistant.retrieve import select

    return {e.id for e in select(full.catalog, q)}


@pytest.mark.parametrize("q, domain", [
    ("which newer ones do nothing but code", "code"),
    ("models used solely for vision, no text whatsoever", "vision"),
    ("models made for code, and nothing else", "code"),
])
def test_a_domain_said_to_be_the_only_one_is_the_models_one_domain(full, full_catalog, q, domain):
    query = full.understander.understand(q)
    assert _ids(full, query) == _only(full_catalog, domain)


@pytest.mark.parametrize("zh, domain", [("纯代码模型有哪些", "code"), ("仅限视觉领域、别的都不做的模型", "vision")])
def test_a_domain_said_to_be_the_only_one_in_chinese(full, full_catalog, reader, zh, domain):
    query = full.understander.understand(reader.read(zh).gloss, glossed=True)
    assert _ids(full, query) == _only(full_catalog, domain)


def test_nothing_but_without_a_domain_counts_no_domains(full):
    query = full.understander.understand("which models use nothing but attention layers")
    assert "domains" not in json_of(query)


def json_of(query) -> str:
    return query.model_dump_json()


@pytest.mark.parametrize("q, value", [
    ("models that paint pictures from a prompt", "image-generation"),
    ("which models render illustrations", "image-generation"),
])
def test_making_pictures(full, q, value):
    query = full.understander.understand(q)
    assert [c.values for c in query.where.items if getattr(c, "facet", "") == "domain"] == [[value]]


def test_the_form_of_an_answer_is_no_domain(full):
    query = full.understander.understand("which ones see images and text and reply in text but never generate images")
    assert [c.values for c in query.where.items if getattr(c, "facet", "") == "domain"] == [["vision-language"]]


@pytest.mark.parametrize("q", ["sort every model by its attention heads", "order the catalog by vocabulary size"])
def test_an_ordering_by_an_unrecorded_field_is_unrecorded(full, q):
    answer = full.ask(q)
    assert answer.abstained and answer.query["unrecorded"]


@pytest.mark.parametrize("q", ["what are attention heads?", "how do attention heads work"])
def test_an_unrecorded_word_asked_to_be_explained_is_the_concept(full, q):
    assert full.understander.understand(q).intent is Intent.CONCEPT


@pytest.mark.parametrize("zh", ["哪个模型的训练成本最高", "哪个模型的上下文长度最短"])
def test_a_ranking_by_an_unrecorded_field_in_chinese(full, zh):
    answer = full.ask(zh)
    assert answer.abstained and answer.query["unrecorded"]


@pytest.mark.parametrize("q", ["which models got better at reasoning with RL", "models that use reinforcement learning for math reasoning"])
def test_reinforcement_learning_said_to_serve_reasoning(full, q):
    query = full.understander.understand(q)
    assert [c.values for c in query.where.items] == [["reasoning-rl"]]


def test_a_plural_of_a_word_ending_in_e_is_known(full):
    assert full.understander.speller.is_known("fakes") and full.understander.speller.is_known("clones")
