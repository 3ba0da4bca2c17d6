"""All or nothing under write failures, not only under validation errors.

Every bulk write (the teachers import on the web and on the command line, diagnostics, courses,
the network import) is broken in the middle of writing: by a constraint violation in row N or by
a database error raised from an engine event after some chunks are written and their progress
reported. Afterwards no row and no file of the import remains, and the person sees why.
"""
import io
import re
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.exc import OperationalError

from tracker.audit import AuditEvent
from tracker.auth.models import Role
from tracker.db import db
from tracker.network import importing as network_importing
from tracker.network.event_models import EventParticipation, MethodicalEvent
from tracker import import_files as uploads
from tracker.teachers import views_import
from tracker.teachers.demo import default_domains
from tracker.teachers.models import CourseCompletion, Diagnostic, DiagnosticResult, Teacher

from tests import factories
from tests.teacher_files import DATA, many_teachers, write_xlsx

ROWS = 2_500  # three chunks of the writer: 1,000 + 1,000 + 500


def committed(model) -> int:
    """Rows another connection would see: what is in the database, not in this session."""
    db.session.rollback()
    return db.session.scalar(select(func.count()).select_from(model))


def files_under(*folders) -> list[Path]:
    return [path for folder in folders if Path(folder).exists()
            for path in Path(folder).rglob("*") if path.is_file()]


@contextmanager
def database_error_on(table: str, *, nth: int = 1, verb: str = "INSERT"):
    """Raise a database error when the `nth` `verb` statement on `table` reaches the engine."""
    seen = []

    def before(conn, cursor, statement, parameters, context, executemany):
        words = statement.split()
        target = words[2] if verb == "INSERT" else words[1]
        if words[0].upper() == verb and target.strip('"') == table:
            seen.append(statement)
            if len(seen) == nth:
                raise OperationalError(statement, parameters, Exception("injected failure"))

    engine = db.engine
    event.listen(engine, "before_cursor_execute", before)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", before)
    assert len(seen) >= nth, f"the {nth}th {verb} on {table} never came: nothing was injected"


@pytest.fixture
def folders(app, tmp_path):
    app.config["IMPORT_DIR"] = str(tmp_path / "imports")
    app.config["UPLOAD_DIR"] = str(tmp_path / "uploads")
    return app.config["IMPORT_DIR"], app.config["UPLOAD_DIR"]


@pytest.fixture
def progress_seen(monkeypatch):
    seen = []
    real = uploads.set_progress

    def record(**kwargs):
        real(**kwargs)
        seen.append(kwargs["done"])
    monkeypatch.setattr(uploads, "set_progress", record)
    return seen


def web_import(client, school, path: Path, kind: str):
    response = client.post("/teachers/import", data={
        "kind": kind, "school_id": school.id,
        "file": (io.BytesIO(path.read_bytes()), path.name)}, content_type="multipart/form-data")
    token = re.search(r"token=([A-Za-z0-9_-]+)", response.location).group(1)
    assert "Ошибок нет" in client.get(response.location).text
    return client.post("/teachers/import/confirm", data={"token": token}, follow_redirects=True)


def assert_failed_cleanly(response, *folders):
    assert response.status_code == 200
    assert "Загрузка не удалась: ничего не записано." in response.text
    assert files_under(*folders) == []
    assert db.session.scalar(select(func.count()).where(AuditEvent.action == "import")) == 0


def test_web_import_with_a_database_error_after_two_chunks_writes_nothing(
        client, login_as, tmp_path, folders, progress_seen):
    director = login_as(Role.DIRECTOR)
    path = write_xlsx(tmp_path / "staff.xlsx", "teachers", many_teachers(ROWS))
    with database_error_on("teachers", nth=3) as inserts:
        response = web_import(client, director.school, path, "teachers")
    assert len(inserts) == 3 and max(progress_seen) == 2_000  # two chunks written and reported
    assert committed(Teacher) == 0
    assert_failed_cleanly(response, *folders)


