"""The append-only record of changes and denied attempts.

Every flush of an audited model writes one row per changed object automatically,
so a feature cannot forget to audit. Denials and sign-in events are recorded explicitly.
"""
import json
from collections.abc import Iterable
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from flask import has_request_context, request
from flask_login import current_user
from sqlalchemy import JSON, DateTime, Integer, String, Text, cast, event, insert, inspect, or_, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from tracker.db import Base, db, utcnow

SECRET_FIELDS = {"password_hash", "session_epoch"}
SKIPPED_FIELDS = {"created_at", "updated_at", "version"}

_cli_actor: ContextVar[str | None] = ContextVar("cli_actor", default=None)


class AuditEvent(Base):
    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    user_id: Mapped[int | None] = mapped_column(Integer, index=True)
    user_login: Mapped[str] = mapped_column(String(64), default="")
    role: Mapped[str] = mapped_column(String(20), default="")
    action: Mapped[str] = mapped_column(String(40), index=True)
    object_type: Mapped[str] = mapped_column(String(60), default="", index=True)
    object_id: Mapped[str | None] = mapped_column(String(60))
    municipality_id: Mapped[int | None] = mapped_column(Integer, index=True)
    changes: Mapped[dict | None] = mapped_column(JSON)
    ip: Mapped[str] = mapped_column(String(45), default="")


@event.listens_for(AuditEvent, "before_update")
@event.listens_for(AuditEvent, "before_delete")
def _refuse_rewrite(mapper, connection, target):
    raise RuntimeError("audit events are append-only")


@contextmanager
def cli_actor(name: str):
    """Attribute changes made by a command-line run to `name` (for example «cli:seed-demo»)."""
    token = _cli_actor.set(name)
    try:
        yield
    finally:
        _cli_actor.reset(token)


def _actor() -> dict[str, Any]:
    if has_request_context():
        ip = request.remote_addr or ""
        if current_user and current_user.is_authenticated:
            return {"user_id": current_user.id, "user_login": current_user.login,
                    "role": current_user.role, "ip": ip}
        return {"user_id": None, "user_login": "", "role": "anonymous", "ip": ip}
    return {"user_id": None, "user_login": _cli_actor.get() or "system", "role": "cli", "ip": ""}


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (bytes, bytearray)):
        return f"<{len(value)} bytes>"
    return value


def _changes(obj: Any, kind: str) -> dict[str, list[Any]]:
    state = inspect(obj)
    hidden = SECRET_FIELDS | set(getattr(obj, "audit_personal_fields", ()))
    skipped = SKIPPED_FIELDS | set(getattr(obj, "audit_skipped_fields", ()))
    result = {}
    for attr in state.mapper.column_attrs:
        key = attr.key
        if key in skipped:
            continue
        history = state.attrs[key].history
        if kind == "create":
            before, after = None, state.dict.get(key)
        elif kind == "delete":
            before, after = state.dict.get(key), None
        elif history.has_changes():
            before = history.deleted[0] if history.deleted else None
            after = history.added[0] if history.added else None
        else:
            continue
        if before is None and after is None:
            continue
        if key in hidden:
            before, after = ("***" if before else None), "***"
        result[key] = [_plain(before), _plain(after)]
    return result


def _row(obj: Any, action: str, changes: dict | None) -> dict[str, Any]:
    identity = inspect(obj).mapper.primary_key_from_instance(obj)
    return {
        "at": utcnow(),
        "action": action,
        "object_type": type(obj).__name__,
        "object_id": ",".join(str(part) for part in identity if part is not None) or None,
        "municipality_id": getattr(obj, "audit_municipality_id", None),
        "changes": changes,
        **_actor(),
    }


@event.listens_for(Session, "after_flush")
def _audit_flush(session: Session, flush_context) -> None:
    rows = []
    for kind, objects in (("create", session.new), ("update", session.dirty),
                          ("delete", session.deleted)):
        for obj in objects:
            if isinstance(obj, AuditEvent) or not isinstance(obj, Base):
                continue
            if kind == "update" and not session.is_modified(obj, include_collections=False):
                continue
            changes = _changes(obj, kind)
            if kind == "update" and not changes:
                continue
            rows.append(_row(obj, kind, changes))
    if rows:
        session.connection().execute(insert(AuditEvent), rows)


def record(action: str, *, object_type: str = "", object_id: Any = None,
           municipality_id: int | None = None, changes: dict | None = None,
           actor: dict | None = None) -> None:
    """Add an explicit event (sign-in, export…) to the current unit of work."""
    db.session.add(AuditEvent(
        action=action, object_type=object_type,
        object_id=None if object_id is None else str(object_id),
        municipality_id=municipality_id, changes=changes, **(actor or _actor()),
    ))


def record_personal_data(action: str, obj: Any, **changes: Any) -> None:
    """Reading or exporting someone's personal data (152-ФЗ): who (the actor), whose (the object)
    and when, committed at once since the request itself changes nothing."""
    record(action, object_type=type(obj).__name__,
           object_id=",".join(str(part) for part in inspect(obj).identity or ()) or None,
           municipality_id=getattr(obj, "audit_municipality_id", None), changes=changes or None)
    db.session.commit()


def record_denied(*, object_type: str = "", object_id: Any = None,
                  municipality_id: int | None = None, reason: str = "") -> None:
    """Keep a denied attempt even though the request itself changes nothing."""
    db.session.rollback()
    record("denied", object_type=object_type, object_id=object_id,
           municipality_id=municipality_id,
           changes={"endpoint": request.endpoint, "method": request.method,
                    "path": request.path, "reason": reason})
    db.session.commit()


def pseudonymise(names: Iterable[str], pseudonym: str, *, municipality_id: int | None) -> list[int]:
    """The one rewrite of the record that is allowed (a person's data removed on request): every
    event of the person's municipality (or of none: the command line) whose changes mention one
    of `names` keeps its event with `pseudonym` instead; a namesake elsewhere keeps theirs.
    Returns the ids of the rewritten events; the caller records the rewrite itself."""
    names = sorted({name for name in names if name and name.strip()}, key=len, reverse=True)
    if not names:
        return []
    stored = cast(AuditEvent.changes, Text)
    # JSON may be stored with non-ASCII letters escaped (\\uXXXX): look for both spellings
    wanted = or_(*(stored.contains(spelling, autoescape=True) for name in names
                   for spelling in {name, json.dumps(name)[1:-1]}))
    table = AuditEvent.__table__
    rewritten = []
    place = or_(AuditEvent.municipality_id.is_(None),
                AuditEvent.municipality_id == municipality_id)
    for event_id, changes in db.session.execute(select(AuditEvent.id, AuditEvent.changes)
                                                .where(wanted, place).order_by(AuditEvent.id)):
        cleaned = _without(changes, names, pseudonym)
        if cleaned != changes:
            # a table UPDATE, past the append-only guard on the model
            db.session.execute(table.update().where(table.c.id == event_id)
                               .values(changes=cleaned))
            rewritten.append(event_id)
    return rewritten


def _without(value: Any, names: list[str], pseudonym: str) -> Any:
    if isinstance(value, str):
        for name in names:
            value = value.replace(name, pseudonym)
        return value
    if isinstance(value, list):
        return [_without(item, names, pseudonym) for item in value]
    if isinstance(value, dict):
        return {key: _without(item, names, pseudonym) for key, item in value.items()}
    return value
