"""Plan vs fact over several periods of one kind: the table's figures come from the records of
each period (the ШНОР list of each period's year), the targets of every period in one query."""
import html
import json
import re
from decimal import Decimal

from sqlalchemy import event

from tracker import charts
from tracker.auth.models import Role
from tracker.db import db
from tracker.indicators import catalogue_services as manage, services
from tracker.indicators.calculations import Fraction, Status
from tracker.indicators.scope import low_result_school_ids
from tracker.periods import Year
from tracker.schools.models import SchoolYearStatus

from tests import factories
from tests.teacher_factories import make_plan, make_teacher

Y2022, Y2023 = Year(2022), Year(2023)


def _town_with_two_years():
    """One school on the list in 2022 and 2023 with four teachers: one approved plan in 2022
    (the first half-year), three in 2023 (the second). A school off the list has plans too."""
    town = factories.make_municipality()
    category = factories.make_category(town.region)
    school = factories.make_school(town, "Школа № 1", category=category, year=2022)
    school.year_statuses.append(SchoolYearStatus(year=2023, category=category))
    teachers = [make_teacher(school) for _ in range(4)]
    make_plan(teachers[0], period="2022-H1")
    for teacher in teachers[1:]:
        make_plan(teacher, period="2023-H2")
    make_plan(teachers[0], period="2023-H1", status="draft")  # not approved: not counted
    outside = factories.make_school(town, "Школа не из списка")
    make_plan(make_teacher(outside), period="2022-H1")
    manage.add_indicator(municipality_id=town.id, code="plans_year",
                         name_ru="Доля педагогов с ИОМ за год", unit="percent",
                         periodicity="year", source="computed", metric="teachers_with_plan")
    level = services.TargetLevel("municipality", town.id)
    services.set_target(code="plans_year", period=Y2022, level=level, value=Decimal(50))
    services.set_target(code="plans_year", period=Y2023, level=level, value=Decimal("60.5"))
    db.session.commit()
    return town


def test_plan_fact_counts_each_year_from_its_records_with_one_target_query(app):
    town = _town_with_two_years()
    statements = []
    listener = lambda *args: statements.append(args[2])  # noqa: E731
    event.listen(db.engine, "before_cursor_execute", listener)
    try:
        rows = services.plan_fact(
            lambda period: low_result_school_ids(period.year, municipality_id=town.id),
            [Y2022, Y2023], services.TargetLevel("municipality", town.id))
    finally:
        event.remove(db.engine, "before_cursor_execute", listener)
    row, = rows
    assert row.indicator.code == "plans_year"
    first, second = row.values
    assert (first.fraction, first.plan, first.status) == (Fraction(1, 4), Decimal(50),
                                                          Status.NOT_ACHIEVED)
    assert (second.fraction, second.plan, second.status) == (Fraction(3, 4), Decimal("60.5"),
                                                             Status.ACHIEVED)
    assert sum("indicator_targets" in sql for sql in statements) == 1


def _cells(page: str, testid: str = "plan-fact") -> list[list[str]]:
    table = page[page.index(f'data-testid="{testid}"'):page.index("</table>",
                                                                  page.index(testid))]
    body = table[table.index("<tbody>"):]
    return [[re.sub(r"<[^>]+>", "", cell).strip()
             for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]
            for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S)]


def test_the_plan_fact_page_shows_two_years_side_by_side_with_a_chart(client, login_as):
    town = _town_with_two_years()
    login_as(Role.COORDINATOR, municipality=town)
    dashboard = client.get(f"/indicators/municipality/{town.id}?period=2023").text
    assert 'data-testid="plan-fact-link"' in dashboard
    response = client.get(f"/indicators/municipality/{town.id}/plan-fact?period=2023&count=2")
    assert response.status_code == 200
    page = html.unescape(response.text)
    assert "2022 год" in page and "2023 год" in page
    row, = _cells(page)
    assert row == ["Доля педагогов с ИОМ за год", "50\u00a0%", "1 из 4 (25\u00a0%)",
                   "не достигнут", "60,5\u00a0%", "3 из 4 (75\u00a0%)", "достигнут"]
    chart = response.text[response.text.index('data-testid="plan-fact-chart"'):]
    figure = json.loads(html.unescape(re.search(r'data-figure="([^"]*)"', chart).group(1)))
    bars, plan = figure["data"]
    assert bars["type"] == "bar" and bars["x"] == ["2022 год", "2023 год"]
    assert bars["y"] == [25.0, 75.0] and plan["y"] == [50.0, 60.5]
    # three periods by default, the oldest without records: a gap, not a zero
    page = html.unescape(client.get(f"/indicators/municipality/{town.id}/plan-fact"
                                    "?period=2023").text)
    assert "2021 год" in page and len(_cells(page)[0]) == 10


def test_plan_fact_is_scoped(client, login_as):
    town = _town_with_two_years()
    other = factories.make_municipality(factories.make_region())
    db.session.commit()
    login_as(Role.COORDINATOR, municipality=town)
    assert client.get(f"/indicators/municipality/{other.id}/plan-fact").status_code == 404


def test_the_chart_builder_draws_bars_and_a_plan_with_gaps():
    chart = charts.plan_fact("Доля", ["2022 год", "2023 год"],
                             charts.Series("Факт", [None, 75.0]),
                             charts.Series("План", [50, None], charts.TARGET_COLOUR),
                             unit=charts.Unit.PERCENT, category_label="Период")
    figure = json.loads(chart.figure)
    assert [trace["y"] for trace in figure["data"]] == [[None, 75.0], [50, None]]
    assert chart.table.cells() == [("2022 год", [None, 50]), ("2023 год", [75.0, None])]
    empty = charts.plan_fact("Доля", ["2022 год"], charts.Series("Факт", [None]),
                             charts.Series("План", [None]), unit=charts.Unit.PERCENT,
                             category_label="Период")
    assert empty.is_empty and empty.figure == ""
