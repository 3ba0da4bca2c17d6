"""Taking the steps of a period's lifecycle (lifecycle.py): submit with the snapshot of the
figures, the narrative and the DOCX; approve, return, reopen. Services flush; callers commit."""
from datetime import date

from flask_babel import force_locale
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from tracker import storage
from tracker.closing import notices, snapshot
from tracker.closing.lifecycle import PeriodState, Step, is_frozen, next_state
from tracker.closing.models import PeriodClosing, PeriodDeadline, PeriodSnapshot, PeriodStep
from tracker.db import db, utcnow
from tracker.errors import DomainError
from tracker.forms import ensure_version
from tracker.indicators.calculations import Status
from tracker.indicators.services import TargetLevel
from tracker.periods import HalfYear, Period
from tracker.reports.narrative import stored_narrative
from tracker.schools.models import Municipality, School


class PeriodFrozen(DomainError):
    message = _l("The period has been submitted: its targets, typed values and report text are "
                 "read-only. The regional coordinator can reopen it.")


class MissingData(DomainError):
    """What a submission lacks; submitted anyway only when the coordinator confirms."""

    message = _l("Some data of the period is missing.")

    def __init__(self, missing: list[str]):
        super().__init__()
        self.missing = missing


def closing_of(municipality_id: int, period_code: str) -> PeriodClosing | None:
    return db.session.scalar(select(PeriodClosing).where(
        PeriodClosing.municipality_id == municipality_id, PeriodClosing.period == period_code))


def state_of(municipality_id: int, period_code: str) -> PeriodState:
    closing = closing_of(municipality_id, period_code)
    return PeriodState(closing.state) if closing else PeriodState.OPEN


def frozen_closing(municipality_id: int, period_code: str) -> PeriodClosing | None:
    """The closing of a submitted or approved period (with its snapshot), else None."""
    closing = closing_of(municipality_id, period_code)
    if closing is None or not is_frozen(PeriodState(closing.state)) or closing.snapshot is None:
        return None
    return closing


def submitted_at(municipality_id: int, period_code: str):
    """When the figures of a frozen period were submitted (None while it is open)."""
    closing = frozen_closing(municipality_id, period_code)
    return closing.snapshot.taken_at if closing else None


def closed_state(municipality_id: int, period_code: str) -> str | None:
    """«submitted» or «approved» while the period is closed, else None."""
    closing = frozen_closing(municipality_id, period_code)
    return str(closing.state) if closing else None


def submitted_report(municipality_id: int, period_code: str) -> PeriodSnapshot | None:
    """The snapshot row holding the DOCX of a frozen period."""
    closing = frozen_closing(municipality_id, period_code)
    return closing.snapshot if closing and closing.snapshot.stored_name else None


def ensure_editable(municipality_id: int, period_code: str) -> None:
    """The guard registered with tracker.freezing: nothing of a submitted period changes."""
    if frozen_closing(municipality_id, period_code) is not None:
        raise PeriodFrozen()


def submitted_values(level: TargetLevel, period: Period, codes=None):
    """The reader registered with the indicators: a frozen period's snapshot values."""
    municipality_id = level.id if level.kind == "municipality" else db.session.scalar(
        select(School.municipality_id).where(School.id == level.id))
    closing = frozen_closing(municipality_id, period.code) if municipality_id else None
    if closing is None:
        return None
    return snapshot.values_of(closing.snapshot.figures, level, codes)


def missing_data(municipality: Municipality, period: HalfYear) -> list[str]:
    """What the coordinator would want to complete before submitting: values not typed in,
    indicators without a target, the report's text not written."""
    from tracker.indicators.scope import low_result_school_ids
    from tracker.indicators.services import indicator_values
    values = indicator_values(low_result_school_ids(period.year, municipality_id=municipality.id),
                              period, TargetLevel("municipality", municipality.id), live=True)
    missing = [str(_l("No value typed in: %(name)s", name=value.indicator.name))
               for value in values if value.status in (Status.EXPECTED, Status.NO_DATA)
               and not value.indicator.is_computed]
    missing += [str(_l("No target: %(name)s", name=value.indicator.name))
                for value in values if value.plan is None]
    if stored_narrative(municipality.id, period) is None:
        missing.append(str(_l("The report's text (narrative) has not been written.")))
    return missing


def take_step(*, municipality: Municipality, period: HalfYear, step: Step, user,
              comment: str = "", version=None, confirmed: bool = False) -> PeriodClosing:
    """Take `step` on the municipality's period as `user`; StepRefused, MissingData or a stale
    version change nothing."""
    closing = closing_of(municipality.id, period.code)
    if closing is None:
        closing = PeriodClosing(municipality=municipality, period=period.code,
                                state=PeriodState.OPEN, version=1)
        db.session.add(closing)
    elif version not in (None, ""):
        ensure_version(closing, version)
    state = next_state(PeriodState(closing.state), step, user.role, comment)
    if step == Step.SUBMIT:
        missing = missing_data(municipality, period)
        if missing and not confirmed:
            raise MissingData(missing)
        closing.snapshots.append(_snapshot(municipality, period))
    closing.state, closing.state_since = state, utcnow()
    closing.steps.append(PeriodStep(step=step, by_id=user.id, comment=(comment or "").strip()))
    db.session.flush()
    notices.after_step(closing, step, (comment or "").strip())
    return closing


def _snapshot(municipality: Municipality, period: HalfYear) -> PeriodSnapshot:
    """The figures, the narrative and the DOCX as they are now (the period is still open)."""
    from tracker.reports.halfyear import build_municipal_report, file_names
    narrative = stored_narrative(municipality.id, period)
    with force_locale("ru"):
        data = build_municipal_report(municipality, period)
        _ascii, russian = file_names(municipality.name, period)
    stored = storage.save_bytes(russian, data)
    return PeriodSnapshot(
        figures=snapshot.take(municipality.id, period),
        narrative=narrative.as_record() if narrative else {},
        **stored.columns, sha256=stored.sha256)


def set_deadline(*, region_id: int, period: HalfYear, due_on: date | None) -> None:
    deadline = db.session.scalar(select(PeriodDeadline).where(
        PeriodDeadline.region_id == region_id, PeriodDeadline.period == period.code))
    if due_on is None:
        if deadline is not None:
            db.session.delete(deadline)
    elif deadline is None:
        db.session.add(PeriodDeadline(region_id=region_id, period=period.code, due_on=due_on))
    else:
        deadline.due_on = due_on
    db.session.flush()


def deadline_of(region_id: int, period_code: str) -> date | None:
    return db.session.scalar(select(PeriodDeadline.due_on).where(
        PeriodDeadline.region_id == region_id, PeriodDeadline.period == period_code))

