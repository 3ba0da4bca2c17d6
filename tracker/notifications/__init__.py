"""In-app notifications (the bell, the list) with e-mail copies, and the daily run of the
notifications that fall due on a day (`flask notify due`)."""
from flask import Flask

from tracker.blueprints import register_feature


def register(app: Flask) -> None:
    register_feature(app, __name__)
    from tracker.notifications.views import unread_count
    app.jinja_env.globals["unread_notifications"] = unread_count
