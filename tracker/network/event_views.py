"""Methodical events: the list with the report's participation tables, one event, its editing."""
from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from tracker.editing import save_versioned_edit
from tracker.db import db
from tracker.errors import DomainError
from tracker.network import labels, queries, services
from tracker.network.blueprint import (bp, chosen_municipality, chosen_period, latest_event_day,
                                       municipality_choices, organization_choices)
from tracker.network.event_models import EventParticipation, MethodicalEvent
from tracker.network.forms import (DeleteEventForm, EventFilterForm, EventForm,
                                   ParticipationForm, RemoveParticipationForm)
from tracker.periods import HalfYear
from tracker.permissions import (EVENT_VIEWERS, MANAGERS, can_edit, get_visible_or_404,
                                 role_required, visible_events, visible_school_ids,
                                 visible_schools)
from tracker.network.labels import SEMINAR_KINDS, TABLES
from tracker.schools.models import School

EVENT_LABELS = {"title": _l("Title"), "kind": _l("Kind"), "level": _l("Level"),
                "held_on": _l("Date"), "order_text": _l("Order («приказ»)"),
                "participants_count": _l("Number of participants"), "result": _l("Result")}


def low_result_schools(municipality_id: int, year: int) -> list[School]:
    """The ШНОР of the municipality in `year` that the user may see: rows of the tables,
    in the report's order (by school number, unnumbered first)."""
    schools = db.session.scalars(visible_schools(current_user).where(
        School.id.in_(queries.low_result_school_ids(municipality_id, year)))).all()
    return sorted(schools, key=lambda school: queries.number_order(school.short_name))


@bp.route("/events")
@role_required(*EVENT_VIEWERS)
def events():
    form = EventFilterForm(request.args)
    form.municipality.choices = municipality_choices()
    form.validate()
    municipality = chosen_municipality(form.municipality.data)
    if municipality is None:
        return render_template("network/events.html", form=form, municipality=None)
    period = chosen_period(form.period.data, latest_event_day(municipality.id),
                           form.period.periodicities)
    form.municipality.data, form.period.data = municipality.id, period.code
    stmt = (visible_events(current_user)
            .options(selectinload(MethodicalEvent.host_school))
            .where(MethodicalEvent.municipality_id == municipality.id,
                   MethodicalEvent.held_on.between(period.starts_on, period.ends_on))
            .order_by(MethodicalEvent.held_on, MethodicalEvent.id))
    if form.kind.data:
        stmt = stmt.where(MethodicalEvent.kind == form.kind.data)
    listed = db.session.scalars(stmt).all()
    schools = low_result_schools(municipality.id, period.year)
    scope = visible_school_ids(current_user).where(
        School.id.in_(queries.low_result_school_ids(municipality.id, period.year)))
    tables = [(title, queries.participation_table([e for e in listed if e.kind in kinds], schools))
              for title, kinds in TABLES]
    return render_template(
        "network/events.html", form=form, municipality=municipality, period=period,
        events=listed, tables=[t for t in tables if t[1].events], labels=labels,
        seminars=[e for e in listed if e.kind in SEMINAR_KINDS],
        competitions=queries.competitions_share(scope, period),
        can_create=current_user.role in MANAGERS)


def _event_form(municipality_id: int, formdata=None, obj=None) -> EventForm:
    form = EventForm(formdata, obj=obj)
    form.host_school_id.choices = [(0, _l("— not a school —"))] + \
        organization_choices(municipality_id)
    return form


def _event_fields(form: EventForm) -> dict:
    return {name: form[name].data for name in services.EVENT_FIELDS}


@bp.route("/events/new", methods=["GET", "POST"])
@role_required(*MANAGERS)
def create_event():
    municipality = chosen_municipality(request.args.get("municipality", type=int))
    if municipality is None:
        return redirect(url_for(".events"))
    form = _event_form(municipality.id, request.form if request.method == "POST" else None)
    form.version.data = "0"
    if form.validate_on_submit():
        try:
            event = services.create_event(municipality_id=municipality.id, **_event_fields(form))
        except DomainError as error:
            flash(str(error), "danger")
        else:
            db.session.commit()
            flash(_("The event has been recorded."), "success")
            return redirect(url_for(".event", event_id=event.id))
    return render_template("network/event_form.html", form=form, event=None,
                           municipality=municipality)


