"""Import from the command line: all or nothing, idempotent, 10,000 rows in one transaction."""
import shutil

from sqlalchemy import func, select

from tracker.audit import AuditEvent
from tracker.db import db
from tracker.teachers.demo import default_domains
from tracker.teachers.models import CourseCompletion, DiagnosticResult, Teacher

from tests import factories
from tests.teacher_files import DATA, many_teachers, write_xlsx


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def run_import(runner, kind, path, school, *extra):
    return runner.invoke(args=["import", kind, str(path), "--school", school.short_name, *extra])


def test_ten_thousand_rows_in_one_transaction_and_reimport_changes_nothing(runner, tmp_path):
    school = factories.make_school()
    db.session.commit()
    path = write_xlsx(tmp_path / "big.xlsx", "teachers", many_teachers(10_000))
    result = run_import(runner, "teachers", path, school)
    assert result.exit_code == 0, result.output
    assert "written 5000 of 10000" in result.output and "created 10000" in result.output
    assert count(Teacher) == 10_000
    assert db.session.scalar(select(func.count()).where(AuditEvent.action == "import")) == 1

    again = run_import(runner, "teachers", path, school)
    assert again.exit_code == 0 and "created 0, updated 0, unchanged 10000" in again.output
    assert count(Teacher) == 10_000


def test_one_bad_row_among_ten_thousand_writes_nothing(runner, tmp_path):
    school = factories.make_school()
    db.session.commit()
    path = write_xlsx(tmp_path / "bad.xlsx", "teachers", many_teachers(10_000, bad_row=9_999))
    result = run_import(runner, "teachers", path, school)
    assert result.exit_code != 0
    assert "строка 9999, столбец «Стаж, лет»" in result.output
    assert "nothing was written" in result.output
    assert count(Teacher) == 0


def test_broken_file_lists_every_error_in_russian(runner):
    school = factories.make_school()
    db.session.commit()
    result = run_import(runner, "teachers", DATA / "teachers_broken.csv", school)
    assert result.exit_code != 0
    output = result.output
    assert "строка 3, столбец «ФИО»: Укажите фамилию и имя." in output
    assert "строка 3, столбец «Стаж, лет»" in output and "строка 3, столбец «Работает»" in output
    assert "строка 4, столбец «ФИО»: Обязательное значение." in output
    assert "строка 5, столбец «ФИО»: Этот человек уже есть в строке 2." in output
    assert count(Teacher) == 0


def test_dry_run_writes_nothing(runner):
    school = factories.make_school()
    db.session.commit()
    result = run_import(runner, "teachers", DATA / "teachers.csv", school, "--dry-run")
    assert result.exit_code == 0 and "would have created 3" in result.output
    assert count(Teacher) == 0


def test_diagnostics_and_courses_match_teachers_and_update_on_reimport(runner, tmp_path):
    school = factories.make_school()
    default_domains()
    db.session.commit()
    assert run_import(runner, "teachers", DATA / "teachers.csv", school).exit_code == 0
    assert db.session.scalar(select(func.count()).where(Teacher.is_active.is_(False))) == 1
    result = run_import(runner, "diagnostics", DATA / "diagnostics.csv", school)
    assert result.exit_code == 0, result.output
    assert count(DiagnosticResult) == 3

    changed = tmp_path / "diagnostics.csv"
    changed.write_text((DATA / "diagnostics.csv").read_text().replace(";45;", ";40;"))
    result = run_import(runner, "diagnostics", changed, school)
    assert "created 0, updated 1, unchanged 2" in result.output
    assert count(DiagnosticResult) == 3
    assert db.session.scalar(select(func.min(DiagnosticResult.score))) == 40

    broken = run_import(runner, "courses", DATA / "courses_broken.csv", school)
    assert broken.exit_code != 0 and "строка 4, столбец «Часов»" in broken.output
    assert count(CourseCompletion) == 0
    fixed = tmp_path / "courses.csv"
    fixed.write_text("\n".join((DATA / "courses_broken.csv").read_text().splitlines()[:3]))
    shutil.copy(fixed, tmp_path / "again.csv")
    assert run_import(runner, "courses", fixed, school).exit_code == 0
    assert run_import(runner, "courses", tmp_path / "again.csv", school).exit_code == 0
    assert count(CourseCompletion) == 2


def test_unknown_teacher_in_diagnostics_is_an_error(runner):
    school = factories.make_school()
    default_domains()
    db.session.commit()
    result = run_import(runner, "diagnostics", DATA / "diagnostics.csv", school)
    assert result.exit_code != 0 and "сначала импортируйте список педагогов" in result.output


def test_a_courses_direction_is_imported_and_kept_by_a_file_without_the_column(runner, tmp_path):
    """«Направление» is optional: read in the app's words when present (an unknown one is a
    row's error and nothing is written), left as recorded when a file has no such column."""
    school = factories.make_school()
    db.session.commit()
    assert run_import(runner, "teachers", DATA / "teachers.csv", school).exit_code == 0
    header, first, second = (DATA / "courses_broken.csv").read_text().splitlines()[:3]
    unknown = tmp_path / "unknown.csv"
    unknown.write_text("\n".join([f"{header};Направление", f"{first};Функциональная  грамотность",
                                  f"{second};кулинария"]))
    result = run_import(runner, "courses", unknown, school)
    assert result.exit_code != 0 and "строка 3, столбец «Направление»" in result.output
    assert "«кулинария»" in result.output and count(CourseCompletion) == 0
    with_topic = tmp_path / "topics.csv"
    with_topic.write_text("\n".join([f"{header};Направление", f"{first};Функциональная  грамотность",
                                     f"{second};"]))
    assert run_import(runner, "courses", with_topic, school).exit_code == 0
    without_column = tmp_path / "plain.csv"
    without_column.write_text("\n".join([header, first, second]))
    result = run_import(runner, "courses", without_column, school)
    assert result.exit_code == 0 and "created 0, updated 0, unchanged 2" in result.output
    topics = dict(db.session.execute(select(CourseCompletion.program_title,
                                            CourseCompletion.topic)).all())
    assert topics == {"Школа современного учителя": "functional_literacy",
                      "Информационная безопасность детей": None}
