"""The database half of a backup: PostgreSQL through pg_dump and pg_restore, SQLite through its
online backup API (never a copy of the file under a running application). Both read the rows that
name stored files in the very state they dump, so the files copied afterwards are exactly the
ones the dump needs."""
import os
import shutil
import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path

from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import URL

from tracker.db import db
from tracker.storage.rows import FileRow, file_rows

DUMP_NAMES = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}


class BackupError(Exception):
    """A backup or a restore that cannot go on; the message says why."""


def engine_name() -> str:
    name = db.engine.url.get_backend_name()
    if name not in DUMP_NAMES:
        raise BackupError(f"backups of {name} databases are not supported")
    return name


def dump(target: Path) -> tuple[str, list[FileRow]]:
    """Write the dump into `target`; its file name and the file rows it holds."""
    name = engine_name()
    path = target / DUMP_NAMES[name]
    rows = _pg_dump(path) if name == "postgresql" else _sqlite_dump(path)
    return path.name, rows


def _pg_dump(path: Path) -> list[FileRow]:
    """pg_dump in a snapshot exported by our own transaction, which then reads the file rows."""
    with db.engine.connect() as connection:
        connection.execution_options(isolation_level="REPEATABLE READ")
        with connection.begin():
            snapshot = connection.scalar(text("SELECT pg_export_snapshot()"))
            _run([_tool("pg_dump"), "--format=custom", "--no-owner", "--no-privileges",
                  f"--snapshot={snapshot}", f"--file={path}"], db.engine.url)
            return file_rows(connection)


def _sqlite_dump(path: Path) -> list[FileRow]:
    with closing(sqlite3.connect(_sqlite_path(db.engine.url))) as source, \
            closing(sqlite3.connect(path)) as copy:
        source.backup(copy)
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as connection:
            return file_rows(connection)
    finally:
        engine.dispose()


def ensure_empty() -> None:
    tables = inspect(db.engine).get_table_names()
    db.engine.dispose()
    if tables:
        raise BackupError(f"the target database is not empty ({len(tables)} tables): a backup "
                          "is restored into an empty database only")


def restore(source: Path, dump_name: str) -> None:
    name = engine_name()
    if dump_name != DUMP_NAMES[name]:
        raise BackupError(f"the backup holds {dump_name}, the target database is {name}")
    path = source / dump_name
    db.engine.dispose()
    if name == "postgresql":
        _run([_tool("pg_restore"), "--no-owner", "--no-privileges", "--exit-on-error",
              "--single-transaction", f"--dbname={db.engine.url.database}", str(path)],
             db.engine.url)
    else:
        with closing(sqlite3.connect(path)) as copy, \
                closing(sqlite3.connect(_sqlite_path(db.engine.url))) as target:
            copy.backup(target)
    db.engine.dispose()


def _sqlite_path(url: URL) -> str:
    if not url.database or url.database == ":memory:":
        raise BackupError("an in-memory SQLite database cannot be backed up or restored")
    return url.database


def _tool(name: str) -> str:
    found = shutil.which(name)
    if not found:
        raise BackupError(f"{name} is missing: install the PostgreSQL client (postgresql-client)")
    return found


def _run(command: list[str], url: URL) -> None:
    """Run a PostgreSQL tool with the connection in libpq's variables: the password never
    appears on a command line."""
    environment = dict(os.environ)
    for variable, value in (("PGHOST", url.host), ("PGPORT", url.port), ("PGUSER", url.username),
                            ("PGPASSWORD", url.password), ("PGDATABASE", url.database),
                            ("PGSSLMODE", url.query.get("sslmode"))):
        if value:
            environment[variable] = str(value)
    result = subprocess.run(command, env=environment, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{Path(command[0]).name} failed: {result.stderr.strip()}")
