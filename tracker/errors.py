"""Domain errors and the error pages (in the user's language, never a traceback), and the
retry of a request whose write lost a race with another one."""
import functools
from collections.abc import Callable

from flask import Flask, current_app, g, render_template, request, session
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError
from sqlalchemy.exc import SQLAlchemyError

from tracker.db import db, is_conflict, is_unavailable


class DomainError(Exception):
    """A broken business rule; the view shows `message` to the user."""

    message = _l("The operation is not allowed.")

    def __init__(self, message=None):
        super().__init__(message or self.message)
        if message is not None:
            self.message = message

    def __str__(self) -> str:
        return str(self.message)


class StaleEdit(DomainError):
    message = _l("The record was changed by another user. Review the current values and save again.")


class ConcurrentChange(StaleEdit):
    """Other users kept saving the same records while this request was retried."""


CONFLICT_RETRIES = 2


def retry_on_conflict(view: Callable) -> Callable:
    """Run the view again when its write lost a race (a stale version at flush, a unique key
    taken meanwhile, a deadlock): the database is rolled back, and the second run sees the
    winner's row, so it answers as if it had come second — the stale-edit screen with what the
    user typed, a field error on a taken name — instead of a server error."""

    @functools.wraps(view)
    def retrying(*args, **kwargs):
        flashes = list(session.get("_flashes", ()))
        for attempt in range(CONFLICT_RETRIES + 1):
            try:
                return view(*args, **kwargs)
            except SQLAlchemyError as error:
                if not is_conflict(error):
                    raise
                db.session.rollback()
                current_app.logger.info("write conflict in %s (%s), attempt %d",
                                        request.endpoint, type(error).__name__, attempt + 1)
                if attempt == CONFLICT_RETRIES:
                    raise ConcurrentChange() from error
                _rewind_request(flashes)
        raise AssertionError("unreachable")

    return retrying


def _rewind_request(flashes: list) -> None:
    """What the first run consumed or added is as it was: uploaded streams, flashed messages."""
    if flashes:
        session["_flashes"] = list(flashes)
    else:
        session.pop("_flashes", None)
    for _name, upload in request.files.items(multi=True):
        upload.stream.seek(0)


def _page(status: int, title: str, text: str):
    return render_template("errors/error.html", status=status, title=title, text=text), status


def _anonymous_page(status: int, template: str):
    """A page rendered without asking the database anything (it is not answering)."""
    try:
        db.session.rollback()
    except SQLAlchemyError:
        pass
    g._login_user = current_app.login_manager.anonymous_user()
    response = current_app.make_response((render_template(template), status))
    response.headers["Retry-After"] = "30"
    return response


def register(app: Flask) -> None:
    for endpoint, view in list(app.view_functions.items()):
        if endpoint != "static":
            app.view_functions[endpoint] = retry_on_conflict(view)

    @app.errorhandler(DomainError)
    def refused(error):
        """A broken rule no view turned into a message of its own: still the message, not a
        server error."""
        db.session.rollback()
        return _page(422, _("The action was refused"), str(error))

    @app.errorhandler(StaleEdit)
    def conflict(error):
        db.session.rollback()
        return _page(409, _("The record was changed by another user"), str(error))

    @app.errorhandler(SQLAlchemyError)
    def database_error(error):
        if is_unavailable(error):
            app.logger.warning("database unavailable in %s: %s", request.endpoint,
                               type(error.__cause__ or error).__name__)
            return _anonymous_page(503, "errors/unavailable.html")
        if is_conflict(error):
            return conflict(ConcurrentChange())
        raise error

    @app.errorhandler(RedisConnectionError)
    @app.errorhandler(RedisTimeoutError)
    def shared_store_down(error):
        """The sign-in limits' Redis (REDIS_URL) not answering: the service is unavailable,
        as when the database is down — never a server error."""
        app.logger.warning("shared store unavailable in %s: %s", request.endpoint,
                           type(error).__name__)
        return _anonymous_page(503, "errors/unavailable.html")

    @app.errorhandler(400)
    def bad_request(error):
        return _page(400, _("Bad request"), _("The request could not be understood."))

    @app.errorhandler(CSRFError)
    def csrf_error(error):
        return _page(400, _("The form has expired"),
                     _("Reload the page and submit the form again."))

    @app.errorhandler(403)
    def forbidden(error):
        return _page(403, _("Access denied"), _("You do not have permission to do this."))

    @app.errorhandler(404)
    def not_found(error):
        return _page(404, _("Page not found"),
                     _("The page does not exist or is not available to you."))

    @app.errorhandler(405)
    def not_allowed(error):
        return _page(405, _("Method not allowed"), _("This address does not accept this request."))

    @app.errorhandler(413)
    def too_large(error):
        limit_mb = app.config["MAX_CONTENT_LENGTH"] // (1024 * 1024)
        return _page(413, _("The file is too large"),
                     _("Files up to %(mb)s MB are accepted.", mb=limit_mb))

    @app.errorhandler(429)
    def too_many(error):
        return _page(429, _("Too many requests"), _("Wait a little and try again."))

    @app.errorhandler(500)
    def server_error(error):
        try:
            db.session.rollback()
        except SQLAlchemyError:
            pass
        return _page(500, _("Something went wrong"),
                     _("The error has been logged. Try again later or contact the administrator."))
