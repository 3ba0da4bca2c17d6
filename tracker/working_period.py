"""The period a person's pages open with, and the one day every «overdue», «days waiting» and
«days since the last visit» is counted on.

The working period is the current half-year, or the first half of the latest year on the
regional list when that year is over (the demo's is 2022-H1). Its reference day is its last day,
or today while it runs. Dashboards and the report count a chosen period on that period's own
reference day; the pages without a period (home, queues, programs, measures, visits) count on the
working period's, and say so, so that every page gives the same figure for the same school.
"""
from datetime import date

from flask import g

from tracker.auth.models import User
from tracker.periods import HalfYear


def working_period(user: User, today: date | None = None) -> HalfYear:
    from tracker.schools.queries import latest_listing_year
    current = HalfYear.containing(today or date.today())
    listed = latest_listing_year(user)
    if listed and listed < current.year:
        return HalfYear(listed, 1)
    return current


def reference_day(user: User) -> date:
    """The working period's reference day, looked up once per request."""
    if "reference_day" not in g:
        g.reference_day = working_period(user).as_of()
    return g.reference_day
