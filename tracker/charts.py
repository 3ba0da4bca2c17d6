"""The one chart builder: plain data in, a Chart out (its title, the Plotly figure as JSON, the
numbers as a table, and whether there is anything to draw).

Every chart of the application follows the same defaults: missing data stays a gap (never a
zero), a target is a visible dashed line, counts have whole-number axes, a chart without data is
an empty state («нет данных», drawn by the page instead of an empty axis), the mode bar offers only
«download PNG», the title lives outside the plot (the mode bar never covers it), and the numbers
are in a table next to the chart or a click away. The page draws the figure with the vendored
Plotly bundle (static/js/charts.js reads the JSON from a data attribute: no inline script).

Figures are plain Plotly JSON (dicts): plotly.graph_objects validates every property and embeds
its whole default template, which cost about 15 ms and 10 KB of page per figure.
"""
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum

from tracker.schools.models import LEGAL_FORM_PREFIX

BLUE, GREEN, LIGHT_GREEN, RED, GREY, CYAN, YELLOW = (
    "#0d6efd", "#198754", "#75b798", "#dc3545", "#adb5bd", "#0dcaf0", "#ffc107")
TARGET_COLOUR = RED
AXIS_LABEL_LENGTH = 18
COLUMN_LABEL_LENGTH = 14
PERCENT_RANGE = [0, 105]
WHOLE_TICKS_UP_TO = 10   # below this, Plotly would put ticks at 0.5, 1.5…
CONFIG = {"displaylogo": False, "modeBarButtons": [["toImage"]], "responsive": True}
LAYOUT = {"margin": {"l": 40, "r": 10, "t": 10, "b": 40},
          "font": {"family": "system-ui, sans-serif", "size": 12},
          "legend": {"orientation": "h", "y": -0.15, "yanchor": "top"},
          "plot_bgcolor": "#f4f6fa", "paper_bgcolor": "#ffffff",
          "xaxis": {"gridcolor": "#ffffff"}, "yaxis": {"gridcolor": "#ffffff"}}


class Unit(StrEnum):
    PERCENT = "percent"
    COUNT = "count"
    TEXT = "text"


@dataclass(frozen=True)
class Series:
    """One line or one colour of bars; None in `values` is a gap (no data), not a zero."""

    name: str
    values: Sequence[float | int | str | None]
    colour: str = BLUE


@dataclass(frozen=True)
class Table:
    """The chart's numbers: one row per category, one column per series."""

    label: str                  # the header of the first column («Школа», «Полугодие»)
    rows: Sequence[str]
    columns: Sequence[Series]
    unit: Unit

    def cells(self) -> list[tuple[str, list]]:
        return [(row, [series.values[i] for series in self.columns])
                for i, row in enumerate(self.rows)]


@dataclass(frozen=True)
class Chart:
    title: str
    figure: str                 # Plotly JSON: data, layout, config; "" when empty
    table: Table
    is_empty: bool
    legend: Sequence[tuple[str, str]] = field(default_factory=tuple)  # (name, colour) below


def bars(title: str, categories: Sequence[str], series: Sequence[Series], *, unit: Unit,
         category_label: str, target: float | None = None, target_name: str = "",
         stacked: bool = False) -> Chart:
    """Horizontal bars per place (school, municipality), one coloured series per part, the target
    (if any) as a dashed vertical line with its own legend entry."""
    series = [_plain_series(s) for s in series]
    table = Table(category_label, list(categories), series, unit)
    if not categories or not _has_values(series):
        return Chart(title, "", table, True)
    short = axis_labels(list(categories))
    data = [{"type": "bar", "orientation": "h", "x": list(s.values), "y": short, "name": s.name,
             "customdata": list(categories), "marker": {"color": s.colour},
             "hovertemplate": "%{customdata}: " + _hover_value("x", unit) + "<extra>"
             + s.name + "</extra>"} for s in series]
    shapes = []
    if target is not None:
        target = _plain(target)
        shapes.append({"type": "line", "xref": "x", "yref": "paper", "x0": target,
                       "x1": target, "y0": 0, "y1": 1,
                       "line": {"dash": "dash", "color": TARGET_COLOUR, "width": 2}})
        data.append(_legend_entry(target_name))
    rows = len(categories) * (1 if stacked or len(series) == 1 else len(series))
    layout = {"barmode": "stack" if stacked else "group", "shapes": shapes,
              "showlegend": len(data) > 1, "height": 110 + 28 * max(rows, 1),
              "xaxis": _value_axis(unit, _largest(series, stacked), target),
              "yaxis": {"automargin": True, "autorange": "reversed", "type": "category"}}
    return Chart(title, _figure(data, layout, title), table, False)


