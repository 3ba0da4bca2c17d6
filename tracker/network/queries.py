"""Read-side SQL of the network: participation indicators, competitions, participation tables.

Every share is summed in SQL as numerator and denominator, per organization, per organization
type and for the municipality: percentages are never averaged.
"""
import re
from dataclasses import dataclass

from sqlalchemy import Integer, Select, and_, case, cast, distinct, func, literal, select

from tracker.db import db
from tracker.network.event_models import (TAKING_PART, EventKind, EventLevel,
                                          EventParticipation, MethodicalEvent)
from tracker.network.group_models import CommunityGroup, GroupMember
from tracker.network.models import (Community, CommunityMemberCount, NetworkIndicator,
                                    NetworkTarget, OrganizationStaffCount)
from tracker.periods import HalfYear
from tracker.schools.models import OrgType, School, SchoolYearStatus


@dataclass(frozen=True)
class Share:
    numerator: int
    denominator: int

    @property
    def percent(self) -> float | None:
        return 100.0 * self.numerator / self.denominator if self.denominator else None


# --- ШНОР and the competitions indicator ------------------------------------------------------

def low_result_school_ids(municipality_id: int, year: int) -> Select:
    """Schools of the municipality on the regional list of low-result schools (ШНОР) in `year`."""
    return (select(School.id).join(SchoolYearStatus)
            .where(School.municipality_id == municipality_id, SchoolYearStatus.year == year,
                   SchoolYearStatus.category_id.is_not(None)))


def _competition_participations(period: HalfYear) -> Select:
    """(school_id, event_id) of organizations that sent teachers to a municipal competition."""
    return (select(EventParticipation.school_id, EventParticipation.event_id)
            .join(MethodicalEvent)
            .where(MethodicalEvent.kind == EventKind.COMPETITION,
                   MethodicalEvent.level == EventLevel.MUNICIPAL,
                   MethodicalEvent.held_on.between(period.starts_on, period.ends_on),
                   EventParticipation.role.in_(TAKING_PART)))


def schools_in_competitions(school_ids: Select, period: HalfYear) -> list:
    """Per school of `school_ids`: (school_id, competitions, took_part) — the number of municipal
    professional competitions of `period` it sent teachers to, and whether there was any.
    (The participations are narrowed to the schools first: SQLite would otherwise gather those
    of the whole database.)"""
    taking = _competition_participations(period).where(
        EventParticipation.school_id.in_(school_ids)).subquery()
    competitions = func.count(distinct(taking.c.event_id))
    stmt = (select(School.id, competitions, case((competitions > 0, True), else_=False))
            .outerjoin(taking, taking.c.school_id == School.id)
            .where(School.id.in_(school_ids)).group_by(School.id).order_by(School.id))
    return [(row[0], row[1], bool(row[2])) for row in db.session.execute(stmt)]


def competitions_share(school_ids: Select, period: HalfYear) -> Share:
    """«Доля ШНОР, представивших педагогов на муниципальные конкурсы»: schools with a participant
    in a municipal competition of `period` / schools of `school_ids`."""
    taking = _competition_participations(period).with_only_columns(
        EventParticipation.school_id).where(EventParticipation.school_id.in_(school_ids))
    stmt = select(func.count(School.id),
                  func.count(School.id).filter(School.id.in_(taking))
                  ).where(School.id.in_(school_ids))
    total, numerator = db.session.execute(stmt).one()
    return Share(numerator or 0, total or 0)


# --- network participation ----------------------------------------------------------------------

def _memberships(period: str):
    """Per organization: the sum and the largest of its community member counts in the period."""
    return (select(CommunityMemberCount.school_id.label("school_id"),
                   cast(func.sum(CommunityMemberCount.members), Integer).label("total"),
                   func.max(CommunityMemberCount.members).label("largest"))
            .where(CommunityMemberCount.period == period)
            .group_by(CommunityMemberCount.school_id).subquery())


def _in_groups():
    """Organizations listed in a group of an active community."""
    return (select(GroupMember.school_id.label("school_id")).join(CommunityGroup)
            .join(Community).where(Community.is_active.is_(True))
            .group_by(GroupMember.school_id).subquery())


def organization_rows(municipality_id: int | None, period: str,
                      school_ids: Select | None = None):
    """Per active organization (a department is one of its own type): its teachers, the entered
    participants, the community memberships, and the participants taken from ONE source — the
    entered count where there is one, else the memberships (one row per organization). Without
    a municipality, the organizations of `school_ids` wherever they are."""
    memberships, grouped = _memberships(period), _in_groups()
    entered = OrganizationStaffCount.network_teachers
    # integers on both engines (PostgreSQL's sum of a bigint would be a numeric)
    participants = cast(func.coalesce(entered, memberships.c.total, 0), Integer)
    in_community = case(((participants > 0) | grouped.c.school_id.is_not(None), 1), else_=0)
    stmt = (select(School.id.label("school_id"), School.short_name.label("short_name"),
                   School.org_type.label("org_type"), School.parent_id.label("parent_id"),
                   func.coalesce(OrganizationStaffCount.teachers, 0).label("teachers"),
                   (OrganizationStaffCount.id.is_not(None)).label("has_count"),
                   entered.label("entered"), memberships.c.total.label("memberships"),
                   memberships.c.largest.label("largest"),
                   participants.label("network"), in_community.label("in_community"))
            .outerjoin(OrganizationStaffCount,
                       and_(OrganizationStaffCount.school_id == School.id,
                            OrganizationStaffCount.period == period))
            .outerjoin(memberships, memberships.c.school_id == School.id)
            .outerjoin(grouped, grouped.c.school_id == School.id)
            .where(School.is_active.is_(True)))
    if municipality_id is not None:
        stmt = stmt.where(School.municipality_id == municipality_id)
    if school_ids is not None:
        stmt = stmt.where(School.id.in_(school_ids))
    return stmt


