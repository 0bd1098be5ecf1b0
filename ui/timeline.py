"""The Timeline tab: models by date against size, and the family tree of ``derived_from`` edges.

Figures are built with ``matplotlib.figure.Figure`` directly (no pyplot global state), so
each call returns a fresh figure and concurrent sessions never share one. Models added since
the paper are drawn as diamonds (the paper's as circles), named in the legend, and the family
tree's links to them are dashed; the tab shows the figures of the catalog the page's "paper
only" toggle chooses, each rendered once when the app is built.
"""

from __future__ import annotations

import math

import gradio as gr
import networkx as nx
import pandas as pd
from gradio import processing_utils
from gradio.components.plot import PlotData
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from catalog import Catalog, ModelEntry
from catalog.vocab import Architecture
from ui.views import Views

ARCH_COLORS = {
    Architecture.ENCODER: "#2563eb",
    Architecture.DECODER: "#dc2626",
    Architecture.ENCODER_DECODER: "#16a34a",
    Architecture.OTHER: "#9333ea",
}


# Marker shapes: the paper's models and the additions since the paper (not told apart by colour alone).
PAPER_MARKER, ADDED_MARKER = "o", "D"
SINCE = "since the paper"


def shape_handles(catalog: Catalog, size: float) -> list[Line2D]:
    """Legend entries for the two shapes (none when the catalog holds no addition)."""
    if not catalog.beyond_ids:
        return []
    style = {"linestyle": "none", "markerfacecolor": "#9ca3af", "markersize": size}
    return [Line2D([], [], marker=PAPER_MARKER, markeredgecolor="white", label="in the paper", **style),
            Line2D([], [], marker=ADDED_MARKER, markeredgecolor="black", label=SINCE, **style)]


# Where a label may sit around its point (offset in points), tried in order.
AROUND = ((4, 4), (4, -10), (-4, 4), (-4, -10), (0, 7), (0, -13))
RIGHT = ((5, -3), (-5, -3))


def place_labels(fig: Figure, ax, points: list[tuple[str, float, float]], offsets=AROUND, **style) -> int:
    """Label each (name, x, y) at the first offset where it overlaps no placed label, the legend or
    the axes' edge; a label that fits nowhere is left out. Returns how many were left out."""
    fig.canvas.draw()  # settle the constrained layout, then freeze it so positions stay put
    fig.set_layout_engine("none")
    renderer = fig.canvas.get_renderer()
    frame = ax.get_window_extent(renderer)
    taken = [leg.get_window_extent(renderer) for leg in [ax.get_legend()] if leg is not None]
    skipped = 0
    for name, x, y in points:
        for dx, dy in offsets:
            ha = "right" if dx < 0 else ("center" if dx == 0 else "left")
            label = ax.annotate(name, (x, y), xytext=(dx, dy), textcoords="offset points", ha=ha, zorder=4, **style)
            box = label.get_window_extent(renderer).expanded(1.04, 1.1)
            inside = frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0 and box.y1 <= frame.y1
            if inside and not any(box.overlaps(t) for t in taken):
                taken.append(box)
                break
            label.remove()
        else:
            skipped += 1
    return skipped


def decimal_date(e: ModelEntry) -> float:
    return e.date.year + (e.date.month - 0.5) / 12


def sized(catalog: Catalog) -> list[ModelEntry]:
    return [e for e in catalog.models.values() if e.params.max_millions]


def size_label(millions: float) -> str:
    if millions >= 1e6:
        return f"{millions / 1e6:.3g}T"
    if millions >= 1e3:
        return f"{millions / 1e3:.3g}B"
    return f"{millions:.3g}M"


