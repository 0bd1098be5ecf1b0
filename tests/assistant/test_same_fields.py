"""A set asked as the models sharing a field with a named model ("the same size as T5", "introduced in the same paper as
Flan-T5", "share BERT's architecture", "the same lab and year as PaLM", 跟 T5 参数量一样的): a relation to that model on
every field named, read from the lexicon's same_* cues; the model itself is left out. Each answer is checked against the
catalog's own values for the named model, never a list written down."""

from __future__ import annotations

import pytest

from assistant.query import leaves


def _shares(full, e, x, field: str) -> bool:
    if field == "size":
        return e.params.max_millions in [v.millions for v in x.params.variants]
    if field == "paper":
        return (x.paper.arxiv_id or x.paper.title) == (e.paper.arxiv_id or e.paper.title)
    if field == "year":
        return x.date.year == e.date.year
    if field == "month":
        return x.date.key == e.date.key
    if field == "lab":
        return bool(set(x.org_names) & set(e.org_names))
    if field == "license":
        return x.license_class == e.license_class
    if field == "architecture":
        return x.architecture == e.architecture
    if field == "objective":
        return bool({o.value for o in x.objectives} & {o.value for o in e.objectives})
    raise AssertionError(field)


@pytest.mark.parametrize("question, model, fields", [
    ("which models have the same parameter count as T5?", "t5", ["size"]),
    ("any other model the same size as Chinchilla?", "chinchilla", ["size"]),
    ("which models share a paper with Flan-T5?", "flan-t5", ["paper"]),
    ("models introduced in the same paper as Gopher", "gopher", ["paper"]),
    ("which models have the same pretraining objective as BART?", "bart", ["objective"]),
    ("which models share BERT's architecture?", "bert", ["architecture"]),
    ("models with the same licence as BLOOM", "bloom", ["license"]),
    ("which models share both lab and year with PaLM?", "palm", ["lab", "year"]),
    ("models that appeared in the same year as CLIP, from the same lab", "clip", ["year", "lab"]),
    ("anything else released alongside GPT-3.5?", "gpt-3.5", ["month"]),
    ("跟 T5 参数量一样的模型有哪些？", "t5", ["size"]),
    ("和 Flan-T5 出自同一篇论文的模型", "flan-t5", ["paper"]),
    ("和 BLOOM 许可证一样的模型", "bloom", ["license"]),
])
def test_the_models_sharing_the_fields_named(full, question, model, fields):
    q = full._understand(question)
    assert sorted(x.facet for x in q.relations if x.kind == "same" and x.model == model) == sorted(fields), q.relations
    assert all(c.via == model for c, _ in leaves(q.where) if c.facet != "model")
    e = full.catalog.models[model]
    answer = full.ask(question)
    expected = {x.id for x in full.catalog.models.values() if x.id != model and all(_shares(full, e, x, f) for f in fields)}
    assert set(answer.models) == expected, (answer.models, expected)
