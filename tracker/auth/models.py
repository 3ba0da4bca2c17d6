"""People who sign in, their role and the scope the role gives them."""
from datetime import date, datetime
from enum import StrEnum
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask_login import UserMixin
from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.db import Base, TimestampMixin, VersionedMixin
from tracker.schools.models import Municipality, Region, School

_hasher = PasswordHasher()  # argon2id with the library's current recommended parameters


@cache
def _dummy_hash() -> str:
    return _hasher.hash("no account has this password")


class Role(StrEnum):
    ADMIN = "admin"
    REGIONAL = "regional"
    COORDINATOR = "coordinator"
    CURATOR = "curator"
    DIRECTOR = "director"


ROLE_SCOPE_CHECKS = (
    "role IN ('admin', 'regional', 'coordinator', 'curator', 'director')",
    "role != 'regional' OR region_id IS NOT NULL",
    "role != 'coordinator' OR municipality_id IS NOT NULL",
    "role != 'director' OR school_id IS NOT NULL",
)


class User(UserMixin, VersionedMixin, TimestampMixin, Base):
    __tablename__ = "users"
    __table_args__ = tuple(
        CheckConstraint(sql, name=name)
        for sql, name in zip(
            ROLE_SCOPE_CHECKS, ("role", "regional_scope", "coordinator_scope", "director_scope")
        )
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    login: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(200))
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(20))
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    region_id: Mapped[int | None] = mapped_column(ForeignKey("regions.id"), index=True)
    municipality_id: Mapped[int | None] = mapped_column(ForeignKey("municipalities.id"), index=True)
    school_id: Mapped[int | None] = mapped_column(ForeignKey("schools.id"), index=True)
    session_epoch: Mapped[int] = mapped_column(Integer, default=0)
    last_login_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    region: Mapped[Region | None] = relationship()
    municipality: Mapped[Municipality | None] = relationship()
    school: Mapped[School | None] = relationship()
    assignments: Mapped[list["CuratorAssignment"]] = relationship(
        back_populates="curator",
        foreign_keys="CuratorAssignment.curator_id",
        order_by="CuratorAssignment.starts_on.desc()",
    )

    def get_id(self) -> str:
        """Session identity: changing the epoch signs the user out everywhere."""
        return f"{self.id}:{self.session_epoch}"

    def set_password(self, password: str) -> None:
        self.password_hash = _hasher.hash(password)

    @staticmethod
    def check_no_password(password: str) -> bool:
        """As long as a real check, for a login that does not exist (no timing tells which do)."""
        try:
            _hasher.verify(_dummy_hash(), password)
        except (VerificationError, InvalidHashError):
            pass
        return False

    def check_password(self, password: str) -> bool:
        try:
            return _hasher.verify(self.password_hash, password)
        except (VerificationError, InvalidHashError):
            return False

    def end_other_sessions(self) -> None:
        self.session_epoch = (self.session_epoch or 0) + 1

    def has_role(self, *roles: str) -> bool:
        return self.role in roles

    @property
    def audit_municipality_id(self) -> int | None:
        if self.municipality_id:
            return self.municipality_id
        return self.school.municipality_id if self.school else None

    @property
    def short_name(self) -> str:
        """«Белова М. С.» for «Белова Марина Сергеевна»: the surname and initials.

        A name that is not a person's (one word, «Администратор системы» — given names start
        with a capital) is shown whole; an empty one falls back to the login.
        """
        words = (self.full_name or "").split()
        if not words:
            return self.login
        surname, *given = words
        if not given or not all(name[0].isupper() for name in given):
            return " ".join(words)
        return " ".join([surname, *(f"{name[0]}." for name in given)])

    def __str__(self) -> str:
        return self.full_name


class CuratorAssignment(TimestampMixin, Base):
    """A curator looks after a school from one date to another (open-ended while current)."""

    __tablename__ = "curator_assignments"
    __table_args__ = (
        CheckConstraint("ends_on IS NULL OR ends_on >= starts_on", name="dates_ordered"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    curator_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("schools.id"), index=True)
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)

    curator: Mapped[User] = relationship(back_populates="assignments", foreign_keys=[curator_id])
    school: Mapped[School] = relationship()

    def is_active_on(self, day: date) -> bool:
        return self.starts_on <= day and (self.ends_on is None or self.ends_on >= day)

    @property
    def audit_municipality_id(self) -> int | None:
        return self.school.municipality_id if self.school else None


class SignInFailure(Base):
    """One wrong password, once under each key it counts for (the account, the address, both):
    the database store of the sign-in throttling (tracker/auth/throttle.py). Keys are keyed
    hashes, never the login or address typed."""

    __tablename__ = "sign_in_failures"
    __table_args__ = (Index("ix_sign_in_failures_key_at", "key", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(80))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
