"""The teacher shortage and the consultation service: what the records say (verified staffing
risks and their measures; curator visits and follow-ups) and the coordinator's comment."""
from flask_babel import gettext as _
from sqlalchemy import func, select

from tracker.db import db
from tracker.i18n import day, number
from tracker.programs.measure_models import FINISHED, Measure
from tracker.programs.models import AntiRiskProgram
from tracker.reports.document import Bullets, Paragraph, Table
from tracker.reports.halfyear.context import ReportContext, Section
from tracker.risks.models import RiskDirection, RiskProfile, RiskProfileEntry
from tracker.visits.coverage import school_coverage

# The default list's «Дефицит педагогических кадров» (DOMAIN §4); regions may word it otherwise,
# so a direction about a shortage of staff is recognised by these two stems.
SHORTAGE_STEMS = ("дефицит", "кадр")


def _staffing_directions(year: int):
    name = func.lower(RiskDirection.name)
    return select(RiskDirection.id).where(RiskDirection.year == year,
                                          *[name.contains(stem) for stem in SHORTAGE_STEMS])


def shortage_schools(ctx: ReportContext) -> list:
    """Schools with a verified staffing risk direction in the year."""
    verified = set(db.session.scalars(
        select(RiskProfile.school_id)
        .join(RiskProfileEntry, RiskProfileEntry.profile_id == RiskProfile.id)
        .where(RiskProfile.school_id.in_(ctx.school_ids), RiskProfile.year == ctx.year,
               RiskProfileEntry.is_verified.is_(True),
               RiskProfileEntry.direction_id.in_(_staffing_directions(ctx.year)))))
    return [school for school in ctx.schools if school.id in verified]


def shortage_measures(ctx: ReportContext, school_ids: list[int]) -> list[tuple[Measure, str]]:
    """Done measures of the staffing programs up to the half-year's end, with the school."""
    rows = db.session.execute(
        select(Measure, AntiRiskProgram.school_id)
        .join(AntiRiskProgram, AntiRiskProgram.id == Measure.program_id)
        .where(AntiRiskProgram.school_id.in_(school_ids),
               AntiRiskProgram.direction_id.in_(_staffing_directions(ctx.year)),
               Measure.status.in_([status.value for status in FINISHED]),
               Measure.done_on <= ctx.period.ends_on)
        .order_by(Measure.done_on, Measure.id)).all()
    names = {school.id: school.short_name for school in ctx.schools}
    return [(measure, names[school_id]) for measure, school_id in rows]


def shortage_section(ctx: ReportContext) -> Section:
    section = Section("shortage", _("Shortage of teachers"), comment_field="comment_shortage")
    schools = shortage_schools(ctx)
    if schools:
        section.blocks.append(Paragraph(_(
            "The risk direction of a teacher shortage is verified in: %(schools)s.",
            schools=", ".join(s.short_name for s in schools))))
        done = shortage_measures(ctx, [s.id for s in schools])
        if done:
            section.blocks += [Paragraph(_("Done within the anti-risk programs:")),
                               Bullets([f"{m.title} ({school}, {day(m.done_on)})"
                                        for m, school in done])]
    else:
        section.blocks.append(Paragraph(_("No school has a verified risk direction of a "
                                          "teacher shortage.")))
    if not ctx.narrative.comment_shortage.strip():
        section.warnings.append(_("The coordinator's comment on the teacher shortage is not "
                                  "filled in."))
    return section


def consultations_section(ctx: ReportContext) -> Section:
    section = Section("consultations", _("Consultation service and working group"),
                      comment_field="comment_consultations")
    mine = set(ctx.school_ids)
    rows = [row for row in school_coverage(ctx.municipality, ctx.period, today=ctx.today)
            if row.school_id in mine]
    if rows:
        section.blocks.append(Table(
            [_("School"), _("Visits planned"), _("Visits held"), _("Visits missed"),
             _("Open recommendations"), _("Last visit")],
            [[r.short_name, number(r.planned), number(r.done), number(r.missed),
              number(r.open_follow_ups), day(r.last_visit_on) or "—"] for r in rows],
            caption=_("Curator visits in the half-year")))
    else:
        section.blocks.append(Paragraph(_("No curator visits are recorded for the half-year.")))
    if not ctx.narrative.comment_consultations.strip():
        section.warnings.append(_("The work of the working group and the consultation service "
                                  "is not described."))
    return section
