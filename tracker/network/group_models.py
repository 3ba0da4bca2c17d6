"""A community's groups (initiative, thematic, project groups, clusters) and its yearly figures.

A group's kind comes from a reference list. A group lists its organizations; a cluster whose
organizations are not known yet carries an entered count, which the listed members replace.
"""
from sqlalchemy import (Boolean, CheckConstraint, ForeignKey, Integer, String,
                        UniqueConstraint)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.db import Base, TimestampMixin, VersionedMixin
from tracker.network.models import ClusterRank, Community, _values
from tracker.schools.models import School

# name, is a cluster: what the reference list starts with
DEFAULT_GROUP_KINDS = (("Инициативная группа", False), ("Тематическая группа", False),
                       ("Проектная группа", False), ("Кластер", True))


class GroupKind(TimestampMixin, Base):
    __tablename__ = "group_kinds"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    is_cluster: Mapped[bool] = mapped_column(Boolean, default=False)
    position: Mapped[int] = mapped_column(Integer, default=0)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)

    def __str__(self) -> str:
        return self.name


class CommunityGroup(VersionedMixin, TimestampMixin, Base):
    __tablename__ = "community_groups"
    __table_args__ = (
        UniqueConstraint("community_id", "name"),
        CheckConstraint("entered_members IS NULL OR entered_members >= 0",
                        name="entered_members_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    community_id: Mapped[int] = mapped_column(
        ForeignKey("communities.id", ondelete="CASCADE"), index=True)
    kind_id: Mapped[int] = mapped_column(ForeignKey("group_kinds.id"), index=True)
    name: Mapped[str] = mapped_column(String(300))
    # organizations in the group as the note gives them, before they are listed one by one
    entered_members: Mapped[int | None] = mapped_column(Integer)

    community: Mapped[Community] = relationship(back_populates="groups")
    kind: Mapped[GroupKind] = relationship()
    members: Mapped[list["GroupMember"]] = relationship(
        back_populates="group", cascade="all, delete-orphan")

    @property
    def member_count(self) -> int | None:
        """The listed organizations once there are any, else the entered count."""
        return len(self.members) if self.members else self.entered_members

    @property
    def is_count_computed(self) -> bool:
        return bool(self.members)

    @property
    def audit_municipality_id(self) -> int | None:
        return self.community.municipality_id if self.community else None

    def __str__(self) -> str:
        return self.name


class GroupMember(TimestampMixin, Base):
    """An organization in a group; in a cluster, with its standing (ТОП, синхронная…)."""

    __tablename__ = "community_group_members"
    __table_args__ = (
        UniqueConstraint("group_id", "school_id"),
        CheckConstraint(f"rank IS NULL OR rank IN ({_values(ClusterRank)})", name="rank"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(
        ForeignKey("community_groups.id", ondelete="CASCADE"), index=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("schools.id"), index=True)
    rank: Mapped[str | None] = mapped_column(String(20))

    group: Mapped[CommunityGroup] = relationship(back_populates="members")
    school: Mapped[School] = relationship()

    @property
    def audit_municipality_id(self) -> int | None:
        return self.school.municipality_id if self.school else None


class CommunityMetric(TimestampMixin, Base):
    """A community's figures of a year: members, active users, publications and events,
    contest winners (the latter also linked to events where recorded)."""

    __tablename__ = "community_metrics"
    __table_args__ = (
        UniqueConstraint("community_id", "year"),
        CheckConstraint("year BETWEEN 2000 AND 2100", name="year_range"),
        *(CheckConstraint(f"{column} IS NULL OR {column} >= 0", name=f"{column}_not_negative")
          for column in ("members", "active_users", "publications", "events", "winners")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    community_id: Mapped[int] = mapped_column(
        ForeignKey("communities.id", ondelete="CASCADE"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    members: Mapped[int | None] = mapped_column(Integer)
    active_users: Mapped[int | None] = mapped_column(Integer)
    publications: Mapped[int | None] = mapped_column(Integer)
    events: Mapped[int | None] = mapped_column(Integer)
    winners: Mapped[int | None] = mapped_column(Integer)

    community: Mapped[Community] = relationship(back_populates="metrics")

    @property
    def audit_municipality_id(self) -> int | None:
        return self.community.municipality_id if self.community else None


METRIC_FIELDS = ("members", "active_users", "publications", "events", "winners")
