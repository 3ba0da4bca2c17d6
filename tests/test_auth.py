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


def test_a_copied_session_cookie_is_dead_after_logout(app, client, login_as):
    login_as(Role.COORDINATOR)
    stolen = client.get_cookie("session").value
    thief = app.test_client()
    thief.set_cookie("session", stolen)
    assert thief.get("/").status_code == 200
    assert client.post("/logout").status_code == 302
    assert thief.get("/").status_code == 302  # back to the sign-in page
    assert "/login" in thief.get("/").location


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


def test_static_files_never_carry_the_session_cookie(client, app):
    """A cached Set-Cookie would hand a session to someone else, and a late answer for a
    stylesheet must not bring back a session that was just ended."""
    factories.make_user(Role.ADMIN, login="boss")
    db.session.commit()
    login(client, "boss")
    for url in ("/static/css/app.css", "/assets/plotly-locale-ru-3.7.0.js", "/favicon.ico"):
        response = client.get(url)
        assert response.status_code == 200 and "Set-Cookie" not in response.headers, url
    assert "Set-Cookie" in client.get("/").headers


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


def test_an_account_without_a_surname_is_named_whole_or_by_login(app):
    user = factories.make_user("curator")
    user.full_name = "Администратор системы"
    assert user.short_name == "Администратор системы"
    user.full_name = "  "
    assert user.short_name == user.login


def test_a_failed_sign_in_keeps_the_account_never_the_typed_text(client, app):
    boss = factories.make_user(Role.ADMIN, login="boss")
    db.session.commit()
    login(client, "boss", "wrong")
    login(client, "Пароль-вместо-логина", "x")
    events = db.session.scalars(select(AuditEvent).where(
        AuditEvent.action == "login_failed").order_by(AuditEvent.id)).all()
    assert [(e.object_type, e.object_id) for e in events] == [("User", str(boss.id)), ("", None)]
    assert all("Пароль-вместо-логина" not in repr(e.changes) for e in events)


def test_an_unknown_login_costs_a_password_check(app, monkeypatch):
    from tracker.auth import models, services
    checked = []

    class CountingHasher(type(models._hasher)):
        def verify(self, *args):
            checked.append(args)
            return super().verify(*args)
    monkeypatch.setattr(models, "_hasher", CountingHasher())
    assert services.authenticate("nobody", "secret") is None
    assert len(checked) == 1  # the same argon2 work as for an existing account


def test_a_short_secret_key_is_refused_outside_development(monkeypatch):
    import pytest

    from tracker import create_app
    with pytest.raises(RuntimeError, match="32 bytes"):
        create_app("production", SECRET_KEY="short", SQLALCHEMY_DATABASE_URI="sqlite://")


def test_hsts_in_production_and_no_caching_of_pages_and_downloads(client, app, login_as):
    login_as(Role.ADMIN)
    page = client.get("/")
    assert page.headers["Cache-Control"] == "no-store"
    assert "Strict-Transport-Security" not in page.headers  # tests run as development would
    app.config["ENV_NAME"] = "production"
    assert client.get("/").headers["Strict-Transport-Security"].startswith("max-age=")
    assert "no-store" not in client.get("/static/js/app.js").headers.get("Cache-Control", "")
