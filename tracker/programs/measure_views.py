"""Measures: adding and editing them, evidence with the curator's verdicts, the comment thread."""

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from tracker import storage
from tracker.editing import save_versioned_edit
from tracker.auth.forms import EmptyForm
from tracker.db import db
from tracker.errors import DomainError
from tracker.permissions import (DISCUSSANTS, REVIEWERS, SCHOOL_WORKERS, can_comment, can_edit,
                                 can_review, get_visible_or_404, role_required, signed_in)
from tracker.programs import measure_services as services
from tracker.programs.forms import (MEASURE_LABELS, CommentForm, EvidenceForm, MeasureForm,
                                    VerdictForm)
from tracker.programs.measure_models import Evidence, Measure, MeasureComment
from tracker.programs.models import AntiRiskProgram
from tracker.programs.views import (_load_program, _render_program, adopt_form_for, bp,
                                    measure_create_form)
from tracker.risks.models import SuggestedMeasure
from tracker.working_period import reference_day

MEASURE_FIELD_LABELS = {"task": _l("Task"), "title": _l("Measure"), "due_on": _l("Due date"),
                        "responsible": _l("Responsible"), "expected_result": _l("Expected result"),
                        "evidence_kind": _l("Evidence expected"), "status": _l("Status"),
                        "reason": _l("Reason")}


@bp.route("/<int:program_id>/measures", methods=["POST"])
@role_required(*SCHOOL_WORKERS)
def measure_new(program_id: int):
    program = _load_program(program_id, edit=True)
    form = measure_create_form(program, request.form)
    if form.validate_on_submit():
        fields = {name: form[name].data for name in services.MEASURE_FIELDS}
        measure = services.add_measure(program, **fields)
        db.session.commit()
        flash(_("The measure has been added."), "success")
        return redirect(url_for(".measure", measure_id=measure.id))
    return _render_program(program, measure_form=form, status=422)


@bp.route("/<int:program_id>/adopt", methods=["POST"])
@role_required(*SCHOOL_WORKERS)
def measure_adopt(program_id: int):
    program = _load_program(program_id, edit=True)
    form = adopt_form_for(program, request.form)
    if form.validate_on_submit():
        suggestion = db.get_or_404(SuggestedMeasure, form.suggestion_id.data)
        try:
            measure = services.adopt_suggestion(program, suggestion=suggestion,
                                                due_on=form.due_on.data)
        except DomainError as error:
            form.suggestion_id.errors.append(str(error))
        else:
            db.session.commit()
            flash(_("The measure has been added; adjust it to your school."), "success")
            return redirect(url_for(".measure_edit", measure_id=measure.id))
    return _render_program(program, adopt_form=form, status=422)


def _load_measure(measure_id: int, *, edit: bool = False) -> Measure:
    measure = get_visible_or_404(Measure, measure_id, edit=edit)
    db.session.scalars(select(Measure).options(
        selectinload(Measure.evidence).selectinload(Evidence.uploaded_by),
        selectinload(Measure.evidence).selectinload(Evidence.reviewed_by),
        selectinload(Measure.comments).selectinload(MeasureComment.author),
        selectinload(Measure.program).selectinload(AntiRiskProgram.direction))
        .where(Measure.id == measure.id)).all()
    return measure


@bp.route("/measures/<int:measure_id>")
@signed_in
def measure(measure_id: int):
    return _render_measure(_load_measure(measure_id))


def _evidence_form(measure: Measure, formdata=None) -> EvidenceForm:
    form = EvidenceForm(formdata)
    returned = services.returned_evidence(measure)
    form.replaces_id.choices = [(0, "—")] + [
        (e.id, f"{storage.visible_name(e.original_name) or e.url} ({e.uploaded_at:%d.%m.%Y})") for e in returned]
    if formdata is None and returned:
        form.replaces_id.data = returned[0].id
    return form


def _render_measure(measure: Measure, *, evidence_form=None, verdict_forms=None,
                    comment_form=None, status: int = 200):
    context = {"measure": measure, "today": reference_day(current_user), "post_form": EmptyForm(),
               "editable": can_edit(current_user, measure),
               "reviewable": can_review(current_user, measure),
               "commentable": can_comment(current_user, measure),
               "verdict_forms": verdict_forms or {}}
    if context["editable"]:
        context["evidence_form"] = evidence_form or _evidence_form(measure)
    if context["reviewable"]:
        for item in measure.evidence:
            if item.verdict == "pending":
                context["verdict_forms"].setdefault(item.id, VerdictForm(formdata=None))
    if context["commentable"]:
        context["comment_form"] = comment_form or CommentForm(formdata=None)
    return render_template("programs/measure.html", **context), status


