"""flaskr-style fixtures: app, client, runner, login_as. A fresh, empty database per test.

Runs on SQLite in memory by default and on PostgreSQL when TEST_DATABASE_URL is set.
Under CI=true a test may not be skipped: a missing tool fails the run (tests/ci_guard.py), and
every run ends with one closing line: tests run, skipped, engine.
"""
import time

import pytest
from flask import g, has_app_context, session
from flask.testing import FlaskClient
from flask_wtf.csrf import generate_csrf
from sqlalchemy import delete

from tracker import catalogues, create_app
from tracker.db import db

from tests import factories
from tests.ci_guard import (pytest_collection_finish, pytest_runtest_setup,  # noqa: F401
                            pytest_sessionfinish, pytest_terminal_summary)

pytest_plugins = ["tests.servers"]  # seaweedfs, redis_server: real servers on loopback


class Client(FlaskClient):
    """A test client whose `post` sends a valid CSRF token unless told `csrf=False`."""

    def csrf_token(self) -> str:
        with self.application.test_request_context():
            g.pop("csrf_token", None)  # cached per app context; we want one for this session
            token = generate_csrf()
            raw = session["csrf_token"]
        with self.session_transaction() as stored:
            stored["csrf_token"] = raw
        return token

    def open(self, *args, **kwargs):
        # Tests hold an app context that requests reuse; a real request starts with a fresh `g`
        # (no cached signed-in user, locale…), so clear it here too.
        if has_app_context():
            g.__dict__.clear()
        return super().open(*args, **kwargs)

    def post(self, *args, csrf: bool = True, **kwargs):
        if csrf:
            data = dict(kwargs.pop("data", None) or {})
            data.setdefault("csrf_token", self.csrf_token())
            kwargs["data"] = data
        return super().post(*args, **kwargs)


@pytest.fixture(scope="session")
def _app():
    catalogues.compile_stale()  # what installing does (scripts/_venv.sh); the app never writes them
    app = create_app("test")
    app.test_client_class = Client
    with app.app_context():
        db.drop_all()
        db.create_all()  # tests only: the application itself always migrates
    yield app
    with app.app_context():
        db.drop_all()
        db.engine.dispose()


def wipe_database() -> None:
    db.session.rollback()
    for table in reversed(db.metadata.sorted_tables):
        db.session.execute(delete(table))
    db.session.commit()


@pytest.fixture
def app(_app, tmp_path):
    _app.config["UPLOAD_DIR"] = str(tmp_path / "uploads")  # never the instance folder
    _app.config["IMPORT_DIR"] = str(tmp_path / "imports")
    with _app.app_context():
        yield _app
        db.session.remove()
        wipe_database()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


def sign_in(client, user) -> None:
    """Open a session for `user` the way a successful login does, without hashing costs."""
    now = int(time.time())
    with client.session_transaction() as stored:
        stored["_user_id"] = user.get_id()
        stored["_fresh"] = True
        stored["auth_at"] = now
        stored["seen_at"] = now


@pytest.fixture
def login_as(client):
    """login_as("coordinator", municipality=...) creates a user of the role and signs in."""
    def _login_as(role, **scope):
        user = factories.make_user(role, **scope)
        db.session.commit()
        sign_in(client, user)
        return user
    return _login_as
