"""The schools an indicator counts: the low-result schools (ШНОР) of a year, within a scope."""
from sqlalchemy import Select, bindparam, select

from tracker.db import db
from tracker.schools.models import Municipality, School, SchoolYearStatus


def low_result_school_ids(year: int, *, municipality_id: int | None = None,
                          region_id: int | None = None, within: Select | None = None) -> Select:
    """Ids of the schools on the regional list of `year`, narrowed to a municipality, a region
    and/or a scoped select of school ids."""
    stmt = (select(School.id).join(SchoolYearStatus, SchoolYearStatus.school_id == School.id)
            .where(SchoolYearStatus.year == year, SchoolYearStatus.category_id.is_not(None)))
    if municipality_id is not None:
        stmt = stmt.where(School.municipality_id == municipality_id)
    if region_id is not None:
        stmt = stmt.where(School.municipality_id.in_(
            select(Municipality.id).where(Municipality.region_id == region_id)))
    if within is not None:
        stmt = stmt.where(School.id.in_(within))
    return stmt


def single_school_ids(school_id: int) -> Select:
    return select(School.id).where(School.id == school_id)


RESOLVED = "tracker_resolved_school_ids"  # an execution option marking a resolved select


def resolved(school_ids: Select) -> Select:
    """The same schools, looked up once and given back as a select of their ids. Every
    indicator's query then finds its rows by school id instead of working the scope out again,
    so its cost follows the scope, not the size of the database (scripts/bench.py)."""
    if school_ids.get_execution_options().get(RESOLVED):
        return school_ids
    ids = db.session.scalars(school_ids).all()
    # written into the SQL as numbers: hundreds of bound parameters cost more to prepare
    listed = bindparam("resolved_school_ids", ids, literal_execute=True, unique=True)
    return select(School.id).where(School.id.in_(listed)).execution_options(**{RESOLVED: True})
