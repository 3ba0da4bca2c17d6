"""Organizations' teacher counts, network communities, clusters and yearly targets.

Organizations are the `School` rows of every type (ОО, ДОО, УДО). Community membership is kept
as a number of teachers per organization and period until the teachers' roster can say who.
"""
from enum import StrEnum

from sqlalchemy import (Boolean, CheckConstraint, Float, ForeignKey, Integer, String, Text,
                        UniqueConstraint)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.db import Base, TimestampMixin, VersionedMixin
from tracker.schools.models import Municipality, School


def _values(enum) -> str:
    return ", ".join(f"'{item.value}'" for item in enum)


class CountSource(StrEnum):
    ENTERED = "entered"
    ROSTER = "roster"


class CommunityKind(StrEnum):
    NETWORK = "network"
    ASSOCIATION = "association"  # ГМО / РМО
    CREATIVE_GROUP = "creative_group"
    SUBJECT_GROUP = "subject_group"
    CLUSTER = "cluster"


class ClusterRank(StrEnum):
    TOP = "top"
    SYNCHRONOUS = "synchronous"
    LAGGING = "lagging"


class NetworkIndicator(StrEnum):
    TEACHERS_SHARE = "teachers_share"
    ORGANIZATIONS_SHARE = "organizations_share"
    COMMUNITIES = "communities"


class OrganizationStaffCount(VersionedMixin, TimestampMixin, Base):
    """An organization's teachers in a half-year, and how many of them take part in communities."""

    __tablename__ = "organization_staff_counts"
    __table_args__ = (
        UniqueConstraint("school_id", "period"),
        CheckConstraint("teachers >= 0", name="teachers_not_negative"),
        CheckConstraint("network_teachers >= 0 AND network_teachers <= teachers",
                        name="network_within_teachers"),
        CheckConstraint(f"source IN ({_values(CountSource)})", name="source"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("schools.id"), index=True)
    period: Mapped[str] = mapped_column(String(10))
    teachers: Mapped[int] = mapped_column(Integer)
    # None: not entered (the community memberships, where recorded, say how many take part)
    network_teachers: Mapped[int | None] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(10), default=CountSource.ENTERED)

    school: Mapped[School] = relationship()

    @property
    def audit_municipality_id(self) -> int | None:
        return self.school.municipality_id if self.school else None


class Community(VersionedMixin, TimestampMixin, Base):
    """A network community, ГМО/РМО, creative or subject group, or a cluster of organizations."""

    __tablename__ = "communities"
    __table_args__ = (
        UniqueConstraint("municipality_id", "name"),
        CheckConstraint(f"kind IN ({_values(CommunityKind)})", name="kind"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    municipality_id: Mapped[int] = mapped_column(ForeignKey("municipalities.id"), index=True)
    name: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(20))
    theme: Mapped[str] = mapped_column(Text, default="")
    coordinator: Mapped[str] = mapped_column(String(200), default="")
    base_school_id: Mapped[int | None] = mapped_column(ForeignKey("schools.id"))
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)

    municipality: Mapped[Municipality] = relationship()
    base_school: Mapped[School | None] = relationship()
    member_counts: Mapped[list["CommunityMemberCount"]] = relationship(
        back_populates="community", cascade="all, delete-orphan")
    cluster_ranks: Mapped[list["ClusterMembership"]] = relationship(
        back_populates="community", cascade="all, delete-orphan")
    groups: Mapped[list["CommunityGroup"]] = relationship(  # noqa: F821 (group_models)
        back_populates="community", cascade="all, delete-orphan",
        order_by="CommunityGroup.name")
    metrics: Mapped[list["CommunityMetric"]] = relationship(  # noqa: F821 (group_models)
        back_populates="community", cascade="all, delete-orphan",
        order_by="CommunityMetric.year")

    @property
    def is_cluster(self) -> bool:
        return self.kind == CommunityKind.CLUSTER

    @property
    def audit_municipality_id(self) -> int:
        return self.municipality_id

    def __str__(self) -> str:
        return self.name


class CommunityMemberCount(TimestampMixin, Base):
    """How many teachers of an organization took part in a community in a half-year."""

    __tablename__ = "community_member_counts"
    __table_args__ = (
        UniqueConstraint("community_id", "school_id", "period"),
        CheckConstraint("members >= 0", name="members_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    community_id: Mapped[int] = mapped_column(
        ForeignKey("communities.id", ondelete="CASCADE"), index=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("schools.id"), index=True)
    period: Mapped[str] = mapped_column(String(10))
    members: Mapped[int] = mapped_column(Integer)

    community: Mapped[Community] = relationship(back_populates="member_counts")
    school: Mapped[School] = relationship()

    @property
    def audit_municipality_id(self) -> int | None:
        return self.school.municipality_id if self.school else None


class ClusterMembership(TimestampMixin, Base):
    """A cluster member's standing in a half-year: ТОП (tutors), синхронная or отстающая."""

    __tablename__ = "cluster_memberships"
    __table_args__ = (
        UniqueConstraint("community_id", "school_id", "period"),
        CheckConstraint(f"rank IN ({_values(ClusterRank)})", name="rank"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    community_id: Mapped[int] = mapped_column(
        ForeignKey("communities.id", ondelete="CASCADE"), index=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("schools.id"), index=True)
    period: Mapped[str] = mapped_column(String(10))
    rank: Mapped[str] = mapped_column(String(20))

    community: Mapped[Community] = relationship(back_populates="cluster_ranks")
    school: Mapped[School] = relationship()

    @property
    def audit_municipality_id(self) -> int | None:
        return self.school.municipality_id if self.school else None


class NetworkTarget(TimestampMixin, Base):
    """The coordinator's plan for a network indicator in a year."""

    __tablename__ = "network_targets"
    __table_args__ = (
        UniqueConstraint("municipality_id", "year", "indicator"),
        CheckConstraint(f"indicator IN ({_values(NetworkIndicator)})", name="indicator"),
        CheckConstraint("year BETWEEN 2015 AND 2100", name="year_range"),
        CheckConstraint("planned >= 0", name="planned_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    municipality_id: Mapped[int] = mapped_column(ForeignKey("municipalities.id"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    indicator: Mapped[str] = mapped_column(String(30))
    planned: Mapped[float] = mapped_column(Float)

    @property
    def audit_municipality_id(self) -> int:
        return self.municipality_id
