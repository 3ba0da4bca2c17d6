"""An addressed recommendation: one copy per municipality, with the indicator's figure at issue,
and its history of answers (with an optional file) and the region's decisions."""
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import ClassVar

from sqlalchemy import (CheckConstraint, Date, DateTime, ForeignKey, Integer, Numeric, String,
                        Text)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.auth.models import Role, User
from tracker.db import Base, TimestampMixin, VersionedMixin, enum_check, utcnow
from tracker.indicators.calculations import Fraction
from tracker.schools.models import Municipality


class AddressedStatus(StrEnum):
    OPEN = "open"
    ANSWERED = "answered"
    CLOSED = "closed"
    RETURNED = "returned"


AWAITING_MUNICIPALITY = (AddressedStatus.OPEN, AddressedStatus.RETURNED)


class AddressedRecommendation(VersionedMixin, TimestampMixin, Base):
    __tablename__ = "addressed_recommendations"
    __table_args__ = (enum_check("status", AddressedStatus),)

    id: Mapped[int] = mapped_column(primary_key=True)
    municipality_id: Mapped[int] = mapped_column(ForeignKey("municipalities.id"), index=True)
    indicator_code: Mapped[str] = mapped_column(String(64))
    period: Mapped[str] = mapped_column(String(10))  # the period whose figure missed
    threshold: Mapped[Decimal] = mapped_column(Numeric(14, 2))
    # the municipality's figure when issued (None: no data then)
    numerator_at_issue: Mapped[int | None] = mapped_column(Integer)
    denominator_at_issue: Mapped[int | None] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    due_on: Mapped[date] = mapped_column(Date, index=True)
    status: Mapped[str] = mapped_column(String(20), default=AddressedStatus.OPEN, index=True)
    issued_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))

    municipality: Mapped[Municipality] = relationship()
    issued_by: Mapped[User] = relationship()
    steps: Mapped[list["AddressedStep"]] = relationship(
        back_populates="recommendation", order_by="AddressedStep.id",
        cascade="all, delete-orphan")

    # the region's coordinators issue and decide, the municipality's see and answer
    # (tracker/permissions.py, can_add; the answer: addressed/services.py)
    viewers: ClassVar[tuple[Role, ...]] = (Role.ADMIN, Role.REGIONAL, Role.COORDINATOR)
    editors: ClassVar[tuple[Role, ...]] = (Role.ADMIN, Role.REGIONAL)

    @property
    def figure_at_issue(self) -> Fraction | None:
        if self.numerator_at_issue is None:
            return None
        return Fraction(self.numerator_at_issue, self.denominator_at_issue or 0)

    @property
    def is_awaiting_municipality(self) -> bool:
        return self.status in AWAITING_MUNICIPALITY

    def is_overdue(self, day: date) -> bool:
        return self.is_awaiting_municipality and self.due_on < day


class AddressedStep(Base):
    """The municipality's answer (with an optional file) or the region's decision."""

    __tablename__ = "addressed_steps"
    __table_args__ = (
        CheckConstraint("action IN ('answered', 'closed', 'returned')", name="action"),
        CheckConstraint("stored_name IS NULL OR action = 'answered'", name="file_on_answer"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    recommendation_id: Mapped[int] = mapped_column(ForeignKey("addressed_recommendations.id"),
                                                   index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    action: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    stored_name: Mapped[str | None] = mapped_column(String(64), unique=True)
    sha256: Mapped[str | None] = mapped_column(String(64))
    original_name: Mapped[str] = mapped_column(String(255), default="")
    content_type: Mapped[str] = mapped_column(String(120), default="")
    size: Mapped[int] = mapped_column(Integer, default=0)

    recommendation: Mapped[AddressedRecommendation] = relationship(back_populates="steps")
    author: Mapped[User] = relationship()

    viewers: ClassVar[tuple[Role, ...]] = AddressedRecommendation.viewers
    editors: ClassVar[tuple[Role, ...]] = ()  # the history is never rewritten

    @property
    def municipality(self) -> Municipality:
        return self.recommendation.municipality

    @property
    def has_file(self) -> bool:
        return self.stored_name is not None
