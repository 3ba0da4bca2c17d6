"""Bench databases: built once per scale and engine, re-used while their marker matches.

The schema comes from the migrations (as in production); rows go in with the driver's bulk
path: `executemany` on SQLite, `COPY` on PostgreSQL. The marker, written last, holds the scale
and a fingerprint of the schema and the generator, so a half-built or stale database is rebuilt.
"""
import hashlib
import json
import logging
import sqlite3
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import Enum
from pathlib import Path

import psycopg
from flask_migrate import upgrade
from sqlalchemy import DateTime, Table
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.engine import make_url

import tracker.models  # noqa: F401  every table in the metadata
from tracker import create_app
from tracker.db import db

from benchmark.generate import DATA_VERSION
from benchmark.rows import Rows

DATA_NOW = datetime(2022, 6, 30, 12, tzinfo=UTC)  # created_at and the like, for determinism
MARKER = "bench_marker"


@dataclass(frozen=True)
class Target:
    """Where one bench database lives."""

    engine: str  # "sqlite" or "pg"
    url: str  # SQLAlchemy URL

    @property
    def sqlite_path(self) -> Path:
        return Path(make_url(self.url).database)

    def dbapi_connect(self):
        """A raw driver connection: sqlite3 or psycopg."""
        if self.engine == "sqlite":
            return sqlite3.connect(self.sqlite_path)
        return psycopg.connect(_conninfo(self.url))


def _conninfo(url: str, database: str | None = None) -> str:
    parsed = make_url(url)
    if database:
        parsed = parsed.set(database=database)
    return parsed.set(drivername="postgresql").render_as_string(hide_password=False)


def pg_reachable(url: str) -> str | None:
    """None when the server answers; otherwise why not."""
    try:
        psycopg.connect(_conninfo(url, "postgres"), connect_timeout=3).close()
    except psycopg.Error as error:
        return str(error).strip().splitlines()[0]
    return None


def fingerprint(scale_name: str) -> str:
    """The scale, the generator's version and the schema (tables, columns, indexes,
    constraints): any change rebuilds."""
    parts = [scale_name, DATA_VERSION]
    for table in sorted(db.metadata.sorted_tables, key=lambda t: t.name):
        parts.append(table.name)
        parts += [f"{c.name} {c.type} {c.nullable}" for c in table.columns]
        parts += sorted(f"{i.name} {[str(e) for e in i.expressions]} {i.unique}"
                        for i in table.indexes)
        parts += sorted(str(c.name) for c in table.constraints)
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def marker(target: Target) -> tuple[str, str] | None:
    if target.engine == "sqlite" and not target.sqlite_path.exists():
        return None
    try:
        connection = target.dbapi_connect()
    except psycopg.OperationalError:
        return None  # no such database yet
    try:
        cursor = connection.cursor()
        cursor.execute(f"SELECT scale, fingerprint FROM {MARKER}")
        return tuple(cursor.fetchone() or ()) or None
    except (sqlite3.Error, psycopg.Error):
        return None
    finally:
        connection.close()


def ensure(target: Target, scale_name: str, make_rows, rebuild: bool) -> str:
    """Re-use the database when its marker matches, else build it with
    `make_rows(deficit_domains)`; says which happened."""
    wanted = (scale_name, fingerprint(scale_name))
    if not rebuild and marker(target) == wanted:
        return "re-used"
    started = time.perf_counter()
    _recreate(target)
    _migrate(target)
    generated = time.perf_counter()
    rows = make_rows(_deficit_domains(target))
    generated = time.perf_counter() - generated
    loaded = time.perf_counter()
    _load(target, rows)
    _write_marker(target, *wanted)
    loaded = time.perf_counter() - loaded
    count = f"{rows.total:,}".replace(",", " ")
    return (f"built in {time.perf_counter() - started:.0f} s ({count} rows; "
            f"generated in {generated:.0f} s, loaded in {loaded:.0f} s)")


