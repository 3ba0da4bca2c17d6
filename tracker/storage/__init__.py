"""Uploaded files (evidence, document versions, visit attachments): save, serve, delete.

What a file must be to be stored at all is checked in checks.py.

The contract for features:

    stored = storage.save(request.files["file"])      # UploadRejected (a DomainError) if unsafe
    with storage.discard_on_failure(stored):          # commits; on any failure removes the file
        services.add_evidence(..., stored=stored)

    return storage.send(row.stored_name, row.original_name)   # only from a view that checked scope
    storage.delete(row.stored_name)                   # after the row's deletion is committed
    with storage.open_file(row.stored_name) as handle: ...   # server-side reading (reports)

Files live under app.config["UPLOAD_DIR"] (instance/uploads by default, never under static/) with
random names; the original name is kept in the database only. Writes go to a temporary file in
the same directory, are fsynced and renamed, so a reader never sees half a file.
"""
import os
import re
import secrets
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from flask import abort, current_app, send_file
from flask_babel import lazy_gettext as _l

from tracker.db import db
from tracker.storage.checks import (ALLOWED_EXTENSIONS, CONTENT_TYPES, UploadRejected, check,
                                    max_file_bytes)

__all__ = ["ALLOWED_EXTENSIONS", "CONTENT_TYPES", "StoredFile", "UploadRejected", "check",
           "delete", "discard_on_failure", "open_file", "path_of", "save", "save_bytes", "send"]

STORED_NAME = re.compile(r"^[0-9a-f]{32}\.[a-z]{3,4}$")


@dataclass(frozen=True)
class StoredFile:
    stored_name: str
    original_name: str
    size: int
    content_type: str


def upload_dir() -> Path:
    path = Path(current_app.config["UPLOAD_DIR"])
    path.mkdir(parents=True, exist_ok=True)
    return path


def save(upload) -> StoredFile:
    """Check and store an uploaded werkzeug FileStorage; UploadRejected stores nothing."""
    if upload is None or not getattr(upload, "filename", None):
        raise UploadRejected(_l("Choose a file."))
    limit = max_file_bytes()
    data = upload.stream.read(limit + 1)
    return save_bytes(upload.filename, data)


def save_bytes(filename: str, data: bytes) -> StoredFile:
    checked = check(filename, data)
    stored_name = f"{secrets.token_hex(16)}.{checked.extension}"
    directory = upload_dir()
    descriptor, temporary = tempfile.mkstemp(dir=directory, prefix=".upload-")
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(checked.data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, directory / stored_name)
        _fsync_directory(directory)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return StoredFile(stored_name=stored_name, original_name=checked.original_name,
                      size=len(checked.data), content_type=CONTENT_TYPES[checked.extension])


def _fsync_directory(directory: Path) -> None:
    try:
        descriptor = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


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


def path_of(stored_name: str) -> Path:
    if not STORED_NAME.match(stored_name or ""):
        raise ValueError(f"not a stored file name: {stored_name!r}")
    return Path(current_app.config["UPLOAD_DIR"]) / stored_name


def open_file(stored_name: str) -> BinaryIO:
    """The stored bytes for server-side use (a report embedding a file); close it after use."""
    return path_of(stored_name).open("rb")


def send(stored_name: str, original_name: str, content_type: str | None = None):
    """The file as an attachment with its original (Cyrillic) name, RFC 5987 encoded."""
    path = path_of(stored_name)
    if not path.is_file():
        abort(404)
    return send_file(path, as_attachment=True, download_name=original_name,
                     mimetype=content_type or "application/octet-stream", max_age=0)


def delete(stored_name: str) -> None:
    path_of(stored_name).unlink(missing_ok=True)
