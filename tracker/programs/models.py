"""Concept documents and anti-risk programs, both under the curator's review workflow."""
from datetime import datetime
from enum import StrEnum

from sqlalchemy import (CheckConstraint, DateTime, ForeignKey, Integer, String, Text,
                        UniqueConstraint)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.auth.models import User
from tracker.db import Base, TimestampMixin, VersionedMixin, enum_check, utcnow
from tracker.risks.models import RiskDirection
from tracker.schools.models import School


class ReviewStatus(StrEnum):
    DRAFT = "draft"
    IN_REVIEW = "in_review"
    RETURNED = "returned"
    APPROVED = "approved"


class DocumentKind(StrEnum):
    CONCEPT = "concept"
    MEDIUM_TERM = "medium_term"


class ReviewTransition(Base):
    """One step of a review: who moved a document or a program from one status to another."""

    __tablename__ = "review_transitions"
    __table_args__ = (
        CheckConstraint("(document_id IS NULL) <> (program_id IS NULL)", name="one_subject"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("concept_documents.id"),
                                                    index=True)
    program_id: Mapped[int | None] = mapped_column(ForeignKey("anti_risk_programs.id"),
                                                   index=True)
    from_status: Mapped[str] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    actor_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    comment: Mapped[str] = mapped_column(Text, default="")

    actor: Mapped[User] = relationship()


class ConceptDocument(VersionedMixin, TimestampMixin, Base):
    """A school's «Концепция развития» or «Среднесрочная программа развития» for a year."""

    __tablename__ = "concept_documents"
    __table_args__ = (
        UniqueConstraint("school_id", "kind", "year"),
        enum_check("kind", DocumentKind),
        enum_check("status", ReviewStatus),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("schools.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    year: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(500), default="")
    status: Mapped[str] = mapped_column(String(20), default=ReviewStatus.DRAFT)
    status_changed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    school: Mapped[School] = relationship()
    versions: Mapped[list["DocumentVersion"]] = relationship(
        back_populates="document", order_by="DocumentVersion.number.desc()",
        cascade="all, delete-orphan")
    transitions: Mapped[list[ReviewTransition]] = relationship(
        order_by=ReviewTransition.at, cascade="all, delete-orphan")

    @property
    def current(self) -> "DocumentVersion | None":
        return self.versions[0] if self.versions else None

    @property
    def audit_municipality_id(self) -> int | None:
        return self.school.municipality_id if self.school else None


class DocumentVersion(Base):
    """One uploaded file of a document; old versions stay readable."""

    __tablename__ = "document_versions"
    __table_args__ = (UniqueConstraint("document_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("concept_documents.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    stored_name: Mapped[str] = mapped_column(String(64), unique=True)
    sha256: Mapped[str | None] = mapped_column(String(64))  # of the stored file
    original_name: Mapped[str] = mapped_column(String(255))
    content_type: Mapped[str] = mapped_column(String(120))
    size: Mapped[int] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")
    uploaded_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    uploaded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    document: Mapped[ConceptDocument] = relationship(back_populates="versions")
    uploaded_by: Mapped[User] = relationship()

    @property
    def school(self) -> School:
        return self.document.school

    @property
    def audit_municipality_id(self) -> int | None:
        return self.document.audit_municipality_id if self.document else None


class AntiRiskProgram(VersionedMixin, TimestampMixin, Base):
    """The school's program against one chosen risk direction of a year."""

    __tablename__ = "anti_risk_programs"
    __table_args__ = (
        UniqueConstraint("school_id", "direction_id"),
        enum_check("status", ReviewStatus),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("schools.id"), index=True)
    direction_id: Mapped[int] = mapped_column(ForeignKey("risk_directions.id"), index=True)
    goal: Mapped[str] = mapped_column(Text, default="")
    tasks: Mapped[str] = mapped_column(Text, default="")
    expected_results: Mapped[str] = mapped_column(Text, default="")
    responsible: Mapped[str] = mapped_column(String(500), default="")
    status: Mapped[str] = mapped_column(String(20), default=ReviewStatus.DRAFT)
    status_changed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    school: Mapped[School] = relationship()
    direction: Mapped[RiskDirection] = relationship()
    indicators: Mapped[list["ProgramIndicator"]] = relationship(
        back_populates="program", order_by="ProgramIndicator.id", cascade="all, delete-orphan")
    measures: Mapped[list["Measure"]] = relationship(  # noqa: F821
        back_populates="program", order_by="Measure.due_on",
        cascade="all, delete-orphan")
    transitions: Mapped[list[ReviewTransition]] = relationship(
        order_by=ReviewTransition.at, cascade="all, delete-orphan")

    @property
    def year(self) -> int:
        return self.direction.year

    @property
    def task_list(self) -> list[str]:
        return [line.strip() for line in self.tasks.splitlines() if line.strip()]

    @property
    def audit_municipality_id(self) -> int | None:
        return self.school.municipality_id if self.school else None

    def __str__(self) -> str:
        return self.direction.name


class ProgramIndicator(Base):
    """A target indicator of a program: name, unit, baseline and target values."""

    __tablename__ = "program_indicators"

    id: Mapped[int] = mapped_column(primary_key=True)
    program_id: Mapped[int] = mapped_column(ForeignKey("anti_risk_programs.id"), index=True)
    name: Mapped[str] = mapped_column(String(500))
    unit: Mapped[str] = mapped_column(String(50), default="")
    baseline: Mapped[str] = mapped_column(String(50), default="")
    target: Mapped[str] = mapped_column(String(50), default="")

    program: Mapped[AntiRiskProgram] = relationship(back_populates="indicators")

    @property
    def school(self) -> School:
        return self.program.school

    @property
    def audit_municipality_id(self) -> int | None:
        return self.program.audit_municipality_id if self.program else None
