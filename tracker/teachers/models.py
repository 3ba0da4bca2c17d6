"""Teachers and their professional development records (docs/domain.md)."""
import re
from datetime import date
from enum import StrEnum

from sqlalchemy import (Boolean, CheckConstraint, Date, ForeignKey, Index, Integer, String, Text,
                        UniqueConstraint)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.db import Base, TimestampMixin, VersionedMixin, enum_check
from tracker.schools.models import School


def name_key(full_name: str) -> str:
    """The matching form of a full name: lower case, «ё» as «е», single spaces."""
    return re.sub(r"\s+", " ", (full_name or "").replace("ё", "е").replace("Ё", "Е")).strip().lower()


class Level(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class DiagnosticProvider(StrEnum):
    CNPPM = "cnppm"
    IRO = "iro"
    SCHOOL = "school"
    OTHER = "other"


class PlanStatus(StrEnum):
    DRAFT = "draft"
    APPROVED = "approved"
    DONE = "done"


class Activity(StrEnum):
    COURSE = "course"
    INTERNSHIP = "internship"
    WEBINAR = "webinar"
    METHODICAL_UNION = "methodical_union"
    MENTORING = "mentoring"
    SELF_STUDY = "self_study"


class MentoringForm(StrEnum):
    TEACHER_TEACHER = "teacher_teacher"
    PEER_TO_PEER = "peer_to_peer"
    MANAGER_TEACHER = "manager_teacher"
    EXPERIENCED_YOUNG = "experienced_young"


class MentorshipStatus(StrEnum):
    ACTIVE = "active"
    FINISHED = "finished"
    CANCELLED = "cancelled"


class CourseProvider(StrEnum):
    ACADEMY = "academy"
    IRO = "iro"
    OTHER = "other"


class CourseTopic(StrEnum):
    """What a course is about, as the report counts the ШНОР teachers' courses by direction."""
    SUBJECT = "subject"
    FUNCTIONAL_LITERACY = "functional_literacy"
    UPDATED_STANDARDS = "updated_standards"  # the updated ФГОС
    INFORMATION_SECURITY = "information_security"
    INCLUSION = "inclusion"  # ФГОС ОВЗ, groups at risk, prevention
    OTHER = "other"


APPROVED_PLAN = (PlanStatus.APPROVED, PlanStatus.DONE)
MIN_COURSE_HOURS = 16


class DeficitDomain(TimestampMixin, Base):
    """A domain of professional competence diagnosed (предметный, методический…); editable."""

    __tablename__ = "deficit_domains"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)

    def __str__(self) -> str:
        return self.name


