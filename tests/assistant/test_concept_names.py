"""A concept named by its own name in a question about models, and models ranked or bounded by a field the
catalog does not record.

"Which models use multi-head attention?" names a mechanism no catalog field records (every Transformer has
it): the answer is the concept, never a field value guessed by meaning from the concept's own words. "Which
model has the most attention heads?" asks for models by an unrecorded field: it abstains and names the field,
instead of explaining the concept.
"""

from __future__ import annotations

import pytest

from assistant.query import Intent, Reason, leaves


@pytest.mark.parametrize("question, concept", [
    ("which models use multi-head attention?", "multi-head-attention"),
    ("models that use positional encodings", "positional-encoding"),
    ("which models rely on chain-of-thought?", "chain-of-thought"),
])
def test_a_named_concept_is_not_read_as_a_guessed_value(full_assistant, question, concept):
    q = full_assistant.understander.understand(question)
    assert not [c for c, _ in leaves(q.where) if c.via == "paraphrase"], q.where
    a = full_assistant.ask(question)
    assert a.intent is Intent.CONCEPT and q.concept == concept, (a.intent, q.concept)


@pytest.mark.parametrize("question, field", [
    ("which model has the most attention heads?", "attention heads"),
    ("which models have more than 32 attention heads?", "attention heads"),
    ("which model was trained on the most tokens?", "training tokens"),
    ("the model with the fewest training tokens", "training tokens"),
])
def test_models_by_an_unrecorded_field_abstain_naming_it(full_assistant, question, field):
    q = full_assistant.understander.understand(question)
    assert q.reason is Reason.UNSUPPORTED and field in q.unrecorded, (q.reason, q.unrecorded)
    a = full_assistant.ask(question)
    assert a.abstained and not a.citations and field in a.text


@pytest.mark.parametrize("question", [
    "models where groups of attention heads reuse one set of keys/values",
    "models whose attention only looks at a window of recent tokens",
])
def test_a_description_holding_a_concept_word_is_still_read_by_meaning(full_assistant, question):
    q = full_assistant.understander.understand(question)
    assert q.intent is Intent.LIST and [c for c, _ in leaves(q.where) if c.facet == "trait"], q.where
