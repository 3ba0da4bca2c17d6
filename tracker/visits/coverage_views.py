"""Coverage of schools by visits: per school for a municipality, per municipality for a region."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from werkzeug.datastructures import MultiDict

from tracker import audit
from tracker.auth.models import Role
from tracker.db import db
from tracker.permissions import (can_set_coverage_threshold, get_visible_or_404,
                                 role_required, visible_municipalities)
from tracker.schools.models import Municipality
from tracker.visits import coverage, services
from tracker.visits.forms import CoverageFilterForm, ThresholdForm
from tracker.visits.models import DEFAULT_STALE_AFTER_DAYS
from tracker.visits.views import bp
from tracker.working_period import working_period

COVERAGE_ROLES = (Role.ADMIN, Role.REGIONAL, Role.COORDINATOR)


@bp.route("/coverage")
@role_required(*COVERAGE_ROLES)
def coverage_page():
    return _render_coverage(request.args)


def _render_coverage(args, *, threshold_form=None):
    """The page for the filter in `args`; a rejected threshold comes back as typed."""
    form = CoverageFilterForm(args)
    municipalities = db.session.scalars(visible_municipalities(current_user)).all()
    form.municipality.choices = [(0, _l("All municipalities"))] + [
        (m.id, m.name) for m in municipalities]
    form.validate()
    asked = form.municipality.data
    if len(municipalities) < 2:
        del form.municipality  # a coordinator's page has one municipality: nothing to choose
    period = form.period.period or working_period(current_user)
    form.period.data = period.code
    chosen = next((m for m in municipalities if m.id == asked), None)
    if asked and chosen is None:
        audit.record_denied(object_type="Municipality", object_id=asked, reason="scope")
        abort(404)
    if chosen is None and len(municipalities) == 1:
        chosen = municipalities[0]
    context = {"form": form, "period": period, "day": coverage.reference_day(period),
               "municipality": chosen}
    if chosen is None:
        context["municipality_rows"] = coverage.municipality_coverage(
            visible_municipalities(current_user), period)
    else:
        context["school_rows"] = coverage.school_coverage(chosen, period)
        context["periods"], context["curator_rows"] = coverage.curator_visits(chosen, period)
        context["threshold"] = coverage.stale_after_days([chosen.id]).get(
            chosen.id, DEFAULT_STALE_AFTER_DAYS)
        if can_set_coverage_threshold(current_user, chosen):
            context["threshold_form"] = threshold_form or ThresholdForm(
                stale_after_days=context["threshold"])
    return render_template("visits/coverage.html", **context)


@bp.route("/coverage/<int:municipality_id>/threshold", methods=["POST"])
@role_required(Role.ADMIN, Role.COORDINATOR)
def set_threshold(municipality_id: int):
    municipality = get_visible_or_404(Municipality, municipality_id)
    if not can_set_coverage_threshold(current_user, municipality):
        abort(404)
    form = ThresholdForm(request.form)
    if form.validate_on_submit():
        services.set_stale_after(municipality, days=form.stale_after_days.data)
        db.session.commit()
        flash(_("The threshold has been saved."), "success")
        return redirect(url_for(".coverage_page", municipality=municipality.id,
                                period=request.args.get("period", "")))
    args = MultiDict({"municipality": municipality.id, "period": request.args.get("period", "")})
    return _render_coverage(args, threshold_form=form)
