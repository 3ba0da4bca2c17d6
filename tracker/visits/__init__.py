"""Curator visits, their follow-ups and coverage."""
from flask import Flask

from tracker.blueprints import register_feature


def register(app: Flask) -> None:
    register_feature(app, __name__, (
        "attachment_views", "coverage_views", "follow_up_views", "indicators"))
