"""Importing a municipality's organizations from one table (XLSX or CSV) with its own headers.

All or nothing, like the other network imports: the whole file is checked first and every bad
row is listed. An organization already in the tracker (by its short name) is updated, a new one
created; a department names its organization in «Входит в организацию» (in the file or already
in the tracker) and has a type of its own.
"""
from flask_babel import gettext as _
from sqlalchemy import select

from tracker.db import db, value_problem
from tracker.network.headers import match_columns
from tracker.network.importing import Plan
from tracker.network.xlsx import build_template, header_row, normalize, read_rows, sheet_of, text
from tracker.schools import services as school_services
from tracker.schools.models import OrgType, School

SHEET = "Организации"
HEADERS = ("Полное наименование", "Организация", "Тип", "Организационно-правовая форма",
           "Муниципальное образование", "Входит в организацию")
REQUIRED = ("Полное наименование", "Организация", "Тип")

TYPE_WORDS = {
    "оо": OrgType.SCHOOL, "школа": OrgType.SCHOOL, "общеобразовательная": OrgType.SCHOOL,
    "общеобразовательная организация": OrgType.SCHOOL, "сош": OrgType.SCHOOL,
    "доо": OrgType.PRESCHOOL, "детский сад": OrgType.PRESCHOOL, "дошкольная": OrgType.PRESCHOOL,
    "дошкольная образовательная организация": OrgType.PRESCHOOL, "доу": OrgType.PRESCHOOL,
    "удо": OrgType.ADDITIONAL, "дополнительное образование": OrgType.ADDITIONAL,
    "организация дополнительного образования": OrgType.ADDITIONAL,
}
MAX_LENGTHS = {"Полное наименование": 500, "Организация": 200}


def _legal_form(plan, row, raw: str, short_name: str) -> str | None:
    if raw:
        known = school_services.find_legal_form(raw)
        if known is None:
            plan.error(SHEET, row.number, "Организационно-правовая форма",
                       _("Unknown legal form «%(value)s»; the admin adds forms to the reference "
                         "list.", value=raw))
        return known
    # «МАОУ ДО «ЦДТ»»: the form the short name starts with, the longest one first
    for known in sorted(school_services.legal_form_names(), key=len, reverse=True):
        if short_name.upper().startswith(known.upper() + " "):
            return known
    plan.error(SHEET, row.number, "Организационно-правовая форма",
               _("The legal form is not given and the short name does not start with one."))
    return None


def _row(plan, row, municipality) -> dict:
    values = {header: text(row.values[header]) for header in HEADERS}
    for header in REQUIRED:
        if not values[header]:
            plan.error(SHEET, row.number, header, _("The value is required."))
    for header, value in values.items():
        if value_problem(value):  # the rule of every form field too (NUL)
            plan.error(SHEET, row.number, header, value_problem(value))
    for header, limit in MAX_LENGTHS.items():
        if len(values[header]) > limit:
            plan.error(SHEET, row.number, header,
                       _("The value is longer than %(n)s characters.", n=limit))
    org_type = TYPE_WORDS.get(normalize(values["Тип"])) if values["Тип"] else None
    if values["Тип"] and org_type is None:
        plan.error(SHEET, row.number, "Тип",
                   _("Unknown organization type «%(value)s»; expected ОО, ДОО or УДО.",
                     value=values["Тип"]))
    place = values["Муниципальное образование"]
    if place and normalize(place) != normalize(municipality.name):
        plan.error(SHEET, row.number, "Муниципальное образование",
                   _("The row belongs to «%(name)s», not to the municipality of the import.",
                     name=place))
    return dict(row=row.number, full_name=values["Полное наименование"],
                short_name=values["Организация"], org_type=org_type,
                legal_form=_legal_form(plan, row, values["Организационно-правовая форма"],
                                       values["Организация"]),
                parent=values["Входит в организацию"])