def _measure_form(measure: Measure, formdata=None) -> MeasureForm:
    form = MeasureForm(formdata, obj=measure)
    form.task.choices = [("", "—")] + [(t, t) for t in measure.program.task_list]
    if measure.task and measure.task not in measure.program.task_list:
        form.task.choices.append((measure.task, measure.task))
    statuses = list(services.SCHOOL_STATUSES)
    if measure.status == "confirmed":
        statuses.append("confirmed")
    form.status.choices = [(s, MEASURE_LABELS[s]) for s in statuses]
    return form


@bp.route("/measures/<int:measure_id>/edit", methods=["GET", "POST"])
@role_required(*SCHOOL_WORKERS)
def measure_edit(measure_id: int):
    measure = get_visible_or_404(Measure, measure_id, edit=True)
    form = _measure_form(measure, request.form if request.method == "POST" else None)
    differences = []
    if form.validate_on_submit():
        fields = {name: form[name].data for name in services.MEASURE_FIELDS}
        differences = save_versioned_edit(
            measure, form, MEASURE_FIELD_LABELS,
            lambda: services.update_measure(measure, version=form.version.data,
                                            status=form.status.data,
                                            reason=form.reason.data or "", **fields),
            error_field=form.reason)
        if differences is None:
            flash(_("Changes saved."), "success")
            return redirect(url_for(".measure", measure_id=measure.id))
    status = 409 if differences else (422 if request.method == "POST" else 200)
    return render_template("programs/measure_form.html", form=form, measure=measure,
                           differences=differences), status


@bp.route("/measures/<int:measure_id>/evidence", methods=["POST"])
@role_required(*SCHOOL_WORKERS)
def evidence_new(measure_id: int):
    measure = _load_measure(measure_id, edit=True)
    form = _evidence_form(measure, request.form)
    upload = request.files.get("file")
    if not form.validate_on_submit():
        return _render_measure(measure, evidence_form=form, status=422)
    if (upload is None or not upload.filename) and not form.url.data:
        form.file.errors = [str(services.EvidenceMissing())]
        return _render_measure(measure, evidence_form=form, status=422)
    replaces = next((e for e in measure.evidence if e.id == form.replaces_id.data), None)
    if upload is not None and upload.filename:
        try:
            stored = storage.save(upload)
        except storage.UploadRejected as error:
            form.file.errors = [str(error)]
            return _render_measure(measure, evidence_form=form, status=422)
        with storage.discard_on_failure(stored):
            services.add_evidence(measure, actor=current_user, comment=form.comment.data,
                                  stored=stored, replaces=replaces)
    else:
        services.add_evidence(measure, actor=current_user, comment=form.comment.data,
                              url=form.url.data, replaces=replaces)
        db.session.commit()
    flash(_("The evidence has been added; the curator will review it."), "success")
    return redirect(url_for(".measure", measure_id=measure.id))


@bp.route("/evidence/<int:evidence_id>/file")
@signed_in
def evidence_file(evidence_id: int):
    evidence = get_visible_or_404(Evidence, evidence_id)
    if not evidence.is_file:
        return redirect(url_for(".measure", measure_id=evidence.measure_id))
    return storage.send(evidence)


@bp.route("/evidence/<int:evidence_id>/verdict", methods=["POST"])
@role_required(*REVIEWERS)
def evidence_verdict(evidence_id: int):
    evidence = get_visible_or_404(Evidence, evidence_id)
    form = VerdictForm()
    if form.validate_on_submit():
        try:
            services.judge(evidence, actor=current_user, verdict=form.verdict.data,
                           comment=form.comment.data or "")
        except DomainError as error:
            db.session.rollback()
            form.comment.errors = [str(error)]
        else:
            db.session.commit()
            flash(_("The verdict has been saved."), "success")
            return redirect(url_for(".measure", measure_id=evidence.measure_id))
    measure = _load_measure(evidence.measure_id)
    return _render_measure(measure, verdict_forms={evidence.id: form}, status=422)


@bp.route("/measures/<int:measure_id>/confirm", methods=["POST"])
@role_required(*REVIEWERS)
def measure_confirm(measure_id: int):
    measure = _load_measure(measure_id)
    if EmptyForm().validate_on_submit():
        try:
            services.confirm_measure(measure)
        except DomainError as error:
            flash(str(error), "danger")
        else:
            db.session.commit()
            flash(_("The measure is confirmed."), "success")
    return redirect(url_for(".measure", measure_id=measure.id))


@bp.route("/measures/<int:measure_id>/comments", methods=["POST"])
@role_required(*DISCUSSANTS)
def comment_new(measure_id: int):
    measure = _load_measure(measure_id)
    form = CommentForm()
    if form.validate_on_submit():
        services.add_comment(measure, author=current_user, text=form.text.data)
        db.session.commit()
        flash(_("The comment has been added."), "success")
        return redirect(url_for(".measure", measure_id=measure.id) + "#comments")
    return _render_measure(measure, comment_form=form, status=422)
