"""Plotly figures for the dashboards, built from plain data. The page draws them with the locally
served plotly.min.js (static/js/charts.js reads the JSON from a data attribute: no inline script).

Figures are written as plain Plotly JSON (traces and layout as dicts): plotly.graph_objects
validates every property and embeds its whole default template, which cost about 15 ms and
10 KB of page per figure; a dashboard draws six of them.
"""
import json
import textwrap
from datetime import date
from decimal import Decimal

from tracker.schools.models import LEGAL_FORM_PREFIX

STATUS_COLOURS = {"achieved": "#198754", "not_achieved": "#dc3545", "expected": "#6c757d",
                  "no_target": "#0d6efd", "no_data": "#adb5bd"}
LAYOUT = {"margin": {"l": 40, "r": 10, "t": 30, "b": 40}, "height": 320,
          "font": {"family": "system-ui, sans-serif", "size": 12},
          "legend": {"orientation": "h", "y": -0.2},
          "plot_bgcolor": "#f4f6fa", "paper_bgcolor": "#ffffff",
          "xaxis": {"gridcolor": "#ffffff"}, "yaxis": {"gridcolor": "#ffffff"}}
TITLE_WIDTH = 40
AXIS_LABEL_LENGTH = 18


def figure(data: list[dict], **layout) -> str:
    """The JSON the page hands to Plotly.newPlot; axis settings merge with the defaults."""
    merged = {**LAYOUT, **layout}
    for axis in ("xaxis", "yaxis"):
        merged[axis] = {**LAYOUT[axis], **layout.get(axis, {})}
    return json.dumps({"data": data, "layout": merged}, ensure_ascii=False, default=_plain)


def _plain(value):
    """Numbers PostgreSQL returns as Decimal (sums, averages), and dates, for the JSON."""
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} in a chart")


def _titled(title: str) -> dict:
    """A long indicator name wrapped on several lines (Plotly cuts a long title), with the top
    margin it needs."""
    lines = textwrap.wrap(title, TITLE_WIDTH) or [""]
    return {"margin": {**LAYOUT["margin"], "t": 20 + 18 * len(lines)},
            "title": {"text": "<br>".join(lines), "font": {"size": 13}, "x": 0,
                      "xanchor": "left"}}


def axis_labels(names: list[str]) -> list[str]:
    """Short row labels so that a chart keeps its width on a phone: «МАОУ «СОШ № 7 имени
    Пичуева Л.П.»» -> «СОШ № 7 имени Пич…». Full names stay in the hover and the table; a
    label that would repeat another stays in full (Plotly merges equal category labels)."""
    short = [_shorten(name) for name in names]
    return [label if short.count(label) == 1 else name for label, name in zip(short, names)]


def _shorten(name: str) -> str:
    text = LEGAL_FORM_PREFIX.sub("", name).replace("«", "").replace("»", "").strip() or name
    return text if len(text) <= AXIS_LABEL_LENGTH else text[:AXIS_LABEL_LENGTH - 1] + "…"


def _percent_text(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}".replace(".", ",") + " %"


def school_bars(title: str, labels: list[str], percents: list[float | None],
                target: float | None) -> str:
    """Horizontal bars of one indicator per school, with the target as a line."""
    text = [_percent_text(p) for p in percents]
    bars = {"type": "bar", "orientation": "h", "x": [p or 0 for p in percents],
            "y": axis_labels(labels), "customdata": labels, "text": text,
            "textposition": "auto", "hovertemplate": "%{customdata}: %{text}<extra></extra>",
            "marker": {"color": "#0d6efd"}, "showlegend": False}
    shapes = [] if target is None else [
        {"type": "line", "xref": "x", "yref": "paper", "x0": target, "x1": target, "y0": 0,
         "y1": 1, "line": {"dash": "dash", "color": "#dc3545"}}]
    titled = _titled(title)
    return figure([bars], **titled, shapes=shapes,
                  xaxis={"range": [0, 105], "ticksuffix": " %"},
                  yaxis={"automargin": True},
                  height=120 + 32 * len(labels) + titled["margin"]["t"])


def trend(title: str, periods: list[str], facts: list[float | None],
          targets: list[float | None], fact_label: str, target_label: str) -> str:
    data = [{"type": "scatter", "mode": "lines+markers", "x": periods, "y": facts,
             "name": fact_label, "connectgaps": False, "line": {"color": "#0d6efd"}}]
    if any(t is not None for t in targets):
        data.append({"type": "scatter", "mode": "lines", "x": periods, "y": targets,
                     "name": target_label, "line": {"dash": "dash", "color": "#dc3545"}})
    titled = _titled(title)
    margin = {**titled.pop("margin"), "r": 40}
    return figure(data, **titled, margin=margin, yaxis={"range": [0, 105], "ticksuffix": " %"},
                  xaxis={"type": "category"},
                  height=LAYOUT["height"] + margin["t"])


def _height(rows: int) -> int:
    return 110 + 30 * max(rows, 1)


def _bars(labels: list[str], series: list[tuple[str, list[int], str]], mode: str,
          height: int) -> str:
    """Horizontal bars per school (or municipality), one coloured series per part; the panel
    around the chart carries the title."""
    short = axis_labels(labels)
    data = [{"type": "bar", "orientation": "h", "x": values, "y": short, "name": name,
             "customdata": labels, "marker": {"color": colour},
             "hovertemplate": "%{customdata}: %{x}"}
            for name, values, colour in series]
    return figure(data, barmode=mode, height=height,
                  yaxis={"automargin": True, "autorange": "reversed"},
                  margin={**LAYOUT["margin"], "t": 10})


def stacked_bars(labels: list[str], series: list[tuple[str, list[int], str]]) -> str:
    return _bars(labels, series, "stack", _height(len(labels)))


def grouped_bars(labels: list[str], series: list[tuple[str, list[int], str]]) -> str:
    return _bars(labels, series, "group", _height(len(labels) * len(series)))


def heatmap(rows: list[str], columns: list[str], z: list[list[float | None]],
            hover: list[list[str]], colours: list[tuple[float, str]], zmax: float,
            values: list[list[str]] | None = None) -> str:
    """Rows × columns (schools × risk directions, numbered); names and levels on hover."""
    cells = {"text": values, "texttemplate": "%{text}"} if values else {}
    trace = {"type": "heatmap", "z": z, "x": columns, "y": axis_labels(rows),
             "hovertext": hover, "hoverinfo": "text", "colorscale": [list(c) for c in colours],
             "zmin": 0, "zmax": zmax, "showscale": False, "xgap": 2, "ygap": 2, **cells}
    return figure([trace], height=_height(len(rows)), plot_bgcolor="#ffffff",
                  xaxis={"side": "top", "type": "category"},
                  yaxis={"automargin": True, "autorange": "reversed"})
