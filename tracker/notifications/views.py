"""The bell's count, the list of the user's own notifications, opening and marking them read.
Reading one's own notifications is not audited; reaching for another's is (as a denial)."""
from flask import Blueprint, abort, current_app, flash, g, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user
from werkzeug.routing import BuildError

from tracker import audit
from tracker.db import db
from tracker.notifications import services
from tracker.notifications.forms import NotificationForm, ReadAllForm
from tracker.notifications.models import Notification
from tracker.permissions import signed_in

bp = Blueprint("notifications", __name__, url_prefix="/notifications")


def unread_count() -> int:
    """For the bell in base.html: one count per request, none for a visitor."""
    if not current_user.is_authenticated:
        return 0
    if "unread_notifications" not in g:
        g.unread_notifications = services.unread_count(current_user)
    return g.unread_notifications


@bp.route("/")
@signed_in
def index():
    page = db.paginate(services.notifications_of(current_user),
                       per_page=current_app.config["PAGE_SIZE"], error_out=False)
    return render_template("notifications/index.html", page=page, form=NotificationForm(),
                           read_all_form=ReadAllForm(), unread=unread_count())


def _own_or_404(form: NotificationForm) -> Notification:
    notification = db.session.get(Notification, form.notification.data)
    if notification is None:
        abort(404)
    if notification.user_id != current_user.id:
        audit.record_denied(object_type="Notification", object_id=notification.id,
                            reason="scope")
        abort(404)
    return notification


def _back(form: NotificationForm):
    page = form.page.data if form.page.data and form.page.data > 1 else None
    return redirect(url_for(".index", page=page))


@bp.route("/open", methods=["POST"])
@signed_in
def open_one():
    form = NotificationForm()
    if not form.validate_on_submit():
        flash(_("Choose a notification."), "warning")
        return redirect(url_for(".index"))
    notification = _own_or_404(form)
    services.mark_read(notification)
    db.session.commit()
    return redirect(target(notification))


def target(notification: Notification) -> str:
    """The notification's page; the list when the link no longer builds (a page removed)."""
    try:
        return url_for(notification.link_endpoint, **(notification.link_args or {}))
    except (BuildError, TypeError, ValueError):
        flash(_("The page this notification led to is no longer available."), "warning")
        return url_for(".index")


@bp.route("/read", methods=["POST"])
@signed_in
def read_one():
    form = NotificationForm()
    if not form.validate_on_submit():
        flash(_("Choose a notification."), "warning")
        return redirect(url_for(".index"))
    services.mark_read(_own_or_404(form))
    db.session.commit()
    return _back(form)


@bp.route("/read-all", methods=["POST"])
@signed_in
def read_all():
    if ReadAllForm().validate_on_submit():
        count = services.mark_all_read(current_user)
        db.session.commit()
        flash(ngettext("%(num)d notification marked as read.",
                       "%(num)d notifications marked as read.", count) if count
              else _("There are no unread notifications."), "success")
    return redirect(url_for(".index"))
