"""The coordinators' dashboard panels: the risk heat map, measures, the evidence pipeline and visit
coverage, per school of a municipality or per municipality of a region.

Each panel is one SQL aggregation over the scoped low-result schools (grouped by school or by
municipality), a Plotly chart and the same numbers as a table; the template links every number
to the records behind it.
"""
from dataclasses import dataclass, field
from functools import cached_property
from datetime import date

from flask import g
from flask_babel import gettext as _
from sqlalchemy import select

from tracker.db import db
from tracker import charts
from tracker.charts import CYAN, GREEN, GREY, LIGHT_GREEN, RED, YELLOW, BLUE, Level, Series, Unit
from tracker.indicators.scope import low_result_school_ids
from tracker.periods import Period
from tracker.programs import measure_queries
from tracker.risks.forms import LEVEL_LABELS
from tracker.risks.models import RiskDirection, RiskLevel, RiskProfileEntry
from tracker.risks.queries import level_counts
from tracker.risks.services import directions_of
from tracker.schools.models import Municipality, Region, School
from tracker.visits import coverage

HIGH, MEDIUM, LOW, NONE = (level.value for level in (RiskLevel.HIGH, RiskLevel.MEDIUM,
                                                       RiskLevel.LOW, RiskLevel.NONE))
LEVEL_SCORES = {RiskLevel.NONE: 0, RiskLevel.LOW: 1, RiskLevel.MEDIUM: 2, RiskLevel.HIGH: 3}
LEVEL_COLOURS = {RiskLevel.NONE: "#e9ecef", RiskLevel.LOW: "#d1e7dd",
                 RiskLevel.MEDIUM: "#fff3cd", RiskLevel.HIGH: "#f8d7da"}
COUNT_COLOURS = ("#ffffff", "#f1aeb5", "#dc3545")   # no school, one or two, three or more


def level_label(level: str) -> str:
    """The level's name in the request's language, translated once per request (a heat map of
    300 schools asks for it thousands of times)."""
    labels = g.get("risk_level_labels")
    if labels is None:
        labels = g.risk_level_labels = {key: str(name) for key, name in LEVEL_LABELS.items()}
    return labels[level]


@dataclass(frozen=True)
class Place:
    """A row of a panel: a school of the municipality or a municipality of the region."""

    id: int
    name: str


@dataclass(frozen=True)
class LevelCell:
    high: int
    medium: int
    low: int
    entries: int

    @cached_property
    def level(self) -> str:
        """One school's level (its profile has one entry per direction); read once per cell,
        asked for a few times per cell by the heat map and its table."""
        if self.high:
            return HIGH
        if self.medium:
            return MEDIUM
        return LOW if self.low else NONE

    @property
    def label(self) -> str:
        return level_label(self.level)


@dataclass
class RiskPanel:
    directions: list[RiskDirection]
    cells: dict[tuple[int, int], LevelCell]
    chart: charts.Chart | None = None

    def cell(self, place_id: int, direction_id: int) -> LevelCell | None:
        return self.cells.get((place_id, direction_id))


@dataclass
class MeasureRow:
    place: Place
    due: int = 0
    done: int = 0
    on_time: int = 0
    overdue: int = 0

    @property
    def late(self) -> int:
        return self.done - self.on_time

    @property
    def rest(self) -> int:
        """Due in the half-year, neither done nor overdue: not due yet, or given up."""
        return self.due - self.done - self.overdue


@dataclass
class EvidenceRow:
    place: Place
    due: int = 0
    submitted: int = 0
    waiting: int = 0
    returned: int = 0
    accepted: int = 0
    waiting_days: int | None = None

    @property
    def without(self) -> int:
        return self.due - self.submitted


@dataclass
class Panel:
    rows: list
    chart: charts.Chart | None = None
    total: object | None = None


@dataclass
class Panels:
    kind: str  # "school" (a municipality's dashboard) or "municipality" (a region's)
    period: Period
    day: date
    places: list[Place]
    risks: RiskPanel | None = None
    measures: Panel | None = None
    evidence: Panel | None = None
    coverage: Panel | None = None
    threshold: int | None = field(default=None)


def municipal_panels(municipality: Municipality, period: Period,
                     schools: list[School]) -> Panels:
    school_ids = low_result_school_ids(period.year, municipality_id=municipality.id)
    panels = _panels("school", [Place(s.id, s.short_name) for s in schools], school_ids,
                     period, School.id)
    rows = coverage.school_coverage(municipality, period)
    panels.coverage = Panel(rows, _coverage_chart([r.short_name for r in rows], rows, _("School")))
    panels.threshold = coverage.stale_after_days([municipality.id]).get(
        municipality.id, coverage.DEFAULT_STALE_AFTER_DAYS)
    return panels


@dataclass(frozen=True)
class AreaCoverage:
    """One municipality's coverage (visits/coverage.py `municipality_coverage`)."""

    municipality_id: int
    name: str
    schools: int
    planned: int
    done: int
    missed: int
    open_follow_ups: int
    flagged: int


def regional_panels(region: Region, period: Period,
                    municipalities: list[Municipality]) -> Panels:
    school_ids = low_result_school_ids(period.year, region_id=region.id)
    panels = _panels("municipality", [Place(m.id, m.name) for m in municipalities], school_ids,
                     period, School.municipality_id)
    rows = [AreaCoverage(municipality_id, name, *(int(n) for n in counts))  # PG sums: Decimal
            for municipality_id, name, *counts in coverage.municipality_coverage(
                select(Municipality).where(Municipality.region_id == region.id), period)]
    panels.coverage = Panel(rows, _coverage_chart([r.name for r in rows], rows, _("Municipality")))
    return panels


