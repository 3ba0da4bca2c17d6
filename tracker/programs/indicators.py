"""The program indicators of DOMAIN §9 computed from measures and evidence, with drill-downs:
`measures_on_time` and `evidence_accepted`, one SQL aggregation each, grouped by school."""
from flask import url_for
from flask_babel import gettext as _
from sqlalchemy import Select, and_, exists, func, select

from tracker.db import db
from tracker.i18n import day
from tracker.indicators.calculations import Fraction
from tracker.indicators.metrics import metric
from tracker.indicators.providers import RecordList, RecordRow, drills
from tracker.periods import Period
from tracker.programs.forms import MEASURE_LABELS
from tracker.programs.measure_models import Evidence, Measure, Verdict
from tracker.programs.measure_queries import DONE, done_on_time, due_in
from tracker.programs.models import AntiRiskProgram


def _accepted():
    return exists().where(Evidence.measure_id == Measure.id, Evidence.verdict == Verdict.ACCEPTED)


def _grouped(school_ids: Select, condition, counted) -> dict[int, Fraction]:
    """Measures are found through the schools' programs (ix_measures_program_id_status): asked
    by status first, SQLite would read the done measures of the whole database."""
    programs = select(AntiRiskProgram.id).where(AntiRiskProgram.school_id.in_(school_ids))
    stmt = (select(AntiRiskProgram.school_id, func.count().filter(counted), func.count())
            .select_from(Measure).join(AntiRiskProgram, Measure.program_id == AntiRiskProgram.id)
            .where(Measure.program_id.in_(programs), condition)
            .group_by(AntiRiskProgram.school_id))
    return {school_id: Fraction(numerator, denominator)
            for school_id, numerator, denominator in db.session.execute(stmt)}


@metric("measures_on_time")
def measures_on_time(school_ids: Select, period: Period) -> dict[int, Fraction]:
    """Measures due in the period done by their due date / measures due in the period."""
    return _grouped(school_ids, due_in(period), done_on_time())


@metric("evidence_accepted")
def evidence_accepted(school_ids: Select, period: Period) -> dict[int, Fraction]:
    """Measures done in the period with accepted evidence / measures done in the period."""
    done = and_(Measure.status.in_(DONE), Measure.done_on.between(period.starts_on,
                                                                  period.ends_on))
    return _grouped(school_ids, done, _accepted())


def _records(school_id: int, condition, counted) -> RecordList:
    records = RecordList([_("Measure"), _("Due date"), _("Status")])
    rows = db.session.execute(
        select(Measure, counted.label("counted")).join(AntiRiskProgram)
        .where(AntiRiskProgram.school_id == school_id, condition)
        .order_by(Measure.due_on, Measure.id)).all()
    for measure, is_counted in rows:
        records.rows.append(RecordRow(
            [measure.title, day(measure.due_on), str(MEASURE_LABELS[measure.status])],
            url=url_for("programs.measure", measure_id=measure.id), counted=bool(is_counted)))
    return records


@drills("measures_on_time")
def measures_on_time_records(school_id: int, period: Period) -> RecordList:
    return _records(school_id, due_in(period), done_on_time())


@drills("evidence_accepted")
def evidence_accepted_records(school_id: int, period: Period) -> RecordList:
    done = and_(Measure.status.in_(DONE), Measure.done_on.between(period.starts_on,
                                                                  period.ends_on))
    return _records(school_id, done, _accepted())
