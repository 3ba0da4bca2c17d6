"""Sign-in throttling in storage that every worker and instance shares.

Wrong passwords are counted per account, per address and per the two together, over a sliding
window: in the database by default (`sign_in_failures`), in Redis when `REDIS_URL` is set. An
address over its limit is refused. An account over its limit is refused only from addresses
that have already failed on it: an attacker cannot lock the owner out, whose right password
from a clean address still gets through (and a wrong one from there counts like any other).
Only wrong passwords count: a request that ends in a server error or finds the database down
never reaches `record_failure`.

Two requests racing in separate workers may both pass the count before either records its
failure, so a burst can exceed a limit by at most one attempt per worker busy at that moment.
"""
import hashlib
import hmac
import re
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from typing import Protocol

from flask import current_app, request
from sqlalchemy import delete, func, select

from tracker.auth.models import SignInFailure
from tracker.db import db, utcnow

LIMIT_PATTERN = re.compile(r"^\s*(\d+)\s*(?:/|per)\s*(\d+)?\s*(second|minute|hour|day)s?\s*$")
UNIT_SECONDS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400}


@dataclass(frozen=True)
class Limit:
    amount: int
    window: timedelta

    @property
    def minutes(self) -> int:
        return max(1, round(self.window.total_seconds() / 60))


def parse_limit(text: str) -> Limit:
    """«5 per 15 minutes», «30/hour» (the form the settings have always used)."""
    match = LIMIT_PATTERN.match(text.lower())
    if match is None:
        raise ValueError(f"not a limit: {text!r} (expected e.g. '5 per 15 minutes')")
    amount, count, unit = match.groups()
    return Limit(int(amount), timedelta(seconds=int(count or 1) * UNIT_SECONDS[unit]))


class FailureStore(Protocol):
    def count(self, key: str, since: datetime) -> int: ...

    def add(self, keys: list[str], at: datetime, keep: timedelta) -> None: ...


class DatabaseFailures:
    """Rows in the request's session: they are written with the audit of the failure, by the
    view's one commit, or not at all."""

    def count(self, key: str, since: datetime) -> int:
        return db.session.scalar(select(func.count()).select_from(SignInFailure).where(
            SignInFailure.key == key, SignInFailure.at > since))

    def add(self, keys: list[str], at: datetime, keep: timedelta) -> None:
        db.session.execute(delete(SignInFailure).where(SignInFailure.at <= at - keep))
        db.session.add_all(SignInFailure(key=key, at=at) for key in keys)


class RedisFailures:
    """A sorted set per key (scores are times), trimmed to the window and expiring with it."""

    PREFIX = "tracker:sign-in-failures:"

    def __init__(self, url: str):
        import redis
        self.redis = redis.Redis.from_url(url, socket_timeout=5, socket_connect_timeout=5)

    def count(self, key: str, since: datetime) -> int:
        return self.redis.zcount(self.PREFIX + key, f"({since.timestamp()}", "+inf")

    def add(self, keys: list[str], at: datetime, keep: timedelta) -> None:
        pipe = self.redis.pipeline()
        for key in keys:
            name = self.PREFIX + key
            pipe.zadd(name, {uuid.uuid4().hex: at.timestamp()})
            pipe.zremrangebyscore(name, "-inf", (at - keep).timestamp())
            pipe.expire(name, int(keep.total_seconds()) + 1)
        pipe.execute()


@cache
def _redis_store(url: str) -> RedisFailures:
    return RedisFailures(url)


def store() -> FailureStore:
    url = current_app.config.get("REDIS_URL")
    return _redis_store(url) if url else DatabaseFailures()


def _limits() -> tuple[Limit, Limit]:
    config = current_app.config
    return (parse_limit(config["LOGIN_LIMIT_PER_ACCOUNT"]),
            parse_limit(config["LOGIN_LIMIT_PER_ADDRESS"]))


def _digest(kind: str, value: str) -> str:
    """A keyed hash: what was typed as a login (maybe a password) and addresses are not kept."""
    secret = str(current_app.config["SECRET_KEY"]).encode()
    return kind + ":" + hmac.new(secret, f"{kind}\0{value}".encode(), hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class Attempt:
    account: str
    address: str
    pair: str

    @classmethod
    def of(cls, login: str) -> "Attempt":
        account, address = login.strip().lower(), request.remote_addr or "-"
        return cls(_digest("account", account), _digest("address", address),
                   _digest("pair", f"{account}\0{address}"))


def refusal(login: str) -> Limit | None:
    """The limit that refuses this attempt now, or None when the password may be checked."""
    attempt, now, failures = Attempt.of(login), utcnow(), store()
    per_account, per_address = _limits()
    if failures.count(attempt.address, now - per_address.window) >= per_address.amount:
        return per_address
    if (failures.count(attempt.account, now - per_account.window) >= per_account.amount
            and failures.count(attempt.pair, now - per_account.window) > 0):
        return per_account
    return None


def record_failure(login: str) -> None:
    """A wrong password (or an unknown login: the two look alike from outside)."""
    attempt = Attempt.of(login)
    keep = max(limit.window for limit in _limits())
    store().add([attempt.account, attempt.address, attempt.pair], utcnow(), keep)
