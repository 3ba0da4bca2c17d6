"""Changes to a submitted period's records: the audit's changes made after the submission to
records dated in the period. Each feature declares which of its records belong to a period
(`@dated_records("Measure")`), as it registers its metrics; this module knows no feature."""
from collections.abc import Callable
from datetime import datetime

from sqlalchemy import Select, select

from tracker.audit import AuditEvent
from tracker.db import db

# object type -> function(period) giving the ids of that type's records dated in the period
DATED: dict[str, Callable[[object], Select]] = {}


def dated_records(object_type: str):
    def register(function: Callable[[object], Select]):
        DATED[object_type] = function
        return function
    return register


def corrections(municipality_id: int, period, since: datetime) -> list[AuditEvent]:
    """Changes after `since` to the municipality's records of the period, oldest first (a
    record deleted since counts too: it may have been one of the period's)."""
    events = db.session.scalars(select(AuditEvent).where(
        AuditEvent.municipality_id == municipality_id, AuditEvent.at > since,
        AuditEvent.object_type.in_(list(DATED)),
        AuditEvent.action.in_(("create", "update", "delete")))
        .order_by(AuditEvent.at, AuditEvent.id)).all()
    in_period: dict[str, set[str]] = {}
    for kind in {event.object_type for event in events}:
        in_period[kind] = {str(found) for found in db.session.scalars(DATED[kind](period))}
    return [event for event in events
            if event.action == "delete" or event.object_id in in_period[event.object_type]]
