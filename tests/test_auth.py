import re

from sqlalchemy import select

from tracker.audit import AuditEvent
from tracker.auth.models import Role
from tracker.db import db

from tests import factories
from tests.conftest import sign_in


def login(client, login, password=factories.PASSWORD, **kwargs):
    return client.post("/login", data={"login": login, "password": password}, **kwargs)


def test_login_and_logout(client, app):
    user = factories.make_user(Role.ADMIN, login="boss")
    db.session.commit()
    response = login(client, "Boss")
    assert response.status_code == 302 and response.location == "/"
    assert client.get("/").status_code == 200
    response = client.post("/logout")
    assert response.status_code == 302
    assert client.get("/").status_code == 302
    actions = db.session.scalars(select(AuditEvent.action).where(
        AuditEvent.user_id == user.id)).all()
    assert "login" in actions and "logout" in actions


def test_logout_requires_post(client, login_as):
    login_as(Role.ADMIN)
    assert client.get("/logout").status_code == 405
    assert client.get("/").status_code == 200


def test_wrong_password_is_refused_in_russian(client, app):
    factories.make_user(Role.ADMIN, login="boss")
    db.session.commit()
    response = login(client, "boss", "wrong")
    assert response.status_code == 200
    assert "Неверный логин или пароль" in response.text
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "login_failed"))


def test_failed_logins_are_throttled_per_account(client, app):
    factories.make_user(Role.ADMIN, login="boss")
    db.session.commit()
    for _ in range(5):
        assert login(client, "boss", "wrong").status_code == 200
    response = login(client, "boss", "wrong")
    assert response.status_code == 429
    assert "Слишком много неудачных попыток входа" in response.text
    # even the right password waits out the throttle: guessing gains nothing
    assert login(client, "boss").status_code == 429


def test_failed_logins_are_throttled_per_address(client, app):
    app.config["LOGIN_LIMIT_PER_ADDRESS"] = "3 per 15 minutes"
    try:
        for n in range(3):
            assert login(client, f"user{n}", "wrong").status_code == 200
        assert login(client, "another", "wrong").status_code == 429
    finally:
        app.config["LOGIN_LIMIT_PER_ADDRESS"] = "30 per 15 minutes"


def test_next_accepts_only_local_paths(client, app):
    factories.make_user(Role.ADMIN, login="boss")
    db.session.commit()
    for target, expected in (("/schools/", "/schools/"), ("https://evil.example/", "/"),
                             ("//evil.example/", "/"), ("/\\evil.example", "/")):
        client.post("/logout")
        response = login(client, "boss", query_string={"next": target})
        assert response.location == expected, target


def test_deactivation_ends_open_sessions_at_once(client, login_as):
    user = login_as(Role.COORDINATOR)
    assert client.get("/").status_code == 200
    user.is_active = False
    db.session.commit()
    response = client.get("/")
    assert response.status_code == 302 and "/login" in response.location


def test_password_change_ends_other_sessions(app, login_as):
    first = app.test_client()
    second = app.test_client()
    user = factories.make_user(Role.ADMIN)
    db.session.commit()
    sign_in(first, user)
    sign_in(second, user)
    response = first.post("/password", data={
        "current_password": factories.PASSWORD, "new_password": "new-password-77",
        "confirm": "new-password-77"})
    assert response.status_code == 302
    assert first.get("/").status_code == 200
    assert second.get("/").status_code == 302


def test_password_change_rejects_wrong_current_and_keeps_session(client, login_as):
    login_as(Role.ADMIN)
    response = client.post("/password", data={
        "current_password": "nope", "new_password": "new-password-77",
        "confirm": "new-password-77"})
    assert response.status_code == 200
    assert "Текущий пароль указан неверно" in response.text


def test_idle_session_expires(client, login_as, app):
    login_as(Role.ADMIN)
    with client.session_transaction() as stored:
        stored["seen_at"] -= int(app.config["SESSION_IDLE_TIMEOUT"].total_seconds()) + 5
    response = client.get("/")
    assert response.status_code == 302 and "/login" in response.location


def test_absolute_session_lifetime(client, login_as, app):
    login_as(Role.ADMIN)
    with client.session_transaction() as stored:
        stored["auth_at"] -= int(app.config["SESSION_ABSOLUTE_TIMEOUT"].total_seconds()) + 5
    assert client.get("/").status_code == 302


def test_security_headers_and_cookie_flags(client, app):
    factories.make_user(Role.ADMIN, login="boss")
    db.session.commit()
    response = client.get("/login")
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert "frame-ancestors 'none'" in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    response = login(client, "boss")
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_no_inline_scripts_in_pages(client, login_as):
    login_as(Role.ADMIN)
    for url in ("/", "/schools/", "/admin/users", "/admin/references", "/admin/audit"):
        html = client.get(url).text
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), url
        assert " on" + "click=" not in html


def test_secret_key_required_in_production(monkeypatch):
    import pytest

    from tracker import create_app
    monkeypatch.delenv("SECRET_KEY", raising=False)
    with pytest.raises(RuntimeError):
        create_app("production", SECRET_KEY=None)


def test_the_menu_names_the_user_by_surname_and_initials(app):
    user = factories.make_user("curator")
    user.full_name = "Орлов Дмитрий Андреевич"
    assert user.short_name == "Орлов Д. А."
    user.full_name = "Орлов"
    assert user.short_name == "Орлов"