def trend(title: str, periods: Sequence[str], fact: Series, target: Series | None = None, *,
          unit: Unit, category_label: str) -> Chart:
    """Fact (and target) over periods: lines with markers, so a single target point shows; a
    period without data is a gap in the line, not a zero."""
    series = [_plain_series(s) for s in ([fact] if target is None else [fact, target])]
    if target is not None and not _has_values(series[1:]):
        series = series[:1]
    table = Table(category_label, list(periods), series, unit)
    if not periods or not _has_values(series[:1]):
        return Chart(title, "", table, True)
    data = []
    for index, s in enumerate(series):
        line = {"color": s.colour} if index == 0 else {"color": s.colour, "dash": "dash"}
        data.append({"type": "scatter", "mode": "lines+markers", "x": list(periods),
                     "y": list(s.values), "name": s.name, "connectgaps": False, "line": line,
                     "marker": {"size": 8, "color": s.colour},
                     "hovertemplate": "%{x}: " + _hover_value("y", unit) + "<extra>" + s.name
                     + "</extra>"})
    layout = {"height": 320, "showlegend": True, "margin": {**LAYOUT["margin"], "r": 30},
              "xaxis": {"type": "category"},
              "yaxis": _value_axis(unit, _largest(series, False), None)}
    return Chart(title, _figure(data, layout, title), table, False)


def plan_fact(title: str, periods: Sequence[str], fact: Series, plan: Series, *, unit: Unit,
              category_label: str) -> Chart:
    """Fact as bars per period, the plan of each period as a dashed marker line over them (a
    period without a plan is a gap): plan vs fact side by side, 2022 next to 2023."""
    series = [_plain_series(fact), _plain_series(plan)]
    table = Table(category_label, list(periods), series, unit)
    if not periods or not _has_values(series):
        return Chart(title, "", table, True)
    fact, plan = series
    data = [{"type": "bar", "x": list(periods), "y": list(fact.values), "name": fact.name,
             "marker": {"color": fact.colour},
             "hovertemplate": "%{x}: " + _hover_value("y", unit) + "<extra>" + fact.name
             + "</extra>"}]
    if _has_values([plan]):
        data.append({"type": "scatter", "mode": "lines+markers", "x": list(periods),
                     "y": list(plan.values), "name": plan.name, "connectgaps": False,
                     "line": {"color": plan.colour, "dash": "dash"},
                     "marker": {"size": 10, "color": plan.colour, "symbol": "line-ew-open",
                                "line": {"width": 3, "color": plan.colour}},
                     "hovertemplate": "%{x}: " + _hover_value("y", unit) + "<extra>"
                     + plan.name + "</extra>"})
    layout = {"height": 320, "showlegend": True, "bargap": 0.4,
              "xaxis": {"type": "category"},
              "yaxis": _value_axis(unit, _largest(series, False), None)}
    return Chart(title, _figure(data, layout, title), table, False)


@dataclass(frozen=True)
class Level:
    """A step of a heat map's scale: its name (written in the cells) and its colour."""

    name: str
    colour: str


def heatmap(title: str, rows: Sequence[str], columns: Sequence[str],
            cells: Sequence[Sequence[int | None]], levels: Sequence[Level], *,
            row_label: str, texts: Sequence[Sequence[str]] | None = None) -> Chart:
    """Rows × columns, each cell an index into `levels` (None: no data, left blank). Columns
    are labelled with their (shortened) names, every cell carries its level (or `texts`) as
    text — colour is never the only signal — and the levels are listed as a legend."""
    texts = texts or [[levels[c].name if c is not None else "—" for c in row] for row in cells]
    table = Table(row_label, list(rows), [Series(name, [row[i] for row in texts])
                                          for i, name in enumerate(columns)], Unit.TEXT)
    if not rows or not columns or all(c is None for row in cells for c in row):
        return Chart(title, "", table, True)
    top = max(len(levels) - 1, 1)
    scale = [[i / top, level.colour] for i, level in enumerate(levels)] if len(levels) > 1 \
        else [[0, levels[0].colour], [1, levels[0].colour]]
    short_columns = _column_labels(list(columns))
    hover = [[f"{row}<br>{column}<br>{text}" for column, text in zip(columns, line)]
             for row, line in zip(rows, texts)]
    trace = {"type": "heatmap", "z": [list(row) for row in cells], "x": short_columns,
             "y": axis_labels(list(rows)), "text": [list(t) for t in texts],
             "texttemplate": "%{text}", "hovertext": hover, "hoverinfo": "text",
             "colorscale": scale, "zmin": 0, "zmax": top, "showscale": False,
             "xgap": 2, "ygap": 2}
    layout = {"height": 150 + 30 * len(rows), "plot_bgcolor": "#ffffff",
              "xaxis": {"side": "top", "type": "category", "tickangle": 0, "automargin": True},
              "yaxis": {"automargin": True, "autorange": "reversed", "type": "category"}}
    return Chart(title, _figure([trace], layout, title), table, False,
                 tuple((level.name, level.colour) for level in levels))