def size_figure(catalog: Catalog) -> Figure:
    """Each model with a known size: date (x) against largest parameter count (log y), by architecture."""
    fig = Figure(figsize=(12, 6.2), dpi=100, layout="constrained")
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    entries = sized(catalog)
    for arch, color in ARCH_COLORS.items():
        group = [e for e in entries if e.architecture is arch]
        for added in (False, True):
            part = [e for e in group if e.in_paper is not added]
            if part:
                ax.scatter([decimal_date(e) for e in part], [e.params.max_millions / 1e3 for e in part],
                           c=color, s=38, alpha=0.85, marker=ADDED_MARKER if added else PAPER_MARKER,
                           edgecolors="black" if added else "white", linewidths=0.8 if added else 0.6,
                           label=f"{arch.value} ({len(part)}{', ' + SINCE if added else ''})", zorder=3)
    ax.set_yscale("log")
    ax.set_ylabel("largest parameter count (billions, log scale)")
    ax.set_xlabel("publication date")
    missing = len(catalog) - len(entries)
    added = sum(not e.in_paper for e in entries)
    ax.set_title(f"{len(entries)} catalog models by date and size"
                 + (f" ({missing} without a published size are not shown)" if missing else "")
                 + (f"\ndiamonds: the {added} models added {SINCE}" if added else ""), fontsize=11)
    ax.grid(True, which="major", alpha=0.3)
    arch_handles = [Line2D([], [], linestyle="none", marker=PAPER_MARKER, markerfacecolor=color, markeredgecolor="white",
                           markersize=7, label=f"{arch.value} ({sum(e.architecture is arch for e in entries)})")
                    for arch, color in ARCH_COLORS.items() if any(e.architecture is arch for e in entries)]
    ax.legend(handles=arch_handles + shape_handles(catalog, 7), title="architecture, catalog", loc="upper left",
              fontsize=8, title_fontsize=8, frameon=True)
    biggest_first = sorted(entries, key=lambda e: -e.params.max_millions)
    left_out = place_labels(fig, ax, [(e.name, decimal_date(e), e.params.max_millions / 1e3) for e in biggest_first],
                            fontsize=6.5, color="#374151")
    if left_out:
        ax.set_title(ax.get_title() + f"; {left_out} crowded label{'s' if left_out > 1 else ''} left out (see the interactive view)",
                     fontsize=10)
    return fig


def scatter_frame(catalog: Catalog) -> pd.DataFrame:
    """Rows for the interactive scatter plot (hover shows each model)."""
    rows = [{"Date": pd.Timestamp(e.date.year, e.date.month, 15), "log10 params (B)":
             round(math.log10(e.params.max_millions / 1e3), 3), "Model": e.name,
             "Architecture": e.architecture.value, "Catalog": "in the paper" if e.in_paper else SINCE,
             "Lab": ", ".join(e.org_names),
             "Parameters": size_label(e.params.max_millions)} for e in sized(catalog)]
    return pd.DataFrame(rows)


def family_graph(catalog: Catalog) -> nx.DiGraph:
    """parent -> child edges from every entry's ``derived_from``."""
    graph = nx.DiGraph()
    for e in catalog.models.values():
        for parent in e.derived_from:
            graph.add_edge(parent, e.id)
    return graph


def tree_rows(catalog: Catalog, graph: nx.DiGraph) -> dict[str, int]:
    """A row per model: depth-first from the oldest roots, children by date, so families sit together."""
    order = {m: i for i, m in enumerate(catalog.models)}
    rows: dict[str, int] = {}

    def visit(node: str) -> None:
        if node in rows:
            return
        rows[node] = len(rows)
        for child in sorted(graph.successors(node), key=order.__getitem__):
            visit(child)

    for root in sorted((n for n in graph if graph.in_degree(n) == 0), key=order.__getitem__):
        visit(root)
    return rows


