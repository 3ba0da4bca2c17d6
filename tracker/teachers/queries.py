"""SQL aggregations over teachers, shared with indicators and the half-year report.

Every function takes `school_ids`: anything `IN` accepts (a list of ids, or a select of ids such
as `permissions.visible_school_ids(user)`), and returns {school_id: count} (schools with nothing
to count are absent: read missing as 0), or with `counted_of_active` {school_id: (counted,
active)} for every school with active teachers. Only active teachers count.
"""
from collections.abc import Iterable
from datetime import date

from sqlalchemy import ColumnElement, Select, and_, distinct, exists, func, or_, select

from tracker.db import db
from tracker.periods import Period
from tracker.teachers.models import (APPROVED_PLAN, CourseCompletion, DevelopmentPlan,
                                     Diagnostic, MentoringProgram, Mentorship, MentorshipStatus,
                                     Teacher)

SchoolIds = Iterable[int] | Select


def _active_in(school_ids: SchoolIds):
    return and_(Teacher.school_id.in_(school_ids), Teacher.is_active.is_(True))


def _per_school(stmt: Select) -> dict[int, int]:
    return {school_id: count for school_id, count in db.session.execute(stmt)}


def active_teachers(school_ids: SchoolIds) -> dict[int, int]:
    return _per_school(select(Teacher.school_id, func.count(Teacher.id))
                       .where(_active_in(school_ids)).group_by(Teacher.school_id))


def _has(*conditions) -> ColumnElement[bool]:
    """Whether the teacher (correlated on Teacher.id) has records meeting `conditions`.

    Measured on both engines (scripts/bench.py): SQLite is fastest with EXISTS; PostgreSQL turns
    a correlated EXISTS into a hash over the whole table when it expects many teachers (80 ms
    for one municipality in a national database), so there it is a count, which stays one
    index lookup per teacher whatever the size of the database (2 ms)."""
    if db.session.get_bind().dialect.name == "sqlite":
        return exists().where(*conditions).correlate(Teacher)
    return select(func.count()).where(*conditions).correlate(Teacher).scalar_subquery() > 0


def has_diagnostic(until: date | None = None) -> ColumnElement[bool]:
    """At least one diagnostic (held on or before `until`)."""
    conditions = [Diagnostic.teacher_id == Teacher.id]
    if until is not None:
        conditions.append(Diagnostic.held_on <= until)
    return _has(*conditions)


def has_approved_plan(period: Period | None = None) -> ColumnElement[bool]:
    """An approved (or completed) plan, for `period` or any period."""
    conditions = [DevelopmentPlan.teacher_id == Teacher.id,
                  DevelopmentPlan.status.in_(APPROVED_PLAN)]
    if period is not None:
        # plans are kept per half-year: a year counts the plans of its half-years
        conditions.append(DevelopmentPlan.period.in_([h.code for h in period.half_years]))
    return _has(*conditions)


def three_years_before(day: date) -> date:
    """The day 36 months before `day` (28 February for a 29 February)."""
    try:
        return day.replace(year=day.year - 3)
    except ValueError:
        return day.replace(year=day.year - 3, day=28)


def has_recent_course(on: date) -> ColumnElement[bool]:
    """A course completed in the 36 months up to `on` (after the day 36 months before, up to
    and including `on`)."""
    return _has(CourseCompletion.teacher_id == Teacher.id,
                CourseCompletion.completed_on > three_years_before(on),
                CourseCompletion.completed_on <= on)


def counted_of_active(school_ids: SchoolIds, counted: ColumnElement[bool]
                      ) -> dict[int, tuple[int, int]]:
    """Per school: (active teachers meeting `counted`, active teachers), in one pass."""
    stmt = (select(Teacher.school_id, func.count().filter(counted), func.count())
            .where(_active_in(school_ids)).group_by(Teacher.school_id))
    return {school_id: (numerator, denominator)
            for school_id, numerator, denominator in db.session.execute(stmt)}


def _numerators(school_ids: SchoolIds, counted: ColumnElement[bool]) -> dict[int, int]:
    return {school_id: numerator for school_id, (numerator, _total)
            in counted_of_active(school_ids, counted).items() if numerator}