def axis_labels(names: list[str]) -> list[str]:
    """Short row labels so that a chart keeps its width on a phone: «МАОУ «СОШ № 7 имени
    Пичуева Л.П.»» -> «СОШ № 7 имени Пич…». Full names stay in the hover and the table; a
    label that would repeat another stays in full (Plotly merges equal category labels)."""
    short = [_shorten(name, AXIS_LABEL_LENGTH) for name in names]
    return [label if short.count(label) == 1 else name for label, name in zip(short, names)]


def _column_labels(names: list[str]) -> list[str]:
    """Column names cut and put on two lines: «Низкая мотивация<br>обучающихся»."""
    labels = []
    for name in names:
        words, lines = name.split(), [""]
        for word in words:
            if lines[-1] and len(lines[-1]) + len(word) >= COLUMN_LABEL_LENGTH:
                if len(lines) == 2:
                    lines[-1] += "…"
                    break
                lines.append("")
            lines[-1] = f"{lines[-1]} {word}".strip()
        labels.append("<br>".join(lines) or name)
    return [label if labels.count(label) == 1 else name for label, name in zip(labels, names)]


def _shorten(name: str, length: int) -> str:
    text = LEGAL_FORM_PREFIX.sub("", name).replace("«", "").replace("»", "").strip() or name
    return text if len(text) <= length else text[:length - 1] + "…"


def _figure(data: list[dict], layout: dict, title: str) -> str:
    merged = {**LAYOUT, **layout}
    for axis in ("xaxis", "yaxis"):
        merged[axis] = {**LAYOUT[axis], **layout.get(axis, {})}
    config = {**CONFIG, "toImageButtonOptions": {"filename": title[:80] or "chart"}}
    return json.dumps({"data": data, "layout": merged, "config": config},
                      ensure_ascii=False, default=_plain)


def _value_axis(unit: Unit, largest: float, target: float | None) -> dict:
    if unit == Unit.PERCENT:
        return {"range": PERCENT_RANGE, "ticksuffix": " %", "zeroline": True}
    top = max(largest, target or 0, 1)
    axis = {"rangemode": "tozero", "tickformat": "d", "range": [0, top * 1.08]}
    if top <= WHOLE_TICKS_UP_TO:
        axis["dtick"] = 1
    return axis


def _hover_value(axis: str, unit: Unit) -> str:
    if unit == Unit.PERCENT:
        return "%{" + axis + ":.1f} %"
    return "%{" + axis + ":d}"


def _legend_entry(name: str) -> dict:
    """A legend line for the target drawn as a shape (shapes have no legend of their own)."""
    return {"type": "scatter", "mode": "lines", "x": [None], "y": [None], "name": name,
            "hoverinfo": "skip", "line": {"dash": "dash", "color": TARGET_COLOUR, "width": 2}}


def _has_values(series: Sequence[Series]) -> bool:
    return any(v is not None for s in series for v in s.values)


def _largest(series: Sequence[Series], stacked: bool) -> float:
    if stacked and series:
        sums = [sum(v or 0 for v in values) for values in zip(*(s.values for s in series))]
        return max(sums, default=0)
    return max((v for s in series for v in s.values if v is not None), default=0)


def _plain_series(series: Series) -> Series:
    return Series(series.name, [_plain(v) for v in series.values], series.colour)


def _plain(value):
    """Numbers PostgreSQL returns as Decimal (sums, averages), and dates, for the JSON."""
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, date):
        return value.isoformat()
    return value
