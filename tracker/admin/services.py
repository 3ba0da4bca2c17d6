"""Accounts and reference lists. Shared by the admin pages and the command line; callers commit."""
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from tracker.auth.models import Role, User
from tracker.db import db
from tracker.errors import DomainError
from tracker.forms import ensure_version
from tracker.permissions import can_manage_user, can_place_account, creatable_roles
from tracker.schools.models import Municipality, Region, ResultCategory, School


class DuplicateLogin(DomainError):
    message = _l("This login is already taken.")


class DuplicateName(DomainError):
    message = _l("An entry with this name already exists.")


class MissingScope(DomainError):
    message = _l("Choose where this person works (required for the role).")


class CannotDeactivateSelf(DomainError):
    message = _l("You cannot deactivate your own account.")


class BeyondYourScope(DomainError):
    message = _l("This account would reach beyond the places you manage: ask an administrator.")


def _ensure_manages(by: User | None, user: User) -> None:
    """`by` is the person acting (None from the command line, the operator's own)."""
    if by is not None and not can_manage_user(by, user):
        raise BeyondYourScope()


def _ensure_may_place(by: User | None, role: str, scope: dict) -> None:
    if by is not None and (role not in creatable_roles(by)
                           or not can_place_account(by, **scope)):
        raise BeyondYourScope()


def _scope_fields(role: str, region_id, municipality_id, school_id) -> dict:
    """Keep only the scope the role uses, and derive the wider ones (a school's municipality…)."""
    fields = {"region_id": None, "municipality_id": None, "school_id": None}
    if role == Role.DIRECTOR:
        school = db.session.get(School, school_id) if school_id else None
        if school is None:
            raise MissingScope()
        fields.update(school_id=school.id, municipality_id=school.municipality_id,
                      region_id=school.municipality.region_id)
    elif role == Role.COORDINATOR:
        municipality = db.session.get(Municipality, municipality_id) if municipality_id else None
        if municipality is None:
            raise MissingScope()
        fields.update(municipality_id=municipality.id, region_id=municipality.region_id)
    elif role in (Role.REGIONAL, Role.CURATOR):
        if not region_id or db.session.get(Region, region_id) is None:
            raise MissingScope()
        fields.update(region_id=region_id, municipality_id=municipality_id or None)
    return fields


def _ensure_login_free(login: str, user_id: int | None = None) -> None:
    taken = db.session.scalar(select(User.id).where(
        func.lower(User.login) == login.lower(), User.id != (user_id or 0)))
    if taken is not None:
        raise DuplicateLogin()


def create_user(*, login: str, full_name: str, role: str, password: str, email: str | None = None,
                region_id=None, municipality_id=None, school_id=None,
                by: User | None = None) -> User:
    login = login.strip()
    _ensure_login_free(login)
    scope = _scope_fields(role, region_id, municipality_id, school_id)
    _ensure_may_place(by, role, scope)
    user = User(login=login, full_name=full_name.strip(), email=email or None, role=role, **scope)
    user.set_password(password)
    db.session.add(user)
    db.session.flush()
    return user


def update_user(user: User, *, version, login: str, full_name: str, role: str,
                email: str | None = None, region_id=None, municipality_id=None,
                school_id=None, by: User | None = None) -> User:
    ensure_version(user, version)
    _ensure_manages(by, user)
    _ensure_login_free(login.strip(), user.id)
    scope = _scope_fields(role, region_id, municipality_id, school_id)
    _ensure_may_place(by, role, scope)
    changed_scope = role != user.role or any(getattr(user, k) != v for k, v in scope.items())
    user.login, user.full_name, user.email, user.role = login.strip(), full_name.strip(), email or None, role
    for key, value in scope.items():
        setattr(user, key, value)
    if changed_scope:
        user.end_other_sessions()  # a narrower scope applies at once
    db.session.flush()
    return user


def set_active(user: User, *, active: bool, by: User) -> None:
    if not active and user.id == by.id:
        raise CannotDeactivateSelf()
    _ensure_manages(by, user)
    user.is_active = active
    if not active:
        user.end_other_sessions()
    db.session.flush()


def reset_password(user: User, *, password: str, by: User | None = None) -> None:
    _ensure_manages(by, user)
    user.set_password(password)
    user.end_other_sessions()
    db.session.flush()


def create_region(*, name: str) -> Region:
    if db.session.scalar(select(Region.id).where(func.lower(Region.name) == name.strip().lower())):
        raise DuplicateName()
    region = Region(name=name.strip())
    db.session.add(region)
    db.session.flush()
    return region


def create_municipality(*, region_id: int, name: str) -> Municipality:
    if db.session.scalar(select(Municipality.id).where(
            Municipality.region_id == region_id,
            func.lower(Municipality.name) == name.strip().lower())):
        raise DuplicateName()
    municipality = Municipality(region_id=region_id, name=name.strip())
    db.session.add(municipality)
    db.session.flush()
    return municipality


def create_category(*, region_id: int, name: str, position: int = 0) -> ResultCategory:
    if db.session.scalar(select(ResultCategory.id).where(
            ResultCategory.region_id == region_id,
            func.lower(ResultCategory.name) == name.strip().lower())):
        raise DuplicateName()
    category = ResultCategory(region_id=region_id, name=name.strip(), position=position or 0)
    db.session.add(category)
    db.session.flush()
    return category


def toggle_category(category: ResultCategory) -> None:
    category.is_active = not category.is_active
    db.session.flush()
