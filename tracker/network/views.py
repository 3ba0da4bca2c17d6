"""The network dashboard: participation in communities by organization, type and in total."""
from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from tracker.db import db
from tracker import charts
from tracker.errors import DomainError
from tracker.network import counting, labels, queries, services
from tracker.network.blueprint import (bp, chosen_municipality, chosen_period, latest_count_day,
                                       municipality_choices, organization_choices)
from tracker.network.forms import NetworkFilterForm, StaffCountForm, TargetForm
from tracker.network.models import NetworkIndicator
from tracker.permissions import (MANAGERS, NETWORK_VIEWERS, get_visible_or_404, role_required,
                                 visible_school_ids)
from tracker.schools.models import School
from tracker.ui import ORG_TYPE_LABELS


@bp.route("/")
@role_required(*NETWORK_VIEWERS)
def dashboard():
    form = NetworkFilterForm(request.args)
    form.municipality.choices = municipality_choices()
    form.validate()
    municipality = chosen_municipality(form.municipality.data)
    if municipality is None:
        return render_template("network/dashboard.html", form=form, municipality=None)
    period = chosen_period(form.period.data, latest_count_day(municipality.id))
    form.municipality.data, form.period.data = municipality.id, period.code
    return _render_dashboard(form, municipality, period)


def _render_dashboard(form, municipality, period, *, count_form=None, target_form=None):
    scope = visible_school_ids(current_user)
    figures = queries.network_participation(municipality.id, period.code, scope)
    plan_fact = queries.plan_and_fact(municipality.id, scope)
    context = {
        "form": form, "municipality": municipality, "period": period, "figures": figures,
        "communities": queries.communities_count(municipality.id, period.code),
        "plan_fact": plan_fact, "labels": labels, "chart": _chart(figures, plan_fact, period),
        "groups": counting.groups(municipality.id),
        "disagreements": counting.disagreements(municipality.id, period.code, scope),
        "sources": {row.school_id: row.source for row in counting.participation(
            municipality.id, period.code, school_ids=scope)},
    }
    if current_user.role in MANAGERS:
        context["count_form"] = count_form or StaffCountForm(period=period.code)
        context["count_form"].school_id.choices = organization_choices(municipality.id)
        context["target_form"] = target_form or TargetForm(year=period.year)
    return render_template("network/dashboard.html", **context)


def _chart(figures: dict, plan_fact: list[dict], period) -> charts.Chart:
    """Shares of teachers in communities by organization type and in total, against the plan."""
    rows = [*figures["types"], figures["total"]]
    names = [str(ORG_TYPE_LABELS[row.org_type]) for row in figures["types"]]
    plan = next((r["plan"] for r in plan_fact if r["year"] == period.year
                 and r["indicator"] == NetworkIndicator.TEACHERS_SHARE), None)
    return charts.bars(_("Teachers in network communities"), [*names, _("Municipality")],
                       [charts.Series(_("Fact"), [row.teachers.percent for row in rows])],
                       unit=charts.Unit.PERCENT, category_label=_("Organization type"),
                       target=plan, target_name=_("Plan"))


@bp.route("/counts", methods=["POST"])
@role_required(*MANAGERS)
def set_count():
    form = StaffCountForm(request.form)
    municipality = chosen_municipality(request.args.get("municipality", type=int))
    if municipality is None:
        return redirect(url_for(".dashboard"))
    form.school_id.choices = organization_choices(municipality.id)
    if form.validate_on_submit():
        school = get_visible_or_404(School, form.school_id.data, edit=True)
        try:
            services.set_staff_count(school=school, period=form.period.data,
                                     teachers=form.teachers.data,
                                     network_teachers=form.network_teachers.data)
        except DomainError as error:
            flash(str(error), "danger")
        else:
            db.session.commit()
            flash(_("The counts have been saved."), "success")
            return redirect(url_for(".dashboard", municipality=municipality.id,
                                    period=form.period.data))
    flash(_("The counts were not saved: check the form."), "danger")
    filters = NetworkFilterForm(municipality=municipality.id, period=form.period.data)
    filters.municipality.choices = municipality_choices()
    period = chosen_period(form.period.data, latest_count_day(municipality.id))
    return _render_dashboard(filters, municipality, period, count_form=form), 422


@bp.route("/targets", methods=["POST"])
@role_required(*MANAGERS)
def set_target():
    form = TargetForm(request.form)
    municipality = chosen_municipality(request.args.get("municipality", type=int))
    if municipality is None:
        return redirect(url_for(".dashboard"))
    if form.validate_on_submit():
        services.set_target(municipality_id=municipality.id, year=form.year.data,
                            indicator=form.indicator.data, planned=form.planned.data)
        db.session.commit()
        flash(_("The target has been set."), "success")
        return redirect(url_for(".dashboard", municipality=municipality.id))
    filters = NetworkFilterForm(municipality=municipality.id)
    filters.municipality.choices = municipality_choices()
    period = chosen_period(None, latest_count_day(municipality.id))
    return _render_dashboard(filters, municipality, period, target_form=form), 422

