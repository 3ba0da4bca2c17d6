"""Anti-risk programs: the list, a school's work page, a program with its indicators and review.

Documents, measures and queues add their routes to the same blueprint from their own modules.
"""
from datetime import date

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from tracker.editing import save_versioned_edit
from tracker.auth.forms import EmptyForm
from tracker.db import db
from tracker.forms import ConfirmForm
from tracker.errors import DomainError
from tracker.permissions import (REVIEWERS, SCHOOL_WORKERS, can_edit, can_review,
                                 can_work_on_school, get_visible_or_404, role_required, signed_in,
                                 visible_programs)
from tracker.programs import services
from tracker.programs import forms as labels
from tracker.programs.forms import (AdoptForm, DocumentUploadForm, IndicatorForm,
                                    MeasureCreateForm, ProgramCreateForm, ProgramFilterForm,
                                    ProgramForm, ReviewForm)
from tracker.programs.measure_models import FINISHED, Measure
from tracker.programs.measure_queries import overdue_on
from tracker.programs.models import (AntiRiskProgram, ConceptDocument, ProgramIndicator,
                                     ReviewTransition)
from tracker.risks.models import RiskDirection, RiskProfile, RiskProfileEntry
from tracker.schools.models import School
from tracker.working_period import reference_day

bp = Blueprint("programs", __name__, url_prefix="/programs")

PROGRAM_LABELS = {"goal": _l("Goal"), "tasks": _l("Tasks (one per line)"),
                  "expected_results": _l("Expected results"),
                  "responsible": _l("Responsible people")}


@bp.record_once
def register_labels(state) -> None:
    """Status names and badge colours for templates and macros (globals reach imported macros)."""
    state.app.jinja_env.globals.update({
            "REVIEW_LABELS": labels.REVIEW_LABELS, "REVIEW_BADGES": labels.REVIEW_BADGES,
            "MEASURE_LABELS": labels.MEASURE_LABELS, "MEASURE_BADGES": labels.MEASURE_BADGES,
            "VERDICT_LABELS": labels.VERDICT_LABELS, "VERDICT_BADGES": labels.VERDICT_BADGES,
            "DOCUMENT_KIND_LABELS": labels.DOCUMENT_KIND_LABELS})


def _year() -> int:
    form = ProgramFilterForm(request.args)
    form.validate()
    if form.year.data and not form.year.errors:
        return form.year.data
    return db.session.scalar(select(func.max(RiskDirection.year))) or date.today().year


@bp.route("/")
@signed_in
def index():
    """Programs in scope with their measure counts (done, overdue) computed in SQL."""
    year = _year()
    day = reference_day(current_user)
    counts = (select(Measure.program_id.label("program_id"),
                     func.count().label("total"),
                     func.count().filter(Measure.status.in_([s.value for s in FINISHED]))
                     .label("finished"),
                     func.count().filter(overdue_on(day)).label("overdue"))
              .group_by(Measure.program_id).subquery())
    stmt = (visible_programs(current_user)
            .join(RiskDirection, AntiRiskProgram.direction_id == RiskDirection.id)
            .outerjoin(counts, counts.c.program_id == AntiRiskProgram.id)
            .where(RiskDirection.year == year)
            .add_columns(counts.c.total, counts.c.finished, counts.c.overdue)
            .options(selectinload(AntiRiskProgram.school), selectinload(AntiRiskProgram.direction))
            .order_by(School.sort_key, RiskDirection.position))
    rows = db.session.execute(stmt).all()
    return render_template("programs/index.html", rows=rows, year=year, today=day)


@bp.route("/schools/<int:school_id>")
@signed_in
def school(school_id: int):
    return _render_school(get_visible_or_404(School, school_id), _year())


def _render_school(school: School, year: int, *, upload_form=None, create_form=None,
                   status: int = 200):
    documents = db.session.scalars(
        select(ConceptDocument).options(selectinload(ConceptDocument.versions))
        .where(ConceptDocument.school_id == school.id, ConceptDocument.year == year)
        .order_by(ConceptDocument.kind)).all()
    programs = db.session.scalars(
        select(AntiRiskProgram).join(RiskDirection)
        .options(selectinload(AntiRiskProgram.direction), selectinload(AntiRiskProgram.measures))
        .where(AntiRiskProgram.school_id == school.id, RiskDirection.year == year)
        .order_by(RiskDirection.position)).all()
    context = {"school": school, "year": year, "documents": documents, "programs": programs,
               "today": reference_day(current_user)}
    if can_work_on_school(current_user, school):
        context["upload_form"] = upload_form or DocumentUploadForm(formdata=None, year=year)
        context["create_form"] = create_form or _create_form(school, year)
    return render_template("programs/school.html", **context), status


def _create_form(school: School, year: int, formdata=None) -> ProgramCreateForm:
    """Directions the school chose in its profile that have no program yet."""
    form = ProgramCreateForm(formdata)
    taken = select(AntiRiskProgram.direction_id).where(AntiRiskProgram.school_id == school.id)
    chosen = db.session.scalars(
        select(RiskDirection).join(RiskProfileEntry).join(RiskProfile)
        .where(RiskProfile.school_id == school.id, RiskProfile.year == year,
               RiskProfileEntry.is_chosen.is_(True), RiskDirection.id.not_in(taken))
        .order_by(RiskDirection.position)).all()
    form.direction_id.choices = [(d.id, d.name) for d in chosen]
    return form


