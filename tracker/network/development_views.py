"""Methodical developments: the list with how far they spread, recording, correcting, deleting."""
from datetime import date

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from tracker.db import db
from tracker.editing import save_versioned_edit
from tracker.network import development_queries, labels
from tracker.network import development_services as services
from tracker.network.blueprint import bp, chosen_municipality, municipality_choices, organizations_of
from tracker.network.development_models import MethodicalDevelopment
from tracker.network.forms import DeleteDevelopmentForm, DevelopmentFilterForm, DevelopmentForm
from tracker.permissions import (EVENT_VIEWERS, can_edit, get_visible_or_404, role_required,
                                 visible_school_ids)
from tracker.schools.models import School

EDITORS = MethodicalDevelopment.editors
DEVELOPMENT_LABELS = {"school_id": _l("Organization"), "title": _l("Title"),
                      "authors": _l("Authors"), "kind": _l("Kind"), "reach": _l("Reach"),
                      "dated_on": _l("Date"), "publication": _l("Published"),
                      "link": _l("Link")}


def _addable(municipality_id: int, organizations: list[School] | None = None) -> list[School]:
    """The organizations of the municipality where the user may record developments: those in
    the user's scope (`organizations_of` shows no other), when the role records them."""
    if current_user.role not in EDITORS:
        return []
    return organizations if organizations is not None else organizations_of(municipality_id)


@bp.route("/developments")
@role_required(*EVENT_VIEWERS)
def developments():
    form = DevelopmentFilterForm(request.args)
    form.municipality.choices = municipality_choices()
    municipality = chosen_municipality(request.args.get("municipality", type=int))
    organizations = organizations_of(municipality.id) if municipality else []
    form.school.choices = [(0, _l("All organizations"))] + [(s.id, s.short_name)
                                                            for s in organizations]
    form.validate()
    if municipality is None:
        return render_template("network/developments.html", form=form, municipality=None)
    form.municipality.data = municipality.id
    shown = [s.id for s in organizations if form.school.data in (None, 0, s.id)]
    stmt = (select(MethodicalDevelopment).options(selectinload(MethodicalDevelopment.school))
            .where(MethodicalDevelopment.school_id.in_(shown),
                   MethodicalDevelopment.school_id.in_(visible_school_ids(current_user)))
            .order_by(MethodicalDevelopment.dated_on.desc(), MethodicalDevelopment.id.desc()))
    if form.reach.data:
        stmt = stmt.where(MethodicalDevelopment.reach == form.reach.data)
    day = date.today()  # the list shows every development recorded so far
    page = db.paginate(stmt, per_page=current_app.config["PAGE_SIZE"], error_out=False)
    addable = {school.id for school in _addable(municipality.id, organizations)}
    return render_template(
        "network/developments.html", form=form, municipality=municipality, page=page,
        labels=labels, day=day, editable={d.id for d in page.items if d.school_id in addable},
        summary=development_queries.summary(development_queries.developments_as_of(shown, day)),
        can_create=bool(addable))


def _form(municipality_id: int, formdata=None, obj=None) -> DevelopmentForm:
    form = DevelopmentForm(formdata, obj=obj)
    form.school_id.choices = [(s.id, s.short_name) for s in _addable(municipality_id)]
    if obj is not None and obj.school_id not in {key for key, _label in form.school_id.choices}:
        form.school_id.choices.insert(0, (obj.school_id, obj.school.short_name))
    return form


def _fields(form: DevelopmentForm) -> dict:
    return {name: form[name].data for name in services.DEVELOPMENT_FIELDS}


def _list_url(development: MethodicalDevelopment) -> str:
    return url_for(".developments", municipality=development.school.municipality_id)


@bp.route("/developments/new", methods=["GET", "POST"])
@role_required(*EDITORS)
def create_development():
    municipality = chosen_municipality(request.args.get("municipality", type=int))
    if municipality is None or not _addable(municipality.id):
        abort(404)
    form = _form(municipality.id, request.form if request.method == "POST" else None)
    form.version.data = "0"
    if request.method == "GET" and len(form.school_id.choices) == 1:
        form.school_id.data = form.school_id.choices[0][0]
    if form.validate_on_submit():
        development = services.record_development(**_fields(form))
        db.session.commit()
        flash(_("The methodical development has been recorded."), "success")
        return redirect(_list_url(development))
    return render_template("network/development_form.html", form=form, development=None,
                           municipality=municipality)


@bp.route("/developments/<int:development_id>/edit", methods=["GET", "POST"])
@role_required(*EDITORS)
def edit_development(development_id: int):
    development = get_visible_or_404(MethodicalDevelopment, development_id, edit=True)
    form = _form(development.school.municipality_id,
                 request.form if request.method == "POST" else None, obj=development)
    if request.method == "GET":
        form.publication.data = development.publication or ""
    differences = []
    if form.validate_on_submit():
        differences = save_versioned_edit(
            development, form, DEVELOPMENT_LABELS,
            lambda: services.update_development(development, version=form.version.data,
                                                **_fields(form)))
        if differences is None:
            flash(_("Changes saved."), "success")
            return redirect(_list_url(development))
    return render_template("network/development_form.html", form=form, development=development,
                           municipality=development.school.municipality,
                           differences=differences, delete_form=DeleteDevelopmentForm(),
                           can_delete=can_edit(current_user, development))


@bp.route("/developments/<int:development_id>/delete", methods=["POST"])
@role_required(*EDITORS)
def delete_development(development_id: int):
    development = get_visible_or_404(MethodicalDevelopment, development_id, edit=True)
    if not DeleteDevelopmentForm().validate_on_submit():
        return redirect(url_for(".edit_development", development_id=development.id))
    back = _list_url(development)
    services.delete_development(development)
    db.session.commit()
    flash(_("The methodical development has been deleted."), "success")
    return redirect(back)
