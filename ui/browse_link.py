"""Links to a Browse view: the filters, the sort order and the tab's "paper only" toggle in a URL.

``?view=browse&lab=Meta&in_paper=false&p=0`` opens the Browse tab so filtered. The filters use
the JSON API's parameter names (``architecture``, ``objective``, ``lab``, ``license``,
``year_from``, ``year_to``, ``size_min_b``, ``size_max_b``, ``in_paper``), plus ``name`` (the
"Name contains" box) and ``sort``; ``p=1`` / ``p=0`` is the toggle, as in an answer's share link
(``ui.export``). A value at its control's default is left out. Pure functions: nothing here
imports gradio.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode

# The browse controls' order (``Filters.from_inputs``) and each one's name in a link.
FIELDS = ("architecture", "objective", "lab", "year_from", "year_to", "size_min_b", "size_max_b", "license",
          "name", "in_paper")
MAX_TEXT = 200


def _billions(millions: float) -> str:
    return f"{millions / 1000:g}"


def view_query(values: list, defaults: list, sizes: dict[str, float], order: str | None, default_order: str,
               paper_only: bool | None) -> str:
    """The query string of a Browse view: ``values`` of the controls (``defaults`` left out), the sort
    order, and the toggle when the app offers the choice (``paper_only`` not None)."""
    pairs = [("view", "browse")]
    for key, value, default in zip(FIELDS, values, defaults):
        if value in (None, "") or value == default:
            continue
        if key in ("size_min_b", "size_max_b"):
            if value not in sizes:
                continue
            value = _billions(sizes[value])
        pairs.append((key, str(int(value)) if key.startswith("year") else str(value)))
    if order and order != default_order:
        pairs.append(("sort", order))
    if paper_only is not None:
        pairs.append(("p", "1" if paper_only else "0"))
    return "?" + urlencode(pairs)


def parse_view(search: str | None, defaults: list, allowed: dict[str, set], sizes: dict[str, float],
               orders: set[str]) -> tuple[list, str | None] | None:
    """The controls' values and sort order a ``?view=browse`` link names (None when it names no Browse
    view). A value a control does not offer is ignored (its default stays), so a link never sets
    anything the page could not."""
    params = dict(parse_qsl((search or "").lstrip("?")))
    if params.get("view") != "browse":
        return None
    values = list(defaults)
    by_billions = {_billions(m): label for label, m in sizes.items()}
    for i, key in enumerate(FIELDS):
        raw = params.get(key, "").strip()
        if not raw or len(raw) > MAX_TEXT:
            continue
        if key.startswith("year"):
            values[i] = int(raw) if raw.isdigit() and len(raw) == 4 else values[i]
        elif key.startswith("size"):
            values[i] = by_billions.get(_billions(float(raw) * 1000) if _number(raw) else "", values[i])
        elif key == "name":
            values[i] = raw
        elif raw in allowed.get(key, ()):
            values[i] = raw
    order = params.get("sort")
    return values, order if order in orders else None


def _number(text: str) -> bool:
    try:
        return 0 <= float(text) < 1e9
    except ValueError:
        return False
