"""The indicator table of the report: plan (the targets set for the half-year) and fact
(«50,4 %», computed as «252 из 500»), «ожидается (август)» for values entered later."""
from flask_babel import gettext as _
from flask_babel import ngettext

from tracker.i18n import month_name, number, percent
from tracker.indicators.calculations import Status, Unit
from tracker.indicators.defaults import DEFAULT_CATALOGUE
from tracker.indicators.services import IndicatorValue, TargetLevel, indicator_values
from tracker.reports.document import Image, Table
from tracker.reports.halfyear import charts
from tracker.reports.halfyear.context import ReportContext, ReportWarning, Section
from tracker.urls import Link

REPORT_CODES = tuple(indicator.code for indicator in DEFAULT_CATALOGUE
                     if indicator.in_report_table)


def fact_text(value: IndicatorValue) -> str:
    unit, fraction = value.indicator.unit, value.fraction
    if value.status == Status.EXPECTED and value.indicator.expected_month:
        return _("expected (%(month)s)", month=month_name(value.indicator.expected_month))
    if value.direct is not None:  # typed once for the municipality
        if unit == Unit.YES_NO:
            return _("yes") if value.fact else _("no")
        return percent(value.fact) if unit == Unit.PERCENT else number(value.direct)
    if fraction is None or (unit == Unit.PERCENT and not fraction.denominator):
        return _("no data")
    if unit == Unit.YES_NO:
        return _("yes") if fraction.numerator else _("no")
    if unit == Unit.COUNT:
        return number(fraction.numerator)
    return percent(fraction.percent)


def basis_text(value: IndicatorValue) -> str:
    """What the share is computed from: «252 из 500»."""
    fraction = value.fraction
    if value.indicator.unit != Unit.PERCENT or fraction is None or not fraction.denominator:
        return ""
    return _("%(n)s of %(d)s", n=number(fraction.numerator), d=number(fraction.denominator))


def plan_text(value: IndicatorValue) -> str:
    if value.target is None:
        return "—"
    if value.indicator.unit == Unit.YES_NO:
        return _("yes") if value.target else _("no")
    if value.indicator.unit == Unit.PERCENT:
        return percent(float(value.target))
    return number(value.target)


def indicator_table(values: list[IndicatorValue]) -> Table:
    return Table([_("No."), _("Indicator"), _("Plan"), _("Fact"), _("Computed from")],
                 [[str(n), str(v.indicator.name), plan_text(v), fact_text(v), basis_text(v)]
                  for n, v in enumerate(values, start=1)],
                 widths_cm=[1.0, 9.0, 2.0, 2.5, 2.0])


def indicators_section(ctx: ReportContext, school_ids, level: TargetLevel) -> Section:
    section = Section("indicators", _("Indicators of the program"),
                      comment_field="comment_indicators")
    values = indicator_values(school_ids, ctx.period, level, codes=REPORT_CODES)
    section.blocks.append(indicator_table(values))
    if all(value.target is None for value in values):
        section.warnings.append(ReportWarning(
            _("No targets (plan) of the indicators are set for the half-year."),
            None if ctx.of_one_school else _place_link(TARGET_PAGES, level, ctx.period)))
    empty = [str(v.indicator.name) for v in values if v.status == Status.NO_DATA]
    if empty:
        section.warnings.append(ReportWarning(
            ngettext("No data for %(num)s indicator: %(names)s.",
                     "No data for %(num)s indicators: %(names)s.", len(empty),
                     names="; ".join(empty)),
            _place_link(VALUE_PAGES, level, ctx.period)))
    shown = [v for v in values if v.indicator.is_computed and v.indicator.unit == Unit.PERCENT]
    if ctx.charts and shown:
        section.blocks.append(_chart(shown))
    return section


# where a municipality's or a school's targets and typed-in values are put right (a school's
# targets are the coordinator's: its director's own report does not link to them)
TARGET_PAGES = {"municipality": ("indicators.targets", "municipality_id"),
                "school": ("indicators.school_targets", "school_id")}
VALUE_PAGES = {"municipality": ("indicators.municipal_values", "municipality_id"),
               "school": ("indicators.entered", "school_id")}


def _place_link(pages: dict, level: TargetLevel, period) -> Link | None:
    if level.kind not in pages:
        return None
    endpoint, argument = pages[level.kind]
    return Link(endpoint, period=period.code, **{argument: level.id})


def _chart(shown: list[IndicatorValue]) -> Image:
    png = charts.plan_fact([str(v.indicator.name) for v in shown], [v.fact for v in shown],
                           [float(v.target) if v.target is not None else None for v in shown],
                           _("Fact"), _("Plan"))
    return Image(png, width_cm=16.0, caption=_("Indicators: plan and fact"))
