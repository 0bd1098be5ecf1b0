"""The Browse tab: the catalog as a filterable, sortable table and one model's details.

``Filters``, ``filter_entries``, ``table`` and ``detail_markdown`` are plain functions of the
catalog (tested without a browser); ``browse_tab`` lays them out with Gradio. The table shows
the catalog the page's "paper only" toggle chooses (``ui.views``); the "In the paper or since" filter
(``in_paper``, as in the JSON API and MCP) picks the paper's models or the additions since the
paper (the ``catalog`` facet), and a column says which one each row is.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlparse

import gradio as gr
import pandas as pd

from assistant.query import And, Constraint, Op
from assistant.retrieve import holds
from catalog import Catalog, ModelEntry, no_title, to_bibtex
from catalog.vocab import OBJECTIVE_LABELS, Architecture, LicenseClass, Objective
from ui.browse_link import parse_view, view_query
from ui.export import shared_paper_only
from ui.records import catalog_value
from ui.views import Views

ANY = "any"
# Parameter steps (label -> millions), a decade apart: a log-friendly range picker.
SIZE_STEPS: dict[str, float] = {"10M": 10, "100M": 100, "1B": 1e3, "10B": 1e4, "100B": 1e5, "1T": 1e6, "10T": 1e7}
COLUMNS = ["Name", "Lab", "Date", "Architecture", "Objectives", "Params (B)", "License", "Family", "Catalog"]
# The "Catalog" column and filter: what each value reads as.
IN_PAPER, SINCE_PAPER = "in the paper", "since the paper"
IN_PAPER_VALUES = {"true": True, "false": False}  # the filter's values, as the API's in_paper parameter
# Sort orders offered above the table: label -> (key, descending). Unknown sizes always sort last.
SORTS: dict[str, tuple] = {
    "Date (oldest first)": (lambda e: (e.date.year, e.date.month), False),
    "Date (newest first)": (lambda e: (e.date.year, e.date.month), True),
    "Name (A to Z)": (lambda e: e.name.lower(), False),
    "Parameters (largest first)": (lambda e: e.params.max_millions or 0.0, True),
    "Parameters (smallest first)": (lambda e: e.params.max_millions or float("inf"), False),
    "Lab (A to Z)": (lambda e: ", ".join(e.org_names).lower(), False),
}


@dataclass(frozen=True)
class Filters:
    """What the browse table shows; ``None`` means no constraint."""

    architecture: str | None = None
    objective: str | None = None
    lab: str | None = None
    year_from: int | None = None
    year_to: int | None = None
    min_millions: float | None = None
    max_millions: float | None = None
    license_class: str | None = None
    text: str = ""
    in_paper: bool | None = None  # True: the paper's models only; False: the additions since the paper only

    @classmethod
    def from_inputs(cls, architecture, objective, lab, year_from, year_to, size_from, size_to, license_class,
                    text, in_paper=ANY) -> "Filters":
        def opt(value):
            return None if value in (None, "", ANY) else value

        return cls(architecture=opt(architecture), objective=opt(objective), lab=opt(lab),
                   year_from=int(year_from) if year_from is not None else None,
                   year_to=int(year_to) if year_to is not None else None,
                   min_millions=SIZE_STEPS.get(size_from), max_millions=SIZE_STEPS.get(size_to),
                   license_class=opt(license_class), text=(text or "").strip(),
                   in_paper=IN_PAPER_VALUES.get(in_paper))


def constraints(f: Filters) -> And:
    """The browse controls as the assistant's typed constraints (one per facet set)."""
    bounds = [("date", Op.GE, f.year_from and f.year_from * 100 + 1), ("date", Op.LE, f.year_to and f.year_to * 100 + 12),
              ("size", Op.GE, f.min_millions), ("size", Op.LE, f.max_millions)]
    chosen = [("architecture", f.architecture), ("objective", f.objective), ("lab", f.lab), ("license", f.license_class),
              ("catalog", None if f.in_paper is None else catalog_value(f.in_paper))]
    return And(items=[Constraint(facet=facet, values=[value]) for facet, value in chosen if value is not None]
               + [Constraint(facet=facet, op=op, values=[value]) for facet, op, value in bounds if value is not None])


