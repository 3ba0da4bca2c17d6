"""Read-side queries of visits: lists, one visit with what the user may read, home follow-ups."""
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, func, select
from sqlalchemy.orm import selectinload

from tracker.auth.models import Role, User
from tracker.db import db
from tracker.periods import Period
from tracker.permissions import (attachment_scope, curated_school_ids, note_scope,
                                 visible_recommendations, visible_schools, visible_visits)
from tracker.schools.models import School
from tracker.visits.models import (AWAITING_SCHOOL, NOT_CLOSED, Recommendation,
                                   RecommendationEvent, Visit, VisitAttachment, VisitNote)

HOME_LIMIT = 10


@dataclass
class FollowUps:
    items: list[Recommendation]
    total: int
    overdue: int


def filtered_visits(user: User, *, school: int | None = None, status: str | None = None,
                    period: Period | None = None, day: date | None = None) -> Select:
    """Visits in scope; «missed» means planned before `day` (the page's reference day)."""
    stmt = visible_visits(user).options(selectinload(Visit.school), selectinload(Visit.curator),
                                        selectinload(Visit.recommendations))
    if school:
        stmt = stmt.where(Visit.school_id == school)
    if status == "missed":
        stmt = stmt.where(Visit.status == "planned", Visit.planned_on < (day or date.today()))
    elif status:
        stmt = stmt.where(Visit.status == status)
    if period:
        day = func.coalesce(Visit.visited_on, Visit.planned_on)
        stmt = stmt.where(day.between(period.starts_on, period.ends_on))
    return stmt.order_by(func.coalesce(Visit.visited_on, Visit.planned_on).desc(), Visit.id.desc())


def visit_school_choices(user: User) -> list[tuple[int, str]]:
    return [(s.id, s.short_name) for s in db.session.scalars(
        visible_schools(user).where(School.id.in_(curated_school_ids(user)))
        .order_by(School.sort_key))]


def filter_school_choices(user: User) -> list[tuple[int, str]]:
    return [(s.id, s.short_name) for s in db.session.scalars(
        visible_schools(user).where(School.id.in_(select(Visit.school_id)))
        .order_by(School.sort_key))]


def readable_notes(user: User, visit: Visit) -> list[VisitNote]:
    """The notes of a visit the user may read: a school never gets the internal ones."""
    return db.session.scalars(
        select(VisitNote).options(selectinload(VisitNote.author))
        .where(VisitNote.visit_id == visit.id, note_scope(user))
        .order_by(VisitNote.created_at, VisitNote.id)).all()


def readable_attachments(user: User, visit: Visit) -> list[VisitAttachment]:
    """The files of a visit the user may download: a school never gets the internal ones."""
    return db.session.scalars(
        select(VisitAttachment).options(selectinload(VisitAttachment.uploaded_by))
        .where(VisitAttachment.visit_id == visit.id, attachment_scope(user))
        .order_by(VisitAttachment.created_at, VisitAttachment.id)).all()


def visit_recommendations(visit: Visit) -> list[Recommendation]:
    """A visit's recommendations with what they concern (direction, measure) loaded."""
    return db.session.scalars(
        select(Recommendation).options(selectinload(Recommendation.risk_direction),
                                       selectinload(Recommendation.measure))
        .where(Recommendation.visit_id == visit.id).order_by(Recommendation.id)).all()


def recommendation_history(recommendation: Recommendation) -> list[RecommendationEvent]:
    return db.session.scalars(
        select(RecommendationEvent).options(selectinload(RecommendationEvent.author))
        .where(RecommendationEvent.recommendation_id == recommendation.id)
        .order_by(RecommendationEvent.id)).all()


def home_follow_ups(user: User, today: date | None = None) -> FollowUps | None:
    """Open follow-ups for the home page: the school's to answer, the curator's to decide."""
    today = today or date.today()
    if user.role == Role.DIRECTOR:
        statuses = AWAITING_SCHOOL
        stmt = visible_recommendations(user)
    elif user.role == Role.CURATOR:
        statuses = NOT_CLOSED
        stmt = visible_recommendations(user).where(Visit.curator_id == user.id)
    else:
        return None
    stmt = stmt.where(Recommendation.status.in_(statuses))
    rows = stmt.with_only_columns(Recommendation.status, Recommendation.due_on).subquery()
    total, overdue = db.session.execute(select(
        func.count(), func.count().filter(rows.c.status.in_(AWAITING_SCHOOL), rows.c.due_on < today)
    ).select_from(rows)).one()
    items = db.session.scalars(
        stmt.options(selectinload(Recommendation.visit).selectinload(Visit.school))
        .order_by(Recommendation.due_on, Recommendation.id).limit(HOME_LIMIT)).all()
    return FollowUps(items=items, total=total, overdue=overdue)
