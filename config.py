"""Configuration: environment variables with sane local defaults."""
import os
from datetime import timedelta
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent
INSTANCE_DIR = BASE_DIR / "instance"


def database_url(raw: str | None) -> str:
    """Normalise DATABASE_URL so that PostgreSQL goes through psycopg 3."""
    if not raw:
        return f"sqlite:///{INSTANCE_DIR / 'tracker.db'}"
    for prefix in ("postgres://", "postgresql://"):
        if raw.startswith(prefix):
            return "postgresql+psycopg://" + raw[len(prefix):]
    return raw


class Config:
    ENV_NAME = "production"
    SECRET_KEY = os.environ.get("SECRET_KEY")
    SQLALCHEMY_DATABASE_URI = database_url(os.environ.get("DATABASE_URL"))
    # logged statements never carry their parameters (password hashes, names of people)
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True, "hide_parameters": True}
    # seconds; a request never waits longer on the database (0 turns one off, e.g. for a long
    # maintenance command); SQLite's busy timeout is the lock timeout
    DATABASE_STATEMENT_TIMEOUT = float(os.environ.get("DATABASE_STATEMENT_TIMEOUT", "15"))
    DATABASE_LOCK_TIMEOUT = float(os.environ.get("DATABASE_LOCK_TIMEOUT", "5"))
    DATABASE_CONNECT_TIMEOUT = int(os.environ.get("DATABASE_CONNECT_TIMEOUT", "5"))
    UPLOAD_DIR = os.environ.get("UPLOAD_DIR", str(INSTANCE_DIR / "uploads"))
    # s3://bucket/prefix for an S3-compatible store; empty: the local directory UPLOAD_DIR
    STORAGE_URL = os.environ.get("STORAGE_URL", "")
    MAX_CONTENT_LENGTH = int(os.environ.get("MAX_UPLOAD_MB", "20")) * 1024 * 1024
    # a spreadsheet import is refused after this long (gunicorn ends a worker after 30 s)
    IMPORT_MAX_SECONDS = float(os.environ.get("IMPORT_MAX_SECONDS", "10"))

    BABEL_DEFAULT_LOCALE = "ru"
    BABEL_DEFAULT_TIMEZONE = os.environ.get("TRACKER_TIMEZONE", "Asia/Irkutsk")
    LANGUAGES = ("ru", "en")

    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = True
    SESSION_IDLE_TIMEOUT = timedelta(minutes=int(os.environ.get("SESSION_IDLE_MINUTES", "60")))
    SESSION_ABSOLUTE_TIMEOUT = timedelta(hours=int(os.environ.get("SESSION_ABSOLUTE_HOURS", "12")))
    PERMANENT_SESSION_LIFETIME = SESSION_ABSOLUTE_TIMEOUT
    REMEMBER_COOKIE_DURATION = timedelta(seconds=0)

    # sign-in throttling counts in the database, or in this Redis (redis://host:6379/0) if set
    REDIS_URL = os.environ.get("REDIS_URL") or None
    LOGIN_LIMIT_PER_ACCOUNT = os.environ.get("LOGIN_LIMIT_PER_ACCOUNT", "5 per 15 minutes")
    LOGIN_LIMIT_PER_ADDRESS = os.environ.get("LOGIN_LIMIT_PER_ADDRESS", "30 per 15 minutes")

    TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

    # e-mail copies of notifications: off while MAIL_SERVER is empty
    MAIL_SERVER = os.environ.get("MAIL_SERVER", "")
    MAIL_PORT = int(os.environ.get("MAIL_PORT", "0")) or None  # 25, or 465 with MAIL_USE_SSL
    MAIL_USE_TLS = os.environ.get("MAIL_USE_TLS", "").lower() in ("1", "true", "yes")
    MAIL_USE_SSL = os.environ.get("MAIL_USE_SSL", "").lower() in ("1", "true", "yes")
    MAIL_USERNAME = os.environ.get("MAIL_USERNAME", "")
    MAIL_PASSWORD = os.environ.get("MAIL_PASSWORD", "")
    MAIL_FROM = os.environ.get("MAIL_FROM", "")
    MAIL_TIMEOUT = float(os.environ.get("MAIL_TIMEOUT", "10"))  # seconds, per attempt
    PUBLIC_URL = os.environ.get("PUBLIC_URL", "")  # for links in letters, e.g. from `flask notify`
    PAGE_SIZE = 25
    WTF_CSRF_TIME_LIMIT = None  # the session lifetime bounds the token


class DevelopmentConfig(Config):
    ENV_NAME = "development"
    SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-not-secret")
    SESSION_COOKIE_SECURE = False


class TestConfig(Config):
    ENV_NAME = "test"
    TESTING = True
    SECRET_KEY = "test-only-not-secret"
    SESSION_COOKIE_SECURE = False
    SQLALCHEMY_DATABASE_URI = database_url(os.environ.get("TEST_DATABASE_URL") or "sqlite://")
    SQLALCHEMY_ENGINE_OPTIONS = {}
    STORAGE_URL = ""  # tests choose their store themselves
    WTF_CSRF_ENABLED = True
    MAIL_SERVER = PUBLIC_URL = ""  # a test sends e-mail only to the server it starts
    REDIS_URL = None  # the test database counts sign-in failures; a test may point at a Redis


CONFIGS = {"development": DevelopmentConfig, "production": Config, "test": TestConfig}


def config_for(name: str | None) -> type[Config]:
    return CONFIGS[name or os.environ.get("TRACKER_ENV", "production")]
