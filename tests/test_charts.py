"""The chart builder as plain functions of data: gaps, target lines, whole-number axes for counts,
the empty state, short labels that never merge two schools, plain JSON Plotly accepts."""
import json
from decimal import Decimal

import plotly.graph_objects as go

from tracker import charts
from tracker.charts import Level, Series, Unit

SCHOOLS = ["МБОУ «СОШ № 1»", "МБОУ «СОШ № 2»"]


def figure_of(chart: charts.Chart) -> dict:
    return json.loads(chart.figure)


def test_axis_labels_are_short_and_stay_distinct():
    names = ["МАОУ «СОШ № 7 имени Пичуева Л.П.»", "МБОУ «СОШ № 15»",
             "МБОУ «Средняя школа посёлка Северный»", "МБОУ «Средняя школа посёлка Южный»"]
    assert charts.axis_labels(names) == [
        "СОШ № 7 имени Пич…", "СОШ № 15",
        # both would shorten to «Средняя школа пос…»: Plotly would draw them as one bar
        "МБОУ «Средняя школа посёлка Северный»", "МБОУ «Средняя школа посёлка Южный»"]


def test_missing_data_is_a_gap_not_a_zero():
    bars = figure_of(charts.bars("Доля", SCHOOLS, [Series("Факт", [50.4, None])],
                                 unit=Unit.PERCENT, category_label="Школа"))
    assert bars["data"][0]["x"] == [50.4, None]
    line = figure_of(charts.trend("Доля", ["2021/22", "2022/23", "2023/24"],
                                  Series("Факт", [40.0, None, 60.0]), unit=Unit.PERCENT,
                                  category_label="Период"))
    assert line["data"][0]["y"] == [40.0, None, 60.0]
    assert line["data"][0]["connectgaps"] is False


def test_a_single_target_point_is_drawn_with_a_marker():
    chart = charts.trend("Доля", ["I полугодие", "II полугодие"], Series("Факт", [40.0, 45.0]),
                         Series("План", [None, 90.0]), unit=Unit.PERCENT,
                         category_label="Полугодие")
    fact, plan = figure_of(chart)["data"]
    assert plan["y"] == [None, 90.0] and "markers" in plan["mode"]
    assert plan["line"]["dash"] == "dash"
    assert [s.name for s in chart.table.columns] == ["Факт", "План"]


def test_a_trend_without_targets_has_no_plan_line():
    chart = charts.trend("Доля", ["I", "II"], Series("Факт", [40.0, 45.0]),
                         Series("План", [None, None]), unit=Unit.PERCENT, category_label="")
    assert [trace["name"] for trace in figure_of(chart)["data"]] == ["Факт"]


def test_the_target_of_bars_is_a_visible_line_with_a_legend_entry():
    figure = figure_of(charts.bars("Доля", SCHOOLS, [Series("Факт", [50.4, 70.0])],
                                   unit=Unit.PERCENT, category_label="Школа",
                                   target=Decimal("80"), target_name="План"))
    (line,) = figure["layout"]["shapes"]
    assert (line["x0"], line["x1"], line["line"]["dash"]) == (80.0, 80.0, "dash")
    assert figure["data"][-1]["name"] == "План" and figure["layout"]["showlegend"] is True


def test_count_axes_have_whole_ticks():
    figure = figure_of(charts.bars("Мероприятия", SCHOOLS, [
        Series("В срок", [3, 0]), Series("Просрочено", [1, 2])], unit=Unit.COUNT,
        category_label="Школа", stacked=True))
    axis = figure["layout"]["xaxis"]
    assert axis["tickformat"] == "d" and axis["dtick"] == 1
    assert axis["range"][1] >= 4            # the longest stacked bar fits
    assert figure["layout"]["barmode"] == "stack"
    many = figure_of(charts.bars("Посещения", SCHOOLS, [Series("Проведено", [40, 12])],
                                 unit=Unit.COUNT, category_label="Школа"))
    assert many["layout"]["xaxis"]["tickformat"] == "d"
    assert "dtick" not in many["layout"]["xaxis"]   # Plotly's own steps of 5, 10… are whole


