"""Teachers' pages: scope, web import (preview, refusal, confirm, progress), plans from
diagnostics, purge, and the shared queries on small hand-made data."""
import io
import re
from datetime import date

import pytest
from sqlalchemy import func, select

from tracker.audit import AuditEvent
from tracker.auth.models import Role
from tracker.db import db
from tracker.periods import HalfYear
from tracker.teachers import queries
from tracker.teachers.models import (CourseCompletion, DevelopmentPlan, MentoringProgram, PlanItem,
                                     Teacher)

from tests import factories
from tests import teacher_factories as tf
from tests.conftest import sign_in
from tests.teacher_files import DATA


@pytest.fixture(autouse=True)
def import_dir(app, tmp_path):
    app.config["IMPORT_DIR"] = str(tmp_path / "imports")
    yield
    app.config.pop("IMPORT_DIR", None)


def upload(client, school, path, kind="teachers"):
    return client.post("/teachers/import", data={
        "kind": kind, "school_id": school.id,
        "file": (io.BytesIO(path.read_bytes()), path.name)},
        content_type="multipart/form-data")


def token_of(response) -> str:
    return re.search(r"token=([A-Za-z0-9_-]+)", response.location).group(1)


def test_director_sees_errors_then_imports_the_fixed_file(client, login_as):
    director = login_as(Role.DIRECTOR)
    school = director.school
    response = upload(client, school, DATA / "teachers_broken.csv")
    preview = client.get(response.location).text
    assert "Строка 3, столбец «ФИО»: Укажите фамилию и имя." in preview
    assert "Строка 5, столбец «ФИО»: Этот человек уже есть в строке 2." in preview
    refused = client.post("/teachers/import/confirm", data={"token": token_of(response)})
    assert refused.status_code == 302
    assert db.session.scalar(select(func.count(Teacher.id))) == 0

    response = upload(client, school, DATA / "teachers.csv")
    token = token_of(response)
    assert "Ошибок нет" in client.get(response.location).text
    done = client.post("/teachers/import/confirm", data={"token": token}, follow_redirects=True)
    assert "новых — 3" in done.text
    assert db.session.scalar(select(func.count(Teacher.id))) == 3
    # the stored file is gone once imported; its progress reached the end before that
    assert client.get(f"/teachers/import/progress?token={token}").json == {}
    again = client.post("/teachers/import/confirm", data={"token": token})
    assert again.status_code == 302 and db.session.scalar(select(func.count(Teacher.id))) == 3


def test_another_user_cannot_confirm_my_upload(app, client, login_as):
    director = login_as(Role.DIRECTOR)
    token = token_of(upload(client, director.school, DATA / "teachers.csv"))
    coordinator = factories.make_user(Role.COORDINATOR, municipality=director.school.municipality)
    db.session.commit()
    other = app.test_client()
    sign_in(other, coordinator)
    other.post("/teachers/import/confirm", data={"token": token})
    assert db.session.scalar(select(func.count(Teacher.id))) == 0


def test_template_lists_the_columns(client, login_as):
    from openpyxl import load_workbook
    login_as(Role.DIRECTOR)
    response = client.get("/teachers/import/template?kind=courses")
    sheet = load_workbook(io.BytesIO(response.data)).active
    assert [c.value for c in sheet[1]][:3] == ["ФИО", "Программа", "Организация"]
    disposition = response.headers["Content-Disposition"]
    assert "courses" not in disposition and "%D0%BA%D1%83%D1%80%D1%81%D1%8B" in disposition  # «курсы»


def test_plan_from_diagnostic_has_one_item_per_deficit(client, login_as):
    director = login_as(Role.DIRECTOR)
    teacher = tf.make_teacher(director.school)
    diagnostic = tf.make_diagnostic(teacher, tf.make_domain("предметный"),
                                    deficits="задания ВПР\nфункциональная грамотность")
    db.session.commit()
    response = client.post(f"/teachers/diagnostics/{diagnostic.id}/plan",
                           data={"period": "2022-H2"})
    plan = db.session.scalar(select(DevelopmentPlan))
    assert response.location.endswith(f"/teachers/plans/{plan.id}")
    assert [i.deficit for i in plan.items] == ["предметный: задания ВПР",
                                               "предметный: функциональная грамотность"]
    assert all(i.due_on == date(2022, 12, 31) for i in plan.items)
    page = client.get(response.location).text
    assert "просрочено" in page  # due in 2022: overdue now
    # the indicator's own wording, the half-year in words
    assert "Индивидуальная программа развития на 2 полугодие 2022" in page
    assert "2022-H2" not in page and "маршрут" not in page
    card = client.get(f"/teachers/{teacher.id}").text
    assert "Индивидуальные программы развития" in card and "маршрут" not in card
    client.post(f"/teachers/plans/{plan.id}/status",
                data={"status": "approved", "version": plan.version})
    db.session.refresh(plan)
    assert plan.status == "approved"


