"""What was done: per school and risk direction, the measures of the anti-risk programs of the
half-year (done, confirmed, overdue with reasons) and their evidence, with a summary per school."""
from dataclasses import dataclass, field

from flask_babel import gettext as _
from flask_babel import ngettext
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from tracker.db import db
from tracker.i18n import day
from tracker.programs.forms import MEASURE_LABELS, VERDICT_LABELS
from tracker.programs.measure_models import FINISHED, Evidence, Measure, MeasureStatus, Verdict
from tracker.programs.models import AntiRiskProgram
from tracker.reports.document import Heading, Image, Paragraph, Table
from tracker.reports.halfyear import charts
from tracker.reports.halfyear.context import ReportContext, Section
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


def evidence_text(measure: Measure) -> str:
    """The latest file or link of each chain of re-uploads, with the curator's verdict."""
    replaced = {e.replaces_id for e in measure.evidence if e.replaces_id}
    latest = [e for e in measure.evidence if e.id not in replaced]
    return "\n".join(f"{_evidence_name(e)} ({VERDICT_LABELS[e.verdict]})"
                     for e in latest) or "—"


def _evidence_name(evidence: Evidence) -> str:
    return evidence.original_name or evidence.url or ""


def measures_section(ctx: ReportContext) -> Section:
    section = Section("measures", _("Anti-risk programs: what was done"),
                      comment_field="comment_measures")
    programs = load_programs(ctx.school_ids, ctx.year)
    by_school: dict[int, list[ProgramMeasures]] = {}
    tallies: dict[int, Tally] = {}
    for program in programs:
        tally = tallies.setdefault(program.school_id, Tally())
        chosen = ProgramMeasures(program)
        for measure in program.measures:
            if in_half_year(measure, ctx):
                chosen.measures.append(measure)
                _count(tally, measure, ctx)
            elif measure.due_on > ctx.period.ends_on:
                tally.later += 1
        by_school.setdefault(program.school_id, []).append(chosen)
    schools = [s for s in ctx.schools if s.id in by_school]
    if not schools:
        section.blocks.append(Paragraph(_("The schools have no anti-risk programs for %(year)s.",
                                          year=ctx.year)))
    else:
        section.blocks += _summary(ctx, schools, tallies)
        for school in schools:
            section.blocks += _school_details(ctx, school, by_school[school.id], tallies)
    _warn(section, ctx, tallies)
    return section


def _summary(ctx: ReportContext, schools, tallies: dict[int, Tally]) -> list:
    rows, total = [], Tally()
    for school in schools:
        t = tallies[school.id]
        rows.append([school.short_name, str(t.total), str(t.done), str(t.confirmed),
                     str(t.overdue), str(t.with_accepted)])
        for name in ("total", "done", "confirmed", "overdue", "with_accepted"):
            setattr(total, name, getattr(total, name) + getattr(t, name))
    if len(schools) > 1:
        rows.append([_("Total"), str(total.total), str(total.done), str(total.confirmed),
                     str(total.overdue), str(total.with_accepted)])
    blocks = [Table([_("School"), _("Measures of the half-year"), _("Done"),
                     _("Confirmed by the curator"), _("Overdue"), _("With accepted evidence")],
                    rows, total_row=len(schools) > 1,
                    caption=_("Measures of the anti-risk programs in the half-year"))]
    if ctx.charts and len(schools) <= CHART_MAX_SCHOOLS:
        series = [(_("Confirmed by the curator"),
                   [tallies[s.id].confirmed for s in schools]),
                  (_("Done"), [tallies[s.id].done - tallies[s.id].confirmed for s in schools]),
                  (_("Overdue"), [tallies[s.id].overdue for s in schools]),
                  (_("Other"), [tallies[s.id].total - tallies[s.id].done - tallies[s.id].overdue
                                for s in schools])]
        blocks.append(Image(charts.stacked_counts([s.short_name for s in schools], series),
                            caption=_("Measures per school")))
    return blocks


def _school_details(ctx: ReportContext, school, programs: list[ProgramMeasures],
                    tallies: dict[int, Tally]) -> list:
    blocks = [Heading(school.short_name, level=2)]
    for chosen in programs:
        blocks.append(Heading(chosen.program.direction.name, level=3))
        if not chosen.measures:
            blocks.append(Paragraph(_("No measures of the program fall in the half-year.")))
            continue
        blocks.append(Table(
            [_("Task"), _("Measure"), _("Due"), _("Execution"), _("Evidence")],
            [[m.task or "—", m.title, day(m.due_on), execution_text(m, ctx), evidence_text(m)]
             for m in sorted(chosen.measures, key=lambda m: (m.due_on, m.id))],
            widths_cm=[3.2, 4.8, 2.2, 3.0, 3.3]))
    later = tallies[school.id].later
    if later:
        blocks.append(Paragraph(ngettext(
            "%(num)s more measure is planned after the half-year.",
            "%(num)s more measures are planned after the half-year.", later), italic=True))
    return blocks


def _warn(section: Section, ctx: ReportContext, tallies: dict[int, Tally]) -> None:
    overdue = sum(t.overdue for t in tallies.values())
    if overdue:
        section.warnings.append(ngettext("%(num)s measure is overdue.",
                                         "%(num)s measures are overdue.", overdue))
    unproven = sum(t.done_without_accepted for t in tallies.values())
    if unproven:
        section.warnings.append(ngettext("%(num)s done measure has no accepted evidence.",
                                         "%(num)s done measures have no accepted evidence.",
                                         unproven))
    without = [s.short_name for s in ctx.schools_500 if s.id not in tallies]
    if without:
        section.warnings.append(_("No anti-risk programs: %(schools)s.",
                                  schools=", ".join(without)))

