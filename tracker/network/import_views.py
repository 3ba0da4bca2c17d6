"""Import pages: upload, preview (nothing written), confirm (all or nothing), templates."""
from io import BytesIO
from pathlib import Path

from flask import (current_app, flash, redirect, render_template, request, send_file, url_for)
from flask_babel import gettext as _
from flask_login import current_user

from tracker import import_files, storage
from tracker.db import db
from tracker.network import importing, organizations_import
from tracker.network.blueprint import bp, chosen_municipality, municipality_choices
from tracker.network.forms import ImportConfirmForm, ImportUploadForm
from tracker.network.xlsx import BadFile, open_table_file
from tracker.permissions import MANAGERS, role_required, visible_school_ids
from tracker.schools.models import Municipality, School



def _check_organizations(workbook, *, municipality_id: int, school_ids):
    return organizations_import.check_organizations(workbook,
                                                    municipality=db.session.get(
                                                        Municipality, municipality_id))


KINDS = {"events": (importing.check_events, importing.events_template),
         "counts": (importing.check_counts, importing.counts_template),
         "organizations": (_check_organizations, organizations_import.organizations_template)}
# Kinds of one table that may come as CSV too (the events file has two sheets).
CSV_KINDS = ("counts", "organizations")
TARGETS = {"events": ".events", "counts": ".dashboard", "organizations": ".dashboard"}


def _kind(kind: str) -> str:
    return f"network_{kind}"  # the kind of a waiting file (tracker.import_files)


def _check(kind: str, data: bytes, municipality, extension: str) -> importing.Plan:
    school_ids = visible_school_ids(current_user).where(
        School.municipality_id == municipality.id)
    check, _template = KINDS[kind]
    return check(open_table_file(data, f"file.{extension}"), municipality_id=municipality.id,
                 school_ids=school_ids)


def _page(municipality, **context):
    return render_template("network/import.html", municipality=municipality,
                           municipalities=municipality_choices(),
                           upload_form=context.pop("upload_form", None) or ImportUploadForm(),
                           **context)


@bp.route("/import")
@role_required(*MANAGERS)
def import_page():
    return _page(chosen_municipality(request.args.get("municipality", type=int)))


def _upload(kind: str):
    municipality = chosen_municipality(request.args.get("municipality", type=int))
    form = ImportUploadForm()
    if municipality is None or not form.validate_on_submit():
        return _page(municipality, upload_form=form, kind=kind), 422
    upload = form.file.data
    data = upload.read()
    extension = Path(upload.filename or "").suffix.lower().lstrip(".")
    if extension != "xlsx" and not (extension == "csv" and kind in CSV_KINDS):
        flash(_("Upload an .xlsx file.") if kind not in CSV_KINDS
              else _("Upload an .xlsx or .csv file."), "danger")
        return _page(municipality, upload_form=form, kind=kind), 422
    try:
        plan = _check(kind, data, municipality, extension)
    except BadFile as error:
        flash(str(error), "danger")
        return _page(municipality, upload_form=form, kind=kind), 422
    if plan.errors:
        return _page(municipality, kind=kind, plan=plan), 422
    token = import_files.save(BytesIO(data), user_id=current_user.id, extension=extension,
                              meta={"kind": _kind(kind), "municipality": municipality.id})
    return _page(municipality, kind=kind, plan=plan,
                 confirm_form=ImportConfirmForm(token=token))


def _confirm(kind: str):
    form = ImportConfirmForm()
    token = form.token.data or ""
    stored = import_files.load(user_id=current_user.id, token=token) \
        if form.validate_on_submit() else None
    if stored is None or stored[1].get("kind") != _kind(kind):
        flash(_("The checked file was not found: upload it again."), "warning")
        return redirect(url_for(".import_page"))
    path, meta = stored
    extension = meta["extension"]
    municipality = chosen_municipality(meta["municipality"])
    if municipality is None or municipality.id != meta["municipality"]:
        import_files.discard(user_id=current_user.id, token=token)
        flash(_("The checked file was not found: upload it again."), "warning")
        return redirect(url_for(".import_page"))
    # the data may have changed since
    try:
        plan = _check(kind, path.read_bytes(), municipality, extension)
    except BadFile as error:
        import_files.discard(user_id=current_user.id, token=token)
        flash(str(error), "danger")
        return redirect(url_for(".import_page", municipality=municipality.id))
    if plan.errors:
        return _page(municipality, kind=kind, plan=plan), 422
    try:
        if kind == "events":
            importing.apply_events(plan, municipality_id=municipality.id)
        elif kind == "organizations":
            organizations_import.apply_organizations(plan, municipality=municipality)
        else:
            importing.apply_counts(plan)
        db.session.commit()  # the only commit: every row or none
    except Exception:
        db.session.rollback()
        current_app.logger.exception("network import failed")
        flash(_("The import failed: nothing was written."), "danger")
        return redirect(url_for(".import_page", municipality=municipality.id))
    finally:
        import_files.discard(user_id=current_user.id, token=token)
    flash(_("Imported: %(rows)s rows.", rows=plan.size), "success")
    return redirect(url_for(TARGETS[kind], municipality=municipality.id))


@bp.route("/import/events", methods=["POST"])
@role_required(*MANAGERS)
def import_events():
    return _upload("events")


@bp.route("/import/events/confirm", methods=["POST"])
@role_required(*MANAGERS)
def confirm_events():
    return _confirm("events")


@bp.route("/import/counts", methods=["POST"])
@role_required(*MANAGERS)
def import_counts():
    return _upload("counts")


@bp.route("/import/counts/confirm", methods=["POST"])
@role_required(*MANAGERS)
def confirm_counts():
    return _confirm("counts")


@bp.route("/import/organizations", methods=["POST"])
@role_required(*MANAGERS)
def import_organizations():
    return _upload("organizations")


@bp.route("/import/organizations/confirm", methods=["POST"])
@role_required(*MANAGERS)
def confirm_organizations():
    return _confirm("organizations")


def _template(kind: str, name: str):
    _check, build = KINDS[kind]
    return send_file(BytesIO(build()), mimetype=storage.CONTENT_TYPES["xlsx"],
                     as_attachment=True, download_name=name)


@bp.route("/import/events-template.xlsx")
@role_required(*MANAGERS)
def events_template():
    return _template("events", "шаблон-мероприятия.xlsx")


@bp.route("/import/counts-template.xlsx")
@role_required(*MANAGERS)
def counts_template():
    return _template("counts", "шаблон-численность.xlsx")


@bp.route("/import/organizations-template.xlsx")
@role_required(*MANAGERS)
def organizations_template():
    return _template("organizations", "шаблон-организации.xlsx")
