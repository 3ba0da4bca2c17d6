"""Measures of anti-risk programs, their evidence with the curator's verdicts, and comments."""
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import CheckConstraint, Date, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.auth.models import User
from tracker.db import Base, TimestampMixin, VersionedMixin, enum_check, utcnow
from tracker.programs.models import AntiRiskProgram
from tracker.schools.models import School


class MeasureStatus(StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CONFIRMED = "confirmed"
    POSTPONED = "postponed"
    NOT_DONE = "not_done"


FINISHED = (MeasureStatus.DONE, MeasureStatus.CONFIRMED)
NEEDS_REASON = (MeasureStatus.POSTPONED, MeasureStatus.NOT_DONE)


class Verdict(StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    NEEDS_WORK = "needs_work"


class Measure(VersionedMixin, TimestampMixin, Base):
    """«Мероприятие» of a program: what, by when, who, and what proves it was done."""

    __tablename__ = "measures"
    __table_args__ = (
        enum_check("status", MeasureStatus),
        # a school's measures by status, through its programs: without it SQLite answers
        # «done measures of these schools» from ix_measures_status, reading the whole table
        Index("ix_measures_program_id_status", "program_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    program_id: Mapped[int] = mapped_column(ForeignKey("anti_risk_programs.id"), index=True)
    task: Mapped[str] = mapped_column(String(500), default="")
    title: Mapped[str] = mapped_column(String(500))
    due_on: Mapped[date] = mapped_column(Date, index=True)
    responsible: Mapped[str] = mapped_column(String(200), default="")
    expected_result: Mapped[str] = mapped_column(Text, default="")
    evidence_kind: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(20), default=MeasureStatus.PLANNED, index=True)
    reason: Mapped[str] = mapped_column(Text, default="")
    done_on: Mapped[date | None] = mapped_column(Date)

    program: Mapped[AntiRiskProgram] = relationship(back_populates="measures")
    evidence: Mapped[list["Evidence"]] = relationship(
        back_populates="measure", order_by="Evidence.uploaded_at.desc()",
        cascade="all, delete-orphan")
    comments: Mapped[list["MeasureComment"]] = relationship(
        back_populates="measure", order_by="MeasureComment.at", cascade="all, delete-orphan")

    @property
    def school(self) -> School:
        return self.program.school

    def is_overdue_on(self, day: date) -> bool:
        return self.due_on < day and self.status not in (*FINISHED, MeasureStatus.NOT_DONE)

    @property
    def audit_municipality_id(self) -> int | None:
        return self.program.audit_municipality_id if self.program else None


class Evidence(Base):
    """«Подтверждающий документ»: a file or a link for a measure, with the curator's verdict.
    A re-upload is a new row pointing at the one it replaces, so the history stays."""

    __tablename__ = "evidence"
    __table_args__ = (
        enum_check("verdict", Verdict),
        CheckConstraint("(stored_name IS NULL) <> (url IS NULL)", name="file_or_link"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    measure_id: Mapped[int] = mapped_column(ForeignKey("measures.id"), index=True)
    replaces_id: Mapped[int | None] = mapped_column(ForeignKey("evidence.id"))
    stored_name: Mapped[str | None] = mapped_column(String(64), unique=True)
    sha256: Mapped[str | None] = mapped_column(String(64))  # of the stored file
    original_name: Mapped[str] = mapped_column(String(255), default="")
    content_type: Mapped[str] = mapped_column(String(120), default="")
    size: Mapped[int] = mapped_column(Integer, default=0)
    url: Mapped[str | None] = mapped_column(String(1000))
    comment: Mapped[str] = mapped_column(Text, default="")
    uploaded_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    uploaded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow,
                                                  index=True)
    verdict: Mapped[str] = mapped_column(String(20), default=Verdict.PENDING, index=True)
    verdict_comment: Mapped[str] = mapped_column(Text, default="")
    reviewed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    reviewed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    measure: Mapped[Measure] = relationship(back_populates="evidence")
    uploaded_by: Mapped[User] = relationship(foreign_keys=[uploaded_by_id])
    reviewed_by: Mapped[User | None] = relationship(foreign_keys=[reviewed_by_id])

    @property
    def school(self) -> School:
        return self.measure.program.school

    @property
    def is_file(self) -> bool:
        return self.stored_name is not None

    @property
    def audit_municipality_id(self) -> int | None:
        return self.measure.audit_municipality_id if self.measure else None


class MeasureComment(Base):
    """The thread on a measure between the school, its curator and the coordinator."""

    __tablename__ = "measure_comments"

    id: Mapped[int] = mapped_column(primary_key=True)
    measure_id: Mapped[int] = mapped_column(ForeignKey("measures.id"), index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    text: Mapped[str] = mapped_column(Text)

    measure: Mapped[Measure] = relationship(back_populates="comments")
    author: Mapped[User] = relationship()

    @property
    def audit_municipality_id(self) -> int | None:
        return self.measure.audit_municipality_id if self.measure else None