class Teacher(VersionedMixin, TimestampMixin, Base):
    """A school's teacher. Matched on import by school + `name_key` (see importing.py)."""

    __tablename__ = "teachers"
    __table_args__ = (
        UniqueConstraint("school_id", "name_key"),
        CheckConstraint("experience_years IS NULL OR experience_years BETWEEN 0 AND 70",
                        name="experience_range"),
        # the indicators count a school's active teachers from the index alone (SQLite)
        Index("ix_teachers_school_id_is_active", "school_id", "is_active"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("schools.id"), index=True)
    full_name: Mapped[str] = mapped_column(String(200))
    name_key: Mapped[str] = mapped_column(String(200))
    position: Mapped[str] = mapped_column(String(200), default="")
    subjects: Mapped[str] = mapped_column(String(500), default="")
    experience_years: Mapped[int | None] = mapped_column(Integer)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    is_purged: Mapped[bool] = mapped_column(Boolean, default=False)

    school: Mapped[School] = relationship()
    diagnostics: Mapped[list["Diagnostic"]] = relationship(
        back_populates="teacher", order_by="Diagnostic.held_on.desc()")
    plans: Mapped[list["DevelopmentPlan"]] = relationship(
        back_populates="teacher", order_by="DevelopmentPlan.period.desc()")
    courses: Mapped[list["CourseCompletion"]] = relationship(
        back_populates="teacher", order_by="CourseCompletion.completed_on.desc()")

    # personal data stay out of the audit record, so that a purge removes them everywhere
    audit_personal_fields = ("full_name", "name_key", "subjects", "experience_years")

    @property
    def audit_municipality_id(self) -> int | None:
        return self.school.municipality_id if self.school else None

    def __str__(self) -> str:
        return self.full_name


class _OfTeacher:
    """Records that belong to a teacher are in the teacher's school's scope."""

    @property
    def school(self) -> School:
        return self.teacher.school

    @property
    def audit_municipality_id(self) -> int | None:
        return self.teacher.audit_municipality_id if self.teacher else None


class Diagnostic(_OfTeacher, TimestampMixin, Base):
    """«Диагностика профессиональных дефицитов» of one teacher on one day."""

    __tablename__ = "diagnostics"
    __table_args__ = (UniqueConstraint("teacher_id", "held_on", "provider"),
                      enum_check("provider", DiagnosticProvider))

    id: Mapped[int] = mapped_column(primary_key=True)
    teacher_id: Mapped[int] = mapped_column(ForeignKey("teachers.id"), index=True)
    held_on: Mapped[date] = mapped_column(Date)
    provider: Mapped[str] = mapped_column(String(20))

    teacher: Mapped[Teacher] = relationship(back_populates="diagnostics")
    results: Mapped[list["DiagnosticResult"]] = relationship(
        back_populates="diagnostic", cascade="all, delete-orphan",
        order_by="DiagnosticResult.domain_id")

    @property
    def deficits(self) -> list[tuple["DiagnosticResult", str]]:
        """(result, deficit) for every deficit found, one per line of a result's deficits."""
        return [(result, line.strip()) for result in self.results
                for line in (result.deficits or "").splitlines() if line.strip()]


class DiagnosticResult(Base):
    __tablename__ = "diagnostic_results"
    __table_args__ = (UniqueConstraint("diagnostic_id", "domain_id"), enum_check("level", Level),
                      CheckConstraint("score IS NULL OR score BETWEEN 0 AND 100",
                                      name="score_range"))

    id: Mapped[int] = mapped_column(primary_key=True)
    diagnostic_id: Mapped[int] = mapped_column(ForeignKey("diagnostics.id"), index=True)
    domain_id: Mapped[int] = mapped_column(ForeignKey("deficit_domains.id"), index=True)
    score: Mapped[int | None] = mapped_column(Integer)
    level: Mapped[str] = mapped_column(String(10))
    deficits: Mapped[str] = mapped_column(Text, default="")

    diagnostic: Mapped[Diagnostic] = relationship(back_populates="results")
    domain: Mapped[DeficitDomain] = relationship()


class DevelopmentPlan(_OfTeacher, VersionedMixin, TimestampMixin, Base):
    """«Индивидуальная программа развития» of a teacher for a half-year (the indicator's wording)."""

    __tablename__ = "development_plans"
    __table_args__ = (UniqueConstraint("teacher_id", "period"), enum_check("status", PlanStatus),
                      # «has an approved plan» answered from the index alone, per teacher
                      Index("ix_development_plans_teacher_id_status", "teacher_id", "status"))

    id: Mapped[int] = mapped_column(primary_key=True)
    teacher_id: Mapped[int] = mapped_column(ForeignKey("teachers.id"), index=True)
    period: Mapped[str] = mapped_column(String(7))
    status: Mapped[str] = mapped_column(String(10), default=PlanStatus.DRAFT)
    diagnostic_id: Mapped[int | None] = mapped_column(ForeignKey("diagnostics.id"))

    teacher: Mapped[Teacher] = relationship(back_populates="plans")
    diagnostic: Mapped[Diagnostic | None] = relationship()
    items: Mapped[list["PlanItem"]] = relationship(
        back_populates="plan", cascade="all, delete-orphan", order_by="PlanItem.id")


class PlanItem(TimestampMixin, Base):
    __tablename__ = "plan_items"
    __table_args__ = (enum_check("activity", Activity),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("development_plans.id"), index=True)
    deficit: Mapped[str] = mapped_column(String(500))
    activity: Mapped[str] = mapped_column(String(20))
    due_on: Mapped[date | None] = mapped_column(Date)
    result_form: Mapped[str] = mapped_column(String(300), default="")
    is_done: Mapped[bool] = mapped_column(Boolean, default=False)

    plan: Mapped[DevelopmentPlan] = relationship(back_populates="items")

    @property
    def school(self) -> School:
        return self.plan.school

    @property
    def audit_municipality_id(self) -> int | None:
        return self.plan.audit_municipality_id if self.plan else None

    def is_overdue(self, today: date | None = None) -> bool:
        return (not self.is_done and self.due_on is not None
                and self.due_on < (today or date.today()))


class MentoringProgram(VersionedMixin, TimestampMixin, Base):
    """A school's mentoring program; it counts once approved (Р-145, target model)."""

    __tablename__ = "mentoring_programs"

    id: Mapped[int] = mapped_column(primary_key=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("schools.id"), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    approved_on: Mapped[date | None] = mapped_column(Date)
    approval_order: Mapped[str] = mapped_column(String(200), default="")

    school: Mapped[School] = relationship()

    @property
    def audit_municipality_id(self) -> int | None:
        return self.school.municipality_id if self.school else None


class Mentorship(TimestampMixin, Base):
    """A mentoring pair of the school's teachers."""

    __tablename__ = "mentorships"
    __table_args__ = (enum_check("form", MentoringForm), enum_check("status", MentorshipStatus),
                      CheckConstraint("mentor_id != mentee_id", name="two_people"),
                      CheckConstraint("ends_on IS NULL OR ends_on >= starts_on",
                                      name="dates_order"))

    id: Mapped[int] = mapped_column(primary_key=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("schools.id"), index=True)
    mentor_id: Mapped[int] = mapped_column(ForeignKey("teachers.id"), index=True)
    mentee_id: Mapped[int] = mapped_column(ForeignKey("teachers.id"), index=True)
    form: Mapped[str] = mapped_column(String(20))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(10), default=MentorshipStatus.ACTIVE)

    school: Mapped[School] = relationship()
    mentor: Mapped[Teacher] = relationship(foreign_keys=[mentor_id])
    mentee: Mapped[Teacher] = relationship(foreign_keys=[mentee_id])

    @property
    def audit_municipality_id(self) -> int | None:
        return self.school.municipality_id if self.school else None


class CourseCompletion(_OfTeacher, TimestampMixin, Base):
    """A completed course («КПК», at least 16 hours)."""

    __tablename__ = "course_completions"
    __table_args__ = (UniqueConstraint("teacher_id", "program_title", "completed_on"),
                      enum_check("provider", CourseProvider), enum_check("topic", CourseTopic),
                      CheckConstraint(f"hours >= {MIN_COURSE_HOURS}", name="min_hours"))

    id: Mapped[int] = mapped_column(primary_key=True)
    teacher_id: Mapped[int] = mapped_column(ForeignKey("teachers.id"), index=True)
    program_title: Mapped[str] = mapped_column(String(500))
    provider: Mapped[str] = mapped_column(String(10))
    hours: Mapped[int] = mapped_column(Integer)
    completed_on: Mapped[date] = mapped_column(Date, index=True)
    is_federal_registry: Mapped[bool] = mapped_column(Boolean, default=False)
    topic: Mapped[str | None] = mapped_column(String(30))  # a CourseTopic; None: not said

    teacher: Mapped[Teacher] = relationship(back_populates="courses")
