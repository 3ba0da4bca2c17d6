"""Files attached to a visit by its curator: attach, download (within the reader's scope and
the file's visibility), delete with a confirmation."""
from flask import flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from tracker import storage
from tracker.auth.models import Role
from tracker.db import db
from tracker.errors import DomainError
from tracker.forms import ConfirmForm
from tracker.permissions import get_visible_or_404, role_required, signed_in
from tracker.visits import services
from tracker.visits.forms import AttachmentForm
from tracker.visits.models import Visit, VisitAttachment
from tracker.visits.views import render_detail, bp


@bp.route("/<int:visit_id>/attachments", methods=["POST"])
@role_required(Role.CURATOR)
def add_attachment(visit_id: int):
    visit = get_visible_or_404(Visit, visit_id, edit=True)
    form = AttachmentForm(request.form)
    if form.validate_on_submit():
        try:
            stored = storage.save(request.files.get("file"))
        except storage.UploadRejected as error:
            form.file.errors = [str(error)]
            return render_detail(visit, attachment_form=form)
        try:
            with storage.discard_on_failure(stored):
                services.add_attachment(visit, uploaded_by=current_user, stored=stored,
                                        for_school=form.visibility.data == "school")
        except DomainError as error:
            flash(str(error), "danger")
        else:
            flash(_("The file has been attached."), "success")
        return redirect(url_for(".detail", visit_id=visit.id) + "#attachments")
    return render_detail(visit, attachment_form=form)


@bp.route("/attachments/<int:attachment_id>")
@signed_in
def attachment_file(attachment_id: int):
    attachment = get_visible_or_404(VisitAttachment, attachment_id)
    return storage.send(attachment)


@bp.route("/attachments/<int:attachment_id>/delete", methods=["POST"])
@role_required(Role.CURATOR)
def delete_attachment(attachment_id: int):
    attachment = get_visible_or_404(VisitAttachment, attachment_id, edit=True)
    visit_id = attachment.visit_id
    if ConfirmForm().validate_on_submit():
        stored_name = services.delete_attachment(attachment)
        db.session.commit()
        storage.delete(stored_name)
        flash(_("The file has been deleted."), "success")
    return redirect(url_for(".detail", visit_id=visit_id) + "#attachments")
