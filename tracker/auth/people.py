"""Who is told: the active accounts of a role at a place."""
from sqlalchemy import select

from tracker.auth.models import Role, User
from tracker.db import db


def coordinators_of(municipality_id: int) -> list[User]:
    return list(db.session.scalars(select(User).where(
        User.role == Role.COORDINATOR, User.municipality_id == municipality_id,
        User.is_active.is_(True))))
