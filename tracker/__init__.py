"""The tracker of programs for schools with low educational results («500+»)."""
import sys

if sys.version_info < (3, 11):  # StrEnum, tomllib, ExceptionGroup: refuse clearly, not midway
    raise SystemExit("The tracker needs Python 3.11 or newer; this is Python %d.%d."
                     % sys.version_info[:2])

from flask import Flask  # noqa: E402

from config import INSTANCE_DIR, config_for  # noqa: E402


def create_app(config_name: str | None = None, **overrides) -> Flask:
    app = Flask(__name__, instance_path=str(INSTANCE_DIR))
    app.config.from_object(config_for(config_name))
    app.config.update(overrides)
    require_secret_key(app)
    trust_proxies(app)
    from tracker.urls import register_converters
    register_converters(app)

    register_extensions(app)
    register_blueprints(app)
    register_errors(app)
    register_request_hooks(app)
    register_template_helpers(app)
    register_cli(app)
    return app


MIN_SECRET_KEY_BYTES = 32


def require_secret_key(app: Flask) -> None:
    key = app.config.get("SECRET_KEY")
    if not key:
        raise RuntimeError("SECRET_KEY must be set (see README: production)")
    relaxed = app.config.get("ENV_NAME") in ("development", "test")
    if not relaxed and len(str(key).encode()) < MIN_SECRET_KEY_BYTES:
        raise RuntimeError(f"SECRET_KEY must be at least {MIN_SECRET_KEY_BYTES} bytes long, e.g. "
                           "python3 -c 'import secrets; print(secrets.token_urlsafe(48))'")


def trust_proxies(app: Flask) -> None:
    """Behind nginx, take the client address from X-Forwarded-For (audit, throttling)."""
    hops = app.config.get("TRUSTED_PROXY_COUNT", 0)
    if hops:
        from werkzeug.middleware.proxy_fix import ProxyFix
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)


def register_extensions(app: Flask) -> None:
    import tracker.models  # noqa: F401  every table in the metadata
    from tracker import catalogues, i18n, storage
    from tracker.auth.session import init_login
    from tracker.db import db, engine_options
    from tracker.extensions import babel, csrf, migrate

    app.config["SQLALCHEMY_ENGINE_OPTIONS"] = engine_options(app.config)
    db.init_app(app)
    migrate.init_app(app, db, directory=str(INSTANCE_DIR.parent / "migrations"),
                     render_as_batch=True, compare_type=True)
    csrf.init_app(app)
    babel.init_app(app, locale_selector=i18n.select_locale)
    catalogues.warn_if_stale()
    init_login(app)
    storage.init_app(app)


def register_blueprints(app: Flask) -> None:
    """Each feature registers its blueprint (and what it adds to shared registries)."""
    from tracker import (addressed, admin, assets, auth, closing, health, home, indicators,
                         network, notifications, programs, reports, risks, schools, teachers,
                         visits)

    for feature in (auth, home, schools, risks, programs, teachers, visits, network, indicators,
                    addressed, reports, closing, notifications, admin, assets, health):
        feature.register(app)


def register_errors(app: Flask) -> None:
    from tracker.errors import register
    register(app)


def register_request_hooks(app: Flask) -> None:
    from tracker.auth.session import enforce_session_lifetimes
    from tracker.forms import refused_status
    from tracker.permissions import enforce_access_rule
    from tracker.security import set_security_headers

    app.before_request(enforce_session_lifetimes)
    app.before_request(enforce_access_rule)
    app.after_request(refused_status)
    app.after_request(set_security_headers)


def register_template_helpers(app: Flask) -> None:
    from tracker import i18n, ui, urls
    i18n.register_filters(app)
    urls.register(app)
    ui.register(app)
    from tracker.teachers import labels
    labels.register(app)


def register_cli(app: Flask) -> None:
    from tracker.cli import register
    register(app)
