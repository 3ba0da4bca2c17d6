"""Changing communities' groups, their members and the communities' yearly figures.

Services add and flush; the caller commits once.
"""
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from tracker.db import db
from tracker.errors import DomainError
from tracker.network.group_models import (DEFAULT_GROUP_KINDS, METRIC_FIELDS, CommunityGroup,
                                          CommunityMetric, GroupKind, GroupMember)
from tracker.network.models import Community
from tracker.network.services import OutsideMunicipality
from tracker.schools.models import School


class DuplicateGroup(DomainError):
    message = _l("The community already has a group with this name.")


class RankOutsideCluster(DomainError):
    message = _l("Ranks are given to members of clusters only.")


def group_kinds() -> list[GroupKind]:
    """The active kinds of groups, in the reference list's order (seeded by the migration)."""
    return db.session.scalars(select(GroupKind).where(GroupKind.is_active.is_(True))
                              .order_by(GroupKind.position, GroupKind.name)).all()


def seed_group_kinds() -> None:
    """Put the common kinds into a list that has none yet (the migration does it too)."""
    if not db.session.scalar(select(func.count(GroupKind.id))):
        for position, (name, is_cluster) in enumerate(DEFAULT_GROUP_KINDS):
            db.session.add(GroupKind(name=name, is_cluster=is_cluster, position=position))
        db.session.flush()


def create_group_kind(*, name: str, is_cluster: bool = False, position: int = 0) -> GroupKind:
    name = " ".join(name.split())
    if db.session.scalar(select(GroupKind.id).where(func.lower(GroupKind.name) == name.lower())):
        raise DomainError(_l("This kind of group is already in the list."))
    kind = GroupKind(name=name, is_cluster=is_cluster, position=position or 0)
    db.session.add(kind)
    db.session.flush()
    return kind


def toggle_group_kind(kind: GroupKind) -> None:
    kind.is_active = not kind.is_active
    db.session.flush()


def create_group(community: Community, *, name: str, kind_id: int,
                 entered_members: int | None = None) -> CommunityGroup:
    name = " ".join(name.split())
    if db.session.scalar(select(CommunityGroup.id).where(
            CommunityGroup.community_id == community.id,
            func.lower(CommunityGroup.name) == name.lower())):
        raise DuplicateGroup()
    group = CommunityGroup(community=community, name=name, kind_id=kind_id,
                           entered_members=entered_members)
    db.session.add(group)
    db.session.flush()
    return group


def add_group_member(group: CommunityGroup, *, school: School,
                     rank: str | None = None) -> GroupMember:
    """Put an organization into a group (again: change its rank)."""
    if school.municipality_id != group.community.municipality_id:
        raise OutsideMunicipality()
    if rank and not group.kind.is_cluster:
        raise RankOutsideCluster()
    member = db.session.scalar(select(GroupMember).where(
        GroupMember.group_id == group.id, GroupMember.school_id == school.id))
    if member is None:
        member = GroupMember(group=group, school=school)
        db.session.add(member)
    member.rank = rank or None
    db.session.flush()
    return member


def remove_group_member(member: GroupMember) -> None:
    db.session.delete(member)
    db.session.flush()


def set_metric(community: Community, *, year: int, **figures) -> CommunityMetric:
    """A community's figures of a year; a figure left empty stays unknown."""
    metric = db.session.scalar(select(CommunityMetric).where(
        CommunityMetric.community_id == community.id, CommunityMetric.year == year))
    if metric is None:
        metric = CommunityMetric(community=community, year=year)
        db.session.add(metric)
    for name in METRIC_FIELDS:
        setattr(metric, name, figures.get(name))
    db.session.flush()
    return metric
