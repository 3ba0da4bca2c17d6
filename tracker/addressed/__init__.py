"""The region's addressed recommendations: to the municipalities whose figure of an indicator
misses the region's threshold, answered by their coordinators, closed or returned by the region."""
from flask import Flask

from tracker.blueprints import register_feature


def register(app: Flask) -> None:
    register_feature(app, __name__)
