"""What was done: per school and risk direction, the measures of the anti-risk programs of the
half-year (done, confirmed, overdue with reasons) and their evidence, with a summary per school."""
from dataclasses import dataclass, field

from flask_babel import gettext as _
from flask_babel import ngettext
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from tracker.db import db
from tracker.i18n import day
from tracker.programs.forms import MEASURE_LABELS
from tracker.programs.measure_models import FINISHED, Measure, MeasureStatus, Verdict
from tracker.programs.models import AntiRiskProgram
from tracker.reports.document import Image, Paragraph, Table
from tracker.reports.halfyear import charts
from tracker.programs.measure_queries import MeasureState
from tracker.reports.halfyear.context import ReportContext, ReportWarning, Section
from tracker.risks.models import RiskDirection

CHART_MAX_SCHOOLS = 40  # beyond that a bar per school is unreadable: the table says it all


@dataclass
class Tally:
    total: int = 0
    done: int = 0
    confirmed: int = 0
    overdue: int = 0
    with_accepted: int = 0
    done_without_accepted: int = 0
    later: int = 0  # due after the half-year


@dataclass
class ProgramMeasures:
    program: AntiRiskProgram
    measures: list[Measure] = field(default_factory=list)
    tally: Tally = field(default_factory=Tally)


def load_programs(school_ids: list[int], year: int) -> list[AntiRiskProgram]:
    return db.session.scalars(
        select(AntiRiskProgram).join(RiskDirection)
        .options(selectinload(AntiRiskProgram.direction),
                 selectinload(AntiRiskProgram.measures).selectinload(Measure.evidence))
        .where(AntiRiskProgram.school_id.in_(school_ids), RiskDirection.year == year)
        .order_by(AntiRiskProgram.school_id, RiskDirection.position)).all()


def in_half_year(measure: Measure, ctx: ReportContext) -> bool:
    """Due in the half-year, done in it, or still open from before it."""
    period = ctx.period
    if period.contains(measure.due_on):
        return True
    if measure.done_on and period.contains(measure.done_on):
        return True
    return measure.due_on < period.starts_on and measure.is_overdue_on(ctx.as_of)


def _has_accepted(measure: Measure) -> bool:
    return any(e.verdict == Verdict.ACCEPTED for e in measure.evidence)


def _count(tally: Tally, measure: Measure, ctx: ReportContext) -> None:
    tally.total += 1
    if measure.status in FINISHED:
        tally.done += 1
        if _has_accepted(measure):
            tally.with_accepted += 1
        else:
            tally.done_without_accepted += 1
    if measure.status == MeasureStatus.CONFIRMED:
        tally.confirmed += 1
    if measure.is_overdue_on(ctx.as_of):
        tally.overdue += 1


def execution_text(measure: Measure, ctx: ReportContext) -> str:
    text = str(MEASURE_LABELS[measure.status])
    if measure.status in FINISHED and measure.done_on:
        text = f"{text} {day(measure.done_on)}"
    if measure.is_overdue_on(ctx.as_of):
        text = _("%(status)s, overdue", status=text)
    if measure.reason:
        text = f"{text}: {measure.reason}"
    return text


def measure_tallies(ctx: ReportContext) -> tuple[list, dict[int, Tally]]:
    """The schools with programs and each one's tally of the half-year's measures (counted once
    per report: the measures section and the conclusions both read it)."""
    if "measures" not in ctx.memo:
        chosen, tallies = select_measures(ctx, load_programs(ctx.school_ids, ctx.year))
        ctx.memo["measures"] = (chosen, [s for s in ctx.schools if s.id in tallies], tallies)
    _chosen, schools, tallies = ctx.memo["measures"]
    return schools, tallies


def measures_section(ctx: ReportContext) -> Section:
    section = Section("measures", _("Anti-risk programs: what was done"),
                      comment_field="comment_measures")
    schools, tallies = measure_tallies(ctx)
    chosen = ctx.memo["measures"][0]
    if not schools:
        section.blocks.append(Paragraph(_("The schools have no anti-risk programs for %(year)s.",
                                          year=ctx.year)))
    else:
        section.blocks += _summary(ctx, schools, chosen, tallies)
        section.appendix.append(appendix_table(ctx, chosen))
    later = sum(t.later for t in tallies.values())
    if later:
        section.blocks.append(Paragraph(ngettext(
            "%(num)s more measure is planned after the half-year.",
            "%(num)s more measures are planned after the half-year.", later), italic=True))
    _warn(section, ctx, tallies)
    return section