def family_figure(catalog: Catalog) -> Figure:
    """The family tree: x is the publication date, each model on its own row, edges parent -> child."""
    graph = family_graph(catalog)
    rows = tree_rows(catalog, graph)
    pos = {m: (decimal_date(catalog.models[m]), -r) for m, r in rows.items()}
    fig = Figure(figsize=(12, max(6.0, 0.19 * len(rows) + 1.2)), dpi=100, layout="constrained")
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    for parent, child in graph.edges:
        (x0, y0), (x1, y1) = pos[parent], pos[child]
        ax.plot([x0, x0, x1], [y0, y1, y1], color="#9ca3af", linewidth=0.8, zorder=1,
                linestyle="-" if catalog.models[child].in_paper else "--")  # dashed: a link to an addition
    for m, (x, y) in pos.items():
        e = catalog.models[m]
        ax.scatter([x], [y], c=ARCH_COLORS[e.architecture], s=26, zorder=3, marker=PAPER_MARKER if e.in_paper else ADDED_MARKER,
                   edgecolors="white" if e.in_paper else "black", linewidths=0.5 if e.in_paper else 0.7)
    handles = [Line2D([], [], linestyle="none", marker=PAPER_MARKER, markerfacecolor=color, markeredgecolor="white",
                      markersize=6, label=arch.value) for arch, color in ARCH_COLORS.items()]
    alone = len(catalog) - len(rows)
    added = sum(not catalog.models[m].in_paper for m in rows)
    ax.set_title(f"Family tree: {graph.number_of_edges()} 'derived from' links among {len(rows)} models"
                 + (f", {added} of them {SINCE} (diamonds, dashed links)" if added else "")
                 + (f" ({alone} models with no links are not shown)" if alone else ""), fontsize=11)
    ax.set_yticks([])
    ax.set_xlabel("publication date")
    ax.grid(True, axis="x", alpha=0.3)
    ax.legend(handles=handles + shape_handles(catalog, 6), title="architecture, catalog", loc="upper right",
              fontsize=8, title_fontsize=8)
    xs = [x for x, _ in pos.values()]
    ax.set_xlim(min(xs) - 0.3, max(xs) + 1.0)
    place_labels(fig, ax, [(catalog.models[m].name, x, y) for m, (x, y) in pos.items()], RIGHT, fontsize=7)
    return fig


def plot_data(fig: Figure) -> PlotData:
    """A figure rendered once, as the PNG a ``gr.Plot`` shows (sessions share the bytes, never a figure)."""
    return PlotData(type="matplotlib", plot=processing_utils.encode_plot_to_base64(fig, "png"))


class Charts:
    """The tab's figures for one catalog, rendered once."""

    def __init__(self, catalog: Catalog):
        self.size = plot_data(size_figure(catalog))
        self.family = plot_data(family_figure(catalog))
        self.scatter = scatter_frame(catalog)


def timeline_tab(views: Views, paper_only: gr.Checkbox) -> None:
    """Lay out the timeline tab inside the current Blocks context; ``paper_only`` is the page's toggle
    (which catalog the charts show). The plots carry no Gradio label (it covered their titles and
    legends); on a phone they keep a readable size and scroll sideways."""
    charts = {only: Charts(views.catalog(only)) for only in ({False, True} if views.choice else {False})}
    shown = charts[views.paper_only and views.choice]
    since = (" Models added since the paper are diamonds (the paper's are circles); its toggle above hides them."
             if views.catalog(False).beyond_ids else "")
    gr.Markdown("### Date vs. size\nModels by publication date and largest parameter count (log scale), "
                f"coloured by architecture.{since} On a narrow screen, swipe the chart sideways.", elem_id="timeline-intro")
    with gr.Column(elem_classes="plot-scroll"):
        size = gr.Plot(shown.size, show_label=False, elem_id="timeline-plot", format="png")
    with gr.Accordion("Interactive view (hover a point for its name)", open=False):
        scatter = gr.ScatterPlot(shown.scatter, x="Date", y="log10 params (B)", color="Architecture",
                                 color_map={a.value: c for a, c in ARCH_COLORS.items()},
                                 tooltip=["Model", "Catalog", "Lab", "Date", "Parameters"], height=420,
                                 elem_id="timeline-scatter", y_title="parameters, log10 of billions (0 = 1B, 2 = 100B)")
    gr.Markdown("### Family tree\nEach model on its own row at its publication date; lines join a model to "
                "the models it derives from" + (" (dashed when the model is an addition since the paper)." if since else "."),
                elem_id="family-intro")
    with gr.Column(elem_classes="plot-scroll"):
        family = gr.Plot(shown.family, show_label=False, elem_id="family-plot", format="png")

    def switch(only):
        chosen = charts[bool(only) and views.choice]
        return chosen.size, chosen.scatter, chosen.family

    paper_only.change(switch, paper_only, [size, scatter, family], api_visibility="private", trigger_mode="always_last")
