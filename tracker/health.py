"""/healthz for the load balancer: 200 when the database and the file store answer, else 503.
Says which part failed, nothing more (no versions, no addresses)."""
from flask import Blueprint, Flask, current_app, jsonify
from sqlalchemy import text

from tracker.db import db
from tracker.permissions import public

bp = Blueprint("health", __name__)


@bp.route("/healthz")
@public
def healthz():
    parts = {"database": _database_answers(), "storage": _storage_answers()}
    healthy = all(parts.values())
    response = jsonify({name: "ok" if up else "failed" for name, up in parts.items()})
    response.status_code = 200 if healthy else 503
    response.headers["Cache-Control"] = "no-store"
    return response


def _database_answers() -> bool:
    try:
        db.session.execute(text("SELECT 1"))
        return True
    except Exception:  # noqa: BLE001  any failure is "not healthy", logged for the operator
        current_app.logger.exception("healthz: the database does not answer")
        db.session.rollback()
        return False


def _storage_answers() -> bool:
    from tracker import storage
    try:
        storage.backend().ping()
        return True
    except Exception:  # noqa: BLE001
        current_app.logger.exception("healthz: the file store does not answer")
        return False


def register(app: Flask) -> None:
    app.register_blueprint(bp)
