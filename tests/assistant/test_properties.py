"""Properties over many generated questions: no exception, grounded citations, honest abstention."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant import Session

NAMES = ["BERT", "GPT-3", "T5", "Chinchilla", "ELECTRA", "UL2", "GPT-4", "FooBERT", "LLaMA", "Flan T5", "gpt-j",
         "roberta", "XLM-R", "DALL-E 2", "BLOOM", "Gopher", "it", "them", "the second one", "the catalog"]
TEMPLATES = [
    "who built {a}?", "how big is {a}", "BibTeX for {a}", "compare {a} and {b}", "what is {a} based on?",
    "which models use {o}?", "{o} models from {l}", "how many models are from {l}?", "models with more than {n} parameters",
    "which of those are from {l}?", "and {a}?", "what is {o}?", "largest {o} model", "models released in {y}",
    "cite {a}", "when was {a} released and by whom?", "{a} vs {b} vs {c}", "which {o} models came out before {y}?",
]
OBJECTIVES = ["prefix LM", "masked language modeling", "RLHF", "span corruption", "diffusion", "PLM", "contrastive",
              "instruction tuning", "replaced token detection", "causal LM", "blank infilling", "nonsense objective"]
LABS = ["Google", "Meta", "OpenAI", "DeepMind", "EleutherAI", "Microsoft", "Acme Corp"]
SIZES = ["10B", "1.5e11", "> 10 billion", "100 million", "1T", "a hundred billion"]

question = st.builds(
    lambda t, a, b, c, o, l, n, y: t.format(a=a, b=b, c=c, o=o, l=l, n=n, y=y),
    st.sampled_from(TEMPLATES), st.sampled_from(NAMES), st.sampled_from(NAMES), st.sampled_from(NAMES),
    st.sampled_from(OBJECTIVES), st.sampled_from(LABS), st.sampled_from(SIZES),
    st.sampled_from(["2018", "2020", "2021", "2022", "2023", "1999"]),
)
noise = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60)


def check(answer, catalog):
    markers = {int(n) for n in re.findall(r"\[(\d+)\]", re.sub(r"```.*?```", "", answer.text, flags=re.S))}
    assert markers == set(range(1, len(answer.citations) + 1))
    for c in answer.citations:
        if c.model:
            assert c.model in answer.models
            assert c.arxiv_id == catalog.models[c.model].paper.arxiv_id
    assert set(answer.models) <= set(catalog.models)
    if answer.abstained:
        assert not answer.citations and not answer.models
    assert "<script" not in answer.text.lower()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(question, min_size=1, max_size=3))
def test_generated_conversations_are_grounded(assistant, catalog, turns):
    session = Session()
    for q in turns:
        check(assistant.ask(q, session), catalog)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(noise, st.sampled_from(NAMES))
def test_arbitrary_text_never_raises(assistant, catalog, text, name):
    check(assistant.ask(text, Session()), catalog)
    check(assistant.ask(f"{text} {name} {text}", Session()), catalog)
