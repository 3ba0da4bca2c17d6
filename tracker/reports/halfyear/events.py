"""Methodical events of the school year up to the half-year's end: competitions with the
schools' prizes, the participation tables (organizations × events) and the «Школа – школе»
seminars (host, topic, order, participants)."""
from datetime import date

from flask_babel import gettext as _
from flask_babel import ngettext
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from tracker.db import db
from tracker.i18n import day
from tracker.network import labels
from tracker.network.event_models import (
    EventKind,
    EventParticipation,
    MethodicalEvent,
    ParticipationRole,
)
from tracker.network.queries import number_order, participation_table
from tracker.periods import HalfYear
from tracker.reports.document import Bullets, Heading, Paragraph, Table
from tracker.reports.halfyear.context import ReportContext, Section

EVENTS_PER_TABLE = 3  # wider tables do not fit an A4 page in portrait
PRIZES = (ParticipationRole.WINNER, ParticipationRole.DIPLOMA_1, ParticipationRole.DIPLOMA_2,
          ParticipationRole.DIPLOMA_3)


def events_span(period: HalfYear) -> tuple[date, date]:
    """From the start of the school year (or of the half-year, if later) to the half-year's end:
    the first half-year's report tells of the whole school year, as the reference report does."""
    ends = period.ends_on
    school_year_start = date(ends.year if ends.month >= 9 else ends.year - 1, 9, 1)
    return min(period.starts_on, school_year_start), ends


def load_events(ctx: ReportContext) -> list[MethodicalEvent]:
    starts, ends = events_span(ctx.period)
    return db.session.scalars(
        select(MethodicalEvent)
        .options(selectinload(MethodicalEvent.host_school),
                 selectinload(MethodicalEvent.participations)
                 .selectinload(EventParticipation.school))
        .where(MethodicalEvent.municipality_id == ctx.municipality.id,
               MethodicalEvent.held_on.between(starts, ends))
        .order_by(MethodicalEvent.held_on, MethodicalEvent.id)).all()


def events_section(ctx: ReportContext) -> Section:
    section = Section("events", _("Methodical events"), comment_field="comment_events")
    events = load_events(ctx)
    if not events:
        section.warnings.append(_("No methodical events are recorded for the school year."))
        return section
    schools = sorted(ctx.schools, key=lambda s: number_order(s.short_name))
    competitions = [e for e in events if e.kind == EventKind.COMPETITION]
    section.blocks += _competitions(competitions, set(ctx.school_ids))
    for title, kinds in labels.TABLES:
        chosen = [e for e in events if e.kind in kinds]
        for start in range(0, len(chosen), EVENTS_PER_TABLE):
            section.blocks.append(_participation(str(title),
                                                 chosen[start:start + EVENTS_PER_TABLE], schools))
    seminars = [e for e in events if e.kind in labels.SEMINAR_KINDS]
    if seminars:
        section.blocks += [Heading(_("Seminars «School to school»"), level=2),
                           seminar_table(seminars)]
    return section


def _competitions(competitions: list[MethodicalEvent], school_ids: set[int]) -> list:
    blocks = []
    for event in competitions:
        facts = [day(event.held_on)]
        if event.host_school:
            facts.append(_("hosted by %(school)s", school=event.host_school.short_name))
        if event.order_text:
            facts.append(event.order_text)
        blocks.append(Paragraph(f"{event.title} ({'; '.join(facts)}). {event.result}".strip()))
        prizes = [p for p in event.participations
                  if p.school_id in school_ids and p.role in PRIZES]
        if prizes:
            blocks.append(Paragraph(_("Prizes of the schools with low results:")))
            blocks.append(Bullets([_prize(p) for p in
                                   sorted(prizes, key=lambda p: number_order(p.school.short_name))
                                   ]))
    return blocks


def _prize(mark: EventParticipation) -> str:
    text = str(labels.ROLES[mark.role]).lower()
    if mark.nomination:
        text = _("%(prize)s in the nomination «%(nomination)s»", prize=text,
                 nomination=mark.nomination)
    return f"{mark.school.short_name}: {text}"


def _participation(title: str, events: list[MethodicalEvent], schools: list) -> Table:
    table = participation_table(events, schools)
    rows = []
    for n, school in enumerate(table.schools, start=1):
        cells = []
        for event in table.events:
            mark = table.cells.get((school.id, event.id))
            cells.append(labels.participation_cell(mark.role if mark else None,
                                                   nomination=mark.nomination if mark else "",
                                                   event_kind=event.kind))
        rows.append([str(n), school.short_name, *cells])
    return Table([_("No."), _("School"), *[f"{e.title} ({day(e.held_on)})" for e in events]],
                 rows, caption=title)


def seminar_table(seminars: list[MethodicalEvent]) -> Table:
    rows = []
    for n, event in enumerate(seminars, start=1):
        topic = event.title + (f" ({event.order_text})" if event.order_text else "")
        rows.append([str(n), event.host_school.short_name if event.host_school else "—", topic,
                     _seminar_result(event)])
    return Table([_("No."), _("Host"), _("Topic and order"), _("Participants")], rows,
                 widths_cm=[1.0, 4.0, 6.5, 5.0])


def _seminar_result(event: MethodicalEvent) -> str:
    if event.result:
        return event.result
    guests = [p.school.short_name for p in event.participations
              if p.role != ParticipationRole.ORGANIZER]
    parts = []
    if event.participants_count is not None:
        parts.append(ngettext("%(num)s teacher", "%(num)s teachers", event.participants_count))
    if guests:
        parts.append(", ".join(sorted(guests, key=number_order)))
    return "; ".join(parts) or "—"
