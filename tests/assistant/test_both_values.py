"""Two values of a many-valued field joined by "both" hold together: "both code and math domains" are the models
listing both domains, as "co-developed by Google and DeepMind" are the models crediting both labs. Without
"both" ("text and vision models") either value will do."""

import pytest

from assistant.query import Op, leaves


@pytest.mark.parametrize("q, want", [
    ("models that list both dialogue and code among their domains", {"dialogue", "code"}),
    ("which models cover both math and code?", {"math", "code"}),
    ("同时支持代码和数学两个领域的模型", {"code", "math"}),
])
def test_both_domains_hold_together(full, full_catalog, q, want):
    query = full._understand(q)
    leaf = next(c for c, _ in leaves(query.where) if c.facet == "domain")
    assert leaf.op is Op.ALL and set(leaf.values) == want, leaf
    a = full.ask(q)
    assert a.models and all(want <= {d.value for d in full_catalog.models[m].domains} for m in a.models)


def test_without_both_either_domain_will_do(full):
    leaf = next(c for c, _ in leaves(full._understand("models for code or math").where) if c.facet == "domain")
    assert leaf.op is Op.IN


@pytest.mark.parametrize("q", [
    "models from 2020 not trained with a causal (left-to-right) objective",
    "2021 models without a causal objective",
])
def test_a_negated_causal_objective_stays_a_negated_objective(full, q):
    """'causal objective' is the causal LM objective: negated, it excludes it (it read as 'architecture = decoder'
    with the negation lost, or as another objective)."""
    items = list(leaves(full._understand(q).where))
    objective = [(c, neg) for c, neg in items if c.facet == "objective"]
    assert objective and all(neg and c.values == ["causal-lm"] for c, neg in objective), items
    assert not any(c.facet == "architecture" for c, _ in items)
