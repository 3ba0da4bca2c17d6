"""notify() for the features, inside their own transaction; reading; the registry of the
notifications that fall due on a day. Callers commit (e-mail copies leave after the commit)."""
import hashlib
import json
from collections.abc import Callable, Iterable
from datetime import date, datetime

from sqlalchemy import func, select, update

from tracker.auth.models import User
from tracker.db import db, utcnow
from tracker.notifications import mail
from tracker.notifications.models import Notification, NotificationKind
from tracker.urls import Link

MAX_PARAM_LENGTH = 300  # a long comment or recommendation is shortened in the notification


def notify(users: Iterable[User | None], kind: NotificationKind | str, *, link: Link,
           **params) -> list[Notification]:
    """One notification per active recipient, added to the caller's transaction; the caller's
    commit keeps them with the change that caused them, then sends the e-mail copies."""
    return _notify(users, kind, link=link, params=params)


def _notify(users, kind, *, link: Link, params: dict, due_key: str | None = None):
    kind = NotificationKind(kind)
    recipients = _recipients(users)
    if due_key is not None and recipients:
        already = set(db.session.scalars(select(Notification.user_id).where(
            Notification.due_key == due_key,
            Notification.user_id.in_([u.id for u in recipients]))))
        recipients = [u for u in recipients if u.id not in already]
    rows = [Notification(user=user, kind=kind.value, params=_plain(params),
                         link_endpoint=link.endpoint, link_args=dict(link.args), due_key=due_key)
            for user in recipients]
    db.session.add_all(rows)
    db.session.flush()
    mail.queue_copies(db.session(), rows)
    return rows


def _recipients(users) -> list[User]:
    seen, result = set(), []
    for user in users:
        if user is None or not user.is_active or user.id in seen:
            continue
        seen.add(user.id)
        result.append(user)
    return result


def _plain(params: dict) -> dict:
    result = {}
    for key, value in params.items():
        if isinstance(value, (date, datetime)):
            value = value.isoformat()
        elif value is not None and not isinstance(value, (int, float, str)):
            value = str(value)
        if isinstance(value, str) and len(value) > MAX_PARAM_LENGTH:
            value = value[:MAX_PARAM_LENGTH - 1].rstrip() + "…"
        result[key] = value
    return result


# --- reading ---------------------------------------------------------------------------------

def notifications_of(user: User):
    """The user's own notifications, newest first."""
    return (select(Notification).where(Notification.user_id == user.id)
            .order_by(Notification.created_at.desc(), Notification.id.desc()))


def unread_count(user: User) -> int:
    return db.session.scalar(select(func.count()).select_from(Notification).where(
        Notification.user_id == user.id, Notification.read_at.is_(None))) or 0


def mark_read(notification: Notification) -> None:
    if notification.read_at is None:
        notification.read_at = utcnow()
        db.session.flush()


def mark_all_read(user: User) -> int:
    result = db.session.execute(
        update(Notification).where(Notification.user_id == user.id,
                                   Notification.read_at.is_(None))
        .values(read_at=utcnow()).execution_options(synchronize_session=False))
    return result.rowcount or 0


# --- notifications that fall due on a day ----------------------------------------------------

DueItem = tuple[Iterable[User], NotificationKind | str, Link, dict]
DueProvider = Callable[[date], Iterable[DueItem]]
DUE_PROVIDERS: list[DueProvider] = []


def due_notifications(provider: DueProvider) -> DueProvider:
    """Register a provider: for a day, it yields (users, kind, link, params) of what falls due
    that day. `flask notify due` runs every provider once a day."""
    DUE_PROVIDERS.append(provider)
    return provider


def send_due(day: date) -> int:
    """Run every provider for `day`; a notification already sent for that day (same provider,
    kind, link, parameters and recipient) is not sent again. Returns how many were added."""
    added = 0
    for provider in DUE_PROVIDERS:
        name = f"{provider.__module__}.{provider.__qualname__}"
        for users, kind, link, params in provider(day):
            key = due_key(name, day, kind, link, params)
            added += len(_notify(users, kind, link=link, params=params, due_key=key))
    return added


def due_key(provider: str, day: date, kind, link: Link, params: dict) -> str:
    identity = [provider, day.isoformat(), str(kind), link.endpoint, link.args, _plain(params)]
    text = json.dumps(identity, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode()).hexdigest()
