"""Load on loopback: gunicorn serving a fresh copy of the demo, locust users in the role mix of
real use, the figures per page kind printed beside the goals.

    .venv/bin/python scripts/load.py                      50 users for 5 minutes, on SQLite
    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres \\
        .venv/bin/python scripts/load.py --users 20 --time 60

With DATABASE_URL (a PostgreSQL server on loopback) a scratch database is created beside the one
named, loaded with the demo and dropped afterwards; without it the demo goes into a temporary
SQLite file. The role mix: coordinators on the dashboard and the indicator breakdowns, curators on
their visits, directors uploading evidence to their measures, a few readers downloading the
half-year report as DOCX. Exit status 1 when a goal is missed. TRACKER_DRY_RUN=1 checks the
settings and stops before anything is built.
"""
try:
    from gevent import monkey
except ImportError:
    raise SystemExit("gevent is missing: .venv/bin/pip install -r requirements-dev.txt")
monkey.patch_all()  # before anything opens a socket: locust's users are greenlets

import argparse  # noqa: E402
import io  # noqa: E402
import os  # noqa: E402
import random  # noqa: E402
import re  # noqa: E402
import secrets  # noqa: E402
import shutil  # noqa: E402
import socket  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
import uuid  # noqa: E402
from pathlib import Path  # noqa: E402
from urllib.parse import urlsplit  # noqa: E402

try:
    import gevent
    import requests
    from locust import HttpUser, between, events, task
    from locust.env import Environment
    from requests.cookies import RequestsCookieJar
except ImportError as missing:
    raise SystemExit(f"{missing.name} is missing: .venv/bin/pip install -r requirements-dev.txt")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tracker.programs import demo_files  # noqa: E402
PERIOD = "2022-H1"
PASSWORD = "demo"
LOOPBACK = {"127.0.0.1", "localhost", "::1"}
CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
PAGE_GOAL_MS, DOCX_GOAL_MS = 500, 3000
KINDS = ("login", "dashboard", "breakdown", "visits", "visit", "measure", "evidence upload",
         "docx")


def main() -> int:
    options = arguments()
    server_url = os.environ.get("DATABASE_URL", "")
    refuse_remote(server_url)
    if os.environ.get("TRACKER_DRY_RUN"):
        print(f"Dry run: would load the demo into {'PostgreSQL' if server_url else 'SQLite'} and "
              f"run {options.users} users for {options.time} s against {options.workers} "
              f"{options.worker_class} workers")
        return 0
    work = Path(tempfile.mkdtemp(prefix="tracker-load-"))
    database = scratch_database(server_url, work)
    environment = server_environment(database.url, work)
    server = None
    try:
        prepare(environment)
        add_accounts(database.url, options.users)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = start_gunicorn(environment, options, work, port)
        wait_until_ready(server, base, options, work)
        urls = discover(base)
        started = time.monotonic()
        stats = run_locust(base, urls, options)
        elapsed = time.monotonic() - started
        return report(stats, elapsed, options, work / "gunicorn.log")
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        database.drop()
        shutil.rmtree(work, ignore_errors=True)


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=50, help="simultaneous users (50)")
    parser.add_argument("--time", type=int, default=300, help="seconds of load (300)")
    parser.add_argument("--spawn-rate", type=float, default=10, help="users started per second")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn worker processes (4)")
    parser.add_argument("--worker-class", default="gthread", choices=("gthread", "sync"),
                        help="gthread (default: a DOCX being built does not block a process's "
                             "other requests) or sync")
    parser.add_argument("--threads", type=int, default=4, help="threads per gthread worker (4)")
    parser.add_argument("--keep-alive", type=int, default=75,
                        help="seconds gunicorn keeps an idle connection (75, as in "
                             "deploy/systemd/tracker.service: longer than the client's)")
    options = parser.parse_args()
    if not (1 <= options.users <= 200 and 5 <= options.time <= 1800):
        parser.error("--users 1…200 and --time 5…1800: a bounded load on a shared machine")
    return options