def diagnosed_teachers(school_ids: SchoolIds, *, until: date | None = None) -> dict[int, int]:
    """Active teachers with at least one diagnostic (held on or before `until`)."""
    return _numerators(school_ids, has_diagnostic(until))


def teachers_with_plan(school_ids: SchoolIds, *, period: Period | None = None) -> dict[int, int]:
    """Active teachers with an approved (or completed) plan, for `period` or any period."""
    return _numerators(school_ids, has_approved_plan(period))


def teachers_with_recent_course(school_ids: SchoolIds, *, on: date) -> dict[int, int]:
    """Active teachers with a course completed in the 36 months up to `on`."""
    return _numerators(school_ids, has_recent_course(on))


def pair_active_in(period: Period):
    """A mentoring pair that worked at some point of the period (not cancelled)."""
    return and_(Mentorship.status != MentorshipStatus.CANCELLED,
                Mentorship.starts_on <= period.ends_on,
                or_(Mentorship.ends_on.is_(None), Mentorship.ends_on >= period.starts_on))


def program_approved_by(period: Period):
    return and_(MentoringProgram.approved_on.is_not(None),
                MentoringProgram.approved_on <= period.ends_on)


def schools_running_mentoring(school_ids: SchoolIds, period: Period) -> set[int]:
    """Schools with a program approved by the period's end and a pair active in the period."""
    active_pair = select(Mentorship.school_id).where(Mentorship.school_id.in_(school_ids),
                                                     pair_active_in(period))
    stmt = select(MentoringProgram.school_id).where(
        MentoringProgram.school_id.in_(school_ids), program_approved_by(period),
        MentoringProgram.school_id.in_(active_pair))
    return set(db.session.scalars(stmt))


def course_listeners(school_ids: SchoolIds, period: Period) -> dict[tuple[int, str, bool], int]:
    """Listeners (course completions) in the period: {(school_id, provider, in registry): n}.
    Inactive teachers count too: they were listeners when they took the course."""
    stmt = (select(Teacher.school_id, CourseCompletion.provider,
                   CourseCompletion.is_federal_registry, func.count(CourseCompletion.id))
            .join(Teacher, Teacher.id == CourseCompletion.teacher_id)
            .where(Teacher.school_id.in_(school_ids),
                   CourseCompletion.completed_on >= period.starts_on,
                   CourseCompletion.completed_on <= period.ends_on)
            .group_by(Teacher.school_id, CourseCompletion.provider,
                      CourseCompletion.is_federal_registry))
    return {(school_id, provider, bool(registry)): count
            for school_id, provider, registry, count in db.session.execute(stmt)}


def teachers_by_course_topic(school_ids: SchoolIds, starts_on: date,
                             ends_on: date) -> dict[str | None, int]:
    """Active teachers with a course completed in the days given, per the course's direction:
    {topic: teachers} (a teacher counts once per direction; None: the direction not stated)."""
    stmt = (select(CourseCompletion.topic, func.count(distinct(Teacher.id)))
            .join(Teacher, Teacher.id == CourseCompletion.teacher_id)
            .where(_active_in(school_ids), CourseCompletion.completed_on >= starts_on,
                   CourseCompletion.completed_on <= ends_on)
            .group_by(CourseCompletion.topic))
    return {topic: count for topic, count in db.session.execute(stmt)}


def deficit_profile(school_id: int) -> dict[tuple[int, str], int]:
    """The staff's profile: {(domain_id, level): active teachers} from each one's latest
    diagnostic."""
    from tracker.teachers.models import DiagnosticResult
    latest = (select(Diagnostic.teacher_id, func.max(Diagnostic.held_on).label("held_on"))
              .group_by(Diagnostic.teacher_id).subquery())
    stmt = (select(DiagnosticResult.domain_id, DiagnosticResult.level,
                   func.count(distinct(Teacher.id)))
            .join(Diagnostic, Diagnostic.id == DiagnosticResult.diagnostic_id)
            .join(latest, and_(latest.c.teacher_id == Diagnostic.teacher_id,
                               latest.c.held_on == Diagnostic.held_on))
            .join(Teacher, Teacher.id == Diagnostic.teacher_id)
            .where(_active_in([school_id]))
            .group_by(DiagnosticResult.domain_id, DiagnosticResult.level))
    return {(domain_id, level): count for domain_id, level, count in db.session.execute(stmt)}
