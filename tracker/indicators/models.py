"""Targets («план») and entered values of indicators, per period."""
from datetime import datetime
from decimal import Decimal

from sqlalchemy import (Boolean, CheckConstraint, DateTime, ForeignKey, Integer, Numeric, String,
                        UniqueConstraint)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.db import Base, TimestampMixin, VersionedMixin, utcnow
from tracker.schools.models import Municipality, Region, School


class IndicatorTarget(VersionedMixin, TimestampMixin, Base):
    """The planned value of an indicator for a period, for a region, a municipality or a school."""

    __tablename__ = "indicator_targets"
    __table_args__ = (
        UniqueConstraint("code", "period", "region_id", "municipality_id", "school_id"),
        CheckConstraint(
            "(CASE WHEN region_id IS NULL THEN 0 ELSE 1 END) + "
            "(CASE WHEN municipality_id IS NULL THEN 0 ELSE 1 END) + "
            "(CASE WHEN school_id IS NULL THEN 0 ELSE 1 END) = 1", name="one_level"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), index=True)
    period: Mapped[str] = mapped_column(String(10))
    region_id: Mapped[int | None] = mapped_column(ForeignKey("regions.id"), index=True)
    municipality_id: Mapped[int | None] = mapped_column(ForeignKey("municipalities.id"), index=True)
    school_id: Mapped[int | None] = mapped_column(ForeignKey("schools.id"), index=True)
    value: Mapped[Decimal] = mapped_column(Numeric(10, 2))

    region: Mapped[Region | None] = relationship()
    municipality: Mapped[Municipality | None] = relationship()
    school: Mapped[School | None] = relationship()

    @property
    def audit_municipality_id(self) -> int | None:
        return self.municipality_id or (self.school.municipality_id if self.school else None)


class EnteredValue(VersionedMixin, TimestampMixin, Base):
    """A value typed in for a school and period: pupils counted (numerator of denominator),
    or yes/no."""

    __tablename__ = "indicator_entered_values"
    __table_args__ = (
        UniqueConstraint("code", "period", "school_id"),
        CheckConstraint("numerator IS NULL OR numerator >= 0", name="numerator_positive"),
        CheckConstraint("denominator IS NULL OR denominator >= numerator",
                        name="numerator_within_denominator"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), index=True)
    period: Mapped[str] = mapped_column(String(10), index=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("schools.id"), index=True)
    numerator: Mapped[int | None] = mapped_column(Integer)
    denominator: Mapped[int | None] = mapped_column(Integer)
    flag: Mapped[bool | None] = mapped_column(Boolean)
    entered_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    entered_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    school: Mapped[School] = relationship()

    @property
    def audit_municipality_id(self) -> int:
        return self.school.municipality_id
