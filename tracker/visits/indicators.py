"""Curator visits for the indicators feature: «Визиты кураторов (план / факт)».

Per school, the plan is the visits of the half-year that were not cancelled (planned in it), the
fact the visits that took place in it; the figure reads «7 из 8» and, without an explicit target,
is achieved when the fact reaches the plan. The same counts as the coverage page (coverage.py).
"""
from flask import url_for
from flask_babel import gettext as _
from sqlalchemy import Select, and_, func, or_, select

from tracker.auth.models import User
from tracker.db import db
from tracker.i18n import day
from tracker.indicators.calculations import Fraction, Unit
from tracker.indicators.metrics import metric
from tracker.indicators.providers import RecordList, RecordRow, drills
from tracker.periods import Period
from tracker.schools.models import School
from tracker.visits.coverage import done_in, planned_in, reference_day
from tracker.visits.forms import KIND_LABELS, STATUS_LABELS
from tracker.visits.models import Visit

CODE = "visits"


def _of_period(period: Period):
    return or_(Visit.planned_on.between(period.starts_on, period.ends_on),
               Visit.visited_on.between(period.starts_on, period.ends_on))


@metric(CODE, unit=Unit.COUNT, plan_in_records=True)
def visits_by_school(school_ids: Select, period: Period) -> dict[int, Fraction]:
    """Every school of the scope: visits done (numerator) of visits planned (denominator)."""
    stmt = (select(School.id, func.count(Visit.id).filter(done_in(period)),
                   func.count(Visit.id).filter(planned_in(period)))
            .outerjoin(Visit, and_(Visit.school_id == School.id, _of_period(period)))
            .where(School.id.in_(school_ids)).group_by(School.id))
    return {school_id: Fraction(done, planned)
            for school_id, done, planned in db.session.execute(stmt)}


@drills(CODE)
def visit_records(school_id: int, period: Period) -> RecordList:
    """The school's visits of the half-year: those that took place count; planned, missed and
    cancelled ones are listed as not counted."""
    on = reference_day(period)
    rows = db.session.execute(
        select(Visit, User.full_name, done_in(period).label("counted"))
        .join(User, User.id == Visit.curator_id)
        .where(Visit.school_id == school_id, _of_period(period))
        .order_by(func.coalesce(Visit.visited_on, Visit.planned_on), Visit.id)).all()
    records = RecordList([_("Date"), _("Kind"), _("Curator"), _("Status")])
    for visit, curator, counted in rows:
        records.rows.append(RecordRow(
            [day(visit.day), str(KIND_LABELS[visit.kind]), curator,
             str(STATUS_LABELS[visit.shown_status(on)])],
            url=url_for("visits.detail", visit_id=visit.id), counted=bool(counted)))
    return records