def _organization_figures(municipality_id: int, period: str, school_ids: Select):
    return organization_rows(municipality_id, period, school_ids).subquery()


@dataclass(frozen=True)
class NetworkRow:
    label: str
    org_type: str
    organizations: int
    teachers: Share          # teachers in communities / teachers
    organizations_in: Share  # organizations in communities / organizations
    school_id: int | None = None


ORG_TYPE_ORDER = {OrgType.PRESCHOOL: 0, OrgType.SCHOOL: 1, OrgType.ADDITIONAL: 2}


def number_order(short_name: str) -> tuple[int, str]:
    """Organizations in the report's order: by their number («СОШ № 2» before «№ 15»)."""
    number = re.search(r"№\s*(\d+)", short_name)
    return (int(number.group(1)) if number else 0, short_name)


def network_participation(municipality_id: int, period: str, school_ids: Select) -> dict:
    """{'organizations': rows, 'types': subtotal rows, 'total': row} for one half-year."""
    figures = _organization_figures(municipality_id, period, school_ids)
    sums = (func.count(), func.coalesce(func.sum(figures.c.teachers), 0),
            func.coalesce(func.sum(figures.c.network), 0),
            func.coalesce(func.sum(figures.c.in_community), 0))
    per_org = db.session.execute(
        select(figures.c.school_id, figures.c.short_name, figures.c.org_type,
               figures.c.teachers, figures.c.network, figures.c.in_community)
        .order_by(figures.c.org_type, figures.c.short_name)).all()
    per_type = db.session.execute(
        select(figures.c.org_type, *sums).group_by(figures.c.org_type)).all()
    total = db.session.execute(select(literal(""), *sums)).one()

    def row(label, org_type, count, teachers, network, in_community, school_id=None):
        return NetworkRow(label, org_type, count, Share(network, teachers),
                          Share(in_community, count), school_id)

    return {
        "organizations": sorted(
            (row(r.short_name, r.org_type, 1, r.teachers, r.network, r.in_community, r.school_id)
             for r in per_org), key=lambda r: (ORG_TYPE_ORDER.get(r.org_type, 9),
                                               *number_order(r.label))),
        "types": sorted((row("", *r) for r in per_type),
                        key=lambda r: ORG_TYPE_ORDER.get(r.org_type, 9)),
        "total": row("", *total),
    }


def communities_count(municipality_id: int, period: str) -> int:
    """Active communities of the municipality with a member in the half-year, or with a group
    that has organizations (listed or counted). Groups are not communities: see groups_count."""
    with_members = select(CommunityMemberCount.community_id).where(
        CommunityMemberCount.period == period, CommunityMemberCount.members > 0)
    with_groups = select(CommunityGroup.community_id).where(
        CommunityGroup.members.any() | (CommunityGroup.entered_members > 0))
    return db.session.scalar(
        select(func.count(Community.id)).where(
            Community.municipality_id == municipality_id, Community.is_active.is_(True),
            Community.id.in_(with_members) | Community.id.in_(with_groups))) or 0


def fact_period_of_year(municipality_id: int, year: int) -> str | None:
    """The half-year whose figures stand for the year: the second one once it has data."""
    entered = select(func.max(OrganizationStaffCount.period)).join(School).where(
        School.municipality_id == municipality_id,
        OrganizationStaffCount.period.in_([f"{year}-H1", f"{year}-H2"]))
    return db.session.scalar(entered)


def plan_and_fact(municipality_id: int, school_ids: Select) -> list[dict]:
    """Per year with a target or figures: plan and fact of each network indicator."""
    targets = db.session.execute(
        select(NetworkTarget.year, NetworkTarget.indicator, NetworkTarget.planned)
        .where(NetworkTarget.municipality_id == municipality_id)).all()
    years = {t.year for t in targets}
    periods = db.session.scalars(
        select(OrganizationStaffCount.period).distinct().join(School)
        .where(School.municipality_id == municipality_id)).all()
    years |= {HalfYear.parse(code).year for code in periods}
    plans = {(t.year, t.indicator): t.planned for t in targets}
    result = []
    for year in sorted(years):
        period = fact_period_of_year(municipality_id, year)
        facts = {}
        if period:
            total = network_participation(municipality_id, period, school_ids)["total"]
            facts = {NetworkIndicator.TEACHERS_SHARE: total.teachers,
                     NetworkIndicator.ORGANIZATIONS_SHARE: total.organizations_in,
                     NetworkIndicator.COMMUNITIES: communities_count(municipality_id, period)}
        for indicator in NetworkIndicator:
            result.append({"year": year, "period": period, "indicator": indicator,
                           "plan": plans.get((year, indicator)), "fact": facts.get(indicator)})
    return result


# --- participation tables ---------------------------------------------------------------------

@dataclass
class ParticipationTable:
    events: list
    schools: list
    cells: dict  # (school_id, event_id) -> EventParticipation


def participation_table(events: list, schools: list) -> ParticipationTable:
    """The organizations × events table of the report: who took part in what, and how."""
    event_ids = [e.id for e in events]
    school_ids = [s.id for s in schools]
    rows = db.session.scalars(select(EventParticipation).where(
        EventParticipation.event_id.in_(event_ids),
        EventParticipation.school_id.in_(school_ids))).all() if events and schools else []
    return ParticipationTable(events, schools, {(p.school_id, p.event_id): p for p in rows})