@bp.route("/events/<int:event_id>/edit", methods=["GET", "POST"])
@role_required(*MANAGERS)
def edit_event(event_id: int):
    event = get_visible_or_404(MethodicalEvent, event_id, edit=True)
    form = _event_form(event.municipality_id,
                       request.form if request.method == "POST" else None, obj=event)
    if request.method == "GET":
        form.host_school_id.data = event.host_school_id or 0
    differences = []
    if form.validate_on_submit():
        differences = save_versioned_edit(
            event, form, EVENT_LABELS,
            lambda: services.update_event(event, version=form.version.data,
                                          **_event_fields(form)))
        if differences is None:
            flash(_("Changes saved."), "success")
            return redirect(url_for(".event", event_id=event.id))
    return render_template("network/event_form.html", form=form, event=event,
                           municipality=event.municipality, differences=differences)


@bp.route("/events/<int:event_id>")
@role_required(*EVENT_VIEWERS)
def event(event_id: int):
    return _render_event(get_visible_or_404(MethodicalEvent, event_id))


def _participation_form(event: MethodicalEvent, formdata=None) -> ParticipationForm:
    form = ParticipationForm(formdata)
    form.school_id.choices = organization_choices(event.municipality_id)
    return form


def _render_event(event: MethodicalEvent, *, form=None, status=200):
    participations = db.session.scalars(
        select(EventParticipation).join(School)
        .options(selectinload(EventParticipation.school))
        .where(EventParticipation.event_id == event.id,
               School.id.in_(visible_school_ids(current_user)))
        .order_by(School.sort_key)).all()
    editable = can_edit(current_user, event)
    return render_template(
        "network/event.html", event=event, host=event.host_school,
        participations=participations, labels=labels,
        can_edit=editable, remove_form=RemoveParticipationForm(), delete_form=DeleteEventForm(),
        form=(form or _participation_form(event)) if editable else None), status


@bp.route("/events/<int:event_id>/participation", methods=["POST"])
@role_required(*MANAGERS)
def mark_participation(event_id: int):
    event = get_visible_or_404(MethodicalEvent, event_id, edit=True)
    form = _participation_form(event, request.form)
    if form.validate_on_submit():
        school = get_visible_or_404(School, form.school_id.data)
        try:
            services.set_participation(event, school=school, role=form.role.data,
                                       nomination=form.nomination.data,
                                       teachers=form.teachers.data, note=form.note.data)
        except DomainError as error:
            flash(str(error), "danger")
        else:
            db.session.commit()
            flash(_("Participation of %(school)s has been marked.", school=school.short_name),
                  "success")
            return redirect(url_for(".event", event_id=event.id))
    return _render_event(event, form=form, status=422)


@bp.route("/events/<int:event_id>/participation/remove", methods=["POST"])
@role_required(*MANAGERS)
def remove_participation(event_id: int):
    """Remove an organization's mark; the organization travels in the form, so a repeated
    request finds nothing left to remove instead of failing."""
    event = get_visible_or_404(MethodicalEvent, event_id, edit=True)
    form = RemoveParticipationForm()
    if form.validate_on_submit():
        participation = db.session.scalar(select(EventParticipation).where(
            EventParticipation.event_id == event.id,
            EventParticipation.school_id == form.school_id.data,
            EventParticipation.school_id.in_(visible_school_ids(current_user))))
        if participation is not None:
            services.remove_participation(participation)
            db.session.commit()
            flash(_("The participation has been removed."), "success")
    return redirect(url_for(".event", event_id=event.id))


@bp.route("/events/<int:event_id>/delete", methods=["POST"])
@role_required(*MANAGERS)
def delete_event(event_id: int):
    event = get_visible_or_404(MethodicalEvent, event_id, edit=True)
    if not DeleteEventForm().validate_on_submit():
        return redirect(url_for(".event", event_id=event.id))
    municipality_id, held_on = event.municipality_id, event.held_on
    services.delete_event(event)
    db.session.commit()
    flash(_("The event has been deleted."), "success")
    return redirect(url_for(".events", municipality=municipality_id,
                            period=HalfYear.containing(held_on).code))
