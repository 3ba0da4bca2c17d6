"""Import pages: upload -> preview of every row and error -> confirm; template files."""
import io
from pathlib import Path

from flask import (abort, current_app, flash, jsonify, redirect, render_template, request,
                   send_file, url_for)
from flask_babel import gettext as _
from flask_login import current_user

from tracker import storage
from tracker.db import db
from tracker.permissions import STAFF_EDITORS, can_edit_staff, get_visible_or_404, role_required
from tracker.schools.models import School
from tracker import import_files as uploads
from tracker.teachers.forms import ImportConfirmForm, ImportForm
from tracker.teachers.import_writes import write
from tracker.teachers.importing import COLUMNS, EXTENSIONS, HINTS, KINDS, BadFile, parse
from tracker.teachers.views import bp, school_choices

TEMPLATE_NAMES = {"teachers": "шаблон-педагоги.xlsx", "diagnostics": "шаблон-диагностика.xlsx",
                  "courses": "шаблон-курсы.xlsx"}



def _editable_school(school_id: int) -> School:
    school = get_visible_or_404(School, school_id)
    if not can_edit_staff(current_user, school):
        abort(404)
    return school


@bp.route("/import", methods=["GET", "POST"])
@role_required(*STAFF_EDITORS)
def import_upload():
    form = ImportForm()
    form.school_id.choices = school_choices(editable=True)
    if form.validate_on_submit():
        school = _editable_school(form.school_id.data)
        name = form.file.data.filename or ""
        extension = Path(name).suffix.lower().lstrip(".")
        if extension not in EXTENSIONS:
            form.file.errors.append(_("Only XLSX and CSV files are accepted."))
        else:
            token = uploads.save(form.file.data.stream, user_id=current_user.id,
                                 extension=extension,
                                 meta={"kind": form.kind.data, "school_id": school.id,
                                       "name": Path(name).name[:200]})
            return redirect(url_for(".import_preview", token=token))
    return render_template("teachers/import_upload.html", form=form, kinds=KINDS,
                           columns=COLUMNS, hints=HINTS)


def _stored(token: str):
    stored = uploads.load(user_id=current_user.id, token=token)
    if stored is None:
        flash(_("The uploaded file is no longer available: upload it again."), "warning")
    return stored


@bp.route("/import/preview")
@role_required(*STAFF_EDITORS)
def import_preview():
    token = request.args.get("token", "")
    stored = _stored(token)
    if stored is None:
        return redirect(url_for(".import_upload"))
    path, meta = stored
    school = _editable_school(meta["school_id"])
    try:
        parsed = parse(meta["kind"], path, school)
    except BadFile as error:
        uploads.discard(user_id=current_user.id, token=token)
        flash(str(error), "danger")
        return redirect(url_for(".import_upload"))
    return render_template("teachers/import_preview.html", parsed=parsed, meta=meta,
                           school=school, form=ImportConfirmForm(token=token), token=token)


@bp.route("/import/confirm", methods=["POST"])
@role_required(*STAFF_EDITORS)
def import_confirm():
    form = ImportConfirmForm()
    if not form.validate_on_submit():
        return redirect(url_for(".import_upload"))
    token = form.token.data
    stored = _stored(token)
    if stored is None:
        return redirect(url_for(".import_upload"))
    path, meta = stored
    school = _editable_school(meta["school_id"])
    try:
        parsed = parse(meta["kind"], path, school)
    except BadFile as error:
        uploads.discard(user_id=current_user.id, token=token)
        flash(str(error), "danger")
        return redirect(url_for(".import_upload"))
    if parsed.errors:
        flash(_("The file has errors: nothing was written."), "danger")
        return redirect(url_for(".import_preview", token=token))

    def progress(done: int, total: int) -> None:  # a file beside the upload, never a commit
        uploads.set_progress(user_id=current_user.id, token=token, done=done, total=total)

    try:
        outcome = write(parsed, school=school, progress=progress, file_name=meta["name"])
        db.session.commit()  # the only commit: every row or none
    except Exception:
        db.session.rollback()
        current_app.logger.exception("import failed")
        flash(_("The import failed: nothing was written."), "danger")
        return redirect(url_for(".import_upload"))
    finally:
        uploads.discard(user_id=current_user.id, token=token)
    flash(_("Imported: %(created)s new, %(updated)s updated, %(unchanged)s unchanged.",
            created=outcome.created, updated=outcome.updated, unchanged=outcome.unchanged),
          "success")
    return redirect(url_for(".index", school=school.id))


@bp.route("/import/progress")
@role_required(*STAFF_EDITORS)
def import_progress():
    return jsonify(uploads.progress(user_id=current_user.id, token=request.args.get("token", "")))


@bp.route("/import/template")
@role_required(*STAFF_EDITORS)
def import_template():
    from openpyxl import Workbook
    kind = request.args.get("kind", "teachers")
    if kind not in KINDS:
        abort(404)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Данные"
    sheet.append([name for name, _required in COLUMNS[kind]])
    notes = workbook.create_sheet("Пояснения")
    notes.append(["Столбец", "Обязательный", "Что вписать"])
    for name, required in COLUMNS[kind]:
        notes.append([name, "да" if required else "нет", HINTS.get(name, "")])
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    return send_file(buffer, mimetype=storage.CONTENT_TYPES["xlsx"], as_attachment=True,
                     download_name=TEMPLATE_NAMES[kind])
