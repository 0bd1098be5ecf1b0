"""Thousands of matches: the answer states the full count, lists the first LIST_LIMIT, and every
[n] marker (including [1000] and above) is backed by a citation."""

from __future__ import annotations

import re

import pytest

from assistant import Assistant, Session
from assistant.answer import MARKER
from assistant.compose import Draft
from assistant.paginate import LIST_LIMIT
from catalog import CatalogSettings, load_catalog
from eval.usercat import write_user_catalog


@pytest.fixture(scope="module")
def big_catalog(tmp_path_factory):
    user = write_user_catalog(tmp_path_factory.mktemp("users") / "user", 1500)
    # the paper's catalog plus 1500 user models: the cap applies per part, and the additions
    # beyond the paper would add their own (capped) part after it
    return load_catalog(CatalogSettings(extra_dirs=(user,), paper_only=True))


def test_markers_past_999_are_read_whole():
    assert [int(n) for n in MARKER.findall("a [7] b [999] c [1000] d [12345]")] == [7, 999, 1000, 12345]


def test_an_answer_citing_more_than_a_thousand_models_validates(big_catalog):
    d = Draft(big_catalog, "list")
    ids = list(big_catalog.models)[:1100]
    d.add("\n".join(f"- {big_catalog.models[m].name} {d.cite(m)}" for m in ids))
    answer = d.finish()
    assert len(answer.citations) == 1100 and "[1100]" in answer.text
    assert answer.models == ids


def _backed(answer) -> None:
    body = re.sub(r"```.*?```", "", answer.text, flags=re.S)
    used = {int(n) for n in MARKER.findall(body)}
    assert used == set(range(1, len(answer.citations) + 1))
    assert [c.model for c in answer.citations if c.model] == [m for m in answer.models if m in
                                                              {c.model for c in answer.citations}]


@pytest.mark.parametrize("question", ["how many models are from Google?", "models from Google",
                                      "list every model", "which models are decoders?",
                                      "models based on BERT", "what is BERT based on?"])
def test_long_answers_are_capped_and_say_how_many_match(big_catalog, question):
    answer = Assistant(big_catalog).ask(question, Session())
    _backed(answer)
    assert len(answer.citations) <= LIST_LIMIT + 5 and len(answer.models) <= LIST_LIMIT + 5
    if len(answer.models) >= LIST_LIMIT:
        total = re.search(r"([\d,]+) models match; the first 200", answer.text)
        assert total and int(total.group(1).replace(",", "")) > LIST_LIMIT, answer.text[:300]


def test_the_count_is_the_full_count(big_catalog):
    google = [e for e in big_catalog.models.values() if "Google" in e.org_names]
    assert len(google) > LIST_LIMIT
    answer = Assistant(big_catalog).ask("how many models are from Google?", Session())
    assert f"**{len(google)}**" in answer.text and f"{len(google):,} models match" in answer.text
    assert answer.models == [e.id for e in google][:LIST_LIMIT]
