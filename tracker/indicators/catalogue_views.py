"""The catalogue pages: a region's indicators managed by its regional coordinator, a
municipality's own additions by its coordinator (who reads the region's on the same list).
Every change goes through catalogue_services; refusals are shown on their field."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from tracker import labels
from tracker.auth.models import Role
from tracker.db import db
from tracker.errors import DomainError, StaleEdit
from tracker.forms import BaseForm, ConfirmForm
from tracker.indicators import catalogue, catalogue_services as manage
from tracker.indicators.forms import IndicatorForm
from tracker.indicators.models import Indicator
from tracker.indicators.views import bp
from tracker.network.models import Community
from tracker.permissions import (CATALOGUE_EDITORS, can_manage_catalogue_of,
                                 can_manage_indicator, get_visible_or_404, role_required)
from tracker.schools.models import Municipality, Region

REGIONAL_EDITORS = (Role.ADMIN, Role.REGIONAL)


@bp.route("/region/<int:region_id>/catalogue")
@role_required(*REGIONAL_EDITORS)
def catalogue_region(region_id: int):
    place = get_visible_or_404(Region, region_id)
    return _list(place, region=catalogue.indicators_of(place.id, include_retired=True), own=[])


@bp.route("/municipality/<int:municipality_id>/catalogue")
@role_required(*CATALOGUE_EDITORS)
def catalogue_municipality(municipality_id: int):
    place = get_visible_or_404(Municipality, municipality_id)
    found = catalogue.indicators_of(place.region_id, place.id, include_retired=True)
    return _list(place, region=[i for i in found if i.region_id is not None],
                 own=[i for i in found if i.municipality_id is not None])


def _list(place, *, region: list[Indicator], own: list[Indicator]):
    editable = {i.id for i in region + own if can_manage_indicator(current_user, i)}
    return render_template("indicators/catalogue.html", place=place, region=region, own=own,
                           editable=editable, labels=labels,
                           is_region=isinstance(place, Region),
                           can_add=can_manage_catalogue_of(current_user, place))


@bp.route("/region/<int:region_id>/catalogue/new", methods=["GET", "POST"])
@role_required(*REGIONAL_EDITORS)
def indicator_new_region(region_id: int):
    place = get_visible_or_404(Region, region_id)
    return _new(place, region_id=place.id)


@bp.route("/municipality/<int:municipality_id>/catalogue/new", methods=["GET", "POST"])
@role_required(*CATALOGUE_EDITORS)
def indicator_new(municipality_id: int):
    place = get_visible_or_404(Municipality, municipality_id)
    return _new(place, municipality_id=place.id)


def _new(place, **owner):
    if not can_manage_catalogue_of(current_user, place):
        abort(404)
    form = IndicatorForm(communities=_communities(**owner))
    if form.validate_on_submit():
        try:
            indicator = manage.add_indicator(**owner, **form.fields())
        except manage.IndicatorError as error:
            _refused(form, error)
        else:
            db.session.commit()
            flash(_("Indicator added."), "success")
            return redirect(_list_url(indicator))
    return render_template("indicators/indicator_form.html", form=form, place=place,
                           indicator=None, back=_place_list_url(place)
                           ), 422 if form.errors else 200


@bp.route("/catalogue/<int:catalogue_indicator_id>/edit", methods=["GET", "POST"])
@role_required(*CATALOGUE_EDITORS)
def indicator_edit(catalogue_indicator_id: int):
    indicator = get_visible_or_404(Indicator, catalogue_indicator_id)
    form = IndicatorForm(communities=_communities(region_id=indicator.region_id,
                                                  municipality_id=indicator.municipality_id))
    if request.method == "GET":
        form.fill(indicator)
    if form.validate_on_submit():
        try:
            manage.update_indicator(indicator, version=form.version.data or None,
                                    **{**form.fields(), "code": indicator.code})
        except manage.IndicatorError as error:
            db.session.rollback()
            _refused(form, error)
        except StaleEdit as error:
            db.session.rollback()
            flash(str(error), "danger")
        else:
            db.session.commit()
            flash(_("Indicator saved."), "success")
            return redirect(_list_url(indicator))
    form.code.data = indicator.code  # the code never changes: shown, not editable
    return render_template("indicators/indicator_form.html", form=form, indicator=indicator,
                           place=indicator.region or indicator.municipality,
                           back=_list_url(indicator)), 422 if form.errors else 200


@bp.route("/catalogue/<int:catalogue_indicator_id>/retire", methods=["POST"])
@role_required(*CATALOGUE_EDITORS)
def indicator_retire(catalogue_indicator_id: int):
    """Retire an indicator (out of the dashboards, its history kept), or bring it back."""
    indicator = get_visible_or_404(Indicator, catalogue_indicator_id)
    retired = not indicator.is_retired
    if BaseForm().validate_on_submit():  # the CSRF token of the button
        manage.retire_indicator(indicator, retired=retired)
        db.session.commit()
        flash(_("Indicator retired.") if retired else _("Indicator restored."), "success")
    return redirect(_list_url(indicator))


@bp.route("/catalogue/<int:catalogue_indicator_id>/delete", methods=["GET", "POST"])
@role_required(*CATALOGUE_EDITORS)
def indicator_delete(catalogue_indicator_id: int):
    """Delete an indicator without values or targets, after a confirmation step."""
    indicator = get_visible_or_404(Indicator, catalogue_indicator_id)
    back = _list_url(indicator)
    if request.method == "POST" and ConfirmForm().validate_on_submit():
        try:
            manage.delete_indicator(indicator)
        except DomainError as error:
            db.session.rollback()
            flash(str(error), "danger")
        else:
            db.session.commit()
            flash(_("Indicator deleted."), "success")
        return redirect(back)
    return render_template("indicators/indicator_delete.html", indicator=indicator, back=back,
                           has_history=manage.has_history(indicator))


def _refused(form: IndicatorForm, error: manage.IndicatorError) -> None:
    """A service's refusal on its field (the message names the field), the input kept."""
    field = form.field_of(error.field)
    if field is None:
        form.form_errors.append(str(error))
    else:
        field.errors = list(field.errors) + [str(error)]


def _communities(*, region_id: int | None = None, municipality_id: int | None = None
                 ) -> list[str]:
    """The names a community filter may choose: the municipality's communities (a region's:
    those of all its municipalities)."""
    stmt = select(Community.name).distinct().order_by(Community.name)
    if municipality_id is not None:
        stmt = stmt.where(Community.municipality_id == municipality_id)
    else:
        stmt = stmt.where(Community.municipality_id.in_(
            select(Municipality.id).where(Municipality.region_id == region_id)))
    return list(db.session.scalars(stmt))


def _list_url(indicator: Indicator) -> str:
    if indicator.municipality_id is not None:
        return url_for(".catalogue_municipality", municipality_id=indicator.municipality_id)
    return url_for(".catalogue_region", region_id=indicator.region_id)


def _place_list_url(place) -> str:
    if isinstance(place, Region):
        return url_for(".catalogue_region", region_id=place.id)
    return url_for(".catalogue_municipality", municipality_id=place.id)
