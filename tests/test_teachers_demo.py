"""The demo's teacher figures, counted from the records by the shared SQL queries."""
from datetime import date

from sqlalchemy import select

from tracker.db import db
from tracker.periods import HalfYear
from tracker.schools.models import Municipality, School, SchoolYearStatus
from tracker.teachers import queries
from tracker.teachers.models import CourseProvider, Teacher

H1 = HalfYear(2022, 1)
REPORT_IRO = {  # the reference report's table: ИРО listeners in / outside the registry
    "МАОУ «СОШ № 5»": (8, 2), "МАОУ «СОШ № 7 имени Пичуева Л.П.»": (8, 3),
    "МАОУ «Экспериментальный лицей «НОК»»": (2, 2), "МБОУ «СОШ № 1»": (1, 0),
    "МБОУ «СОШ № 15»": (3, 4), "МБОУ «СОШ № 17»": (8, 9), "МБОУ «СОШ № 2»": (2, 1),
}


def low_result_schools():
    return (select(School.id).join(SchoolYearStatus).join(School.municipality)
            .where(SchoolYearStatus.year == 2022, SchoolYearStatus.category_id.is_not(None),
                   Municipality.name == "Усть-Илимск"))


def test_demo_teacher_figures_match_the_report(runner):
    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    shnor = low_result_schools()
    names = dict(db.session.execute(select(School.id, School.short_name).where(
        School.id.in_(shnor))).all())
    assert len(names) == 7

    assert sum(queries.active_teachers(shnor).values()) == 500
    assert sum(queries.diagnosed_teachers(shnor).values()) == 415
    assert sum(queries.teachers_with_plan(shnor, period=H1).values()) == 252
    assert sum(queries.teachers_with_recent_course(shnor, on=date(2022, 6, 30)).values()) == 493
    assert len(queries.schools_running_mentoring(shnor, H1)) == 6

    listeners = queries.course_listeners(shnor, H1)
    table = {names[school_id]: (listeners.get((school_id, CourseProvider.IRO, True), 0),
                                listeners.get((school_id, CourseProvider.IRO, False), 0))
             for school_id in names}
    assert table == REPORT_IRO
    assert db.session.scalar(select(Teacher.id).where(Teacher.is_active.is_(False))) is not None
