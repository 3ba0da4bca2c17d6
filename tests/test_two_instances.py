"""Two gunicorn instances on loopback in production settings, sharing one PostgreSQL, one Redis
and one SeaweedFS bucket: what a request needs is never in one instance's memory.

PostgreSQL only: the test exists in the PostgreSQL pass (TEST_DATABASE_URL set) and is not
collected on SQLite, which one server would never share between machines.

Production session cookies are Secure; on plain HTTP on loopback the test carries the cookie by
hand, as a browser behind TLS would.
"""
import io
import os
import re
import secrets
import subprocess
import uuid
from pathlib import Path

import pytest
import requests
from sqlalchemy import select

from tracker import create_app
from tracker.auth.models import Role
from tracker.db import db
from tracker.programs.measure_models import Evidence

from tests import factories, program_factories as pf
from tests.servers import executable, free_ports, scratch_databases, stop, wait_until
from tests.upload_corpus import PDF

ROOT = Path(__file__).resolve().parent.parent
CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


class Browser:
    """One person's cookies, sent to whichever instance is asked."""

    def __init__(self):
        self.cookies: dict[str, str] = {}

    def request(self, method: str, url: str, **kwargs) -> requests.Response:
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        response = requests.request(method, url, headers=headers, allow_redirects=False,
                                    timeout=60, **kwargs)
        self.cookies.update({cookie.name: cookie.value for cookie in response.cookies})
        return response

    def csrf(self, url: str) -> str:
        page = self.request("GET", url)
        assert page.status_code == 200, (url, page.status_code)
        return CSRF.search(page.text).group(1)

    def sign_in(self, base: str, login: str, password: str = factories.PASSWORD):
        token = self.csrf(f"{base}/login")
        return self.request("POST", f"{base}/login", data={
            "login": login, "password": password, "csrf_token": token})


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """A scratch database with a school, its director, its curator and a measure."""
    directory = tmp_path_factory.mktemp("two-instances")
    with scratch_databases("two_instances", directory=directory) as (url,):
        from config import database_url
        app = create_app("test", SQLALCHEMY_DATABASE_URI=database_url(url))
        with app.app_context():
            db.create_all()
            school = factories.make_school()
            director = factories.make_user(Role.DIRECTOR, school=school)
            curator = factories.make_user(Role.CURATOR, region=school.municipality.region)
            factories.make_assignment(curator, school)
            other = factories.make_user(Role.DIRECTOR, school=school)
            measure = pf.make_measure(pf.make_program(school, pf.make_direction()))
            db.session.commit()
            yield {"url": url, "app": app, "director": director.login,
                   "curator": curator.login, "other": other.login, "measure_id": measure.id}
            db.session.remove()
            db.engine.dispose()


@pytest.fixture(scope="module")
def instances(world, seaweedfs, redis_server, tmp_path_factory):
    """Instances A and B (one worker each): their base addresses."""
    logs = tmp_path_factory.mktemp("gunicorn")
    environment = {key: value for key, value in os.environ.items()
                   if key not in ("TEST_DATABASE_URL", "FLASK_APP", "UPLOAD_DIR")}
    environment.update(
        TRACKER_ENV="production", SECRET_KEY=secrets.token_urlsafe(48),
        DATABASE_URL=world["url"],
        STORAGE_URL=f"s3://{seaweedfs['bucket']}/two-{uuid.uuid4().hex[:8]}",
        REDIS_URL=redis_server)
    gunicorn = executable("gunicorn", "gunicorn (requirements.txt)")
    processes, bases = [], []
    for name, port in zip("AB", free_ports(2)):
        log = (logs / f"{name}.log").open("wb")
        processes.append(subprocess.Popen(
            [gunicorn, "--bind", f"127.0.0.1:{port}", "--workers", "1", "--graceful-timeout", "5",
             "--chdir", str(ROOT), "wsgi:app"],
            env=environment, stdout=log, stderr=subprocess.STDOUT, start_new_session=True))
        bases.append(f"http://127.0.0.1:{port}")
    try:
        for name, base, process in zip("AB", bases, processes):
            try:
                wait_until(lambda: process.poll() is None and requests.get(
                    f"{base}/healthz", timeout=30).status_code == 200, f"gunicorn at {base}")
            except RuntimeError as error:
                raise RuntimeError(f"{error}:\n{(logs / f'{name}.log').read_text()[-3000:]}")
        yield bases
    finally:
        for process in processes:
            stop(process)


if os.environ.get("TEST_DATABASE_URL"):
    def test_a_file_uploaded_through_one_instance_is_downloaded_through_the_other(
            world, instances):
        a, b = instances
        director = Browser()
        assert director.sign_in(a, world["director"]).status_code == 302
        measure = f"/programs/measures/{world['measure_id']}"
        data = PDF + b"%" + uuid.uuid4().hex.encode() + b"\n"
        uploaded = director.request("POST", f"{a}{measure}/evidence", data={
            "csrf_token": director.csrf(f"{a}{measure}"), "comment": "подтверждение"},
            files={"file": ("Приказ № 5.pdf", io.BytesIO(data), "application/pdf")})
        assert uploaded.status_code == 302, uploaded.text[-2000:]
        with world["app"].app_context():
            evidence_id = db.session.scalar(select(Evidence.id))

        curator = Browser()
        assert curator.sign_in(b, world["curator"]).status_code == 302
        download = curator.request("GET", f"{b}/programs/evidence/{evidence_id}/file")
        assert download.status_code == 200
        assert download.content == data

    def test_a_session_started_on_one_instance_works_on_the_other_until_logout_there(
            world, instances):
        a, b = instances
        director = Browser()
        assert director.sign_in(a, world["director"]).status_code == 302
        page = f"/programs/measures/{world['measure_id']}"
        assert director.request("GET", f"{b}{page}").status_code == 200
        copy = dict(director.cookies)
        token = director.csrf(f"{a}{page}")
        assert director.request("POST", f"{a}/logout", data={"csrf_token": token}).status_code \
            == 302
        thief = Browser()
        thief.cookies = copy
        refused = thief.request("GET", f"{b}{page}")
        assert refused.status_code == 302 and "/login" in refused.headers["Location"]

    def test_sign_in_failures_spread_over_both_instances_hit_one_limit(world, instances):
        a, b = instances
        for attempt in range(5):  # the account's limit: LOGIN_LIMIT_PER_ACCOUNT, 5 per 15 min
            base = (a, b)[attempt % 2]
            assert Browser().sign_in(base, world["other"], "wrong password").status_code == 200
        assert Browser().sign_in(b, world["other"]).status_code == 429
        assert Browser().sign_in(a, world["other"]).status_code == 429