def test_no_data_is_an_empty_state_not_an_empty_axis():
    for chart in (
            charts.bars("Доля", SCHOOLS, [Series("Факт", [None, None])], unit=Unit.PERCENT,
                        category_label="Школа"),
            charts.bars("Доля", [], [Series("Факт", [])], unit=Unit.PERCENT,
                        category_label="Школа"),
            charts.trend("Доля", ["I", "II"], Series("Факт", [None, None]),
                         Series("План", [90.0, 90.0]), unit=Unit.PERCENT, category_label=""),
            charts.heatmap("Карта", SCHOOLS, ["Риск"], [[None], [None]],
                           [Level("низкий", "#fff")], row_label="Школа")):
        assert chart.is_empty and chart.figure == ""
    assert chart.title == "Карта"


def test_the_mode_bar_offers_only_the_png_download():
    config = figure_of(charts.bars("Доля", SCHOOLS, [Series("Факт", [1.0, 2.0])],
                                   unit=Unit.PERCENT, category_label="Школа"))["config"]
    assert config["modeBarButtons"] == [["toImage"]] and config["displaylogo"] is False


def test_the_table_holds_the_chart_numbers_with_full_names():
    chart = charts.bars("Доля", SCHOOLS, [Series("Факт", [Decimal("50.4"), None])],
                        unit=Unit.PERCENT, category_label="Школа")
    assert chart.table.cells() == [("МБОУ «СОШ № 1»", [50.4]), ("МБОУ «СОШ № 2»", [None])]
    assert chart.table.label == "Школа" and chart.table.unit == Unit.PERCENT
    assert figure_of(chart)["data"][0]["customdata"] == SCHOOLS


def test_heat_map_columns_are_named_and_cells_carry_their_level_in_text():
    levels = [Level("нет", "#eee"), Level("низкий", "#0f0"), Level("высокий", "#f00")]
    chart = charts.heatmap("Карта рисков", SCHOOLS,
                           ["Низкая учебная мотивация обучающихся", "Дефицит кадров"],
                           [[2, None], [0, 1]], levels, row_label="Школа")
    (trace,) = figure_of(chart)["data"]
    assert trace["x"] == ["Низкая учебная<br>мотивация…", "Дефицит кадров"]
    assert trace["text"] == [["высокий", "—"], ["нет", "низкий"]]
    assert trace["texttemplate"] == "%{text}"
    assert chart.legend == (("нет", "#eee"), ("низкий", "#0f0"), ("высокий", "#f00"))
    assert chart.table.cells()[0] == ("МБОУ «СОШ № 1»", ["высокий", "—"])


def every_chart() -> list[charts.Chart]:
    series = [Series("В срок", [3, 0], "#198754"), Series("Просрочено", [1, 2], "#dc3545")]
    return [
        charts.bars("Доля", SCHOOLS, [Series("Факт", [50.4, None])], unit=Unit.PERCENT,
                    category_label="Школа", target=80.0, target_name="План"),
        charts.trend("Доля", ["I", "II"], Series("Факт", [40.0, None]),
                     Series("План", [None, 90.0]), unit=Unit.PERCENT, category_label=""),
        charts.bars("Мероприятия", SCHOOLS, series, unit=Unit.COUNT, category_label="Школа",
                    stacked=True),
        charts.bars("Посещения", SCHOOLS, series, unit=Unit.COUNT, category_label="Школа"),
        charts.heatmap("Карта", SCHOOLS, ["1", "2"], [[1, None], [2, 0]],
                       [Level("нет", "#fff"), Level("низкий", "#eee"), Level("высокий", "#f00")],
                       row_label="Школа", texts=[["1", "—"], ["3", "0"]]),
    ]


def test_every_figure_is_valid_for_plotly():
    """Written by hand for speed; plotly's graph objects still check every property name."""
    for chart in every_chart():
        figure = figure_of(chart)
        go.Figure({"data": figure["data"], "layout": figure["layout"]})
        assert "template" not in figure["layout"]   # no embedded Plotly template: a small page
