"""The half-year report: preview with warnings, download as DOCX, the coordinator's narrative;
the school's part for its director and the regional summary."""
from io import BytesIO

from flask import Blueprint, abort, flash, redirect, render_template, request, send_file, url_for
from flask_babel import gettext as _
from flask_login import current_user

from tracker import audit, storage
from tracker.auth.models import Role
from tracker.db import db
from tracker.editing import save_versioned_edit
from tracker.periods import HalfYear
from tracker.permissions import (
    MANAGERS,
    REGION_REPORT_VIEWERS,
    REPORT_VIEWERS,
    can_edit_report_narrative,
    get_visible_or_404,
    role_required,
    signed_in,
    visible_municipalities,
    visible_schools,
)
from tracker.freezing import submitted_report
from tracker.reports import narrative as narratives
from tracker.reports.docx import build_docx
from tracker.reports.forms import (
    CLOSING_GROUP,
    COMMENT_GROUP,
    FIGURES_GROUP,
    NARRATIVE_LABELS,
    PASSPORT_GROUP,
    SIGNATURE_GROUP,
    ReportPeriodForm,
    narrative_form_for,
    school_field,
)
from tracker.reports.halfyear import file_names, municipal_report
from tracker.reports.halfyear.assembly import content_disposition
from tracker.reports.halfyear.closing import drafted_conclusion
from tracker.reports.halfyear.context import municipal_context
from tracker.reports.halfyear.regional import regional_report
from tracker.reports.halfyear.school_texts import drafted_texts
from tracker.reports.halfyear.school import school_report
from tracker.reports.models import NARRATIVE_FIELDS
from tracker.schools.models import Municipality, OrgType, Region, School
from tracker.working_period import working_period

bp = Blueprint("reports", __name__, url_prefix="/reports")


def chosen_period() -> HalfYear:
    form = ReportPeriodForm(request.args)
    if form.validate() and form.period.period is not None:
        return form.period.period
    return working_period(current_user)


def block_kind(block) -> str:
    return type(block).__name__.lower()


def _download(report, place, place_name: str, period: HalfYear):
    """The report as DOCX; it names people (curators, coordinators, the signatory), so the
    download is audited as an export of personal data."""
    audit.record_personal_data("personal_exported", place, export="report_docx",
                               period=period.code)
    ascii_name, russian_name = file_names(place_name, period)
    response = send_file(BytesIO(build_docx(report.document())),
                         mimetype=storage.CONTENT_TYPES["docx"])
    response.headers["Content-Disposition"] = content_disposition(ascii_name, russian_name)
    return response


@bp.route("/")
@signed_in
def index():
    period = chosen_period().code
    if current_user.role == Role.COORDINATOR:
        return redirect(url_for(".municipality", municipality_id=current_user.municipality_id,
                                period=period))
    if current_user.role == Role.REGIONAL:
        return redirect(url_for(".region", region_id=current_user.region_id, period=period))
    if current_user.role == Role.DIRECTOR and current_user.school.org_type == OrgType.SCHOOL:
        return redirect(url_for(".school", school_id=current_user.school_id, period=period))
    municipalities = (db.session.scalars(visible_municipalities(current_user)).all()
                      if current_user.role == Role.ADMIN else [])
    schools = db.session.scalars(visible_schools(current_user)
                                 .where(School.org_type == OrgType.SCHOOL)
                                 .order_by(School.sort_key)).all()
    return render_template("reports/choose.html", municipalities=municipalities,
                           schools=schools, period=period)


@bp.route("/municipality/<int:municipality_id>")
@role_required(*REPORT_VIEWERS)
def municipality(municipality_id: int):
    place = get_visible_or_404(Municipality, municipality_id)
    period = chosen_period()
    report = municipal_report(place, period, charts=False)
    return render_template(
        "reports/preview.html", report=report, period=period, kind=block_kind,
        download_url=url_for(".municipality_docx", municipality_id=place.id, period=period.code),
        edit_url=(url_for(".narrative", municipality_id=place.id, period=period.code)
                  if can_edit_report_narrative(current_user, place) else None))


