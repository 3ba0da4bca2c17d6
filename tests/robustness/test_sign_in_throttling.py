"""Sign-in throttling holds across processes, and never locks the owner out.

Under gunicorn with two workers (production mode, on this run's engine; the failures counted in
the database, then in a real Redis), the limit per account lets exactly its number of wrong
passwords through, whichever worker takes each one. The attacker's address stays throttled
while the owner's right password from a clean address gets in. In process (cheap): the limit per
address, failures that are not the user's (a server error, a form that never got checked), and
keys that keep neither the login typed nor the address.
"""
import os
from functools import cache

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from config import database_url
from tracker import create_app
from tracker.auth import services, throttle
from tracker.auth.models import Role, SignInFailure
from tracker.db import db

from tests import factories
from tests.conftest import wipe_database
from tests.robustness import figures
from tests.robustness.served import Served

ACCOUNT_LIMIT = 3
ADDRESS_LIMIT = 8
WRONG = "not-the-password-1"


@cache
def cheap_hash() -> str:
    """The test password hashed with argon2's lightest parameters: each check of a password
    costs what its hash says, and these tests check many."""
    return PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1).hash(factories.PASSWORD)


def make_account(login: str, role: str = Role.DIRECTOR):
    user = factories.make_user(role, login=login)
    user.password_hash = cheap_hash()
    return user


# --- under gunicorn ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def served_database(tmp_path_factory):
    """This run's engine: the PostgreSQL test database, or an SQLite file the workers share."""
    url = os.environ.get("TEST_DATABASE_URL") or \
        f"sqlite:///{tmp_path_factory.mktemp('served') / 'tracker.db'}"
    app = create_app("test", SQLALCHEMY_DATABASE_URI=database_url(url))
    with app.app_context():
        db.create_all()
        for login in ("owner-db", "owner-redis", "leaver"):
            make_account(login, Role.COORDINATOR)
        db.session.commit()
    yield url
    with app.app_context():
        wipe_database()
        db.engine.dispose()


@pytest.fixture(scope="module")
def gunicorn(served_database, tmp_path_factory, request):
    """start(store) serves the app with the failures in the database or in Redis, once each."""
    servers = {}

    def start(store: str) -> Served:
        if store not in servers:
            redis_url = request.getfixturevalue("redis_server") if store == "redis" else None
            servers[store] = Served(
                served_database, tmp_path_factory.mktemp("gunicorn"), redis_url=redis_url,
                LOGIN_LIMIT_PER_ACCOUNT=f"{ACCOUNT_LIMIT} per 15 minutes",
                LOGIN_LIMIT_PER_ADDRESS=f"{ADDRESS_LIMIT} per 15 minutes")
        return servers[store]

    yield start
    for server in servers.values():
        server.begin_closing()  # both at once: each takes a few seconds
    for server in servers.values():
        server.close()


@pytest.fixture(params=["database", "redis"])
def served(request, gunicorn):
    return request.param, gunicorn(request.param)


def test_the_limit_holds_across_two_workers_and_the_owner_still_gets_in(served):
    store, server = served
    login, attacker = f"owner-{'db' if store == 'database' else 'redis'}", server.browser(
        f"203.0.113.{10 if store == 'database' else 20}")
    outcomes, workers, attempts = [], set(), 0
    while attempts < 3 * ACCOUNT_LIMIT or len(workers) < 2:
        assert attempts < 200, f"one worker took every attempt: {workers}"  # a busy machine
        response = attacker.sign_in(login, WRONG)
        attempts += 1
        outcomes.append(response.status)
        workers.add(response.worker)
    assert outcomes[:ACCOUNT_LIMIT] == [200] * ACCOUNT_LIMIT
    assert outcomes[ACCOUNT_LIMIT:] == [429] * (attempts - ACCOUNT_LIMIT), outcomes
    throttled = attacker.sign_in(login, services_password())
    assert throttled.status == 429 and "Слишком много неудачных попыток входа" in throttled.text
    owner = server.browser(f"198.51.100.{10 if store == 'database' else 20}")
    assert owner.sign_in(login, services_password()).status == 302
    assert owner.get("/").status == 200
    figures.add(f"throttling ({store}): wrong passwords sent", attempts)
    figures.add(f"throttling ({store}): wrong passwords checked", outcomes.count(200))
    figures.add(f"throttling ({store}): workers", len(workers))


def test_a_copied_session_cookie_is_dead_after_logout(gunicorn):
    server = gunicorn("database")
    owner = server.browser("192.0.2.7")
    assert owner.sign_in("leaver", services_password()).status == 302
    thief = server.browser("192.0.2.66")
    thief.cookies = dict(owner.cookies)
    assert thief.get("/").status == 200
    owner.get("/")
    assert owner.post("/logout", {}).status == 302
    after = thief.get("/")
    assert after.status == 302 and "/login" in after.headers["location"]
    figures.add("copied session cookie refused after logout", 1)


def services_password() -> str:
    return factories.PASSWORD


# --- in process ----------------------------------------------------------------------------------

