"""Who waits on whom: the director's, the curator's and the coordinator's queues (SQL only)."""
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from tracker.auth.models import Role, User
from tracker.db import db
from tracker.permissions import (school_scope, visible_documents, visible_evidence,
                                 visible_measures, visible_programs)
from tracker.programs.measure_models import Evidence, Measure, Verdict
from tracker.programs.measure_queries import OPEN_STATUSES
from tracker.programs.measure_services import latest_evidence_ids
from tracker.programs.models import AntiRiskProgram, ConceptDocument, ReviewStatus
from tracker.risks.models import RiskProfile
from tracker.schools.models import School

DUE_SOON_DAYS = 14


@dataclass
class Queue:
    returned_evidence: list = field(default_factory=list)
    returned_documents: list = field(default_factory=list)
    returned_programs: list = field(default_factory=list)
    due_measures: list = field(default_factory=list)
    pending_evidence: list = field(default_factory=list)
    review_documents: list = field(default_factory=list)
    review_programs: list = field(default_factory=list)
    unverified_profiles: list = field(default_factory=list)

    @property
    def size(self) -> int:
        return sum(len(getattr(self, name)) for name in self.__dataclass_fields__)


def _evidence(user: User, verdict: Verdict) -> list[Evidence]:
    order = Evidence.uploaded_at if verdict == Verdict.PENDING else Evidence.reviewed_at.desc()
    return list(db.session.scalars(
        visible_evidence(user).where(Evidence.verdict == verdict,
                                     Evidence.id.in_(latest_evidence_ids()))
        .options(selectinload(Evidence.measure).selectinload(Measure.program)
                 .selectinload(AntiRiskProgram.school))
        .order_by(order).limit(100)))


def _documents(user: User, status: ReviewStatus) -> list[ConceptDocument]:
    return list(db.session.scalars(
        visible_documents(user).where(ConceptDocument.status == status)
        .options(selectinload(ConceptDocument.school))
        .order_by(ConceptDocument.status_changed_at)))


def _programs(user: User, status: ReviewStatus) -> list[AntiRiskProgram]:
    return list(db.session.scalars(
        visible_programs(user).where(AntiRiskProgram.status == status)
        .options(selectinload(AntiRiskProgram.school), selectinload(AntiRiskProgram.direction))
        .order_by(AntiRiskProgram.status_changed_at)))


def queue_for(user: User, today: date) -> Queue:
    queue = Queue()
    if user.role in (Role.DIRECTOR, Role.ADMIN):
        queue.returned_evidence = _evidence(user, Verdict.NEEDS_WORK)
        queue.returned_documents = _documents(user, ReviewStatus.RETURNED)
        queue.returned_programs = _programs(user, ReviewStatus.RETURNED)
        queue.due_measures = list(db.session.scalars(
            visible_measures(user).where(Measure.status.in_(OPEN_STATUSES),
                                         Measure.due_on <= today + timedelta(DUE_SOON_DAYS))
            .options(selectinload(Measure.program).selectinload(AntiRiskProgram.school))
            .order_by(Measure.due_on).limit(100)))
    if user.role in (Role.CURATOR, Role.ADMIN):
        queue.pending_evidence = _evidence(user, Verdict.PENDING)
        queue.review_documents = _documents(user, ReviewStatus.IN_REVIEW)
        queue.review_programs = _programs(user, ReviewStatus.IN_REVIEW)
        queue.unverified_profiles = list(db.session.scalars(
            select(RiskProfile).join(School, RiskProfile.school_id == School.id)
            .where(school_scope(user), RiskProfile.verified_at.is_(None))
            .options(selectinload(RiskProfile.school)).order_by(RiskProfile.created_at)))
    return queue


@dataclass
class PipelineRow:
    school: School
    on_curator: int = 0
    curator_since: datetime | None = None
    on_school: int = 0
    school_since: datetime | None = None
    overdue: int = 0


def _earliest(a, b):
    return min(x for x in (a, b) if x is not None) if (a or b) else None


def pipeline(user: User, today: date) -> list[PipelineRow]:
    """Per school: items waiting on the curator and on the school, and since when; overdue."""
    schools = db.session.scalars(select(School).options(selectinload(School.municipality))
                                 .where(school_scope(user)).order_by(School.sort_key)).all()
    rows = {s.id: PipelineRow(school=s) for s in schools}
    latest = latest_evidence_ids()
    evidence = (select(AntiRiskProgram.school_id, Evidence.verdict, func.count(),
                       func.min(func.coalesce(Evidence.reviewed_at, Evidence.uploaded_at)))
                .select_from(Evidence).join(Measure, Evidence.measure_id == Measure.id)
                .join(AntiRiskProgram, Measure.program_id == AntiRiskProgram.id)
                .join(School, AntiRiskProgram.school_id == School.id)
                .where(school_scope(user), Evidence.id.in_(latest),
                       Evidence.verdict.in_((Verdict.PENDING, Verdict.NEEDS_WORK)))
                .group_by(AntiRiskProgram.school_id, Evidence.verdict))
    for school_id, verdict, count, since in db.session.execute(evidence):
        _add(rows[school_id], on_curator=verdict == Verdict.PENDING, count=count, since=since)
    for model in (ConceptDocument, AntiRiskProgram):
        stmt = (select(model.school_id, model.status, func.count(),
                       func.min(model.status_changed_at))
                .join(School, model.school_id == School.id)
                .where(school_scope(user),
                       model.status.in_((ReviewStatus.IN_REVIEW, ReviewStatus.RETURNED)))
                .group_by(model.school_id, model.status))
        for school_id, status, count, since in db.session.execute(stmt):
            _add(rows[school_id], on_curator=status == ReviewStatus.IN_REVIEW, count=count,
                 since=since)
    overdue = (select(AntiRiskProgram.school_id, func.count()).select_from(Measure)
               .join(AntiRiskProgram, Measure.program_id == AntiRiskProgram.id)
               .join(School, AntiRiskProgram.school_id == School.id)
               .where(school_scope(user), Measure.due_on < today,
                      Measure.status.in_(OPEN_STATUSES))
               .group_by(AntiRiskProgram.school_id))
    for school_id, count in db.session.execute(overdue):
        rows[school_id].overdue = count
    return [r for r in rows.values() if r.on_curator or r.on_school or r.overdue]


def _add(row: PipelineRow, *, on_curator: bool, count: int, since) -> None:
    if on_curator:
        row.on_curator += count
        row.curator_since = _earliest(row.curator_since, since)
    else:
        row.on_school += count
        row.school_since = _earliest(row.school_since, since)
