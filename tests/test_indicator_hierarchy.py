"""Sums up the hierarchy equal the sum of the parts: school → municipality → region, with uneven
schools where an average of percentages would be wrong, in the services and on the pages."""
import pytest
from lxml import html

from tracker.auth.models import Role
from tracker.db import db
from tracker.indicators import services
from tracker.indicators.calculations import Fraction, total
from tracker.indicators.scope import low_result_school_ids, single_school_ids
from tracker.periods import HalfYear

from tests import factories
from tests.teacher_factories import make_plan, make_teacher

H1 = HalfYear(2022, 1)
CODE = "teachers_with_plan"
# municipality -> school -> (active teachers, of them with an approved plan)
STAFF = {"Северный": {"Малая школа": (2, 2), "Большая школа": (20, 2)},
         "Южный": {"Средняя школа": (8, 0), "Крошечная школа": (1, 1)}}


@pytest.fixture
def region(app):
    region = factories.make_region("Область")
    category = factories.make_category(region)
    for town_name, schools in STAFF.items():
        town = factories.make_municipality(region, town_name)
        for name, (teachers, planned) in schools.items():
            school = factories.make_school(town, name, category=category)
            for n in range(teachers):
                teacher = make_teacher(school)
                if n < planned:
                    make_plan(teacher)
            make_plan(make_teacher(school, is_active=False))  # former staff never count
        unlisted = factories.make_school(town, f"Школа не из списка ({town_name})")
        make_plan(make_teacher(unlisted))
    db.session.commit()
    return region


def value_of(school_ids, level) -> services.IndicatorValue:
    value, = services.indicator_values(school_ids, H1, level, codes=(CODE,))
    return value


def test_school_municipality_region_sums(region):
    region_value = value_of(low_result_school_ids(2022, region_id=region.id),
                            services.TargetLevel("region", region.id))
    municipal_totals = []
    for town in sorted(region.municipalities, key=lambda m: m.name):
        town_value = value_of(low_result_school_ids(2022, municipality_id=town.id),
                              services.TargetLevel("municipality", town.id))
        listed = [s for s in town.schools if s.year_statuses]
        parts = [value_of(single_school_ids(s.id), services.TargetLevel("school", s.id))
                 .fraction for s in listed]
        assert parts == [Fraction(*STAFF[town.name][s.short_name][::-1]) for s in listed]
        assert town_value.fraction == total(parts)
        assert town_value.by_school == {s.id: p for s, p in zip(listed, parts)}
        municipal_totals.append(town_value.fraction)
    assert municipal_totals == [Fraction(4, 22), Fraction(1, 9)]
    assert region_value.fraction == total(municipal_totals) == Fraction(5, 31)
    assert round(region_value.fact, 1) == 16.1
    # averaging would say 55 % for Северный (100 % and 10 %) and 52,5 % for the region
    assert round(municipal_totals[0].percent, 1) == 18.2


def test_the_regional_dashboard_shows_the_same_sums(region, client, login_as):
    login_as(Role.REGIONAL, region=region)
    page = client.get(f"/indicators/region/{region.id}?period=2022-H1").text
    doc = html.fromstring(page)
    tile, = doc.xpath(f"//div[@data-code='{CODE}']//p[@data-testid='fact']")
    assert " ".join(tile.text_content().split()) == "5 из 31 (16,1 %)"
    cells = {row.get("data-municipality"): " ".join(
        row.xpath(f"./td[@data-code='{CODE}']")[0].text_content().split())
        for row in doc.xpath("//table[@data-testid='municipality-table']/tbody/tr")}
    assert cells == {"Северный": "4 из 22 (18,2 %)", "Южный": "1 из 9 (11,1 %)"}
    breakdown = client.get(tile.xpath(".//a")[0].get("href")).text
    rows = html.fromstring(breakdown).xpath("//table[@data-testid='breakdown']/tbody/tr")
    assert [[c.text_content().strip() for c in row.xpath("./td")][:3] for row in rows] == [
        ["Северный", "4", "22"], ["Южный", "1", "9"]]
    north = rows[0].xpath(".//a")[0].get("href")
    schools = html.fromstring(client.get(north).text).xpath(
        "//table[@data-testid='breakdown']//tr[@data-school]")
    counted = {row.get("data-school"): [c.text_content().strip() for c in row.xpath("./td")]
               for row in schools}
    assert counted == {"Большая школа": ["Большая школа", "2", "18", "20", "10\u00a0%"],
                       "Малая школа": ["Малая школа", "2", "0", "2", "100\u00a0%"]}
