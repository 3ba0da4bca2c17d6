"""The catalogue is data: a new region starts with the default fourteen, a municipality adds its
own indicators on the registered metrics with filters, history keeps units from changing."""
from decimal import Decimal

import pytest
from sqlalchemy import select

from tracker.db import db
from tracker.indicators import catalogue, catalogue_services as manage, services
from tracker.indicators.calculations import Fraction
from tracker.indicators.defaults import DEFAULT_CODES
from tracker.indicators import metrics
from tracker.indicators.metrics import METRICS
from tracker.indicators.scope import resolved
from tracker.network import services as network
from tracker.periods import HalfYear, Year
from tracker.schools.models import School

from tests import factories
from tests.teacher_factories import make_plan, make_teacher

H1 = HalfYear(2022, 1)


def test_a_new_region_starts_with_the_default_catalogue(app):
    region = factories.make_region()
    town = factories.make_municipality(region)
    db.session.commit()
    codes = [i.code for i in catalogue.for_place("municipality", town.id)]
    assert codes == list(DEFAULT_CODES)
    computed = [i for i in catalogue.for_place("region", region.id) if i.is_computed]
    assert computed and all(i.metric == i.code and i.metric in METRICS for i in computed)
    plan = catalogue.find("region", region.id, "teachers_with_plan")
    assert plan.name == "Доля педагогических работников, имеющих индивидуальные программы развития"


def _own(town, **fields):
    defaults = {"code": "plans_preschool", "name_ru": "Доля педагогов ДОО с ИОМ",
                "unit": "percent", "source": "computed", "metric": "teachers_with_plan",
                "filters": {"org_type": ["doo"]}}
    return manage.add_indicator(municipality_id=town.id, **{**defaults, **fields})


def _teachers(school, with_plan: int, without: int) -> None:
    for _ in range(with_plan):
        make_plan(make_teacher(school), period=H1.code)
    for _ in range(without):
        make_teacher(school)


def test_a_municipality_adds_a_computed_indicator_with_an_organization_type_filter(app):
    town = factories.make_municipality()
    school = factories.make_school(town, org_type="oo")
    kindergarten = factories.make_school(town, org_type="doo")
    other = factories.make_school(town, org_type="doo")
    _teachers(school, 9, 1)
    _teachers(kindergarten, 1, 3)
    _teachers(other, 2, 0)
    _own(town)
    db.session.commit()
    everyone = select(School.id).where(School.municipality_id == town.id)
    level = services.TargetLevel("municipality", town.id)
    values = {v.indicator.code: v for v in services.indicator_values(everyone, H1, level)}
    assert values["plans_preschool"].fraction == Fraction(3, 6)  # 1 of 4 and 2 of 2, summed
    assert set(values["plans_preschool"].by_school) == {kindergarten.id, other.id}
    assert values["teachers_with_plan"].fraction == Fraction(12, 16)  # unfiltered: everyone
    # another municipality of the same region does not see the addition
    neighbour = factories.make_municipality(town.region)
    assert "plans_preschool" not in {i.code for i in catalogue.for_place("municipality",
                                                                         neighbour.id)}


def test_filters_by_status_of_the_year(app):
    town = factories.make_municipality()
    category = factories.make_category(town.region)
    listed = factories.make_school(town, category=category, year=2022)
    in_500 = factories.make_school(town, project_500=True, year=2022)
    _teachers(listed, 1, 1)
    _teachers(in_500, 3, 1)
    _own(town, code="plans_500", filters={"status": "project_500"})
    db.session.commit()
    everyone = select(School.id).where(School.municipality_id == town.id)
    value, = services.indicator_values(everyone, H1, services.TargetLevel("municipality",
                                                                          town.id),
                                       codes=("plans_500",))
    assert value.fraction == Fraction(3, 4)


