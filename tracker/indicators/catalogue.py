"""The indicators a place is monitored by, read from the database: its region's catalogue (for
every municipality of the region), then the municipality's own additions.

Computed indicators take their numerator and denominator from a metric (see metrics.py); entered
ones are typed per school (or municipality) and period, «ожидается (месяц)» until their due month
has passed. The fourteen indicators every new region starts with are in defaults.py.
"""
from sqlalchemy import or_, select

from tracker.db import db
from tracker.indicators.defaults import DEFAULT_CATALOGUE
from tracker.indicators.models import Indicator, Source
from tracker.periods import Periodicity
from tracker.schools.models import Municipality, School

COMPUTED, ENTERED = Source.COMPUTED, Source.ENTERED
CATALOGUE = DEFAULT_CATALOGUE  # the default catalogue's definitions (codes, units, names)


def owners_of(kind: str, place_id: int) -> tuple[int | None, int | None]:
    """(region id, municipality id) whose catalogues apply to a region, municipality or school."""
    if kind == "region":
        return place_id, None
    if kind == "school":
        place_id = db.session.scalar(select(School.municipality_id).where(School.id == place_id))
    region_id = db.session.scalar(select(Municipality.region_id)
                                  .where(Municipality.id == place_id))
    return region_id, place_id


def indicators_of(region_id: int | None, municipality_id: int | None = None, *,
                  periodicity: str | None = None, include_retired: bool = False
                  ) -> list[Indicator]:
    """The region's indicators, then the municipality's own, each in their catalogue's order."""
    owners = [Indicator.region_id == region_id]
    if municipality_id is not None:
        owners.append(Indicator.municipality_id == municipality_id)
    stmt = select(Indicator).where(or_(*owners))
    if periodicity is not None:
        stmt = stmt.where(Indicator.periodicity == periodicity)
    if not include_retired:
        stmt = stmt.where(Indicator.is_retired.is_(False))
    return list(db.session.scalars(stmt.order_by(Indicator.municipality_id.is_not(None),
                                                 Indicator.position, Indicator.id)))


def for_place(kind: str, place_id: int, **options) -> list[Indicator]:
    """The indicators of a region, a municipality or a school (its municipality's)."""
    return indicators_of(*owners_of(kind, place_id), **options)


def find(kind: str, place_id: int, code: str, *, include_retired: bool = True
         ) -> Indicator | None:
    return next((indicator for indicator in for_place(kind, place_id,
                                                      include_retired=include_retired)
                 if indicator.code == code), None)


def periodicities_in_use() -> list[Periodicity]:
    """The kinds of period some catalogue counts in (the half-year always): what the period
    selectors of the indicator pages offer."""
    used = set(db.session.scalars(select(Indicator.periodicity).distinct()
                                  .where(Indicator.is_retired.is_(False))))
    return [kind for kind in Periodicity if kind in used or kind == Periodicity.HALF_YEAR]
