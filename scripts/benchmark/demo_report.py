"""The half-year report of the demo municipality (Усть-Илимск, 2022-H1), timed on SQLite.

The demo is loaded into a temporary database (about 10 s); the report is then built `runs`
times after one warm-up (the first build imports matplotlib).
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
from tracker.reports.halfyear import build_municipal_report
from tracker.schools.models import Municipality

PERIOD = HalfYear(2022, 1)


def time_demo_report(runs: int) -> tuple[float, int]:
    """(median seconds, size in bytes) of the demo municipality's report."""
    with tempfile.TemporaryDirectory(prefix="bench-demo-") as folder:
        app = create_app("development", SQLALCHEMY_DATABASE_URI=f"sqlite:///{folder}/demo.db",
                         UPLOAD_DIR=str(Path(folder) / "uploads"))
        with app.app_context():
            db.create_all()
            with cli_actor("bench"):
                load_demo()
            municipality = db.session.scalar(
                select(Municipality).where(Municipality.name == data.MUNICIPALITY))
            times, size = [], 0
            with force_locale("ru"):
                for round_number in range(1 + runs):
                    started = time.perf_counter()
                    size = len(build_municipal_report(municipality, PERIOD))
                    if round_number:
                        times.append(time.perf_counter() - started)
            db.engine.dispose()
    return median(times), size
