"""Typing in the values of entered indicators: a school's own (its director or coordinator),
and the municipality's page — values counted once for the municipality and a grid of every
school's values — for the coordinator. A refused value is shown on its input, nothing is saved."""
from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from tracker.auth.models import Role
from tracker.db import db
from tracker.errors import DomainError
from tracker.indicators import catalogue, services
from tracker.indicators.entry_forms import (read_value, show_value, value_field_names,
                                            values_form)
from tracker.indicators.figures import FigureRefused
from tracker.indicators.models import EnteredValue, Level
from tracker.indicators.views import bp, chosen_period
from tracker.permissions import (MANAGERS, can_edit_indicator_values, get_visible_or_404,
                                 role_required, visible_schools)
from tracker.schools.models import Municipality, School


def _entered_indicators(kind: str, place_id: int, period, level: str):
    return [i for i in catalogue.for_place(kind, place_id, periodicity=period.periodicity)
            if not i.is_computed and i.level == level]


@bp.route("/school/<int:school_id>/values", methods=["GET", "POST"])
@role_required(Role.ADMIN, Role.COORDINATOR, Role.DIRECTOR)
def entered(school_id: int):
    place = get_visible_or_404(School, school_id)
    if not can_edit_indicator_values(current_user, place):
        abort(403)
    period = chosen_period()
    indicators = _entered_indicators("school", place.id, period, Level.SCHOOL)
    rows = [("", indicators)]
    form = values_form(rows)()
    if not form.is_submitted():
        _show_stored(form, rows, period, {"": ("school", place.id)})
    if form.validate_on_submit() and _save(form, rows, period, {"": ("school", place.id)}):
        flash(_("Values saved."), "success")
        return redirect(url_for(".school", school_id=place.id, period=period.code))
    return render_template("indicators/entered.html", place=place, period=period, form=form,
                           indicators=indicators, names=value_field_names), \
        422 if form.errors else 200


@bp.route("/municipality/<int:municipality_id>/values", methods=["GET", "POST"])
@role_required(*MANAGERS)
def municipal_values(municipality_id: int):
    """The municipality's own values and, per indicator entered by schools, a grid of schools."""
    place = get_visible_or_404(Municipality, municipality_id)
    period = chosen_period()
    once = _entered_indicators("municipality", place.id, period, Level.MUNICIPALITY)
    by_school = _entered_indicators("municipality", place.id, period, Level.SCHOOL)
    schools = db.session.scalars(visible_schools(current_user).where(
        School.municipality_id == place.id, School.is_active.is_(True))
        .order_by(School.sort_key)).all() if by_school else []
    rows = [("m-", once)] + [(f"s{school.id}-", by_school) for school in schools]
    places = {"m-": ("municipality", place.id)} | {
        f"s{school.id}-": ("school", school.id) for school in schools}
    form = values_form(rows)()
    if not form.is_submitted():
        _show_stored(form, rows, period, places)
    if form.validate_on_submit() and _save(form, rows, period, places):
        flash(_("Values saved."), "success")
        return redirect(url_for(".municipality", municipality_id=place.id, period=period.code))
    return render_template("indicators/municipal_values.html", place=place, period=period,
                           form=form, once=once, by_school=by_school, schools=schools,
                           names=value_field_names), 422 if form.errors else 200


def _show_stored(form, rows, period, places) -> None:
    """Fill the inputs with the values stored for the period (one query)."""
    codes = {indicator.code for _prefix, indicators in rows for indicator in indicators}
    entries = db.session.scalars(select(EnteredValue).where(
        EnteredValue.code.in_(codes), EnteredValue.period == period.code)).all()
    stored = {(e.code, "school" if e.school_id else "municipality",
               e.school_id or e.municipality_id): e for e in entries}
    for prefix, indicators in rows:
        kind, place_id = places[prefix]
        for indicator in indicators:
            show_value(form, prefix, indicator, stored.get((indicator.code, kind, place_id)))


def _save(form, rows, period, places) -> bool:
    """Every typed value saved, every emptied one removed; on a refused value nothing is saved
    and the message goes to its inputs."""
    refused = False
    for prefix, indicators in rows:
        kind, place_id = places[prefix]
        where = {"school_id": place_id} if kind == "school" else {"municipality_id": place_id}
        for indicator in indicators:
            typed = read_value(form, prefix, indicator)
            try:
                if typed is None:
                    services.clear_value(code=indicator.code, period=period, **where)
                else:
                    services.enter_value(code=indicator.code, period=period, by_id=current_user.id,
                                         **where, **typed)
            except (FigureRefused, DomainError) as error:
                form[value_field_names(prefix, indicator)[0]].errors = [str(error)]
                refused = True
    if refused:
        db.session.rollback()
        flash(_("The values were not saved: check the marked inputs."), "danger")
        return False
    db.session.commit()
    return True
