"""Concept documents: upload (each upload a version), review workflow, downloads."""
from datetime import date

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from tracker import storage
from tracker.db import db
from tracker.errors import DomainError
from tracker.forms import refresh_stale
from tracker.permissions import (REVIEWERS, SCHOOL_WORKERS, can_edit, can_review,
                                 get_visible_or_404, role_required, signed_in)
from tracker.programs import services
from tracker.programs.forms import DocumentUploadForm, DocumentVersionForm, ReviewForm
from tracker.programs.models import ConceptDocument, DocumentVersion, ReviewTransition
from tracker.programs.views import _render_school, _review, bp
from tracker.schools.models import School


@bp.route("/schools/<int:school_id>/documents", methods=["POST"])
@role_required(*SCHOOL_WORKERS)
def document_upload(school_id: int):
    school = get_visible_or_404(School, school_id)
    form = DocumentUploadForm()
    year = form.year.data if isinstance(form.year.data, int) else None
    if not form.validate_on_submit():
        return _render_school(school, year or date.today().year, upload_form=form, status=422)
    try:
        stored = storage.save(request.files.get("file"))
    except storage.UploadRejected as error:
        form.file.errors = [str(error)]
        return _render_school(school, form.year.data, upload_form=form, status=422)
    try:
        with storage.discard_on_failure(stored):
            row = services.add_document_version(
                school, kind=form.kind.data, year=form.year.data, title=form.title.data or "",
                note=form.note.data or "", stored=stored, actor=current_user)
    except DomainError as error:
        form.file.errors = [str(error)]
        return _render_school(school, form.year.data, upload_form=form, status=409)
    flash(_("The document has been uploaded."), "success")
    return redirect(url_for(".document", document_id=row.document_id))


def _load_document(document_id: int, *, edit: bool = False) -> ConceptDocument:
    document = get_visible_or_404(ConceptDocument, document_id, edit=edit)
    db.session.scalars(select(ConceptDocument).options(
        selectinload(ConceptDocument.versions).selectinload(DocumentVersion.uploaded_by),
        selectinload(ConceptDocument.transitions).selectinload(ReviewTransition.actor))
        .where(ConceptDocument.id == document.id)).all()
    return document


@bp.route("/documents/<int:document_id>")
@signed_in
def document(document_id: int):
    return _render_document(_load_document(document_id))


def _render_document(document: ConceptDocument, *, version_form=None, review_form=None,
                     differences=(), status: int = 200):
    editable = can_edit(current_user, document)
    context = {"document": document, "editable": editable,
               "reviewable": can_review(current_user, document),
               "review_form": review_form or ReviewForm(formdata=None),
               "differences": differences}
    if editable:
        context["version_form"] = version_form or DocumentVersionForm(
            formdata=None, version=str(document.version))
    return render_template("programs/document.html", **context), status


@bp.route("/documents/<int:document_id>/versions", methods=["POST"])
@role_required(*SCHOOL_WORKERS)
def document_version_new(document_id: int):
    document = _load_document(document_id, edit=True)
    form = DocumentVersionForm()
    if not form.validate_on_submit():
        return _render_document(document, version_form=form, status=422)
    if str(document.version) != form.version.data:
        refresh_stale(form, document)
        current = document.current
        differences = [(_("Current version"),
                        f"{current.number}: {storage.visible_name(current.original_name)}" if current else "—",
                        request.files.get("file").filename if request.files.get("file") else "")]
        return _render_document(document, version_form=form, differences=differences,
                                status=409)
    try:
        stored = storage.save(request.files.get("file"))
    except storage.UploadRejected as error:
        form.file.errors = [str(error)]
        return _render_document(document, version_form=form, status=422)
    try:
        with storage.discard_on_failure(stored):
            services.add_document_version(
                document.school, kind=document.kind, year=document.year, title="",
                note=form.note.data or "", stored=stored, actor=current_user,
                version=form.version.data)
    except DomainError as error:
        form.file.errors = [str(error)]
        return _render_document(_load_document(document_id), version_form=form, status=409)
    flash(_("A new version has been uploaded."), "success")
    return redirect(url_for(".document", document_id=document.id))


@bp.route("/documents/<int:document_id>/submit", methods=["POST"])
@role_required(*SCHOOL_WORKERS)
def document_submit(document_id: int):
    document = _load_document(document_id, edit=True)
    return _review(document, ReviewForm(), "submit",
                   url_for(".document", document_id=document.id),
                   lambda form: _render_document(document, review_form=form, status=422))


@bp.route("/documents/<int:document_id>/review", methods=["POST"])
@role_required(*REVIEWERS)
def document_review(document_id: int):
    document = _load_document(document_id)
    form = ReviewForm()
    if form.action.data not in ("return", "approve"):
        form.action.errors = [_("Choose a decision.")]
        return _render_document(document, review_form=form, status=422)
    return _review(document, form, form.action.data,
                   url_for(".document", document_id=document.id),
                   lambda form: _render_document(document, review_form=form, status=422))


@bp.route("/document-versions/<int:version_id>/file")
@signed_in
def document_file(version_id: int):
    version = get_visible_or_404(DocumentVersion, version_id)
    return storage.send(version)