def _panels(kind: str, places: list[Place], school_ids, period: Period, group) -> Panels:
    panels = Panels(kind, period, period.as_of(), places)
    panels.risks = _risks(kind, places, school_ids, period.year, group)
    panels.measures = _measures(places, school_ids, period, panels.day, group)
    panels.evidence = _evidence(places, school_ids, period, panels.day, group)
    return panels


def _risks(kind: str, places: list[Place], school_ids, year: int, group) -> RiskPanel:
    directions = directions_of(year)
    stmt = level_counts(school_ids, year, group, RiskProfileEntry.direction_id)
    panel = RiskPanel(directions, {
        (place_id, direction_id): LevelCell(high, medium, low, entries)
        for place_id, direction_id, high, medium, low, _verified, _chosen, entries
        in db.session.execute(stmt)})
    if directions and places and panel.cells:
        panel.chart = (_school_heatmap if kind == "school" else _area_heatmap)(panel, places)
    return panel


def _school_heatmap(panel: RiskPanel, places: list[Place]) -> charts.Chart:
    order = list(LEVEL_COLOURS)
    levels = [Level(level_label(level), colour) for level, colour in LEVEL_COLOURS.items()]
    cells = [[order.index(c.level) if c else None
              for c in (panel.cell(place.id, d.id) for d in panel.directions)]
             for place in places]
    return charts.heatmap(_("Risk map"), [p.name for p in places],
                          [d.name for d in panel.directions], cells, levels,
                          row_label=_("School"))


def _area_heatmap(panel: RiskPanel, places: list[Place]) -> charts.Chart:
    """Per municipality, the number of its schools with a high level of each risk."""
    counts = [[c.high if c else 0 for c in (panel.cell(place.id, d.id)
                                             for d in panel.directions)] for place in places]
    levels = [Level(_("no school"), COUNT_COLOURS[0]), Level(_("1–2 schools"), COUNT_COLOURS[1]),
              Level(_("3 schools or more"), COUNT_COLOURS[2])]
    return charts.heatmap(_("Risk map"), [p.name for p in places],
                          [d.name for d in panel.directions],
                          [[0 if n == 0 else 1 if n <= 2 else 2 for n in row] for row in counts],
                          levels, row_label=_("Municipality"),
                          texts=[[str(n) for n in row] for row in counts])


def _measures(places: list[Place], school_ids, period: Period, day: date, group) -> Panel:
    counts = {row[0]: row[1:] for row in measure_queries.progress(school_ids, period, day,
                                                                   group)}
    rows = [MeasureRow(place, *counts.get(place.id, ())) for place in places]
    total = MeasureRow(Place(0, _("Total")), *(sum(getattr(r, name) for r in rows)
                                               for name in ("due", "done", "on_time",
                                                            "overdue")))
    chart = _count_bars(_("Measures due in the half-year"), group, rows, [
        Series(_("Done on time"), [r.on_time for r in rows], GREEN),
        Series(_("Done late"), [r.late for r in rows], LIGHT_GREEN),
        Series(_("Overdue"), [r.overdue for r in rows], RED),
        Series(_("Not due yet or not done"), [r.rest for r in rows], GREY)])
    return Panel(rows, chart, total)


def _evidence(places: list[Place], school_ids, period: Period, day: date, group) -> Panel:
    counts = {}
    for place_id, due, submitted, waiting, returned, accepted, since in \
            measure_queries.evidence_pipeline(school_ids, period, group):
        days = max((day - _as_date(since)).days, 0) if since else None
        counts[place_id] = (due, submitted, waiting, returned, accepted, days)
    rows = [EvidenceRow(place, *counts.get(place.id, ())) for place in places]
    waits = [r.waiting_days for r in rows if r.waiting_days is not None]
    total = EvidenceRow(Place(0, _("Total")), *(sum(getattr(r, name) for r in rows) for name in
                                                ("due", "submitted", "waiting", "returned",
                                                 "accepted")), max(waits) if waits else None)
    chart = _count_bars(_("Evidence of the half-year's measures"), group, rows, [
        Series(_("Accepted"), [r.accepted for r in rows], GREEN),
        Series(_("Waiting for review"), [r.waiting for r in rows], CYAN),
        Series(_("Returned for rework"), [r.returned for r in rows], YELLOW),
        Series(_("No evidence yet"), [r.without for r in rows], GREY)])
    return Panel(rows, chart, total)


def _as_date(moment) -> date:
    return moment.date() if hasattr(moment, "date") else moment


def _count_bars(title: str, group, rows, series: list[Series]) -> charts.Chart:
    return charts.bars(title, [r.place.name for r in rows], series, unit=Unit.COUNT,
                       category_label=_place_label(group), stacked=True)


def _place_label(group) -> str:
    return _("School") if group is School.id else _("Municipality")


def _coverage_chart(labels: list[str], rows, place_label: str) -> charts.Chart | None:
    if not rows:
        return None
    return charts.bars(_("Visit coverage"), labels, [
        Series(_("Visits planned"), [r.planned for r in rows], GREY),
        Series(_("Visits done"), [r.done for r in rows], BLUE)], unit=Unit.COUNT,
        category_label=place_label)
