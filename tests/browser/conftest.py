"""Browser journeys: Playwright driving Debian's Chromium against a live server with the demo.

Marked `browser`: skipped where no Chromium is installed, a failure under CI=true (ci_guard.py).
"""
import threading

import pytest
from werkzeug.serving import make_server

from tracker import create_app
from tracker.audit import cli_actor
from tracker.db import db

from tests.browser.steps import sign_in
from tests.ci_guard import tool_path

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-quic"]


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


LIVE = {}  # the served app, for a journey that compares a page with a command's answer


@pytest.fixture(scope="session")
def live_server(tmp_path_factory):
    """The tracker with the demo loaded, served on a free local port for the whole session."""
    db_path = tmp_path_factory.mktemp("live") / "tracker.db"
    app = create_app("test", SQLALCHEMY_DATABASE_URI=f"sqlite:///{db_path}",
                     UPLOAD_DIR=str(tmp_path_factory.mktemp("uploads")),
                     IMPORT_DIR=str(tmp_path_factory.mktemp("imports")))  # never the checkout
    with app.app_context():
        db.create_all()
        from tracker.demo.seed import load_demo
        with cli_actor("tests"):
            load_demo()
        db.session.commit()
    LIVE["app"] = app
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture
def live_cli(live_server):
    """A command-line runner on the served app's database."""
    app = LIVE["app"]
    with app.app_context():
        yield app.test_cli_runner()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=tool_path("browser"), args=CHROMIUM_ARGS,
                                             headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server, locale="ru-RU")
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


@pytest.fixture
def sign_in_as(page):
    """sign_in_as("curator"): sign in with a demo login through the real form."""
    def _sign_in(login: str):
        sign_in(page, login)
        return page
    return _sign_in