def test_curator_sees_only_curated_schools_teachers(client):
    school_in, school_out = factories.make_school(), factories.make_school()
    curator = factories.make_user(Role.CURATOR)
    factories.make_assignment(curator, school_in)
    tf.make_teacher(school_in, "Видимова Анна Ивановна")
    tf.make_teacher(school_out, "Скрытова Анна Ивановна")
    db.session.commit()
    sign_in(client, curator)
    html = client.get("/teachers/").text
    assert "Видимова" in html and "Скрытова" not in html


def test_purge_anonymizes_and_keeps_records_and_audit_has_no_name(client, login_as):
    login_as(Role.ADMIN)
    teacher = tf.make_teacher(factories.make_school(), "Удаляева Нина Петровна")
    tf.make_course(teacher)
    db.session.commit()
    client.post(f"/teachers/{teacher.id}/purge")
    db.session.refresh(teacher)
    assert teacher.is_purged and "Удаляева" not in teacher.full_name and teacher.courses
    logged = " ".join(str(e.changes) for e in db.session.scalars(select(AuditEvent)))
    assert "Удаляева" not in logged


def test_purge_pseudonymises_visits_and_the_audit_and_audits_the_rewrite(client, login_as):
    from tracker.visits.models import VisitNote, VisitParticipant

    admin = login_as(Role.ADMIN)
    school, elsewhere = factories.make_school(), factories.make_school()
    teacher = tf.make_teacher(school, "Удаляева Нина Петровна")
    curator = factories.make_user(Role.CURATOR)
    visit, other_visit = factories.make_visit(school, curator), factories.make_visit(elsewhere,
                                                                                    curator)
    visit.participants.append(VisitParticipant(name="удаляева  Нина петровна", position="учитель"))
    visit.participants.append(VisitParticipant(name="Оставова Анна Ивановна"))
    other_visit.participants.append(VisitParticipant(name="Удаляева Нина Петровна"))
    note = factories.make_note(visit, curator, "Удаляева Нина Петровна провела открытый урок")
    db.session.commit()
    visit.findings = "Опыт: Удаляева Нина Петровна, Оставова Анна Ивановна."
    db.session.commit()
    version = visit.version
    before = db.session.scalar(select(func.count()).select_from(AuditEvent))

    client.post(f"/teachers/{teacher.id}/purge")
    db.session.expire_all()
    pseudonym = teacher.full_name
    assert pseudonym.startswith("Педагог №")
    assert [p.name for p in visit.participants] == [pseudonym, "Оставова Анна Ивановна"]
    assert db.session.get(VisitNote, note.id).text == f"{pseudonym} провела открытый урок"
    assert visit.findings == f"Опыт: {pseudonym}, Оставова Анна Ивановна." and \
        visit.version == version + 1
    # the namesake in another municipality keeps her name, in the visit and in the audit
    assert other_visit.participants[0].name == "Удаляева Нина Петровна"
    mine = [e for e in db.session.scalars(select(AuditEvent))
            if e.municipality_id != elsewhere.municipality_id]
    assert "удаляева" not in " ".join(str(e.changes) for e in mine).lower()
    assert pseudonym in " ".join(str(e.changes) for e in mine)
    # the rewrite kept every event and is itself recorded, without the name
    assert db.session.scalar(select(func.count()).select_from(AuditEvent)) > before
    purge = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "purge")).one()
    assert purge.user_id == admin.id and purge.changes["visit_participants"] == 1
    assert purge.changes["visit_texts"] == 2 and purge.changes["audit_events"] >= 4
    page = client.get("/admin/audit").text
    assert "Переписано записей журнала" in page and f"{pseudonym} провела" in page
    assert "удаляева" not in page and "Удаляева Нина Петровна провела" not in page


def test_queries_count_only_active_teachers_and_running_mentoring():
    school, other = factories.make_school(), factories.make_school()
    domain = tf.make_domain()
    active = [tf.make_teacher(school) for _ in range(3)]
    gone = tf.make_teacher(school, is_active=False)
    for teacher in (active[0], gone):
        tf.make_diagnostic(teacher, domain)
        tf.make_plan(teacher)
        tf.make_course(teacher, completed_on=date(2019, 7, 1))
    tf.make_plan(active[1], status="draft")
    tf.make_course(active[1], completed_on=date(2019, 6, 30))  # exactly 36 months: outside
    tf.make_pair(active[0], active[1])
    tf.make_pair(*[tf.make_teacher(other) for _ in range(2)], ends_on=date(2021, 12, 31))
    for s in (school, other):
        db.session.add(MentoringProgram(school=s, title="П", approved_on=date(2021, 9, 1)))
    db.session.flush()
    ids = [school.id, other.id]
    h1 = HalfYear(2022, 1)
    assert queries.active_teachers(ids) == {school.id: 3, other.id: 2}
    assert queries.diagnosed_teachers(ids) == {school.id: 1}
    assert queries.teachers_with_plan(ids, period=h1) == {school.id: 1}
    assert queries.teachers_with_recent_course(ids, on=date(2022, 6, 30)) == {school.id: 1}
    assert queries.schools_running_mentoring(ids, h1) == {school.id}
    assert queries.schools_running_mentoring(ids, HalfYear(2021, 2)) == {school.id, other.id}
    assert queries.course_listeners(ids, HalfYear(2019, 2)) == {(school.id, "iro", True): 2}


