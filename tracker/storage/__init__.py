"""Uploaded files (evidence, document versions, visit attachments): save, serve, delete.

What a file must be to be stored at all is checked in checks.py; where it is kept is the backend
(backends.py: a local directory, the default; s3.py: an S3-compatible bucket for
STORAGE_URL=s3://bucket/prefix).

The contract for features:

    stored = storage.save(request.files["file"])      # UploadRejected (a DomainError) if unsafe,
                                                      # StorageFull when the store has no room
    with storage.discard_on_failure(stored):          # commits; on any failure removes the file
        services.add_evidence(..., stored=stored)

    return storage.send(row)           # only from a view that checked scope; verifies the SHA-256
    storage.delete(row.stored_name)    # after the row's deletion is committed
    with storage.open_file(row.stored_name) as handle: ...   # server-side reading (reports)

A file is written under a temporary key first (`.upload-<name>`); the session's commit moves it to
its final key and a rollback removes it, so a committed row always has its file and a file never
outlives a failed commit. Rows that name a file get its SHA-256 when they are flushed
(`sha256` column); `flask storage check` finds and repairs what a crash may still leave.
"""
import hashlib
import re
import secrets
import tempfile
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO
from urllib.parse import quote

from flask import Response, abort, current_app
from flask_babel import lazy_gettext as _l
from sqlalchemy import event
from sqlalchemy.orm import Session

from tracker.db import db
from tracker.storage.backends import (Backend, LocalBackend, StorageFull, StorageUnavailable,
                                      StoredObject)
from tracker.storage.checks import (ALLOWED_EXTENSIONS, CONTENT_TYPES, UploadRejected, check,
                                    max_file_bytes, visible_name)
from tracker.errors import DomainError

__all__ = ["ALLOWED_EXTENSIONS", "CONTENT_TYPES", "StorageFull", "StorageUnavailable",
           "StoredFile", "StoredFileDamaged", "StoredObject", "UploadRejected", "backend",
           "check", "delete", "discard_on_failure", "open_file", "path_of", "save", "save_bytes",
           "send", "sha256_of", "visible_name"]

STORED_NAME = re.compile(r"^[0-9a-f]{32}\.[a-z]{3,4}$")
TEMPORARY_PREFIX = ".upload-"
CHUNK = 256 * 1024
PENDING = "storage_pending"
_s3_backends: dict[str, Backend] = {}


class StoredFileDamaged(DomainError):
    message = _l("The stored file is damaged (its checksum differs from the one recorded at "
                 "upload) and is not served. Tell the administrator: it can be restored from "
                 "a backup.")


@dataclass(frozen=True)
class StoredFile:
    stored_name: str
    original_name: str
    size: int
    content_type: str
    sha256: str = ""

    @property
    def columns(self) -> dict:
        """What a row naming the file keeps of it (its `sha256` is set when the session
        flushes: `_record_checksums`)."""
        return {"stored_name": self.stored_name, "original_name": self.original_name,
                "content_type": self.content_type, "size": self.size}


def backend(url: str | None = None) -> Backend:
    """The configured store, or the one at `url` (s3://bucket/prefix, file:///dir or a dir)."""
    url = url if url is not None else (current_app.config.get("STORAGE_URL") or "")
    if url.startswith("s3://"):
        if url not in _s3_backends:
            from tracker.storage.s3 import S3Backend
            _s3_backends[url] = S3Backend(url)
        return _s3_backends[url]
    if url.startswith("file://"):
        return LocalBackend(url[len("file://"):])
    return LocalBackend(url or current_app.config["UPLOAD_DIR"])


def temporary_key(stored_name: str) -> str:
    return TEMPORARY_PREFIX + stored_name


def save(upload) -> StoredFile:
    """Check and store an uploaded werkzeug FileStorage; UploadRejected stores nothing."""
    if upload is None or not getattr(upload, "filename", None):
        raise UploadRejected(_l("Choose a file."))
    limit = max_file_bytes()
    data = upload.stream.read(limit + 1)
    return save_bytes(upload.filename, data)


def save_bytes(filename: str, data: bytes) -> StoredFile:
    """Check and store under a temporary key until the session commits (see the module doc)."""
    checked = check(filename, data)
    stored = StoredFile(stored_name=f"{secrets.token_hex(16)}.{checked.extension}",
                        original_name=checked.original_name, size=len(checked.data),
                        content_type=CONTENT_TYPES[checked.extension],
                        sha256=hashlib.sha256(checked.data).hexdigest())
    store = backend()
    store.put(temporary_key(stored.stored_name), checked.data)
    session = db.session()
    if not session.in_transaction():
        session.begin()  # so that a rollback, even before any query, ends in _discard_pending
    session.info.setdefault(PENDING, {})[stored.stored_name] = (store, stored)
    return stored


