"""The network blueprint and what its views share: the chosen municipality, period, choices."""
from datetime import date

from flask import Blueprint
from flask_login import current_user
from sqlalchemy import func, select

from tracker.db import db
from tracker.network.event_models import MethodicalEvent
from tracker.network.models import OrganizationStaffCount
from tracker.periods import HalfYear, Period, Periodicity, parse_or_none
from tracker.permissions import visible_municipalities, visible_schools
from tracker.schools.models import Municipality, School

bp = Blueprint("network", __name__, url_prefix="/network")


def municipality_choices() -> list[tuple[int, str]]:
    return [(m.id, m.name) for m in db.session.scalars(visible_municipalities(current_user))]


def chosen_municipality(requested: int | None) -> Municipality | None:
    """The requested municipality when in scope, else the user's own, else the first in scope."""
    visible = db.session.scalars(visible_municipalities(current_user)).all()
    by_id = {m.id: m for m in visible}
    for candidate in (requested, current_user.municipality_id):
        if candidate in by_id:
            return by_id[candidate]
    return visible[0] if visible else None


def chosen_period(requested: str | None, latest: date | None,
                  periodicities=(Periodicity.HALF_YEAR,)) -> Period:
    """The requested period when of an allowed kind, else the half-year of the latest records,
    else the current one."""
    found = parse_or_none(requested)
    if found is not None and found.periodicity in periodicities:
        return found
    return HalfYear.containing(latest or date.today())


def latest_event_day(municipality_id: int) -> date | None:
    return db.session.scalar(select(func.max(MethodicalEvent.held_on))
                             .where(MethodicalEvent.municipality_id == municipality_id))


def latest_count_day(municipality_id: int) -> date | None:
    code = db.session.scalar(select(func.max(OrganizationStaffCount.period)).join(School)
                             .where(School.municipality_id == municipality_id))
    return HalfYear.parse(code).starts_on if code else None


def organizations_of(municipality_id: int) -> list[School]:
    """Organizations of the municipality the user may see, for choices and tables."""
    return db.session.scalars(visible_schools(current_user).where(
        School.municipality_id == municipality_id, School.is_active.is_(True))
        .order_by(School.org_type, School.sort_key)).all()


def organization_choices(municipality_id: int) -> list[tuple[int, str]]:
    return [(s.id, s.short_name) for s in organizations_of(municipality_id)]
