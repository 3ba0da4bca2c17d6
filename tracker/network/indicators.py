"""The network's figures for the indicators feature: «Доля ШНОР, представивших педагогов на
муниципальные конкурсы педагогического мастерства», with the records behind each school."""
from flask import url_for
from flask_babel import gettext as _
from sqlalchemy import Select, select

from tracker.db import db
from tracker.i18n import day
from tracker.indicators.calculations import Fraction
from tracker.indicators.metrics import metric
from tracker.indicators.providers import RecordList, RecordRow, drills
from tracker.network import labels, queries
from tracker.network.event_models import (TAKING_PART, EventKind, EventLevel,
                                          EventParticipation, MethodicalEvent)
from tracker.periods import Period

CODE = "schools_in_competitions"


@metric(CODE)
def competitions_by_school(school_ids: Select, period: Period) -> dict[int, Fraction]:
    """Each school counts 1 of 1 when it sent teachers to a municipal competition, else 0 of 1."""
    return {school_id: Fraction(int(took_part), 1) for school_id, _count, took_part
            in queries.schools_in_competitions(school_ids, period)}


@drills(CODE)
def competition_records(school_id: int, period: Period) -> RecordList:
    """The school's marks at events of the period: municipal competitions it took part in count."""
    rows = db.session.execute(
        select(MethodicalEvent, EventParticipation).join(EventParticipation)
        .where(EventParticipation.school_id == school_id,
               MethodicalEvent.held_on.between(period.starts_on, period.ends_on))
        .order_by(MethodicalEvent.held_on)).all()
    records = RecordList([_("Date"), _("Event"), _("Kind"), _("Level"), _("Participation")])
    for event, mark in rows:
        counted = (event.kind == EventKind.COMPETITION and event.level == EventLevel.MUNICIPAL
                   and mark.role in TAKING_PART)
        records.rows.append(RecordRow(
            [day(event.held_on), event.title, str(labels.EVENT_KINDS[event.kind]),
             str(labels.EVENT_LEVELS[event.level]), str(labels.ROLES[mark.role])],
            url=url_for("network.event", event_id=event.id), counted=counted))
    return records
