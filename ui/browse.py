"""The Browse tab: the catalog as a filterable, sortable table and one model's details.

``Filters``, ``filter_entries``, ``table`` and ``detail_markdown`` are plain functions of the
catalog (tested without a browser); ``browse_tab`` lays them out with Gradio.
"""

from __future__ import annotations

from dataclasses import dataclass

import gradio as gr
import pandas as pd

from catalog import Catalog, ModelEntry, to_bibtex
from catalog.vocab import OBJECTIVE_LABELS, Architecture, LicenseClass, Objective

ANY = "any"
# Parameter steps (label -> millions), a decade apart: a log-friendly range picker.
SIZE_STEPS: dict[str, float] = {"10M": 10, "100M": 100, "1B": 1e3, "10B": 1e4, "100B": 1e5, "1T": 1e6, "10T": 1e7}
COLUMNS = ["Name", "Lab", "Date", "Architecture", "Objectives", "Params (B)", "License", "Family"]


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

    @classmethod
    def from_inputs(cls, architecture, objective, lab, year_from, year_to, size_from, size_to, license_class,
                    text) -> "Filters":
        def opt(value):
            return None if value in (None, "", ANY) else value

        return cls(architecture=opt(architecture), objective=opt(objective), lab=opt(lab),
                   year_from=int(year_from) if year_from is not None else None,
                   year_to=int(year_to) if year_to is not None else None,
                   min_millions=SIZE_STEPS.get(size_from), max_millions=SIZE_STEPS.get(size_to),
                   license_class=opt(license_class), text=(text or "").strip())


def _matches(e: ModelEntry, f: Filters) -> bool:
    size = e.params.max_millions
    checks = (
        f.architecture is None or e.architecture.value == f.architecture,
        f.objective is None or f.objective in {o.value for o in e.objectives},
        f.lab is None or f.lab in e.org_names,
        f.year_from is None or e.date.year >= f.year_from,
        f.year_to is None or e.date.year <= f.year_to,
        f.min_millions is None or (size is not None and size >= f.min_millions),
        f.max_millions is None or (size is not None and size <= f.max_millions),
        f.license_class is None or e.license_class.value == f.license_class,
        not f.text or f.text.lower() in " ".join([e.name, *e.aliases, e.family]).lower(),
    )
    return all(checks)


def filter_entries(catalog: Catalog, filters: Filters) -> list[ModelEntry]:
    """The catalog's entries that pass every filter, in catalog (date) order."""
    return [e for e in catalog.models.values() if _matches(e, filters)]


def billions(millions: float | None) -> float | None:
    return None if millions is None else float(f"{millions / 1000:.3g}")


def table(entries: list[ModelEntry]) -> pd.DataFrame:
    rows = [[e.name, ", ".join(e.org_names), str(e.date), e.architecture.value,
             ", ".join(o.value for o in e.objectives), billions(e.params.max_millions),
             e.license_class.value, e.family] for e in entries]
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
        ("Derived from", ", ".join(entry.derived_from) or "—"), ("Aliases", ", ".join(entry.aliases) or "—"),
    ]
    rows = "\n".join(f"| {k} | {_cell(v)} |" for k, v in fields)
    points = "\n".join(f"- {_cell(k)}" for k in entry.key_points)
    paper = (f"{_cell(p.authors_short().rstrip('.'))}. *{_cell(p.title or entry.name + ' (no formal title)')}*. "
             f"{_cell(p.venue)}, {p.year}. [{'arXiv:' + p.arxiv_id if p.arxiv_id else p.link}]({p.link})")
    return (f"## {_cell(entry.name)}\n\n{entry.summary.strip()}\n\n| Field | Value |\n|---|---|\n{rows}\n\n"
            f"**Key points**\n\n{points or '—'}\n\n**Paper:** {paper}\n\n**Project link:** [{entry.link}]({entry.link})")


def entry_bibtex(entry: ModelEntry | None) -> str:
    return "" if entry is None else to_bibtex(entry.paper, f"{entry.name} (no formal title)")


def lab_choices(catalog: Catalog) -> list[str]:
    return sorted({lab for e in catalog.models.values() for lab in e.org_names}, key=str.lower)


def filter_controls(catalog: Catalog) -> list:
    """The filter inputs, in the order ``Filters.from_inputs`` takes them."""
    years = [e.date.year for e in catalog.models.values()]
    lo, hi = min(years), max(years)
    with gr.Row():
        arch = gr.Dropdown([ANY, *(a.value for a in Architecture)], value=ANY, label="Architecture", elem_id="f-arch")
        objective = gr.Dropdown([(ANY, ANY), *((OBJECTIVE_LABELS[o], o.value) for o in Objective)], value=ANY,
                                label="Objective", elem_id="f-objective")
        lab = gr.Dropdown([ANY, *lab_choices(catalog)], value=ANY, label="Lab", elem_id="f-lab")
        lic = gr.Dropdown([ANY, *(c.value for c in LicenseClass)], value=ANY, label="License class",
                          elem_id="f-license")
    with gr.Row():
        year_from = gr.Slider(lo, hi, value=lo, step=1, label="From year", elem_id="f-year-from")
        year_to = gr.Slider(lo, hi, value=hi, step=1, label="To year", elem_id="f-year-to")
        size_from = gr.Dropdown([ANY, *SIZE_STEPS], value=ANY, label="Parameters at least", elem_id="f-size-from")
        size_to = gr.Dropdown([ANY, *SIZE_STEPS], value=ANY, label="Parameters at most", elem_id="f-size-to")
        text = gr.Textbox(label="Name contains", placeholder="e.g. GPT", elem_id="f-text")
    return [arch, objective, lab, year_from, year_to, size_from, size_to, lic, text]


def browse_tab(catalog: Catalog) -> None:
    """Lay out the browse tab inside the current Blocks context and wire its events."""
    by_name = {e.name: e.id for e in catalog.models.values()}
    inputs = filter_controls(catalog)
    count = gr.Markdown(f"{len(catalog)} of {len(catalog)} models", elem_id="browse-count")
    frame = gr.Dataframe(table(list(catalog.models.values())), interactive=False, elem_id="browse-table",
                         datatype=["str", "str", "str", "str", "str", "number", "str", "str"], max_height=460,
                         wrap=True, column_widths=["13%", "15%", "8%", "11%", "19%", "8%", "8%", "18%"])
    with gr.Row(equal_height=False):
        with gr.Column(scale=3):
            pick = gr.Dropdown([(e.name, e.id) for e in catalog.models.values()], value=None, label="Model details",
                               elem_id="detail-pick")
            detail = gr.Markdown(detail_markdown(None), elem_id="detail")
        with gr.Column(scale=2):
            bib = gr.Code("", language=None, label="BibTeX", lines=8, interactive=False, buttons=["copy"],
                          elem_id="detail-bibtex", wrap_lines=True, show_line_numbers=False)

    def refresh(*values):
        rows = filter_entries(catalog, Filters.from_inputs(*values))
        return table(rows), f"{len(rows)} of {len(catalog)} models"

    def show(model_id):
        entry = catalog.models.get(model_id) if model_id else None
        return detail_markdown(entry), entry_bibtex(entry)

    def select_row(evt: gr.SelectData):
        row = evt.row_value or []
        return by_name.get(row[0]) if row else gr.skip()

    for control in inputs:
        control.change(refresh, inputs, [frame, count], api_visibility="private", trigger_mode="always_last")
    pick.change(show, pick, [detail, bib], api_visibility="private")
    frame.select(select_row, None, pick, api_visibility="private")
