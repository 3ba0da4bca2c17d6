"""The coordinator's narrative of a half-year report: read it (with the passport carried over
from the latest earlier half-year) and save it. Callers commit."""
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from tracker.db import db
from tracker.errors import StaleEdit
from tracker.forms import ensure_version
from tracker.freezing import ensure_editable
from tracker.periods import HalfYear
from tracker.reports.models import (DATE_FIELDS, FIGURE_FIELDS, NARRATIVE_FIELDS, PASSPORT_FIELDS,
                                    ReportNarrative, SchoolText)

NEW_VERSION = 0  # the version a form carries while the half-year has no narrative yet
TYPED_FIELDS = DATE_FIELDS + FIGURE_FIELDS  # the others are text, "" when empty


def stored_narrative(municipality_id: int, period: HalfYear) -> ReportNarrative | None:
    return db.session.scalar(select(ReportNarrative).where(
        ReportNarrative.municipality_id == municipality_id,
        ReportNarrative.period == period.code))


def latest_earlier(municipality_id: int, period: HalfYear) -> ReportNarrative | None:
    """The narrative of the latest half-year before `period` (codes sort as the periods do)."""
    return db.session.scalar(
        select(ReportNarrative).where(ReportNarrative.municipality_id == municipality_id,
                                      ReportNarrative.period < period.code)
        .order_by(ReportNarrative.period.desc()).limit(1))


def narrative_for(municipality_id: int, period: HalfYear) -> tuple[ReportNarrative, str | None]:
    """The half-year's narrative, or an unsaved one carrying the passport of the latest earlier
    half-year; with the code of the half-year the passport came from (None when stored)."""
    stored = stored_narrative(municipality_id, period)
    if stored is not None:
        return stored, None
    draft = ReportNarrative(municipality_id=municipality_id, period=period.code,
                            version=NEW_VERSION,
                            **{name: None if name in TYPED_FIELDS else ""
                               for name in NARRATIVE_FIELDS})
    earlier = latest_earlier(municipality_id, period)
    if earlier is None:
        return draft, None
    for name in PASSPORT_FIELDS:
        setattr(draft, name, getattr(earlier, name))
    return draft, earlier.period


def save_narrative(*, municipality_id: int, period: HalfYear, version, **fields) -> ReportNarrative:
    """Create or update the half-year's narrative; a stale version raises StaleEdit."""
    ensure_editable(municipality_id, period.code)
    narrative = stored_narrative(municipality_id, period)
    if narrative is None:
        ensure_version(ReportNarrative(version=NEW_VERSION), version)
        narrative = ReportNarrative(municipality_id=municipality_id, period=period.code)
        _fill(narrative, fields)
        try:
            with db.session.begin_nested():  # two first saves at once: the second is stale
                db.session.add(narrative)
        except IntegrityError:
            raise StaleEdit() from None
        return narrative
    ensure_version(narrative, version)
    _fill(narrative, fields)
    db.session.flush()
    return narrative


def _fill(narrative: ReportNarrative, fields: dict) -> None:
    for name in NARRATIVE_FIELDS:
        value = fields.get(name)
        if name in TYPED_FIELDS:  # a date or a number: None when not given (0 is a number)
            setattr(narrative, name, None if value in (None, "") else value)
        else:
            setattr(narrative, name, (value or "").strip())


def school_texts(school_ids: list[int], period: HalfYear) -> dict[int, str]:
    """The coordinator's paragraph on each school of the half-year that has one."""
    if not school_ids:
        return {}
    return dict(db.session.execute(select(SchoolText.school_id, SchoolText.text).where(
        SchoolText.school_id.in_(school_ids), SchoolText.period == period.code)).all())


def save_school_texts(municipality_id: int, period: HalfYear, texts: dict[int, str]) -> None:
    """Write each school's paragraph; an empty one removes it, so the report drafts it again."""
    ensure_editable(municipality_id, period.code)
    stored = {row.school_id: row for row in db.session.scalars(select(SchoolText).where(
        SchoolText.school_id.in_(list(texts)), SchoolText.period == period.code))}
    for school_id, text in texts.items():
        text, row = (text or "").strip(), stored.get(school_id)
        if row is not None and not text:
            db.session.delete(row)
        elif row is not None:
            row.text = text
        elif text:
            db.session.add(SchoolText(school_id=school_id, period=period.code, text=text))
    db.session.flush()
