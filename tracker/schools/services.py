"""Creating and changing schools, their yearly status and their curators. Callers commit."""
from datetime import date

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from tracker.auth.models import CuratorAssignment, Role, User
from tracker.db import db
from tracker.errors import DomainError
from tracker.forms import ensure_version
from tracker.schools.models import DEFAULT_LEGAL_FORMS, LegalForm, School, SchoolYearStatus

SCHOOL_FIELDS = ("municipality_id", "full_name", "short_name", "legal_form", "org_type",
                 "parent_id")


class DuplicateSchool(DomainError):
    message = _l("The municipality already has an organization with this short name.")


class UnknownLegalForm(DomainError):
    message = _l("No such legal form in the reference list.")


class BadDepartment(DomainError):
    message = _l("A department belongs to an organization of the same municipality, of another "
                 "type, that is not itself a department.")


class HasDepartments(DomainError):
    message = _l("An organization with departments cannot itself become a department.")


class NotACurator(DomainError):
    message = _l("Only an active curator can be assigned to a school.")


class AlreadyAssigned(DomainError):
    message = _l("This curator is already assigned to the school for these dates.")


def _ensure_unique_short_name(municipality_id: int, short_name: str, school_id=None) -> None:
    clash = db.session.scalar(select(School.id).where(
        School.municipality_id == municipality_id,
        func.lower(School.short_name) == short_name.strip().lower(),
        School.id != (school_id or 0),
    ))
    if clash is not None:
        raise DuplicateSchool()


def legal_form_names(current: str = "") -> list[str]:
    """The legal forms to choose from: the active ones of the reference list (the common forms
    while the list is still empty), and the organization's current one."""
    rows = db.session.execute(select(LegalForm.name, LegalForm.is_active)
                              .order_by(LegalForm.position, LegalForm.name)).all()
    names = [name for name, active in rows if active] if rows else list(DEFAULT_LEGAL_FORMS)
    if current and current not in names:
        names.append(current)
    return names


def find_legal_form(name: str) -> str | None:
    """The reference list's spelling of a legal form typed any case or spacing, or None."""
    wanted = " ".join((name or "").split()).upper()
    return next((known for known in legal_form_names() if known.upper() == wanted), None)


def create_legal_form(*, name: str, position: int = 0) -> LegalForm:
    name = " ".join(name.split())
    if db.session.scalar(select(LegalForm.id).where(func.upper(LegalForm.name) == name.upper())):
        raise DomainError(_l("This legal form is already in the list."))
    if not db.session.scalar(select(func.count(LegalForm.id))):
        for number, default in enumerate(DEFAULT_LEGAL_FORMS):  # keep the common ones
            db.session.add(LegalForm(name=default, position=number))
    form = LegalForm(name=name, position=position or 0)
    db.session.add(form)
    db.session.flush()
    return form


def toggle_legal_form(form: LegalForm) -> None:
    form.is_active = not form.is_active
    db.session.flush()


def _check_department(school_id, municipality_id: int, org_type: str, parent_id) -> None:
    if not parent_id:
        return
    parent = db.session.get(School, parent_id)
    if (parent is None or parent.id == school_id or parent.municipality_id != municipality_id
            or parent.parent_id is not None or parent.org_type == org_type):
        raise BadDepartment()
    if school_id and db.session.scalar(select(School.id).where(School.parent_id == school_id)):
        raise HasDepartments()


def create_school(*, municipality_id: int, full_name: str, short_name: str, legal_form: str,
                  org_type: str, parent_id: int | None = None) -> School:
    _ensure_unique_short_name(municipality_id, short_name)
    _check_department(None, municipality_id, org_type, parent_id)
    school = School(municipality_id=municipality_id, full_name=full_name.strip(),
                    short_name=short_name.strip(), legal_form=legal_form, org_type=org_type,
                    parent_id=parent_id or None)
    db.session.add(school)
    db.session.flush()
    return school


def update_school(school: School, *, version, **fields) -> School:
    ensure_version(school, version)
    _ensure_unique_short_name(fields["municipality_id"], fields["short_name"], school.id)
    fields["parent_id"] = fields.get("parent_id") or None
    _check_department(school.id, fields["municipality_id"], fields["org_type"],
                      fields["parent_id"])
    for name in SCHOOL_FIELDS:
        value = fields[name]
        setattr(school, name, value.strip() if isinstance(value, str) else value)
    db.session.flush()
    return school


def set_year_status(school: School, *, year: int, category_id: int | None,
                    is_project_500: bool) -> SchoolYearStatus:
    status = school.status_for(year)
    if status is None:
        status = SchoolYearStatus(school=school, year=year)
        db.session.add(status)
    status.category_id = category_id or None
    status.is_project_500 = bool(is_project_500)
    db.session.flush()
    return status


def curator_pool(school: School):
    """Active curators of the school's region: the people a coordinator can assign."""
    return select(User).where(
        User.role == Role.CURATOR, User.is_active.is_(True),
        (User.region_id == school.municipality.region_id)
        | (User.municipality_id == school.municipality_id),
    ).order_by(User.full_name)


def assign_curator(school: School, *, curator: User, starts_on: date,
                   ends_on: date | None = None) -> CuratorAssignment:
    if curator.role != Role.CURATOR or not curator.is_active:
        raise NotACurator()
    overlapping = db.session.scalar(select(CuratorAssignment.id).where(
        CuratorAssignment.school_id == school.id, CuratorAssignment.curator_id == curator.id,
        (CuratorAssignment.ends_on.is_(None)) | (CuratorAssignment.ends_on >= starts_on),
        CuratorAssignment.starts_on <= (ends_on or date.max),
    ))
    if overlapping is not None:
        raise AlreadyAssigned()
    assignment = CuratorAssignment(school=school, curator=curator, starts_on=starts_on,
                                   ends_on=ends_on)
    db.session.add(assignment)
    db.session.flush()
    return assignment


def end_assignment(assignment: CuratorAssignment, *, on: date) -> None:
    assignment.ends_on = max(on, assignment.starts_on)
    db.session.flush()
