"""Curator visits, their participants and notes, the recommendations that follow them up, and
the coordinator's coverage setting."""
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import (Boolean, CheckConstraint, Date, DateTime, ForeignKey, Integer, String,
                        Text)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.auth.models import User
from tracker.db import Base, TimestampMixin, VersionedMixin, enum_check, utcnow
from tracker.programs.measure_models import Measure
from tracker.risks.models import RiskDirection
from tracker.schools.models import Municipality, School

DEFAULT_STALE_AFTER_DAYS = 60


class VisitKind(StrEnum):
    SETUP = "setup"                # установочный
    CONSULTATION = "consultation"  # консультационный
    MONITORING = "monitoring"      # мониторинговый
    FINAL = "final"                # итоговый


class VisitFormat(StrEnum):
    IN_PERSON = "in_person"
    REMOTE = "remote"


class VisitStatus(StrEnum):
    PLANNED = "planned"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


class NoteVisibility(StrEnum):
    """Who reads a visit's note or attachment besides the curator and the coordinators."""

    SCHOOL = "school"      # the school sees it
    INTERNAL = "internal"  # the curator and the coordinators only


class RecommendationStatus(StrEnum):
    OPEN = "open"
    ANSWERED = "answered"
    CLOSED = "closed"
    RETURNED = "returned"


AWAITING_SCHOOL = (RecommendationStatus.OPEN, RecommendationStatus.RETURNED)
NOT_CLOSED = (RecommendationStatus.OPEN, RecommendationStatus.RETURNED,
              RecommendationStatus.ANSWERED)


class Visit(VersionedMixin, TimestampMixin, Base):
    """A curator's visit to a school: planned ahead, then completed (or cancelled)."""

    __tablename__ = "visits"
    __table_args__ = (
        enum_check("kind", VisitKind),
        enum_check("format", VisitFormat),
        enum_check("status", VisitStatus),
        CheckConstraint("status != 'completed' OR visited_on IS NOT NULL", name="completed_dated"),
        CheckConstraint("lessons_observed_count >= 0", name="lessons_count"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("schools.id"), index=True)
    curator_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    planned_on: Mapped[date] = mapped_column(Date, index=True)
    visited_on: Mapped[date | None] = mapped_column(Date, index=True)
    kind: Mapped[str] = mapped_column(String(20))
    format: Mapped[str] = mapped_column(String(20), default=VisitFormat.IN_PERSON)
    status: Mapped[str] = mapped_column(String(20), default=VisitStatus.PLANNED)
    purpose: Mapped[str] = mapped_column(Text, default="")
    agenda: Mapped[str] = mapped_column(Text, default="")
    risk_profile_discussed: Mapped[bool] = mapped_column(Boolean, default=False)
    documents_sound: Mapped[bool] = mapped_column(Boolean, default=False)
    measures_on_time: Mapped[bool] = mapped_column(Boolean, default=False)
    evidence_present: Mapped[bool] = mapped_column(Boolean, default=False)
    lessons_observed: Mapped[bool] = mapped_column(Boolean, default=False)
    lessons_observed_count: Mapped[int] = mapped_column(Integer, default=0)
    findings: Mapped[str] = mapped_column(Text, default="")

    school: Mapped[School] = relationship()
    curator: Mapped[User] = relationship()
    participants: Mapped[list["VisitParticipant"]] = relationship(
        back_populates="visit", order_by="VisitParticipant.position_in_list",
        cascade="all, delete-orphan")
    notes: Mapped[list["VisitNote"]] = relationship(
        back_populates="visit", order_by="VisitNote.created_at", cascade="all, delete-orphan")
    recommendations: Mapped[list["Recommendation"]] = relationship(
        back_populates="visit", order_by="Recommendation.id", cascade="all, delete-orphan")
    attachments: Mapped[list["VisitAttachment"]] = relationship(
        back_populates="visit", order_by="VisitAttachment.id", cascade="all, delete-orphan")

    @property
    def day(self) -> date:
        """The day the visit took place, or is planned for."""
        return self.visited_on or self.planned_on

    def is_missed(self, today: date | None = None) -> bool:
        """A planned visit whose date has passed: derived, never stored."""
        return self.status == VisitStatus.PLANNED and self.planned_on < (today or date.today())

    def shown_status(self, today: date | None = None) -> str:
        return "missed" if self.is_missed(today) else self.status

    @property
    def audit_municipality_id(self) -> int | None:
        return self.school.municipality_id if self.school else None

    def __str__(self) -> str:
        return f"{self.school} {self.day:%d.%m.%Y}"


class VisitParticipant(Base):
    __tablename__ = "visit_participants"

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id"), index=True)
    position_in_list: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(200))
    position: Mapped[str] = mapped_column(String(200), default="")

    visit: Mapped[Visit] = relationship(back_populates="participants")

    @property
    def school(self) -> School:
        return self.visit.school


