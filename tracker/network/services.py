"""Changing the network's records: events and participation, counts, communities, targets.

Services take keyword arguments, add and flush; the caller (a view, the importer) commits once.
"""
from datetime import date

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from tracker.db import db
from tracker.errors import DomainError
from tracker.forms import ensure_version
from tracker.network.event_models import EventParticipation, MethodicalEvent, ParticipationRole
from tracker.network.models import (ClusterMembership, Community, CommunityMemberCount,
                                    CountSource, NetworkTarget, OrganizationStaffCount)
from tracker.periods import HalfYear
from tracker.schools.models import School

EVENT_FIELDS = ("title", "kind", "level", "held_on", "host_school_id", "order_text",
                "participants_count", "result")
COMMUNITY_FIELDS = ("name", "kind", "theme", "coordinator", "base_school_id", "is_active")


class OutsideMunicipality(DomainError):
    message = _l("The organization belongs to another municipality.")


class NetworkAboveTeachers(DomainError):
    message = _l("Teachers taking part in communities cannot outnumber the teachers.")


class DuplicateCommunity(DomainError):
    message = _l("The municipality already has a community with this name.")


class NotACluster(DomainError):
    message = _l("Ranks are given to members of clusters only.")


class NominationRequired(DomainError):
    message = _l("Name the nomination the organization won.")


def _same_municipality(school: School | None, municipality_id: int) -> None:
    if school is not None and school.municipality_id != municipality_id:
        raise OutsideMunicipality()


def _clean(value):
    return value.strip() if isinstance(value, str) else value


# --- events -----------------------------------------------------------------------------------

def create_event(*, municipality_id: int, title: str, kind: str, level: str, held_on: date,
                 host_school_id: int | None = None, order_text: str = "",
                 participants_count: int | None = None, result: str = "") -> MethodicalEvent:
    _same_municipality(db.session.get(School, host_school_id) if host_school_id else None,
                       municipality_id)
    event = MethodicalEvent(municipality_id=municipality_id, title=title.strip(), kind=kind,
                            level=level, held_on=held_on, host_school_id=host_school_id or None,
                            order_text=(order_text or "").strip(),
                            participants_count=participants_count, result=(result or "").strip())
    db.session.add(event)
    db.session.flush()
    return event


def update_event(event: MethodicalEvent, *, version, **fields) -> MethodicalEvent:
    ensure_version(event, version)
    host_id = fields.get("host_school_id") or None
    _same_municipality(db.session.get(School, host_id) if host_id else None, event.municipality_id)
    for name in EVENT_FIELDS:
        setattr(event, name, _clean(fields[name]) if name != "host_school_id" else host_id)
    db.session.flush()
    return event


def delete_event(event: MethodicalEvent) -> None:
    """Delete a mistaken event with its participation marks (each deletion is audited)."""
    db.session.delete(event)
    db.session.flush()


def set_participation(event: MethodicalEvent, *, school: School, role: str,
                      nomination: str = "", teachers: int | None = None,
                      note: str = "") -> EventParticipation:
    """Record (or change) what an organization did at the event: one row per organization."""
    _same_municipality(school, event.municipality_id)
    nomination = (nomination or "").strip()
    if role == ParticipationRole.WINNER and not nomination:
        raise NominationRequired()
    participation = db.session.scalar(select(EventParticipation).where(
        EventParticipation.event_id == event.id, EventParticipation.school_id == school.id))
    if participation is None:
        participation = EventParticipation(event=event, school=school)
        db.session.add(participation)
    participation.role = role
    participation.nomination = nomination if role == ParticipationRole.WINNER else ""
    participation.teachers = teachers
    participation.note = (note or "").strip()
    db.session.flush()
    return participation


def remove_participation(participation: EventParticipation) -> None:
    db.session.delete(participation)
    db.session.flush()


# --- organizations' counts ----------------------------------------------------------------------

