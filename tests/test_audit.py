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
