"""The regional summary for the regional coordinator: the indicators per municipality with the
region's totals (numerators and denominators summed), and a short section per municipality.

Once a municipality has submitted the half-year, the summary counts only the municipalities
that did (their submitted figures; «представлено» until the region approves), and names the
ones missing. Before any submission it shows the records as they are, marked preliminary."""
from flask_babel import gettext as _
from sqlalchemy import func, select

from tracker.db import db
from tracker.i18n import share
from tracker.freezing import closed_state
from tracker.indicators.calculations import status, total
from tracker.indicators.dashboard import MunicipalityRow, regional_dashboard
from tracker.indicators.services import TargetLevel, indicator_values
from tracker.periods import HalfYear
from tracker.reports.document import Heading, Paragraph, Table
from tracker.reports.halfyear.assembly import AssembledReport
from tracker.reports.halfyear.context import Section
from tracker.reports.halfyear.indicators import REPORT_CODES, indicator_table
from tracker.reports.models import ReportNarrative, paragraphs_of
from tracker.schools.models import Municipality, Region, School, SchoolYearStatus


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
    states = {row.municipality.id: closed_state(row.municipality.id, period.code)
              for row in rows}
    counted = {mid for mid, state in states.items() if state}
    if counted:
        rows = [_submitted_row(row.municipality, period, board) if row.municipality.id in counted
                else MunicipalityRow(row.municipality, {}) for row in rows]
        _count_submitted(board, rows, counted)
    region_values = [v for v in board.values if v.indicator.code in REPORT_CODES]
    summary = Section("region_indicators", _("Indicators of the region"),
                      blocks=_submission_notes(rows, states) + [indicator_table(region_values)])
    if not counted:
        summary.warnings.append(_("No municipality has submitted the half-year yet: the summary "
                                  "shows the records as they are now."))
    if all(v.target is None for v in region_values):
        summary.warnings.append(_("No targets (plan) of the indicators are set for the region "
                                  "for the half-year."))
    header = [_("Municipality"), *[str(c.name) for c in board.columns]]
    table_rows = [[_marked(row.municipality.name, states.get(row.municipality.id), counted),
                   *[_share_cell(row.cells.get(c.code)) for c in board.columns]] for row in rows]
    table_rows.append([_("Region in total"),
                       *[_share_cell(board.value(c.code).fraction) for c in board.columns]])
    per_municipality = Section("municipal_indicators", _("Indicators per municipality"),
                               blocks=[Table(header, table_rows, total_row=True)])
    return AssembledReport(
        _("Summary of the regional program of support of schools with low educational results"),
        f"{region.name}, {period.label}",
        [summary, per_municipality, _municipal_sections(region, period, rows)])


def _share_cell(fraction) -> str:
    """«3 из 5 (60 %)»; «—» where nothing is counted (no records, or none of the kind)."""
    return share(fraction) if fraction is not None and fraction.denominator else "—"


def _submitted_row(municipality: Municipality, period: HalfYear, board) -> MunicipalityRow:
    """The municipality's submitted figures (the indicators read its snapshot)."""
    values = indicator_values(select(School.id).where(School.id.is_(None)), period,
                              TargetLevel("municipality", municipality.id),
                              codes=tuple(v.indicator.code for v in board.values))
    return MunicipalityRow(municipality, {v.indicator.code: v.fraction for v in values})


def _count_submitted(board, rows: list[MunicipalityRow], counted: set[int]) -> None:
    """The region's figures as the sum of the submitted municipalities' (targets kept)."""
    for value in board.values:
        parts = [row.cells[value.indicator.code] for row in rows
                 if row.municipality.id in counted and row.cells.get(value.indicator.code)]
        value.fraction = total(parts) if parts else None
        value.by_school, value.direct = {}, None
        value.status = status(value.fact, value.plan, direction=value.indicator.direction)


def _submission_notes(rows: list[MunicipalityRow], states: dict) -> list:
    if not any(states.values()):
        return [Paragraph(_("Preliminary figures: no municipality has submitted the half-year "
                            "yet."), italic=True)]
    missing = [row.municipality.name for row in rows if not states.get(row.municipality.id)]
    notes = [Paragraph(_("The figures of the municipalities that submitted the half-year; «*» "
                         "marks those the region has not approved yet."), italic=True)]
    if missing:
        notes.append(Paragraph(_("Not submitted: %(names)s.", names=", ".join(missing))))
    return notes


def _marked(name: str, state: str | None, counted: set) -> str:
    if counted and state == "submitted":
        return f"{name}*"
    return name


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
