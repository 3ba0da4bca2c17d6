"""The network's figures for the indicators feature: «Доля ШНОР, представивших педагогов на
муниципальные конкурсы педагогического мастерства», with the records behind each school."""
from flask import url_for
from flask_babel import gettext as _
from sqlalchemy import Select, distinct, func, select

from tracker.db import db
from tracker.i18n import day
from tracker.indicators.calculations import Fraction, Unit
from tracker.indicators.metrics import metric
from tracker.indicators.providers import RecordList, RecordRow, drills
from tracker.network import development_queries, labels, queries
from tracker.network.development_queries import Spread
from tracker.network.event_models import (TAKING_PART, EventKind, EventLevel,
                                          EventParticipation, MethodicalEvent)
from tracker.network.group_models import CommunityGroup, GroupMember
from tracker.network.models import Community, CommunityMemberCount, OrganizationStaffCount
from tracker.periods import Period

CODE = "schools_in_competitions"


@metric(CODE)
def competitions_by_school(school_ids: Select, period: Period) -> dict[int, Fraction]:
    """Each school counts 1 of 1 when it sent teachers to a municipal competition, else 0 of 1."""
    return {school_id: Fraction(int(took_part), 1) for school_id, _count, took_part
            in queries.schools_in_competitions(school_ids, period)}


@drills(CODE)
def competition_records(school_id: int, period: Period) -> RecordList:
    """The school's marks at events of the period: municipal competitions it took part in count."""
    rows = db.session.execute(
        select(MethodicalEvent, EventParticipation).join(EventParticipation)
        .where(EventParticipation.school_id == school_id,
               MethodicalEvent.held_on.between(period.starts_on, period.ends_on))
        .order_by(MethodicalEvent.held_on)).all()
    records = RecordList([_("Date"), _("Event"), _("Kind"), _("Level"), _("Participation")])
    for event, mark in rows:
        counted = (event.kind == EventKind.COMPETITION and event.level == EventLevel.MUNICIPAL
                   and mark.role in TAKING_PART)
        records.rows.append(RecordRow(
            [day(event.held_on), event.title, str(labels.EVENT_KINDS[event.kind]),
             str(labels.EVENT_LEVELS[event.level]), str(labels.ROLES[mark.role])],
            url=url_for("network.event", event_id=event.id), counted=counted))
    return records


# --- participation in network communities ----------------------------------------------------

def counted_half_year(school_ids: Select, period: Period) -> str:
    """The half-year whose counts stand for the period: counts of teachers and members are a
    state, not a flow, so a year or a school year takes its last half-year with counts. Which
    half-year that is depends on the organizations asked about: the metrics below are not
    `per_organization` (a filter asks them again, metrics.py)."""
    codes = [half.code for half in period.half_years]
    found = db.session.scalar(select(func.max(OrganizationStaffCount.period)).where(
        OrganizationStaffCount.period.in_(codes), OrganizationStaffCount.school_id.in_(school_ids)))
    return found or codes[-1]


def _participation(school_ids: Select, period: Period):
    return db.session.execute(queries.organization_rows(
        None, counted_half_year(school_ids, period), school_ids)).all()


@metric("organizations_in_communities", per_organization=False)
def organizations_in_communities(school_ids: Select, period: Period) -> dict[int, Fraction]:
    """Each organization counts 1 of 1 when it takes part in a community (participants, or
    listed in a group), else 0 of 1."""
    return {row.school_id: Fraction(int(bool(row.in_community)), 1)
            for row in _participation(school_ids, period)}


@metric("teachers_in_communities", per_organization=False)
def teachers_in_communities(school_ids: Select, period: Period) -> dict[int, Fraction]:
    """Teachers taking part in communities (one source per organization) / its teachers."""
    return {row.school_id: Fraction(row.network, row.teachers)
            for row in _participation(school_ids, period)}


def communities_together(school_ids: Select, period: Period) -> Fraction:
    """Active communities with members from the organizations in the period (or listing them
    in a group), each once: what the network pages count."""
    half_year = counted_half_year(school_ids, period)
    members = select(CommunityMemberCount.community_id).where(
        CommunityMemberCount.period == half_year, CommunityMemberCount.members > 0,
        CommunityMemberCount.school_id.in_(school_ids))
    grouped = (select(CommunityGroup.community_id).join(GroupMember)
               .where(GroupMember.school_id.in_(school_ids)))
    count = db.session.scalar(select(func.count(Community.id)).where(
        Community.is_active.is_(True), Community.id.in_(members) | Community.id.in_(grouped)))
    return Fraction(count or 0, 0)


@metric("communities", unit=Unit.COUNT, total=communities_together,
        per_organization=False)
def communities_by_organization(school_ids: Select, period: Period) -> dict[int, Fraction]:
    """Per organization: the active communities it has members in during the period (one
    community with members from two organizations counts once in the total)."""
    half_year = counted_half_year(school_ids, period)
    rows = db.session.execute(
        select(CommunityMemberCount.school_id, func.count(distinct(Community.id)))
        .join(Community, Community.id == CommunityMemberCount.community_id)
        .where(CommunityMemberCount.period == half_year, CommunityMemberCount.members > 0,
               CommunityMemberCount.school_id.in_(school_ids), Community.is_active.is_(True))
        .group_by(CommunityMemberCount.school_id)).all()
    return {school_id: Fraction(count, 0) for school_id, count in rows}


# --- methodical developments -----------------------------------------------------------------

def _development_metric(spread: Spread, authors: bool):
    def count(school_ids: Select, period: Period) -> dict[int, Fraction]:
        found = development_queries.developments_as_of(school_ids, period.ends_on)
        return {school_id: Fraction(figures[1] if authors else figures[0], 0)
                for school_id, figures in development_queries.per_organization(found,
                                                                               spread).items()}
    return count


def _development_records(spread: Spread):
    def records(school_id: int, period: Period) -> RecordList:
        """The school's developments as of the period's end; those the figure counts marked."""
        found = sorted(development_queries.developments_as_of([school_id], period.ends_on),
                       key=lambda d: (d.dated_on, d.id))
        listed = RecordList([_("Date"), _("Development"), _("Authors"), _("Reach"),
                             _("Published")])
        for development in found:
            listed.rows.append(RecordRow(
                [day(development.dated_on), development.title,
                 ", ".join(development.author_list), str(labels.REACHES[development.reach]),
                 str(labels.PUBLICATIONS[development.publication]) if development.publication
                 else "—"],
                url=url_for("network.developments", school=school_id,
                            municipality=development.school.municipality_id),
                counted=spread.counts(development)))
        return listed
    return records


def _register_development_metrics() -> None:
    for spread in development_queries.SPREADS:
        code = f"development_authors_{spread.key}"
        metric(code, unit=Unit.COUNT)(_development_metric(spread, authors=True))
        drills(code)(_development_records(spread))
    site = development_queries.SPREAD["school_site"]
    metric("school_site_materials", unit=Unit.COUNT)(_development_metric(site, authors=False))
    drills("school_site_materials")(_development_records(site))


_register_development_metrics()
