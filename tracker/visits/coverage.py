"""Visit coverage for coordinators: every figure is one SQL aggregation over the scope.

The reference day is the end of the chosen half-year, or today while that half-year runs:
«days since the last visit» of the 2022 demo is counted at 30.06.2022, not in 2026.
"""
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import Select, and_, case, func, literal, or_, select

from tracker.auth.models import CuratorAssignment, User
from tracker.db import db
from tracker.periods import HalfYear, recent_half_years
from tracker.schools.models import Municipality, School
from tracker.visits.models import (AWAITING_SCHOOL, DEFAULT_STALE_AFTER_DAYS, NOT_CLOSED,
                                   CoverageSetting, Recommendation, Visit, VisitStatus)

CURATOR_PERIODS = 4


@dataclass(frozen=True)
class SchoolCoverage:
    school_id: int
    short_name: str
    last_visit_on: date | None
    planned: int
    done: int
    missed: int
    open_follow_ups: int
    overdue_follow_ups: int
    days_since: int | None
    is_flagged: bool


def reference_day(period: HalfYear, today: date | None = None) -> date:
    return period.as_of(today)


def stale_after_days(municipality_ids) -> dict[int, int]:
    rows = db.session.execute(select(CoverageSetting.municipality_id,
                                     CoverageSetting.stale_after_days)
                              .where(CoverageSetting.municipality_id.in_(municipality_ids)))
    return dict(rows.all())


def supported_school_ids(period: HalfYear) -> Select:
    """Schools a curator was assigned to at some point of the half-year."""
    return select(CuratorAssignment.school_id).where(
        CuratorAssignment.starts_on <= period.ends_on,
        or_(CuratorAssignment.ends_on.is_(None), CuratorAssignment.ends_on >= period.starts_on))


def planned_in(period: HalfYear):
    """The half-year's plan: visits planned in it and not cancelled."""
    return and_(Visit.status != VisitStatus.CANCELLED,
                Visit.planned_on.between(period.starts_on, period.ends_on))


def done_in(period: HalfYear):
    """The half-year's fact: visits that took place in it."""
    return and_(Visit.status == VisitStatus.COMPLETED,
                Visit.visited_on.between(period.starts_on, period.ends_on))


def _visit_counts(period: HalfYear, day: date):
    return (
        func.max(Visit.visited_on).filter(Visit.status == VisitStatus.COMPLETED,
                                          Visit.visited_on <= day),
        func.count(Visit.id).filter(planned_in(period)),
        func.count(Visit.id).filter(done_in(period)),
        func.count(Visit.id).filter(Visit.status == VisitStatus.PLANNED,
                                    Visit.planned_on.between(period.starts_on, period.ends_on),
                                    Visit.planned_on < day),
    )


def _follow_ups_by_school(day: date):
    return (select(Visit.school_id.label("school_id"),
                   func.count(Recommendation.id).filter(
                       Recommendation.status.in_(NOT_CLOSED)).label("open"),
                   func.count(Recommendation.id).filter(
                       Recommendation.status.in_(AWAITING_SCHOOL),
                       Recommendation.due_on < day).label("overdue"))
            .join(Recommendation.visit).group_by(Visit.school_id).subquery())


def school_coverage(municipality: Municipality, period: HalfYear,
                    today: date | None = None) -> list[SchoolCoverage]:
    day = reference_day(period, today)
    threshold = stale_after_days([municipality.id]).get(municipality.id,
                                                        DEFAULT_STALE_AFTER_DAYS)
    follow_ups = _follow_ups_by_school(day)
    last, planned, done, missed = _visit_counts(period, day)
    stmt = (select(School.id, School.short_name, last, planned, done, missed,
                   func.coalesce(func.max(follow_ups.c.open), 0),
                   func.coalesce(func.max(follow_ups.c.overdue), 0))
            .outerjoin(Visit, Visit.school_id == School.id)
            .outerjoin(follow_ups, follow_ups.c.school_id == School.id)
            .where(School.municipality_id == municipality.id,
                   School.id.in_(supported_school_ids(period)))
            .group_by(School.id, School.short_name, School.sort_key).order_by(School.sort_key))
    rows = []
    for school_id, name, last_on, n_planned, n_done, n_missed, n_open, n_overdue \
            in db.session.execute(stmt):
        days = (day - last_on).days if last_on else None
        rows.append(SchoolCoverage(school_id, name, last_on, n_planned, n_done, n_missed,
                                   n_open, n_overdue, days, days is None or days > threshold))
    return rows


def _cutoff(municipality_ids, day: date):
    """Per municipality, the last day of a visit that still counts as recent (SQL CASE)."""
    default = day - timedelta(days=DEFAULT_STALE_AFTER_DAYS)
    whens = [(School.municipality_id == mid, literal(day - timedelta(days=n)))
             for mid, n in stale_after_days(municipality_ids).items()]
    return case(*whens, else_=literal(default)) if whens else literal(default)


def municipality_coverage(municipalities: Select, period: HalfYear, today: date | None = None):
    """Per municipality: supported schools, visits plan / fact, open follow-ups, flagged schools."""
    day = reference_day(period, today)
    municipality_ids = municipalities.with_only_columns(Municipality.id)
    last, planned, done, missed = _visit_counts(period, day)
    per_school = (select(School.id.label("school_id"), School.municipality_id.label("mid"),
                         last.label("last_on"), planned.label("planned"),
                         done.label("done"), missed.label("missed"),
                         _cutoff(db.session.scalars(municipality_ids).all(), day).label("cutoff"))
                  .outerjoin(Visit, Visit.school_id == School.id)
                  .where(School.municipality_id.in_(municipality_ids),
                         School.id.in_(supported_school_ids(period)))
                  .group_by(School.id, School.municipality_id).subquery())
    follow_ups = _follow_ups_by_school(day)
    flagged = or_(per_school.c.last_on.is_(None), per_school.c.last_on < per_school.c.cutoff)
    stmt = (select(Municipality.id, Municipality.name,
                   func.count(per_school.c.school_id),
                   func.coalesce(func.sum(per_school.c.planned), 0),
                   func.coalesce(func.sum(per_school.c.done), 0),
                   func.coalesce(func.sum(per_school.c.missed), 0),
                   func.coalesce(func.sum(follow_ups.c.open), 0),
                   func.count(per_school.c.school_id).filter(flagged))
            .select_from(Municipality)
            .outerjoin(per_school, per_school.c.mid == Municipality.id)
            .outerjoin(follow_ups, follow_ups.c.school_id == per_school.c.school_id)
            .where(Municipality.id.in_(municipality_ids))
            .group_by(Municipality.id, Municipality.name).order_by(Municipality.name))
    return db.session.execute(stmt).all()


def curator_visits(municipality: Municipality, period: HalfYear):
    """Completed visits per curator in the municipality, for the half-year and the ones before."""
    periods = recent_half_years(period, CURATOR_PERIODS)
    columns = [func.count(Visit.id).filter(Visit.status == VisitStatus.COMPLETED,
                                           Visit.visited_on.between(p.starts_on, p.ends_on))
               for p in periods]
    stmt = (select(User.id, User.full_name, *columns)
            .join(Visit, Visit.curator_id == User.id).join(Visit.school)
            .where(School.municipality_id == municipality.id,
                   Visit.visited_on.between(periods[0].starts_on, period.ends_on))
            .group_by(User.id, User.full_name).order_by(User.full_name))
    return periods, db.session.execute(stmt).all()
