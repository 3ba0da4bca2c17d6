"""A municipality's period in its lifecycle, the steps taken on it, and the snapshot of what was
submitted: every indicator's figures for the municipality and its schools, the narrative, and
the half-year DOCX with its SHA-256."""
from datetime import date, datetime

from sqlalchemy import (JSON, CheckConstraint, Date, DateTime, ForeignKey, Integer, String, Text,
                        UniqueConstraint)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.auth.models import User
from tracker.closing.lifecycle import PeriodState, Step
from tracker.db import Base, TimestampMixin, VersionedMixin, enum_check, utcnow
from tracker.periods import label_of
from tracker.schools.models import Municipality, Region


class PeriodClosing(VersionedMixin, TimestampMixin, Base):
    """Where a municipality's period stands: open, submitted, returned or approved. Versioned:
    of two coordinators submitting at once, one wins and the other is told."""

    __tablename__ = "period_closings"
    __table_args__ = (UniqueConstraint("municipality_id", "period"),
                      enum_check("state", PeriodState))

    id: Mapped[int] = mapped_column(primary_key=True)
    municipality_id: Mapped[int] = mapped_column(ForeignKey("municipalities.id"), index=True)
    period: Mapped[str] = mapped_column(String(10))
    state: Mapped[str] = mapped_column(String(10), default=PeriodState.OPEN)
    state_since: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    municipality: Mapped[Municipality] = relationship()
    steps: Mapped[list["PeriodStep"]] = relationship(
        back_populates="closing", order_by="PeriodStep.id", cascade="all, delete-orphan")
    snapshots: Mapped[list["PeriodSnapshot"]] = relationship(
        back_populates="closing", order_by="PeriodSnapshot.id", cascade="all, delete-orphan")

    @property
    def title(self) -> str:
        """«Усть-Илимск, 1 полугодие 2022»: how the audit log names the period."""
        return f"{self.municipality.name}, {label_of(self.period)}"

    @property
    def snapshot(self) -> "PeriodSnapshot | None":
        """The figures of the latest submission."""
        return self.snapshots[-1] if self.snapshots else None

    @property
    def audit_municipality_id(self) -> int:
        return self.municipality_id


class PeriodStep(Base):
    """One step taken on a period: who, when, with what comment or reason."""

    __tablename__ = "period_steps"
    __table_args__ = (enum_check("step", Step),)

    id: Mapped[int] = mapped_column(primary_key=True)
    closing_id: Mapped[int] = mapped_column(ForeignKey("period_closings.id"), index=True)
    step: Mapped[str] = mapped_column(String(10))
    by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    comment: Mapped[str] = mapped_column(Text, default="")

    closing: Mapped[PeriodClosing] = relationship(back_populates="steps")
    by: Mapped[User | None] = relationship()

    @property
    def audit_municipality_id(self) -> int:
        return self.closing.municipality_id


class PeriodSnapshot(Base):
    """What was submitted, kept as it was: the figures (JSON, see snapshot.py), the narrative
    and the generated DOCX (a stored file whose checksum is also shown to the region)."""

    __tablename__ = "period_snapshots"

    id: Mapped[int] = mapped_column(primary_key=True)
    closing_id: Mapped[int] = mapped_column(ForeignKey("period_closings.id"), index=True)
    taken_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    figures: Mapped[dict] = mapped_column(JSON)
    narrative: Mapped[dict] = mapped_column(JSON, default=dict)
    stored_name: Mapped[str | None] = mapped_column(String(80))
    original_name: Mapped[str] = mapped_column(String(255), default="")
    content_type: Mapped[str] = mapped_column(String(120), default="")
    size: Mapped[int] = mapped_column(Integer, default=0)
    sha256: Mapped[str | None] = mapped_column(String(64))

    closing: Mapped[PeriodClosing] = relationship(back_populates="snapshots")

    @property
    def audit_municipality_id(self) -> int:
        return self.closing.municipality_id


class PeriodDeadline(VersionedMixin, TimestampMixin, Base):
    """The day a region expects its municipalities' submissions of a period."""

    __tablename__ = "period_deadlines"
    __table_args__ = (UniqueConstraint("region_id", "period"),
                      CheckConstraint("period <> ''", name="period_given"))

    id: Mapped[int] = mapped_column(primary_key=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("regions.id"), index=True)
    period: Mapped[str] = mapped_column(String(10))
    due_on: Mapped[date] = mapped_column(Date)

    region: Mapped[Region] = relationship()
