"""The metrics computed indicators are built on. Each feature package registers the metrics of
its own records (teachers, programs, visits, network) under a code; an indicator of the catalogue
names its metric and, optionally, filters narrowing the organizations it counts.

A metric answers `count(school_ids: Select, period) -> {school_id: Fraction}`: per organization,
the numerator and the denominator. A share is Σ numerators / Σ denominators up the hierarchy,
never an average of shares. Organizations missing from the answer have no records for it.

A count that does not add up over organizations (communities: one community has members from
several organizations) also gives `total(school_ids, period) -> Fraction`, the figure of the
organizations together; its per-organization figures are then each organization's own.
"""
from collections.abc import Callable
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from sqlalchemy import Select, select

from tracker.errors import DomainError
from tracker.indicators.calculations import Fraction, Unit
from tracker.schools.models import OrgType, School, SchoolYearStatus

Count = Callable[[Select, object], dict[int, Fraction]]
Total = Callable[[Select, object], Fraction]


@dataclass(frozen=True)
class Metric:
    code: str
    count: Count
    unit: Unit = Unit.PERCENT
    # a plan / fact count: the numerator is the fact, the denominator the plan in the records
    plan_in_records: bool = False
    total: Total | None = None  # for counts that do not add up over organizations


METRICS: dict[str, Metric] = {}


def metric(code: str, *, unit: Unit = Unit.PERCENT, plan_in_records: bool = False,
           total: Total | None = None) -> Callable[[Count], Count]:
    """Register the decorated function as the metric `code`."""
    def register(function: Count) -> Count:
        METRICS[code] = Metric(code, function, unit, plan_in_records, total)
        return function
    return register


# --- filters -------------------------------------------------------------------------------

ORG_TYPE, STATUS, COMMUNITY = "org_type", "status", "community"
LOW_RESULT, PROJECT_500 = "low_result", "project_500"
STATUSES = (LOW_RESULT, PROJECT_500)


class BadFilter(DomainError):
    message = _l("Unknown filter of the indicator.")


def check_filters(filters: dict) -> dict:
    """The filters in their stored form; an unknown key or value raises BadFilter naming it."""
    clean = {}
    for key, value in (filters or {}).items():
        if key == ORG_TYPE:
            types = [value] if isinstance(value, str) else list(value or [])
            if not types or any(t not in set(OrgType) for t in types):
                raise BadFilter(_l("Unknown organization type in the filter: %(value)s.",
                                   value=", ".join(map(str, types)) or "—"))
            clean[key] = sorted(types)
        elif key == STATUS:
            if value not in STATUSES:
                raise BadFilter(_l("Unknown status in the filter: %(value)s.", value=value))
            clean[key] = value
        elif key == COMMUNITY:
            if not isinstance(value, str) or not value.strip():
                raise BadFilter(_l("The community of the filter has no name."))
            clean[key] = value.strip()
        else:
            raise BadFilter(_l("Unknown filter: %(key)s.", key=key))
    return clean


def filtered(school_ids: Select, filters: dict, year: int) -> Select:
    """The organizations of `school_ids` the filters keep (the ШНОР / 500+ status of `year`)."""
    if not filters:
        return school_ids
    stmt = select(School.id).where(School.id.in_(school_ids))
    if ORG_TYPE in filters:
        stmt = stmt.where(School.org_type.in_(filters[ORG_TYPE]))
    if STATUS in filters:
        listed = select(SchoolYearStatus.school_id).where(SchoolYearStatus.year == year)
        listed = (listed.where(SchoolYearStatus.category_id.is_not(None))
                  if filters[STATUS] == LOW_RESULT
                  else listed.where(SchoolYearStatus.is_project_500.is_(True)))
        stmt = stmt.where(School.id.in_(listed))
    if COMMUNITY in filters:
        stmt = stmt.where(School.id.in_(_community_members(filters[COMMUNITY])))
    return stmt


def _community_members(name: str) -> Select:
    from tracker.network.models import Community, CommunityMemberCount
    return (select(CommunityMemberCount.school_id).join(Community)
            .where(Community.name == name, CommunityMemberCount.members > 0))


def count(code: str, school_ids: Select, period, filters: dict | None = None
          ) -> dict[int, Fraction] | None:
    """The metric's figures per organization, or None when no feature provides it."""
    found = METRICS.get(code)
    if found is None:
        return None
    return found.count(filtered(school_ids, filters or {}, period.year), period)


def total_of(code: str, school_ids: Select, period, filters: dict | None = None
             ) -> Fraction | None:
    """The figure of the organizations together, for a metric whose counts do not add up;
    None for the others (their figure is the sum)."""
    found = METRICS.get(code)
    if found is None or found.total is None:
        return None
    return found.total(filtered(school_ids, filters or {}, period.year), period)
