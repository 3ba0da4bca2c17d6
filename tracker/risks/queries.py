"""Read-side queries of risks: the heat map of schools × directions and its totals."""
from dataclasses import dataclass, field

from sqlalchemy import Select, func, select
from sqlalchemy.orm import selectinload

from tracker.auth.models import User
from tracker.db import db
from tracker.permissions import school_scope, visible_school_ids
from tracker.risks.models import RiskDirection, RiskLevel, RiskProfile, RiskProfileEntry
from tracker.schools.models import School, SchoolYearStatus


@dataclass
class HeatRow:
    school: School
    profile: RiskProfile | None
    cells: dict[int, RiskProfileEntry] = field(default_factory=dict)


def profile_years(user: User) -> list[int]:
    rows = db.session.scalars(select(RiskDirection.year).distinct().order_by(
        RiskDirection.year.desc()))
    return list(rows)


def heatmap(user: User, year: int) -> list[HeatRow]:
    """Low-result schools of the year in the user's scope, with their profile entries."""
    listed = select(SchoolYearStatus.school_id).where(
        SchoolYearStatus.year == year, SchoolYearStatus.category_id.is_not(None))
    with_profile = select(RiskProfile.school_id).where(RiskProfile.year == year)
    schools = db.session.scalars(
        select(School).options(selectinload(School.municipality))
        .where(school_scope(user), School.id.in_(listed) | School.id.in_(with_profile))
        .order_by(School.municipality_id, School.sort_key)).all()
    profiles = db.session.scalars(
        select(RiskProfile).options(selectinload(RiskProfile.entries))
        .where(RiskProfile.year == year, RiskProfile.school_id.in_([s.id for s in schools]))).all()
    by_school = {p.school_id: p for p in profiles}
    rows = []
    for school in schools:
        profile = by_school.get(school.id)
        cells = {e.direction_id: e for e in profile.entries} if profile else {}
        rows.append(HeatRow(school=school, profile=profile, cells=cells))
    return rows


def level_counts(school_ids: Select, year: int, *group) -> Select:
    """Profile entries of the year's profiles of `school_ids`, counted per `group` columns:
    high, medium, low levels, verified directions, chosen directions, all entries."""
    level = RiskProfileEntry.level
    return (select(*group, func.count().filter(level == RiskLevel.HIGH),
                   func.count().filter(level == RiskLevel.MEDIUM),
                   func.count().filter(level == RiskLevel.LOW),
                   func.count().filter(RiskProfileEntry.is_verified.is_(True)),
                   func.count().filter(RiskProfileEntry.is_chosen.is_(True)), func.count())
            .join(RiskProfile, RiskProfileEntry.profile_id == RiskProfile.id)
            .join(School, RiskProfile.school_id == School.id)
            .where(RiskProfile.year == year, School.id.in_(school_ids))
            .group_by(*group))


def direction_totals(user: User, year: int) -> dict[int, tuple[int, int, int]]:
    """Per direction: schools with a high level, verified directions, chosen directions."""
    stmt = level_counts(visible_school_ids(user), year, RiskProfileEntry.direction_id)
    return {direction_id: (high, verified, chosen)
            for direction_id, high, _medium, _low, verified, chosen, _all
            in db.session.execute(stmt)}
