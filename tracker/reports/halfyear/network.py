"""Network interaction: the ШНОР's teachers in network communities (and the municipality's
totals by organization type), the communities they take part in, plan and fact of the year."""
from flask_babel import gettext as _
from sqlalchemy import select

from tracker.db import db
from tracker.i18n import number, percent
from tracker.network import counting, labels
from tracker.network.models import Community, CommunityMemberCount
from tracker.network.queries import Share, network_participation, plan_and_fact
from tracker.reports.document import Bullets, Paragraph, Table
from tracker.reports.halfyear.context import ReportContext, ReportWarning, Section
from tracker.urls import Link
from tracker.schools.models import School
from tracker.ui import ORG_TYPE_LABELS


def _share(value: Share) -> str:
    if not value.denominator:
        return "—"
    return f"{number(value.numerator)} / {number(value.denominator)} ({percent(value.percent)})"


def communities_of(school_ids: list[int], period: str) -> list[Community]:
    """Communities with members from the given organizations in the half-year."""
    with_members = select(CommunityMemberCount.community_id).where(
        CommunityMemberCount.school_id.in_(school_ids), CommunityMemberCount.period == period,
        CommunityMemberCount.members > 0)
    return db.session.scalars(select(Community).where(Community.id.in_(with_members))
                              .order_by(Community.name)).all()


def participation_warnings(municipality_id: int, period: str, figures: dict,
                           listed: set[int]) -> list[str]:
    """What the participation table cannot say: no teacher counts at all, the listed
    organizations without one (by name), and entered participants that the community
    memberships contradict."""
    if not figures["total"].teachers.denominator:
        return [_("No teacher counts of the schools for the half-year: the share in network "
                  "communities is unknown.")]
    warnings = []
    missing = [row.label for row in figures["organizations"]
               if row.school_id in listed and not row.teachers.denominator]
    if missing:
        warnings.append(_("No teacher count for the half-year: %(names)s.",
                          names=", ".join(missing)))
    for row in counting.disagreements(municipality_id, period):  # the totals count them all
        warnings.append(_("%(name)s: %(entered)s participants entered, but one community "
                              "alone lists %(largest)s of its teachers.", name=row.short_name,
                              entered=row.entered, largest=row.largest))
    return warnings


def network_section(ctx: ReportContext) -> Section:
    section = Section("network", _("Network interaction"), comment_field="comment_network")
    everyone = select(School.id).where(School.municipality_id == ctx.municipality.id)
    figures = network_participation(ctx.municipality.id, ctx.period.code, everyone)
    mine = set(ctx.school_ids)
    rows = [[row.label, _share(row.teachers)] for row in figures["organizations"]
            if row.school_id in mine]
    counts = Link("network.dashboard", municipality=ctx.municipality.id, period=ctx.period.code)
    section.warnings += [ReportWarning(text, counts) for text in participation_warnings(
        ctx.municipality.id, ctx.period.code, figures, mine)]
    rows += [[_("All organizations: %(type)s", type=ORG_TYPE_LABELS.get(row.org_type,
                                                                        row.org_type)),
              _share(row.teachers)] for row in figures["types"]]
    rows.append([_("Municipality in total"), _share(figures["total"].teachers)])
    section.blocks.append(Table([_("Organization"),
                                 _("Teachers in network communities, of the staffing count")],
                                rows, widths_cm=[10.0, 6.5],
                                caption=_("Teachers taking part in network communities")))
    # one count, one meaning: say which count of teachers each section divides by
    section.blocks.append(Paragraph(_(
        "The shares are counted of the organizations' staffing counts entered for the network "
        "monitoring; the section on professional development counts the teachers on the "
        "tracker's roster, so a school's two figures may differ."), italic=True))
    communities = communities_of(ctx.school_ids, ctx.period.code)
    if communities:
        section.blocks += [Paragraph(_("The schools take part in these communities:")),
                           Bullets([f"{c.name} ({labels.COMMUNITY_KINDS[c.kind]})"
                                    for c in communities])]
    section.blocks += _plan_and_fact(ctx, everyone)
    return section


def _plan_and_fact(ctx: ReportContext, everyone) -> list:
    rows = []
    for item in plan_and_fact(ctx.municipality.id, everyone):
        if item["year"] != ctx.year:
            continue
        indicator, plan, fact = item["indicator"], item["plan"], item["fact"]
        is_share = indicator in labels.PERCENT_INDICATORS
        plan_text = "—" if plan is None else (percent(plan) if is_share else number(plan))
        if fact is None:
            fact_text = "—"
        elif isinstance(fact, Share):
            fact_text = _share(fact)
        else:
            fact_text = number(fact)
        rows.append([str(labels.INDICATORS[indicator]), plan_text, fact_text])
    if not rows:
        return []
    return [Table([_("Indicator"), _("Plan"), _("Fact")], rows, widths_cm=[9.0, 2.5, 5.0],
                  caption=_("Network indicators of %(year)s", year=ctx.year))]