def set_staff_count(*, school: School, period: str, teachers: int,
                    network_teachers: int | None,
                    source: str = CountSource.ENTERED) -> OrganizationStaffCount:
    """An organization's teachers and, unless left to the community memberships (None), how
    many of them take part in communities."""
    period = HalfYear.parse(period).code
    if network_teachers is not None and network_teachers > teachers:
        raise NetworkAboveTeachers()
    count = db.session.scalar(select(OrganizationStaffCount).where(
        OrganizationStaffCount.school_id == school.id, OrganizationStaffCount.period == period))
    if count is None:
        count = OrganizationStaffCount(school=school, period=period)
        db.session.add(count)
    count.teachers, count.network_teachers, count.source = teachers, network_teachers, source
    db.session.flush()
    return count


# --- communities --------------------------------------------------------------------------------

def _ensure_unique_name(municipality_id: int, name: str, community_id=None) -> None:
    clash = db.session.scalar(select(Community.id).where(
        Community.municipality_id == municipality_id, Community.name == name.strip(),
        Community.id != (community_id or 0)))
    if clash is not None:
        raise DuplicateCommunity()


def create_community(*, municipality_id: int, name: str, kind: str, theme: str = "",
                     coordinator: str = "", base_school_id: int | None = None,
                     is_active: bool = True) -> Community:
    _ensure_unique_name(municipality_id, name)
    _same_municipality(db.session.get(School, base_school_id) if base_school_id else None,
                       municipality_id)
    community = Community(municipality_id=municipality_id, name=name.strip(), kind=kind,
                          theme=(theme or "").strip(), coordinator=(coordinator or "").strip(),
                          base_school_id=base_school_id or None, is_active=is_active)
    db.session.add(community)
    db.session.flush()
    return community


def update_community(community: Community, *, version, **fields) -> Community:
    ensure_version(community, version)
    _ensure_unique_name(community.municipality_id, fields["name"], community.id)
    base_id = fields.get("base_school_id") or None
    _same_municipality(db.session.get(School, base_id) if base_id else None,
                       community.municipality_id)
    for name in COMMUNITY_FIELDS:
        setattr(community, name, _clean(fields[name]) if name != "base_school_id" else base_id)
    db.session.flush()
    return community


def set_member_count(community: Community, *, school: School, period: str,
                     members: int) -> CommunityMemberCount:
    _same_municipality(school, community.municipality_id)
    period = HalfYear.parse(period).code
    row = db.session.scalar(select(CommunityMemberCount).where(
        CommunityMemberCount.community_id == community.id,
        CommunityMemberCount.school_id == school.id, CommunityMemberCount.period == period))
    if row is None:
        row = CommunityMemberCount(community=community, school=school, period=period)
        db.session.add(row)
    row.members = members
    db.session.flush()
    return row


def set_cluster_rank(community: Community, *, school: School, period: str,
                     rank: str) -> ClusterMembership:
    if not community.is_cluster:
        raise NotACluster()
    _same_municipality(school, community.municipality_id)
    period = HalfYear.parse(period).code
    row = db.session.scalar(select(ClusterMembership).where(
        ClusterMembership.community_id == community.id,
        ClusterMembership.school_id == school.id, ClusterMembership.period == period))
    if row is None:
        row = ClusterMembership(community=community, school=school, period=period)
        db.session.add(row)
    row.rank = rank
    db.session.flush()
    return row


def set_target(*, municipality_id: int, year: int, indicator: str,
               planned: float) -> NetworkTarget:
    target = db.session.scalar(select(NetworkTarget).where(
        NetworkTarget.municipality_id == municipality_id, NetworkTarget.year == year,
        NetworkTarget.indicator == indicator))
    if target is None:
        target = NetworkTarget(municipality_id=municipality_id, year=year, indicator=indicator)
        db.session.add(target)
    target.planned = planned
    db.session.flush()
    return target
