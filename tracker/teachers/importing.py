"""Spreadsheet import of teachers, diagnostic results and course completions (XLSX or CSV).

A file is read and checked in full first (`parse`): every row, every error (row, column, what is
wrong). Only a file without errors is written (`import_writes.write`), in the caller's single
transaction, with bulk inserts and updates. Re-importing a file updates the records it matched
and creates nothing twice. The stable keys:

- teachers: the school + the full name, normalized (case, «ё»/«е», spaces do not matter);
- diagnostics: one row per domain result; the teacher (by the key above) + the date + who held
  it make one diagnostic, and its result for a domain is updated on re-import;
- courses: the teacher + the program title + the completion date.
"""
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from flask_babel import gettext as _
from sqlalchemy import func, select

from tracker.db import db, value_problem
from tracker.schools.models import School
from tracker.teachers.spreadsheet import BadFile, read_table
from tracker.teachers.models import (MIN_COURSE_HOURS, CourseProvider, CourseTopic,
                                     DeficitDomain, DiagnosticProvider, Level, Teacher,
                                     name_key)

KINDS = ("teachers", "diagnostics", "courses")
EXTENSIONS = ("xlsx", "csv")

YES = {"да", "yes", "1", "true", "+", "д"}
NO = {"нет", "no", "0", "false", "-", "н", ""}
DIAGNOSTIC_PROVIDERS = {"цнппм": DiagnosticProvider.CNPPM, "иро": DiagnosticProvider.IRO,
                        "школа": DiagnosticProvider.SCHOOL, "оо": DiagnosticProvider.SCHOOL,
                        "другое": DiagnosticProvider.OTHER, "другая": DiagnosticProvider.OTHER}
COURSE_PROVIDERS = {"академия минпросвещения": CourseProvider.ACADEMY,
                    "академия": CourseProvider.ACADEMY, "иро": CourseProvider.IRO,
                    "гау дпо иро": CourseProvider.IRO, "другая": CourseProvider.OTHER,
                    "другое": CourseProvider.OTHER}
COURSE_TOPICS = {"предметное": CourseTopic.SUBJECT, "предметная": CourseTopic.SUBJECT,
                 "предметная направленность": CourseTopic.SUBJECT,
                 "функциональная грамотность": CourseTopic.FUNCTIONAL_LITERACY,
                 "обновлённые фгос": CourseTopic.UPDATED_STANDARDS,
                 "обновленные фгос": CourseTopic.UPDATED_STANDARDS,
                 "фгос": CourseTopic.UPDATED_STANDARDS,
                 "информационная безопасность": CourseTopic.INFORMATION_SECURITY,
                 "овз": CourseTopic.INCLUSION, "фгос овз": CourseTopic.INCLUSION,
                 "другое": CourseTopic.OTHER, "другая": CourseTopic.OTHER}
LEVELS = {"высокий": Level.HIGH, "средний": Level.MEDIUM, "низкий": Level.LOW}

# kind -> (column header, required); the order of the template file
COLUMNS = {
    "teachers": (("ФИО", True), ("Должность", True), ("Предметы", False),
                 ("Стаж, лет", False), ("Работает", False)),
    "diagnostics": (("ФИО", True), ("Дата диагностики", True), ("Кто проводил", True),
                    ("Область", True), ("Балл", False), ("Уровень", True),
                    ("Выявленные дефициты", False)),
    "courses": (("ФИО", True), ("Программа", True), ("Организация", True), ("Часов", True),
                ("Дата окончания", True), ("В федеральном реестре ДПП", False),
                ("Направление", False)),
}
HINTS = {
    "Работает": "да или нет (пусто — да)",
    "Кто проводил": "ЦНППМ, ИРО, школа или другое",
    "Уровень": "высокий, средний или низкий",
    "Область": "как в справочнике областей: предметный, методический…",
    "Выявленные дефициты": "по одному на строку ячейки",
    "Организация": "Академия Минпросвещения, ИРО или другая",
    "Часов": f"не меньше {MIN_COURSE_HOURS}",
    "Дата диагностики": "ДД.ММ.ГГГГ", "Дата окончания": "ДД.ММ.ГГГГ",
    "В федеральном реестре ДПП": "да или нет",
    "Направление": "предметное, функциональная грамотность, обновлённые ФГОС, информационная "
                   "безопасность, ОВЗ или другое (пусто — не указано)",
}


