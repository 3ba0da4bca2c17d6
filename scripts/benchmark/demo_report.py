"""The half-year report of the demo municipality (Усть-Илимск, 2022-H1), timed on SQLite.

The demo is loaded into a temporary database (about 10 s); the report is then built `runs`
times after one warm-up (the first build imports matplotlib), drawing its charts each time, and
`runs` times reusing the charts drawn for the same figures. Then the coordinator submits the
half-year and the report's download is timed again: a submitted period serves the DOCX stored
with its snapshot instead of building it.
"""
import tempfile
import time
from pathlib import Path
from statistics import median

from flask_babel import force_locale
from sqlalchemy import select

from tracker import create_app
from tracker.audit import cli_actor
from tracker.db import db
from tracker.demo import data
from tracker.demo.seed import load_demo
from tracker.periods import HalfYear
from tracker.reports.halfyear import build_municipal_report, charts
from tracker.schools.models import Municipality

PERIOD = HalfYear(2022, 1)


def time_demo_report(runs: int) -> tuple[float, float, int, float]:
    """(median seconds to build drawing the charts, to build reusing the charts, size in bytes,
    median seconds to download once submitted) of the demo municipality's report."""
    with tempfile.TemporaryDirectory(prefix="bench-demo-") as folder:
        app = create_app("development", SQLALCHEMY_DATABASE_URI=f"sqlite:///{folder}/demo.db",
                         UPLOAD_DIR=str(Path(folder) / "uploads"))
        with app.app_context():
            db.create_all()
            with cli_actor("bench"):
                load_demo()
            municipality = db.session.scalar(
                select(Municipality).where(Municipality.name == data.MUNICIPALITY))
            with force_locale("ru"):
                drawn, size = _time_builds(municipality, runs, fresh_charts=True)
                kept, size = _time_builds(municipality, runs, fresh_charts=False)
            served = _time_submitted_download(app, municipality, runs)
            db.engine.dispose()
    return drawn, kept, size, served


def _time_builds(municipality, runs: int, *, fresh_charts: bool) -> tuple[float, int]:
    """(median seconds, size): each build drawing its charts anew, or reusing those drawn for
    the same figures (a report downloaded again while its data has not changed)."""
    times, size = [], 0
    for round_number in range(1 + runs):
        if fresh_charts:
            charts.plan_fact.cache_clear()
            charts.stacked_counts.cache_clear()
        started = time.perf_counter()
        size = len(build_municipal_report(municipality, PERIOD))
        if round_number:
            times.append(time.perf_counter() - started)
    return median(times), size


def _time_submitted_download(app, municipality, runs: int) -> float:
    """Submit the half-year as the demo coordinator, then time the report's download (the
    request's server time, through the test client)."""
    from tracker.auth.models import User
    from tracker.closing import services
    from tracker.closing.lifecycle import Step
    coordinator = db.session.scalar(select(User).where(User.login == "coordinator"))
    services.take_step(municipality=municipality, period=PERIOD, step=Step.SUBMIT,
                       user=coordinator, confirmed=True)
    db.session.commit()
    client = app.test_client()
    now = int(time.time())
    with client.session_transaction() as session:
        session.update({"_user_id": coordinator.get_id(), "_fresh": True, "auth_at": now,
                        "seen_at": now})
    path = f"/reports/municipality/{municipality.id}/report.docx?period={PERIOD.code}"
    times = []
    for round_number in range(1 + runs):
        started = time.perf_counter()
        response = client.get(path)
        data = response.get_data()
        if response.status_code != 200 or not data.startswith(b"PK"):
            raise RuntimeError(f"the submitted report was not served: {response.status_code}")
        if round_number:
            times.append(time.perf_counter() - started)
    return median(times)
