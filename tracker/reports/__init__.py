"""The half-year report: narrative, preview, DOCX."""
from flask import Flask

from tracker.blueprints import register_feature


def register(app: Flask) -> None:
    register_feature(app, __name__)
