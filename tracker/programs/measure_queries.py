"""Read-side SQL of measures, shared by the indicators, the dashboard panels and the measures list:
which measures are due, done on time, overdue, and where their evidence stands.

A measure's evidence state comes from its latest uploads (re-uploads replace older ones): waiting
when one waits for the curator, else returned when one needs work, else accepted, else none.
"""
from datetime import date
from enum import StrEnum

from sqlalchemy import Select, and_, case, func, select
from sqlalchemy.orm import selectinload

from tracker.auth.models import User
from tracker.db import db
from tracker.indicators.scope import low_result_school_ids
from tracker.periods import Period
from tracker.permissions import visible_measures
from tracker.programs.measure_models import FINISHED, Evidence, Measure, MeasureStatus, Verdict
from tracker.programs.measure_services import latest_evidence_ids
from tracker.programs.models import AntiRiskProgram
from tracker.schools.models import School

DONE = [status.value for status in FINISHED]
OPEN_STATUSES = (MeasureStatus.PLANNED.value, MeasureStatus.IN_PROGRESS.value,
                 MeasureStatus.POSTPONED.value)


class MeasureState(StrEnum):
    DUE = "due"
    DONE = "done"
    ON_TIME = "on_time"
    OVERDUE = "overdue"


class EvidenceState(StrEnum):
    NONE = "none"
    WAITING = "waiting"
    RETURNED = "returned"
    ACCEPTED = "accepted"


SUBMITTED = "submitted"  # the list's filter for any evidence state but none


def due_in(period: Period):
    return Measure.due_on.between(period.starts_on, period.ends_on)


def finished():
    return Measure.status.in_(DONE)


def done_on_time():
    return and_(finished(), Measure.done_on.is_not(None), Measure.done_on <= Measure.due_on)


def overdue_on(day: date):
    """Past its due date on `day` and still open (not done, not given up with a reason)."""
    return and_(Measure.due_on < day, Measure.status.in_(OPEN_STATUSES))


def state_condition(state: MeasureState, day: date):
    return {MeasureState.DUE: Measure.id.is_not(None), MeasureState.DONE: finished(),
            MeasureState.ON_TIME: done_on_time(),
            MeasureState.OVERDUE: overdue_on(day)}[state]


def measures_of(school_ids: Select, period: Period) -> Select:
    """Ids of the measures of the schools due in the half-year."""
    return (select(Measure.id).join(AntiRiskProgram, Measure.program_id == AntiRiskProgram.id)
            .where(AntiRiskProgram.school_id.in_(school_ids), due_in(period)))


def evidence_by_measure(measure_ids: Select):
    """Per measure: its latest uploads waiting, returned and accepted, and the oldest wait."""
    verdict = Evidence.verdict
    return (select(Evidence.measure_id.label("measure_id"),
                   func.count().filter(verdict == Verdict.PENDING).label("waiting"),
                   func.count().filter(verdict == Verdict.NEEDS_WORK).label("returned"),
                   func.count().filter(verdict == Verdict.ACCEPTED).label("accepted"),
                   func.min(Evidence.uploaded_at).filter(verdict == Verdict.PENDING)
                   .label("waiting_since"))
            .where(Evidence.measure_id.in_(measure_ids),
                   Evidence.id.in_(latest_evidence_ids(measure_ids)))
            .group_by(Evidence.measure_id).subquery())


def evidence_state(evidence):
    """SQL CASE giving the EvidenceState of a measure from an `evidence_by_measure` subquery."""
    return case((evidence.c.waiting > 0, EvidenceState.WAITING.value),
                (evidence.c.returned > 0, EvidenceState.RETURNED.value),
                (evidence.c.accepted > 0, EvidenceState.ACCEPTED.value),
                else_=EvidenceState.NONE.value)


def _measures_by(group, school_ids: Select, period: Period) -> Select:
    return (select(group).select_from(Measure)
            .join(AntiRiskProgram, Measure.program_id == AntiRiskProgram.id)
            .join(School, AntiRiskProgram.school_id == School.id)
            .where(School.id.in_(school_ids), due_in(period)).group_by(group))


def progress(school_ids: Select, period: Period, day: date, group=School.id) -> list:
    """Per school (or municipality): measures due in the half-year, done, done on time, overdue
    on `day`."""
    stmt = _measures_by(group, school_ids, period).add_columns(
        func.count(), func.count().filter(finished()), func.count().filter(done_on_time()),
        func.count().filter(overdue_on(day)))
    return db.session.execute(stmt).all()


def evidence_pipeline(school_ids: Select, period: Period, group=School.id) -> list:
    """Per school (or municipality), for the measures due in the half-year: measures with
    evidence, waiting for the curator, returned, accepted, and since when the oldest waits."""
    evidence = evidence_by_measure(measures_of(school_ids, period))
    state = evidence_state(evidence)
    stmt = (_measures_by(group, school_ids, period)
            .outerjoin(evidence, evidence.c.measure_id == Measure.id)
            .add_columns(func.count(),
                         func.count().filter(state != EvidenceState.NONE.value),
                         func.count().filter(state == EvidenceState.WAITING.value),
                         func.count().filter(state == EvidenceState.RETURNED.value),
                         func.count().filter(state == EvidenceState.ACCEPTED.value),
                         func.min(evidence.c.waiting_since)))
    return db.session.execute(stmt).all()


def filtered_measures(user: User, *, day: date, school: int | None = None,
                      municipality: int | None = None, period: Period | None = None,
                      listed: bool = False, state: str | None = None,
                      evidence: str | None = None) -> Select:
    """The measures list in the user's scope, narrowed as the dashboards' figures ask; `listed`
    keeps the low-result schools of the period's year (the ones the dashboards count)."""
    stmt = visible_measures(user)
    if school:
        stmt = stmt.where(School.id == school)
    if municipality:
        stmt = stmt.where(School.municipality_id == municipality)
    if period:
        stmt = stmt.where(due_in(period))
        if listed:
            stmt = stmt.where(School.id.in_(low_result_school_ids(period.year)))
    if state:
        stmt = stmt.where(state_condition(MeasureState(state), day))
    if evidence:
        latest = evidence_by_measure(stmt.with_only_columns(Measure.id))
        state = evidence_state(latest)
        stmt = stmt.outerjoin(latest, latest.c.measure_id == Measure.id).where(
            state != EvidenceState.NONE.value if evidence == SUBMITTED
            else state == EvidenceState(evidence).value)
    return stmt.options(selectinload(Measure.program).selectinload(AntiRiskProgram.school),
                        selectinload(Measure.program).selectinload(AntiRiskProgram.direction)
                        ).order_by(Measure.due_on, Measure.id)


def evidence_states(measure_ids: list[int]) -> dict[int, str]:
    """The evidence state of each listed measure (measures without evidence are left out)."""
    latest = evidence_by_measure(select(Measure.id).where(Measure.id.in_(measure_ids)))
    rows = db.session.execute(select(latest.c.measure_id, evidence_state(latest)))
    return dict(rows.all())
