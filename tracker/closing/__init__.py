"""Closing a period: a municipality submits a period (its figures, narrative and DOCX are kept
as they were), the region approves or returns it, and a reopened period can change again.
While a period is submitted or approved, pages and commands show the submitted figures and its
targets, typed values and narrative are read-only (tracker/freezing.py)."""
from flask import Flask

from tracker.blueprints import register_feature


def register(app: Flask) -> None:
    from tracker import freezing
    from tracker.closing import services
    freezing.register(freezing.Closings(guard=services.ensure_editable,
                                        values=services.submitted_values,
                                        submitted_at=services.submitted_at,
                                        submitted_report=services.submitted_report,
                                        closed_state=services.closed_state))
    register_feature(app, __name__)
