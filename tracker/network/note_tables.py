"""The tables of the analytical note, as rows of text from the records."""
from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from tracker.db import db
from tracker.i18n import number, percent
from tracker.network import counting, labels
from tracker.network.group_models import CommunityGroup, GroupKind, GroupMember
from tracker.network.growth import growth
from tracker.network.models import (ClusterMembership, ClusterRank, Community, CommunityKind,
                                    NetworkIndicator)
from tracker.network.queries import ORG_TYPE_ORDER, Share, number_order, plan_and_fact
from tracker.reports.document import Bullets, Paragraph
from tracker.schools.models import School
from tracker.ui import ORG_TYPE_LABELS



def _source(row) -> str:
    return {counting.SOURCE_ENTERED: _("entered"),
            counting.SOURCE_MEMBERSHIPS: _("from the memberships"),
            counting.SOURCE_NONE: "—"}[row.source]


def _figures(teachers: int, participants: int) -> list[str]:
    share = Share(participants, teachers)
    return [number(teachers), number(participants),
            percent(share.percent) if share.denominator else "—"]


def participation_rows(rows) -> list[list[str]]:
    """Organizations by type (ДОО, ОО, УДО), each type closed by its subtotal, then the total:
    sums of teachers and of participants, the share from the sums."""
    table = []
    for org_type in sorted({r.org_type for r in rows}, key=lambda t: ORG_TYPE_ORDER.get(t, 9)):
        of_type = sorted((r for r in rows if r.org_type == org_type),
                         key=lambda r: number_order(r.short_name))
        table += [[r.short_name, *_figures(r.teachers, r.participants), _source(r)]
                  for r in of_type]
        table.append([_("Subtotal: %(type)s", type=ORG_TYPE_LABELS.get(org_type, org_type)),
                      *_figures(sum(r.teachers for r in of_type),
                                sum(r.participants for r in of_type)), ""])
    table.append([_("Total for the municipality"),
                  *_figures(sum(r.teachers for r in rows), sum(r.participants for r in rows)),
                  ""])
    return table


def community_rows(municipality_id: int, span, period: str) -> list[list[str]]:
    communities = db.session.scalars(
        select(Community).options(selectinload(Community.groups), selectinload(Community.metrics))
        .where(Community.municipality_id == municipality_id, Community.is_active.is_(True))
        .order_by(Community.name)).all()
    rows = []
    for community in communities:
        members = growth([m for m in community.metrics if m.year <= span.ends_on.year],
                         "members") or growth(community.metrics, "active_users")
        rows.append([community.name, str(labels.COMMUNITY_KINDS[community.kind]),
                     number(len(community.groups)),
                     number(counting.community_organizations(community, period)),
                     members.text() if members else "—"])
    return rows


def _ranked(names_by_rank: dict[str, list[str]]) -> list[str]:
    return [f"{labels.CLUSTER_RANKS[rank]}: {', '.join(sorted(names, key=number_order))}"
            for rank in ClusterRank if (names := names_by_rank.get(rank))]


def cluster_blocks(municipality_id: int, period: str) -> list:
    """Clusters (groups of a cluster kind, and communities that are clusters) with their member
    counts — entered or by the list, as the note says — and their members' ranks."""
    groups = db.session.scalars(
        select(CommunityGroup).join(GroupKind).join(Community)
        .options(selectinload(CommunityGroup.members).selectinload(GroupMember.school))
        .where(GroupKind.is_cluster.is_(True), Community.municipality_id == municipality_id,
               Community.is_active.is_(True)).order_by(CommunityGroup.name)).all()
    lines = []
    for group in groups:
        how = _("by the list") if group.is_count_computed else _("entered")
        ranks: dict[str, list[str]] = {}
        for member in group.members:
            ranks.setdefault(member.rank, []).append(member.school.short_name)
        lines.append(_("%(name)s: %(count)s organizations (%(how)s)", name=group.name,
                       count=number(group.member_count), how=how)
                     + "".join(f"; {line}" for line in _ranked(ranks)))
    clusters = db.session.scalars(select(Community).where(
        Community.municipality_id == municipality_id, Community.kind == CommunityKind.CLUSTER,
        Community.is_active.is_(True)).order_by(Community.name)).all()
    for cluster in clusters:
        ranks = {}
        for rank, name in db.session.execute(
                select(ClusterMembership.rank, School.short_name).join(School)
                .where(ClusterMembership.community_id == cluster.id,
                       ClusterMembership.period == period)):
            ranks.setdefault(rank, []).append(name)
        count = sum(len(names) for names in ranks.values())
        lines.append(_("%(name)s: %(count)s organizations (%(how)s)", name=cluster.name,
                       count=number(count), how=_("by the list"))
                     + "".join(f"; {line}" for line in _ranked(ranks)))
    if not lines:
        return []
    return [Paragraph(_("Clusters, their members and ranks:")), Bullets(lines)]


def plan_fact_rows(municipality_id: int, years: tuple[int, ...]) -> list[list[str]]:
    everyone = select(School.id).where(School.municipality_id == municipality_id)
    rows = []
    for item in plan_and_fact(municipality_id, everyone):
        if item["year"] not in years:
            continue
        indicator, plan, fact = item["indicator"], item["plan"], item["fact"]
        is_share = indicator in labels.PERCENT_INDICATORS
        plan_text = "—" if plan is None else (percent(plan) if is_share else number(plan))
        if isinstance(fact, Share):
            fact_text = (_("%(n)s of %(d)s (%(p)s)", n=number(fact.numerator),
                           d=number(fact.denominator), p=percent(fact.percent))
                         if fact.denominator else "—")
        else:
            fact_text = number(fact)
        rows.append([str(item["year"]), str(labels.INDICATORS[NetworkIndicator(indicator)]),
                     plan_text, fact_text])
    return rows
