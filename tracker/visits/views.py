from datetime import date

from flask import (Blueprint, abort, current_app, flash, redirect, render_template, request,
                   send_file, url_for)
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from tracker import audit, storage, uploads
from tracker.editing import save_versioned_edit
from tracker.auth.forms import EmptyForm
from tracker.auth.models import Role
from tracker.db import db
from tracker.errors import DomainError
from tracker.permissions import (can_edit_visit, can_record_visit, get_visible_or_404,
                                 role_required, signed_in)
from tracker.schools.models import School
from tracker.visits import docx, links, queries, services
from tracker.visits.forms import (AttachmentForm, NoteForm, PlanVisitForm, RecommendationForm,
                                  VisitFilterForm, VisitRecordForm, parse_participants)
from tracker.visits.models import Visit
from tracker.working_period import reference_day

bp = Blueprint("visits", __name__, url_prefix="/visits")

RECORD_LABELS = {"planned_on": _l("Planned for"), "kind": _l("Kind of visit"),
                 "format": _l("Format"), "purpose": _l("Purpose"),
                 "agenda": _l("Agenda"), "findings": _l("Findings"),
                 "visited_on": _l("Date of the visit")}


@bp.route("/")
@signed_in
def index():
    form = VisitFilterForm(request.args)
    form.school.choices = [(0, _l("Any"))] + queries.filter_school_choices(current_user)
    form.validate()
    period = form.period.period
    day = period.as_of() if period else reference_day(current_user)
    stmt = queries.filtered_visits(current_user, school=form.school.data,
                                   status=form.status.data or None, period=period, day=day)
    page = db.paginate(stmt, per_page=current_app.config["PAGE_SIZE"], error_out=False)
    return render_template("visits/index.html", form=form, page=page, today=day,
                           can_plan=current_user.role == Role.CURATOR)


@bp.route("/new", methods=["GET", "POST"])
@role_required(Role.CURATOR)
def plan():
    form = PlanVisitForm(request.form if request.method == "POST" else None)
    form.school_id.choices = queries.visit_school_choices(current_user)
    if request.method == "GET" and request.args.get("school_id", type=int):
        form.school_id.data = request.args.get("school_id", type=int)
    if form.validate_on_submit():
        school = get_visible_or_404(School, form.school_id.data)
        if not can_record_visit(current_user, school):
            abort(404)
        visit = services.plan_visit(school=school, curator=current_user,
                                    planned_on=form.planned_on.data, kind=form.kind.data,
                                    format=form.format.data, purpose=form.purpose.data or "")
        db.session.commit()
        flash(_("The visit has been planned."), "success")
        return redirect(url_for(".detail", visit_id=visit.id))
    return render_template("visits/plan.html", form=form)


@bp.route("/<int:visit_id>")
@signed_in
def detail(visit_id: int):
    return render_detail(get_visible_or_404(Visit, visit_id))


def render_detail(visit: Visit, *, note_form=None, recommendation_form=None,
                   attachment_form=None):
    editable = can_edit_visit(current_user, visit)
    context = {"visit": visit, "notes": queries.readable_notes(current_user, visit),
               "attachments": queries.readable_attachments(current_user, visit),
               "recommendations": queries.visit_recommendations(visit),
               "can_edit": editable, "today": reference_day(current_user), "post_form": EmptyForm()}
    if editable:
        context.update(note_form=note_form or NoteForm(),
                       attachment_form=attachment_form or AttachmentForm(),
                       recommendation_form=recommendation_form or _recommendation_form(visit))
    return render_template("visits/detail.html", **context)


def _recommendation_form(visit: Visit, formdata=None) -> RecommendationForm:
    return RecommendationForm(formdata).offer(links.direction_choices(visit),
                                              links.measure_choices(visit))


def _record_form(visit: Visit, formdata=None) -> VisitRecordForm:
    form = VisitRecordForm(formdata, obj=visit)
    if formdata is None:
        form.participants.data = "\n".join(
            f"{p.name}, {p.position}" if p.position else p.name for p in visit.participants)
        form.visited_on.data = visit.visited_on or (visit.planned_on
                                                    if visit.planned_on <= date.today() else None)
    return form


@bp.route("/<int:visit_id>/record", methods=["GET", "POST"])
@role_required(Role.CURATOR)
def record(visit_id: int):
    visit = get_visible_or_404(Visit, visit_id, edit=True)
    form = _record_form(visit, request.form if request.method == "POST" else None)
    differences = []
    if form.validate_on_submit():
        try:
            differences = _save_record(visit, form)
        except uploads.Refused:
            differences = []
        if differences is None:
            flash(_("The visit has been saved."), "success")
            return redirect(url_for(".detail", visit_id=visit.id))
    sent = request.files.get("attachment")
    if sent is not None and sent.filename and not form.attachment.errors:
        form.attachment.errors = [_("The file was not saved with the form: choose it again.")]
    return render_template("visits/record.html", form=form, visit=visit, differences=differences)


