from decimal import Decimal

import pytest
from sqlalchemy import or_, select

from tracker.db import db
from tracker.errors import DomainError
from tracker.indicators import services
from tracker.indicators.calculations import Fraction, Status
from tracker.indicators.metrics import METRICS
from tracker.indicators.scope import resolved
from tracker.periods import HalfYear
from tracker.schools.models import School
from tracker.teachers.indicators import plan_records, with_plan

from tests import factories
from tests.teacher_factories import make_plan, make_teacher

H1 = HalfYear(2022, 1)


def test_entered_values_sum_up_the_hierarchy_and_targets_give_status(app):
    town = factories.make_municipality()
    small, large = factories.make_school(town), factories.make_school(town)
    factories.make_school(town)  # a school that has not entered anything
    services.enter_value(code="pupils_basic_1_4", period=H1, school_id=small.id,
                         numerator=9, denominator=10)
    services.enter_value(code="pupils_basic_1_4", period=H1, school_id=large.id,
                         numerator=50, denominator=200)
    services.set_target(code="pupils_basic_1_4", period=H1,
                        level=services.TargetLevel("municipality", town.id), value=Decimal("30"))
    db.session.commit()
    school_ids = select(School.id).where(School.municipality_id == town.id)
    value, = services.indicator_values(school_ids, H1, services.TargetLevel("municipality",
                                                                            town.id),
                                       codes=("pupils_basic_1_4",))
    assert value.fraction == Fraction(59, 210)
    assert round(value.fact, 1) == 28.1  # an average of 90 % and 25 % would say 57,5 %
    assert value.status == Status.NOT_ACHIEVED
    assert value.by_school[small.id] + value.by_school[large.id] == value.fraction


def test_unentered_values_are_expected_and_unprovided_ones_have_no_data(app):
    town = factories.make_municipality()
    factories.make_school(town)
    db.session.commit()
    school_ids = select(School.id).where(School.municipality_id == town.id)
    level = services.TargetLevel("municipality", town.id)
    values = {v.indicator.code: v for v in services.indicator_values(school_ids, H1, level)}
    assert values["pupils_meta_10_11"].status == Status.EXPECTED
    assert values["pupils_meta_10_11"].fraction is None
    missing = [code for code, v in values.items()
               if v.indicator.is_computed and code not in METRICS]
    for code in missing:
        assert values[code].status == Status.NO_DATA and values[code].fraction is None


def test_entered_values_are_validated(app):
    school = factories.make_school()
    with pytest.raises(DomainError):
        services.enter_value(code="pupils_basic_5_9", period=H1, school_id=school.id,
                             numerator=11, denominator=10)
    with pytest.raises(DomainError):
        services.enter_value(code="teachers_with_plan", period=H1, school_id=school.id,
                             numerator=1, denominator=10)
    entry = services.enter_value(code="methodical_dynamics", period=H1, school_id=school.id,
                                 flag=True)
    assert entry.flag is True and entry.numerator is None


def test_a_resolved_scope_is_the_same_schools_looked_up_once(app):
    one, other = factories.make_municipality(), factories.make_municipality()
    here, there = factories.make_school(one), factories.make_school(other)
    factories.make_school(factories.make_municipality())
    db.session.commit()
    first = resolved(select(School.id).where(School.municipality_id == one.id))
    second = resolved(select(School.id).where(School.municipality_id == other.id))
    assert resolved(first) is first  # resolving again looks nothing up
    both = db.session.scalars(select(School.id).where(
        or_(School.id.in_(first), School.id.in_(second))).order_by(School.id)).all()
    assert both == [here.id, there.id]  # two resolved scopes in one statement keep their own ids
    nobody = resolved(select(School.id).where(School.municipality_id == -1))
    assert db.session.scalars(select(School.id).where(School.id.in_(nobody))).all() == []


def test_every_indicator_opens_its_records(app):
    """The breakdowns link every school's number to its records: no indicator may lack them."""
    from tracker.indicators.catalogue import for_place
    from tracker.indicators.providers import drilldown_of
    region = factories.make_region()
    db.session.commit()
    indicators = for_place("region", region.id)
    assert len(indicators) == 14
    assert [i.code for i in indicators if drilldown_of(i) is None] == []
    assert [i.code for i in indicators if i.is_computed and i.metric not in METRICS] == []


def test_the_plan_share_counts_the_plans_of_the_period(app):
    school = factories.make_school(factories.make_municipality())
    this_half, last_half = make_teacher(school), make_teacher(school)
    make_plan(this_half, period="2022-H1", status="approved")
    make_plan(last_half, period="2021-H2", status="approved")
    db.session.commit()
    ids = select(School.id).where(School.id == school.id)
    assert with_plan(ids, HalfYear(2022, 1))[school.id] == Fraction(1, 2)
    with app.test_request_context():
        assert len(plan_records(school.id, HalfYear(2022, 1)).counted) == 1
