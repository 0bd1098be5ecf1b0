"""Links to a Browse view (``ui.browse_link``): the controls, the sort order and the toggle round trip."""

from __future__ import annotations

from urllib.parse import parse_qs

from ui.browse import ANY, SIZE_STEPS, SORTS
from ui.browse_link import parse_view, view_query

DEFAULTS = [ANY, ANY, ANY, 2018, 2025, ANY, ANY, ANY, "", ANY]
ALLOWED = {"architecture": {"decoder", "encoder"}, "objective": {"prefix-lm"}, "lab": {"Meta", "Google"},
           "license": {"open"}, "in_paper": {"true", "false"}}
FIRST = next(iter(SORTS))


def parse(query):
    return parse_view(query, DEFAULTS, ALLOWED, SIZE_STEPS, set(SORTS))


def test_a_view_round_trips_with_the_api_parameter_names_and_leaves_defaults_out():
    values = ["decoder", ANY, "Meta", 2022, 2025, "1B", "100B", "open", "Llama & co", "false"]
    query = view_query(values, DEFAULTS, SIZE_STEPS, "Parameters (largest first)", FIRST, False)
    assert query.startswith("?view=browse&") and "(" not in query and ")" not in query, "safe in a Markdown link"
    assert parse_qs(query[1:]) == {"view": ["browse"], "architecture": ["decoder"], "lab": ["Meta"], "year_from": ["2022"],
                                   "size_min_b": ["1"], "size_max_b": ["100"], "license": ["open"],
                                   "name": ["Llama & co"], "in_paper": ["false"], "sort": ["Parameters (largest first)"],
                                   "p": ["0"]}
    assert parse(query) == (values, "Parameters (largest first)")
    assert view_query(DEFAULTS, DEFAULTS, SIZE_STEPS, FIRST, FIRST, None) == "?view=browse"
    assert view_query(DEFAULTS, DEFAULTS, SIZE_STEPS, FIRST, FIRST, True) == "?view=browse&p=1"
    assert view_query([*DEFAULTS[:5], "10M", *DEFAULTS[6:]], DEFAULTS, SIZE_STEPS, None, FIRST, None).endswith(
        "size_min_b=0.01")


def test_a_link_sets_only_what_the_page_offers():
    assert parse("") is None and parse("?q=BERT") is None and parse("?view=timeline&lab=Meta") is None
    values, order = parse("?view=browse&architecture=spaceship&lab=Nowhere&year_from=20x8&size_min_b=3&sort=sideways"
                          "&in_paper=maybe&objective=prefix-lm&name=" + "x" * 300)
    assert values == [ANY, "prefix-lm", *DEFAULTS[2:]] and order is None
    assert parse("?view=browse&size_max_b=1e3&year_to=2019")[0][4:7] == [2019, ANY, "1T"]
