"""A database that does not answer: a held lock, a cut connection. The request gets the app's
own Russian «service unavailable» page (503) within the configured timeout instead of hanging a
worker or a server error, and the app answers again by itself once the database is back."""
import os
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from config import database_url
from tracker import create_app
from tracker.auth.models import Role
from tracker.db import db

from tests.robustness.live import Browser, serving
from tests.robustness.outage import Cable, held_lock, postgresql_target
from tests.robustness.test_races import _account

UNAVAILABLE = "Сервис временно недоступен"


def test_connections_carry_the_timeouts(app):
    if db.engine.dialect.name == "postgresql":
        settings = {name: db.session.scalar(text(f"SHOW {name}"))
                    for name in ("statement_timeout", "lock_timeout")}
        assert settings == {"statement_timeout": "15s", "lock_timeout": "5s"}
    else:
        assert db.session.scalar(text("PRAGMA busy_timeout")) == 5000


@pytest.fixture
def cable():
    """On PostgreSQL the app reaches the database through a relay that can be cut."""
    target = postgresql_target()
    if target is None:
        yield None
        return
    relay = Cable(target)
    relay.join()
    yield relay
    relay.cut()


@pytest.fixture
def fault_app(app, cable, tmp_path):
    """An app of its own, with a short lock timeout; on PostgreSQL it shares the test database
    (its tables; `app` empties it afterwards), on SQLite it has a file in a folder that can go."""
    if cable is not None:
        url = make_url(database_url(os.environ["TEST_DATABASE_URL"])).set(port=cable.port)
        uri = url.render_as_string(hide_password=False)
    else:
        (tmp_path / "db").mkdir()
        uri = f"sqlite:///{tmp_path / 'db' / 'faults.db'}"
    faulty = create_app("test", SQLALCHEMY_DATABASE_URI=uri, DATABASE_LOCK_TIMEOUT=0.5,
                        SQLALCHEMY_ENGINE_OPTIONS={"pool_pre_ping": True})
    with faulty.app_context():
        if cable is None:
            db.create_all()
        _account(Role.ADMIN, login="watcher")
        db.session.commit()
        yield faulty
        db.session.remove()
        db.engine.dispose()


@contextmanager
def database_gone(app, cable):
    """PostgreSQL: every connection dropped and new ones refused. SQLite: its folder is gone."""
    if cable is not None:
        cable.cut()
        try:
            yield
        finally:
            cable.join()
        return
    folder = Path(make_url(app.config["SQLALCHEMY_DATABASE_URI"]).database).parent
    db.engine.dispose()  # SQLite has no server to lose; what is open stays open
    folder.rename(folder.with_name("away"))
    try:
        yield
    finally:
        folder.with_name("away").rename(folder)


def test_a_held_lock_gives_the_unavailable_page_and_the_app_goes_on(fault_app, figures):
    with serving(fault_app) as base:
        person = Browser(base)
        assert person.sign_in("watcher").status == 302
        with held_lock(fault_app.config["SQLALCHEMY_DATABASE_URI"]):
            blocked = person.get("/")
        after = person.get("/")
    figures("held lock", status_while_locked=blocked.status, status_after=after.status)
    assert blocked.status == 503 and UNAVAILABLE in blocked.text
    assert "Internal Server Error" not in blocked.text
    assert after.status == 200


def test_an_unreachable_database_gives_the_unavailable_page_until_it_is_back(fault_app, cable,
                                                                              figures):
    with serving(fault_app) as base:
        person = Browser(base)
        assert person.sign_in("watcher").status == 302
        with database_gone(fault_app, cable):
            gone = [person.get("/"), Browser(base).sign_in("watcher")]
        back = person.get("/")
    figures("database unreachable", statuses_while_gone=[page.status for page in gone],
            status_when_back=back.status)
    assert [page.status for page in gone] == [503, 503]
    assert all(UNAVAILABLE in page.text for page in gone)
    assert back.status == 200
