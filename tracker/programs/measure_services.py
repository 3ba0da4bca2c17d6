"""Measures, their evidence and the curator's verdicts, and the comment thread. Callers commit."""
from datetime import date

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from tracker.auth.models import Role, User
from tracker.db import db, utcnow
from tracker.errors import DomainError
from tracker.forms import ensure_version
from tracker.notifications.models import NotificationKind
from tracker.notifications.services import notify
from tracker.urls import Link
from tracker.programs.measure_models import (NEEDS_REASON, Evidence, Measure, MeasureComment,
                                             MeasureStatus, Verdict)
from tracker.programs.models import AntiRiskProgram
from tracker.risks.models import SuggestedMeasure
from tracker.storage import StoredFile

MEASURE_FIELDS = ("task", "title", "due_on", "responsible", "expected_result", "evidence_kind")
SCHOOL_STATUSES = tuple(s for s in MeasureStatus if s != MeasureStatus.CONFIRMED)


class ReasonRequired(DomainError):
    message = _l("Give the reason why the measure was postponed or not done.")


class NotReadyToConfirm(DomainError):
    message = _l("Only a done measure with accepted evidence can be confirmed.")


class AlreadyJudged(DomainError):
    message = _l("This evidence already has a verdict; the school can upload a new version.")


class VerdictCommentRequired(DomainError):
    message = _l("Explain what has to be corrected: a comment is required.")


class EvidenceMissing(DomainError):
    message = _l("Attach a file or give a link.")


def add_measure(program: AntiRiskProgram, **fields) -> Measure:
    measure = Measure(program=program, **_clean(fields))
    db.session.add(measure)
    db.session.flush()
    return measure


def adopt_suggestion(program: AntiRiskProgram, *, suggestion: SuggestedMeasure,
                     due_on: date) -> Measure:
    """Copy a suggested measure into the program; the school edits it afterwards."""
    if suggestion.direction_id != program.direction_id:
        raise DomainError(_l("This suggestion belongs to another risk direction."))
    return add_measure(program, title=suggestion.title, task=suggestion.task,
                       evidence_kind=suggestion.evidence_kind, due_on=due_on)


def _clean(fields: dict) -> dict:
    return {k: (v.strip() if isinstance(v, str) else v) for k, v in fields.items()
            if k in MEASURE_FIELDS}


def update_measure(measure: Measure, *, version, status: str, reason: str = "",
                   today: date | None = None, **fields) -> Measure:
    ensure_version(measure, version)
    status = MeasureStatus(status)
    if status == MeasureStatus.CONFIRMED and measure.status != MeasureStatus.CONFIRMED:
        raise DomainError(_l("Only the curator confirms a measure."))
    if status in NEEDS_REASON and not (reason or "").strip():
        raise ReasonRequired()
    for name, value in _clean(fields).items():
        setattr(measure, name, value)
    if status == MeasureStatus.DONE and measure.status != MeasureStatus.DONE:
        measure.done_on = today or date.today()
    elif status not in (MeasureStatus.DONE, MeasureStatus.CONFIRMED):
        measure.done_on = None
    measure.status = status.value
    measure.reason = (reason or "").strip() if status in NEEDS_REASON else ""
    db.session.flush()
    return measure


def confirm_measure(measure: Measure) -> None:
    accepted = any(e.verdict == Verdict.ACCEPTED for e in measure.evidence)
    if measure.status != MeasureStatus.DONE or not accepted:
        raise NotReadyToConfirm()
    measure.status = MeasureStatus.CONFIRMED.value
    db.session.flush()


def add_evidence(measure: Measure, *, actor: User, comment: str = "",
                 stored: StoredFile | None = None, url: str | None = None,
                 replaces: Evidence | None = None) -> Evidence:
    if (stored is None) == (not url):
        raise EvidenceMissing()
    if replaces is not None and replaces.measure_id != measure.id:
        raise DomainError(_l("That evidence belongs to another measure."))
    evidence = Evidence(measure=measure, uploaded_by=actor, comment=(comment or "").strip(),
                        uploaded_at=utcnow(),
                        **(stored.columns if stored is not None else {"url": url.strip()}))
    evidence.replaces_id = replaces.id if replaces else None
    db.session.add(evidence)
    if measure.status == MeasureStatus.PLANNED:
        measure.status = MeasureStatus.IN_PROGRESS.value
    db.session.flush()
    return evidence


def judge(evidence: Evidence, *, actor: User, verdict: str, comment: str = "") -> Evidence:
    """The curator's verdict on one item: accepted, or needs work with a comment."""
    verdict = Verdict(verdict)
    if evidence.verdict != Verdict.PENDING:
        raise AlreadyJudged()
    if verdict == Verdict.PENDING:
        raise DomainError(_l("Choose a verdict."))
    if verdict == Verdict.NEEDS_WORK and not (comment or "").strip():
        raise VerdictCommentRequired()
    evidence.verdict = verdict.value
    evidence.verdict_comment = (comment or "").strip()
    evidence.reviewed_by, evidence.reviewed_at = actor, utcnow()
    db.session.flush()
    if verdict == Verdict.NEEDS_WORK:
        _tell_directors_returned(evidence)
    return evidence


def _tell_directors_returned(evidence: Evidence) -> None:
    measure = evidence.measure
    school = measure.program.school
    directors = db.session.scalars(select(User).where(
        User.role == Role.DIRECTOR, User.school_id == school.id, User.is_active.is_(True)))
    notify(directors, NotificationKind.EVIDENCE_RETURNED,
           link=Link("programs.measure", measure_id=measure.id),
           school=school.short_name, measure=measure.title,
           evidence=evidence.original_name or evidence.url, comment=evidence.verdict_comment)


def returned_evidence(measure: Measure) -> list[Evidence]:
    """Items the curator returned that no newer upload has replaced yet."""
    replaced = {e.replaces_id for e in measure.evidence if e.replaces_id}
    return [e for e in measure.evidence
            if e.verdict == Verdict.NEEDS_WORK and e.id not in replaced]


def add_comment(measure: Measure, *, author: User, text: str) -> MeasureComment:
    comment = MeasureComment(measure=measure, author=author, text=text.strip(), at=utcnow())
    db.session.add(comment)
    db.session.flush()
    return comment


def latest_evidence_ids(measure_ids=None) -> select:
    """Ids of evidence not replaced by a newer upload (the items a queue should show), of all
    measures or of the `measure_ids` select (a re-upload is always for the same measure)."""
    replaced = select(Evidence.replaces_id).where(Evidence.replaces_id.is_not(None))
    latest = select(Evidence.id)
    if measure_ids is not None:
        replaced = replaced.where(Evidence.measure_id.in_(measure_ids))
        latest = latest.where(Evidence.measure_id.in_(measure_ids))
    return latest.where(Evidence.id.not_in(replaced))