def refuse_remote(url: str) -> None:
    if url and not url.startswith(("postgresql://", "postgres://", "postgresql+psycopg://")):
        raise SystemExit("DATABASE_URL: a PostgreSQL server on loopback, or unset for SQLite")
    if url and (urlsplit(url).hostname or "127.0.0.1") not in LOOPBACK:
        raise SystemExit("scripts/load.py runs on loopback only: DATABASE_URL must name a "
                         "PostgreSQL server on 127.0.0.1")


class scratch_database:
    """A fresh database beside DATABASE_URL's (dropped afterwards), or a temporary SQLite file."""

    def __init__(self, server_url: str, work: Path):
        self.admin = None
        if not server_url:
            self.url = f"sqlite:///{work / 'load.db'}"
            return
        from sqlalchemy import create_engine, text
        from sqlalchemy.engine import make_url

        from config import database_url
        server = make_url(database_url(server_url))
        self.name = f"tracker_load_{uuid.uuid4().hex[:8]}"
        self.admin = create_engine(server, isolation_level="AUTOCOMMIT")
        with self.admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{self.name}"'))
        self.url = server.set(database=self.name).render_as_string(hide_password=False)

    def drop(self) -> None:
        if self.admin is None:
            return
        from sqlalchemy import text
        with self.admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)'))
        self.admin.dispose()


def server_environment(database: str, work: Path) -> dict[str, str]:
    environment = {key: value for key, value in os.environ.items()
                   if key not in ("FLASK_APP", "STORAGE_URL", "TEST_DATABASE_URL")}
    environment.update(TRACKER_ENV="production", SECRET_KEY=secrets.token_urlsafe(48),
                       DATABASE_URL=database, UPLOAD_DIR=str(work / "files"),
                       FLASK_APP="wsgi.py")
    return environment


def prepare(environment: dict[str, str]) -> None:
    flask = str(ROOT / ".venv" / "bin" / "flask")
    for command in (["db", "upgrade"], ["seed-demo"]):
        result = subprocess.run([flask, *command], cwd=ROOT, env=environment,
                                capture_output=True, text=True)
        if result.returncode != 0:
            raise SystemExit(f"flask {' '.join(command)} failed:\n{result.stderr[-3000:]}")
    print("Demo loaded into a fresh database.", flush=True)


def add_accounts(url: str, count: int) -> None:
    """One account per simulated person (`coordinator-7`), with the demo account's scope and
    password: people do not share one account, and a shared one would make its sign-ins collide."""
    from sqlalchemy import select

    from config import database_url
    from tracker import create_app
    from tracker.auth.models import CuratorAssignment, User
    from tracker.db import db
    app = create_app("production", SQLALCHEMY_DATABASE_URI=database_url(url),
                     SECRET_KEY=secrets.token_urlsafe(48))
    with app.app_context():
        for login in ("coordinator", "curator", "director"):
            demo = db.session.scalar(select(User).where(User.login == login))
            for number in range(count):
                person = User(login=f"{login}-{number}", full_name=demo.full_name,
                              role=demo.role, password_hash=demo.password_hash,
                              region_id=demo.region_id, municipality_id=demo.municipality_id,
                              school_id=demo.school_id)
                person.assignments = [CuratorAssignment(
                    school_id=each.school_id, starts_on=each.starts_on, ends_on=each.ends_on)
                    for each in demo.assignments]
                db.session.add(person)
        db.session.commit()
        db.engine.dispose()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_gunicorn(environment: dict[str, str], options, work: Path, port: int):
    command = [str(ROOT / ".venv" / "bin" / "gunicorn"), "--bind", f"127.0.0.1:{port}",
               "--workers", str(options.workers), "--worker-class", options.worker_class,
               "--threads", str(options.threads), "--keep-alive", str(options.keep_alive),
               "--timeout", "60", "--chdir", str(ROOT),
               "wsgi:app"]
    log = (work / "gunicorn.log").open("wb")
    return subprocess.Popen(command, env=environment, stdout=log, stderr=subprocess.STDOUT)


def wait_until_ready(server, base: str, options, work: Path) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"gunicorn stopped:\n{(work / 'gunicorn.log').read_text()[-3000:]}")
        try:
            if requests.get(f"{base}/healthz", timeout=30).status_code == 200:
                print(f"gunicorn: {options.workers} {options.worker_class} workers"
                      + (f" × {options.threads} threads" if options.worker_class == "gthread"
                         else "") + f" on {base}", flush=True)
                return
        except requests.RequestException:
            pass  # listening before its workers have booted
        time.sleep(0.5)
    raise SystemExit("gunicorn did not answer /healthz within 120 s")


