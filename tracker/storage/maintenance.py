"""`flask storage check [--repair]`, the cheap check at start, `flask storage migrate`.

Objects are listed before rows are read: a file finalized in between then always has its row in
the snapshot, so a fresh upload is never taken for an orphan. Temporary objects without a row are
removed only when older than STALE_AFTER, so an upload in progress is left alone.
"""
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from tracker.db import db
from tracker.storage import (STORED_NAME, TEMPORARY_PREFIX, Backend, backend, sha256_of,
                             temporary_key)
from tracker.storage.rows import FileRow, file_rows, record_checksum

STALE_AFTER = timedelta(hours=1)


@dataclass
class Findings:
    orphans: list[str] = field(default_factory=list)          # files without rows
    stale_temporary: list[str] = field(default_factory=list)  # unfinished uploads without rows
    unfinished: list[FileRow] = field(default_factory=list)   # committed, still under temp key
    missing: list[FileRow] = field(default_factory=list)      # rows without files
    damaged: list[FileRow] = field(default_factory=list)      # checksum differs from the row's
    unrecorded: list[FileRow] = field(default_factory=list)   # rows without a checksum
    checked: int = 0

    @property
    def problems(self) -> int:
        return sum(len(items) for items in (self.orphans, self.stale_temporary, self.unfinished,
                                            self.missing, self.damaged, self.unrecorded))


def check(store: Backend | None = None, *, now: datetime | None = None,
          stale_after: timedelta = STALE_AFTER, checksums: bool = True) -> Findings:
    store = store or backend()
    now = now or datetime.now(UTC)
    objects = {item.key: item for item in store.objects()}
    rows = file_rows()
    named = {row.stored_name for row in rows}
    findings = Findings(checked=len(rows))
    for key, item in objects.items():
        if key.startswith(TEMPORARY_PREFIX):
            stale = now - item.modified_at > stale_after
            if key[len(TEMPORARY_PREFIX):] not in named and stale:
                findings.stale_temporary.append(key)
        elif STORED_NAME.match(key) and key not in named:
            findings.orphans.append(key)
    for row in rows:
        if row.stored_name not in objects:
            target = findings.unfinished if temporary_key(row.stored_name) in objects \
                else findings.missing
            target.append(row)
        elif checksums:
            _compare(store, row, findings)
    return findings


def _compare(store: Backend, row: FileRow, findings: Findings) -> None:
    with store.open(row.stored_name) as handle:
        actual = sha256_of(handle)
    if row.sha256 is None:
        findings.unrecorded.append(row)
    elif actual != row.sha256:
        findings.damaged.append(row)


def repair(findings: Findings, store: Backend | None = None) -> list[str]:
    """Fix what can be fixed without a backup; say what was done, one line per action."""
    store = store or backend()
    done = []
    for key in findings.orphans + findings.stale_temporary:
        store.delete(key)
        done.append(f"removed {key}")
    for row in findings.unfinished:
        store.move(temporary_key(row.stored_name), row.stored_name)
        done.append(f"finished the upload of {row.stored_name}")
    for row in findings.unrecorded:
        with store.open(row.stored_name) as handle:
            record_checksum(row, sha256_of(handle))
        done.append(f"recorded the checksum of {row.table} #{row.row_id}")
    db.session.commit()
    return done


def tidy_at_start() -> list[str]:
    """The cheap part, for every start: only temporary objects are looked at (no full listing,
    no hashing). A committed row's upload is finished, a stale one without a row removed."""
    store = backend()
    now = datetime.now(UTC)
    temporary = list(store.objects(TEMPORARY_PREFIX))
    if not temporary:
        return []
    named = {row.stored_name for row in file_rows()}
    findings = Findings()
    for item in temporary:
        name = item.key[len(TEMPORARY_PREFIX):]
        if name in named and not store.exists(name):
            findings.unfinished.append(FileRow("", 0, name, None))
        elif name not in named and now - item.modified_at > STALE_AFTER:
            findings.stale_temporary.append(item.key)
    return repair(findings, store)


@dataclass
class Migration:
    copied: int = 0
    already_there: int = 0
    problems: list[str] = field(default_factory=list)


def migrate(target: Backend, source: Backend | None = None) -> Migration:
    """Copy every row's file into `target`, verifying each checksum after the copy."""
    source = source or backend()
    outcome = Migration()
    for row in file_rows():
        try:
            data = _read(source, row.stored_name)
        except FileNotFoundError:
            outcome.problems.append(f"{row.table} #{row.row_id}: no file in the source")
            continue
        expected = row.sha256 or _hash(data)
        if _hash(data) != expected:
            outcome.problems.append(f"{row.table} #{row.row_id}: damaged in the source")
            continue
        if target.exists(row.stored_name) and _hash(_read(target, row.stored_name)) == expected:
            outcome.already_there += 1
            continue
        target.put(row.stored_name, data)
        if _hash(_read(target, row.stored_name)) != expected:
            outcome.problems.append(f"{row.table} #{row.row_id}: checksum differs after the copy")
            continue
        outcome.copied += 1
    return outcome


def _read(store: Backend, key: str) -> bytes:
    try:
        with store.open(key) as handle:
            return handle.read()
    except FileNotFoundError:
        with store.open(temporary_key(key)) as handle:
            return handle.read()


def _hash(data: bytes) -> str:
    import hashlib
    return hashlib.sha256(data).hexdigest()


def tidy_at_start_logged(app) -> None:
    """tidy_at_start() for wsgi.py: log what it did; never stop the start (a database not
    migrated yet, a store not reachable yet are the operator's to see in the log)."""
    from sqlalchemy.exc import SQLAlchemyError
    with app.app_context():
        try:
            for line in tidy_at_start():
                app.logger.warning("storage at start: %s", line)
        except SQLAlchemyError:
            db.session.rollback()
            app.logger.info("storage at start: skipped, the database is not ready")
        except Exception:  # noqa: BLE001
            app.logger.exception("storage at start: skipped")
        finally:
            db.session.remove()