def test_indicators_sharing_a_metric_count_what_each_filter_counts_alone(app):
    """A catalogue counts a metric once and narrows it per filter: every metric, every filter,
    the same figures as the filter's own query; network counts, whose half-year depends on the
    organizations asked about, are asked again (a year: the kindergarten counted its H1)."""
    town = factories.make_municipality()
    category = factories.make_category(town.region)
    listed = factories.make_school(town, category=category, year=2022)
    in_500 = factories.make_school(town, project_500=True, year=2022)
    kindergarten = factories.make_school(town, org_type="doo")
    _teachers(listed, 2, 1)
    _teachers(in_500, 3, 1)
    _teachers(kindergarten, 1, 2)
    network.set_staff_count(school=kindergarten, period="2022-H1", teachers=10,
                            network_teachers=4)
    network.set_staff_count(school=listed, period="2022-H2", teachers=30, network_teachers=6)
    db.session.commit()
    everyone = resolved(select(School.id).where(School.municipality_id == town.id))
    filters = [{}, {"org_type": ["doo"]}, {"status": "project_500"}, {"status": "low_result"}]
    wanted = [(code, one) for code in METRICS for one in filters]
    for period in (H1, Year(2022)):
        assert metrics.count_all(wanted, everyone, period) == [
            metrics.count(code, everyone, period, one) for code, one in wanted]
    preschool_network, = metrics.count_all([("teachers_in_communities", {"org_type": ["doo"]})],
                                           everyone, Year(2022))
    assert preschool_network == {kindergarten.id: Fraction(4, 10)}
    plans_500, = metrics.count_all([("teachers_with_plan", {"status": "project_500"})],
                                   everyone, H1)
    assert plans_500 == {in_500.id: Fraction(3, 4)}


@pytest.mark.parametrize("fields, field, words", [
    ({"metric": "no_such_metric"}, "metric", "Метрика"),
    ({"filters": {"org_type": ["школа"]}}, "filters", "Неизвестный тип организации"),
    ({"filters": {"colour": "red"}}, "filters", "Неизвестный фильтр: colour"),
    ({"unit": "kg"}, "unit", "Единица"),
    ({"periodicity": "monthly"}, "periodicity", "Периодичность"),
    ({"code": "Плохой код"}, "code", "Код"),
    ({"code": "teachers_with_plan"}, "code", "уже есть"),
    ({"expected_month": 13}, "expected_month", "месяц"),
])
def test_bad_fields_are_refused_naming_the_field(app, fields, field, words):
    town = factories.make_municipality()
    db.session.commit()
    with app.test_request_context():
        with pytest.raises(manage.IndicatorError) as error:
            _own(town, **fields)
        assert error.value.field == field and words in str(error.value), str(error.value)


def test_history_keeps_the_unit_and_retiring_keeps_the_values(app):
    town = factories.make_municipality()
    indicator = _own(town, code="survey", source="entered", metric=None, filters=None,
                     unit="percent")
    school = factories.make_school(town)
    services.enter_value(code="survey", period=H1, school_id=school.id, numerator=1,
                         denominator=2)
    db.session.commit()
    with pytest.raises(manage.IndicatorError):
        manage.update_indicator(indicator, name_ru="Опрос", unit="count", source="entered")
    with pytest.raises(Exception):
        manage.delete_indicator(indicator)
    manage.update_indicator(indicator, name_ru="Опрос родителей", unit="percent",
                            source="entered")
    manage.retire_indicator(indicator)
    db.session.commit()
    codes = [i.code for i in catalogue.for_place("municipality", town.id)]
    assert "survey" not in codes
    assert catalogue.find("municipality", town.id, "survey").name_ru == "Опрос родителей"
    fresh = _own(town, code="fresh", source="entered", metric=None, filters=None)
    manage.delete_indicator(fresh)  # no history: it may go
    services.set_target(code="survey", period=H1,
                        level=services.TargetLevel("municipality", town.id), value=Decimal(5))
