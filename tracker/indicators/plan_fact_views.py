"""Plan vs fact over several periods of one kind (2022 and 2023 side by side): a table of every
indicator with its plan, fact and status per period, and a chart of one of them."""
from flask import render_template, request
from flask_babel import gettext as _

from tracker import charts
from tracker.auth.models import Role
from tracker.indicators import services
from tracker.indicators.dashboard import chart_unit
from tracker.indicators.scope import low_result_school_ids
from tracker.indicators.views import bp, chosen_period
from tracker.periods import recent
from tracker.permissions import get_visible_or_404, role_required
from tracker.schools.models import Municipality

PERIODS_SHOWN, MOST_PERIODS = 3, 6


@bp.route("/municipality/<int:municipality_id>/plan-fact")
@role_required(Role.ADMIN, Role.REGIONAL, Role.COORDINATOR)
def plan_fact(municipality_id: int):
    place = get_visible_or_404(Municipality, municipality_id)
    period = chosen_period()
    count = min(max(request.args.get("count", PERIODS_SHOWN, type=int), 2), MOST_PERIODS)
    periods = recent(period, count)
    rows = services.plan_fact(
        lambda shown: low_result_school_ids(shown.year, municipality_id=place.id), periods,
        services.TargetLevel("municipality", place.id))
    focus = _focus(rows, request.args.get("focus"))
    return render_template("indicators/plan_fact.html", place=place, period=period,
                           periods=periods, rows=rows, focus=focus, count=count,
                           counts=range(2, MOST_PERIODS + 1),
                           plan_chart=_chart(focus, periods) if focus else None)


def _focus(rows: list[services.PlanFactRow], requested: str | None):
    """The indicator drawn: the one asked for, else the first with a fact in some period."""
    by_code = {row.indicator.code: row for row in rows}
    if requested in by_code:
        return by_code[requested]
    return next((row for row in rows if any(v.fact is not None for v in row.values)),
                rows[0] if rows else None)


def _chart(row: services.PlanFactRow, periods) -> charts.Chart:
    plans = [None if value.plan is None else float(value.plan) for value in row.values]
    return charts.plan_fact(
        str(row.indicator.name), [p.label for p in periods],
        charts.Series(_("Fact"), [value.fact for value in row.values]),
        charts.Series(_("Plan"), plans, charts.TARGET_COLOUR),
        unit=chart_unit(row.indicator.unit), category_label=_("Period"))
