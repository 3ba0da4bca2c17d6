"""Where stored files are kept: a local directory (the default) or an S3-compatible bucket.

A backend knows keys and bytes only; what a key means (final name, temporary key) is decided in
tracker/storage/__init__.py. Every backend raises FileNotFoundError for a missing key, StorageFull
when the store has no room, StorageUnavailable when it does not answer.
"""
import errno
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO, Iterator, Protocol

from flask_babel import lazy_gettext as _l

from tracker.storage.checks import UploadRejected

FULL_ERRNOS = {errno.ENOSPC, errno.EDQUOT}


class StorageFull(UploadRejected):
    message = _l("The file storage is full: the file was not saved. Tell the administrator; "
                 "the form keeps what you entered.")


class StorageUnavailable(UploadRejected):
    message = _l("The file storage does not answer: the file was not saved. Try again later.")


@dataclass(frozen=True)
class StoredObject:
    key: str
    size: int
    modified_at: datetime


class Backend(Protocol):
    url: str

    def put(self, key: str, data: bytes) -> None: ...
    def move(self, source: str, target: str) -> None: ...
    def delete(self, key: str) -> None: ...
    def open(self, key: str) -> BinaryIO: ...
    def exists(self, key: str) -> bool: ...
    def objects(self, prefix: str = "") -> Iterator[StoredObject]: ...
    def ping(self) -> None: ...


class LocalBackend:
    """Files in one directory; writes are fsynced, renames atomic."""

    def __init__(self, directory: str | Path):
        self.root = Path(directory)
        self.url = self.root.as_uri() if self.root.is_absolute() else str(self.root)

    def _path(self, key: str) -> Path:
        if "/" in key or key in ("", ".", ".."):
            raise ValueError(f"not a storage key: {key!r}")
        return self.root / key

    def put(self, key: str, data: bytes) -> None:
        path = self._path(key)
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            with path.open("wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        except OSError as error:
            path.unlink(missing_ok=True)
            if error.errno in FULL_ERRNOS:
                raise StorageFull() from error
            raise

    def move(self, source: str, target: str) -> None:
        os.replace(self._path(source), self._path(target))
        _fsync_directory(self.root)

    def delete(self, key: str) -> None:
        self._path(key).unlink(missing_ok=True)

    def open(self, key: str) -> BinaryIO:
        return self._path(key).open("rb")

    def exists(self, key: str) -> bool:
        return self._path(key).is_file()

    def objects(self, prefix: str = "") -> Iterator[StoredObject]:
        if not self.root.is_dir():
            return
        for entry in os.scandir(self.root):
            if entry.is_file() and entry.name.startswith(prefix):
                stat = entry.stat()
                yield StoredObject(entry.name, stat.st_size,
                                   datetime.fromtimestamp(stat.st_mtime, UTC))

    def ping(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        if not os.access(self.root, os.W_OK):
            raise StorageUnavailable()


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
