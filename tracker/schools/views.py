from datetime import date

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from tracker.editing import save_versioned_edit
from tracker.auth.forms import EmptyForm
from tracker.auth.models import CuratorAssignment, Role, User
from tracker.db import db
from tracker.errors import DomainError
from tracker.permissions import (MANAGERS, can_assign_curators, can_edit, get_visible_or_404,
                                 role_required, signed_in, visible_schools)
from tracker.schools import queries, services
from tracker.schools.forms import AssignCuratorForm, SchoolFilterForm, SchoolForm, YearStatusForm
from tracker.schools.models import School

bp = Blueprint("schools", __name__, url_prefix="/schools")

SCHOOL_LABELS = {"full_name": _l("Full official name"), "short_name": _l("Short name"),
                 "legal_form": _l("Legal form"), "org_type": _l("Organization type"),
                 "parent_id": _l("Department of")}


@bp.route("/")
@signed_in
def index():
    form = SchoolFilterForm(request.args)
    form.category.choices = [(0, _l("Any"))] + queries.category_choices(current_user)
    form.municipality.choices = [(0, _l("Any"))] + queries.municipality_choices(current_user)
    form.validate()
    year = form.year.data or queries.latest_listing_year(current_user) or date.today().year
    stmt = queries.filtered_schools(
        current_user, q=form.q.data, year=year, category=form.category.data,
        project_500=form.project_500.data, org_type=form.org_type.data or None,
        municipality=form.municipality.data)
    page = db.paginate(stmt, per_page=current_app.config["PAGE_SIZE"], error_out=False)
    return render_template("schools/index.html", form=form, page=page, year=year,
                           can_create=current_user.role in MANAGERS)


@bp.route("/<int:school_id>")
@signed_in
def card(school_id: int):
    return _render_card(get_visible_or_404(School, school_id))


def _render_card(school: School, *, status_form=None, assign_form=None):
    """The school card; a rejected small form comes back with what the user typed."""
    context = {"school": school, "can_edit": can_edit(current_user, school),
               "post_form": EmptyForm()}
    if context["can_edit"]:
        context["status_form"] = status_form or _status_form(school)
    if can_assign_curators(current_user, school):
        context["assign_form"] = assign_form or _assign_form(school)
        context["assignments"] = db.session.scalars(
            select(CuratorAssignment).options(selectinload(CuratorAssignment.curator))
            .where(CuratorAssignment.school_id == school.id)
            .order_by(CuratorAssignment.starts_on.desc())).all()
    return render_template("schools/card.html", **context)


def _status_form(school: School, formdata=None) -> YearStatusForm:
    form = YearStatusForm(formdata)
    regional = [(c.id, c.name) for c in school.municipality.region.categories if c.is_active]
    form.category_id.choices = [(0, _l("Not on the list"))] + regional
    return form


def _assign_form(school: School, formdata=None) -> AssignCuratorForm:
    form = AssignCuratorForm(formdata)
    form.curator_id.choices = [(u.id, u.full_name)
                               for u in db.session.scalars(services.curator_pool(school))]
    return form


def _school_form(formdata=None, obj=None) -> SchoolForm:
    form = SchoolForm(formdata, obj=obj)
    form.municipality_id.choices = queries.municipality_choices(current_user)
    if current_user.role == Role.COORDINATOR:
        form.municipality_id.data = current_user.municipality_id
    form.parent_id.choices += [
        (s.id, s.short_name) for s in db.session.scalars(
            visible_schools(current_user).where(School.parent_id.is_(None))
            .order_by(School.sort_key))
        if obj is None or s.id != obj.id]
    return form


@bp.route("/new", methods=["GET", "POST"])
@role_required(*MANAGERS)
def create():
    form = _school_form(request.form if request.method == "POST" else None)
    form.version.data = "0"
    if form.validate_on_submit():
        fields = {name: form[name].data for name in services.SCHOOL_FIELDS}
        try:
            school = services.create_school(**fields)
        except DomainError as error:
            flash(str(error), "danger")
        else:
            db.session.commit()
            flash(_("The organization has been created."), "success")
            return redirect(url_for(".card", school_id=school.id))
    return render_template("schools/form.html", form=form, school=None)


@bp.route("/<int:school_id>/edit", methods=["GET", "POST"])
@role_required(*MANAGERS)
def edit(school_id: int):
    school = get_visible_or_404(School, school_id, edit=True)
    form = _school_form(request.form if request.method == "POST" else None, obj=school)
    differences = []
    if form.validate_on_submit():
        fields = {name: form[name].data for name in services.SCHOOL_FIELDS}
        differences = save_versioned_edit(
            school, form, SCHOOL_LABELS,
            lambda: services.update_school(school, version=form.version.data, **fields))
        if differences is None:
            flash(_("Changes saved."), "success")
            return redirect(url_for(".card", school_id=school.id))
    return render_template("schools/form.html", form=form, school=school, differences=differences)


@bp.route("/<int:school_id>/status", methods=["POST"])
@role_required(*MANAGERS)
def set_status(school_id: int):
    school = get_visible_or_404(School, school_id, edit=True)
    form = _status_form(school, request.form)
    if form.validate_on_submit():
        services.set_year_status(school, year=form.year.data, category_id=form.category_id.data,
                                 is_project_500=form.is_project_500.data)
        db.session.commit()
        flash(_("The status for %(year)s has been saved.", year=form.year.data), "success")
        return redirect(url_for(".card", school_id=school.id))
    return _render_card(school, status_form=form)


@bp.route("/<int:school_id>/curators", methods=["POST"])
@role_required(*MANAGERS)
def assign_curator(school_id: int):
    school = get_visible_or_404(School, school_id, edit=True)
    form = _assign_form(school, request.form)
    if form.validate_on_submit():
        curator = db.session.get(User, form.curator_id.data)
        try:
            services.assign_curator(school, curator=curator, starts_on=form.starts_on.data,
                                    ends_on=form.ends_on.data)
        except DomainError as error:
            form.curator_id.errors.append(str(error))
        else:
            db.session.commit()
            flash(_("The curator has been assigned."), "success")
            return redirect(url_for(".card", school_id=school.id))
    return _render_card(school, assign_form=form)


@bp.route("/assignments/<int:assignment_id>/end", methods=["POST"])
@role_required(*MANAGERS)
def end_assignment(assignment_id: int):
    assignment = get_visible_or_404(CuratorAssignment, assignment_id, edit=True)
    if EmptyForm().validate_on_submit():
        services.end_assignment(assignment, on=date.today())
        db.session.commit()
        flash(_("The assignment has ended."), "success")
    return redirect(url_for(".card", school_id=assignment.school_id))
