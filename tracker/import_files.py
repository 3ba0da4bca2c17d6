"""Uploaded import files kept between the preview and the confirmation, for every import (the
teachers', the network's, the indicators' targets and values).

Stored in IMPORT_DIR (never static/), with a random name prefixed by the user's id, so that one
user cannot confirm another's file; with what the import needs to know of it (`meta`: its kind,
its municipality); deleted after the import or after an hour.
"""
import json
import os
import re
import secrets
import time
from pathlib import Path

from flask import current_app

MAX_AGE_SECONDS = 3600
TOKEN = re.compile(r"^[A-Za-z0-9_-]{16,64}$")


def folder() -> Path:
    path = Path(current_app.config.get("IMPORT_DIR") or Path(current_app.instance_path) / "imports")
    path.mkdir(parents=True, exist_ok=True)
    return path


def _base(user_id: int, token: str) -> Path | None:
    if not TOKEN.match(token or ""):
        return None
    return folder() / f"{int(user_id)}-{token}"


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("wb") as target:
        target.write(data)
        target.flush()
        os.fsync(target.fileno())
    tmp.replace(path)


def save(stream, *, user_id: int, extension: str, meta: dict) -> str:
    """Keep the checked file; the user's earlier file of the same kind can no longer be
    confirmed (only the latest check counts)."""
    remove_expired()
    if "kind" in meta:
        _discard_kind(user_id, meta["kind"])
    token = secrets.token_urlsafe(24)
    base = _base(user_id, token)
    _write_atomic(base.with_suffix("." + extension), stream.read())
    _write_atomic(base.with_suffix(".json"),
                  json.dumps(dict(meta, extension=extension)).encode())
    return token


def load(*, user_id: int, token: str) -> tuple[Path, dict] | None:
    base = _base(user_id, token)
    if base is None or not base.with_suffix(".json").exists():
        return None
    meta = json.loads(base.with_suffix(".json").read_text())
    path = base.with_suffix("." + meta["extension"])
    return (path, meta) if path.exists() else None


def set_progress(*, user_id: int, token: str, done: int, total: int) -> None:
    base = _base(user_id, token)
    if base is not None:
        _write_atomic(base.with_suffix(".progress"),
                      json.dumps({"done": done, "total": total}).encode())


def progress(*, user_id: int, token: str) -> dict:
    base = _base(user_id, token)
    if base is None or not base.with_suffix(".progress").exists():
        return {}
    try:
        return json.loads(base.with_suffix(".progress").read_text())
    except ValueError:
        return {}


def discard(*, user_id: int, token: str) -> None:
    base = _base(user_id, token)
    if base is None:
        return
    for path in base.parent.glob(base.name + ".*"):
        path.unlink(missing_ok=True)


def _discard_kind(user_id: int, kind: str) -> None:
    for described in folder().glob(f"{int(user_id)}-*.json"):
        try:
            same = json.loads(described.read_text()).get("kind") == kind
        except (OSError, ValueError):
            same = False
        if same:
            discard(user_id=user_id, token=described.stem.split("-", 1)[1])


def remove_expired() -> None:
    limit = time.time() - MAX_AGE_SECONDS
    for path in folder().iterdir():
        if path.is_file() and path.stat().st_mtime < limit:
            path.unlink(missing_ok=True)
