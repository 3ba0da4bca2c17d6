from dataclasses import dataclass, field
from datetime import datetime
from io import BytesIO

from flask import (Blueprint, abort, redirect, render_template, request, send_file,
                   url_for)
from flask_babel import gettext as _
from flask_login import current_user

from tracker import storage
from tracker.auth.models import Role
from tracker.db import db
from tracker.indicators import catalogue, dashboard as dashboards, panels, services
from tracker.freezing import submitted_at
from tracker.indicators.comparison import differences
from tracker.indicators.export import indicator_table_rows, indicator_workbook
from tracker.indicators.forms import PeriodForm
from tracker.indicators.providers import drilldown_of
from tracker.indicators.scope import low_result_school_ids, single_school_ids
from tracker.periods import Period
from tracker.permissions import (MANAGERS, can_edit_indicator_values, get_visible_or_404,
                                 role_required, signed_in, visible_municipalities,
                                 visible_school_ids)
from tracker.schools.models import Municipality, Region, School
from tracker.working_period import working_period
from tracker.ui import STATUS_LABELS

bp = Blueprint("indicators", __name__, url_prefix="/indicators")


@bp.context_processor
def period_kinds() -> dict:
    """The kinds of period the selectors of these pages offer."""
    return {"PERIODICITIES": catalogue.periodicities_in_use()}


def chosen_period() -> Period:
    form = PeriodForm(request.args)
    if form.validate() and form.period.period is not None:
        return form.period.period
    return working_period(current_user)


@dataclass
class Submission:
    """A submitted period on a page: when it was submitted, whether the live figures are asked
    for instead, and the figures that changed since."""

    at: datetime | None
    live: bool
    changes: list = field(default_factory=list)


def submission_of(municipality_id: int, period) -> Submission:
    at = submitted_at(municipality_id, period.code)
    return Submission(at, at is not None and request.args.get("live") == "1")


@bp.route("/")
@signed_in
def index():
    period = chosen_period().code
    if current_user.role == Role.COORDINATOR:
        return redirect(url_for(".municipality", municipality_id=current_user.municipality_id,
                                period=period))
    if current_user.role == Role.DIRECTOR:
        return redirect(url_for(".school", school_id=current_user.school_id, period=period))
    if current_user.role == Role.CURATOR:
        return redirect(url_for(".curator", period=period))
    if current_user.role == Role.REGIONAL:
        return redirect(url_for(".region", region_id=current_user.region_id, period=period))
    municipalities = db.session.scalars(visible_municipalities(current_user)).all()
    return render_template("indicators/choose.html", municipalities=municipalities,
                           period=period)


@bp.route("/region/<int:region_id>")
@role_required(Role.ADMIN, Role.REGIONAL)
def region(region_id: int):
    place = get_visible_or_404(Region, region_id)
    board, rows = dashboards.regional_dashboard(place, chosen_period())
    return render_template("indicators/region.html", place=place, board=board, rows=rows,
                           panels=panels.regional_panels(place, board.period,
                                                         [row.municipality for row in rows]))


@bp.route("/region/<int:region_id>/<code>")
@role_required(Role.ADMIN, Role.REGIONAL)
def region_breakdown(region_id: int, code: str):
    """One indicator of the region per municipality; each opens the municipality's breakdown."""
    place = get_visible_or_404(Region, region_id)
    indicator = catalogue.find("region", place.id, code) or abort(404)
    board, rows = dashboards.regional_dashboard(place, chosen_period())
    value = board.value(code)
    chart = dashboards.indicator_bars(value, [(row.municipality.name, row.cells.get(code))
                                              for row in rows], _("Municipality"))
    return render_template("indicators/region_breakdown.html", place=place, indicator=indicator,
                           value=value, rows=rows, period=board.period, chart=chart)


@bp.route("/municipality/<int:municipality_id>")
@role_required(Role.ADMIN, Role.REGIONAL, Role.COORDINATOR)
def municipality(municipality_id: int):
    place = get_visible_or_404(Municipality, municipality_id)
    period = chosen_period()
    submission = submission_of(place.id, period)
    board = dashboards.municipal_dashboard(place, period,
                                           dashboards.focus_code(request.args.get("focus")),
                                           live=submission.live)
    if submission.at is not None:
        other = dashboards.municipal_dashboard(place, period, live=not submission.live).values
        submitted, live = (other, board.values) if submission.live else (board.values, other)
        submission.changes = list(differences(submitted, live).values())
    return render_template("indicators/municipality.html", place=place, board=board,
                           submission=submission, can_set_targets=current_user.role in MANAGERS,
                           panels=panels.municipal_panels(place, board.period,
                                                          [row.school for row in board.rows]))


