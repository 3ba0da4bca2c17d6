"""The queues: each person's page of what waits on them, and the municipality's pipeline."""
from datetime import UTC, date, datetime

from flask import render_template, request
from flask_login import current_user

from tracker.auth.models import Role
from tracker.permissions import PIPELINE_VIEWERS, role_required, signed_in
from tracker.programs import queues
from tracker.programs.views import bp


@bp.route("/queue")
@signed_in
def queue():
    today = date.today()
    return render_template("programs/queue.html", queue=queues.queue_for(current_user, today),
                           today=today)


@bp.route("/pipeline")
@role_required(*PIPELINE_VIEWERS)
def pipeline():
    rows = queues.pipeline(current_user, date.today())
    return render_template("programs/pipeline.html", rows=rows)


@bp.app_context_processor
def home_queue():
    """The home page shows the person's queue at a glance (loaded here, not in the template)."""
    if request.endpoint != "home.index" or not current_user.is_authenticated:
        return {}
    if current_user.role in (Role.DIRECTOR, Role.CURATOR):
        return {"program_queue": queues.queue_for(current_user, date.today()),
                "program_today": date.today()}
    if current_user.role in (Role.COORDINATOR, Role.REGIONAL):
        return {"program_pipeline": queues.pipeline(current_user, date.today())}
    return {}


@bp.app_template_filter("days_since")
def days_since(moment) -> int:
    """Whole days from `moment` (aware, or naive UTC as SQLite returns it) until now."""
    if moment is None:
        return 0
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return max((datetime.now(UTC) - moment).days, 0)
