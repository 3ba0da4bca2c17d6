"""One consistent backup of the database and the stored files; its restore, verified.

A backup is a directory:

    backup.json        what it holds (engine, dump file, number of files); written last, so a
                       directory without it is an interrupted backup and is never restored
    database.pgdump    pg_dump --format=custom   (or database.sqlite3, SQLite's online backup)
    files/<name>       every file a dumped row names
    manifest.sha256    their SHA-256, `sha256sum` format

The database is dumped first and the files are copied after it, for the rows of the dump: a file
uploaded meanwhile has no row in the dump and is simply not needed, so no row is left without its
file. (A row deleted together with its file in between is the one exception: the backup is then
taken again.) A restore goes the other way: the files into an empty store first, then the
database into an empty database, then every restored row is checked against its file.
"""
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func, select

from tracker.backup import database, files
from tracker.backup.database import BackupError
from tracker.db import db
from tracker.storage import Backend, backend
from tracker.storage.rows import FileRow, file_rows

__all__ = ["BackupError", "Summary", "create", "restore"]

INFO = "backup.json"
FORMAT = 1
ATTEMPTS = 3


@dataclass(frozen=True)
class Summary:
    engine: str
    dump: str
    dump_size: int
    files: int
    files_size: int


def create(target: Path, store: Backend | None = None) -> Summary:
    store = store or backend()
    _require_empty_directory(target)
    for attempt in range(1, ATTEMPTS + 1):
        dump_name, rows = database.dump(target)
        copied = files.copy_out(rows, store, target)
        deleted_meanwhile = copied.missing and not any(_still_there(row) for row in copied.missing)
        if not (deleted_meanwhile and attempt < ATTEMPTS):
            break
        _empty(target)
    problems = [f"{_name(row)}: row without its file in the store" for row in copied.missing]
    problems += [f"{_name(row)}: the stored file's checksum differs from the row's (damaged; "
                 "see flask storage check)" for row in copied.damaged]
    if problems:
        raise BackupError("the backup is incomplete and was not finished:\n  "
                          + "\n  ".join(problems))
    summary = Summary(engine=database.engine_name(), dump=dump_name,
                      dump_size=(target / dump_name).stat().st_size, files=len(copied.manifest),
                      files_size=copied.size)
    info = {"format": FORMAT, "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "engine": summary.engine, "database": dump_name, "files": summary.files}
    files._write(target / INFO, json.dumps(info, indent=2).encode())
    return summary


def restore(source: Path, store: Backend | None = None) -> Summary:
    store = store or backend()
    info = _read_info(source)
    try:
        manifest = files.read_manifest(source)
    except (OSError, ValueError) as error:
        raise BackupError(f"the manifest cannot be read: {error}") from None
    problems = files.verify(source, manifest)
    if len(manifest) != info["files"]:
        problems.append(f"{INFO} counts {info['files']} files, the manifest {len(manifest)}")
    if problems:
        raise BackupError("the backup is damaged, nothing was restored:\n  "
                          + "\n  ".join(problems))
    if database.DUMP_NAMES[database.engine_name()] != info["database"]:
        raise BackupError(f"the backup holds a {info['engine']} database, the target is "
                          f"{database.engine_name()}")
    database.ensure_empty()
    if next(iter(store.objects()), None) is not None:
        raise BackupError(f"the target store {store.url} is not empty: a backup is restored "
                          "into an empty store only")
    problems = files.copy_in(source, manifest, store)
    if problems:
        raise BackupError("the files did not arrive intact, the database was not restored:\n  "
                          + "\n  ".join(problems))
    database.restore(source, info["database"])
    _prove(manifest)
    return Summary(engine=info["engine"], dump=info["database"],
                   dump_size=(source / info["database"]).stat().st_size, files=len(manifest),
                   files_size=sum((source / files.FILES / name).stat().st_size
                                  for name in manifest))


def _prove(manifest: dict[str, str]) -> None:
    """Every restored row names a restored file, with the manifest's checksum."""
    db.session.remove()
    problems = []
    for row in file_rows():
        if row.stored_name not in manifest:
            problems.append(f"{_name(row)}: row without its file")
        elif row.sha256 and row.sha256 != manifest[row.stored_name]:
            problems.append(f"{_name(row)}: the file's checksum differs from the row's")
    db.session.remove()
    if problems:
        raise BackupError("the restored database does not match its files:\n  "
                          + "\n  ".join(problems))


def _read_info(source: Path) -> dict:
    try:
        info = json.loads((source / INFO).read_text())
    except FileNotFoundError:
        raise BackupError(f"{source} is not a complete backup (no {INFO})") from None
    except (OSError, ValueError) as error:
        raise BackupError(f"{source / INFO} cannot be read: {error}") from None
    if info.get("format") != FORMAT:
        raise BackupError(f"{source / INFO}: unknown backup format {info.get('format')!r}")
    return info


def _require_empty_directory(target: Path) -> None:
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise BackupError(f"{target} exists and is not an empty directory")
    target.mkdir(parents=True, exist_ok=True)


def _empty(target: Path) -> None:
    for path in sorted(target.rglob("*"), reverse=True):
        path.rmdir() if path.is_dir() else path.unlink()


def _still_there(row: FileRow) -> bool:
    table = db.metadata.tables[row.table]
    found = db.session.scalar(select(func.count()).select_from(table).where(
        table.c.id == row.row_id, table.c.stored_name == row.stored_name))
    db.session.rollback()
    return bool(found)


def _name(row: FileRow) -> str:
    return f"{row.table} #{row.row_id} ({row.stored_name})"