@contextmanager
def discard_on_failure(stored: StoredFile):
    """Run the database work for `stored` and commit; if anything fails, remove the file."""
    try:
        yield stored
        db.session.commit()
    except BaseException:
        db.session.rollback()
        delete(stored.stored_name)
        raise


@event.listens_for(Session, "before_flush")
def _record_checksums(session, flush_context, instances) -> None:
    pending = session.info.get(PENDING)
    if not pending:
        return
    for row in session.new:
        name = getattr(row, "stored_name", None)
        if name in pending and hasattr(row, "sha256") and not row.sha256:
            row.sha256 = pending[name][1].sha256


@event.listens_for(Session, "after_commit")
def _finalize_pending(session) -> None:
    for store, stored in session.info.pop(PENDING, {}).values():
        try:
            store.move(temporary_key(stored.stored_name), stored.stored_name)
        except FileNotFoundError:
            pass  # finalized by a concurrent check; `flask storage check` reports anything else


@event.listens_for(Session, "after_soft_rollback")
def _discard_pending(session, previous_transaction) -> None:
    if previous_transaction.parent is not None or previous_transaction.nested:
        return
    for store, stored in session.info.pop(PENDING, {}).values():
        store.delete(temporary_key(stored.stored_name))


def _valid(stored_name: str) -> str:
    if not STORED_NAME.match(stored_name or ""):
        raise ValueError(f"not a stored file name: {stored_name!r}")
    return stored_name


def path_of(stored_name: str) -> Path:
    """Where a file is in the local directory store (tests and the backup of a local store)."""
    return Path(current_app.config["UPLOAD_DIR"]) / _valid(stored_name)


def open_file(stored_name: str) -> BinaryIO:
    """The stored bytes for server-side use (a report embedding a file); close it after use.
    A file whose commit has not been finalized yet is read under its temporary key."""
    store = backend()
    try:
        return store.open(_valid(stored_name))
    except FileNotFoundError:
        return store.open(temporary_key(stored_name))


def sha256_of(handle: BinaryIO) -> str:
    digest = hashlib.sha256()
    while chunk := handle.read(CHUNK):
        digest.update(chunk)
    return digest.hexdigest()


def send(row):
    """A row's file as an attachment with its original (Cyrillic) name, RFC 5987 encoded, after
    checking its SHA-256 against the row: damaged bytes are never served."""
    try:
        source = open_file(row.stored_name)
    except FileNotFoundError:
        abort(404)
    verified = _verified_copy(source, getattr(row, "sha256", None))
    size = verified.seek(0, 2)
    verified.seek(0)
    response = Response(_chunks(verified), mimetype=row.content_type or "application/octet-stream",
                        direct_passthrough=True)
    response.content_length = size
    response.headers["Content-Disposition"] = _attachment(row.original_name)
    response.headers["Cache-Control"] = "no-store"
    return response


def _verified_copy(source: BinaryIO, expected: str | None):
    """Copy the stored bytes into a spooled temporary file, hashing them on the way."""
    copy = tempfile.SpooledTemporaryFile(max_size=4 * 1024 * 1024)
    digest = hashlib.sha256()
    with source:
        while chunk := source.read(CHUNK):
            digest.update(chunk)
            copy.write(chunk)
    if expected and digest.hexdigest() != expected:
        copy.close()
        current_app.logger.error("stored file damaged: checksum %s, recorded %s",
                                 digest.hexdigest(), expected)
        raise StoredFileDamaged()
    return copy


def _chunks(handle):
    with handle:
        while chunk := handle.read(CHUNK):
            yield chunk


def _attachment(name: str) -> str:
    """Content-Disposition as Werkzeug's send_file writes it, for the name as it is shown."""
    name = visible_name(name) or "file"
    try:
        name.encode("ascii")
    except UnicodeEncodeError:
        simple = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
        simple = simple.replace("\\", "\\\\").replace('"', '\\"')
        return (f'attachment; filename="{simple}"; '
                f"filename*=UTF-8''{quote(name, safe='!#$&+^`|~')}")
    escaped = name.replace("\\", "\\\\").replace('"', '\\"')
    return f'attachment; filename="{escaped}"'


def delete(stored_name: str) -> None:
    store = backend()
    store.delete(_valid(stored_name))
    store.delete(temporary_key(stored_name))


def init_app(app) -> None:
    from flask import render_template
    from flask_babel import gettext as _

    app.add_template_filter(visible_name, "file_name")

    @app.errorhandler(StoredFileDamaged)
    def damaged(error):
        return render_template("errors/error.html", status=500, title=_("The file is damaged"),
                               text=str(error)), 500
