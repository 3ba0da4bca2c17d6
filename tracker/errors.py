"""Domain errors and the error pages (in the user's language, never a traceback)."""
from flask import Flask, render_template
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError

from tracker.db import db


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


def _page(status: int, title: str, text: str):
    return render_template("errors/error.html", status=status, title=title, text=text), status


def register(app: Flask) -> None:
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

    @app.errorhandler(DomainError)
    def refused(error):
        """A business rule no view caught (a closed period, say): its message, nothing saved."""
        db.session.rollback()
        return _page(409, _("This is not possible now"), str(error))

    @app.errorhandler(500)
    def server_error(error):
        db.session.rollback()
        return _page(500, _("Something went wrong"),
                     _("The error has been logged. Try again later or contact the administrator."))