def filter_entries(catalog: Catalog, filters: Filters) -> list[ModelEntry]:
    """The catalog's entries that pass every filter, in catalog (date) order; the facets match."""
    where = constraints(filters)
    text = filters.text.lower()
    return [e for e in catalog.models.values()
            if holds(e, where) and (not text or text in " ".join([e.name, *e.aliases, e.family]).lower())]


def sort_entries(entries: list[ModelEntry], order: str | None) -> list[ModelEntry]:
    """The entries in one of the ``SORTS`` orders (catalog order when ``order`` is unknown)."""
    if order not in SORTS:
        return list(entries)
    key, descending = SORTS[order]
    return sorted(entries, key=key, reverse=descending)


def year_range(year_from, year_to, lo: int, hi: int) -> tuple[int | None, int | None, str]:
    """The year range to filter by and a hint for the user: a year outside the catalog's span is
    named and moved to its nearest edge, and an inverted range is swapped (instead of failing)."""
    years = [None if y in (None, "") else int(y) for y in (year_from, year_to)]
    notes = []
    outside = [y for y in years if y is not None and not lo <= y <= hi]
    if outside:
        notes.append(f"The catalog's models are from {lo} to {hi}; "
                     f"{' and '.join(map(str, outside))} {'is' if len(outside) == 1 else 'are'} outside that span, "
                     "so the nearest year in it is used.")
        years = [None if y is None else min(max(y, lo), hi) for y in years]
    if None not in years and years[0] > years[1]:
        notes.append(f"'From year' ({years[0]}) is after 'To year' ({years[1]}): showing {years[1]} to {years[0]}.")
        years.reverse()
    return years[0], years[1], " ".join(notes)


def billions(millions: float | None) -> float | None:
    return None if millions is None else float(f"{millions / 1000:.3g}")


def table(entries: list[ModelEntry]) -> pd.DataFrame:
    rows = [[e.name, ", ".join(e.org_names), str(e.date), e.architecture.value,
             ", ".join(o.value for o in e.objectives), billions(e.params.max_millions),
             e.license_class.value, e.family, IN_PAPER if e.in_paper else SINCE_PAPER] for e in entries]
    return pd.DataFrame(rows, columns=COLUMNS)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def detail_markdown(entry: ModelEntry | None) -> str:
    """One model: summary, typed fields, key points and its paper."""
    if entry is None:
        return "*Pick a model (or click a row of the table) to see its details.*"
    p = entry.paper
    fields = [
        ("Organizations", ", ".join(entry.org_names)), ("Labs (as written)", ", ".join(entry.labs)),
        ("Date", entry.date.human()), ("Architecture", entry.architecture.value), ("Family", entry.family),
        ("Pretraining task", entry.task),
        ("Objectives", ", ".join(OBJECTIVE_LABELS[o] for o in entry.objectives)),
        ("Parameters", entry.params.raw), ("Corpus", entry.corpus),
        ("License", f"{entry.license} ({entry.license_class.value})"), ("Application", entry.application),
        ("Domains", ", ".join(d.value for d in entry.domains) or "—"),
        ("Traits", ", ".join(t.value for t in entry.traits) or "—"),
        ("Takes in", ", ".join(m.value for m in entry.inputs) or "—"),
        ("Gives out", ", ".join(m.value for m in entry.outputs) or "—"),
        ("Derived from", ", ".join(entry.derived_from) or "—"), ("Aliases", ", ".join(entry.aliases) or "—"),
    ]
    rows = "\n".join(f"| {k} | {_cell(v)} |" for k, v in fields)
    points = "\n".join(f"- {_cell(k)}" for k in entry.key_points)
    since = "" if entry.in_paper else beyond_markdown(entry)
    paper = (f"{_cell(p.authors_short().rstrip('.'))}. *{_cell(p.title or no_title(entry.name))}*. "
             f"{_cell(p.venue)}, {p.year}. [{'arXiv:' + p.arxiv_id if p.arxiv_id else p.link}]({p.link})")
    return (f"## {_cell(entry.name)}\n\n{since}{entry.summary.strip()}\n\n| Field | Value |\n|---|---|\n{rows}\n\n"
            f"**Key points**\n\n{points or '—'}\n\n**Paper:** {paper}\n\n**Project link:** [{entry.link}]({entry.link})")