class LoopbackCookies(RequestsCookieJar):
    """Production cookies are Secure; on plain HTTP on loopback they are sent all the same."""

    def set_cookie(self, cookie, *args, **kwargs):
        cookie.secure = False
        return super().set_cookie(cookie, *args, **kwargs)


def signed_in(base: str, login: str) -> requests.Session:
    session = requests.Session()
    session.cookies = LoopbackCookies()
    token = CSRF.search(session.get(f"{base}/login").text).group(1)
    response = session.post(f"{base}/login", data={"login": login, "password": PASSWORD,
                                                   "csrf_token": token}, allow_redirects=False)
    if response.status_code != 302:
        raise SystemExit(f"the demo account {login} cannot sign in ({response.status_code})")
    return session


def discover(base: str) -> dict[str, list[str]]:
    """The demo's pages for each role, read from the pages themselves."""
    def links(session, url, pattern):
        page = session.get(f"{base}{url}")
        return page.url.removeprefix(base), sorted(set(re.findall(pattern, page.text)))

    coordinator = signed_in(base, "coordinator")
    dashboard, breakdowns = links(coordinator, f"/indicators/?period={PERIOD}",
                                  r'href="(/indicators/municipality/\d+/\w+\?period=[^"]+)"')
    _, docx = links(coordinator, f"/reports/?period={PERIOD}",
                    r'href="(/reports/municipality/\d+/report\.docx\?period=[^"]+)"')
    _, visits = links(signed_in(base, "curator"), f"/visits/?period={PERIOD}",
                      r'href="(/visits/\d+)"')
    director = signed_in(base, "director")
    _, measures = links(director, "/programs/measures", r'href="(/programs/measures/\d+)"')
    measures = [url for url in measures
                if f'action="{url}/evidence"' in director.get(f"{base}{url}").text]
    urls = {"dashboard": [dashboard], "breakdown": breakdowns, "docx": docx,
            "visits": [f"/visits/?period={PERIOD}"], "visit": visits, "measure": measures}
    empty = [kind for kind, found in urls.items() if not found]
    if empty:
        raise SystemExit(f"the demo offers no page for: {', '.join(empty)}")
    print("Pages: " + ", ".join(f"{len(found)} {kind}" for kind, found in urls.items()),
          flush=True)
    return urls


class DemoUser(HttpUser):
    abstract = True
    login = ""
    urls: dict[str, list[str]] = {}
    started: dict[str, int] = {}

    def on_start(self):
        self.client.cookies = LoopbackCookies()
        number = DemoUser.started[self.login] = DemoUser.started.get(self.login, -1) + 1
        token = self.token("/login", name="login")
        with self.client.post("/login", data={"login": f"{self.login}-{number}",
                                              "password": PASSWORD,
                                              "csrf_token": token}, name="login",
                              allow_redirects=False, catch_response=True) as response:
            if response.status_code != 302:
                response.failure(f"sign-in answered {response.status_code}")

    def token(self, url: str, name: str) -> str:
        page = self.client.get(url, name=name)
        found = CSRF.search(page.text or "")
        return found.group(1) if found else ""

    def visit(self, kind: str):
        self.client.get(random.choice(self.urls[kind]), name=kind)


class Coordinator(DemoUser):
    weight = 4
    login = "coordinator"
    wait_time = between(1, 3)

    @task(2)
    def dashboard(self):
        self.visit("dashboard")

    @task(3)
    def breakdown(self):
        self.visit("breakdown")


class Curator(DemoUser):
    weight = 3
    login = "curator"
    wait_time = between(1, 3)

    @task(1)
    def visits(self):
        self.visit("visits")

    @task(2)
    def visit_page(self):
        self.visit("visit")


