"""What the dashboards show, gathered for a scope and a period (views only render it)."""
from dataclasses import dataclass, field
from datetime import date

from flask_babel import gettext as _
from sqlalchemy import select

from tracker.db import db
from tracker.indicators import catalogue, charts
from tracker.indicators.calculations import Fraction, Unit, total
from tracker.indicators.scope import low_result_school_ids
from tracker.indicators.services import IndicatorValue, TargetLevel, indicator_values
from tracker.periods import HalfYear, recent_half_years
from tracker.schools.models import Municipality, Region, School

TREND_CODE = "teachers_with_plan"
TREND_PERIODS = 4


@dataclass
class SchoolRow:
    school: School
    cells: dict[str, Fraction | None] = field(default_factory=dict)


@dataclass
class Dashboard:
    period: HalfYear
    values: list[IndicatorValue]
    rows: list[SchoolRow]
    columns: list[catalogue.Indicator]
    charts: dict[str, str] = field(default_factory=dict)

    def value(self, code: str) -> IndicatorValue:
        return next(v for v in self.values if v.indicator.code == code)


def default_period(today: date | None = None, latest_listing_year: int | None = None) -> HalfYear:
    """The current half-year, or the first half of the latest year on the regional list."""
    current = HalfYear.containing(today or date.today())
    if latest_listing_year and latest_listing_year < current.year:
        return HalfYear(latest_listing_year, 1)
    return current


def percent_columns() -> list[catalogue.Indicator]:
    return [i for i in catalogue.CATALOGUE if i.is_computed and i.unit == Unit.PERCENT]


def municipal_dashboard(municipality: Municipality, period: HalfYear,
                        trend_code: str = TREND_CODE) -> Dashboard:
    school_ids = low_result_school_ids(period.year, municipality_id=municipality.id)
    level = TargetLevel("municipality", municipality.id)
    values = indicator_values(school_ids, period, level)
    dashboard = _with_school_rows(Dashboard(period, values, [], percent_columns()), school_ids)
    focus = dashboard.value(trend_code)
    dashboard.charts["bars"] = charts.school_bars(
        str(focus.indicator.name), [row.school.short_name for row in dashboard.rows],
        [row.cells.get(trend_code).percent if row.cells.get(trend_code) else None
         for row in dashboard.rows], float(focus.plan) if focus.plan is not None else None)
    dashboard.charts["trend"] = _trend(school_ids, period, level, trend_code)
    return dashboard


@dataclass
class MunicipalityRow:
    municipality: Municipality
    cells: dict[str, Fraction | None] = field(default_factory=dict)


def regional_dashboard(region: Region, period: HalfYear) -> tuple[Dashboard,
                                                                   list[MunicipalityRow]]:
    """The region's figures, and each municipality's: per-school sums grouped by municipality."""
    school_ids = low_result_school_ids(period.year, region_id=region.id)
    values = indicator_values(school_ids, period, TargetLevel("region", region.id))
    board = Dashboard(period, values, [], percent_columns())
    municipality_of = dict(db.session.execute(
        select(School.id, School.municipality_id).where(School.id.in_(school_ids))).all())
    municipalities = db.session.scalars(select(Municipality).where(
        Municipality.region_id == region.id).order_by(Municipality.name)).all()
    rows = []
    for municipality in municipalities:
        cells = {}
        for value in values:
            parts = [f for school_id, f in value.by_school.items()
                     if municipality_of.get(school_id) == municipality.id]
            cells[value.indicator.code] = total(parts) if parts else None
        rows.append(MunicipalityRow(municipality, cells))
    return board, rows


def focus_code(requested: str | None) -> str:
    """The indicator the charts follow: a computed share, the plans one by default."""
    allowed = {indicator.code for indicator in percent_columns()}
    return requested if requested in allowed else TREND_CODE


def schools_dashboard(school_ids, period: HalfYear, level: TargetLevel) -> Dashboard:
    """Several schools side by side (a curator's), with their combined figures."""
    values = indicator_values(school_ids, period, level)
    return _with_school_rows(Dashboard(period, values, [], percent_columns()), school_ids)


def _with_school_rows(dashboard: Dashboard, school_ids) -> Dashboard:
    schools = db.session.scalars(
        select(School).where(School.id.in_(school_ids)).order_by(School.short_name)).all()
    by_code = {v.indicator.code: v.by_school for v in dashboard.values}
    dashboard.rows = [SchoolRow(school, {column.code: by_code[column.code].get(school.id)
                                         for column in dashboard.columns})
                      for school in schools]
    return dashboard


def _trend(school_ids, period: HalfYear, level: TargetLevel, code: str) -> str:
    periods = recent_half_years(period, TREND_PERIODS)
    facts, targets = [], []
    for each in periods:
        value, = indicator_values(school_ids, each, level, codes=(code,))
        facts.append(value.fact)
        targets.append(float(value.plan) if value.plan is not None else None)
    indicator = catalogue.get(code)
    return charts.trend(str(indicator.name), [p.label for p in periods], facts, targets,
                        _("Fact"), _("Plan"))
