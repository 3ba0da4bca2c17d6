"""The indicator catalogue, targets («план») and entered values of indicators, per period."""
from datetime import datetime
from decimal import Decimal
from enum import StrEnum

from flask_babel import get_locale
from sqlalchemy import (JSON, Boolean, CheckConstraint, DateTime, ForeignKey, Integer, Numeric,
                        String, UniqueConstraint)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.db import Base, TimestampMixin, VersionedMixin, enum_check, utcnow
from tracker.indicators.calculations import Direction, Unit
from tracker.periods import Periodicity
from tracker.schools.models import Municipality, Region, School


class Level(StrEnum):
    """Where the value is counted or typed: per school (summed up), or once per municipality."""

    SCHOOL = "school"
    MUNICIPALITY = "municipality"


class Source(StrEnum):
    COMPUTED = "computed"  # a metric over the records, with optional filters
    ENTERED = "entered"    # typed in per school or municipality and period


class Indicator(VersionedMixin, TimestampMixin, Base):
    """One indicator of a monitoring, owned by a region (applies to all its municipalities) or by
    one municipality (its own addition). Retired instead of deleted once it has history."""

    __tablename__ = "indicators"
    __table_args__ = (
        UniqueConstraint("region_id", "code"),
        UniqueConstraint("municipality_id", "code"),
        CheckConstraint("(region_id IS NULL) <> (municipality_id IS NULL)", name="one_owner"),
        CheckConstraint("expected_month IS NULL OR expected_month BETWEEN 1 AND 12",
                        name="expected_month_range"),
        CheckConstraint("(source = 'computed') = (metric IS NOT NULL)", name="metric_if_computed"),
        enum_check("unit", Unit), enum_check("periodicity", Periodicity),
        enum_check("level", Level), enum_check("direction", Direction),
        enum_check("source", Source),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40))
    name_ru: Mapped[str] = mapped_column(String(500))
    name_en: Mapped[str] = mapped_column(String(500), default="")
    unit: Mapped[str] = mapped_column(String(10))
    periodicity: Mapped[str] = mapped_column(String(10), default=Periodicity.HALF_YEAR)
    level: Mapped[str] = mapped_column(String(12), default=Level.SCHOOL)
    direction: Mapped[str] = mapped_column(String(6), default=Direction.HIGHER)
    expected_month: Mapped[int | None] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(10))
    metric: Mapped[str | None] = mapped_column(String(40))
    filters: Mapped[dict] = mapped_column(JSON, default=dict)
    region_id: Mapped[int | None] = mapped_column(ForeignKey("regions.id"), index=True)
    municipality_id: Mapped[int | None] = mapped_column(ForeignKey("municipalities.id"),
                                                        index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    in_report_table: Mapped[bool] = mapped_column(Boolean, default=True)
    is_retired: Mapped[bool] = mapped_column(Boolean, default=False)

    region: Mapped[Region | None] = relationship()
    municipality: Mapped[Municipality | None] = relationship()

    @property
    def is_computed(self) -> bool:
        return self.source == Source.COMPUTED

    @property
    def name(self) -> str:
        """The name in the interface's language (the Russian one when there is no English)."""
        english = str(get_locale()) == "en"
        return self.name_en if english and self.name_en else self.name_ru

    @property
    def plan_in_records(self) -> bool:
        """A plan / fact count whose plan is kept in the records (curator visits)."""
        from tracker.indicators.metrics import METRICS
        metric = METRICS.get(self.metric or "")
        return bool(metric and metric.plan_in_records)

    @property
    def audit_municipality_id(self) -> int | None:
        return self.municipality_id

    def __str__(self) -> str:
        return self.name


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
    """A value typed in for a period, by a school or once for a municipality: pupils counted
    (numerator of denominator), a figure (`value`: a count, a number, a share in %), or yes/no."""

    __tablename__ = "indicator_entered_values"
    __table_args__ = (
        UniqueConstraint("code", "period", "school_id"),
        UniqueConstraint("code", "period", "municipality_id"),
        CheckConstraint("(school_id IS NULL) <> (municipality_id IS NULL)", name="one_place"),
        CheckConstraint("numerator IS NULL OR numerator >= 0", name="numerator_positive"),
        CheckConstraint("denominator IS NULL OR denominator >= numerator",
                        name="numerator_within_denominator"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), index=True)
    period: Mapped[str] = mapped_column(String(10), index=True)
    school_id: Mapped[int | None] = mapped_column(ForeignKey("schools.id"), index=True)
    municipality_id: Mapped[int | None] = mapped_column(ForeignKey("municipalities.id"),
                                                        index=True)
    numerator: Mapped[int | None] = mapped_column(Integer)
    denominator: Mapped[int | None] = mapped_column(Integer)
    value: Mapped[Decimal | None] = mapped_column(Numeric(14, 2))
    flag: Mapped[bool | None] = mapped_column(Boolean)
    entered_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    entered_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    school: Mapped[School | None] = relationship()
    municipality: Mapped[Municipality | None] = relationship()

    @property
    def audit_municipality_id(self) -> int:
        return self.municipality_id or self.school.municipality_id
