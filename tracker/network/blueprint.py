"""The network blueprint and what its views share: the chosen municipality, half-year, choices."""
import re
from dataclasses import dataclass
from datetime import date

from flask import Blueprint
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import func, select

from tracker.db import db
from tracker.network.event_models import MethodicalEvent
from tracker.network.models import OrganizationStaffCount
from tracker.periods import BadPeriod, HalfYear
from tracker.permissions import visible_municipalities, visible_schools
from tracker.schools.models import Municipality, School

bp = Blueprint("network", __name__, url_prefix="/network")


@bp.app_template_filter("half_year")
def half_year_label(code: str) -> str:
    """«1 полугодие 2022» for 2022-H1: a period code never shows on a page."""
    try:
        return HalfYear.parse(code).label
    except BadPeriod:
        return code


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


def chosen_period(requested: str | None, latest: date | None) -> HalfYear:
    """The requested half-year, else the one of the latest records, else the current one."""
    fallback = HalfYear.containing(latest or date.today())
    try:
        return HalfYear.parse(requested) if requested else fallback
    except BadPeriod:
        return fallback


@dataclass(frozen=True)
class SchoolYear:
    """A school year, 2021/22: September to August. The ШНОР list of its second year applies."""

    start: int

    @property
    def code(self) -> str:
        return f"{self.start}/{str(self.start + 1)[-2:]}"

    @property
    def year(self) -> int:
        return self.start + 1

    @property
    def starts_on(self) -> date:
        return date(self.start, 9, 1)

    @property
    def ends_on(self) -> date:
        return date(self.start + 1, 8, 31)

    @property
    def label(self) -> str:
        return str(_l("School year %(code)s", code=self.code))


def chosen_span(requested: str | None, latest: date | None) -> "HalfYear | SchoolYear":
    """A half-year (2022-H1) or a school year (2021/22) for the lists of events."""
    match = re.fullmatch(r"(\d{4})/(\d{2}|\d{4})", (requested or "").strip())
    if match and int(match.group(2)[-2:]) == (int(match.group(1)) + 1) % 100:
        return SchoolYear(int(match.group(1)))
    return chosen_period(requested, latest)


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
