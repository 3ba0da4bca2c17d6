"""The network's counting functions: what the monitoring registers as indicators and what the
summary, the pages and the analytical note print.

Each takes a municipality and a half-year, with optional filters by organization type and by
community, and returns a `Share` (numerator and denominator, summed in SQL per organization and
added up, never averaged) or a count.
"""
from dataclasses import dataclass

from sqlalchemy import Select, distinct, func, select

from tracker.db import db
from tracker.network.group_models import CommunityGroup, GroupMember
from tracker.network.models import Community, CommunityMemberCount
from tracker.network.queries import Share, communities_count, organization_rows
from tracker.schools.models import School

SOURCE_ENTERED, SOURCE_MEMBERSHIPS, SOURCE_NONE = "entered", "memberships", "none"


@dataclass(frozen=True)
class OrganizationParticipation:
    """One organization's teachers and participants, and where the participants come from."""
    school_id: int
    short_name: str
    org_type: str
    parent_id: int | None
    teachers: int
    has_count: bool
    entered: int | None       # participants entered for the organization
    memberships: int | None   # the sum of its community member counts
    largest: int | None       # its largest member count in one community
    participants: int
    in_community: bool        # with participants, or listed in a group

    @property
    def source(self) -> str:
        if self.entered is not None:
            return SOURCE_ENTERED
        return SOURCE_MEMBERSHIPS if self.memberships is not None else SOURCE_NONE

    @property
    def disagrees(self) -> bool:
        """The entered participants and the memberships cannot both be right: one community
        alone has more of its teachers than the entered count, or the memberships (with no
        count entered) exceed its teachers."""
        if self.entered is not None and self.largest is not None:
            return self.largest > self.entered
        return (self.entered is None and self.memberships is not None and self.has_count
                and self.memberships > self.teachers)


def participation(municipality_id: int, period: str, *, org_type: str | None = None,
                  school_ids: Select | None = None) -> list[OrganizationParticipation]:
    """Per active organization of the municipality (departments as their own type)."""
    stmt = organization_rows(municipality_id, period, school_ids)
    if org_type:
        stmt = stmt.where(School.org_type == org_type)
    return [OrganizationParticipation(
        r.school_id, r.short_name, r.org_type, r.parent_id, r.teachers, bool(r.has_count),
        r.entered, r.memberships, r.largest, r.network, bool(r.in_community))
        for r in db.session.execute(stmt.order_by(School.sort_key))]


def disagreements(municipality_id: int, period: str,
                  school_ids: Select | None = None) -> list[OrganizationParticipation]:
    return [row for row in participation(municipality_id, period, school_ids=school_ids)
            if row.disagrees]


def _community_members(community_id: int, period: str) -> dict[int, int]:
    return dict(db.session.execute(
        select(CommunityMemberCount.school_id, CommunityMemberCount.members)
        .where(CommunityMemberCount.community_id == community_id,
               CommunityMemberCount.period == period)).all())


def _community_organizations(community_id: int, period: str) -> set[int]:
    grouped = db.session.scalars(select(GroupMember.school_id).join(CommunityGroup)
                                 .where(CommunityGroup.community_id == community_id)).all()
    counted = {school for school, members in _community_members(community_id, period).items()
               if members > 0}
    return counted | set(grouped)


def teachers_in_communities(municipality_id: int, period: str, *, org_type: str | None = None,
                            community_id: int | None = None,
                            school_ids: Select | None = None) -> Share:
    """Teachers taking part in network communities / teachers: of all communities (one source
    per organization), or the members of one community."""
    rows = participation(municipality_id, period, org_type=org_type, school_ids=school_ids)
    if community_id is None:
        return Share(sum(r.participants for r in rows), sum(r.teachers for r in rows))
    members = _community_members(community_id, period)
    return Share(sum(members.get(r.school_id, 0) for r in rows), sum(r.teachers for r in rows))


def organizations_in_communities(municipality_id: int, period: str, *,
                                 org_type: str | None = None, community_id: int | None = None,
                                 school_ids: Select | None = None) -> Share:
    """Organizations taking part in communities (with participants, or listed in a group) /
    organizations; an organization in several communities or groups counts once."""
    rows = participation(municipality_id, period, org_type=org_type, school_ids=school_ids)
    if community_id is None:
        taking_part = {r.school_id for r in rows if r.in_community}
    else:
        taking_part = _community_organizations(community_id, period)
    return Share(sum(1 for r in rows if r.school_id in taking_part), len(rows))


def communities(municipality_id: int, period: str, *, org_type: str | None = None) -> int:
    """«Количество сообществ»: communities with members (of organizations of `org_type`); their
    groups are not counted here."""
    if org_type is None:
        return communities_count(municipality_id, period)
    of_type = select(School.id).where(School.municipality_id == municipality_id,
                                      School.org_type == org_type, School.is_active.is_(True))
    counted = select(CommunityMemberCount.community_id).where(
        CommunityMemberCount.period == period, CommunityMemberCount.members > 0,
        CommunityMemberCount.school_id.in_(of_type))
    grouped = (select(CommunityGroup.community_id).join(GroupMember)
               .where(GroupMember.school_id.in_(of_type)))
    return db.session.scalar(select(func.count(Community.id)).where(
        Community.municipality_id == municipality_id, Community.is_active.is_(True),
        Community.id.in_(counted) | Community.id.in_(grouped))) or 0


def groups(municipality_id: int, *, community_id: int | None = None, kind_id: int | None = None,
           org_type: str | None = None) -> int:
    """«Количество групп»: groups of the active communities (of one community, of one kind,
    with organizations of one type)."""
    stmt = (select(func.count(distinct(CommunityGroup.id))).join(Community)
            .where(Community.municipality_id == municipality_id,
                   Community.is_active.is_(True)))
    if community_id is not None:
        stmt = stmt.where(CommunityGroup.community_id == community_id)
    if kind_id is not None:
        stmt = stmt.where(CommunityGroup.kind_id == kind_id)
    if org_type is not None:
        stmt = stmt.where(CommunityGroup.id.in_(
            select(GroupMember.group_id).join(School).where(School.org_type == org_type)))
    return db.session.scalar(stmt) or 0


def community_organizations(community: Community, period: str) -> int:
    """Organizations of a community across its groups and member counts, each counted once."""
    return len(_community_organizations(community.id, period))
