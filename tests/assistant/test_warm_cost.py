"""Work per question is proportional to the question, not to the catalog: regexes for lexicon terms
and corpus names are compiled when a question could match them, and still found when it does."""

from __future__ import annotations

from assistant import Assistant
from assistant.lexicon import needed_text
from assistant.understand import clean


def _compiled_corpus(parser) -> int:
    return sum(lazy._pattern is not None for lazy in (*parser.corpus, *parser.corpus_tight))


def test_corpus_names_compile_only_when_the_question_mentions_them(catalog):
    fresh = Assistant(catalog)
    answer = fresh.ask("which models were trained on the Pile?")
    assert {"gpt-neo", "gpt-j"} <= set(answer.models)
    parser = fresh.understander.parsers["en"]
    assert len(parser.corpus) > 20 and 0 < _compiled_corpus(parser) <= 4
    fresh.ask("who built BLOOM?")
    assert _compiled_corpus(parser) <= 4


def test_a_corpus_name_is_found_with_other_spacing_and_case(plain):
    spaced = set(plain.ask("which models were pretrained on Common Crawl?").models)
    assert spaced and set(plain.ask("which models were pretrained on COMMONCRAWL?").models) == spaced


def test_lexicon_terms_compile_on_first_use(catalog):
    fresh = Assistant(catalog)
    fresh.ask("who built BERT?")
    parser = fresh.understander.parsers["en"]
    terms = [t for ts in parser.termsets.values() for t in ts.terms]
    for t in terms:  # the lexicon's terms are shared by every assistant: forget what earlier tests compiled
        t.__dict__.pop("pattern", None)
    fresh.ask("which encoder-decoder models come from Google?")
    # a phrase with a key word compiles only when a question holds that word; a regex term has none and is tried
    # on every question, so those stay few (61 of 838 terms at 59655d5, 54 of 825 a round earlier)
    keyed = [t for t in terms if t.key]
    compiled = [t for t in keyed if "pattern" in t.__dict__]
    # a regex term is tried only when the question holds a text its pattern needs (lexicon.needed_text): the ones that
    # need none are tried on every question (112 regex terms at 108fa35, 1063 terms, before that prefilter)
    always = [t for t in terms if not t.key and not needed_text(t.pattern.pattern, t.pattern.flags)]
    assert len(terms) > 300 and 0 < len(compiled) < len(keyed) // 10
    assert len(always) < len(terms) // 20


def test_invisible_and_control_characters_are_dropped_but_letters_kept():
    assert clean("B\u200bE\u00adR\u202eT\ue000 \u4e2d\u6587 caf\u00e9\x07") == "BERT 中文 café"


def test_a_repeated_plain_words_question_encodes_its_phrase_once(catalog, search_index, monkeypatch):
    from assistant import Assistant

    fresh = Assistant(catalog, search=search_index)
    question = "which models are trained to guess whether each token was replaced by a generator?"
    first = fresh.ask(question)
    assert "electra" in first.models
    encoded: list[str] = []
    real = search_index.embedder.encode
    monkeypatch.setattr(search_index.embedder, "encode", lambda texts, **kw: encoded.extend(texts) or real(texts, **kw))
    again = fresh.ask(question)
    assert again.models == first.models and again.text == first.text
    assert encoded == []  # the question and its unread phrase come from the query-vector cache
