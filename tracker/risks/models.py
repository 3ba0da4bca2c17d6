"""Risk directions (a reference list per year) and each school's yearly risk profile."""
from datetime import datetime
from enum import StrEnum

from sqlalchemy import (Boolean, CheckConstraint, DateTime, ForeignKey, Integer, String, Text,
                        UniqueConstraint)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.auth.models import User
from tracker.db import Base, TimestampMixin, VersionedMixin, enum_check
from tracker.schools.models import School


class RiskLevel(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"
    NONE = "none"


class RiskDirection(TimestampMixin, Base):
    """One of the year's risk directions («Дефицит педагогических кадров»…), in report order."""

    __tablename__ = "risk_directions"
    __table_args__ = (
        UniqueConstraint("year", "name"),
        CheckConstraint("year BETWEEN 2015 AND 2100", name="year_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(300))
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)

    suggestions: Mapped[list["SuggestedMeasure"]] = relationship(
        back_populates="direction", order_by="SuggestedMeasure.position",
        cascade="all, delete-orphan")

    def __str__(self) -> str:
        return self.name


class SuggestedMeasure(TimestampMixin, Base):
    """A measure a school may adopt into its anti-risk program for the direction."""

    __tablename__ = "suggested_measures"

    id: Mapped[int] = mapped_column(primary_key=True)
    direction_id: Mapped[int] = mapped_column(ForeignKey("risk_directions.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(500))
    task: Mapped[str] = mapped_column(String(500), default="")
    evidence_kind: Mapped[str] = mapped_column(String(200), default="")

    direction: Mapped[RiskDirection] = relationship(back_populates="suggestions")


class RiskProfile(VersionedMixin, TimestampMixin, Base):
    """A school's risk profile for a year and the curator's verification of it."""

    __tablename__ = "risk_profiles"
    __table_args__ = (
        UniqueConstraint("school_id", "year"),
        CheckConstraint("year BETWEEN 2015 AND 2100", name="year_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("schools.id"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    verified_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    verified_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    verification_comment: Mapped[str] = mapped_column(Text, default="")

    school: Mapped[School] = relationship()
    verified_by: Mapped[User | None] = relationship()
    entries: Mapped[list["RiskProfileEntry"]] = relationship(
        back_populates="profile", cascade="all, delete-orphan")

    @property
    def is_verified(self) -> bool:
        return self.verified_at is not None

    def entry_for(self, direction_id: int) -> "RiskProfileEntry | None":
        return next((e for e in self.entries if e.direction_id == direction_id), None)

    @property
    def audit_municipality_id(self) -> int | None:
        return self.school.municipality_id if self.school else None


class RiskProfileEntry(Base):
    """The level of one direction in a profile, whether the curator verified it and the school
    works on it."""

    __tablename__ = "risk_profile_entries"
    __table_args__ = (
        UniqueConstraint("profile_id", "direction_id"),
        enum_check("level", RiskLevel),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    profile_id: Mapped[int] = mapped_column(ForeignKey("risk_profiles.id"), index=True)
    direction_id: Mapped[int] = mapped_column(ForeignKey("risk_directions.id"), index=True)
    level: Mapped[str] = mapped_column(String(10), default=RiskLevel.NONE)
    is_chosen: Mapped[bool] = mapped_column(Boolean, default=False)
    is_verified: Mapped[bool] = mapped_column(Boolean, default=False)
    verified_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    verified_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    profile: Mapped[RiskProfile] = relationship(back_populates="entries")
    direction: Mapped[RiskDirection] = relationship()
    verified_by: Mapped[User | None] = relationship()

    @property
    def audit_municipality_id(self) -> int | None:
        return self.profile.audit_municipality_id if self.profile else None