def beyond_markdown(entry: ModelEntry) -> str:
    """The note that opens the details of a model added since the paper: where it was checked."""
    checked = ", ".join(f"[{_cell(urlparse(url).netloc)}]({url})" for url in entry.provenance.sources)
    doubts = "".join(f"\n- {_cell(u)}" for u in entry.provenance.uncertainties)
    return (f"**Since the paper:** {_cell(entry.name)} is not among the paper's 77 models; it was added to this "
            f"catalog later. Its paper's details were checked at {checked}."
            + ("" if entry.paper.verified else " Its source is a model card, not a paper (unverified).")
            + (f"\n\nStill uncertain:{doubts}" if doubts else "") + "\n\n")


def entry_bibtex(entry: ModelEntry | None) -> str:
    return "" if entry is None else to_bibtex(entry.paper, no_title(entry.name))


def lab_choices(catalog: Catalog) -> list[str]:
    return sorted({lab for e in catalog.models.values() for lab in e.org_names}, key=str.lower)


def in_paper_choices(catalog: Catalog) -> list[tuple[str, str]]:
    """The "In the paper or since" filter's options, each with its count."""
    added = len(catalog.beyond_ids)
    return [(f"all models ({len(catalog)})", ANY), (f"{IN_PAPER} ({len(catalog) - added})", "true"),
            (f"{SINCE_PAPER} ({added})", "false")]


def filter_controls(catalog: Catalog, show_in_paper: bool = True) -> list:
    """The filter inputs, in the order ``Filters.from_inputs`` takes them; ``catalog`` is the
    whole catalog (its labs and years), ``show_in_paper`` whether the "In the paper or since" filter starts visible."""
    lo, hi = year_span(catalog)
    with gr.Row():
        arch = gr.Dropdown([ANY, *(a.value for a in Architecture)], value=ANY, label="Architecture", elem_id="f-arch",
                           min_width=150)
        objective = gr.Dropdown([(ANY, ANY), *((OBJECTIVE_LABELS[o], o.value) for o in Objective)], value=ANY,
                                label="Objective", elem_id="f-objective", min_width=150)
        lab = gr.Dropdown([ANY, *lab_choices(catalog)], value=ANY, label="Lab", elem_id="f-lab", min_width=150)
        lic = gr.Dropdown([ANY, *(c.value for c in LicenseClass)], value=ANY, label="License class",
                          elem_id="f-license", min_width=150)
    with gr.Row():
        year_from = gr.Number(lo, precision=0, label=f"From year ({lo} to {hi})", elem_id="f-year-from",
                              min_width=120)
        year_to = gr.Number(hi, precision=0, label=f"To year ({lo} to {hi})", elem_id="f-year-to", min_width=120)
        size_from = gr.Dropdown([ANY, *SIZE_STEPS], value=ANY, label="Parameters at least", elem_id="f-size-from",
                                min_width=120)
        size_to = gr.Dropdown([ANY, *SIZE_STEPS], value=ANY, label="Parameters at most", elem_id="f-size-to",
                              min_width=120)
        text = gr.Textbox(label="Name contains", placeholder="e.g. GPT", elem_id="f-text", min_width=150)
        in_paper = gr.Dropdown(in_paper_choices(catalog), value=ANY, label="In the paper or since",
                               elem_id="f-in-paper", min_width=150, visible=shown(show_in_paper, catalog))
    return [arch, objective, lab, year_from, year_to, size_from, size_to, lic, text, in_paper]


def shown(show: bool, catalog: Catalog):
    """The "In the paper or since" filter's visibility: none without additions; else hidden while paper
    only, kept in the page ("hidden", not False) so a value set with it hidden is never lost on showing."""
    if not catalog.beyond_ids:
        return False
    return True if show else "hidden"


def year_span(catalog: Catalog) -> tuple[int, int]:
    years = [e.date.year for e in catalog.models.values()]
    return min(years), max(years)


# The page's query string as the chat's page-load read it (``ui.chat_layout``), else as it is now.
READ_VIEW = "(_, ...rest) => [window.__caSearch ?? window.location.search, ...rest]"


