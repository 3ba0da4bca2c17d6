"""The teachers' figures for the indicators feature, with the teachers behind each school's figure.

Shares of teachers count active teachers of a school; a school runs mentoring (1 of 1) when its
program is approved and a pair is active in the period (docs/domain.md).
"""
from flask import url_for
from flask_babel import gettext as _
from sqlalchemy import Select, select
from sqlalchemy.orm import selectinload

from tracker.db import db
from tracker.i18n import day
from tracker.indicators.calculations import Fraction
from tracker.indicators.metrics import metric
from tracker.indicators.providers import RecordList, RecordRow, drills
from tracker.periods import Period
from tracker.teachers import labels, queries
from tracker.teachers.models import (APPROVED_PLAN, CourseCompletion, DevelopmentPlan,
                                     Diagnostic, MentoringProgram, Mentorship, Teacher)


def _shares(counts: dict[int, tuple[int, int]]) -> dict[int, Fraction]:
    return {school_id: Fraction(numerator, denominator)
            for school_id, (numerator, denominator) in counts.items()}


@metric("teachers_diagnosed")
def diagnosed(school_ids: Select, period: Period) -> dict[int, Fraction]:
    return _shares(queries.counted_of_active(school_ids, queries.has_diagnostic(period.ends_on)))


@metric("teachers_with_plan")
def with_plan(school_ids: Select, period: Period) -> dict[int, Fraction]:
    return _shares(queries.counted_of_active(school_ids, queries.has_approved_plan(period)))


@metric("teachers_courses_3y")
def recent_course(school_ids: Select, period: Period) -> dict[int, Fraction]:
    return _shares(queries.counted_of_active(school_ids,
                                             queries.has_recent_course(period.ends_on)))


@metric("schools_with_mentoring")
def mentoring(school_ids: Select, period: Period) -> dict[int, Fraction]:
    running = queries.schools_running_mentoring(school_ids, period)
    return {school_id: Fraction(int(school_id in running), 1)
            for school_id in db.session.scalars(school_ids)}


def _teacher_records(school_id: int, counted_ids: Select) -> RecordList:
    counted = set(db.session.scalars(counted_ids))
    teachers = db.session.execute(
        select(Teacher.id, Teacher.full_name, Teacher.position)
        .where(Teacher.school_id == school_id, Teacher.is_active.is_(True))
        .order_by(Teacher.full_name)).all()
    records = RecordList([_("Teacher"), _("Position")])
    for teacher_id, name, position in teachers:
        records.rows.append(RecordRow([name, position], url=url_for("teachers.card",
                                                                    teacher_id=teacher_id),
                                      counted=teacher_id in counted))
    return records


@drills("teachers_diagnosed")
def diagnosed_records(school_id: int, period: Period) -> RecordList:
    return _teacher_records(school_id, select(Diagnostic.teacher_id).where(
        Diagnostic.held_on <= period.ends_on))


@drills("teachers_with_plan")
def plan_records(school_id: int, period: Period) -> RecordList:
    return _teacher_records(school_id, select(DevelopmentPlan.teacher_id).where(
        DevelopmentPlan.status.in_(APPROVED_PLAN), DevelopmentPlan.period == period.code))


@drills("teachers_courses_3y")
def course_records(school_id: int, period: Period) -> RecordList:
    since = queries.three_years_before(period.ends_on)
    return _teacher_records(school_id, select(CourseCompletion.teacher_id).where(
        CourseCompletion.completed_on > since, CourseCompletion.completed_on <= period.ends_on))


@drills("schools_with_mentoring")
def mentoring_records(school_id: int, period: Period) -> RecordList:
    """The school's mentoring program (counts once approved by the period's end) and its pairs
    (count when active in the period): the school runs mentoring when both are there."""
    records = RecordList([_("Program or pair"), _("Dates"), _("Status")])
    staff = url_for("teachers.school_staff", school_id=school_id)
    program = db.session.execute(
        select(MentoringProgram, queries.program_approved_by(period).label("counted"))
        .where(MentoringProgram.school_id == school_id)).first()
    if program is not None:
        program, approved = program
        records.rows.append(RecordRow(
            [f"{_('Mentoring program')}: {program.title}", "",
             _("approved on %(day)s", day=day(program.approved_on)) if program.approved_on
             else _("not approved")], url=staff, counted=bool(approved)))
    pairs = db.session.execute(
        select(Mentorship, queries.pair_active_in(period).label("counted"))
        .options(selectinload(Mentorship.mentor), selectinload(Mentorship.mentee))
        .where(Mentorship.school_id == school_id).order_by(Mentorship.starts_on)).all()
    for pair, active in pairs:
        records.rows.append(RecordRow(
            [f"{pair.mentor.full_name} → {pair.mentee.full_name}",
             f"{day(pair.starts_on)} – {day(pair.ends_on) if pair.ends_on else '…'}",
             str(labels.MENTORSHIP_STATUS[pair.status])],
            url=url_for("teachers.card", teacher_id=pair.mentor_id), counted=bool(active)))
    return records