@pytest.fixture(params=["database", "redis"])
def store(request, app):
    """The app counting in the test database or in a real Redis, with small limits (every
    wrong password checked costs an argon2 hash)."""
    saved = {name: app.config[name] for name in
             ("REDIS_URL", "LOGIN_LIMIT_PER_ACCOUNT", "LOGIN_LIMIT_PER_ADDRESS")}
    app.config.update(LOGIN_LIMIT_PER_ACCOUNT="2 per 15 minutes",
                      LOGIN_LIMIT_PER_ADDRESS="3 per 15 minutes")
    if request.param == "redis":
        import redis
        url = request.getfixturevalue("redis_server")
        redis.Redis.from_url(url).flushdb()
        app.config["REDIS_URL"] = url
    yield request.param
    app.config.update(saved)


def attempt(client, login, password, address):
    return client.post("/login", data={"login": login, "password": password},
                       environ_base={"REMOTE_ADDR": address})


def test_the_owner_gets_in_from_a_clean_address_while_the_attacker_waits(app, store):
    make_account("head")
    db.session.commit()
    limit = throttle.parse_limit(app.config["LOGIN_LIMIT_PER_ACCOUNT"]).amount
    attacker, owner = app.test_client(), app.test_client()
    for _ in range(limit):
        assert attempt(attacker, "head", WRONG, "203.0.113.5").status_code == 200
    assert attempt(attacker, "HEAD ", WRONG, "203.0.113.5").status_code == 429
    assert attempt(attacker, "head", factories.PASSWORD, "203.0.113.5").status_code == 429
    assert attempt(owner, "head", factories.PASSWORD, "198.51.100.5").status_code == 302
    # a wrong password from that address counts there too: one more guess, then it waits
    other = app.test_client()
    assert attempt(other, "head", WRONG, "198.51.100.6").status_code == 200
    response = attempt(other, "head", WRONG, "198.51.100.6")
    assert response.status_code == 429 and 'value="head"' in response.text  # login kept
    figures.add("throttling in process: owner let in past a throttled account", 1)


def test_the_limit_per_address_covers_every_account(app, store):
    make_account("head")
    db.session.commit()
    limit = throttle.parse_limit(app.config["LOGIN_LIMIT_PER_ADDRESS"]).amount
    client = app.test_client()
    for n in range(limit):
        make_account(f"guess{n}")
        db.session.commit()
        assert attempt(client, f"guess{n}", WRONG, "203.0.113.9").status_code == 200
    assert attempt(client, "head", factories.PASSWORD, "203.0.113.9").status_code == 429
    assert attempt(client, "head", factories.PASSWORD, "203.0.113.10").status_code == 302


def test_only_wrong_passwords_count(app, client, monkeypatch):
    """A server error or the database down at the check, an empty password, a form without its
    token: none of them is the user's wrong password, none counts."""
    make_account("head")
    db.session.commit()
    limit = throttle.parse_limit(app.config["LOGIN_LIMIT_PER_ACCOUNT"]).amount

    def outage(login, password):
        raise OperationalError("SELECT", {}, Exception("the database is unreachable"))

    monkeypatch.setattr(services, "authenticate", outage)
    for _ in range(limit + 1):
        with pytest.raises(OperationalError):
            attempt(client, "head", WRONG, "203.0.113.7")
        db.session.rollback()
    monkeypatch.undo()
    for _ in range(limit + 1):
        assert client.post("/login", data={"login": "head", "password": ""},
                           environ_base={"REMOTE_ADDR": "203.0.113.7"}).status_code == 422
        assert client.post("/login", data={"login": "head", "password": WRONG}, csrf=False,
                           environ_base={"REMOTE_ADDR": "203.0.113.7"}).status_code == 400
    assert db.session.scalars(select(SignInFailure)).all() == []
    assert attempt(client, "head", factories.PASSWORD, "203.0.113.7").status_code == 302


def test_the_store_keeps_neither_the_login_typed_nor_the_address(app, client):
    attempt(client, "my-secret-password", WRONG, "203.0.113.77")
    keys = db.session.scalars(select(SignInFailure.key)).all()
    assert len(keys) == 3
    assert not any("secret" in key or "203.0.113" in key for key in keys)


@pytest.mark.parametrize("text, amount, seconds", [
    ("5 per 15 minutes", 5, 900), ("30/hour", 30, 3600), ("10 per minute", 10, 60),
    ("3 per 2 days", 3, 172800)])
def test_limits_read_as_the_settings_write_them(text, amount, seconds):
    limit = throttle.parse_limit(text)
    assert (limit.amount, limit.window.total_seconds()) == (amount, seconds)


def test_a_malformed_limit_is_refused():
    with pytest.raises(ValueError):
        throttle.parse_limit("five a minute")


def test_a_redis_that_does_not_answer_gives_the_unavailable_page(app, client):
    """With REDIS_URL set and nothing listening there, sign-in says the service is unavailable
    (503, in Russian), as when the database is down; nothing else is written."""
    make_account("head")
    db.session.commit()
    app.config["REDIS_URL"] = "redis://127.0.0.1:1/0"  # a port nothing listens on
    try:
        response = attempt(client, "head", WRONG, "203.0.113.20")
    finally:
        app.config["REDIS_URL"] = None
    assert response.status_code == 503 and "Сервис временно недоступен" in response.text
    assert db.session.scalars(select(SignInFailure)).all() == []
