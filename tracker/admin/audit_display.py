"""The audit log as a person reads it: actions, objects and fields by their Russian names, values
formatted (dates in local time, yes/no, references by name, codes by their labels).

The records keep what was stored (codes, ids, ISO dates); only this display translates them, so
the log stays an exact record. Objects of one page are loaded in one query per model.
"""
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime

from flask_babel import gettext as _
from flask_babel import ngettext
from sqlalchemy import Date, DateTime, inspect, select

from tracker import labels
from tracker.audit import AuditEvent
from tracker.db import Base, db
from tracker.i18n import day
from tracker.periods import label_of

TITLE_FIELDS = ("title", "name", "short_name", "full_name", "program_title", "original_name",
                "login")
PARENTS = ("program", "measure", "visit", "teacher", "profile", "plan", "document")
MAX_TEXT = 200


@dataclass
class Change:
    label: str
    before: str
    after: str


@dataclass
class AuditRow:
    event: AuditEvent
    action: str
    is_warning: bool
    actor_role: str
    actor: str
    object: str
    changes: list[Change] = field(default_factory=list)


def audit_rows(events: list[AuditEvent]) -> list[AuditRow]:
    objects = _load_objects(events)
    return [AuditRow(
        event, str(labels.ACTION_LABELS.get(event.action, event.action)),
        event.action in labels.WARNING_ACTIONS,
        str(labels.ACTOR_ROLE_LABELS.get(event.role, event.role or "—")),
        _actor(event), _object_name(event, objects.get((event.object_type, event.object_id))),
        _changes(event)) for event in events]


def model_classes() -> dict[str, type]:
    return {mapper.class_.__name__: mapper.class_ for mapper in Base.registry.mappers}


def object_type_choices() -> list[tuple[str, str]]:
    names = [name for name in model_classes() if name != "AuditEvent"]
    return sorted(((name, labels.object_label(name)) for name in names), key=lambda c: c[1])


def _load_objects(events: list[AuditEvent]) -> dict[tuple[str, str], object]:
    wanted: dict[str, set[int]] = defaultdict(set)
    for event in events:
        if event.object_type and event.object_id and event.object_id.isdigit():
            wanted[event.object_type].add(int(event.object_id))
    classes, found = model_classes(), {}
    for name, ids in wanted.items():
        model = classes.get(name)
        if model is None or len(inspect(model).primary_key) != 1:
            continue
        for obj in db.session.scalars(select(model).where(inspect(model).primary_key[0].in_(ids))):
            found[name, str(inspect(obj).identity[0])] = obj
    return found


def _actor(event: AuditEvent) -> str:
    if event.role == "cli":
        return _("system")
    return event.user_login or "—"


def _object_name(event: AuditEvent, obj) -> str:
    """«Мероприятие «Семинар» (СОШ № 5)»; a deleted object by what the deletion recorded."""
    if not event.object_type:
        return "—"
    kind = labels.object_label(event.object_type)
    title = _title(obj) if obj is not None else _recorded_title(event)
    school = _school_of(obj) if obj is not None else None
    text = f"{kind} «{title}»" if title else (
        f"{kind} № {event.object_id}" if event.object_id else kind)
    return f"{text} ({school})" if school and school != title else text


def _title(obj) -> str | None:
    for name in TITLE_FIELDS:
        value = getattr(obj, name, None)
        if isinstance(value, str) and value.strip():
            return _cut(value.strip(), 80)
    return None


def _recorded_title(event: AuditEvent) -> str | None:
    for name in TITLE_FIELDS:
        pair = (event.changes or {}).get(name)
        if isinstance(pair, list) and len(pair) == 2 and (pair[0] or pair[1]):
            return _cut(str(pair[0] or pair[1]), 80)
    return None


def _school_of(obj, depth: int = 0) -> str | None:
    school = getattr(obj, "school", None)
    if school is not None and hasattr(school, "short_name"):
        return school.short_name
    if depth < 2:
        for name in PARENTS:
            parent = getattr(obj, name, None)
            if isinstance(parent, Base):
                return _school_of(parent, depth + 1)
    return None


def _changes(event: AuditEvent) -> list[Change]:
    model = event.object_type
    changes = []
    for key, value in (event.changes or {}).items():
        if key in labels.HIDDEN_FIELDS:
            continue
        label = labels.field_label(model, key)
        if isinstance(value, list) and len(value) == 2:
            before, after = (_value(model, key, v) for v in value)
            if event.action == "create":
                before = ""
            elif event.action == "delete":
                before, after = "", before
            changes.append(Change(label, before, after))
        else:
            changes.append(Change(label, "", _value(model, key, value)))
    return changes


def _value(model: str, key: str, value) -> str:
    """One stored value as text: «—» for nothing, «да»/«нет», a date, a name, a label."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if key == "reason" and value in labels.DENIAL_REASONS:
        return str(labels.DENIAL_REASONS[value])
    if isinstance(value, dict) and model == "Indicator" and key == "filters":
        return ", ".join(labels.filter_words(value)) or "—"
    if isinstance(value, (dict, list)):
        return ngettext("%(num)d entry", "%(num)d entries", len(value))
    label = labels.value_label(model, key, value)
    if label is not None:
        return label
    if key == "period" or key == "code":
        return _period_or_indicator(key, str(value))
    if key.endswith("_id") and isinstance(value, int):
        return _reference(model, key, value)
    if isinstance(value, str) and _holds_a_moment(model, key):
        return _moment(value)
    return _cut(str(value), MAX_TEXT)


def _period_or_indicator(key: str, value: str) -> str:
    if key == "period":
        return label_of(value)
    from tracker.indicators.models import Indicator
    indicator = db.session.scalar(select(Indicator).where(Indicator.code == value)
                                  .order_by(Indicator.id).limit(1))
    return indicator.name if indicator else value


def _reference(model: str, key: str, value: int) -> str:
    """A foreign key by the name of what it points to (the id when it is gone)."""
    target = _referenced_model(model, key)
    obj = db.session.get(target, value) if target is not None else None
    title = _title(obj) if obj is not None else None
    return title or f"№ {value}"


def _referenced_model(model: str, key: str):
    cls = model_classes().get(model)
    if cls is None or key not in cls.__table__.columns:
        return None
    for foreign_key in cls.__table__.columns[key].foreign_keys:
        table = foreign_key.column.table
        for mapper in Base.registry.mappers:
            if mapper.local_table is table:
                return mapper.class_
    return None


def _holds_a_moment(model: str, key: str) -> bool:
    cls = model_classes().get(model)
    if cls is not None and key in cls.__table__.columns:
        return isinstance(cls.__table__.columns[key].type, (Date, DateTime))
    return key.endswith(("_at", "_on")) or key == "at"


def _moment(text: str) -> str:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return text
    if len(text) == 10:
        return day(date.fromisoformat(text))
    return day(moment)


def _cut(text: str, length: int) -> str:
    return text if len(text) <= length else text[:length - 1] + "…"
