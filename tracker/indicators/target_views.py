"""Targets («план») per indicator and period of any kind: a municipality's and its schools' by
the coordinator, a region's by the regional coordinator, and one indicator's for every school of
a municipality in one grid."""
from decimal import Decimal

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from sqlalchemy import select

from tracker.auth.models import Role
from tracker.db import db
from tracker.indicators import catalogue, services
from tracker.indicators.calculations import Unit
from tracker.indicators.forms import NO_TARGET, YES_TARGET, target_form
from tracker.indicators.models import Level
from tracker.indicators.views import bp, chosen_period
from tracker.periods import containing
from tracker.permissions import MANAGERS, get_visible_or_404, role_required
from tracker.schools.models import Municipality, Region, School


@bp.route("/municipality/<int:municipality_id>/targets", methods=["GET", "POST"])
@role_required(*MANAGERS)
def targets(municipality_id: int):
    place = get_visible_or_404(Municipality, municipality_id)
    return _edit(place.name, services.TargetLevel("municipality", place.id),
                 lambda period: url_for(".municipality", municipality_id=place.id,
                                        period=period.code), municipality_id=place.id)


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


def _edit(name: str, level: services.TargetLevel, done_url, municipality_id: int | None = None):
    period = chosen_period()
    indicators = services.indicators_for(level, period)
    if level.kind == "school":  # a school's own target only where the value is the school's
        indicators = [i for i in indicators if i.level == Level.SCHOOL]
    form = target_form({i.code: (i.name, i) for i in indicators})()
    if request.method == "GET":
        current = services.targets_for(period, level)
        for indicator in indicators:
            form[indicator.code].data = _field_data(current.get(indicator.code), indicator)
    if form.validate_on_submit():
        try:
            for indicator in indicators:
                _save(indicator, form[indicator.code].data, period, level)
        except services.BadTarget as error:
            db.session.rollback()
            form[error.field].errors.append(error.reason)
        else:
            db.session.commit()
            flash(_("Targets saved."), "success")
            return redirect(done_url(period))
    return render_template("indicators/targets.html", name=name, period=period, form=form,
                           indicators=indicators, municipality_id=municipality_id,
                           endpoint=request.endpoint, view_args=request.view_args
                           ), 422 if form.errors else 200


def _save(indicator, data, period, level) -> None:
    value = _value(data, indicator)
    if value is None:
        services.remove_target(code=indicator.code, period=period, level=level)
    else:
        services.set_target(code=indicator.code, period=period, level=level, value=value)


@bp.route("/municipality/<int:municipality_id>/targets/<code>", methods=["GET", "POST"])
@role_required(*MANAGERS)
def school_grid(municipality_id: int, code: str):
    """One school-level indicator's targets for every school of the municipality."""
    place = get_visible_or_404(Municipality, municipality_id)
    indicator = catalogue.find("municipality", place.id, code, include_retired=False)
    if indicator is None or indicator.level != Level.SCHOOL:
        abort(404)
    period = chosen_period()
    if period.periodicity != indicator.periodicity:
        period = containing(period.starts_on, indicator.periodicity)
    schools = db.session.scalars(select(School).where(School.municipality_id == place.id)
                                 .order_by(School.short_name)).all()
    form = target_form({f"s{school.id}": (school.short_name, indicator) for school in schools})()
    if request.method == "GET":
        current = services.school_targets_of(code, period, [school.id for school in schools])
        for school in schools:
            form[f"s{school.id}"].data = _field_data(current.get(school.id), indicator)
    if form.validate_on_submit():
        try:
            services.set_school_targets(code=code, period=period, municipality_id=place.id,
                                        values={school.id: _value(form[f"s{school.id}"].data,
                                                                  indicator)
                                                for school in schools})
        except services.BadTarget as error:
            db.session.rollback()
            flash(str(error), "danger")
        else:
            db.session.commit()
            flash(_("Targets saved."), "success")
            return redirect(url_for(".targets", municipality_id=place.id, period=period.code))
    return render_template("indicators/school_grid.html", place=place, indicator=indicator,
                           period=period, form=form, schools=schools
                           ), 422 if form.errors else 200


def _field_data(value: Decimal | None, indicator):
    if indicator.unit == Unit.YES_NO:
        return "" if value is None else (YES_TARGET if value else NO_TARGET)
    return value


def _value(data, indicator) -> Decimal | None:
    if indicator.unit == Unit.YES_NO:
        return {YES_TARGET: Decimal(1), NO_TARGET: Decimal(0)}.get(data)
    return data
