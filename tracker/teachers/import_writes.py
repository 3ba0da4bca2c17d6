"""Writing a checked import: bulk inserts and updates in the caller's transaction (no commit).

Records matched by their stable key (see importing.py) are updated when a value differs and left
alone otherwise; the rest are inserted in chunks. One audit event describes the whole import.
"""
from collections.abc import Callable
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from sqlalchemy import bindparam, insert, select, update

from tracker import audit
from tracker.db import db, utcnow
from tracker.errors import DomainError
from tracker.schools.models import School
from tracker.teachers.importing import Parsed
from tracker.teachers.models import CourseCompletion, Diagnostic, DiagnosticResult, Teacher

CHUNK = 1000
Progress = Callable[[int, int], None]


class ImportHasErrors(DomainError):
    message = _l("The file has errors: nothing was written.")


@dataclass
class Outcome:
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    def __str__(self) -> str:
        return f"created {self.created}, updated {self.updated}, unchanged {self.unchanged}"


def _chunks(rows: list, size: int = CHUNK):
    for start in range(0, len(rows), size):
        yield rows[start:start + size]


class _Writer:
    def __init__(self, total: int, progress: Progress | None):
        self.total, self.done, self.progress = total, 0, progress or (lambda done, total: None)
        self.progress(0, total)

    def insert(self, model, rows: list[dict]) -> None:
        now = utcnow()
        for chunk in _chunks(rows):
            db.session.execute(insert(model), [dict(r, created_at=now, updated_at=now)
                                               for r in chunk])
            self.advance(len(chunk))

    def update(self, model, rows: list[dict], fields: tuple[str, ...]) -> None:
        table = model.__table__
        values = {name: bindparam(f"new_{name}") for name in fields}
        if "updated_at" in table.c:
            values["updated_at"] = utcnow()
        if "version" in table.c:
            values["version"] = table.c.version + 1
        stmt = update(table).where(table.c.id == bindparam("row_id")).values(**values)
        for chunk in _chunks(rows):
            db.session.connection().execute(stmt, [
                {"row_id": r["id"], **{f"new_{name}": r[name] for name in fields}}
                for r in chunk])
            self.advance(len(chunk))

    def advance(self, count: int) -> None:
        self.done += count
        self.progress(min(self.done, self.total), self.total)


def _split(records: list[dict], existing: dict, key, fields: tuple[str, ...], outcome: Outcome):
    """(new records, changed records with their id) against {key: (id, *fields)}."""
    new, changed = [], []
    for record in records:
        found = existing.get(key(record))
        if found is None:
            new.append(record)
        elif tuple(found[1:]) != tuple(record[name] for name in fields):
            changed.append(dict(record, id=found[0]))
        else:
            outcome.unchanged += 1
    outcome.created += len(new)
    outcome.updated += len(changed)
    return new, changed


TEACHER_FIELDS = ("full_name", "position", "subjects", "experience_years", "is_active")
RESULT_FIELDS = ("score", "level", "deficits")
COURSE_FIELDS = ("provider", "hours", "is_federal_registry")


def _teachers(parsed: Parsed, writer: _Writer, outcome: Outcome) -> None:
    existing = {row[0]: row[1:] for row in db.session.execute(
        select(Teacher.name_key, Teacher.id, *(getattr(Teacher, f) for f in TEACHER_FIELDS))
        .where(Teacher.school_id == parsed.school_id))}
    new, changed = _split(parsed.records, existing, lambda r: r["name_key"], TEACHER_FIELDS,
                          outcome)
    writer.insert(Teacher, [dict(r, school_id=parsed.school_id, version=1) for r in new])
    writer.update(Teacher, changed, TEACHER_FIELDS)


def _school_teacher_ids(school_id: int):
    return select(Teacher.id).where(Teacher.school_id == school_id)


def _diagnostics(parsed: Parsed, writer: _Writer, outcome: Outcome) -> None:
    def diagnostic_ids() -> dict:
        return {(t, h, p): i for i, t, h, p in db.session.execute(
            select(Diagnostic.id, Diagnostic.teacher_id, Diagnostic.held_on, Diagnostic.provider)
            .where(Diagnostic.teacher_id.in_(_school_teacher_ids(parsed.school_id))))}

    def head(r):
        return r["teacher_id"], r["held_on"], r["provider"]

    known = diagnostic_ids()
    heads = {head(r): r for r in parsed.records if head(r) not in known}
    now = utcnow()
    for chunk in _chunks(list(heads)):
        db.session.execute(insert(Diagnostic), [
            {"teacher_id": t, "held_on": h, "provider": p, "created_at": now, "updated_at": now}
            for t, h, p in chunk])
    known = diagnostic_ids()
    results = [{"diagnostic_id": known[head(r)], "domain_id": r["domain_id"],
                **{f: r[f] for f in RESULT_FIELDS}} for r in parsed.records]
    existing = {(d, m): (i, s, lv, df) for i, d, m, s, lv, df in db.session.execute(
        select(DiagnosticResult.id, DiagnosticResult.diagnostic_id, DiagnosticResult.domain_id,
               *(getattr(DiagnosticResult, f) for f in RESULT_FIELDS))
        .where(DiagnosticResult.diagnostic_id.in_(set(known.values()))))}
    new, changed = _split(results, existing, lambda r: (r["diagnostic_id"], r["domain_id"]),
                          RESULT_FIELDS, outcome)
    for chunk in _chunks(new):
        db.session.execute(insert(DiagnosticResult), chunk)
        writer.advance(len(chunk))
    writer.update(DiagnosticResult, changed, RESULT_FIELDS)


def _courses(parsed: Parsed, writer: _Writer, outcome: Outcome) -> None:
    # a file without the direction column leaves the directions already recorded as they are
    fields = COURSE_FIELDS + (("topic",) if parsed.records and "topic" in parsed.records[0]
                              else ())
    existing = {(t, title, on): (i, *rest) for i, t, title, on, *rest in db.session.execute(
        select(CourseCompletion.id, CourseCompletion.teacher_id, CourseCompletion.program_title,
               CourseCompletion.completed_on, *(getattr(CourseCompletion, f) for f in fields))
        .where(CourseCompletion.teacher_id.in_(_school_teacher_ids(parsed.school_id))))}
    new, changed = _split(
        parsed.records, existing,
        lambda r: (r["teacher_id"], r["program_title"], r["completed_on"]), fields, outcome)
    writer.insert(CourseCompletion, new)
    writer.update(CourseCompletion, changed, fields)


WRITERS = {"teachers": _teachers, "diagnostics": _diagnostics, "courses": _courses}


def write(parsed: Parsed, *, school: School, progress: Progress | None = None,
          file_name: str = "") -> Outcome:
    """Write every record of a file without errors; refuse a file with any error."""
    if parsed.errors:
        raise ImportHasErrors()
    outcome = Outcome()
    writer = _Writer(len(parsed.rows), progress)
    WRITERS[parsed.kind](parsed, writer, outcome)
    writer.progress(len(parsed.rows), len(parsed.rows))
    audit.record("import", object_type="School", object_id=school.id,
                 municipality_id=school.municipality_id,
                 changes={"kind": parsed.kind, "file": file_name, "rows": len(parsed.rows),
                          "created": outcome.created, "updated": outcome.updated,
                          "unchanged": outcome.unchanged})
    db.session.flush()
    return outcome
