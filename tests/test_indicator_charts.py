"""The dashboards' figures are written as JSON by hand (fast); plotly's graph objects, which
validate every property, must build the very same figures."""
import json

import plotly.graph_objects as go
import pytest

from tracker.indicators import charts


def graph_objects_school_bars(title, labels, percents, target) -> dict:
    figure = go.Figure(go.Bar(x=[p or 0 for p in percents], y=labels, orientation="h",
                              text=[("—" if p is None else f"{p:.1f}".replace(".", ",") + " %")
                                    for p in percents], textposition="auto",
                              marker_color="#0d6efd"))
    if target is not None:
        figure.add_vline(x=target, line_dash="dash", line_color="#dc3545")
    figure.update_layout(title=title, xaxis={"range": [0, 105], "ticksuffix": " %"},
                         **{**charts.LAYOUT, "height": 120 + 32 * len(labels)})
    return json.loads(figure.to_json())


def graph_objects_trend(title, periods, facts, targets, fact_label, target_label) -> dict:
    figure = go.Figure()
    figure.add_trace(go.Scatter(x=periods, y=facts, mode="lines+markers", name=fact_label,
                                connectgaps=False))
    if any(t is not None for t in targets):
        figure.add_trace(go.Scatter(x=periods, y=targets, mode="lines", name=target_label,
                                    line={"dash": "dash", "color": "#dc3545"}))
    figure.update_layout(title=title, yaxis={"range": [0, 105], "ticksuffix": " %"},
                         **charts.LAYOUT)
    return json.loads(figure.to_json())


@pytest.mark.parametrize("target", [80.0, None])
def test_school_bars_are_what_plotly_builds(target):
    arguments = ("Доля педагогов", ["МБОУ «СОШ № 1»", "МБОУ «СОШ № 2»"], [50.4, None], target)
    built = json.loads(charts.school_bars(*arguments))
    assert built == graph_objects_school_bars(*arguments)
    go.Figure(built)  # raises on a property plotly does not know


@pytest.mark.parametrize("targets", [[None, 90.0, 100.0], [None, None, None]])
def test_trend_is_what_plotly_builds(targets):
    arguments = ("Доля педагогов", ["2021-H1", "2021-H2", "2022-H1"], [40.0, None, 50.4],
                 targets, "Факт", "План")
    built = json.loads(charts.trend(*arguments))
    assert built == graph_objects_trend(*arguments)
    go.Figure(built)