def _recreate(target: Target) -> None:
    if target.engine == "sqlite":
        target.sqlite_path.parent.mkdir(parents=True, exist_ok=True)
        target.sqlite_path.unlink(missing_ok=True)
        return
    name = make_url(target.url).database
    with psycopg.connect(_conninfo(target.url, "postgres"), autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def _migrate(target: Target) -> None:
    app = create_app("development", SQLALCHEMY_DATABASE_URI=target.url)
    logging.disable(logging.INFO)  # alembic's per-revision lines
    try:
        with app.app_context():
            upgrade()
            db.engine.dispose()
    finally:
        logging.disable(logging.NOTSET)


def _deficit_domains(target: Target) -> list[tuple[int, str]]:
    """The domains the migrations put in (the generator refers to them)."""
    connection = target.dbapi_connect()
    try:
        cursor = connection.cursor()
        cursor.execute("SELECT id, name FROM deficit_domains ORDER BY position, id")
        return [tuple(row) for row in cursor.fetchall()]
    finally:
        connection.close()


def _load(target: Target, rows: Rows) -> None:
    tables = [t for t in db.metadata.sorted_tables if rows.count(t.name)]
    connection = target.dbapi_connect()
    try:
        if target.engine == "sqlite":
            connection.execute("PRAGMA foreign_keys = ON")  # the loaded rows must hold
            connection.execute("PRAGMA synchronous = OFF")
            connection.execute("PRAGMA journal_mode = OFF")  # a failed build has no marker
            connection.execute("PRAGMA cache_size = -400000")  # 400 MB: indexes stay in memory
            for table in tables:
                columns, values = _tuples(table, rows.tables[table.name], convert=True)
                marks = ", ".join("?" for _ in columns)
                connection.executemany(
                    f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({marks})", values)
        else:
            for table in tables:
                columns, values = _tuples(table, rows.tables[table.name], convert=False)
                with connection.cursor().copy(
                        f"COPY {table.name} ({', '.join(columns)}) FROM STDIN") as copy:
                    for row in values:
                        copy.write_row(row)
                connection.execute(f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'),"
                                   f" (SELECT max(id) FROM {table.name}))")
        connection.commit()
    finally:
        connection.close()
    if target.engine == "pg":
        with psycopg.connect(_conninfo(target.url), autocommit=True) as connection:
            connection.execute("VACUUM ANALYZE")  # what autovacuum does soon after a big load


class _PerRow:
    """A default computed from the row itself (like School.sort_key from short_name)."""

    def __init__(self, function) -> None:
        self.function = function

    def __call__(self, row: dict):
        return self.function(_RowContext(row))


class _RowContext:
    """What SQLAlchemy hands a context-sensitive default: the row's parameters."""

    def __init__(self, row: dict) -> None:
        self.row = row

    def get_current_parameters(self) -> dict:
        return self.row


def _tuples(table: Table, rows: list[dict], convert: bool):
    """Column names and value tuples; absent columns take the model's default. With `convert`,
    values pass through SQLAlchemy's SQLite bind processors (dates and datetimes as text)."""
    given = set().union(*(row.keys() for row in rows))
    unknown = given - set(table.columns.keys())
    if unknown:
        raise KeyError(f"{table.name}: no columns {sorted(unknown)}")
    columns = list(table.columns)
    defaults = [_default(table, column, given) for column in columns]
    processors = [_processor(column) if convert else None for column in columns]
    names = [column.name for column in columns]

    def values():
        for row in rows:
            out = []
            for name, default, processor in zip(names, defaults, processors):
                value = row[name] if name in row else (
                    default(row) if isinstance(default, _PerRow) else default)
                if not convert and isinstance(value, (dict, list)):
                    value = json.dumps(value, ensure_ascii=False)  # a JSON column, for COPY
                out.append(processor(value) if processor and value is not None else value)
            yield out
    return names, values()


def _default(table: Table, column, given: set[str]):
    default = column.default
    if default is None:
        if not column.nullable and column.name not in given:
            raise KeyError(f"{table.name}.{column.name} needs a value")
        return None
    if default.is_callable:
        if isinstance(column.type, DateTime):
            return DATA_NOW  # utcnow: one fixed moment keeps the data deterministic
        return _PerRow(default.arg)
    value = default.arg
    return value.value if isinstance(value, Enum) else value


def _processor(column):
    dialect = sqlite_dialect.dialect()
    return column.type.dialect_impl(dialect).bind_processor(dialect)


def _write_marker(target: Target, scale_name: str, fingerprint_: str) -> None:
    connection = target.dbapi_connect()
    try:
        connection.cursor().execute(
            f"CREATE TABLE {MARKER} (scale VARCHAR(20), fingerprint VARCHAR(40))")
        placeholder = "?" if target.engine == "sqlite" else "%s"
        connection.cursor().execute(
            f"INSERT INTO {MARKER} VALUES ({placeholder}, {placeholder})",
            (scale_name, fingerprint_))
        connection.commit()
    finally:
        connection.close()
