from sqlalchemy import select

from tracker import create_app
from tracker.auth.models import User
from tracker.db import db
from tracker.urls import safe_next

from tests import factories


def test_error_pages_are_russian_without_tracebacks():
    app = create_app("test", PROPAGATE_EXCEPTIONS=False)

    @app.route("/boom")
    def boom():
        raise ValueError("secret internals")
    boom.access_rule = "public"

    client = app.test_client()
    response = client.get("/boom")
    assert response.status_code == 500
    assert "Что-то пошло не так" in response.text or "ошибк" in response.text.lower()
    assert "secret internals" not in response.text and "Traceback" not in response.text
    missing = client.get("/no-such-page")
    assert missing.status_code == 404 and "Страница не найдена" in missing.text


def test_create_user_command(runner):
    region = factories.make_region()
    db.session.commit()
    result = runner.invoke(args=["create-user", "--login", "chief", "--full-name", "Главный",
                                 "--role", "regional", "--region-id", str(region.id),
                                 "--password", "long-enough-1"])
    assert result.exit_code == 0, result.output
    user = db.session.scalar(select(User).where(User.login == "chief"))
    assert user.role == "regional" and user.check_password("long-enough-1")


def test_create_user_command_refuses_missing_scope_and_short_passwords(runner):
    result = runner.invoke(args=["create-user", "--login", "x", "--full-name", "X",
                                 "--role", "director", "--password", "long-enough-1"])
    assert result.exit_code != 0
    result = runner.invoke(args=["create-user", "--login", "y", "--full-name", "Y",
                                 "--password", "short"])
    assert result.exit_code != 0
    assert db.session.scalar(select(User)) is None


def test_safe_next():
    assert safe_next("/schools/?q=1") == "/schools/?q=1"
    for bad in (None, "", "http://evil", "//evil", "/\\evil", "javascript:alert(1)"):
        assert safe_next(bad) is None
