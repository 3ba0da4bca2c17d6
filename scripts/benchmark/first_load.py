"""The first visit of the demo municipality's dashboard in headless Chromium, cold cache.

The demo is loaded into a temporary SQLite database and served on loopback (a free port); each
round opens a new browser context (an empty cache, as a new session on a new machine), signs in
as the coordinator — the sign-in page brings Bootstrap into the cache, as in real life — and
times the dashboard from navigation until every chart is drawn. A second visit in the same
context gives the warm figure. Printed with the size of the vendored chart bundle.
"""
import gzip
import logging
import os
import shutil
import tempfile
import threading
import time
from pathlib import Path
from statistics import median

from sqlalchemy import select
from werkzeug.serving import make_server

from tracker import create_app
from tracker.assets import CHART_BUNDLES, VENDOR_DIR
from tracker.audit import cli_actor
from tracker.db import db
from tracker.demo import data
from tracker.demo.seed import load_demo
from tracker.schools.models import Municipality

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
# the first screen is ready: the page has loaded and the charts in view are drawn (the others
# are drawn when scrolled to or when the browser is idle, see static/js/charts.js)
FIRST_SCREEN = ("() => document.readyState === 'complete' && [...document.querySelectorAll("
                "'[data-figure]')].filter(e => e.getBoundingClientRect().top < innerHeight)"
                ".every(e => e.querySelector('.main-svg'))")
ALL_CHARTS = ("() => [...document.querySelectorAll('[data-figure]')]"
              ".every(e => e.querySelector('.main-svg'))")
PERIOD = "2022-H1"


def chromium() -> str | None:
    return (os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")
            or shutil.which("chromium-browser"))


def bundle_sizes() -> list[tuple[str, int, int]]:
    """(name, bytes, gzipped bytes) of each chart script every chart page loads: the plotly
    bundle first, then its locale."""
    sizes = []
    for name in CHART_BUNDLES:
        raw = (VENDOR_DIR / name).read_bytes()
        sizes.append((name, len(raw), len(gzip.compress(raw, compresslevel=6))))
    return sizes


def time_first_load(runs: int) -> tuple[float, float, float]:
    """Median seconds of the demo municipal dashboard: the first screen with a cold cache, every
    chart drawn with a cold cache, the first screen of a second visit."""
    from playwright.sync_api import sync_playwright
    with tempfile.TemporaryDirectory(prefix="bench-first-load-") as folder:
        app = create_app("development", SQLALCHEMY_DATABASE_URI=f"sqlite:///{folder}/demo.db",
                         UPLOAD_DIR=str(Path(folder) / "uploads"), WTF_CSRF_ENABLED=True)
        with app.app_context():
            db.create_all()
            with cli_actor("bench"):
                load_demo()
            db.session.commit()
            municipality_id = db.session.scalar(
                select(Municipality.id).where(Municipality.name == data.MUNICIPALITY))
        logging.getLogger("werkzeug").setLevel(logging.ERROR)
        server = make_server("127.0.0.1", 0, app, threaded=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_port}"
        path = f"/indicators/municipality/{municipality_id}?period={PERIOD}"
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=chromium(),
                                                     args=CHROMIUM_ARGS, headless=True)
                rounds = []
                for round_number in range(1 + runs):
                    times = _visit_twice(browser, base, path)
                    if round_number:     # the first round warms the server and the browser
                        rounds.append(times)
                browser.close()
        finally:
            server.shutdown()
    return tuple(median(r[i] for r in rounds) for i in range(3))


def _visit_twice(browser, base: str, path: str) -> tuple[float, float, float]:
    context = browser.new_context(base_url=base, locale="ru-RU")
    page = context.new_page()
    page.goto("/login")
    page.fill("input[name=login]", "coordinator")
    page.fill("input[name=password]", data.DEMO_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(lambda url: "/login" not in url)
    started = time.perf_counter()
    page.goto(path)
    page.wait_for_function(FIRST_SCREEN, polling=10)
    first_screen = time.perf_counter() - started
    page.wait_for_function(ALL_CHARTS, polling=10)
    every_chart = time.perf_counter() - started
    started = time.perf_counter()
    page.goto(path)
    page.wait_for_function(FIRST_SCREEN, polling=10)
    warm = time.perf_counter() - started
    context.close()
    return first_screen, every_chart, warm
