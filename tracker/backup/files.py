"""The files half of a backup: every file that a dumped row names, copied out of the store, and
a manifest of their SHA-256 in `sha256sum` format (`sha256sum -c manifest.sha256` inside the
backup checks it by hand too)."""
import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from tracker.storage import CHUNK, STORED_NAME, Backend, sha256_of, temporary_key
from tracker.storage.rows import FileRow

MANIFEST = "manifest.sha256"
FILES = "files"


@dataclass
class CopiedOut:
    manifest: dict[str, str] = field(default_factory=dict)  # stored name → SHA-256
    missing: list[FileRow] = field(default_factory=list)
    damaged: list[FileRow] = field(default_factory=list)
    size: int = 0


def copy_out(rows: list[FileRow], store: Backend, target: Path) -> CopiedOut:
    directory = target / FILES
    directory.mkdir()
    copied = CopiedOut()
    for row in rows:
        if row.stored_name in copied.manifest:
            continue
        try:
            digest, size = _copy(store, row.stored_name, directory / row.stored_name)
        except FileNotFoundError:
            copied.missing.append(row)
            continue
        if row.sha256 and digest != row.sha256:
            copied.damaged.append(row)
        copied.manifest[row.stored_name] = digest
        copied.size += size
    lines = "".join(f"{digest}  {FILES}/{name}\n" for name, digest in sorted(
        copied.manifest.items()))
    _write(target / MANIFEST, lines.encode())
    return copied


def _open(store: Backend, name: str) -> BinaryIO:
    """The final key, else the temporary one (committed, not finalized yet), else the final key
    again (finalized in between)."""
    for key in (name, temporary_key(name)):
        try:
            return store.open(key)
        except FileNotFoundError:
            pass
    return store.open(name)


def _copy(store: Backend, name: str, path: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with _open(store, name) as source, path.open("wb") as copy:
        while chunk := source.read(CHUNK):
            digest.update(chunk)
            copy.write(chunk)
            size += len(chunk)
        copy.flush()
        os.fsync(copy.fileno())
    return digest.hexdigest(), size


def _write(path: Path, data: bytes) -> None:
    with path.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def read_manifest(source: Path) -> dict[str, str]:
    """The manifest of a backup; a line that is not «sha256  files/<stored name>» is refused
    (a name can never lead outside the backup)."""
    manifest = {}
    for number, line in enumerate((source / MANIFEST).read_text().splitlines(), start=1):
        digest, _, name = line.partition("  ")
        name = name.removeprefix(f"{FILES}/")
        if len(digest) != 64 or not STORED_NAME.match(name):
            raise ValueError(f"{MANIFEST}, line {number}: not «sha256  {FILES}/name»")
        manifest[name] = digest
    return manifest


def verify(source: Path, manifest: dict[str, str]) -> list[str]:
    """Every listed file present with its checksum, and nothing unlisted."""
    problems = []
    directory = source / FILES
    for name, expected in sorted(manifest.items()):
        path = directory / name
        if not path.is_file():
            problems.append(f"{FILES}/{name}: missing from the backup")
        elif _hash_file(path) != expected:
            problems.append(f"{FILES}/{name}: checksum differs from the manifest")
    present = {entry.name for entry in directory.iterdir()} if directory.is_dir() else set()
    problems += [f"{FILES}/{name}: not in the manifest" for name in sorted(present - set(manifest))]
    return problems


def copy_in(source: Path, manifest: dict[str, str], store: Backend) -> list[str]:
    """Put every file into the store and read it back: its checksum must be the manifest's."""
    problems = []
    for name, expected in sorted(manifest.items()):
        store.put(name, (source / FILES / name).read_bytes())
        with store.open(name) as handle:
            if sha256_of(handle) != expected:
                problems.append(f"{name}: checksum in the store differs from the manifest")
    return problems


def _hash_file(path: Path) -> str:
    with path.open("rb") as handle:
        return sha256_of(handle)
