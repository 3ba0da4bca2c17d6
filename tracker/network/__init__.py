"""Network communities and methodical events."""
from flask import Flask

from tracker.blueprints import register_feature


def register(app: Flask) -> None:
    register_feature(app, __name__, (
        "community_views", "group_views", "event_views", "development_views", "import_views", "note_views", "indicators"))
