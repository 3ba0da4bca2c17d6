"""Values typed in: once per municipality (a survey result, a figure from another system) or by
every school in one grid; checked against the unit and the period; nothing saved on a refusal."""
import json
from decimal import Decimal

import pytest
from sqlalchemy import select

from tracker.auth.models import Role
from tracker.db import db
from tracker.indicators import catalogue_services, services
from tracker.indicators.calculations import Status
from tracker.indicators.figures import FigureRefused
from tracker.indicators.models import EnteredValue
from tracker.periods import HalfYear, Year
from tracker.schools.models import School

from tests import factories

Y2023 = Year(2023)


@pytest.fixture
def district(app):
    town = factories.make_municipality(name="Сетевой")
    category = factories.make_category(town.region)
    for name in ("СОШ № 1", "СОШ № 2"):
        factories.make_school(town, name, category=category, year=2023)
    catalogue_services.add_indicator(
        municipality_id=town.id, code="net_orgs", name_ru="Доля ОУ в сетевых сообществах",
        unit="percent", periodicity="year", level="municipality", source="entered")
    catalogue_services.add_indicator(
        municipality_id=town.id, code="readers", name_ru="Доля читающих учеников",
        unit="percent", periodicity="year", level="school", source="entered")
    catalogue_services.add_indicator(
        municipality_id=town.id, code="net_events", name_ru="Сетевые мероприятия",
        unit="count", periodicity="year", level="municipality", source="entered",
        direction="higher")
    db.session.commit()
    return town


def _schools(town):
    return {s.short_name: s for s in db.session.scalars(
        select(School).where(School.municipality_id == town.id))}


def test_the_coordinator_types_the_municipal_value_and_a_grid_of_schools(client, login_as,
                                                                         district, runner):
    login_as(Role.COORDINATOR, municipality=district)
    schools = _schools(district)
    page = client.get(f"/indicators/municipality/{district.id}/values?period=2023")
    assert page.status_code == 200 and 'data-testid="values-grid"' in page.text
    one, two = schools["СОШ № 1"].id, schools["СОШ № 2"].id
    response = client.post(f"/indicators/municipality/{district.id}/values?period=2023", data={
        "m-net_orgs": "41,5", "m-net_events": "12",
        f"s{one}-readers__n": "9", f"s{one}-readers__d": "10",
        f"s{two}-readers__n": "1", f"s{two}-readers__d": "30"})
    assert response.status_code == 302, response.text
    listed = runner.invoke(args=["indicators", "--municipality", "Сетевой", "--period", "2023",
                                 "--format", "json"])
    rows = {row["code"]: row for row in json.loads(listed.output)}
    assert rows["net_orgs"]["value"] == 41.5 and rows["net_events"]["value"] == 12
    assert (rows["readers"]["numerator"], rows["readers"]["denominator"]) == (10, 40)
    assert rows["readers"]["value"] == 25.0  # Σ 10 / Σ 40, not the average of 90 % and 3,3 %
    board = client.get(f"/indicators/municipality/{district.id}?period=2023").text
    assert "41,5" in board and "25" in board
    again = client.get(f"/indicators/municipality/{district.id}/values?period=2023").text
    assert 'value="41,5"' in again


def test_a_refused_value_saves_nothing_and_keeps_what_was_typed(client, login_as, district):
    login_as(Role.COORDINATOR, municipality=district)
    one = _schools(district)["СОШ № 1"].id
    url = f"/indicators/municipality/{district.id}/values?period=2023"
    response = client.post(url, data={"m-net_orgs": "150", "m-net_events": "3"})
    assert response.status_code == 422
    assert 'value="150"' in response.text and "от 0 до 100" in response.text
    response = client.post(url, data={f"s{one}-readers__n": "12", f"s{one}-readers__d": "10",
                                      "m-net_events": "3", "m-net_orgs": "20"})
    assert response.status_code == 422
    assert "не может превышать" in response.text and 'value="12"' in response.text
    db.session.expire_all()
    assert db.session.scalars(select(EnteredValue)).all() == []


def test_values_pages_stay_in_scope(client, login_as, district):
    elsewhere = factories.make_municipality()
    db.session.commit()
    login_as(Role.COORDINATOR, municipality=elsewhere)
    assert client.get(f"/indicators/municipality/{district.id}/values").status_code == 404
    response = client.post(f"/indicators/municipality/{district.id}/values?period=2023",
                           data={"m-net_orgs": "10"})
    assert response.status_code == 404
    director_school = _schools(district)["СОШ № 1"]
    login_as(Role.DIRECTOR, school=director_school)
    assert client.get(f"/indicators/municipality/{district.id}/values").status_code in (403,
                                                                                        404)
    db.session.expire_all()
    assert db.session.scalars(select(EnteredValue)).all() == []


def test_values_are_checked_against_unit_period_and_level(district):
    school = _schools(district)["СОШ № 1"]
    with pytest.raises(FigureRefused):  # a yearly indicator has no half-year values
        services.enter_value(code="net_orgs", period=HalfYear(2023, 1),
                             municipality_id=district.id, value=10)
    with pytest.raises(FigureRefused):
        services.enter_value(code="net_events", period=Y2023, municipality_id=district.id,
                             value=Decimal("2.5"))
    with pytest.raises(services.DomainError):  # typed once for the municipality, not a school
        services.enter_value(code="net_orgs", period=Y2023, school_id=school.id, value=10)
    db.session.rollback()
    assert db.session.scalars(select(EnteredValue)).all() == []


def test_a_region_sums_counts_typed_per_municipality_but_not_shares(district):
    region, other = district.region, factories.make_municipality(district.region)
    for code, unit in (("events_r", "count"), ("share_r", "percent")):
        catalogue_services.add_indicator(
            region_id=region.id, code=code, name_ru=code, unit=unit, periodicity="year",
            level="municipality", source="entered")
    for place, events, share in ((district, 12, 40), (other, 5, 90)):
        services.enter_value(code="events_r", period=Y2023, municipality_id=place.id,
                             value=events)
        services.enter_value(code="share_r", period=Y2023, municipality_id=place.id, value=share)
    db.session.commit()
    nothing = select(School.id).where(School.id.is_(None))
    whole = {v.indicator.code: v for v in services.indicator_values(
        nothing, Y2023, services.TargetLevel("region", region.id))}
    assert whole["events_r"].fact == 17.0
    assert whole["share_r"].fact is None  # 40 % and 90 % typed as such cannot be added up
    own = {v.indicator.code: v for v in services.indicator_values(
        nothing, Y2023, services.TargetLevel("municipality", other.id))}
    assert (own["events_r"].fact, own["share_r"].fact) == (5.0, 90.0)


def test_a_lower_is_better_indicator_is_achieved_below_its_target(district):
    indicator = catalogue_services.add_indicator(
        municipality_id=district.id, code="dropouts", name_ru="Отчисленные", unit="count",
        periodicity="year", level="municipality", source="entered", direction="lower")
    services.enter_value(code="dropouts", period=Y2023, municipality_id=district.id, value=3)
    services.set_target(code="dropouts", period=Y2023, value=Decimal(5),
                        level=services.TargetLevel("municipality", district.id))
    db.session.commit()
    value, = services.indicator_values(select(School.id).where(School.id.is_(None)), Y2023,
                                       services.TargetLevel("municipality", district.id),
                                       codes=(indicator.code,))
    assert value.status == Status.ACHIEVED