@dataclass
class RowError:
    row: int
    column: str
    message: str


@dataclass
class Row:
    number: int
    values: list[str]
    record: dict | None = None
    errors: list[RowError] = field(default_factory=list)


@dataclass
class Parsed:
    kind: str
    school_id: int
    headers: list[str]
    rows: list[Row]

    @property
    def errors(self) -> list[RowError]:
        return [error for row in self.rows for error in row.errors]

    @property
    def records(self) -> list[dict]:
        return [row.record for row in self.rows]


# --- checking --------------------------------------------------------------------------------

def _parse_date(text: str) -> date | None:
    for pattern in ("%d.%m.%Y", "%Y-%m-%d", "%d.%m.%y"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def _parse_int(text: str) -> int | None:
    try:
        return int(text.replace(" ", "").replace("\u00a0", ""))
    except ValueError:
        return None


class _Checker:
    """Turns one row's cells into a record, collecting errors by column."""

    def __init__(self, row: Row, headers: dict[str, int], in_file: set[str]):
        self.row, self.headers, self.in_file = row, headers, in_file  # in_file: columns present

    def text(self, column: str, required: bool = False, max_length: int = 500) -> str:
        index = self.headers.get(column)
        value = self.row.values[index] if index is not None else ""
        if required and not value:
            self.fail(column, _("The value is required."))
        elif value_problem(value):  # the rule of every form field too (NUL)
            self.fail(column, value_problem(value))
            return value.replace("\x00", "")
        elif len(value) > max_length:
            self.fail(column, _("The value is longer than %(n)s characters.", n=max_length))
        return value

    def fail(self, column: str, message: str) -> None:
        self.row.errors.append(RowError(self.row.number, column, message))

    def choice(self, column: str, options: dict, required: bool = True):
        value = self.text(column, required)
        if not value:
            return None
        chosen = options.get(" ".join(value.lower().split()))
        if chosen is None:
            self.fail(column, _("Unknown value «%(value)s»; expected: %(options)s.", value=value,
                                options=", ".join(sorted(set(options)))))
        return chosen

    def day(self, column: str) -> date | None:
        value = self.text(column, True)
        parsed = _parse_date(value) if value else None
        if value and parsed is None:
            self.fail(column, _("«%(value)s» is not a date (expected DD.MM.YYYY).", value=value))
        elif parsed and not date(2000, 1, 1) <= parsed <= date(2100, 1, 1):
            self.fail(column, _("The date is out of range."))
        return parsed

    def number(self, column: str, low: int, high: int, required: bool = False) -> int | None:
        value = self.text(column, required)
        if not value:
            return None
        number = _parse_int(value)
        if number is None or not low <= number <= high:
            self.fail(column, _("Expected a whole number from %(low)s to %(high)s.",
                                low=low, high=high))
            return None
        return number

    def flag(self, column: str, default: bool) -> bool:
        value = self.text(column).lower()
        if not value:
            return default
        if value in YES:
            return True
        if value not in NO:
            self.fail(column, _("Expected «да» or «нет»."))
        return False


def _teacher_keys(school_id: int) -> dict[str, int]:
    return dict(db.session.execute(select(Teacher.name_key, Teacher.id)
                                   .where(Teacher.school_id == school_id)).all())


def _check_teacher(check: _Checker, seen: dict) -> dict:
    full_name = " ".join(check.text("ФИО", True, 200).split())
    if full_name and len(full_name.split()) < 2:
        check.fail("ФИО", _("Enter the surname and the name."))
    key = name_key(full_name)
    if key in seen:
        check.fail("ФИО", _("The same person is already in row %(row)s.", row=seen[key]))
    seen.setdefault(key, check.row.number)
    return {"full_name": full_name, "name_key": key,
            "position": check.text("Должность", True, 200),
            "subjects": check.text("Предметы", False, 500),
            "experience_years": check.number("Стаж, лет", 0, 70),
            "is_active": check.flag("Работает", True)}


def _find_teacher(check: _Checker, teachers: dict[str, int]) -> int | None:
    full_name = check.text("ФИО", True, 200)
    if not full_name:
        return None
    teacher_id = teachers.get(name_key(full_name))
    if teacher_id is None:
        check.fail("ФИО", _("No such teacher in the school: import the list of teachers first."))
    return teacher_id


def _check_diagnostic(check: _Checker, seen: dict, teachers, domains) -> dict:
    record = {"teacher_id": _find_teacher(check, teachers), "held_on": check.day("Дата диагностики"),
              "provider": check.choice("Кто проводил", DIAGNOSTIC_PROVIDERS),
              "domain_id": check.choice("Область", domains),
              "score": check.number("Балл", 0, 100), "level": check.choice("Уровень", LEVELS),
              "deficits": check.text("Выявленные дефициты", False, 2000)}
    key = tuple(record[k] for k in ("teacher_id", "held_on", "provider", "domain_id"))
    if None not in key:
        if key in seen:
            check.fail("Область", _("The same result is already in row %(row)s.", row=seen[key]))
        seen.setdefault(key, check.row.number)
    return record


def _check_course(check: _Checker, seen: dict, teachers) -> dict:
    record = {"teacher_id": _find_teacher(check, teachers),
              "program_title": " ".join(check.text("Программа", True, 500).split()),
              "provider": check.choice("Организация", COURSE_PROVIDERS),
              "hours": check.number("Часов", MIN_COURSE_HOURS, 5000, required=True),
              "completed_on": check.day("Дата окончания"),
              "is_federal_registry": check.flag("В федеральном реестре ДПП", False)}
    if "Направление" in check.in_file:
        record["topic"] = check.choice("Направление", COURSE_TOPICS, required=False)
    key = (record["teacher_id"], record["program_title"], record["completed_on"])
    if None not in key and key[1]:
        if key in seen:
            check.fail("Программа", _("The same course is already in row %(row)s.",
                                      row=seen[key]))
        seen.setdefault(key, check.row.number)
    return record


def parse(kind: str, path: Path, school: School) -> Parsed:
    """Read and check the whole file; nothing is written."""
    table = read_table(path)
    if not table:
        raise BadFile(_("The file is empty."))
    headers = [" ".join(h.split()) for h in table[0]]
    positions = {h.lower(): i for i, h in enumerate(headers) if h}
    expected = COLUMNS[kind]
    missing = [name for name, required in expected if required and name.lower() not in positions]
    if missing:
        raise BadFile(_("Columns are missing: %(columns)s. Download the template file.",
                        columns=", ".join(missing)))
    source = [positions.get(name.lower()) for name, _required in expected]
    index = {name: i for i, (name, _required) in enumerate(expected)}
    in_file = {name for name, _required in expected if name.lower() in positions}
    rows = [Row(number, [values[i] if i is not None and i < len(values) else "" for i in source])
            for number, values in enumerate(table[1:], start=2) if any(values)]
    if not rows:
        raise BadFile(_("The file has no rows below the header."))
    seen: dict = {}
    teachers = _teacher_keys(school.id) if kind != "teachers" else {}
    domains = {d.name.lower(): d.id for d in db.session.scalars(
        select(DeficitDomain).where(DeficitDomain.is_active.is_(True)))}
    for row in rows:
        check = _Checker(row, index, in_file)
        if kind == "teachers":
            row.record = _check_teacher(check, seen)
        elif kind == "diagnostics":
            row.record = _check_diagnostic(check, seen, teachers, domains)
        else:
            row.record = _check_course(check, seen, teachers)
    return Parsed(kind=kind, school_id=school.id, headers=[name for name, _r in expected],
                  rows=rows)


def school_by_short_name(short_name: str) -> School | None:
    return db.session.scalar(select(School).where(
        func.lower(School.short_name) == " ".join(short_name.split()).lower()))