class VisitNote(TimestampMixin, Base):
    """A note on a visit, for the school or for the curator and the coordinators only."""

    __tablename__ = "visit_notes"
    __table_args__ = (enum_check("visibility", NoteVisibility),)

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id"), index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    visibility: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)

    visit: Mapped[Visit] = relationship(back_populates="notes")
    author: Mapped[User] = relationship()

    @property
    def is_for_school(self) -> bool:
        return self.visibility == NoteVisibility.SCHOOL

    @property
    def school(self) -> School:
        return self.visit.school


class VisitAttachment(Base):
    """A file attached to a visit by its curator; like a note, for the school or internal."""

    __tablename__ = "visit_attachments"
    __table_args__ = (enum_check("visibility", NoteVisibility),)

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id"), index=True)
    stored_name: Mapped[str] = mapped_column(String(64), unique=True)
    sha256: Mapped[str | None] = mapped_column(String(64))  # of the stored file
    original_name: Mapped[str] = mapped_column(String(255))
    content_type: Mapped[str] = mapped_column(String(120))
    size: Mapped[int] = mapped_column(Integer)
    visibility: Mapped[str] = mapped_column(String(20))
    uploaded_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    visit: Mapped[Visit] = relationship(back_populates="attachments")
    uploaded_by: Mapped[User] = relationship()

    @property
    def is_for_school(self) -> bool:
        return self.visibility == NoteVisibility.SCHOOL

    @property
    def school(self) -> School:
        return self.visit.school

    @property
    def audit_municipality_id(self) -> int | None:
        return self.visit.audit_municipality_id if self.visit else None


class Recommendation(VersionedMixin, TimestampMixin, Base):
    """A follow-up of a visit: the school answers it, the curator closes it or sends it back."""

    __tablename__ = "recommendations"
    __table_args__ = (enum_check("status", RecommendationStatus),)

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    due_on: Mapped[date] = mapped_column(Date, index=True)
    # What it concerns, where it fits: one of the school's verified risk directions, a measure.
    risk_direction_id: Mapped[int | None] = mapped_column(ForeignKey("risk_directions.id"),
                                                          index=True)
    measure_id: Mapped[int | None] = mapped_column(ForeignKey("measures.id"), index=True)
    status: Mapped[str] = mapped_column(String(20), default=RecommendationStatus.OPEN, index=True)

    visit: Mapped[Visit] = relationship(back_populates="recommendations")
    risk_direction: Mapped[RiskDirection | None] = relationship()
    measure: Mapped[Measure | None] = relationship()
    events: Mapped[list["RecommendationEvent"]] = relationship(
        back_populates="recommendation", order_by="RecommendationEvent.id",
        cascade="all, delete-orphan")

    @property
    def school(self) -> School:
        return self.visit.school

    @property
    def is_awaiting_school(self) -> bool:
        return self.status in AWAITING_SCHOOL

    def is_overdue(self, today: date | None = None) -> bool:
        return self.is_awaiting_school and self.due_on < (today or date.today())

    @property
    def audit_municipality_id(self) -> int | None:
        return self.visit.audit_municipality_id if self.visit else None


class RecommendationEvent(Base):
    """One step of a follow-up's history: the director's answer (with an optional evidence
    file) or the curator's decision."""

    __tablename__ = "recommendation_events"
    __table_args__ = (
        CheckConstraint("action IN ('answered', 'closed', 'returned')", name="action"),
        CheckConstraint("stored_name IS NULL OR action = 'answered'", name="file_on_answer"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    recommendation_id: Mapped[int] = mapped_column(ForeignKey("recommendations.id"), index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    action: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    stored_name: Mapped[str | None] = mapped_column(String(64), unique=True)
    sha256: Mapped[str | None] = mapped_column(String(64))  # of the stored file
    original_name: Mapped[str] = mapped_column(String(255), default="")
    content_type: Mapped[str] = mapped_column(String(120), default="")
    size: Mapped[int] = mapped_column(Integer, default=0)

    recommendation: Mapped[Recommendation] = relationship(back_populates="events")
    author: Mapped[User] = relationship()

    @property
    def has_file(self) -> bool:
        return self.stored_name is not None

    @property
    def school(self) -> School:
        return self.recommendation.visit.school

    @property
    def audit_municipality_id(self) -> int | None:
        return self.recommendation.audit_municipality_id if self.recommendation else None


class CoverageSetting(TimestampMixin, Base):
    """How many days without a visit a municipality's coordinator tolerates before a flag."""

    __tablename__ = "visit_coverage_settings"
    __table_args__ = (
        CheckConstraint("stale_after_days BETWEEN 1 AND 730", name="stale_after_days"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    municipality_id: Mapped[int] = mapped_column(ForeignKey("municipalities.id"), unique=True)
    stale_after_days: Mapped[int] = mapped_column(Integer, default=DEFAULT_STALE_AFTER_DAYS)

    municipality: Mapped[Municipality] = relationship()

    @property
    def audit_municipality_id(self) -> int:
        return self.municipality_id
