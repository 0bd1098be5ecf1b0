"""A value followed by "only" is the model's only value in its field ("trained with MLM only": one objective, MLM),
as "only" before it already was; "only" starting a phrase of its own after the value ("MLM only in the encoder",
"only once") says nothing of the field. A hyphenated "-only" ("text-only") keeps its own reading."""

from __future__ import annotations

import pytest

from tests.assistant.spec import where_read as _read


@pytest.mark.parametrize("question, reading", [
    ("which models were trained with MLM only?", "objectives listed = 1 AND objective = masked language modeling (MLM)"),
    ("models pretrained on causal LM only", "objectives listed = 1 AND objective = causal (autoregressive) language modeling"),
    ("models using MLM only for pretraining", "objectives listed = 1 AND objective = masked language modeling (MLM)"),
    ("which models were built by Google only", "labs credited = 1 AND lab = Google"),
    ("text-only decoders", "architecture = decoder AND domain = text only"),
])
def test_a_value_then_only_is_the_sole_value(full, question, reading):
    assert _read(full, question) == reading


def test_the_sole_objective_selects_models_with_that_objective_alone(full):
    answer = full.ask("list the models trained with masked language modeling only")
    assert answer.models and all(e.objectives == ["mlm"] for e in (full.catalog.models[m] for m in answer.models))
