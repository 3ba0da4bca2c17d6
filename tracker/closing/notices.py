"""What the period lifecycle tells people: the coordinators of a municipality when the region
returns or approves its period, and when a deadline is 7 days away or has passed (daily, by
`flask notify due`)."""
from datetime import date, timedelta

from sqlalchemy import select

from tracker.auth.people import coordinators_of
from tracker.closing.lifecycle import PeriodState, Step
from tracker.closing.models import PeriodClosing, PeriodDeadline
from tracker.db import db
from tracker.notifications.models import NotificationKind
from tracker.notifications.services import due_notifications, notify
from tracker.urls import Link
from tracker.periods import label_of
from tracker.schools.models import Municipality

SOON = timedelta(days=7)
WAITING = (PeriodState.OPEN, PeriodState.RETURNED)


def _link(municipality_id: int, period_code: str) -> Link:
    return Link("closing.municipality_period", municipality_id=municipality_id,
                period=period_code)


def after_step(closing: PeriodClosing, step: Step, reason: str) -> None:
    """Tell the municipality's coordinators that the region returned or approved its period."""
    kind = {Step.RETURN: NotificationKind.PERIOD_RETURNED,
            Step.APPROVE: NotificationKind.PERIOD_APPROVED}.get(step)
    if kind is None:
        return
    notify(coordinators_of(closing.municipality_id), kind,
           link=_link(closing.municipality_id, closing.period),
           municipality=closing.municipality.name, period=label_of(closing.period),
           reason=reason)


@due_notifications
def deadlines(day: date):
    """Coordinators whose period is not submitted: 7 days before the deadline, and the day
    after it has passed."""
    for deadline in db.session.scalars(select(PeriodDeadline).where(
            PeriodDeadline.due_on.in_([day + SOON, day - timedelta(days=1)]))):
        kind = (NotificationKind.DEADLINE_SOON if deadline.due_on == day + SOON
                else NotificationKind.DEADLINE_OVERDUE)
        submitted = select(PeriodClosing.municipality_id).where(
            PeriodClosing.period == deadline.period,
            PeriodClosing.state.not_in([state.value for state in WAITING]))
        for municipality in db.session.scalars(select(Municipality).where(
                Municipality.region_id == deadline.region_id,
                Municipality.id.not_in(submitted))):
            yield (coordinators_of(municipality.id), kind,
                   _link(municipality.id, deadline.period),
                   {"municipality": municipality.name, "period": label_of(deadline.period),
                    "deadline_on": deadline.due_on})
