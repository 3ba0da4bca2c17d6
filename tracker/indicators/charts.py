"""Plotly figures for the dashboards, built from plain data. The page draws them with the locally
served plotly.min.js (static/js/charts.js reads the JSON from a data attribute: no inline script).

A figure is written here as the JSON plotly.js reads, {"data": [...], "layout": {...}}, with the
same default template plotly.py adds. Going through plotly's graph objects gives the same JSON
but validates every property on the way: 20–50 ms a figure against a few microseconds
(scripts/bench.py). tests/test_indicator_charts.py builds each figure with the graph objects
too and checks that both agree, so a misspelt property still fails a test.
"""
import json
from functools import cache

STATUS_COLOURS = {"achieved": "#198754", "not_achieved": "#dc3545", "expected": "#6c757d",
                  "no_target": "#0d6efd", "no_data": "#adb5bd"}
LAYOUT = {"margin": {"l": 40, "r": 10, "t": 30, "b": 40}, "height": 320,
          "font": {"family": "system-ui, sans-serif", "size": 12},
          "legend": {"orientation": "h", "y": -0.2}}
TARGET_LINE = {"color": "#dc3545", "dash": "dash"}


@cache
def _template() -> dict:
    """plotly.py's default template (its look), loaded once: the import alone takes a while."""
    import plotly.io as pio
    return json.loads(json.dumps(pio.templates[pio.templates.default].to_plotly_json()))


def figure_json(data: list[dict], layout: dict) -> str:
    return json.dumps({"data": data, "layout": {**layout, "template": _template()}})


def school_bars(title: str, labels: list[str], percents: list[float | None],
                target: float | None) -> str:
    """Horizontal bars of one indicator per school, with the target as a line."""
    bars = {"type": "bar", "x": [p or 0 for p in percents], "y": labels, "orientation": "h",
            "text": [("—" if p is None else f"{p:.1f}".replace(".", ",") + " %")
                     for p in percents],
            "textposition": "auto", "marker": {"color": "#0d6efd"}}
    layout = {**LAYOUT, "title": {"text": title}, "height": 120 + 32 * len(labels),
              "xaxis": {"range": [0, 105], "ticksuffix": " %"}}
    if target is not None:
        layout["shapes"] = [{"type": "line", "x0": target, "x1": target, "xref": "x",
                             "y0": 0, "y1": 1, "yref": "y domain", "line": TARGET_LINE}]
    return figure_json([bars], layout)


def trend(title: str, periods: list[str], facts: list[float | None],
          targets: list[float | None], fact_label: str, target_label: str) -> str:
    data = [{"type": "scatter", "x": periods, "y": facts, "mode": "lines+markers",
             "name": fact_label, "connectgaps": False}]
    if any(t is not None for t in targets):
        data.append({"type": "scatter", "x": periods, "y": targets, "mode": "lines",
                     "name": target_label, "line": TARGET_LINE})
    layout = {**LAYOUT, "title": {"text": title},
              "yaxis": {"range": [0, 105], "ticksuffix": " %"}}
    return figure_json(data, layout)