class _NotSaved(Exception):
    def __init__(self, differences):
        self.differences = differences


def _save_record(visit: Visit, form: VisitRecordForm) -> list | None:
    """Save the record with the attached file, if any, in one commit: None when saved, else the
    differences to show. A file chosen but not saved with the record is removed."""
    stored = uploads.store_chosen(request.files.get("attachment"), form.attachment)
    fields = {name: form[name].data for name in services.RECORD_FIELDS}
    fields["lessons_observed_count"] = fields["lessons_observed_count"] or 0

    def update():
        services.record_visit(visit, version=form.version.data, visited_on=form.visited_on.data,
                              complete=form.complete.data,
                              participants=parse_participants(form.participants.data), **fields)
        if stored is not None:
            services.add_attachment(visit, uploaded_by=current_user, stored=stored,
                                    for_school=form.attachment_visibility.data == "school")

    if stored is None:
        return save_versioned_edit(visit, form, RECORD_LABELS, update)
    try:
        with storage.discard_on_failure(stored):
            differences = save_versioned_edit(visit, form, RECORD_LABELS, update)
            if differences is not None:
                raise _NotSaved(differences)
    except _NotSaved as failure:
        return failure.differences
    return None


@bp.route("/<int:visit_id>/cancel", methods=["POST"])
@role_required(Role.CURATOR)
def cancel(visit_id: int):
    visit = get_visible_or_404(Visit, visit_id, edit=True)
    if EmptyForm().validate_on_submit():
        try:
            services.cancel_visit(visit)
        except DomainError as error:
            flash(str(error), "danger")
        else:
            db.session.commit()
            flash(_("The visit has been cancelled."), "success")
    return redirect(url_for(".detail", visit_id=visit.id))


@bp.route("/<int:visit_id>/notes", methods=["POST"])
@role_required(Role.CURATOR)
def add_note(visit_id: int):
    visit = get_visible_or_404(Visit, visit_id, edit=True)
    form = NoteForm(request.form)
    if form.validate_on_submit():
        try:
            services.add_note(visit, author=current_user, text=form.note.data,
                              for_school=form.visibility.data == "school")
        except DomainError as error:
            form.note.errors.append(str(error))
        else:
            db.session.commit()
            flash(_("The note has been added."), "success")
            return redirect(url_for(".detail", visit_id=visit.id))
    return render_detail(visit, note_form=form)


@bp.route("/<int:visit_id>/recommendations", methods=["POST"])
@role_required(Role.CURATOR)
def add_recommendation(visit_id: int):
    visit = get_visible_or_404(Visit, visit_id, edit=True)
    form = _recommendation_form(visit, request.form)
    if form.validate_on_submit():
        try:
            services.add_recommendation(visit, text=form.text.data, due_on=form.due_on.data,
                                        risk_direction_id=form.risk_direction_id.data,
                                        measure_id=form.measure_id.data)
        except services.ForeignDirection as error:
            form.risk_direction_id.errors.append(str(error))
        except services.ForeignMeasure as error:
            form.measure_id.errors.append(str(error))
        except DomainError as error:
            form.text.errors.append(str(error))
        else:
            db.session.commit()
            flash(_("The recommendation has been added."), "success")
            return redirect(url_for(".detail", visit_id=visit.id))
    return render_detail(visit, recommendation_form=form)


@bp.route("/<int:visit_id>/sheet.docx")
@signed_in
def sheet(visit_id: int):
    visit = get_visible_or_404(Visit, visit_id)
    audit.record_personal_data("personal_exported", visit, export="visit_sheet",
                               participants_count=len(visit.participants))
    content = docx.visit_sheet(docx.sheet_data(
        visit, queries.readable_notes(current_user, visit),
        queries.readable_attachments(current_user, visit)))
    return send_file(content, as_attachment=True, download_name=docx.file_name(visit),
                     mimetype=storage.CONTENT_TYPES["docx"])


@bp.record_once
def register_labels(state) -> None:
    """Labels of kinds and statuses, for every template (the home page shows follow-ups)."""
    from tracker.visits.forms import (FORMAT_LABELS, KIND_LABELS, RECOMMENDATION_LABELS,
                                      STATUS_LABELS)
    state.app.jinja_env.globals.update(
        VISIT_KINDS=KIND_LABELS, VISIT_FORMATS=FORMAT_LABELS, VISIT_STATUSES=STATUS_LABELS,
        FOLLOW_UP_STATUSES=RECOMMENDATION_LABELS)

