import pytest
from sqlalchemy import select

from tracker.audit import AuditEvent
from tracker.auth.models import Role
from tracker.db import db

from tests import factories


def events(action=None):
    stmt = select(AuditEvent).order_by(AuditEvent.id)
    if action:
        stmt = stmt.where(AuditEvent.action == action)
    return db.session.scalars(stmt).all()


def test_a_change_is_recorded_with_before_and_after(client, login_as):
    school = factories.make_school(short_name="Старое")
    coordinator = login_as(Role.COORDINATOR, municipality=school.municipality)
    client.post(f"/schools/{school.id}/edit", data={
        "full_name": school.full_name, "short_name": "Новое", "legal_form": "МБОУ",
        "org_type": "oo", "version": str(school.version)})
    update = events("update")[-1]
    assert update.object_type == "School" and update.object_id == str(school.id)
    assert update.changes["short_name"] == ["Старое", "Новое"]
    assert update.user_id == coordinator.id and update.role == "coordinator"
    assert update.municipality_id == school.municipality_id
    assert update.ip == "127.0.0.1"


def test_passwords_never_reach_the_audit(client, login_as):
    login_as(Role.ADMIN)
    school = factories.make_school()
    db.session.commit()
    client.post("/admin/users/new", data={
        "login": "dir", "full_name": "Директор", "role": "director", "region_id": "0",
        "municipality_id": "0", "school_id": str(school.id), "password": "secret-pass-1",
        "version": "0"})
    created = [e for e in events("create") if e.object_type == "User"][-1]
    assert created.changes["password_hash"][1] == "***"
    assert "argon2" not in repr([e.changes for e in events()])


def test_a_denied_attempt_is_recorded(client, login_as):
    outside = factories.make_school()
    curator = login_as(Role.CURATOR)
    assert client.get(f"/schools/{outside.id}").status_code == 404
    denied = events("denied")[-1]
    assert denied.user_id == curator.id and denied.object_id == str(outside.id)
    assert denied.changes["reason"] == "scope"


def test_audit_rows_cannot_be_rewritten(app):
    factories.make_region()
    db.session.commit()
    event = events()[0]
    event.action = "tampered"
    with pytest.raises(RuntimeError):
        db.session.flush()
    db.session.rollback()
    db.session.delete(events()[0])
    with pytest.raises(RuntimeError):
        db.session.flush()
    db.session.rollback()


def test_reading_a_card_and_exporting_personal_data_are_audited_and_readable(client, login_as):
    from tests import teacher_factories as tf
    from tests.conftest import sign_in

    school = factories.make_school(short_name="СОШ № 5")
    teacher = tf.make_teacher(school, "Читаемова Анна Ивановна")
    director = login_as(Role.DIRECTOR, school=school)
    visit = factories.make_visit(school, factories.make_user(Role.CURATOR))
    db.session.commit()
    assert client.get(f"/teachers/{teacher.id}").status_code == 200
    viewed = events("personal_viewed")
    assert [(e.user_id, e.object_type, e.object_id, e.municipality_id) for e in viewed] == [
        (director.id, "Teacher", str(teacher.id), school.municipality_id)]
    assert client.get(f"/visits/{visit.id}/sheet.docx").status_code == 200
    assert client.get(f"/reports/school/{school.id}/report.docx?period=2022-H1").status_code == 200
    exported = events("personal_exported")
    assert [(e.user_id, e.object_type, e.changes["export"]) for e in exported] == [
        (director.id, "Visit", "visit_sheet"), (director.id, "School", "report_docx")]
    assert all(e.at is not None for e in viewed + exported)

    sign_in(client, factories.make_user(Role.ADMIN))
    page = client.get("/admin/audit").text
    assert "просмотр персональных данных" in page and "Читаемова Анна Ивановна" in page
    assert "выгрузка персональных данных" in page and "лист посещения (DOCX)" in page
    assert "отчёт (DOCX)" in page and director.login in page
    assert ">personal_" not in page and "visit_sheet" not in page and "report_docx" not in page
