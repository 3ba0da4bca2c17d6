"""The regional summary for the regional coordinator: the indicators per municipality with the
region's totals (numerators and denominators summed), and a short section per municipality."""
from flask_babel import gettext as _
from sqlalchemy import func, select

from tracker.db import db
from tracker.i18n import share
from tracker.indicators.dashboard import regional_dashboard
from tracker.periods import HalfYear
from tracker.reports.document import Heading, Paragraph, Table
from tracker.reports.halfyear.assembly import AssembledReport
from tracker.reports.halfyear.context import Section
from tracker.reports.halfyear.indicators import REPORT_CODES, indicator_table
from tracker.reports.models import ReportNarrative, paragraphs_of
from tracker.schools.models import Region, School, SchoolYearStatus


def listing_counts(region: Region, year: int) -> dict[int, tuple[int, int]]:
    """{municipality_id: (ШНОР, of them in 500+)} in one aggregation."""
    rows = db.session.execute(
        select(School.municipality_id, func.count(School.id),
               func.count(School.id).filter(SchoolYearStatus.is_project_500.is_(True)))
        .join(SchoolYearStatus, SchoolYearStatus.school_id == School.id)
        .where(SchoolYearStatus.year == year, SchoolYearStatus.category_id.is_not(None),
               School.municipality_id.in_([m.id for m in region.municipalities]))
        .group_by(School.municipality_id))
    return {mid: (total, in_500) for mid, total, in_500 in rows}


def regional_report(region: Region, period: HalfYear, **_options) -> AssembledReport:
    board, rows = regional_dashboard(region, period)
    region_values = [v for v in board.values if v.indicator.code in REPORT_CODES]
    summary = Section("region_indicators", _("Indicators of the region"),
                      blocks=[indicator_table(region_values)])
    if all(v.target is None for v in region_values):
        summary.warnings.append(_("No targets (plan) of the indicators are set for the region "
                                  "for the half-year."))
    header = [_("Municipality"), *[str(c.name) for c in board.columns]]
    table_rows = [[row.municipality.name,
                   *[share(row.cells.get(c.code)) if row.cells.get(c.code) else "—"
                     for c in board.columns]] for row in rows]
    table_rows.append([_("Region in total"),
                       *[share(board.value(c.code).fraction) if board.value(c.code).fraction
                         else "—" for c in board.columns]])
    per_municipality = Section("municipal_indicators", _("Indicators per municipality"),
                               blocks=[Table(header, table_rows, total_row=True)])
    return AssembledReport(
        _("Summary of the regional program of support of schools with low educational results"),
        f"{region.name}, {period.label}",
        [summary, per_municipality, _municipal_sections(region, period, rows)])


def _municipal_sections(region: Region, period: HalfYear, rows) -> Section:
    section = Section("municipalities", _("Municipalities"))
    counts = listing_counts(region, period.year)
    narratives = {n.municipality_id: n for n in db.session.scalars(
        select(ReportNarrative).where(ReportNarrative.period == period.code,
                                      ReportNarrative.municipality_id.in_(
                                          [r.municipality.id for r in rows])))}
    for row in rows:
        municipality = row.municipality
        total, in_500 = counts.get(municipality.id, (0, 0))
        section.blocks += [
            Heading(municipality.name, level=2),
            Paragraph(_("Schools with low results: %(total)s, of them in the project «500+»: "
                        "%(in_500)s.", total=total, in_500=in_500)),
        ]
        on_time = row.cells.get("measures_on_time")
        if on_time is not None:
            section.blocks.append(Paragraph(_("Measures done on time: %(share)s.",
                                              share=share(on_time))))
        narrative = narratives.get(municipality.id)
        conclusions = paragraphs_of(narrative.conclusions) if narrative else []
        section.blocks += [Paragraph(text) for text in conclusions]
        if total and not conclusions:
            section.warnings.append(_("%(municipality)s: the conclusions are not filled in.",
                                      municipality=municipality.name))
    return section