def select_measures(ctx: ReportContext, programs: list[AntiRiskProgram]
                    ) -> tuple[list[ProgramMeasures], dict[int, Tally]]:
    """The measures of each program that fall in the half-year, and a tally per school."""
    chosen, tallies = [], {}
    for program in programs:
        tally = tallies.setdefault(program.school_id, Tally())
        picked = ProgramMeasures(program)
        for measure in program.measures:
            if in_half_year(measure, ctx):
                picked.measures.append(measure)
                _count(tally, measure, ctx)
                _count(picked.tally, measure, ctx)
            elif measure.due_on > ctx.period.ends_on:
                tally.later += 1
        chosen.append(picked)
    return chosen, tallies


def _tally_cells(tally: Tally) -> list[str]:
    return [str(tally.total), str(tally.done), str(tally.confirmed), str(tally.overdue),
            str(tally.with_accepted)]


def _summary(ctx: ReportContext, schools, chosen: list[ProgramMeasures],
             tallies: dict[int, Tally]) -> list:
    """One row per school with one row per risk direction under it, and the total."""
    rows, total = [], Tally()
    for school in schools:
        tally = tallies[school.id]
        rows.append([school.short_name, *_tally_cells(tally)])
        rows += [[f"— {picked.program.direction.name}", *_tally_cells(picked.tally)]
                 for picked in chosen if picked.program.school_id == school.id]
        for name in ("total", "done", "confirmed", "overdue", "with_accepted"):
            setattr(total, name, getattr(total, name) + getattr(tally, name))
    if len(schools) > 1:
        rows.append([_("Total"), *_tally_cells(total)])
    blocks = [Table([_("School, risk direction"), _("Measures of the half-year"), _("Done"),
                     _("Confirmed by the curator"), _("Overdue"), _("With accepted evidence")],
                    rows, total_row=len(schools) > 1,
                    caption=_("Measures of the anti-risk programs in the half-year"))]
    if ctx.charts and len(schools) <= CHART_MAX_SCHOOLS:
        blocks.append(_chart(schools, tallies))
    return blocks


def _chart(schools, tallies: dict[int, Tally]) -> Image:
    series = [(_("Confirmed by the curator"), [tallies[s.id].confirmed for s in schools]),
              (_("Done"), [tallies[s.id].done - tallies[s.id].confirmed for s in schools]),
              (_("Overdue"), [tallies[s.id].overdue for s in schools]),
              (_("Other"), [tallies[s.id].total - tallies[s.id].done - tallies[s.id].overdue
                            for s in schools])]
    return Image(charts.stacked_counts([s.short_name for s in schools], series),
                 caption=_("Measures per school"))


def appendix_table(ctx: ReportContext, chosen: list[ProgramMeasures]) -> Table:
    """Every measure of the half-year: school, direction, measure, due, status and whether the
    curator accepted its evidence (no file names: they are in the tracker)."""
    names = {school.id: school.short_name for school in ctx.schools}
    rows = [[names[picked.program.school_id], picked.program.direction.name, measure.title,
             day(measure.due_on), execution_text(measure, ctx),
             _("yes") if _has_accepted(measure) else _("no")]
            for picked in chosen
            for measure in sorted(picked.measures, key=lambda m: (m.due_on, m.id))]
    return Table([_("School"), _("Risk direction"), _("Measure"), _("Due"), _("Execution"),
                  _("Evidence accepted")], rows,
                 caption=_("Measures of the anti-risk programs in the half-year"))


def _warn(section: Section, ctx: ReportContext, tallies: dict[int, Tally]) -> None:
    overdue = sum(t.overdue for t in tallies.values())
    if overdue:
        section.warnings.append(ReportWarning(
            ngettext("%(num)s measure is overdue.", "%(num)s measures are overdue.", overdue),
            ctx.measures_link(state=MeasureState.OVERDUE)))
    unproven = sum(t.done_without_accepted for t in tallies.values())
    if unproven:
        section.warnings.append(ReportWarning(
            ngettext("%(num)s done measure has no accepted evidence.",
                     "%(num)s done measures have no accepted evidence.", unproven),
            ctx.measures_link(state=MeasureState.DONE)))
    without = [s.short_name for s in ctx.schools_500 if s.id not in tallies]
    if without:
        section.warnings.append(_("No anti-risk programs: %(schools)s.",
                                  schools=", ".join(without)))

