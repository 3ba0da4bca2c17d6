"""Planning, recording and following up visits. Callers authorize and commit."""
from datetime import date

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from tracker.auth.models import User
from tracker.db import db
from tracker.errors import DomainError
from tracker.forms import ensure_version
from tracker.notifications.models import NotificationKind
from tracker.notifications.services import notify
from tracker.urls import Link
from tracker.programs.measure_models import Measure
from tracker.risks.models import RiskDirection
from tracker.schools.models import Municipality, School
from tracker.storage import StoredFile
from tracker.visits.links import linkable_directions, linkable_measures
from tracker.visits.models import (AWAITING_SCHOOL, CoverageSetting, NoteVisibility,
                                   Recommendation, RecommendationEvent, RecommendationStatus, Visit,
                                   VisitAttachment, VisitNote, VisitParticipant, VisitStatus)

RECORD_FIELDS = ("planned_on", "kind", "format", "purpose", "agenda", "risk_profile_discussed",
                 "documents_sound", "measures_on_time", "evidence_present", "lessons_observed",
                 "lessons_observed_count", "findings")


class VisitNotOpen(DomainError):
    message = _l("A cancelled visit cannot be changed.")


class VisitNotCompleted(DomainError):
    message = _l("Recommendations are given on a completed visit.")


class VisitDateMissing(DomainError):
    message = _l("Enter the date the visit took place.")


class NotAwaitingAnswer(DomainError):
    message = _l("This recommendation is not waiting for the school's answer.")


class NotAwaitingDecision(DomainError):
    message = _l("This recommendation has no answer to decide on.")


class ForeignDirection(DomainError):
    message = _l("Choose one of the risk directions verified in this school's profile.")


class ForeignMeasure(DomainError):
    message = _l("Choose a measure of this school's anti-risk programs.")


def plan_visit(*, school: School, curator: User, planned_on: date, kind: str, format: str,
               purpose: str = "") -> Visit:
    visit = Visit(school=school, curator=curator, planned_on=planned_on, kind=kind,
                  format=format, purpose=purpose.strip(), status=VisitStatus.PLANNED)
    db.session.add(visit)
    db.session.flush()
    return visit


def record_visit(visit: Visit, *, version, visited_on: date | None, complete: bool,
                 participants: list[tuple[str, str]], **fields) -> Visit:
    """Save what happened at the visit; `complete` marks it as having taken place."""
    ensure_version(visit, version)
    if visit.status == VisitStatus.CANCELLED:
        raise VisitNotOpen()
    if (complete or visit.status == VisitStatus.COMPLETED) and visited_on is None:
        raise VisitDateMissing()
    for name in RECORD_FIELDS:
        value = fields[name]
        setattr(visit, name, value.strip() if isinstance(value, str) else value)
    if not visit.lessons_observed:
        visit.lessons_observed_count = 0
    visit.visited_on = visited_on
    if complete:
        visit.status = VisitStatus.COMPLETED
    visit.participants = [VisitParticipant(name=name, position=position, position_in_list=i)
                          for i, (name, position) in enumerate(participants)]
    db.session.flush()
    return visit


def cancel_visit(visit: Visit) -> None:
    if visit.status != VisitStatus.PLANNED:
        raise DomainError(_l("Only a planned visit can be cancelled."))
    visit.status = VisitStatus.CANCELLED
    db.session.flush()


def add_note(visit: Visit, *, author: User, text: str, for_school: bool) -> VisitNote:
    if visit.status == VisitStatus.CANCELLED:
        raise VisitNotOpen()
    note = VisitNote(visit=visit, author=author, text=text.strip(),
                     visibility=NoteVisibility.SCHOOL if for_school else NoteVisibility.INTERNAL)
    db.session.add(note)
    db.session.flush()
    return note


def add_attachment(visit: Visit, *, uploaded_by: User, stored: StoredFile,
                   for_school: bool) -> VisitAttachment:
    if visit.status == VisitStatus.CANCELLED:
        raise VisitNotOpen()
    attachment = VisitAttachment(
        visit=visit, uploaded_by=uploaded_by, **stored.columns,
        visibility=NoteVisibility.SCHOOL if for_school else NoteVisibility.INTERNAL)
    db.session.add(attachment)
    db.session.flush()
    return attachment


def delete_attachment(attachment: VisitAttachment) -> str:
    """Delete the row; the caller removes the returned stored file after the commit."""
    stored_name = attachment.stored_name
    db.session.delete(attachment)
    db.session.flush()
    return stored_name


def add_recommendation(visit: Visit, *, text: str, due_on: date,
                       risk_direction_id: int | None = None,
                       measure_id: int | None = None) -> Recommendation:
    """A follow-up; what it concerns must be the school's own verified direction or measure."""
    if visit.status != VisitStatus.COMPLETED:
        raise VisitNotCompleted()
    direction = _linked(linkable_directions(visit), RiskDirection, risk_direction_id,
                        ForeignDirection)
    measure = _linked(linkable_measures(visit), Measure, measure_id, ForeignMeasure)
    recommendation = Recommendation(visit=visit, text=text.strip(), due_on=due_on,
                                    risk_direction=direction, measure=measure,
                                    status=RecommendationStatus.OPEN)
    db.session.add(recommendation)
    db.session.flush()
    return recommendation


def _linked(choices, model, ident: int | None, refusal: type[DomainError]):
    if not ident:
        return None
    found = db.session.scalar(choices.where(model.id == ident))
    if found is None:
        raise refusal()
    return found


def answer_recommendation(recommendation: Recommendation, *, version, author: User,
                          text: str, stored: StoredFile | None = None) -> Recommendation:
    """The school's answer, with an optional evidence file already saved by the caller."""
    ensure_version(recommendation, version)
    if recommendation.status not in AWAITING_SCHOOL:
        raise NotAwaitingAnswer()
    _step(recommendation, author, RecommendationStatus.ANSWERED, text,
          **(stored.columns if stored else {}))
    visit = recommendation.visit
    notify([visit.curator], NotificationKind.RECOMMENDATION_ANSWERED,
           link=Link("visits.recommendation", recommendation_id=recommendation.id),
           school=visit.school.short_name, recommendation=recommendation.text,
           answer=(text or "").strip())
    return recommendation


def decide_recommendation(recommendation: Recommendation, *, version, author: User,
                          close: bool, comment: str = "") -> Recommendation:
    ensure_version(recommendation, version)
    if recommendation.status != RecommendationStatus.ANSWERED:
        raise NotAwaitingDecision()
    status = RecommendationStatus.CLOSED if close else RecommendationStatus.RETURNED
    return _step(recommendation, author, status, comment)


def _step(recommendation, author, status, text, **evidence) -> Recommendation:
    recommendation.status = status
    recommendation.events.append(RecommendationEvent(author=author, action=status,
                                                     text=(text or "").strip(), **evidence))
    db.session.flush()
    return recommendation


def set_stale_after(municipality: Municipality, *, days: int) -> CoverageSetting:
    setting = db.session.scalar(select(CoverageSetting).where(
        CoverageSetting.municipality_id == municipality.id))
    if setting is None:
        setting = CoverageSetting(municipality=municipality)
        db.session.add(setting)
    setting.stale_after_days = days
    db.session.flush()
    return setting