@bp.route("/municipality/<int:municipality_id>/export.xlsx")
@role_required(Role.ADMIN, Role.REGIONAL, Role.COORDINATOR)
def export(municipality_id: int):
    place = get_visible_or_404(Municipality, municipality_id)
    period = chosen_period()
    return _workbook_response(place.name, period, services.indicator_values(
        low_result_school_ids(period.year, municipality_id=place.id), period,
        services.TargetLevel("municipality", place.id)))


@bp.route("/region/<int:region_id>/export.xlsx")
@role_required(Role.ADMIN, Role.REGIONAL)
def region_export(region_id: int):
    place = get_visible_or_404(Region, region_id)
    period = chosen_period()
    return _workbook_response(place.name, period, services.indicator_values(
        low_result_school_ids(period.year, region_id=place.id), period,
        services.TargetLevel("region", place.id)))


def _workbook_response(place_name: str, period: Period, values):
    header = [_("Indicator"), _("Numerator"), _("Denominator"), _("Fact"), _("Plan"),
              _("Status")]
    data = indicator_workbook(f"{place_name}: {period.label}", header,
                              indicator_table_rows(values, STATUS_LABELS))
    return send_file(BytesIO(data), as_attachment=True,
                     download_name=f"Показатели {place_name} {period.label}.xlsx",
                     mimetype=storage.CONTENT_TYPES["xlsx"])


@bp.route("/municipality/<int:municipality_id>/<code>")
@role_required(Role.ADMIN, Role.REGIONAL, Role.COORDINATOR)
def breakdown(municipality_id: int, code: str):
    place = get_visible_or_404(Municipality, municipality_id)
    indicator = catalogue.find("municipality", place.id, code) or abort(404)
    period = chosen_period()
    board = dashboards.schools_dashboard(
        low_result_school_ids(period.year, municipality_id=place.id), period,
        services.TargetLevel("municipality", place.id), codes=(code,))
    value = board.value(code)
    chart = dashboards.indicator_bars(value, [
        (row.school.short_name, row.cells.get(code) or value.by_school.get(row.school.id))
        for row in board.rows], _("School"))
    return render_template("indicators/breakdown.html", place=place, indicator=indicator,
                           value=value, rows=board.rows, period=period, chart=chart)


@bp.route("/curator")
@role_required(Role.CURATOR)
def curator():
    period = chosen_period()
    school_ids = low_result_school_ids(period.year, within=visible_school_ids(current_user))
    board = dashboards.schools_dashboard(school_ids, period,
                                         services.TargetLevel("municipality",
                                                              current_user.municipality_id or 0))
    return render_template("indicators/schools.html", board=board)


@bp.route("/school/<int:school_id>")
@signed_in
def school(school_id: int):
    place = get_visible_or_404(School, school_id)
    period = chosen_period()
    own = services.indicator_values(single_school_ids(place.id), period,
                                    services.TargetLevel("school", place.id))
    municipal = services.indicator_values(
        low_result_school_ids(period.year, municipality_id=place.municipality_id), period,
        services.TargetLevel("municipality", place.municipality_id))
    pairs = list(zip(own, municipal))
    return render_template("indicators/school.html", place=place, period=period, pairs=pairs,
                           chart=dashboards.school_comparison(pairs),
                           can_enter=can_edit_indicator_values(current_user, place),
                           can_set_targets=current_user.role in MANAGERS)


@bp.route("/school/<int:school_id>/<code>")
@signed_in
def records(school_id: int, code: str):
    """The records behind one school's figure (drill-down's last step)."""
    place = get_visible_or_404(School, school_id)
    indicator = catalogue.find("school", place.id, code) or abort(404)
    drilldown = drilldown_of(indicator)
    if drilldown is None:
        abort(404)
    period = chosen_period()
    level = services.TargetLevel("school", place.id)
    value, = services.indicator_values(single_school_ids(place.id), period, level, codes=(code,))
    submission = submission_of(place.municipality_id, period)
    if submission.at is not None:  # the records are as they are now: say when they differ
        live, = services.indicator_values(single_school_ids(place.id), period, level,
                                          codes=(code,), live=True)
        submission.changes = list(differences([value], [live]).values())
    return render_template("indicators/records.html", place=place, indicator=indicator,
                           value=value, period=period, records=drilldown(place.id, period),
                           submission=submission)
