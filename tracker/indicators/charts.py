"""Plotly figures for the dashboards, built from plain data. The page draws them with the locally
served plotly.min.js (static/js/charts.js reads the JSON from a data attribute: no inline script).
"""
import re
import textwrap

import plotly.graph_objects as go

STATUS_COLOURS = {"achieved": "#198754", "not_achieved": "#dc3545", "expected": "#6c757d",
                  "no_target": "#0d6efd", "no_data": "#adb5bd"}
LAYOUT = {"margin": {"l": 40, "r": 10, "t": 30, "b": 40}, "height": 320,
          "font": {"family": "system-ui, sans-serif", "size": 12},
          "legend": {"orientation": "h", "y": -0.2}}


TITLE_WIDTH = 40


def _titled(title: str, layout: dict) -> dict:
    """A long indicator name wrapped on several lines (Plotly cuts a long title), with the top
    margin it needs."""
    lines = textwrap.wrap(title, TITLE_WIDTH) or [""]
    margin = {**layout["margin"], "t": 20 + 18 * len(lines)}
    return {**layout, "margin": margin,
            "title": {"text": "<br>".join(lines), "font": {"size": 13}, "x": 0, "xanchor": "left"}}


def school_bars(title: str, labels: list[str], percents: list[float | None],
                target: float | None) -> str:
    """Horizontal bars of one indicator per school, with the target as a line."""
    figure = go.Figure(go.Bar(x=[p or 0 for p in percents], y=axis_labels(labels),
                              customdata=labels, hovertemplate="%{customdata}: %{text}",
                              orientation="h",
                              text=[("—" if p is None else f"{p:.1f}".replace(".", ",") + " %")
                                    for p in percents], textposition="auto",
                              marker_color="#0d6efd"))
    if target is not None:
        figure.add_vline(x=target, line_dash="dash", line_color="#dc3545")
    layout = _titled(title, LAYOUT)
    figure.update_layout(xaxis={"range": [0, 105], "ticksuffix": " %"},
                         **{**layout, "height": 120 + 32 * len(labels) + layout["margin"]["t"]})
    return figure.to_json()


def trend(title: str, periods: list[str], facts: list[float | None],
          targets: list[float | None], fact_label: str, target_label: str) -> str:
    figure = go.Figure()
    figure.add_trace(go.Scatter(x=periods, y=facts, mode="lines+markers", name=fact_label,
                                connectgaps=False))
    if any(t is not None for t in targets):
        figure.add_trace(go.Scatter(x=periods, y=targets, mode="lines", name=target_label,
                                    line={"dash": "dash", "color": "#dc3545"}))
    layout = _titled(title, LAYOUT)
    figure.update_layout(yaxis={"range": [0, 105], "ticksuffix": " %"},
                         **{**layout, "height": LAYOUT["height"] + layout["margin"]["t"]})
    return figure.to_json()


AXIS_LABEL_LENGTH = 18
LEGAL_FORM = re.compile(r"^[А-ЯЁA-Z]{2,6}\s+")


def axis_labels(names: list[str]) -> list[str]:
    """Short row labels so that a chart keeps its width on a phone: «МАОУ «СОШ № 7 имени
    Пичуева Л.П.»» -> «СОШ № 7 имени Пич…». Full names stay in the hover and the table; a
    label that would repeat another stays in full (Plotly merges equal category labels)."""
    short = [_shorten(name) for name in names]
    return [label if short.count(label) == 1 else name for label, name in zip(short, names)]


def _shorten(name: str) -> str:
    text = LEGAL_FORM.sub("", name).replace("«", "").replace("»", "").strip() or name
    return text if len(text) <= AXIS_LABEL_LENGTH else text[:AXIS_LABEL_LENGTH - 1] + "…"


def _height(rows: int) -> int:
    return 110 + 30 * max(rows, 1)


def _bars(labels: list[str], series: list[tuple[str, list[int], str]], mode: str,
          height: int) -> str:
    """Horizontal bars per school (or municipality), one coloured series per part; the panel
    around the chart carries the title."""
    figure = go.Figure([go.Bar(x=values, y=axis_labels(labels), orientation="h", name=name,
                               marker_color=colour, customdata=labels,
                               hovertemplate="%{customdata}: %{x}")
                        for name, values, colour in series])
    figure.update_layout(barmode=mode, yaxis={"automargin": True, "autorange": "reversed"},
                         **{**LAYOUT, "margin": {**LAYOUT["margin"], "t": 10},
                            "height": height})
    return figure.to_json()


def stacked_bars(labels: list[str], series: list[tuple[str, list[int], str]]) -> str:
    return _bars(labels, series, "stack", _height(len(labels)))


def grouped_bars(labels: list[str], series: list[tuple[str, list[int], str]]) -> str:
    return _bars(labels, series, "group", _height(len(labels) * len(series)))


def heatmap(rows: list[str], columns: list[str], z: list[list[float | None]],
            hover: list[list[str]], colours: list[tuple[float, str]], zmax: float,
            values: list[list[str]] | None = None) -> str:
    """Rows × columns (schools × risk directions, numbered); names and levels on hover."""
    cells = {"text": values, "texttemplate": "%{text}"} if values else {}
    figure = go.Figure(go.Heatmap(z=z, x=columns, y=axis_labels(rows), hovertext=hover,
                                  hoverinfo="text",
                                  colorscale=colours, zmin=0, zmax=zmax, showscale=False,
                                  xgap=2, ygap=2, **cells))
    figure.update_layout(xaxis={"side": "top", "type": "category"},
                         yaxis={"automargin": True, "autorange": "reversed"},
                         **{**LAYOUT, "height": _height(len(rows))})
    return figure.to_json()
