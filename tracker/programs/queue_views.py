"""The queues: each person's page of what waits on them, and the municipality's pipeline."""
from datetime import UTC, date, datetime, time, timedelta

from flask import render_template, request
from flask_login import current_user

from tracker.auth.models import Role
from tracker.permissions import PIPELINE_VIEWERS, role_required, signed_in
from tracker.programs import queues
from tracker.programs.views import bp
from tracker.working_period import reference_day


@bp.route("/queue")
@signed_in
def queue():
    day = reference_day(current_user)
    return render_template("programs/queue.html", queue=queues.queue_for(current_user, day),
                           today=day)


@bp.route("/pipeline")
@role_required(*PIPELINE_VIEWERS)
def pipeline():
    day = reference_day(current_user)
    return render_template("programs/pipeline.html", rows=queues.pipeline(current_user, day),
                           today=day)


@bp.app_context_processor
def home_queue():
    """The home page shows the person's queue at a glance (loaded here, not in the template)."""
    if request.endpoint != "home.index" or not current_user.is_authenticated:
        return {}
    day = reference_day(current_user)
    if current_user.role in (Role.DIRECTOR, Role.CURATOR):
        return {"program_queue": queues.queue_for(current_user, day), "program_today": day}
    if current_user.role in (Role.COORDINATOR, Role.REGIONAL):
        return {"program_pipeline": queues.pipeline(current_user, day), "program_today": day}
    return {}


@bp.app_template_test("overdue_on")
def overdue_on(measure, day: date) -> bool:
    return measure.is_overdue_on(day)


@bp.app_template_filter("days_since")
def days_since(moment, day: date) -> int:
    """Whole days from `moment` (aware, or naive UTC as SQLite returns it) until the end of `day`,
    the page's reference day: a wait of 2022 is counted until 30.06.2022, not until now."""
    if moment is None:
        return 0
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    until = min(datetime.now(UTC), datetime.combine(day + timedelta(days=1), time(), UTC))
    return max((until - moment).days, 0)
