"""A computed indicator counts the records of its period's dates, whatever the periodicity:
half-year, calendar year or school year, on records spread unevenly over two years."""
import json
from datetime import date

import pytest
from sqlalchemy import select

from tracker.db import db
from tracker.indicators import catalogue_services, services
from tracker.indicators.calculations import Fraction
from tracker.periods import HalfYear, SchoolYear, Year, parse
from tracker.programs.indicators import measures_on_time
from tracker.schools.models import School
from tracker.teachers.indicators import with_plan

from tests import factories
from tests.program_factories import make_direction, make_measure, make_program
from tests.teacher_factories import make_plan, make_teacher

# (due on, done on): done by the due date counts as on time
MEASURES = [(date(2021, 10, 15), date(2021, 10, 1)), (date(2022, 3, 1), date(2022, 3, 20)),
            (date(2022, 5, 10), date(2022, 5, 1)), (date(2022, 11, 20), None),
            (date(2023, 2, 1), date(2023, 1, 30))]


@pytest.fixture
def school(app):
    town = factories.make_municipality(name="Годовой")
    school = factories.make_school(town, "СОШ № 1", category=factories.make_category(town.region))
    program = make_program(school, make_direction())
    for due_on, done_on in MEASURES:
        measure = make_measure(program, due_on=due_on, status="done" if done_on else "planned")
        measure.done_on = done_on
    for period in ("2021-H2", "2022-H2", None):  # the third teacher has no plan
        teacher = make_teacher(school)
        if period:
            make_plan(teacher, period=period)
    db.session.commit()
    return school


@pytest.mark.parametrize("period,on_time", [
    (HalfYear(2022, 1), Fraction(1, 2)), (Year(2022), Fraction(1, 3)),
    (SchoolYear(2021), Fraction(2, 3)), (SchoolYear(2022), Fraction(1, 2)),
    (Year(2023), Fraction(1, 1))])
def test_measures_are_counted_in_the_dates_of_the_period(school, period, on_time):
    ids = select(School.id).where(School.id == school.id)
    assert measures_on_time(ids, period)[school.id] == on_time


@pytest.mark.parametrize("code,planned", [("2022-H1", 0), ("2022", 1), ("2021/22", 1),
                                          ("2021", 1), ("2023", 0)])
def test_plans_kept_per_half_year_count_in_the_years_containing_them(school, code, planned):
    ids = select(School.id).where(School.id == school.id)
    assert with_plan(ids, parse(code))[school.id] == Fraction(planned, 3)


def test_a_yearly_indicator_is_listed_for_years_only_with_its_own_figure(school, runner):
    catalogue_services.add_indicator(
        municipality_id=school.municipality_id, code="measures_year",
        name_ru="Доля мероприятий года, выполненных в срок", unit="percent",
        periodicity="year", source="computed", metric="measures_on_time")
    db.session.commit()
    level = services.TargetLevel("municipality", school.municipality_id)
    ids = select(School.id).where(School.id == school.id)
    half_year_codes = [v.indicator.code for v in services.indicator_values(ids, HalfYear(2022, 1),
                                                                           level)]
    yearly = services.indicator_values(ids, Year(2022), level)
    assert "measures_year" not in half_year_codes and "measures_on_time" in half_year_codes
    assert [v.indicator.code for v in yearly] == ["measures_year"]
    assert yearly[0].fraction == Fraction(1, 3)
    result = runner.invoke(args=["indicators", "--municipality", "Годовой", "--period", "2022",
                                 "--format", "json"])
    assert result.exit_code == 0, result.output
    row, = json.loads(result.output)
    assert (row["code"], row["numerator"], row["denominator"]) == ("measures_year", 1, 3)
    refused = runner.invoke(args=["indicators", "--municipality", "Годовой", "--period", "2022-Q1"])
    assert refused.exit_code != 0 and "--period" in refused.output
