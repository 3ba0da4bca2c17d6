"""Methodical events (seminars, conferences, readings, webinars, competitions) and who took part."""
from datetime import date
from enum import StrEnum

from sqlalchemy import (CheckConstraint, Date, ForeignKey, Integer, String, Text,
                        UniqueConstraint)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.db import Base, TimestampMixin, VersionedMixin
from tracker.network.models import _values
from tracker.schools.models import Municipality, School


class EventKind(StrEnum):
    SEMINAR = "seminar"
    SCHOOL_TO_SCHOOL = "school_to_school"  # a seminar of the «Школа – школе» project
    CONFERENCE = "conference"
    READINGS = "readings"
    WEBINAR = "webinar"
    COMPETITION = "competition"


class EventLevel(StrEnum):
    SCHOOL = "school"
    MUNICIPAL = "municipal"
    REGIONAL = "regional"
    FEDERAL = "federal"


class ParticipationRole(StrEnum):
    PARTICIPANT = "participant"
    PRESENTED = "presented"  # обобщил опыт
    ORGANIZER = "organizer"
    WINNER = "winner"
    DIPLOMA_1 = "diploma_1"
    DIPLOMA_2 = "diploma_2"
    DIPLOMA_3 = "diploma_3"


# Roles meaning the organization sent its teachers (an organizer only hosts).
TAKING_PART = tuple(role for role in ParticipationRole if role != ParticipationRole.ORGANIZER)
DIPLOMA_DEGREES = {ParticipationRole.DIPLOMA_1: 1, ParticipationRole.DIPLOMA_2: 2,
                   ParticipationRole.DIPLOMA_3: 3}


class MethodicalEvent(VersionedMixin, TimestampMixin, Base):
    __tablename__ = "methodical_events"
    __table_args__ = (
        CheckConstraint(f"kind IN ({_values(EventKind)})", name="kind"),
        CheckConstraint(f"level IN ({_values(EventLevel)})", name="level"),
        CheckConstraint("participants_count IS NULL OR participants_count >= 0",
                        name="participants_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    municipality_id: Mapped[int] = mapped_column(ForeignKey("municipalities.id"), index=True)
    title: Mapped[str] = mapped_column(String(500))
    kind: Mapped[str] = mapped_column(String(20))
    level: Mapped[str] = mapped_column(String(20), default=EventLevel.MUNICIPAL)
    held_on: Mapped[date] = mapped_column(Date, index=True)
    host_school_id: Mapped[int | None] = mapped_column(ForeignKey("schools.id"), index=True)
    order_text: Mapped[str] = mapped_column(String(500), default="")
    participants_count: Mapped[int | None] = mapped_column(Integer)
    result: Mapped[str] = mapped_column(Text, default="")

    municipality: Mapped[Municipality] = relationship()
    host_school: Mapped[School | None] = relationship()
    participations: Mapped[list["EventParticipation"]] = relationship(
        back_populates="event", cascade="all, delete-orphan")

    @property
    def audit_municipality_id(self) -> int:
        return self.municipality_id

    def __str__(self) -> str:
        return self.title


class EventParticipation(TimestampMixin, Base):
    """What one organization did at an event: took part, hosted, won, got a diploma, presented."""

    __tablename__ = "event_participations"
    __table_args__ = (
        UniqueConstraint("event_id", "school_id"),
        CheckConstraint(f"role IN ({_values(ParticipationRole)})", name="role"),
        CheckConstraint("teachers IS NULL OR teachers >= 0", name="teachers_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(
        ForeignKey("methodical_events.id", ondelete="CASCADE"), index=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("schools.id"), index=True)
    role: Mapped[str] = mapped_column(String(20))
    nomination: Mapped[str] = mapped_column(String(300), default="")
    teachers: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(String(500), default="")

    event: Mapped[MethodicalEvent] = relationship(back_populates="participations")
    school: Mapped[School] = relationship()

    @property
    def audit_municipality_id(self) -> int | None:
        return self.school.municipality_id if self.school else None