def _check_departments(plan, rows: list[dict], existing: dict[str, School]) -> None:
    in_file = {normalize(r["short_name"]): r for r in rows}
    for record in rows:
        if not record["parent"]:
            continue
        parent = in_file.get(normalize(record["parent"]))
        parent_type = parent["org_type"] if parent else None
        parent_is_department = bool(parent and parent["parent"])
        if parent is None and normalize(record["parent"]) in existing:
            school = existing[normalize(record["parent"])]
            parent_type, parent_is_department = school.org_type, school.parent_id is not None
        elif parent is None:
            plan.error(SHEET, record["row"], "Входит в организацию",
                       _("No organization «%(name)s» in the file or in the municipality.",
                         name=record["parent"]))
            continue
        if parent_is_department or parent_type == record["org_type"]:
            plan.error(SHEET, record["row"], "Входит в организацию",
                       _("A department is of another type than its organization, and an "
                         "organization that is a department has no departments."))


def check_organizations(workbook, *, municipality) -> Plan:
    plan = Plan("organizations")
    sheet = sheet_of(workbook, SHEET, or_the_only_one=True)
    if sheet is None:
        plan.error(SHEET, 1, "", _("The file has no sheet «%(sheet)s».", sheet=SHEET))
        return plan
    columns = match_columns(header_row(workbook, sheet), HEADERS)
    missing = [header for header in REQUIRED if columns[header] is None]
    if missing:
        plan.error(SHEET, 1, ", ".join(missing),
                   _("Columns are missing: %(columns)s.", columns=", ".join(missing)))
        return plan
    existing = {normalize(s.short_name): s for s in db.session.scalars(
        select(School).where(School.municipality_id == municipality.id))}
    seen: dict[str, int] = {}
    for row in read_rows(workbook, sheet, HEADERS) or []:
        record = _row(plan, row, municipality)
        key = normalize(record["short_name"])
        if key and key in seen:
            plan.error(SHEET, row.number, "Организация",
                       _("The same organization is already in row %(row)s.", row=seen[key]))
        seen.setdefault(key, row.number)
        plan.items.setdefault("organizations", []).append(record)
    _check_departments(plan, plan.items.get("organizations", []), existing)
    return plan


def apply_organizations(plan: Plan, *, municipality) -> dict[str, int]:
    """Write the checked rows: parents before their departments. Returns what was done."""
    existing = {normalize(s.short_name): s for s in db.session.scalars(
        select(School).where(School.municipality_id == municipality.id))}
    done = {"created": 0, "updated": 0}
    rows = sorted(plan.items.get("organizations", []), key=lambda r: bool(r["parent"]))
    for record in rows:
        parent = existing.get(normalize(record["parent"])) if record["parent"] else None
        fields = dict(municipality_id=municipality.id, full_name=record["full_name"],
                      short_name=record["short_name"], legal_form=record["legal_form"],
                      org_type=record["org_type"], parent_id=parent.id if parent else None)
        school = existing.get(normalize(record["short_name"]))
        if school is None:
            school = school_services.create_school(**fields)
            done["created"] += 1
        else:
            school_services.update_school(school, version=school.version, **fields)
            done["updated"] += 1
        existing[normalize(record["short_name"])] = school
    return done


def organizations_template() -> bytes:
    return build_template([(SHEET, HEADERS, [
        ("Муниципальное автономное общеобразовательное учреждение «Средняя "
         "общеобразовательная школа № 5»", "МАОУ «СОШ № 5»", "ОО", "МАОУ", "", ""),
        ("Дошкольное отделение МАОУ «СОШ № 5»", "МАОУ «СОШ № 5» (дошкольное отделение)", "ДОО",
         "МАОУ", "", "МАОУ «СОШ № 5»"),
        ("Муниципальное автономное образовательное учреждение дополнительного образования "
         "«Центр детского творчества»", "МАОУ ДО «ЦДТ»", "УДО", "МАОУ ДО", "", ""),
    ])])
