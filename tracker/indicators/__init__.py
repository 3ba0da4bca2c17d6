"""Indicators, targets and dashboards."""
from flask import Flask

from tracker.blueprints import register_feature


def register(app: Flask) -> None:
    register_feature(app, __name__, ("target_views", "entry_views", "import_views"))
