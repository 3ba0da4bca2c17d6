"""Sessions: loading the user, ending sessions of deactivated users, idle and absolute lifetimes."""
import time

from flask import Flask, current_app, flash, redirect, request, session, url_for
from flask.sessions import SecureCookieSessionInterface
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_user, logout_user

from sqlalchemy import func, update

from tracker.auth.models import User
from tracker.db import db
from tracker.extensions import login_manager


def init_login(app: Flask) -> None:
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = _l("Please sign in to open this page.")
    login_manager.login_message_category = "info"
    login_manager.session_protection = "basic"
    app.session_interface = CookieSessions()


class CookieSessions(SecureCookieSessionInterface):
    """Flask's signed cookie sessions, except that static files and responses a shared cache may
    keep never carry the session cookie: a cached Set-Cookie would hand one user's session to
    another, and a late answer for a stylesheet must not bring back a session just ended."""

    def save_session(self, app, session, response) -> None:
        if request.endpoint in STATIC_ENDPOINTS or response.cache_control.public:
            return
        super().save_session(app, session, response)


STATIC_ENDPOINTS = frozenset({"static", "assets.vendor", "assets.favicon"})


@login_manager.user_loader
def load_user(identity: str) -> User | None:
    """A session is valid only for an active user whose session epoch has not moved on."""
    user_id, _, epoch = identity.partition(":")
    if not user_id.isdigit() or not epoch.isdigit():
        return None
    user = db.session.get(User, int(user_id))
    if user is None or not user.is_active or user.session_epoch != int(epoch):
        return None
    return user


def start_session(user: User) -> None:
    session.clear()
    login_user(user)
    session.permanent = True
    now = int(time.time())
    session["auth_at"] = now
    session["seen_at"] = now


def end_session() -> None:
    logout_user()
    session.clear()


def end_every_session() -> None:
    """Sign out for good: the epoch moves on, so a copy of this session's cookie (or any other
    session of the account) no longer signs anyone in. The caller commits."""
    db.session.execute(update(User).where(User.id == current_user.id).values(
        session_epoch=func.coalesce(User.session_epoch, 0) + 1))
    end_session()


def enforce_session_lifetimes():
    """before_request: end a session idle too long or older than the absolute lifetime."""
    if request.endpoint == "static" or not current_user.is_authenticated:
        return None
    now = int(time.time())
    idle = current_app.config["SESSION_IDLE_TIMEOUT"].total_seconds()
    absolute = current_app.config["SESSION_ABSOLUTE_TIMEOUT"].total_seconds()
    auth_at, seen_at = session.get("auth_at", 0), session.get("seen_at", 0)
    if now - seen_at > idle or now - auth_at > absolute:
        end_session()
        flash(_l("Your session has expired. Please sign in again."), "info")
        return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))
    session["seen_at"] = now
    return None
