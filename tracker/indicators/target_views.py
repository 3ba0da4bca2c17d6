"""Targets («план») per indicator and half-year: a municipality's and its schools' by the
coordinator, a region's by the regional coordinator."""
from decimal import Decimal

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from tracker.auth.models import Role
from tracker.db import db
from tracker.indicators import services
from tracker.indicators.calculations import Unit
from tracker.indicators.forms import YES_TARGET, target_form
from tracker.indicators.views import bp, chosen_period
from tracker.permissions import MANAGERS, get_visible_or_404, role_required
from tracker.schools.models import Municipality, Region, School


@bp.route("/municipality/<int:municipality_id>/targets", methods=["GET", "POST"])
@role_required(*MANAGERS)
def targets(municipality_id: int):
    place = get_visible_or_404(Municipality, municipality_id)
    return _edit(place.name, services.TargetLevel("municipality", place.id),
                 lambda period: url_for(".municipality", municipality_id=place.id,
                                        period=period.code))


@bp.route("/region/<int:region_id>/targets", methods=["GET", "POST"])
@role_required(Role.ADMIN, Role.REGIONAL)
def region_targets(region_id: int):
    place = get_visible_or_404(Region, region_id)
    return _edit(place.name, services.TargetLevel("region", place.id),
                 lambda period: url_for(".region", region_id=place.id, period=period.code))


@bp.route("/school/<int:school_id>/targets", methods=["GET", "POST"])
@role_required(*MANAGERS)
def school_targets(school_id: int):
    place = get_visible_or_404(School, school_id)
    return _edit(place.short_name, services.TargetLevel("school", place.id),
                 lambda period: url_for(".school", school_id=place.id, period=period.code))


def _edit(name: str, level: services.TargetLevel, done_url):
    period = chosen_period()
    indicators = services.indicators_for(level, period)
    codes = [i.code for i in indicators]
    yes_no = {i.code for i in indicators if i.unit == Unit.YES_NO}
    form = target_form(codes, yes_no)()
    if request.method == "GET":
        current = services.targets_for(period, level)
        for code in codes:
            form[code].data = _field_data(current.get(code), code in yes_no)
    if form.validate_on_submit():
        for code in codes:
            value = _value(form[code].data, code in yes_no)
            if value is None:
                services.remove_target(code=code, period=period, level=level)
            else:
                services.set_target(code=code, period=period, level=level, value=value)
        db.session.commit()
        flash(_("Targets saved."), "success")
        return redirect(done_url(period))
    return render_template("indicators/targets.html", name=name, period=period, form=form,
                           indicators=indicators)


def _field_data(value: Decimal | None, yes_no: bool):
    if yes_no:
        return YES_TARGET if value else ""
    return value


def _value(data, yes_no: bool) -> Decimal | None:
    if yes_no:
        return Decimal(1) if data == YES_TARGET else None
    return data
