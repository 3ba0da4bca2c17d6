"""Targets and values of a municipality from a spreadsheet: upload, a preview that writes
nothing, then the import of every row or none (the file waits in tracker.import_files)."""
from io import BytesIO

from flask import flash, redirect, render_template, send_file, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf.file import FileField, FileRequired
from wtforms import HiddenField, SubmitField
from wtforms.validators import DataRequired

from tracker import import_files
from tracker.db import db
from tracker.forms import BaseForm
from tracker.indicators import exchange, spreadsheet
from tracker.indicators.views import bp
from tracker.network.xlsx import BadFile, open_table_file
from tracker.permissions import MANAGERS, get_visible_or_404, role_required
from tracker.schools.models import Municipality

KIND = "indicator_values"


class UploadForm(BaseForm):
    file = FileField(_l("File"), validators=[FileRequired(_l("Choose a file."))])
    submit = SubmitField(_l("Check the file"))


class ConfirmForm(BaseForm):
    token = HiddenField(validators=[DataRequired()])
    submit = SubmitField(_l("Import"))


def _check(data: bytes, municipality: Municipality):
    """The sheet applied and rolled back: its counts and every problem, nothing written."""
    found = spreadsheet.document_of(open_table_file(data, "values.xlsx"), municipality)
    outcome = exchange.import_document(found.document, municipality, by_id=current_user.id)
    db.session.rollback()
    outcome.problems = found.problems + spreadsheet.row_problems(found, outcome.problems)
    return found, outcome


def _page(place, status=200, **context):
    return render_template("indicators/import.html", place=place,
                           form=context.pop("form", None) or UploadForm(), **context), status


@bp.route("/municipality/<int:municipality_id>/import", methods=["GET", "POST"])
@role_required(*MANAGERS)
def import_values(municipality_id: int):
    place = get_visible_or_404(Municipality, municipality_id)
    form = UploadForm()
    if not form.validate_on_submit():
        return _page(place, 422 if form.is_submitted() else 200, form=form)
    data = form.file.data.read()
    try:
        found, outcome = _check(data, place)
    except BadFile as refused:
        flash(str(refused), "danger")
        return _page(place, 422, form=form)
    if outcome.problems:
        return _page(place, 422, outcome=outcome)
    token = import_files.save(BytesIO(data), user_id=current_user.id, extension="xlsx",
                              meta={"kind": KIND, "municipality": place.id})
    return _page(place, outcome=outcome, found=found, confirm=ConfirmForm(token=token))


@bp.route("/municipality/<int:municipality_id>/import/confirm", methods=["POST"])
@role_required(*MANAGERS)
def confirm_import(municipality_id: int):
    place = get_visible_or_404(Municipality, municipality_id)
    form = ConfirmForm()
    stored = import_files.load(user_id=current_user.id, token=form.token.data or "") \
        if form.validate_on_submit() else None
    if stored is None or stored[1].get("kind") != KIND \
            or stored[1].get("municipality") != place.id:
        flash(_("The checked file was not found: upload it again."), "warning")
        return redirect(url_for(".import_values", municipality_id=place.id))
    path = stored[0]
    try:
        found = spreadsheet.document_of(open_table_file(path.read_bytes(), "values.xlsx"),
                                        place)
        outcome = exchange.import_document(found.document, place, by_id=current_user.id)
        problems = found.problems + spreadsheet.row_problems(found, outcome.problems)
        if problems:  # the catalogue changed since the check
            db.session.rollback()
            outcome.problems = problems
            return _page(place, 422, outcome=outcome)
        db.session.commit()  # the only commit: every row or none
    finally:
        import_files.discard(user_id=current_user.id, token=form.token.data)
    flash(_("Imported: %(targets)s targets and %(values)s values.", targets=outcome.targets,
            values=outcome.values), "success")
    return redirect(url_for(".municipality", municipality_id=place.id))


@bp.route("/import-template.xlsx")
@role_required(*MANAGERS)
def import_template():
    return send_file(BytesIO(spreadsheet.template()), as_attachment=True,
                     download_name="шаблон-значения-показателей.xlsx",
                     mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