def test_diagnostic_form_saves_results_per_domain(client, login_as):
    director = login_as(Role.DIRECTOR)
    teacher = tf.make_teacher(director.school)
    domain = tf.make_domain("методический")
    db.session.commit()
    client.post(f"/teachers/{teacher.id}/diagnostics/new", data={
        "held_on": "2022-03-01", "provider": "iro", f"d{domain.id}_score": "55",
        f"d{domain.id}_level": "medium", f"d{domain.id}_deficits": "оценивание"})
    db.session.refresh(teacher)
    [diagnostic] = teacher.diagnostics
    assert [(r.score, r.level, r.deficits) for r in diagnostic.results] == [
        (55, "medium", "оценивание")]
    assert db.session.scalar(select(func.count(PlanItem.id))) == 0


def test_web_import_of_ten_thousand_rows_reports_progress(client, login_as, tmp_path,
                                                          monkeypatch):
    from tests.teacher_files import many_teachers, write_xlsx
    from tracker import import_files as uploads
    director = login_as(Role.DIRECTOR)
    path = write_xlsx(tmp_path / "big.xlsx", "teachers", many_teachers(10_000))
    response = upload(client, director.school, path)
    token = token_of(response)
    preview = client.get(response.location).text
    assert "Учителев9999 Иван Петрович" in preview and "Ошибок нет" in preview

    uploads.set_progress(user_id=director.id, token=token, done=0, total=10_000)
    assert client.get(f"/teachers/import/progress?token={token}").json == {
        "done": 0, "total": 10_000}

    seen = []
    real = uploads.set_progress

    def record(**kwargs):  # what the progress address answers while the import is written
        real(**kwargs)
        seen.append(uploads.progress(user_id=kwargs["user_id"], token=kwargs["token"]))
    monkeypatch.setattr(uploads, "set_progress", record)
    client.post("/teachers/import/confirm", data={"token": token})
    assert seen[0] == {"done": 0, "total": 10_000} and seen[-1] == {"done": 10_000,
                                                                   "total": 10_000}
    assert {"done": 5000, "total": 10_000} in seen
    assert db.session.scalar(select(func.count(Teacher.id))) == 10_000


def test_school_staff_page_counts_for_the_half_year_of_its_diagnostics(client, login_as):
    director = login_as(Role.DIRECTOR)
    domain = tf.make_domain()
    teachers = [tf.make_teacher(director.school) for _ in range(4)]
    tf.make_diagnostic(teachers[0], domain)
    tf.make_plan(teachers[0])
    tf.make_course(teachers[1], completed_on=date(2020, 1, 15))
    db.session.commit()
    html = client.get(f"/teachers/schools/{director.school_id}").text
    figures = re.search(r'data-testid="staff-figures">(.*?)</p>', html, re.S).group(1)
    assert "Работающих педагогов: 4" in figures and "прошли диагностику: 1" in figures
    assert "с утверждённым планом на 1 полугодие 2022: 1" in figures
    assert "с курсами за 3 года до 30.06.2022: 1" in figures


def test_a_course_is_added_with_its_direction(client, login_as):
    """The direction is chosen from the list (or left unstated); a too short course is refused
    and keeps what was typed."""
    director = login_as(Role.DIRECTOR)
    teacher = tf.make_teacher(director.school)
    db.session.commit()
    course = {"program_title": "Функциональная грамотность на уроке", "provider": "iro",
              "completed_on": "2022-03-15", "topic": "functional_literacy"}
    refused = client.post(f"/teachers/{teacher.id}/courses", data=dict(course, hours="8"))
    assert "Курс длится не меньше 16 часов." in refused.text
    assert "Функциональная грамотность на уроке" in refused.text
    assert '<option selected value="functional_literacy">' in refused.text
    assert db.session.scalar(select(func.count(CourseCompletion.id))) == 0
    response = client.post(f"/teachers/{teacher.id}/courses", data=dict(course, hours="24"))
    assert response.status_code == 302
    assert db.session.scalar(select(CourseCompletion.topic)) == "functional_literacy"
    assert "ИРО, 24 ч, функциональная грамотность" in client.get(f"/teachers/{teacher.id}").text
    unstated = client.post(f"/teachers/{teacher.id}/courses",
                           data=dict(course, hours="24", topic="", completed_on="2022-04-01"))
    assert unstated.status_code == 302
    assert db.session.scalars(select(CourseCompletion.topic).order_by(
        CourseCompletion.completed_on)).all() == ["functional_literacy", None]
