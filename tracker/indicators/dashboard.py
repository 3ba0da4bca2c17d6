"""What the dashboards show, gathered for a scope and a period (views only render it)."""
from collections import defaultdict
from dataclasses import dataclass, field

from flask_babel import gettext as _
from sqlalchemy import select

from tracker.db import db
from tracker import charts
from tracker.charts import Chart
from tracker.indicators.calculations import Fraction, Unit, fact_value, total
from tracker.indicators.models import Indicator
from tracker.indicators.scope import low_result_school_ids, resolved
from tracker.indicators.services import (IndicatorValue, TargetLevel, indicator_values,
                                         trend_values)
from tracker.periods import Period, recent
from tracker.schools.models import Municipality, Region, School

TREND_CODE = "teachers_with_plan"
TREND_PERIODS = 4


@dataclass
class SchoolRow:
    school: School
    cells: dict[str, Fraction | None] = field(default_factory=dict)


@dataclass
class Dashboard:
    period: Period
    values: list[IndicatorValue]
    rows: list[SchoolRow]
    columns: list[Indicator]
    charts: dict[str, Chart] = field(default_factory=dict)

    def value(self, code: str) -> IndicatorValue:
        return next(v for v in self.values if v.indicator.code == code)


def percent_columns(values: list[IndicatorValue]) -> list[Indicator]:
    """The per-school columns: the computed shares counted per school."""
    return [value.indicator for value in values
            if value.indicator.is_computed and value.indicator.unit == Unit.PERCENT
            and value.indicator.level == "school"]


def municipal_dashboard(municipality: Municipality, period: Period,
                        trend_code: str = TREND_CODE, *, live: bool = False) -> Dashboard:
    """The municipality's figures (of a submitted period, the submitted ones unless `live`)."""
    school_ids = resolved(low_result_school_ids(period.year, municipality_id=municipality.id))
    level = TargetLevel("municipality", municipality.id)
    values = indicator_values(school_ids, period, level, live=live)
    dashboard = _with_school_rows(Dashboard(period, values, [], percent_columns(values)),
                                  school_ids)
    trend_code = _focus(dashboard, trend_code)
    if trend_code is None:
        return dashboard
    focus = dashboard.value(trend_code)
    dashboard.charts["bars"] = indicator_bars(
        focus, [(row.school.short_name, row.cells.get(trend_code)) for row in dashboard.rows],
        _("School"))
    dashboard.charts["trend"] = _trend(school_ids, period, level, trend_code, live)
    return dashboard


def _focus(dashboard: Dashboard, requested: str) -> str | None:
    """The share the charts follow: the requested one, else the plans one, else the first."""
    codes = [column.code for column in dashboard.columns]
    for code in (requested, TREND_CODE):
        if code in codes:
            return code
    return codes[0] if codes else None


@dataclass
class MunicipalityRow:
    municipality: Municipality
    cells: dict[str, Fraction | None] = field(default_factory=dict)


def regional_dashboard(region: Region, period: Period) -> tuple[Dashboard,
                                                                   list[MunicipalityRow]]:
    """The region's figures, and each municipality's: per-school sums grouped by municipality."""
    school_ids = resolved(low_result_school_ids(period.year, region_id=region.id))
    values = indicator_values(school_ids, period, TargetLevel("region", region.id))
    board = Dashboard(period, values, [], percent_columns(values))
    municipality_of = dict(db.session.execute(
        select(School.id, School.municipality_id).where(School.id.in_(school_ids))).all())
    municipalities = db.session.scalars(select(Municipality).where(
        Municipality.region_id == region.id).order_by(Municipality.name)).all()
    rows = _municipality_rows(board, municipality_of, municipalities)
    board.charts["bars"] = indicator_bars(
        board.value(TREND_CODE), [(row.municipality.name, row.cells.get(TREND_CODE))
                                  for row in rows], _("Municipality"))
    return board, rows


def _municipality_rows(board: Dashboard, municipality_of: dict[int, int],
                       municipalities: list[Municipality]) -> list[MunicipalityRow]:
    """Each municipality's sums of its schools' fractions, in one pass over the schools."""
    parts: dict[tuple[int, str], list[Fraction]] = defaultdict(list)
    for value in board.values:
        for school_id, fraction in value.by_school.items():
            parts[municipality_of.get(school_id), value.indicator.code].append(fraction)
    return [MunicipalityRow(municipality, {
        value.indicator.code: total(parts[municipality.id, value.indicator.code])
        if (municipality.id, value.indicator.code) in parts else None
        for value in board.values})
        for municipality in municipalities]


def focus_code(requested: str | None) -> str:
    """The indicator the charts should follow (the dashboard falls back when it has none)."""
    return requested or TREND_CODE


def schools_dashboard(school_ids, period: Period, level: TargetLevel,
                      codes: tuple[str, ...] | None = None) -> Dashboard:
    """Several schools side by side (a curator's), with their combined figures: every
    indicator, or only the listed ones (the others' cells stay empty)."""
    school_ids = resolved(school_ids)  # a curator's own schools: always their live figures
    values = indicator_values(school_ids, period, level, codes, live=True)
    return _with_school_rows(Dashboard(period, values, [], percent_columns(values)), school_ids)


def _with_school_rows(dashboard: Dashboard, school_ids) -> Dashboard:
    schools = db.session.scalars(
        select(School).where(School.id.in_(school_ids)).order_by(School.sort_key)).all()
    by_code = {v.indicator.code: v.by_school for v in dashboard.values}
    dashboard.rows = [SchoolRow(school, {column.code: by_code.get(column.code, {}).get(school.id)
                                         for column in dashboard.columns})
                      for school in schools]
    return dashboard


def indicator_bars(value: IndicatorValue, places: list[tuple[str, Fraction | None]],
                   place_label: str) -> charts.Chart:
    """One indicator per place (school, municipality) against its target."""
    unit = chart_unit(value.indicator.unit)
    facts = [fact_value(value.indicator.unit, fraction) if fraction else None
             for _name, fraction in places]
    return charts.bars(str(value.indicator.name), [name for name, _fraction in places],
                       [charts.Series(_("Fact"), facts)], unit=unit, category_label=place_label,
                       target=value.plan, target_name=_("Plan"))


def school_comparison(pairs: list[tuple[IndicatorValue, IndicatorValue]]) -> charts.Chart:
    """A school's shares next to its municipality's (low-result schools), per indicator."""
    shares = [(own, municipal) for own, municipal in pairs
              if own.indicator.unit == Unit.PERCENT]
    return charts.bars(_("The school and the municipality"),
                       [str(own.indicator.name) for own, _municipal in shares], [
                           charts.Series(_("School"), [own.fact for own, _m in shares]),
                           charts.Series(_("Municipality"), [m.fact for _own, m in shares],
                                         charts.GREY)],
                       unit=charts.Unit.PERCENT, category_label=_("Indicator"))


def chart_unit(unit: Unit) -> charts.Unit:
    return charts.Unit.PERCENT if unit == Unit.PERCENT else charts.Unit.COUNT


def _trend(school_ids, period: Period, level: TargetLevel, code: str,
           live: bool) -> charts.Chart:
    periods = recent(period, TREND_PERIODS)
    values = trend_values(school_ids, periods, level, code, live=live)
    indicator = values[-1].indicator
    return charts.trend(
        str(indicator.name), [p.label for p in periods],
        charts.Series(_("Fact"), [value.fact for value in values]),
        charts.Series(_("Plan"), [value.plan for value in values], charts.TARGET_COLOUR),
        unit=chart_unit(indicator.unit), category_label=_("Period"))
