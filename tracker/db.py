"""The declarative base with a constraint naming convention, the db object, small mixins,
per-connection settings of each engine, and what a database error means (a lost race, or the
database not answering)."""
import sqlite3
from datetime import UTC, date, datetime
from enum import StrEnum

from flask import has_request_context, request
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import CheckConstraint, DateTime, Integer, MetaData, event
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column
from sqlalchemy.orm.exc import StaleDataError

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


def enum_check(column: str, enum: type[StrEnum], name: str | None = None) -> CheckConstraint:
    """The database's own guard that `column` holds one of the enum's values."""
    values = ", ".join(f"'{member.value}'" for member in enum)
    return CheckConstraint(f"{column} IN ({values})", name=name or column)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


MAX_PAGE = 100_000


class Database(SQLAlchemy):
    def paginate(self, select, *, page: int | None = None, **kwargs):
        """The page number from the address stays in a range any OFFSET can take."""
        if page is None and has_request_context():
            page = min(max(request.args.get("page", 1, type=int), 1), MAX_PAGE)
        return super().paginate(select, page=page, **kwargs)


db = Database(model_class=Base)


class TimestampMixin:
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=utcnow
    )


class VersionedMixin:
    """Optimistic locking: a stale edit fails instead of overwriting a newer one."""

    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict:
        return {"version_id_col": cls.version}


@event.listens_for(Engine, "connect")
def _configure_sqlite(dbapi_connection, connection_record) -> None:
    """SQLite: enforce foreign keys, and make lower() fold Cyrillic as PostgreSQL does."""
    if not isinstance(dbapi_connection, sqlite3.Connection):
        return
    dbapi_connection.create_function(
        "lower", 1, lambda value: value.lower() if isinstance(value, str) else value,
        deterministic=True)
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


@event.listens_for(Engine, "do_connect")
def _configure_postgresql(dialect, connection_record, cargs, cparams) -> None:
    """PostgreSQL: JIT off for our connections. Our aggregations are short: a plan whose
    estimated cost crosses jit_above_cost spends more on compiling than it saves. Measured with
    scripts/bench.py on the national data: the municipal dashboard went from 300 to 180 ms with
    the earlier query shapes; today's shapes stay under the threshold at region scale, and this
    keeps a larger scope (or a misjudged plan) from paying the compile time."""
    if dialect.name != "postgresql":
        return
    cparams["options"] = " ".join(filter(None, (cparams.get("options"), "-c jit=off")))


INTEGER_RANGE = (-(2**31), 2**31 - 1)  # PostgreSQL's INTEGER; SQLite's is wider


DATE_YEARS = (1900, 2199)  # what a date typed into the tracker can be


def value_problem(value, *, max_length: int | None = None) -> str | None:
    """Why a value cannot be stored in a column (None if it can): a NUL character in a text, a
    text longer than `max_length`, a whole number beyond an INTEGER column's range. The rule of
    every boundary: form fields (tracker/forms.py) and imports ask it before writing."""
    from flask_babel import gettext as _
    if isinstance(value, str):
        if "\x00" in value:
            return _("The text contains a NUL character, which is not allowed.")
        if max_length is not None and len(value) > max_length:
            return _("At most %(max)d characters.", max=max_length)
    elif isinstance(value, int) and not isinstance(value, bool):
        low, high = INTEGER_RANGE
        if not low <= value <= high:
            return _("Enter a number from %(min)s to %(max)s.", min=low, max=high)
    elif isinstance(value, date) and not DATE_YEARS[0] <= value.year <= DATE_YEARS[1]:
        # a day of year 9999 overflows the first «day after» a page counts
        return _("Enter a date between %(first)s and %(last)s.", first=DATE_YEARS[0],
                 last=DATE_YEARS[1])
    return None


def column_problem(attribute, value) -> str | None:
    """value_problem with the length of a mapped column, e.g. column_problem(School.short_name,
    text): what an import checks a cell with before it becomes a row."""
    column = attribute.property.columns[0]
    return value_problem(value, max_length=getattr(column.type, "length", None))


def engine_options(config) -> dict:
    """SQLALCHEMY_ENGINE_OPTIONS with the timeouts of config (seconds; 0 turns one off).

    No request waits on the database longer than a worker may live: PostgreSQL cancels a
    statement after DATABASE_STATEMENT_TIMEOUT and a wait for a lock after DATABASE_LOCK_TIMEOUT;
    SQLite waits for a busy database up to DATABASE_LOCK_TIMEOUT. A refused or timed-out
    connection is answered with the «service unavailable» page (tracker/errors.py)."""
    options = dict(config.get("SQLALCHEMY_ENGINE_OPTIONS") or {})
    connect_args = dict(options.get("connect_args") or {})
    backend = make_url(config["SQLALCHEMY_DATABASE_URI"]).get_backend_name()
    lock = float(config.get("DATABASE_LOCK_TIMEOUT", 5))
    if backend == "postgresql":
        statement = float(config.get("DATABASE_STATEMENT_TIMEOUT", 15))
        settings = (f"-c statement_timeout={round(statement * 1000)}",
                    f"-c lock_timeout={round(lock * 1000)}")
        connect_args["options"] = " ".join(filter(None, (connect_args.get("options"), *settings)))
        connect_args.setdefault("connect_timeout", int(config.get("DATABASE_CONNECT_TIMEOUT", 5)))
    elif backend == "sqlite":
        connect_args.setdefault("timeout", lock)
    options["connect_args"] = connect_args
    return options


# SQLSTATEs of a write that lost a race with another transaction: a unique key or a referenced
# row taken meanwhile, a deadlock, a serialization failure. Running the request again sees the
# winner's row and answers as if it had come second (a field error, the stale-edit screen).
CONFLICT_STATES = {"23505", "23503", "40001", "40P01"}
CONFLICT_SQLITE = ("UNIQUE constraint failed", "FOREIGN KEY constraint failed")
# The database is down, refuses connections, or gave up waiting: statement or lock timeout,
# shutting down, out of connections or resources.
UNAVAILABLE_CLASSES = ("08", "53", "57")
UNAVAILABLE_STATES = {"55P03"}
UNAVAILABLE_SQLITE = ("database is locked", "database table is locked", "unable to open database")


def _sqlstate(error: sa_exc.DBAPIError) -> str | None:
    return getattr(error.orig, "sqlstate", None)


def is_conflict(error: BaseException) -> bool:
    """A write refused because another transaction changed the same rows first."""
    if isinstance(error, StaleDataError):
        return True
    if not isinstance(error, (sa_exc.IntegrityError, sa_exc.OperationalError)):
        return False
    if isinstance(error.orig, sqlite3.Error):
        return any(text in str(error.orig) for text in CONFLICT_SQLITE)
    return _sqlstate(error) in CONFLICT_STATES


def is_unavailable(error: BaseException) -> bool:
    """The database did not answer in time or at all (not a mistake of the request)."""
    if isinstance(error, sa_exc.TimeoutError):  # no connection free in the pool
        return True
    if not isinstance(error, sa_exc.DBAPIError):
        return False
    if error.connection_invalidated:
        return True
    if not isinstance(error, (sa_exc.OperationalError, sa_exc.InterfaceError)):
        return False
    if isinstance(error.orig, sqlite3.Error):
        return any(text in str(error.orig) for text in UNAVAILABLE_SQLITE)
    if not hasattr(error.orig, "sqlstate"):
        return False
    state = _sqlstate(error)  # None: no server answered (refused, unreachable, closed)
    return state is None or state in UNAVAILABLE_STATES or state[:2] in UNAVAILABLE_CLASSES
