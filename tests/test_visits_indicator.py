"""«Визиты кураторов (план / факт)»: the plan is the half-year's visits not cancelled, the fact the
visits that took place; without a target the figure is measured against its own plan."""
import json
from datetime import date
from decimal import Decimal

import pytest

from tracker.auth.models import Role
from tracker.db import db
from tracker.indicators import services
from tracker.indicators.calculations import Fraction, Status
from tracker.indicators.scope import low_result_school_ids
from tracker.periods import HalfYear

from tests import factories

H1 = HalfYear(2022, 1)


@pytest.fixture
def town(app):
    """Two listed schools with uneven visits and one listed school never visited."""
    region = factories.make_region()
    category = factories.make_category(region)
    town = factories.make_municipality(region, "Посёлок")
    busy = factories.make_school(town, "Школа с планом", category=category)
    quiet = factories.make_school(town, "Школа без плана", category=category)
    factories.make_school(town, "Непосещённая школа", category=category)
    curator = factories.make_user(Role.CURATOR, region=region, municipality=town)
    visit = factories.make_visit
    visit(busy, curator, planned_on=date(2022, 2, 1), visited_on=date(2022, 2, 1))
    visit(busy, curator, planned_on=date(2022, 3, 1), visited_on=date(2022, 3, 3))
    visit(busy, curator, planned_on=date(2022, 5, 10), visited_on=None, status="planned")
    visit(busy, curator, planned_on=date(2022, 4, 1), visited_on=None, status="cancelled")
    visit(busy, curator, planned_on=date(2021, 12, 20), visited_on=date(2022, 1, 12))
    visit(busy, curator, planned_on=date(2022, 9, 1), visited_on=None, status="planned")
    visit(quiet, curator, planned_on=date(2022, 6, 1), visited_on=date(2022, 6, 1))
    db.session.commit()
    return town


def values(town, level=None):
    value, = services.indicator_values(low_result_school_ids(2022, municipality_id=town.id), H1,
                                       level or services.TargetLevel("municipality", town.id),
                                       codes=("visits",))
    return value


def test_plan_and_fact_per_school_sum_to_the_municipality(town):
    value = values(town)
    by_name = {school.short_name: value.by_school[school.id] for school in town.schools}
    # busy: planned in H1 and not cancelled = 3 (Feb, Mar, May); done in H1 = 3 (Jan, Feb, Mar)
    assert by_name == {"Школа с планом": Fraction(3, 3), "Школа без плана": Fraction(1, 1),
                       "Непосещённая школа": Fraction(0, 0)}
    assert value.fraction == Fraction(4, 4)
    assert value.fact == 4 and value.plan == 4
    assert value.status == Status.ACHIEVED


def test_without_a_target_the_fact_is_measured_against_the_plan(town):
    busy = next(s for s in town.schools if s.short_name == "Школа с планом")
    curator = factories.make_user(Role.CURATOR)
    factories.make_visit(busy, curator, planned_on=date(2022, 6, 20), visited_on=None,
                         status="planned")
    db.session.commit()
    value = values(town)
    assert value.fraction == Fraction(4, 5) and value.target is None and value.plan == 5
    assert value.status == Status.NOT_ACHIEVED


def test_an_explicit_target_replaces_the_plan(town):
    services.set_target(code="visits", period=H1, level=services.TargetLevel("municipality",
                                                                            town.id),
                        value=Decimal(3))
    db.session.commit()
    value = values(town)
    assert value.plan == Decimal(3) and value.status == Status.ACHIEVED
    services.set_target(code="visits", period=H1, level=services.TargetLevel("municipality",
                                                                            town.id),
                        value=Decimal(6))
    db.session.commit()
    assert values(town).status == Status.NOT_ACHIEVED


def test_tiles_breakdown_and_records_show_plan_and_fact(town, client, login_as):
    login_as(Role.COORDINATOR, municipality=town)
    page = client.get(f"/indicators/municipality/{town.id}?period=2022-H1").text
    assert "4 из 4" in page
    breakdown = client.get(f"/indicators/municipality/{town.id}/visits?period=2022-H1").text
    assert "Проведено" in breakdown and "Запланировано" in breakdown
    busy = next(s for s in town.schools if s.short_name == "Школа с планом")
    records = client.get(f"/indicators/school/{busy.id}/visits?period=2022-H1").text
    counted = records[records.index('id="counted"'):]
    not_counted = records[records.index('id="not-counted"'):records.index('id="counted"')]
    assert counted.count("/visits/") == 3 and "Проведено" in counted
    # the May visit is missed at 30.06.2022, the April one cancelled; September is not in H1
    assert "Пропущено" in not_counted and "Отменено" in not_counted
    assert not_counted.count("/visits/") == 2


def test_cli_and_export_carry_the_plan(town, runner):
    result = runner.invoke(args=["indicators", "--municipality", town.name, "--period",
                                 "2022-H1", "--format", "json"])
    row = next(r for r in json.loads(result.output) if r["code"] == "visits")
    assert (row["numerator"], row["denominator"], row["value"], row["target"],
            row["status"]) == (4, 4, 4, 4, "достигнут")
