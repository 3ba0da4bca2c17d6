"""Teachers of a school: deficit diagnostics, individual development programs, mentoring, courses (КПК)."""
from flask import Flask

from tracker.blueprints import register_feature


def register(app: Flask) -> None:
    register_feature(app, __name__, ("views_import", "views_records", "views_school", "indicators"))