@bp.route("/municipality/<int:municipality_id>/report.docx")
@role_required(*REPORT_VIEWERS)
def municipality_docx(municipality_id: int):
    place = get_visible_or_404(Municipality, municipality_id)
    period = chosen_period()
    submitted = submitted_report(place.id, period.code)
    if submitted is not None:  # a submitted period: the file the region received, byte for byte
        audit.record_personal_data("personal_exported", place, export="report_docx",
                                   period=period.code)
        return storage.send(submitted)
    return _download(municipal_report(place, period), place, place.name, period)


@bp.route("/municipality/<int:municipality_id>/narrative", methods=["GET", "POST"])
@role_required(*MANAGERS)
def narrative(municipality_id: int):
    place = get_visible_or_404(Municipality, municipality_id)
    if not can_edit_report_narrative(current_user, place):
        abort(403)
    period = chosen_period()
    record, carried_from = narratives.narrative_for(place.id, period)
    ctx = municipal_context(place, period, charts=False)
    drafts = drafted_texts(ctx)
    schools = [school for school in ctx.schools if school.id in drafts]
    form = narrative_form_for(schools)(request.form if request.method == "POST" else None,
                                       obj=record)
    if request.method == "GET":
        _prefill_drafts(form, record, ctx, drafts, period)
    differences = []
    if form.validate_on_submit():
        fields = {name: form[name].data for name in NARRATIVE_FIELDS}
        texts = {school.id: form[school_field(school.id)].data for school in schools}

        def save():
            narratives.save_narrative(municipality_id=place.id, period=period,
                                      version=form.version.data, **fields)
            narratives.save_school_texts(place.id, period, texts)
        differences = save_versioned_edit(record, form, NARRATIVE_LABELS, save)
        if differences is None:
            flash(_("The narrative of the report is saved."), "success")
            return redirect(url_for(".municipality", municipality_id=place.id,
                                    period=period.code))
    status = 409 if differences else (422 if request.method == "POST" else 200)
    return render_template(
        "reports/narrative.html", form=form, place=place, period=period,
        carried_from=carried_from, differences=differences,
        groups=[group for group in (
            (_("Program passport"), PASSPORT_GROUP),
            (_("Moving the schools to effective operation"),
             [school_field(school.id) for school in schools]),
            (_("Conclusions and priorities"), CLOSING_GROUP),
            (_("Courses in the municipality and the region (figures not in the tracker)"),
             FIGURES_GROUP),
            (_("Comments on the report's sections"), COMMENT_GROUP),
            (_("Signature"), SIGNATURE_GROUP)) if group[1]]), status


def _prefill_drafts(form, record, ctx, drafts: dict[int, str], period) -> None:
    """The texts not written yet start from the data; the coordinator edits the drafts."""
    if not (record.conclusions or "").strip():
        form.conclusions.data = drafted_conclusion(ctx)
    written = narratives.school_texts(list(drafts), period)
    for school_id, draft in drafts.items():
        form[school_field(school_id)].data = written.get(school_id) or draft


def _reported_school(school_id: int) -> School:
    """A general education school in the reader's scope: a kindergarten or a further education
    organization has no half-year report (no anti-risk programs, no low-result list)."""
    place = get_visible_or_404(School, school_id)
    if place.org_type != OrgType.SCHOOL:
        abort(404)
    return place


@bp.route("/school/<int:school_id>")
@signed_in
def school(school_id: int):
    place = _reported_school(school_id)
    period = chosen_period()
    return render_template(
        "reports/preview.html", report=school_report(place, period, charts=False),
        period=period, kind=block_kind, edit_url=None,
        download_url=url_for(".school_docx", school_id=place.id, period=period.code))


@bp.route("/school/<int:school_id>/report.docx")
@signed_in
def school_docx(school_id: int):
    place = _reported_school(school_id)
    period = chosen_period()
    return _download(school_report(place, period), place, place.short_name, period)


@bp.route("/region/<int:region_id>")
@role_required(*REGION_REPORT_VIEWERS)
def region(region_id: int):
    place = get_visible_or_404(Region, region_id)
    period = chosen_period()
    return render_template(
        "reports/preview.html", report=regional_report(place, period), period=period,
        kind=block_kind, edit_url=None,
        download_url=url_for(".region_docx", region_id=place.id, period=period.code))


@bp.route("/region/<int:region_id>/report.docx")
@role_required(*REGION_REPORT_VIEWERS)
def region_docx(region_id: int):
    place = get_visible_or_404(Region, region_id)
    period = chosen_period()
    return _download(regional_report(place, period), place, place.name, period)
