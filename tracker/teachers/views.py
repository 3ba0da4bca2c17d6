"""Teachers: the list, the card, adding, editing, deactivating and purging personal data.

The other pages of the blueprint live in views_records (diagnostics, plans, courses),
views_school (a school's staff, mentoring, the courses table, domains) and views_import.
"""
from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import func, or_
from sqlalchemy.orm import selectinload

from tracker import audit
from tracker.editing import save_versioned_edit
from tracker.auth.forms import EmptyForm
from tracker.auth.models import Role
from tracker.db import db
from tracker.errors import DomainError
from tracker.permissions import (STAFF_EDITORS, can_edit, can_edit_staff, get_visible_or_404,
                                 role_required, signed_in, visible_schools, visible_teachers)
from tracker.schools.models import School
from tracker.teachers import services
from tracker.teachers.forms import (CourseForm, PlanFromDiagnosticForm, TeacherFilterForm,
                                    TeacherForm)
from tracker.teachers.models import DevelopmentPlan, Diagnostic, DiagnosticResult, Teacher

bp = Blueprint("teachers", __name__, url_prefix="/teachers")

TEACHER_LABELS = {"full_name": _l("Full name"), "position": _l("Position"),
                  "subjects": _l("Subjects"), "experience_years": _l("Years of experience")}


def school_choices(*, editable: bool) -> list[tuple[int, str]]:
    schools = db.session.scalars(visible_schools(current_user).where(School.is_active.is_(True))
                                 .order_by(School.sort_key))
    return [(s.id, s.short_name) for s in schools
            if not editable or can_edit_staff(current_user, s)]


@bp.route("/")
@signed_in
def index():
    form = TeacherFilterForm(request.args)
    form.school.choices = [(0, _l("Any"))] + school_choices(editable=False)
    form.validate()
    stmt = visible_teachers(current_user).options(selectinload(Teacher.school))
    if form.q.data:
        pattern = f"%{form.q.data.strip().lower()}%"
        stmt = stmt.where(or_(func.lower(Teacher.full_name).like(pattern),
                              func.lower(Teacher.subjects).like(pattern)))
    if form.school.data:
        stmt = stmt.where(Teacher.school_id == form.school.data)
    if not form.inactive.data:
        stmt = stmt.where(Teacher.is_active.is_(True))
    page = db.paginate(stmt.order_by(School.sort_key, Teacher.full_name),
                       per_page=current_app.config["PAGE_SIZE"], error_out=False)
    return render_template("teachers/index.html", form=form, page=page,
                           can_add=current_user.role in STAFF_EDITORS)


@bp.route("/<int:teacher_id>")
@signed_in
def card(teacher_id: int):
    teacher = get_visible_or_404(Teacher, teacher_id)
    audit.record_personal_data("personal_viewed", teacher)
    return render_card(teacher)


def render_card(teacher: Teacher, *, course_form=None, plan_form=None):
    teacher = db.session.scalars(
        visible_teachers(current_user).where(Teacher.id == teacher.id).options(
            selectinload(Teacher.school),
            selectinload(Teacher.diagnostics).selectinload(Diagnostic.results)
            .selectinload(DiagnosticResult.domain),
            selectinload(Teacher.plans).selectinload(DevelopmentPlan.items),
            selectinload(Teacher.courses))).one()
    editable = can_edit(current_user, teacher)
    return render_template(
        "teachers/card.html", teacher=teacher, can_edit=editable,
        can_purge=current_user.role == Role.ADMIN and not teacher.is_purged,
        course_form=course_form or (CourseForm() if editable else None),
        plan_form=plan_form or (PlanFromDiagnosticForm() if editable else None))


def _teacher_form(formdata=None, obj=None) -> TeacherForm:
    form = TeacherForm(formdata, obj=obj)
    form.school_id.choices = school_choices(editable=True)
    return form


@bp.route("/new", methods=["GET", "POST"])
@role_required(*STAFF_EDITORS)
def create():
    form = _teacher_form(request.form if request.method == "POST" else None)
    form.version.data = "0"
    if form.validate_on_submit():
        school = get_visible_or_404(School, form.school_id.data)
        if not can_edit_staff(current_user, school):
            abort(403)
        try:
            teacher = services.create_teacher(
                **{name: form[name].data for name in services.TEACHER_FIELDS})
        except DomainError as error:
            form.full_name.errors.append(str(error))
        else:
            db.session.commit()
            flash(_("The teacher has been added."), "success")
            return redirect(url_for(".card", teacher_id=teacher.id))
    return render_template("teachers/form.html", form=form, teacher=None)


@bp.route("/<int:teacher_id>/edit", methods=["GET", "POST"])
@role_required(*STAFF_EDITORS)
def edit(teacher_id: int):
    teacher = get_visible_or_404(Teacher, teacher_id, edit=True)
    form = _teacher_form(request.form if request.method == "POST" else None, obj=teacher)
    differences = []
    if form.validate_on_submit():
        differences = save_versioned_edit(
            teacher, form, TEACHER_LABELS,
            lambda: services.update_teacher(
                teacher, version=form.version.data,
                **{name: form[name].data for name in services.TEACHER_FIELDS}),
            error_field=form.full_name)
        if differences is None:
            flash(_("Changes saved."), "success")
            return redirect(url_for(".card", teacher_id=teacher.id))
    return render_template("teachers/form.html", form=form, teacher=teacher,
                           differences=differences)


@bp.route("/<int:teacher_id>/purge", methods=["POST"])
@role_required(Role.ADMIN)
def purge(teacher_id: int):
    teacher = get_visible_or_404(Teacher, teacher_id)
    if EmptyForm().validate_on_submit():
        rewritten = services.purge_teacher(teacher)
        audit.record("purge", object_type="Teacher", object_id=teacher.id,
                     municipality_id=teacher.audit_municipality_id, changes=rewritten)
        db.session.commit()
        flash(_("The person's data have been removed; the records stay anonymized."), "success")
    return redirect(url_for(".card", teacher_id=teacher.id))

