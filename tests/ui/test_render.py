"""Chat rendering rules: user text inert, markers linked outside code, sources escaped."""

from __future__ import annotations

import re

import pytest

from assistant.session import Session
from ui.render import bibtex_for, escape_user, link_markers, safe_url, sources_html

PAYLOADS = ["<img src=x onerror=alert(1)>", "<svg onload=alert(1)>", "[x](javascript:alert(1))",
            "**bold** _it_ `code` # head\n> quote\n- item\n1. one", "$x^2$ & &amp; <b>", "https://example.com/a_b"]


@pytest.fixture(scope="module")
def structured(catalog):
    """The real assistant without a search index: structured questions never need one."""
    from assistant.core import Assistant

    return Assistant(catalog)


@pytest.mark.parametrize("text", PAYLOADS)
def test_escaped_user_text_has_no_live_markup(text):
    out = escape_user(text)
    assert "<" not in out and ">" not in out
    unescaped = re.sub(r"\\(.)", "", out)  # drop every backslash-escaped character
    assert not re.search(r"[*_`#\[\]()$|~!]", unescaped), out


def test_escaped_text_reads_back_as_the_original():
    text = PAYLOADS[0] + " " + PAYLOADS[3]
    back = re.sub(r"\\(.)", r"\1", escape_user(text)).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    assert back == text


def test_safe_url_accepts_only_plain_http():
    assert safe_url("https://arxiv.org/abs/2205.05131")
    for bad in ("javascript:alert(1)", "data:text/html,x", "https://x.org/\"onmouseover=", "", None):
        assert safe_url(bad) is None


def test_markers_link_to_papers_but_not_inside_code(structured):
    answer = structured.ask("BibTeX for ELECTRA", Session())
    linked = link_markers(answer.text, answer.citations)
    url = answer.citations[0].url
    assert f"[\\[1\\]]({url})" in linked
    fences = re.findall(r"```.*?```", linked, re.S)
    assert fences and fences == re.findall(r"```.*?```", answer.text, re.S)


def test_markers_without_a_citation_stay_as_text(structured):
    answer = structured.ask("which models use prefix-LM objectives?", Session())
    assert link_markers("see [7]", answer.citations) == "see [7]"


def test_sources_panel_lists_each_citation_with_a_safe_link(structured):
    answer = structured.ask("which models use prefix-LM objectives?", Session())
    panel = sources_html(answer)
    for c in answer.citations:
        assert f'href="https://arxiv.org/abs/{c.arxiv_id}"' in panel
        assert str(c.year) in panel and c.venue in panel
    assert panel.count('target="_blank" rel="noopener noreferrer"') == len(answer.citations)


def test_sources_panel_escapes_catalog_text(structured):
    answer = structured.ask("which models use prefix-LM objectives?", Session())
    hostile = answer.model_copy(update={"citations": [answer.citations[0].model_copy(
        update={"title": "<script>alert(1)</script>", "url": "javascript:alert(1)"})]})
    panel = sources_html(hostile)
    assert "<script>" not in panel and "&lt;script&gt;" in panel
    assert "href=" not in panel, "a non-http URL is shown as text, never as a link"


def test_abstained_answer_has_no_sources(structured, catalog):
    answer = structured.ask("who built GPT-4?", Session())
    assert answer.abstained
    assert "No sources" in sources_html(answer) and "<a " not in sources_html(answer)
    assert bibtex_for(answer, catalog) == ""


def test_bibtex_is_built_for_every_cited_model(structured, catalog):
    answer = structured.ask("compare BERT and RoBERTa", Session())
    bib = bibtex_for(answer, catalog)
    for c in answer.citations:
        assert catalog.models[c.model].paper.bibtex_key in bib
