"""Author lists in citations: "et al." only for two or more left-out names, full BibTeX author
lists, and no doubled punctuation — checked on the real catalog through the real CLI."""

from __future__ import annotations

import re
import subprocess
import sys

import bibtexparser
import pytest

from catalog import to_bibtex, to_text
from catalog.citation import authors_bibtex, authors_prose, authors_short, join_sentence

FOUR = ["Kevin Clark", "Minh-Thang Luong", "Quoc V. Le", "Christopher D. Manning"]


@pytest.mark.parametrize(("authors", "expected"), [
    (["A"], "A"),
    (["A", "B", "C"], "A, B, C"),
    (FOUR, "Kevin Clark, Minh-Thang Luong, Quoc V. Le, Christopher D. Manning"),
    (["A", "B", "C", "D", "E"], "A, B, C et al."),
    (["A", "et al."], "A et al."),
])
def test_et_al_only_for_two_or_more_left_out_names(authors, expected):
    assert authors_short(authors) == expected


def test_prose_names_everyone_or_says_the_list_is_partial():
    assert authors_prose(["A", "B", "C"]) == "A, B and C"
    assert authors_prose(["A", "B", "et al."]) == "A, B et al."


def test_join_sentence_never_doubles_punctuation():
    assert join_sentence(["A et al.", "\u201cX\u201d", "ICLR, 2020"]) == "A et al. \u201cX\u201d. ICLR, 2020."
    assert join_sentence(["Is it?", "", "B."]) == "Is it? B."


def test_every_catalog_citation_text_is_clean(catalog):
    for entry in catalog.models.values():
        text = to_text(entry.paper, entry.name)
        assert not re.search(r"\.\.(?!\.)|\.\s*\.|,,", text), (entry.id, text)
        named = [a for a in entry.paper.authors if a != "et al."]
        if len(named) <= 4 and "et al." not in entry.paper.authors:
            assert "et al." not in text, (entry.id, text)
            assert all(name in text for name in named), (entry.id, text)


def test_bibtex_author_is_every_catalog_author(catalog):
    for entry in catalog.models.values():
        (parsed,) = bibtexparser.parse_string(to_bibtex(entry.paper, entry.name)).entries
        authors = [a.strip() for a in parsed.fields_dict["author"].value.split(" and ")]
        named = [a for a in entry.paper.authors if a != "et al."]
        assert authors[:len(named)] == [n.replace("&", r"\&") for n in named], entry.id
        assert authors[len(named):] == (["others"] if "et al." in entry.paper.authors else []), entry.id


def test_bibtex_joins_names_with_and():
    assert authors_bibtex(FOUR) == " and ".join(FOUR)
    assert authors_bibtex(["A", "et al."]) == "A and others"


def test_cite_text_for_a_four_author_paper():
    run = subprocess.run([sys.executable, "-m", "assistant", "cite", "electra"], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("Kevin Clark, Minh-Thang Luong, Quoc V. Le, Christopher D. Manning. \u201cELECTRA:")
    assert "et al." not in run.stdout and ".." not in run.stdout
