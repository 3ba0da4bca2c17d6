"""Concept documents, anti-risk programs, measures and evidence."""
from flask import Flask

from tracker.blueprints import register_feature


def register(app: Flask) -> None:
    register_feature(app, __name__, (
        "document_views", "measure_list_views", "measure_views", "queue_views", "indicators"))
