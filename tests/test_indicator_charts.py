"""Chart building from plain data: short row labels that never merge two schools, plain JSON."""
import json
from decimal import Decimal

import plotly.graph_objects as go

from tracker.indicators import charts


def test_axis_labels_are_short_and_stay_distinct():
    names = ["МАОУ «СОШ № 7 имени Пичуева Л.П.»", "МБОУ «СОШ № 15»",
             "МБОУ «Средняя школа посёлка Северный»", "МБОУ «Средняя школа посёлка Южный»"]
    assert charts.axis_labels(names) == [
        "СОШ № 7 имени Пич…", "СОШ № 15",
        # both would shorten to «Средняя школа пос…»: Plotly would draw them as one bar
        "МБОУ «Средняя школа посёлка Северный»", "МБОУ «Средняя школа посёлка Южный»"]


def test_bars_keep_full_names_for_the_hover_and_numbers_per_series():
    figure = json.loads(charts.stacked_bars(["МБОУ «СОШ № 1»", "МБОУ «СОШ № 2»"], [
        ("В срок", [3, 0], "#198754"), ("Просрочено", [1, 2], "#dc3545")]))
    on_time, overdue = figure["data"]
    assert on_time["y"] == ["СОШ № 1", "СОШ № 2"]
    assert on_time["customdata"] == ["МБОУ «СОШ № 1»", "МБОУ «СОШ № 2»"]
    assert (on_time["x"], overdue["x"]) == ([3, 0], [1, 2])
    assert figure["layout"]["barmode"] == "stack"
    assert "template" not in figure["layout"]   # no embedded Plotly template: a small page


def test_a_long_title_wraps():
    figure = json.loads(charts.trend("Доля педагогических работников, имеющих индивидуальные "
                                     "программы развития", ["2022-H1"], [50.4], [100.0],
                                     "Факт", "План"))
    assert figure["layout"]["title"]["text"].count("<br>") == 1
    assert [trace["name"] for trace in figure["data"]] == ["Факт", "План"]


def test_numbers_from_postgresql_sums_are_plain_json():
    figure = json.loads(charts.school_bars("Доля", ["МБОУ «СОШ № 1»"], [Decimal("50.4")],
                                           Decimal("100")))
    assert figure["data"][0]["x"] == [50.4] and figure["layout"]["shapes"][0]["x0"] == 100.0


def every_figure() -> list[str]:
    schools = ["МБОУ «СОШ № 1»", "МБОУ «СОШ № 2»"]
    series = [("В срок", [3, 0], "#198754"), ("Просрочено", [1, 2], "#dc3545")]
    return [
        charts.school_bars("Доля", schools, [50.4, None], 80.0),
        charts.trend("Доля", ["2021-H2", "2022-H1"], [40.0, None], [None, 90.0], "Факт", "План"),
        charts.stacked_bars(schools, series),
        charts.grouped_bars(schools, series),
        charts.heatmap(schools, ["1", "2"], [[1, None], [3, 2]],
                       [["высокий", "—"], ["низкий", "средний"]],
                       [(0.0, "#ffffff"), (1.0, "#dc3545")], 3, [["В", ""], ["Н", "С"]]),
    ]


def test_every_figure_is_valid_for_plotly():
    """Written by hand for speed; plotly's graph objects still check every property name."""
    for written in every_figure():
        go.Figure(json.loads(written))  # raises on a property plotly does not know
