"""The analytical note's page: what is missing, the coordinator's conclusions and
recommendations, the DOCX download."""
from datetime import date
from io import BytesIO

from flask import flash, redirect, render_template, request, send_file, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import SubmitField, TextAreaField
from wtforms.validators import Length, Optional

from tracker import storage
from tracker.db import db
from tracker.editing import save_versioned_edit
from tracker.forms import PeriodField, VersionedForm, ensure_version
from tracker.network.blueprint import bp, chosen_municipality, municipality_choices
from tracker.network.note import build_note, note_text
from tracker.network.note_models import NetworkNoteText
from tracker.periods import Periodicity, SchoolYear, Year, parse_or_none
from tracker.permissions import MANAGERS, NETWORK_VIEWERS, role_required
from tracker.reports.docx import build_docx
from tracker.reports.halfyear.assembly import content_disposition, slug

NOTE_LABELS = {"conclusions": _l("Conclusions"), "recommendations": _l("Recommendations")}


NOTE_SPANS = (Periodicity.YEAR, Periodicity.SCHOOL_YEAR)


class NoteSpanForm(FlaskForm):
    period = PeriodField(_l("Year or school year"), periodicities=NOTE_SPANS)


class NoteTextForm(VersionedForm):
    conclusions = TextAreaField(_l("Conclusions"), validators=[Optional(), Length(max=20000)])
    recommendations = TextAreaField(_l("Recommendations (one per line)"),
                                    validators=[Optional(), Length(max=20000)])
    submit = SubmitField(_l("Save the text"))


def _span() -> Year | SchoolYear:
    """The requested year or school year, else the last calendar year."""
    found = parse_or_none(request.args.get("period"))
    return found if found is not None and found.periodicity in NOTE_SPANS \
        else Year(date.today().year - 1)


def save_note_text(*, municipality_id: int, period: str, version, conclusions: str,
                   recommendations: str) -> NetworkNoteText:
    text = db.session.scalar(db.select(NetworkNoteText).where(
        NetworkNoteText.municipality_id == municipality_id, NetworkNoteText.period == period))
    if text is None:
        text = NetworkNoteText(municipality_id=municipality_id, period=period)
        db.session.add(text)
    else:
        ensure_version(text, version)
    text.conclusions, text.recommendations = conclusions.strip(), recommendations.strip()
    db.session.flush()
    return text


def _page(municipality, span, *, form=None, differences=None, status=200):
    text = note_text(municipality.id, span) if municipality else None
    if form is None and municipality is not None:
        form = NoteTextForm(obj=text)
        form.version.data = str(text.version) if text else "0"
    note = build_note(municipality, span) if municipality else None
    return render_template("network/note.html", municipality=municipality, span=span,
                           municipalities=municipality_choices(), note=note,
                           span_form=NoteSpanForm(formdata=None, period=span.code),
                           text_form=form if current_user.role in MANAGERS else None,
                           differences=differences), status


@bp.route("/note")
@role_required(*NETWORK_VIEWERS)
def note_page():
    return _page(chosen_municipality(request.args.get("municipality", type=int)), _span())


@bp.route("/note/text", methods=["POST"])
@role_required(*MANAGERS)
def note_save():
    municipality = chosen_municipality(request.args.get("municipality", type=int))
    span = _span()
    form = NoteTextForm()
    if municipality is None or not form.validate_on_submit():
        return _page(municipality, span, form=form, status=422) if municipality else \
            redirect(url_for(".note_page"))
    record = note_text(municipality.id, span)
    differences = save_versioned_edit(record, form, NOTE_LABELS, lambda: save_note_text(
        municipality_id=municipality.id, period=span.code, version=form.version.data,
        conclusions=form.conclusions.data or "", recommendations=form.recommendations.data or ""))
    if differences is None:
        flash(_("Changes saved."), "success")
        return redirect(url_for(".note_page", municipality=municipality.id, period=span.code))
    return _page(municipality, span, form=form, differences=differences, status=409)


@bp.route("/note.docx")
@role_required(*NETWORK_VIEWERS)
def note_download():
    municipality = chosen_municipality(request.args.get("municipality", type=int))
    if municipality is None:
        return redirect(url_for(".note_page"))
    span = _span()
    data = build_docx(build_note(municipality, span).document)
    response = send_file(BytesIO(data), mimetype=storage.CONTENT_TYPES["docx"],
                         as_attachment=True, download_name="note.docx")
    code = span.code.replace("/", "-")
    response.headers["Content-Disposition"] = content_disposition(
        f"network-note-{slug(municipality.name)}-{code}.docx",
        f"Справка о сетевом взаимодействии, {municipality.name}, {code}.docx")
    return response
