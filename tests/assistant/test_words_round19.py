"""Kinds of question in plain words, each in wordings other people would type (English and Chinese):

- a named architecture mechanism the catalog states only in a model's key points or architecture note (multi-query
  attention, multi-head latent attention, QK-norm, ALiBi, GeGLU, RMSNorm): a set question lists the models whose
  own notes name it, a question about one model's design quotes those notes.

Each test reads its wordings through one answer each (no search index).
"""

from __future__ import annotations

from assistant.query import leaves


def _constraints(q):
    return {(c.facet, str(v), neg) for c, neg in leaves(q.where) for v in c.values}


def test_a_mechanism_named_in_key_points_is_a_set(full):
    cases = [("which LLMs in the catalog rely on MLA to shrink the KV cache?", {"deepseek-v2", "deepseek-v3"}),
             ("list the models with multi-head latent attention", {"deepseek-v2", "deepseek-v3"}),
             ("Is there any model that applies QK normalization?", {"qwen3"}),
             ("models using ALiBi position biases", {"bloom"}),
             ("which models adopt multi-query attention?", {"palm", "starcoder", "falcon"}),
             ("which models have GeGLU activations?", {"modernbert"}),
             ("哪些模型用了多头潜在注意力？", {"deepseek-v2", "deepseek-v3"}),
             ("有没有模型用 QK-Norm", {"qwen3"})]
    bad = [(q, a.models, a.text[:100]) for q, want in cases if (a := full.ask(q)).abstained or set(a.models) != want]
    assert not bad, bad


def test_a_mechanism_negated_and_combined(full):
    a = full.ask("decoders from Google without multi-query attention")
    assert a.models and "palm" not in a.models
    a = full.ask("open models that use multi-query attention")
    assert set(a.models) == {"starcoder", "falcon"}, a.models


def test_a_models_design_quotes_its_architecture_notes(full):
    cases = [("Which attention mechanism does Falcon rely on?", "multigroup"),
             ("what kind of attention is used in StarCoder?", "multi-query"),
             ("How does ModernBERT's architecture differ from the original BERT?", "GeGLU"),
             ("How does ModernBERT's architecture differ from the original BERT?", "8,192"),
             ("what normalization does Gopher use?", "RMSNorm"),
             ("Falcon 用的是什么注意力机制？", "multigroup")]
    bad = [(q, a.text[:200]) for q, want in cases if (a := full.ask(q)).abstained or want not in a.text]
    assert not bad, bad


def test_a_licence_named_with_its_issuer_is_that_licence(full):
    """A RAIL licence said with its issuer (BigCode, BigScience, CreativeML) is the one the licence text names; the
    bare OpenRAIL is any of them."""
    cases = [("what models are released under BigCode's OpenRAIL-M license?", {"starcoder", "starcoder2"}),
             ("list everything licensed under the BigScience RAIL licence", {"bloom", "bloomz"}),
             ("which model uses the CreativeML OpenRAIL license", {"stablediffusion"}),
             ("models under an OpenRAIL licence", {"starcoder", "starcoder2", "bloom", "bloomz", "stablediffusion"})]
    bad = [(q, a.models) for q, want in cases if (a := full.ask(q)).abstained or set(a.models) != want]
    assert not bad, bad


def test_a_degree_of_openness_is_the_licence_class(full):
    """"fully open", "truly open" after a classifying verb is the open class, no unread words."""
    for q in ["Which Google models are categorised as truly open?", "which of the DeepMind models are counted as completely open?",
              "Which additions are classified as fully open, not limited?"]:
        a = full.ask(q)
        assert not a.abstained and a.models, (q, a.text[:150])
        assert ("license", "open", False) in _constraints(full._understand(q)), q


MOE = {"switch", "wu-dao-2.0", "glam", "mixtral-8x7b", "gemini-1.5", "jamba", "phi-3", "deepseek-v2", "qwen2", "deepseek-v3",
       "qwen2.5", "deepseek-r1", "qwen3"}


def test_a_few_of_many_subnetworks_per_token_is_a_mixture_of_experts(full):
    """A token sent through a few of many sub-networks, however said, is the mixture-of-experts trait, and the words
    around it (every token, goes through, activate) are how it is said, never a second field."""
    for q in ["which models send every token through just a couple of their many subnetworks?",
              "models that activate only some of several feed-forward sub-networks for each word",
              "models where every word only passes through two of many sub-networks"]:
        a = full.ask(q)
        assert set(a.models) == MOE, (q, a.text[:200])


def test_the_longest_input_asked_in_chinese_is_the_unrecorded_context_length(full):
    for q in ["BERT 最长能输入多少个 token？", "RoBERTa 的最大输入长度是多少", "GPT-J 一次最多能输入多少字？"]:
        x = full._understand(q)
        assert "context length" in x.unrecorded, (q, x.unrecorded, x.text)
        assert full.ask(q).abstained, q


def test_when_before_a_gerund_asks_no_date(full):
    """"when training X" is a time clause: an unrecorded training setting asked that way is abstained on alone."""
    for q in ["which optimizer did they pick when pretraining BERT?", "what dropout was applied when fine-tuning T5?"]:
        a = full.ask(q)
        assert a.abstained, (q, a.text[:150])
    assert "2018" in full.ask("When was BERT released?").text


def test_also_before_a_verb_adds_a_second_value_and_keeps_the_part(full):
    """"multimodal additions that also handle audio": both domains, among the additions only ("also" is the verb's,
    never the paper's part counted beside the additions)."""
    for q in ["which multimodal additions also handle audio?", "multimodal models added since the paper that also process speech",
              "vision-language models that also support speech"]:
        a = full.ask(q)
        assert set(a.models) == {"gemini-1.0", "gemini-1.5", "gpt-4o"}, (q, a.text[:200])


def test_a_concept_named_as_one_models_own_is_explained(full):
    """"Chinchilla's scaling laws", "the Chinchilla scaling law", GPT-3 的上下文学习: the concept, explained (the model
    among its examples); a fact asked of the model stays a fact."""
    from assistant.query import Intent

    for q, concept in [("so what do Chinchilla's scaling laws actually tell us?", "scaling-laws"),
                       ("walk me through GPT-3's in-context learning", "in-context-learning"),
                       ("Chinchilla 的缩放定律说了什么", "scaling-laws")]:
        x = full._understand(q)
        assert x.intent is Intent.CONCEPT and x.concept == concept, (q, x.intent, x.concept)
    assert full._understand("how big is Chinchilla's largest version?").intent is Intent.FACT