@bp.route("/schools/<int:school_id>/programs", methods=["POST"])
@role_required(*SCHOOL_WORKERS)
def program_new(school_id: int):
    school = get_visible_or_404(School, school_id)
    year = _year()
    form = _create_form(school, year, request.form)
    if form.validate_on_submit():
        direction = db.session.get(RiskDirection, form.direction_id.data)
        try:
            program = services.create_program(school, direction=direction, goal=form.goal.data)
        except DomainError as error:
            form.direction_id.errors.append(str(error))
        else:
            db.session.commit()
            flash(_("The program has been created."), "success")
            return redirect(url_for(".program", program_id=program.id))
    return _render_school(school, year, create_form=form, status=422)


def _load_program(program_id: int, *, edit: bool = False) -> AntiRiskProgram:
    program = get_visible_or_404(AntiRiskProgram, program_id, edit=edit)
    db.session.scalars(select(AntiRiskProgram).options(
        selectinload(AntiRiskProgram.measures).selectinload(Measure.evidence),
        selectinload(AntiRiskProgram.indicators),
        selectinload(AntiRiskProgram.transitions).selectinload(ReviewTransition.actor),
        selectinload(AntiRiskProgram.direction).selectinload(RiskDirection.suggestions))
        .where(AntiRiskProgram.id == program.id)).all()
    return program


@bp.route("/<int:program_id>")
@signed_in
def program(program_id: int):
    return _render_program(_load_program(program_id))


def _render_program(program: AntiRiskProgram, *, indicator_form=None, measure_form=None,
                    adopt_form=None, review_form=None, status: int = 200):
    editable = can_edit(current_user, program)
    context = {"program": program, "editable": editable, "today": reference_day(current_user),
               "reviewable": can_review(current_user, program), "post_form": EmptyForm(),
               "review_form": review_form or ReviewForm(formdata=None)}
    if editable:
        context["indicator_form"] = indicator_form or IndicatorForm(formdata=None)
        context["measure_form"] = measure_form or measure_create_form(program)
        context["adopt_form"] = adopt_form or adopt_form_for(program)
    return render_template("programs/program.html", **context), status


def measure_create_form(program: AntiRiskProgram, formdata=None) -> MeasureCreateForm:
    form = MeasureCreateForm(formdata)
    form.task.choices = [("", "—")] + [(t, t) for t in program.task_list]
    return form


def adopt_form_for(program: AntiRiskProgram, formdata=None) -> AdoptForm:
    form = AdoptForm(formdata)
    form.suggestion_id.choices = [(s.id, s.title) for s in program.direction.suggestions]
    return form


@bp.route("/<int:program_id>/edit", methods=["GET", "POST"])
@role_required(*SCHOOL_WORKERS)
def program_edit(program_id: int):
    program = _load_program(program_id, edit=True)
    form = ProgramForm(request.form if request.method == "POST" else None, obj=program)
    differences = []
    if form.validate_on_submit():
        fields = {name: form[name].data for name in services.PROGRAM_FIELDS}
        differences = save_versioned_edit(
            program, form, PROGRAM_LABELS,
            lambda: services.update_program(program, version=form.version.data,
                                            actor=current_user, **fields))
        if differences is None:
            flash(_("Changes saved."), "success")
            return redirect(url_for(".program", program_id=program.id))
    status = 409 if differences else (422 if request.method == "POST" else 200)
    return render_template("programs/program_form.html", form=form, program=program,
                           differences=differences), status


@bp.route("/<int:program_id>/indicators", methods=["POST"])
@role_required(*SCHOOL_WORKERS)
def indicator_new(program_id: int):
    program = _load_program(program_id, edit=True)
    form = IndicatorForm()
    if form.validate_on_submit():
        services.add_indicator(program, name=form.name.data, unit=form.unit.data or "",
                               baseline=form.baseline.data or "", target=form.target.data or "")
        db.session.commit()
        flash(_("Added."), "success")
        return redirect(url_for(".program", program_id=program.id))
    return _render_program(program, indicator_form=form, status=422)


@bp.route("/indicators/<int:indicator_id>/delete", methods=["POST"])
@role_required(*SCHOOL_WORKERS)
def indicator_delete(indicator_id: int):
    indicator = get_visible_or_404(ProgramIndicator, indicator_id, edit=True)
    program_id = indicator.program_id
    if ConfirmForm().validate_on_submit():
        services.delete_indicator(indicator)
        db.session.commit()
        flash(_("Deleted."), "success")
    return redirect(url_for(".program", program_id=program_id))


@bp.route("/<int:program_id>/submit", methods=["POST"])
@role_required(*SCHOOL_WORKERS)
def program_submit(program_id: int):
    program = _load_program(program_id, edit=True)
    return _review(program, ReviewForm(), "submit", url_for(".program", program_id=program.id),
                   lambda form: _render_program(program, review_form=form, status=422))


@bp.route("/<int:program_id>/review", methods=["POST"])
@role_required(*REVIEWERS)
def program_review(program_id: int):
    program = _load_program(program_id)
    form = ReviewForm()
    if form.action.data not in ("return", "approve"):
        form.action.errors = [_("Choose a decision.")]
        return _render_program(program, review_form=form, status=422)
    return _review(program, form, form.action.data, url_for(".program", program_id=program.id),
                   lambda form: _render_program(program, review_form=form, status=422))


def _review(subject, form, action: str, done_url: str, rerender):
    """One step of the review workflow from a small form; shared by programs and documents."""
    if not form.validate_on_submit() and form.csrf_token.errors:
        return rerender(form)
    try:
        services.review_step(subject, action=action, actor=current_user,
                             comment=form.comment.data or "")
    except DomainError as error:
        db.session.rollback()
        form.comment.errors = [str(error)]
        return rerender(form)
    db.session.commit()
    flash(REVIEW_MESSAGES[action], "success")
    return redirect(done_url)


REVIEW_MESSAGES = {"submit": _l("Sent to the curator for review."),
                   "return": _l("Returned to the school with your comment."),
                   "approve": _l("Approved.")}

