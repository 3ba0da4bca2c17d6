"""Migrations build the whole schema from empty, on SQLite and (when configured) PostgreSQL,
and agree with the models: autogenerate finds nothing left to do."""
import os
import uuid

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import upgrade
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from config import database_url
from tracker import create_app
from tracker.db import db


def scratch_databases(tmp_path):
    yield "sqlite", f"sqlite:///{tmp_path / 'migrated.db'}", None
    server = os.environ.get("TEST_DATABASE_URL")
    if server:
        url = make_url(database_url(server))
        name = f"tracker_migrations_{uuid.uuid4().hex[:8]}"
        admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))

        def drop():
            with admin.connect() as connection:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()
        yield "postgresql", url.set(database=name).render_as_string(hide_password=False), drop


def test_upgrade_from_empty_matches_models(tmp_path):
    engines = []
    for engine_name, url, cleanup in scratch_databases(tmp_path):
        engines.append(engine_name)
        app = create_app("test", SQLALCHEMY_DATABASE_URI=url)
        try:
            with app.app_context():
                upgrade()
                with db.engine.connect() as connection:
                    context = MigrationContext.configure(connection, opts={"compare_type": True})
                    diff = compare_metadata(context, db.metadata)
                assert diff == [], f"{engine_name}: models and migrations differ: {diff}"
                db.engine.dispose()
        finally:
            if cleanup:
                cleanup()
    assert "sqlite" in engines
    if os.environ.get("TEST_DATABASE_URL"):
        assert "postgresql" in engines


@pytest.mark.parametrize("name", sorted(os.listdir(os.path.join(
    os.path.dirname(__file__), "..", "migrations", "versions"))))
def test_migration_files_are_dated(name):
    if name.endswith(".py"):
        assert name[:8].isdigit() and name[8] == "_", name