def test_web_import_with_a_constraint_violation_in_row_n_writes_nothing(
        client, login_as, tmp_path, folders, progress_seen, monkeypatch):
    director = login_as(Role.DIRECTOR)
    path = write_xlsx(tmp_path / "staff.xlsx", "teachers", many_teachers(ROWS))
    real_parse = views_import.parse

    def parse_with_a_bad_row(*args):
        parsed = real_parse(*args)
        if not parsed.errors:  # the row the checks let through but the schema refuses
            parsed.records[2_400]["full_name"] = None
        return parsed
    monkeypatch.setattr(views_import, "parse", parse_with_a_bad_row)
    response = web_import(client, director.school, path, "teachers")
    assert max(progress_seen) == 2_000
    assert committed(Teacher) == 0
    assert_failed_cleanly(response, *folders)


def test_diagnostics_import_failing_between_its_two_tables_writes_neither(
        app, client, login_as, folders):
    director = login_as(Role.DIRECTOR)
    default_domains()
    db.session.commit()
    assert "новых — 3" in web_import(client, director.school, DATA / "teachers.csv",
                                      "teachers").text
    with database_error_on("diagnostic_results"):
        response = web_import(client, director.school, DATA / "diagnostics.csv", "diagnostics")
    assert committed(Diagnostic) == 0 and committed(DiagnosticResult) == 0
    assert committed(Teacher) == 3
    assert "Загрузка не удалась: ничего не записано." in response.text
    assert files_under(*folders) == []


def test_courses_import_on_the_command_line_with_a_database_error_writes_nothing(
        runner, tmp_path):
    school = factories.make_school()
    db.session.commit()
    teachers = many_teachers(ROWS)
    staff = write_xlsx(tmp_path / "staff.xlsx", "teachers", teachers)
    arguments = ["import", "teachers", str(staff), "--school", school.short_name]
    assert runner.invoke(args=arguments).exit_code == 0
    courses = write_xlsx(tmp_path / "courses.xlsx", "courses", [
        [row[0], "Школа современного учителя", "ИРО", 36, "20.04.2022", "да"]
        for row in teachers])
    with database_error_on("course_completions", nth=3):
        result = runner.invoke(args=["import", "courses", str(courses), "--school",
                                     school.short_name])
    assert result.exit_code != 0
    assert "written 2000 of 2500" in result.output
    assert committed(CourseCompletion) == 0 and committed(Teacher) == ROWS


def test_teachers_reimport_failing_in_its_updates_changes_nothing(runner, tmp_path):
    school = factories.make_school()
    db.session.commit()
    path = write_xlsx(tmp_path / "staff.xlsx", "teachers", many_teachers(ROWS))
    arguments = ["import", "teachers", str(path), "--school", school.short_name]
    assert runner.invoke(args=arguments).exit_code == 0
    changed = [[name, "завуч", subjects, years, active]
               for name, _position, subjects, years, active in many_teachers(ROWS)]
    write_xlsx(path, "teachers", changed)
    with database_error_on("teachers", nth=2, verb="UPDATE"):
        assert runner.invoke(args=arguments).exit_code != 0
    db.session.rollback()
    assert db.session.scalar(select(func.count()).where(Teacher.position == "завуч")) == 0


def test_network_events_import_failing_in_its_participations_writes_nothing(
        app, client, login_as, tmp_path):
    from tests.test_network_import import GOOD_EVENTS, upload, workbook
    app.config["UPLOAD_DIR"] = str(tmp_path)
    municipality = factories.make_municipality()
    for name in ("МАОУ «СОШ № 5»", "МБОУ «СОШ № 8 имени Бусыгина М.И.»", "МБОУ «СОШ № 2»"):
        factories.make_school(municipality, name)
    login_as(Role.COORDINATOR, municipality=municipality)
    checked = upload(client, f"/network/import/events?municipality={municipality.id}",
                     workbook(GOOD_EVENTS))
    assert checked.status_code == 200, checked.text
    token = re.search(r'name="token" type="hidden" value="([^"]+)"', checked.text) or \
        re.search(r'value="([^"]+)"[^>]*name="token"', checked.text)
    with database_error_on(EventParticipation.__tablename__):
        response = client.post("/network/import/events/confirm",
                               data={"token": token.group(1)}, follow_redirects=True)
    assert response.status_code == 200
    assert "Загрузка не удалась: ничего не записано." in response.text
    assert committed(MethodicalEvent) == 0 and committed(EventParticipation) == 0
    assert files_under(tmp_path) == []
    assert network_importing.EVENTS_SHEET in GOOD_EVENTS