class ViewLinks:
    """The "Link to this view" of the Browse tab (``ui.browse_link``), for the controls' ``defaults``."""

    def __init__(self, views: Views, defaults: list, whole: Catalog):
        self.views, self.defaults, self.whole = views, defaults, whole
        self.allowed = {"architecture": {a.value for a in Architecture}, "objective": {o.value for o in Objective},
                        "lab": set(lab_choices(whole)), "license": {c.value for c in LicenseClass},
                        "in_paper": set(IN_PAPER_VALUES) if whole.beyond_ids else set()}

    def markdown(self, values: list, order: str | None, only) -> str:
        query = view_query(values, self.defaults, SIZE_STEPS, order, next(iter(SORTS)),
                           bool(only) if self.views.choice else None)
        return f"[🔗 Link to this view]({query})"

    def parse(self, search: str | None) -> tuple[list, str, bool | None] | None:
        """(values, sort order, the link's toggle or None), or None when ``search`` names no Browse view."""
        parsed = parse_view(search, self.defaults, self.allowed, SIZE_STEPS, set(SORTS))
        if parsed is None:
            return None
        linked = shared_paper_only(search) if self.views.choice else None
        return parsed[0], parsed[1] or next(iter(SORTS)), linked

    def on_load(self, loaded, tabs: gr.Tabs, paper_only: gr.Checkbox, controls: list, drawn: list, pick,
                rows_for) -> None:
        """After the page-load event ``loaded`` has set the toggle: a link's view (the ``controls``, filters
        then sort, set and the Browse tab selected), else the table over the toggle's catalog when it is
        not the one the page was drawn with. The ``drawn`` outputs (table, count, hint, link) are what
        ``rows_for`` makes, and ``pick`` lists the shown catalog. One handler, run once the toggle has
        settled, so no other event redraws the table from half-restored controls."""

        def restore(search, *values):
            *values, order, only = values
            parsed = self.parse(search)
            if parsed is not None:
                values, order, linked = parsed
                only = linked if linked is not None else only
            elif self.views.catalog(only) is self.views.catalog(None):
                return [gr.skip()] * (len(controls) + len(drawn) + 2)
            hide = bool(only) and self.views.choice
            if hide:
                values[-1] = ANY  # paper only: no "In the paper or since" filter
            shown_rows = rows_for(list(values), order, only)
            # the filter's value and visibility in one update: a value set on a hidden dropdown is lost
            # when the toggle later shows it
            in_paper = gr.update(value=values[-1], visible=shown(not hide, self.whole))
            picked = gr.update(choices=pick_choices(self.views.catalog(only)), value=None)
            selected = gr.Tabs(selected="browse") if parsed is not None else gr.skip()
            return [*values[:-1], in_paper, order, *shown_rows, picked, selected]

        loaded.then(restore, [gr.Textbox(visible=False), *controls, paper_only], [*controls, *drawn, pick, tabs],
                    js=READ_VIEW, api_visibility="private")


# After a row click, bring the details into view (on a phone they are far below the table).
SHOW_DETAIL = """() => { setTimeout(() => {
  const d = document.getElementById('detail-pick');
  if (d) d.scrollIntoView({block: 'start', behavior: 'instant'});
}, 80); }"""


def count_text(rows: list[ModelEntry], catalog: Catalog) -> str:
    added = sum(not e.in_paper for e in rows)
    return f"{len(rows)} of {len(catalog)} models" + (f" ({added} {SINCE_PAPER})" if added else "")


