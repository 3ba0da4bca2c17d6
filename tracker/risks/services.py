"""Risk directions, suggested measures and risk profiles. Callers commit."""
from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from tracker.auth.models import User
from tracker.db import db, utcnow
from tracker.errors import DomainError
from tracker.forms import ensure_version
from tracker.risks.models import (RiskDirection, RiskLevel, RiskProfile, RiskProfileEntry,
                                  SuggestedMeasure)
from tracker.schools.models import School


class DuplicateDirection(DomainError):
    message = _l("This year already has a risk direction with this name.")


class NothingToCopy(DomainError):
    message = _l("There is no list for that year, or the target year already has one.")


def create_direction(*, year: int, name: str, position: int | None = None) -> RiskDirection:
    name = name.strip()
    if db.session.scalar(select(RiskDirection.id).where(
            RiskDirection.year == year, func.lower(RiskDirection.name) == name.lower())):
        raise DuplicateDirection()
    if position is None:
        position = (db.session.scalar(select(func.max(RiskDirection.position))
                                      .where(RiskDirection.year == year)) or 0) + 1
    direction = RiskDirection(year=year, name=name, position=position)
    db.session.add(direction)
    db.session.flush()
    return direction


def copy_directions(*, from_year: int, to_year: int) -> list[RiskDirection]:
    """Start a year's list from another year's, suggestions included."""
    source = db.session.scalars(select(RiskDirection).where(RiskDirection.year == from_year)
                                .order_by(RiskDirection.position)).all()
    exists = db.session.scalar(select(RiskDirection.id).where(RiskDirection.year == to_year))
    if not source or exists:
        raise NothingToCopy()
    copies = []
    for old in source:
        new = RiskDirection(year=to_year, name=old.name, position=old.position,
                            is_active=old.is_active)
        new.suggestions = [SuggestedMeasure(title=s.title, task=s.task, position=s.position,
                                            evidence_kind=s.evidence_kind)
                           for s in old.suggestions]
        db.session.add(new)
        copies.append(new)
    db.session.flush()
    return copies


def toggle_direction(direction: RiskDirection) -> None:
    direction.is_active = not direction.is_active
    db.session.flush()


def add_suggestion(direction: RiskDirection, *, title: str, task: str = "",
                   evidence_kind: str = "") -> SuggestedMeasure:
    suggestion = SuggestedMeasure(title=title.strip(), task=task.strip(),
                                  evidence_kind=evidence_kind.strip(),
                                  position=len(direction.suggestions) + 1)
    direction.suggestions.append(suggestion)
    db.session.flush()
    return suggestion


def delete_suggestion(suggestion: SuggestedMeasure) -> None:
    db.session.delete(suggestion)
    db.session.flush()


def directions_of(year: int, *, active_only: bool = True) -> list[RiskDirection]:
    stmt = select(RiskDirection).where(RiskDirection.year == year)
    if active_only:
        stmt = stmt.where(RiskDirection.is_active.is_(True))
    return list(db.session.scalars(stmt.order_by(RiskDirection.position, RiskDirection.name)))


def profile_of(school: School, year: int) -> RiskProfile | None:
    return db.session.scalar(select(RiskProfile).where(RiskProfile.school_id == school.id,
                                                       RiskProfile.year == year))


def save_profile(school: School, *, year: int, version, levels: dict[int, str],
                 chosen: set[int]) -> RiskProfile:
    """Record the school's level per direction and the directions it works on."""
    profile = profile_of(school, year)
    if profile is None:
        if str(version) not in ("0", ""):
            raise DomainError(_l("The profile was created by someone else meanwhile."))
        profile = RiskProfile(school=school, year=year)
        db.session.add(profile)
    else:
        ensure_version(profile, version)
    for direction in directions_of(year):
        entry = profile.entry_for(direction.id)
        if entry is None:
            entry = RiskProfileEntry(direction=direction, direction_id=direction.id)
            profile.entries.append(entry)
        entry.level = RiskLevel(levels.get(direction.id, RiskLevel.NONE)).value
        entry.is_chosen = direction.id in chosen
    profile.updated_at = utcnow()  # bumps the version even when only entries changed
    db.session.flush()
    return profile


def verify_profile(profile: RiskProfile, *, actor: User, verified: set[int], comment: str,
                   at: datetime | None = None) -> RiskProfile:
    """The curator confirms which directions are real; the profile records who and when."""
    at = at or utcnow()
    for entry in profile.entries:
        was = entry.is_verified
        entry.is_verified = entry.direction_id in verified
        if entry.is_verified and not was:
            entry.verified_by, entry.verified_at = actor, at
        elif not entry.is_verified:
            entry.verified_by, entry.verified_at = None, None
    profile.verified_by, profile.verified_at = actor, at
    profile.verification_comment = comment.strip()
    db.session.flush()
    return profile