class Director(DemoUser):
    weight = 2
    login = "director"
    wait_time = between(2, 5)

    @task
    def upload_evidence(self):
        measure = random.choice(self.urls["measure"])
        token = self.token(measure, name="measure")
        data = demo_files.pdf(f"Справка {uuid.uuid4().hex}")  # a real PDF: uploads parse them
        with self.client.post(f"{measure}/evidence", name="evidence upload",
                              data={"csrf_token": token, "comment": "load"},
                              files={"file": ("Справка.pdf", io.BytesIO(data),
                                              "application/pdf")},
                              allow_redirects=False, catch_response=True) as response:
            if response.status_code != 302:
                response.failure(f"upload answered {response.status_code}")


class ReportReader(DemoUser):
    weight = 1
    login = "coordinator"
    wait_time = between(5, 15)

    @task
    def docx(self):
        with self.client.get(random.choice(self.urls["docx"]), name="docx",
                             catch_response=True) as response:
            if not response.content.startswith(b"PK"):
                response.failure("not a DOCX")


def run_locust(base: str, urls: dict[str, list[str]], options):
    DemoUser.urls = urls
    environment = Environment(user_classes=[Coordinator, Curator, Director, ReportReader],
                              host=base, events=events)
    runner = environment.create_local_runner()
    print(f"Load: {options.users} users for {options.time} s ...", flush=True)
    runner.start(options.users, spawn_rate=options.spawn_rate)
    gevent.spawn_later(options.time, runner.quit)
    runner.greenlet.join()
    return environment.stats


def report(stats, elapsed: float, options, log: Path) -> int:
    rows, missed = [], []
    for kind in KINDS:
        entry = stats.entries.get((kind, "POST" if kind == "evidence upload" else "GET"))
        if kind == "login":
            entry = stats.entries.get(("login", "POST"))
        if entry is None or not entry.num_requests:
            continue
        goal = DOCX_GOAL_MS if kind == "docx" else PAGE_GOAL_MS
        p50, p95, p99 = (entry.get_response_time_percentile(q) for q in (0.5, 0.95, 0.99))
        met = p95 < goal and entry.num_failures == 0
        missed += [] if met else [kind]
        rows.append((kind, entry.num_requests, entry.num_requests / elapsed, entry.num_failures,
                     p50, p95, p99, f"p95 < {goal} ms, 0 errors", "met" if met else "MISSED"))
    total = stats.total
    print(f"\n{options.users} users, {elapsed:.0f} s, gunicorn {options.workers} "
          f"{options.worker_class} workers: {total.num_requests} requests, "
          f"{total.num_requests / elapsed:.1f} requests/s, {total.num_failures} errors")
    print(f"{'page kind':<16}{'requests':>9}{'req/s':>8}{'errors':>7}{'p50 ms':>8}"
          f"{'p95 ms':>8}{'p99 ms':>8}  goal")
    for kind, count, rate, failures, p50, p95, p99, goal, verdict in rows:
        print(f"{kind:<16}{count:>9}{rate:>8.1f}{failures:>7}{p50:>8.0f}{p95:>8.0f}{p99:>8.0f}"
              f"  {goal}: {verdict}")
    for error in stats.errors.values():
        print(f"  error {error.method} {error.name}: {error.error} × {error.occurrences}")
    logged = log.read_text(errors="replace")
    tracebacks = logged.count("Traceback")
    if tracebacks:
        raised = re.findall(r"^[\w.]+(?:Error|Exception)\b.*$", logged, re.MULTILINE)
        print(f"gunicorn logged {tracebacks} tracebacks: "
              + "; ".join(sorted(set(line[:200] for line in raised))))
    goal_line = "Goal (50 users, 5 min, PostgreSQL): 0 errors, p95 < 500 ms for pages, < 3 s for " \
        "the DOCX"
    print(goal_line + (f" — missed: {', '.join(missed)}" if missed or total.num_failures
                       else " — met"))
    alarms = sorted({re.sub(r"^\[[^]]*\] \[\d+\] ", "", line)[:160]
                     for line in logged.splitlines() if "[ERROR]" in line or "[CRITICAL]" in line})
    for line in alarms[:5]:
        print(f"gunicorn: {line}")
    timeouts = logged.count("WORKER TIMEOUT")
    if timeouts:
        print(f"gunicorn killed {timeouts} workers that ran past --timeout (their connections "
              "were reset)")
    return 1 if missed or total.num_failures or tracebacks else 0


if __name__ == "__main__":
    sys.exit(main())
