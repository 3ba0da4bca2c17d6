"""Targets and values of a municipality from a spreadsheet: upload, a preview that writes
nothing, then the import of every row or none."""
import secrets
from pathlib import Path

from flask import current_app, flash, redirect, render_template, send_file, session, url_for
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from flask_babel import lazy_gettext as _l
from wtforms import HiddenField, SubmitField
from wtforms.validators import DataRequired
from io import BytesIO

from tracker.db import db
from tracker.indicators import exchange, spreadsheet
from tracker.indicators.views import bp
from tracker.network.xlsx import NotAWorkbook, open_workbook
from tracker.permissions import MANAGERS, get_visible_or_404, role_required
from tracker.schools.models import Municipality

SESSION_KEY = "indicator_import"


class UploadForm(FlaskForm):
    file = FileField(_l("File"), validators=[FileRequired(_l("Choose a file."))])
    submit = SubmitField(_l("Check the file"))


class ConfirmForm(FlaskForm):
    token = HiddenField(validators=[DataRequired()])
    submit = SubmitField(_l("Import"))


def _pending_path(token: str) -> Path:
    folder = Path(current_app.config["UPLOAD_DIR"]) / "imports"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"indicators-{current_user.id}-{token}.xlsx"


def _forget_pending() -> None:
    pending = session.pop(SESSION_KEY, None)
    if pending:
        _pending_path(pending["token"]).unlink(missing_ok=True)


def _check(data: bytes, municipality: Municipality):
    """The sheet applied and rolled back: its counts and every problem, nothing written."""
    found = spreadsheet.document_of(open_workbook(data), municipality)
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
    except NotAWorkbook:
        flash(_("The file is not a readable XLSX workbook."), "danger")
        return _page(place, 422, form=form)
    if outcome.problems:
        return _page(place, 422, outcome=outcome)
    _forget_pending()
    token = secrets.token_urlsafe(16)
    _pending_path(token).write_bytes(data)
    session[SESSION_KEY] = {"token": token, "municipality": place.id}
    return _page(place, outcome=outcome, found=found, confirm=ConfirmForm(token=token))


@bp.route("/municipality/<int:municipality_id>/import/confirm", methods=["POST"])
@role_required(*MANAGERS)
def confirm_import(municipality_id: int):
    place = get_visible_or_404(Municipality, municipality_id)
    form = ConfirmForm()
    pending = session.get(SESSION_KEY) or {}
    path = _pending_path(pending.get("token", "none"))
    if not form.validate_on_submit() or pending.get("token") != form.token.data \
            or pending.get("municipality") != place.id or not path.exists():
        flash(_("The checked file was not found: upload it again."), "warning")
        return redirect(url_for(".import_values", municipality_id=place.id))
    try:
        found = spreadsheet.document_of(open_workbook(path.read_bytes()), place)
        outcome = exchange.import_document(found.document, place, by_id=current_user.id)
        problems = found.problems + spreadsheet.row_problems(found, outcome.problems)
        if problems:  # the catalogue changed since the check
            db.session.rollback()
            outcome.problems = problems
            return _page(place, 422, outcome=outcome)
        db.session.commit()  # the only commit: every row or none
    finally:
        _forget_pending()
    flash(_("Imported: %(targets)s targets and %(values)s values.", targets=outcome.targets,
            values=outcome.values), "success")
    return redirect(url_for(".municipality", municipality_id=place.id))


@bp.route("/import-template.xlsx")
@role_required(*MANAGERS)
def import_template():
    return send_file(BytesIO(spreadsheet.template()), as_attachment=True,
                     download_name="шаблон-значения-показателей.xlsx",
                     mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