def browse_tab(views: Views, paper_only: gr.Checkbox, loaded=None, tabs: gr.Tabs | None = None) -> None:
    """Lay out the browse tab inside the current Blocks context and wire its events; ``paper_only``
    is the page's toggle (which catalog the table shows). With ``loaded`` (the page-load event that
    sets the toggle) and ``tabs``, a link to a Browse view (``ui.browse_link``) opens the tab so filtered."""
    whole = views.catalog(False)
    by_name = {e.name: e.id for e in whole.models.values()}
    lo, hi = year_span(whole)
    inputs = filter_controls(whole, show_in_paper=not views.paper_only)
    links = ViewLinks(views, [c.value for c in inputs], whole)
    count, sort, hint, frame, pick, detail, bib, link = table_and_details(
        views.catalog(None), links.markdown(links.defaults, next(iter(SORTS)), views.paper_only))

    def rows_for(values, order, only):
        catalog = views.catalog(only)
        first, last, note = year_range(values[3], values[4], lo, hi)
        values[3:5] = [first, last]
        rows = sort_entries(filter_entries(catalog, Filters.from_inputs(*values)), order)
        return table(rows), count_text(rows, catalog), gr.update(value=note, visible=bool(note)), \
            links.markdown(values, order, only)

    def refresh(*values):
        *values, order, only = values
        return rows_for(values, order, only)

    def switch(*values):
        """The toggle changed: the table over the chosen catalog; no "In the paper or since" filter when paper-only."""
        *values, order, only = values
        hide = bool(only) and views.choice
        if hide:
            values[-1] = ANY
        in_paper = gr.update(value=ANY, visible=shown(False, whole)) if hide else gr.update(visible=shown(True, whole))
        picked = gr.update(choices=pick_choices(views.catalog(only)), value=None)
        return *rows_for(values, order, only), in_paper, picked

    def show(model_id, only):
        entry = views.catalog(only).models.get(model_id) if model_id else None
        bibtex = entry_bibtex(entry)
        return detail_markdown(entry), gr.update(value=bibtex, visible=bool(bibtex))

    def select_row(evt: gr.SelectData):
        row = evt.row_value or []
        return by_name.get(row[0]) if row else gr.skip()

    state = [*inputs, sort, paper_only]
    for control in [*inputs, sort]:  # the visitor's changes only: a page-load restore draws its own table
        control.input(refresh, state, [frame, count, hint, link], api_visibility="private", trigger_mode="always_last")
    # the visitor's clicks only: the page load sets the toggle too, and ``on_load`` redraws for that
    paper_only.input(switch, state, [frame, count, hint, link, inputs[-1], pick], api_visibility="private",
                     trigger_mode="always_last")
    if loaded is not None and tabs is not None:
        links.on_load(loaded, tabs, paper_only, [*inputs, sort], [frame, count, hint, link], pick, rows_for)
    pick.change(show, [pick, paper_only], [detail, bib], api_visibility="private")
    frame.select(select_row, None, pick, api_visibility="private").then(None, js=SHOW_DETAIL,
                                                                        api_visibility="private")


def table_and_details(shown: Catalog, link: str = "") -> tuple:
    """The count, sort order, hint, table, details picker, details, BibTeX and the view's link, showing ``shown``."""
    with gr.Row(equal_height=True):
        count = gr.Markdown(count_text(list(shown.models.values()), shown), elem_id="browse-count", min_width=120)
        link = gr.Markdown(link, elem_id="browse-link", min_width=160)
        sort = gr.Dropdown(list(SORTS), value=next(iter(SORTS)), label="Sort by", elem_id="f-sort", min_width=200)
    hint = gr.Markdown("", visible=False, elem_id="browse-hint")
    frame = gr.Dataframe(table(list(shown.models.values())), interactive=False, elem_id="browse-table",
                         datatype=["str", "str", "str", "str", "str", "number", "str", "str", "str"], max_height=460,
                         wrap=True, column_widths=["12%", "13%", "7%", "10%", "17%", "7%", "7%", "15%", "12%"])
    with gr.Row(equal_height=False):
        with gr.Column(scale=3, min_width=300):
            pick = gr.Dropdown(pick_choices(shown), value=None, label="Model details", elem_id="detail-pick")
            detail = gr.Markdown(detail_markdown(None), elem_id="detail")
        with gr.Column(scale=2, min_width=280):
            bib = gr.Code("", language=None, label="BibTeX", lines=8, interactive=False, buttons=["copy"], visible=False,
                          elem_id="detail-bibtex", wrap_lines=True, show_line_numbers=False)
    return count, sort, hint, frame, pick, detail, bib, link


def pick_choices(catalog: Catalog) -> list[tuple[str, str]]:
    """The details picker's options: every model, the additions marked."""
    return [(e.name if e.in_paper else f"{e.name} ({SINCE_PAPER})", e.id) for e in catalog.models.values()]
