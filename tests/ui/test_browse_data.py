"""Browse-table filtering and the timeline figures, on the real catalog (no browser)."""

from __future__ import annotations


from ui.browse import COLUMNS, Filters, detail_markdown, entry_bibtex, filter_entries, table
from ui.timeline import family_figure, family_graph, scatter_frame, size_figure, tree_rows


def ids(entries):
    return [e.id for e in entries]


def test_no_filter_shows_the_whole_catalog_in_date_order(catalog):
    rows = filter_entries(catalog, Filters.from_inputs("any", "any", "any", None, None, "any", "any", "any", ""))
    assert ids(rows) == list(catalog.models)
    assert list(table(rows).columns) == COLUMNS and len(table(rows)) == len(catalog)


def test_architecture_filter(catalog):
    rows = ids(filter_entries(catalog, Filters(architecture="encoder-decoder")))
    assert "t5" in rows and "bert" not in rows
    assert all(catalog.models[m].architecture.value == "encoder-decoder" for m in rows)


def test_objective_and_lab_filters_combine(catalog):
    assert sorted(ids(filter_entries(catalog, Filters(objective="prefix-lm")))) == ["alexatm-20b", "ul2"]
    assert ids(filter_entries(catalog, Filters(objective="prefix-lm", lab="Google"))) == ["ul2"]


def test_year_and_size_ranges(catalog):
    rows = filter_entries(catalog, Filters.from_inputs("any", "any", "any", 2020, 2021, "10B", "1T", "any", ""))
    assert rows
    for e in rows:
        assert 2020 <= e.date.year <= 2021 and 1e4 <= e.params.max_millions <= 1e6
    assert not any(e.params.max_millions is None for e in filter_entries(catalog, Filters(min_millions=10)))


def test_license_and_text_filters(catalog):
    for e in filter_entries(catalog, Filters(license_class="open")):
        assert e.license_class.value == "open"
    assert "gpt-3" in ids(filter_entries(catalog, Filters(text="gpt")))


def test_detail_view_shows_typed_fields_paper_and_bibtex(catalog):
    e = catalog.models["chinchilla"]
    md = detail_markdown(e)
    assert e.name in md and e.params.raw in md and e.paper.link in md and ", ".join(e.org_names) in md
    assert entry_bibtex(e).startswith("@") and e.paper.bibtex_key in entry_bibtex(e)
    assert "Pick a model" in detail_markdown(None)


def test_family_graph_has_every_derived_from_edge(catalog):
    graph = family_graph(catalog)
    expected = {(p, e.id) for e in catalog.models.values() for p in e.derived_from}
    assert set(graph.edges) == expected
    rows = tree_rows(catalog, graph)
    assert set(rows) == set(graph.nodes) and sorted(rows.values()) == list(range(len(rows)))


def test_figures_plot_every_sized_model(catalog):
    sized = [e for e in catalog.models.values() if e.params.max_millions]
    fig = size_figure(catalog)
    points = sum(len(c.get_offsets()) for c in fig.axes[0].collections)
    assert points == len(sized) and fig.axes[0].get_yscale() == "log"
    assert len(scatter_frame(catalog)) == len(sized)
    assert family_figure(catalog).axes[0].get_title().startswith("Family tree")


def test_sort_orders(catalog):
    from ui.browse import SORTS, sort_entries

    entries = list(catalog.models.values())
    newest = sort_entries(entries, "Date (newest first)")
    assert (newest[0].date.year, newest[0].date.month) >= (newest[-1].date.year, newest[-1].date.month)
    biggest = sort_entries(entries, "Parameters (largest first)")
    assert biggest[0].params.max_millions == max(e.params.max_millions or 0 for e in entries)
    names = [e.name.lower() for e in sort_entries(entries, "Name (A to Z)")]
    assert names == sorted(names) and len(SORTS) >= 4
    assert sort_entries(entries, None) == entries


def test_year_range_swaps_an_inverted_range_and_names_years_outside_the_catalog():
    from ui.browse import year_range

    assert year_range(2019, 2021, 2017, 2023) == (2019, 2021, "")
    lo, hi, hint = year_range(2022, 2019, 2017, 2023)
    assert (lo, hi) == (2019, 2022) and "after" in hint and "2019 to 2022" in hint
    lo, hi, hint = year_range(2030, None, 2017, 2023)
    assert lo == 2023 and "2017 to 2023" in hint and "2030 is outside" in hint
    assert year_range(2030, 1990, 2017, 2023)[:2] == (2017, 2023)


def test_timeline_labels_never_overlap(catalog):
    for fig in (size_figure(catalog), family_figure(catalog)):
        renderer = fig.canvas.get_renderer()
        ax = fig.axes[0]
        boxes = [t.get_window_extent(renderer) for t in ax.texts]
        assert len(boxes) >= 0.9 * len(ax.texts) and len(boxes) > 40
        overlaps = [(a.get_text(), b.get_text()) for i, a in enumerate(ax.texts) for b in ax.texts[i + 1:]
                    if a.get_window_extent(renderer).overlaps(b.get_window_extent(renderer))]
        assert overlaps == []
        legend = ax.get_legend().get_window_extent(renderer)
        assert not any(b.overlaps(legend) for b in boxes), "a label hides the legend"


