from flask import Blueprint, render_template
from flask_login import current_user
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from tracker.auth.models import Role
from tracker.db import db
from tracker.permissions import signed_in, visible_municipalities, visible_schools
from tracker.schools.models import School, SchoolYearStatus
from tracker.schools.queries import latest_listing_year
from tracker.visits.queries import home_follow_ups
from tracker.working_period import reference_day

bp = Blueprint("home", __name__)

HOME_LIST_LIMIT = 50


@bp.route("/")
@signed_in
def index():
    """Each role's starting page: at this stage, the schools the person works with."""
    year = latest_listing_year(current_user)
    day = reference_day(current_user)
    schools = db.session.scalars(
        visible_schools(current_user)
        .options(selectinload(School.year_statuses).selectinload(SchoolYearStatus.category),
                 selectinload(School.municipality))
        .order_by(School.sort_key).limit(HOME_LIST_LIMIT)
    ).all()
    total = db.session.scalar(
        select(func.count()).select_from(visible_schools(current_user).subquery()))
    municipalities = []
    if current_user.role in (Role.ADMIN, Role.REGIONAL):
        municipalities = _municipality_counts(year)
    return render_template("home/index.html", schools=schools, total=total, year=year,
                           municipalities=municipalities, limit=HOME_LIST_LIMIT,
                           follow_ups=home_follow_ups(current_user, day), follow_ups_today=day)


def _municipality_counts(year: int | None) -> list:
    """Municipalities in scope with their number of organizations and of low-result schools."""
    listed = (select(SchoolYearStatus.school_id)
              .where(SchoolYearStatus.year == year, SchoolYearStatus.category_id.is_not(None)))
    muni = visible_municipalities(current_user).subquery()
    stmt = (select(muni.c.id, muni.c.name, func.count(School.id),
                   func.count(School.id).filter(School.id.in_(listed)))
            .select_from(muni).outerjoin(School, School.municipality_id == muni.c.id)
            .group_by(muni.c.id, muni.c.name).order_by(muni.c.name))
    return db.session.execute(stmt).all()
