"""The robustness suite: races, faults and fuzzing against a real server, on both engines.

Each test prints its figures (inputs tried, server errors, races, lost updates) at the end of
the run, like the upload corpus does.
"""
import os

import pytest

from tracker import catalogues, create_app
from tracker.db import db

from tests.conftest import wipe_database
from tests.robustness.figures import FIGURES as COUNTED

FIGURES = []


@pytest.fixture(scope="session")
def _sqlite_file_app(tmp_path_factory):
    folder = tmp_path_factory.mktemp("served")
    catalogues.compile_stale()
    app = create_app("test", SQLALCHEMY_DATABASE_URI=f"sqlite:///{folder / 'live.db'}",
                     UPLOAD_DIR=str(folder / "uploads"), IMPORT_DIR=str(folder / "imports"))
    with app.app_context():
        db.create_all()
    yield app
    with app.app_context():
        db.engine.dispose()


@pytest.fixture
def served_app(request):
    """An app whose database other threads share: the test app on PostgreSQL, a file on SQLite
    (an in-memory database is one per thread)."""
    if os.environ.get("TEST_DATABASE_URL"):
        yield request.getfixturevalue("app")
        return
    app = request.getfixturevalue("_sqlite_file_app")
    with app.app_context():
        yield app
        db.session.remove()
        wipe_database()


def engine_name() -> str:
    return "PostgreSQL" if os.environ.get("TEST_DATABASE_URL") else "SQLite"


@pytest.fixture
def figures():
    """figures("races", races=200, ...) keeps one line for the end of the run."""
    def _record(what: str, **numbers):
        text = ", ".join(f"{name.replace('_', ' ')} {value}" for name, value in numbers.items())
        FIGURES.append(f"{what} ({engine_name()}): {text}")
    return _record


def pytest_terminal_summary(terminalreporter):
    if FIGURES or COUNTED:
        terminalreporter.section("robustness figures")
        for line in FIGURES:
            terminalreporter.write_line(line)
        if COUNTED:
            terminalreporter.write_line("sign-in and accounts: " + ", ".join(
                f"{name} {value}" for name, value in sorted(COUNTED.items())))
