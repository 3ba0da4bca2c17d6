"""The declarative base with a constraint naming convention, the db object, small mixins, and
per-connection settings of each engine."""
import sqlite3
from datetime import UTC, datetime
from enum import StrEnum

from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import CheckConstraint, DateTime, Integer, MetaData, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

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


db = SQLAlchemy(model_class=Base)


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
