"""The period pages: a municipality's period (state, history, submission, corrections since),
and the region's municipalities per period (state, deadline, approve or return)."""
from datetime import date

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import select
from wtforms import BooleanField, DateField, HiddenField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from tracker import storage
from tracker.admin.audit_display import audit_rows
from tracker.auth.models import Role
from tracker.closing import services
from tracker.closing.corrections import corrections
from tracker.closing.lifecycle import STATE_LABELS, STEP_LABELS, PeriodState, Step, StepRefused
from tracker.db import db
from tracker.errors import StaleEdit
from tracker.forms import BaseForm, FilterForm, PeriodField
from tracker.permissions import get_visible_or_404, role_required
from tracker.schools.models import Municipality, Region
from tracker.working_period import working_period

bp = Blueprint("closing", __name__, url_prefix="/periods")

VIEWERS = (Role.ADMIN, Role.REGIONAL, Role.COORDINATOR)


class PeriodChoice(FilterForm):
    period = PeriodField(validators=[Optional()])


class StepForm(BaseForm):
    step = HiddenField(validators=[DataRequired()])
    version = HiddenField()
    comment = TextAreaField(_l("Comment or reason"), validators=[Optional(), Length(max=2000)])
    confirmed = BooleanField(_l("Submit even though data is missing"))
    submit = SubmitField(_l("Confirm"))


class DeadlineForm(BaseForm):
    due_on = DateField(_l("Submissions expected by"), validators=[Optional()])
    submit = SubmitField(_l("Set the deadline"))


def chosen_period():
    form = PeriodChoice(request.args)
    if form.validate() and form.period.period is not None:
        return form.period.period
    return working_period(current_user)


def _steps_for(role: str, state: PeriodState) -> list[Step]:
    """The steps the role could take now (the services decide finally)."""
    possible = {Role.COORDINATOR: [Step.SUBMIT], Role.REGIONAL: [Step.APPROVE, Step.RETURN,
                                                                 Step.REOPEN],
                Role.ADMIN: [Step.REOPEN]}.get(role, [])
    allowed = {PeriodState.OPEN: {Step.SUBMIT}, PeriodState.RETURNED: {Step.SUBMIT, Step.REOPEN},
               PeriodState.SUBMITTED: {Step.APPROVE, Step.RETURN, Step.REOPEN},
               PeriodState.APPROVED: {Step.REOPEN}}[state]
    return [step for step in possible if step in allowed]


@bp.route("/municipality/<int:municipality_id>")
@role_required(*VIEWERS)
def municipality_period(municipality_id: int):
    place = get_visible_or_404(Municipality, municipality_id)
    return _page(place, chosen_period())


def _page(place: Municipality, period, *, form=None, missing=None, status: int = 200):
    closing = services.closing_of(place.id, period.code)
    state = PeriodState(closing.state) if closing else PeriodState.OPEN
    last_submit = next((s for s in reversed(closing.steps) if s.step == Step.SUBMIT), None) \
        if closing else None
    changed = audit_rows(corrections(place.id, period, last_submit.at)) \
        if last_submit and state != PeriodState.OPEN else []
    deadline = services.deadline_of(place.region_id, period.code)
    steps = _steps_for(current_user.role, state)
    if missing is None and Step.SUBMIT in steps:  # said before the coordinator submits
        missing = services.missing_data(place, period)
    return render_template(
        "closing/period.html", place=place, period=period, closing=closing, state=state,
        changed=changed, deadline=deadline, today=date.today(), missing=missing,
        steps=steps, form=form or StepForm(),
        STATE_LABELS=STATE_LABELS, STEP_LABELS=STEP_LABELS,
        period_form=PeriodChoice(request.args)), status


@bp.route("/municipality/<int:municipality_id>/step", methods=["POST"])
@role_required(*VIEWERS)
def take_step(municipality_id: int):
    place = get_visible_or_404(Municipality, municipality_id)
    period = chosen_period()
    form = StepForm()
    if not form.validate_on_submit() or form.step.data not in set(Step):
        flash(_("The step was not taken: check the form."), "danger")
        return _page(place, period, form=form, status=422)
    try:
        services.take_step(municipality=place, period=period, step=Step(form.step.data),
                           user=current_user, comment=form.comment.data or "",
                           version=form.version.data, confirmed=form.confirmed.data)
    except services.MissingData as missing:
        db.session.rollback()
        return _page(place, period, form=form, missing=missing.missing, status=422)
    except (StepRefused, StaleEdit) as refused:
        db.session.rollback()
        flash(str(refused), "danger")
        return _page(place, period, form=form, status=422)
    db.session.commit()
    flash(_("Done: the period is %(state)s.", state=STATE_LABELS[
        services.state_of(place.id, period.code)]), "success")
    return redirect(url_for(".municipality_period", municipality_id=place.id, period=period.code))


@bp.route("/municipality/<int:municipality_id>/report.docx")
@role_required(*VIEWERS)
def submitted_report(municipality_id: int):
    """The DOCX as submitted, byte for byte (a period never submitted: the report of now)."""
    place = get_visible_or_404(Municipality, municipality_id)
    period = chosen_period()
    closing = services.closing_of(place.id, period.code)
    if closing is None or closing.snapshot is None or not closing.snapshot.stored_name:
        return redirect(url_for("reports.municipality_docx", municipality_id=place.id,
                                period=period.code))
    return storage.send(closing.snapshot)


@bp.route("/region/<int:region_id>")
@role_required(Role.ADMIN, Role.REGIONAL)
def region_periods(region_id: int):
    place = get_visible_or_404(Region, region_id)
    period = chosen_period()
    return _region_page(place, period)


def _region_page(place: Region, period, *, deadline_form=None, status: int = 200):
    municipalities = db.session.scalars(select(Municipality).where(
        Municipality.region_id == place.id).order_by(Municipality.name)).all()
    closings = {c.municipality_id: c for c in db.session.scalars(
        select(services.PeriodClosing).where(
            services.PeriodClosing.municipality_id.in_([m.id for m in municipalities]),
            services.PeriodClosing.period == period.code))}
    deadline = services.deadline_of(place.id, period.code)
    form = deadline_form or DeadlineForm(due_on=deadline)
    rows = [(municipality, closings.get(municipality.id)) for municipality in municipalities]
    return render_template("closing/region.html", place=place, period=period, rows=rows,
                           deadline=deadline, today=date.today(), form=form,
                           STATE_LABELS=STATE_LABELS, OPEN=PeriodState.OPEN,
                           period_form=PeriodChoice(request.args)), status


@bp.route("/region/<int:region_id>/deadline", methods=["POST"])
@role_required(Role.ADMIN, Role.REGIONAL)
def set_deadline(region_id: int):
    place = get_visible_or_404(Region, region_id)
    period = chosen_period()
    form = DeadlineForm()
    if not form.validate_on_submit():
        return _region_page(place, period, deadline_form=form, status=422)
    services.set_deadline(region_id=place.id, period=period, due_on=form.due_on.data)
    db.session.commit()
    flash(_("The deadline is saved."), "success")
    return redirect(url_for(".region_periods", region_id=place.id, period=period.code))
