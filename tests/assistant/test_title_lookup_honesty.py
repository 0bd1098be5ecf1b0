"""A paper title in the question is looked up as a whole: another paper's title that shares most words with a
catalog title ("Finetuned Language Models Are Zero-Shot Learners" against GPT-3's "Language Models are Few-Shot
Learners") is not that title (a word no title word is a misspelling of), and a quoted title no catalog paper has
is answered as such (abstain), not guessed from its words. A whole title with a colon is matched whole, not by the
part before the colon; a misspelt word still matches."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("question", [
    "Which model's paper is titled 'Finetuned Language Models Are Zero-Shot Learners'?",
    "which model is described in 'Attention is all you need'",
    "what model is from the paper \"Deep Residual Learning for Image Recognition\"",
    "论文《Finetuned Language Models Are Zero-Shot Learners》对应哪个模型",
])
def test_a_title_no_catalog_paper_has_is_not_guessed(full, question):
    answer = full.ask(question)
    assert answer.abstained and not answer.models and answer.query["lookup"]["kind"] == "title"


@pytest.mark.parametrize("question, model", [
    ("Which catalog model was introduced in 'Scaling Language Models: Methods, Analysis & Insights from Training Gopher'?",
     "gopher"),
    ("which model came from 'Langauge Models are Few-Shot Learners'", "gpt-3"),
    ("what model is from the paper Training Compute-Optimal Large Language Models", "chinchilla"),
])
def test_a_catalog_title_is_found(full, question, model):
    answer = full.ask(question)
    assert answer.models == [model] and not answer.abstained
