"""Read-side queries of schools: the filtered list and the choices forms offer."""
from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import selectinload

from tracker.auth.models import User
from tracker.permissions import visible_municipalities, visible_schools
from tracker.schools.models import Municipality, ResultCategory, School, SchoolYearStatus
from tracker.db import db


def latest_listing_year(user: User) -> int | None:
    school_ids = visible_schools(user).with_only_columns(School.id)
    return db.session.scalar(
        select(func.max(SchoolYearStatus.year)).where(SchoolYearStatus.school_id.in_(school_ids))
    )


def filtered_schools(user: User, *, q: str | None, year: int | None, category: int | None,
                     project_500: bool, org_type: str | None,
                     municipality: int | None = None) -> Select:
    stmt = visible_schools(user).options(
        selectinload(School.municipality),
        selectinload(School.year_statuses).selectinload(SchoolYearStatus.category),
    )
    if q:
        pattern = f"%{q.strip().lower()}%"
        stmt = stmt.where(or_(func.lower(School.short_name).like(pattern),
                              func.lower(School.full_name).like(pattern)))
    if org_type:
        stmt = stmt.where(School.org_type == org_type)
    if municipality:
        stmt = stmt.where(School.municipality_id == municipality)
    if year and (category or project_500):
        listing = select(SchoolYearStatus.school_id).where(SchoolYearStatus.year == year)
        if category:
            listing = listing.where(SchoolYearStatus.category_id == category)
        if project_500:
            listing = listing.where(SchoolYearStatus.is_project_500.is_(True))
        stmt = stmt.where(School.id.in_(listing))
    return stmt.order_by(School.sort_key)


def category_choices(user: User) -> list[tuple[int, str]]:
    regions = visible_municipalities(user).with_only_columns(Municipality.region_id)
    rows = db.session.scalars(select(ResultCategory).where(
        ResultCategory.region_id.in_(regions), ResultCategory.is_active.is_(True),
    ).order_by(ResultCategory.position, ResultCategory.name))
    return [(c.id, c.name) for c in rows]


def municipality_choices(user: User) -> list[tuple[int, str]]:
    return [(m.id, f"{m.name} ({m.region.name})")
            for m in db.session.scalars(visible_municipalities(user))]