def test_both_timeline_views_colour_architectures_alike(catalog):
    import matplotlib.colors as mcolors

    from ui.timeline import ARCH_COLORS

    fig = size_figure(catalog)
    for collection in fig.axes[0].collections:
        arch = collection.get_label().split(" (")[0]
        want = next(c for a, c in ARCH_COLORS.items() if a.value == arch)
        assert mcolors.to_hex(collection.get_facecolor()[0]) == want


def test_catalog_filter_selects_the_paper_or_the_additions_and_combines(full_catalog):
    from assistant.query import Constraint
    from ui.browse import SINCE_PAPER, constraints

    added = ids(filter_entries(full_catalog, Filters.from_inputs("any", "any", "any", None, None, "any", "any", "any", "",
                                                                  "false")))
    assert set(added) == full_catalog.beyond_ids and len(added) == 42
    paper = ids(filter_entries(full_catalog, Filters(in_paper=True)))
    assert set(paper) == full_catalog.paper_ids and len(paper) == 77
    assert Constraint(facet="catalog", values=["beyond"]) in constraints(Filters(in_paper=False)).items
    meta_added = ids(filter_entries(full_catalog, Filters(in_paper=False, lab="Meta")))
    assert meta_added and "llama-2" in meta_added and "llama" not in meta_added
    assert all(not full_catalog.models[m].in_paper and "Meta" in full_catalog.models[m].org_names for m in meta_added)
    rows = table(filter_entries(full_catalog, Filters()))
    assert set(rows.loc[rows["Catalog"] == SINCE_PAPER, "Name"]) == {full_catalog.models[m].name for m in added}


def test_details_of_an_addition_say_it_is_beyond_the_paper(full_catalog):
    md = detail_markdown(full_catalog.models["llama-2"])
    assert "**Since the paper:**" in md and "not among the paper's 77 models" in md
    assert full_catalog.models["llama-2"].provenance.sources[0] in md
    assert "Since the paper" not in detail_markdown(full_catalog.models["llama"])
    assert "unverified" in detail_markdown(full_catalog.models["claude-3"])


def test_timeline_draws_the_additions_as_diamonds_with_a_legend(full_catalog, catalog):
    from ui.timeline import ADDED_MARKER, SINCE

    fig = size_figure(full_catalog)
    ax = fig.axes[0]
    added = [c for c in ax.collections if SINCE in c.get_label()]
    sized_added = [e for e in full_catalog.models.values() if not e.in_paper and e.params.max_millions]
    assert sum(len(c.get_offsets()) for c in added) == len(sized_added) > 30
    diamond = ax.scatter([], [], marker=ADDED_MARKER).get_paths()[0].vertices
    assert all((c.get_paths()[0].vertices == diamond).all() for c in added), "additions are not diamonds"
    assert SINCE in [t.get_text() for t in ax.get_legend().get_texts()]
    paper_fig = size_figure(catalog)
    assert not any(SINCE in c.get_label() for c in paper_fig.axes[0].collections)
    assert SINCE not in [t.get_text() for t in paper_fig.axes[0].get_legend().get_texts()]


def test_family_tree_links_the_additions_to_the_paper_with_dashed_lines(full_catalog, catalog):
    graph = family_graph(full_catalog)
    for parent, child in [("llama", "llama-2"), ("bloom", "bloomz"), ("llama-2", "code-llama"), ("mistral-7b", "zephyr"),
                          ("vicuna", "llava"), ("deepseek-v3", "deepseek-r1"), ("llama-3", "tulu-3")]:
        assert graph.has_edge(parent, child), (parent, child)
    ax = family_figure(full_catalog).axes[0]
    dashed = [line for line in ax.lines if line.get_linestyle() == "--"]
    to_additions = [(p, c) for p, c in graph.edges if not full_catalog.models[c].in_paper]
    assert len(dashed) == len(to_additions) and len(ax.lines) == graph.number_of_edges()
    assert "since the paper" in ax.get_title() and "since the paper" in [t.get_text() for t in ax.get_legend().get_texts()]
    names = {t.get_text() for t in ax.texts}
    assert {"Llama 2", "BLOOMZ / mT0", "LLaMA", "BLOOM"} <= names
    paper_ax = family_figure(catalog).axes[0]  # paper only: no addition, no dashed link, no diamond in the legend
    assert not [line for line in paper_ax.lines if line.get_linestyle() == "--"]
    assert not {t.get_text() for t in paper_ax.texts} & {full_catalog.models[m].name for m in full_catalog.beyond_ids}
    assert "since the paper" not in paper_ax.get_title() + " ".join(t.get_text() for t in paper_ax.get_legend().get_texts())
    assert set(scatter_frame(catalog)["Catalog"]) == {"in the paper"}
    assert set(scatter_frame(full_catalog)["Catalog"]) == {"in the paper", "since the paper"}
