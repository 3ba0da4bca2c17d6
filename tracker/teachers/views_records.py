"""A teacher's diagnostics, development plans and courses."""
from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from tracker.auth.forms import EmptyForm
from tracker.db import db
from tracker.errors import DomainError
from tracker.permissions import STAFF_EDITORS, can_edit, get_visible_or_404, role_required, signed_in
from tracker.teachers import services
from tracker.teachers.forms import (CourseForm, PlanFromDiagnosticForm, PlanItemForm,
                                    PlanStatusForm, diagnostic_form)
from tracker.teachers.models import (DeficitDomain, DevelopmentPlan, Diagnostic, PlanItem,
                                     Teacher)
from tracker.teachers.views import bp, render_card
from tracker.working_period import reference_day


def active_domains() -> list[DeficitDomain]:
    return list(db.session.scalars(select(DeficitDomain).where(DeficitDomain.is_active.is_(True))
                                   .order_by(DeficitDomain.position, DeficitDomain.name)))


@bp.route("/<int:teacher_id>/diagnostics/new", methods=["GET", "POST"])
@role_required(*STAFF_EDITORS)
def diagnostic_new(teacher_id: int):
    teacher = get_visible_or_404(Teacher, teacher_id, edit=True)
    domains = active_domains()
    form = diagnostic_form(domains, request.form if request.method == "POST" else None)
    if form.validate_on_submit():
        results = [{"domain_id": d.id, "score": form[f"d{d.id}_score"].data,
                    "level": form[f"d{d.id}_level"].data,
                    "deficits": form[f"d{d.id}_deficits"].data} for d in domains]
        try:
            services.record_diagnostic(teacher=teacher, held_on=form.held_on.data,
                                       provider=form.provider.data, results=results)
        except DomainError as error:
            form.held_on.errors.append(str(error))
        else:
            db.session.commit()
            flash(_("The diagnostic has been saved."), "success")
            return redirect(url_for(".card", teacher_id=teacher.id))
    return render_template("teachers/diagnostic_form.html", form=form, teacher=teacher,
                           domains=domains)


@bp.route("/diagnostics/<int:diagnostic_id>/plan", methods=["POST"])
@role_required(*STAFF_EDITORS)
def plan_from_diagnostic(diagnostic_id: int):
    diagnostic = get_visible_or_404(Diagnostic, diagnostic_id, edit=True)
    form = PlanFromDiagnosticForm()
    if form.validate_on_submit():
        try:
            plan = services.plan_from_diagnostic(diagnostic, period=form.period.data)
        except DomainError as error:
            form.period.errors.append(str(error))
        else:
            db.session.commit()
            flash(_("A draft plan has been created from the diagnostic."), "success")
            return redirect(url_for(".plan", plan_id=plan.id))
    return render_card(diagnostic.teacher, plan_form=form)


@bp.route("/plans/<int:plan_id>")
@signed_in
def plan(plan_id: int):
    return render_plan(get_visible_or_404(DevelopmentPlan, plan_id))


def render_plan(plan: DevelopmentPlan, *, item_form=None):
    plan = db.session.scalars(select(DevelopmentPlan).where(DevelopmentPlan.id == plan.id)
                              .options(selectinload(DevelopmentPlan.items),
                                       selectinload(DevelopmentPlan.teacher))).one()
    editable = can_edit(current_user, plan)
    return render_template("teachers/plan.html", plan=plan, can_edit=editable,
                           today=reference_day(current_user),
                           item_form=item_form or (PlanItemForm() if editable else None),
                           transitions=services.PLAN_FLOW.get(plan.status, ()))


@bp.route("/plans/<int:plan_id>/status", methods=["POST"])
@role_required(*STAFF_EDITORS)
def plan_status(plan_id: int):
    plan = get_visible_or_404(DevelopmentPlan, plan_id, edit=True)
    form = PlanStatusForm()
    if form.validate_on_submit():
        try:
            services.set_plan_status(plan, status=form.status.data, version=form.version.data)
        except DomainError as error:
            db.session.rollback()
            flash(str(error), "warning")
        else:
            db.session.commit()
            flash(_("The plan's status has been changed."), "success")
    return redirect(url_for(".plan", plan_id=plan_id))


@bp.route("/plans/<int:plan_id>/items", methods=["POST"])
@role_required(*STAFF_EDITORS)
def plan_item_new(plan_id: int):
    plan = get_visible_or_404(DevelopmentPlan, plan_id, edit=True)
    form = PlanItemForm()
    if form.validate_on_submit():
        services.add_plan_item(plan, deficit=form.deficit.data, activity=form.activity.data,
                               due_on=form.due_on.data, result_form=form.result_form.data)
        db.session.commit()
        flash(_("The item has been added."), "success")
        return redirect(url_for(".plan", plan_id=plan.id))
    return render_plan(plan, item_form=form)


@bp.route("/items/<int:item_id>/done", methods=["POST"])
@role_required(*STAFF_EDITORS)
def plan_item_done(item_id: int):
    item = get_visible_or_404(PlanItem, item_id, edit=True)
    if EmptyForm().validate_on_submit():
        services.toggle_item(item)
        db.session.commit()
    return redirect(url_for(".plan", plan_id=item.plan_id))


@bp.route("/<int:teacher_id>/courses", methods=["POST"])
@role_required(*STAFF_EDITORS)
def course_new(teacher_id: int):
    teacher = get_visible_or_404(Teacher, teacher_id, edit=True)
    form = CourseForm()
    if form.validate_on_submit():
        try:
            services.add_course(teacher=teacher, **{name: form[name].data for name in (
                "program_title", "provider", "hours", "completed_on", "is_federal_registry",
                "topic")})
        except DomainError as error:
            form.program_title.errors.append(str(error))
        else:
            db.session.commit()
            flash(_("The course has been added."), "success")
            return redirect(url_for(".card", teacher_id=teacher.id))
    return render_card(teacher, course_form=form)
